import type { EmployeeReportDto } from '@zhiben/contracts';
import { Alert, App, DatePicker, Form, Modal, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { errorMessage } from '../../api/errors';
import { applyFieldErrors } from '../../api/formErrors';
import { testId } from '../../lib/testId';
import { APP_TZ, dayjs } from '../../lib/time';
import { useReportSettings, useRewardReport } from './employeeReports.api';
import { formatYuan } from './reportLabels';

interface Values {
  grade?: string;
  paidAt?: Dayjs | null;
}

/**
 * 奖励: the grade decides the amount (the enterprise's reward scale, fixed when recorded — the server takes no
 * free amount); a paid date marks it paid and locks it. Without a date it is recorded as awarded, to be paid.
 */
export function RewardReportModal({ report, open, onClose }: { report: EmployeeReportDto; open: boolean; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const grade = Form.useWatch('grade', form);
  const paidAt = Form.useWatch('paidAt', form);
  const settings = useReportSettings(open ? report.enterpriseId : undefined);
  const reward = useRewardReport();
  const scale = settings.data?.rewardScale ?? [];
  const entry = scale.find((e) => e.grade === grade);
  // Calendar days in the bureau's time zone, compared as YYYY-MM-DD (the server checks the same range).
  const firstDay = dayjs(report.createdAt).tz(APP_TZ).format('YYYY-MM-DD');
  const lastDay = dayjs().tz(APP_TZ).format('YYYY-MM-DD');

  const onFinish = async (values: Values) => {
    if (!values.grade) return;
    try {
      await reward.mutateAsync({
        id: report.id,
        body: { grade: values.grade, ...(values.paidAt ? { paidAt: values.paidAt.format('YYYY-MM-DD') } : {}) },
      });
      message.success(values.paidAt ? '奖励已记录为已发放' : '奖励已记录，待发放');
      onClose();
    } catch (err) {
      if (!applyFieldErrors(form, err)) message.error(errorMessage(err));
    }
  };

  return (
    <Modal
      open={open}
      title="记录奖励"
      okText={paidAt ? '确认已发放' : '保存（待发放）'}
      cancelText="取消"
      onOk={() => form.submit()}
      onCancel={onClose}
      okButtonProps={{ loading: reward.isPending, ...testId('report-reward-submit') }}
      destroyOnHidden
      data-testid="report-reward-modal"
    >
      <Form<Values> form={form} layout="vertical" onFinish={onFinish} initialValues={{ grade: report.grade ?? undefined }} preserve={false}>
        <Form.Item name="grade" label="奖励等级" rules={[{ required: true, message: '请选择奖励等级' }]}>
          <Select
            placeholder="选择等级"
            loading={settings.isLoading}
            options={scale.map((e) => ({ value: e.grade, label: e.grade, ...testId(`report-reward-grade-option-${e.grade}`) }))}
            data-testid="report-reward-grade"
          />
        </Form.Item>
        <Form.Item label="奖励金额" extra="按本企业奖励标准的等级确定；如需调整金额，请先修改奖励标准">
          <Typography.Text strong style={{ fontSize: 18 }} data-testid="report-reward-amount">
            {entry ? formatYuan(entry.amountFen) : '—'}
          </Typography.Text>
        </Form.Item>
        <Form.Item name="paidAt" label="发放日期" extra="填写发放日期即记为已发放；不填则记为待发放">
          <DatePicker
            style={{ width: '100%' }}
            disabledDate={(d) => {
              const day = d.format('YYYY-MM-DD');
              return day < firstDay || day > lastDay;
            }}
            placeholder="尚未发放可不填"
            data-testid="report-reward-paid-at"
          />
        </Form.Item>
        {paidAt && (
          <Alert type="warning" showIcon title="记录为已发放后，奖励等级和金额不能再修改。" data-testid="report-reward-lock-warning" />
        )}
      </Form>
    </Modal>
  );
}
