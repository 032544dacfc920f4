import { type EmployeeReportDto, OUTCOME_LABELS, VERIFICATION_OUTCOMES, type VerificationOutcome } from '@zhiben/contracts';
import { Alert, App, Form, Input, Modal, Radio, Select } from 'antd';
import { errorMessage } from '../../api/errors';
import { applyFieldErrors } from '../../api/formErrors';
import { testId } from '../../lib/testId';
import { useReportSettings, useVerifyReport } from './employeeReports.api';
import { formatYuan } from './reportLabels';

interface Values {
  outcome: VerificationOutcome;
  grade?: string;
  note?: string;
}

/**
 * 核实: 属实 (with a grade from the reward scale; it creates a general hazard in the ledger), 不属实 or 重复, and a
 * note. The reward scale comes from the enterprise's report settings.
 */
export function VerifyReportModal({ report, open, onClose }: { report: EmployeeReportDto; open: boolean; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const outcome = Form.useWatch('outcome', form);
  const settings = useReportSettings(open ? report.enterpriseId : undefined);
  const verify = useVerifyReport();

  const onFinish = async (values: Values) => {
    try {
      const note = values.note?.trim();
      await verify.mutateAsync({
        id: report.id,
        body: {
          outcome: values.outcome,
          ...(values.outcome === 'true' && values.grade ? { grade: values.grade } : {}),
          ...(note ? { note } : {}),
        },
      });
      message.success(values.outcome === 'true' ? '已核实为属实，已生成隐患并列入隐患整改' : `已核实为${OUTCOME_LABELS[values.outcome]}`);
      onClose();
    } catch (err) {
      if (!applyFieldErrors(form, err)) message.error(errorMessage(err));
    }
  };

  return (
    <Modal
      open={open}
      title="核实员工报告"
      okText="确认核实"
      cancelText="取消"
      onOk={() => form.submit()}
      onCancel={onClose}
      okButtonProps={{ loading: verify.isPending, ...testId('report-verify-submit') }}
      destroyOnHidden
      data-testid="report-verify-modal"
    >
      <Form<Values> form={form} layout="vertical" onFinish={onFinish} initialValues={{ grade: report.grade ?? undefined }} preserve={false}>
        <Form.Item name="outcome" label="核实结果" rules={[{ required: true, message: '请选择核实结果' }]}>
          <Radio.Group buttonStyle="solid" data-testid="report-verify-outcome">
            {VERIFICATION_OUTCOMES.map((o) => (
              // The test id on the visible label text: antd hides the radio input itself.
              <Radio.Button key={o} value={o}>
                <span data-testid={`report-verify-outcome-${o}`}>{OUTCOME_LABELS[o]}</span>
              </Radio.Button>
            ))}
          </Radio.Group>
        </Form.Item>
        {outcome === 'true' && (
          <>
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 16 }}
              title="核实属实后自动生成一条一般隐患（待判定），由安全管理人员判定并落实整改；属实的结论不能撤回。"
            />
            <Form.Item name="grade" label="奖励等级" extra="按本企业奖励标准评定；也可以在记录奖励时再评定">
              <Select
                allowClear
                placeholder="选择等级"
                loading={settings.isLoading}
                options={(settings.data?.rewardScale ?? []).map((e) => ({
                  value: e.grade,
                  label: `${e.grade}（${formatYuan(e.amountFen)}）`,
                  ...testId(`report-grade-option-${e.grade}`),
                }))}
                data-testid="report-verify-grade"
              />
            </Form.Item>
          </>
        )}
        <Form.Item name="note" label="核实说明" rules={[{ max: 500, message: '核实说明不超过 500 字' }]}>
          <Input.TextArea
            autoSize={{ minRows: 3, maxRows: 6 }}
            maxLength={500}
            showCount
            placeholder={outcome === 'duplicate' ? '如：与 3 月 5 日报告的二车间配电箱问题重复' : '现场核实情况'}
            data-testid="report-verify-note"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
