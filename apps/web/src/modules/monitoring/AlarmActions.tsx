import { CheckCircleOutlined, FileDoneOutlined } from '@ant-design/icons';
import { type AlarmDto, ackAlarmBody, disposeAlarmBody } from '@zhiben/contracts';
import { App, Button, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../api/errors';
import { applyFieldErrors } from '../../api/formErrors';
import { useFormLayout } from '../../components/useFormLayout';
import { zodRule } from '../../lib/formRules';
import { ActionDialog } from '../hazards/ActionDialog';
import { PhotoField } from '../hazards/PhotoField';
import { useAckAlarm, useDisposeAlarm } from './alarms.api';

function AckDialog({ alarm, onClose }: { alarm: AlarmDto; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ note?: string }>();
  const layout = useFormLayout(80);
  const ack = useAckAlarm(alarm.id);

  const submit = async () => {
    let v: { note?: string };
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    try {
      await ack.mutateAsync({ note: v.note?.trim() || null });
      message.success('已响应报警，请尽快处置并提交处置报告');
      onClose();
    } catch (error) {
      if (!applyFieldErrors(form, error)) message.error(errorMessage(error));
    }
  };

  return (
    <ActionDialog
      open
      title="响应报警"
      onCancel={onClose}
      onOk={() => void submit()}
      okText="确认响应"
      busy={ack.isPending}
      testId="alarm-ack-form"
    >
      <Typography.Paragraph type="secondary">
        响应表示已收到报警、正在组织处置；响应后停止超时升级和提醒。处置完成后请提交处置报告。
      </Typography.Paragraph>
      <Form form={form} {...layout} preserve={false} autoComplete="off">
        <Form.Item label="说明" name="note" rules={[zodRule(ackAlarmBody.shape.note)]}>
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 5 }}
            maxLength={500}
            placeholder="选填，如：已通知设备员到现场检查"
            data-testid="alarm-ack-note"
          />
        </Form.Item>
      </Form>
    </ActionDialog>
  );
}

interface DisposeValues {
  cause: string;
  action: string;
  photos: string[];
}

/** 处置报告: cause, action taken, photos of the site afterwards (all three required by the server). */
function DisposeDialog({ alarm, onClose }: { alarm: AlarmDto; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<DisposeValues>();
  const layout = useFormLayout(96);
  const dispose = useDisposeAlarm(alarm.id);
  const [uploading, setUploading] = useState(false);
  const shape = disposeAlarmBody.shape;

  const submit = async () => {
    let v: DisposeValues;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    try {
      await dispose.mutateAsync({ cause: v.cause.trim(), action: v.action.trim(), photos: v.photos });
      message.success(alarm.clearedAt ? '已提交处置报告，报警已关闭' : '已提交处置报告；报警条件恢复后自动关闭');
      onClose();
    } catch (error) {
      if (!applyFieldErrors(form, error)) message.error(errorMessage(error));
    }
  };

  return (
    <ActionDialog
      open
      title="提交处置报告"
      onCancel={onClose}
      onOk={() => void submit()}
      okText="提交处置报告"
      busy={dispose.isPending}
      waiting={uploading ? '照片上传中…' : null}
      width={680}
      testId="alarm-dispose-form"
    >
      <Typography.Paragraph type="secondary">
        {alarm.clearedAt ? '报警条件已恢复，提交处置报告后报警关闭。' : '报警条件仍未恢复：提交后报警为「已处置」，条件恢复后自动关闭。'}
      </Typography.Paragraph>
      <Form<DisposeValues> form={form} {...layout} preserve={false} initialValues={{ photos: [] }} autoComplete="off" scrollToFirstError>
        <Form.Item label="报警原因" name="cause" required rules={[zodRule(shape.cause)]}>
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 6 }}
            maxLength={1000}
            showCount
            placeholder="如：灰斗积灰未及时清理，摩擦升温"
            data-testid="alarm-dispose-cause"
          />
        </Form.Item>
        <Form.Item label="处置措施" name="action" required rules={[zodRule(shape.action)]}>
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 6 }}
            maxLength={1000}
            showCount
            placeholder="如：停机清灰，检查卸灰阀，温度恢复至 35 ℃ 后重新开机"
            data-testid="alarm-dispose-action"
          />
        </Form.Item>
        <Form.Item label="现场照片" name="photos" required rules={[zodRule(shape.photos)]} extra="处置后的现场照片，1–9 张">
          <PhotoField testIdPrefix="alarm-dispose-photos" onBusyChange={setUploading} />
        </Form.Item>
      </Form>
    </ActionDialog>
  );
}

/** 响应 and 处置 of one alarm, as far as its `abilities` allow. */
export function AlarmActions({ alarm, size }: { alarm: AlarmDto; size?: 'small' | 'middle' | 'large' }) {
  const [open, setOpen] = useState<'ack' | 'dispose' | null>(null);
  const { acknowledge, dispose } = alarm.abilities;
  if (!acknowledge && !dispose) return null;
  return (
    <Space wrap>
      {acknowledge && (
        <Button type="primary" size={size} icon={<CheckCircleOutlined />} onClick={() => setOpen('ack')} data-testid="alarm-ack">
          响应
        </Button>
      )}
      {dispose && (
        <Button
          type={acknowledge ? 'default' : 'primary'}
          size={size}
          icon={<FileDoneOutlined />}
          onClick={() => setOpen('dispose')}
          data-testid="alarm-dispose-open"
        >
          处置
        </Button>
      )}
      {open === 'ack' && <AckDialog alarm={alarm} onClose={() => setOpen(null)} />}
      {open === 'dispose' && <DisposeDialog alarm={alarm} onClose={() => setOpen(null)} />}
    </Space>
  );
}
