import { SendOutlined } from '@ant-design/icons';
import { REPORT_LIMITS } from '@zhiben/contracts';
import { Alert, Button, Card, Checkbox, Flex, Form, Input, Progress, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { errorMessage } from '../api/errors';
import { applyFieldErrors } from '../api/formErrors';
import { useMeQuery } from '../app/session';
import { MobileShell } from './MobileShell';
import { type ReportFields, submitReport } from './publicReports.api';
import { ReportPhotoPicker } from './ReportPhotoPicker';
import { ReportSuccess } from './ReportSuccess';
import { usePickedPhotos } from './usePickedPhotos';

/** The same phone rule as the server's phoneSchema: a mobile number or a landline such as 0355-1234567. */
const PHONE = /^(1\d{10}|0\d{2,3}-?\d{7,8})$/;

/**
 * 隐患随手拍 (/r/:token): the page behind an enterprise's QR code (seed §三(四)6, 员工报告隐患奖励制度). Anyone reports
 * a hazard with photos, without login; a signed-in user may choose to report under his name. The answer is a receipt
 * code to follow the outcome and claim the reward.
 */
export function ReportPage() {
  const { token = '' } = useParams();
  const [form] = Form.useForm<ReportFields>();
  const photos = usePickedPhotos();
  const me = useMeQuery().data;
  const [signed, setSigned] = useState(false);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [receiptCode, setReceiptCode] = useState<string | null>(null);
  const submitting = progress !== null;

  const onFinish = async (values: ReportFields) => {
    setError(null);
    setProgress(0);
    try {
      const result = await submitReport(
        token,
        { description: values.description.trim(), location: values.location?.trim(), phone: values.phone?.trim() },
        photos.photos.map((p) => p.file),
        { csrfToken: signed && me ? me.csrfToken : undefined, onProgress: setProgress },
      );
      setReceiptCode(result.receiptCode);
      form.resetFields();
      photos.clear();
      window.scrollTo({ top: 0 });
    } catch (err) {
      applyFieldErrors(form, err);
      // Photo problems, the rate limit and an expired QR code have no field of their own: always say it in words.
      setError(errorMessage(err));
    } finally {
      setProgress(null);
    }
  };

  if (receiptCode) {
    return (
      <MobileShell title="隐患随手拍">
        <ReportSuccess code={receiptCode} onAgain={() => setReceiptCode(null)} />
      </MobileShell>
    );
  }

  return (
    <MobileShell title="隐患随手拍">
      <Flex vertical gap={12}>
        <Alert
          type="info"
          showIcon
          title="发现事故隐患，随手拍照报告"
          description="无需登录，可以匿名。企业核实属实后，按本企业奖励标准给予奖励；凭提交后的回执码查询核实结果。"
        />
        <Card styles={{ body: { padding: '20px 16px 8px' } }}>
          <Form<ReportFields> form={form} layout="vertical" size="large" onFinish={onFinish} disabled={submitting} requiredMark={false}>
            <Form.Item
              name="description"
              label={<span style={{ fontSize: 16, fontWeight: 500 }}>隐患描述</span>}
              rules={[
                { required: true, whitespace: true, message: '请描述发现的隐患' },
                { min: 4, message: '隐患描述至少 4 个字' },
                { max: REPORT_LIMITS.descriptionMax, message: `隐患描述不超过 ${REPORT_LIMITS.descriptionMax} 字` },
              ]}
            >
              <Input.TextArea
                autoSize={{ minRows: 4, maxRows: 10 }}
                maxLength={REPORT_LIMITS.descriptionMax}
                placeholder="看到了什么问题？例如：二车间除尘器泄爆口被杂物堵住"
                data-testid="report-description"
              />
            </Form.Item>
            <Form.Item
              name="location"
              label={<span style={{ fontSize: 16, fontWeight: 500 }}>位置（选填）</span>}
              rules={[{ max: REPORT_LIMITS.locationMax, message: `位置不超过 ${REPORT_LIMITS.locationMax} 字` }]}
            >
              <Input maxLength={REPORT_LIMITS.locationMax} placeholder="车间、设备或区域，如 二车间东侧" data-testid="report-location" />
            </Form.Item>
            <Form.Item label={<span style={{ fontSize: 16, fontWeight: 500 }}>现场照片</span>}>
              <ReportPhotoPicker
                photos={photos.photos}
                preparing={photos.preparing}
                problems={photos.problems}
                disabled={submitting}
                onPick={(files) => void photos.add(files)}
                onRemove={photos.remove}
              />
            </Form.Item>
            <Form.Item
              name="phone"
              label={<span style={{ fontSize: 16, fontWeight: 500 }}>联系电话（选填）</span>}
              extra="留下电话便于反馈核实结果、发放奖励；仅企业主要负责人和区应急管理局可见"
              rules={[{ pattern: PHONE, message: '电话号码格式不正确，如 13912345678 或 0355-1234567' }]}
            >
              <Input type="tel" inputMode="tel" maxLength={20} placeholder="手机号或座机" data-testid="report-phone" />
            </Form.Item>
            {me && (
              <Form.Item>
                <Checkbox checked={signed} onChange={(e) => setSigned(e.target.checked)} data-testid="report-signed">
                  以本人账号（{me.user.displayName}）实名报告，核实结果会通知我
                </Checkbox>
              </Form.Item>
            )}
            {error && (
              <Form.Item>
                <Alert type="error" showIcon title="提交失败" description={error} data-testid="report-error" />
              </Form.Item>
            )}
            <Form.Item>
              <Flex vertical gap={8}>
                <Button
                  type="primary"
                  htmlType="submit"
                  block
                  icon={<SendOutlined />}
                  loading={submitting}
                  disabled={photos.preparing}
                  style={{ height: 52, fontSize: 17 }}
                  data-testid="report-submit"
                >
                  {submitting ? `正在提交 ${progress}%` : '提交报告'}
                </Button>
                {submitting && <Progress percent={progress ?? 0} size="small" showInfo={false} data-testid="report-progress" />}
              </Flex>
            </Form.Item>
          </Form>
        </Card>
        <Link to="/r/receipt" style={{ textAlign: 'center', fontSize: 15, padding: 8 }} data-testid="report-receipt-lookup">
          已经报告过？凭回执码查询处理结果
        </Link>
        <Typography.Text type="secondary" style={{ fontSize: 12, textAlign: 'center' }}>
          报告人身份仅企业主要负责人和区应急管理局可见，不会告知被报告的部门
        </Typography.Text>
      </Flex>
    </MobileShell>
  );
}
