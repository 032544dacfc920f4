import { type HazardDto, superviseHazardBody } from '@zhiben/contracts';
import { App, DatePicker, Form, Grid, Input } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useFormLayout } from '../../../components/useFormLayout';
import { zodRule } from '../../../lib/formRules';
import { formatDate, isFuture } from '../../../lib/time';
import { ActionDialog } from '../ActionDialog';
import { beforeToday, dayOf, deadlineDay } from '../hazardFormat';
import { useHazardAction } from '../hazards.api';
import { useActionErrors } from '../useActionErrors';

interface Values {
  supervisingUnit: string;
  supervisionDeadline: Dayjs | null;
  note?: string;
}

const shape = superviseHazardBody.shape;

/** 挂牌督办 (the bureau, major hazards): the supervising unit and the supervision deadline; may be set again to change them. */
export function SuperviseDialog({ hazard, open, onClose }: { hazard: HazardDto; open: boolean; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const layout = useFormLayout(110);
  const phone = Grid.useBreakpoint().md === false;
  const mutation = useHazardAction(hazard.id, 'supervise');
  const onError = useActionErrors();
  const [initial] = useState<Partial<Values>>(() => ({
    supervisingUnit: hazard.supervisingUnit ?? undefined,
    // Suggested: the current supervision deadline, else the rectification deadline — when still ahead.
    supervisionDeadline:
      [hazard.supervisionDeadline, hazard.deadline].map((d) => (isFuture(d) ? deadlineDay(d) : null)).find(Boolean) ?? null,
  }));

  const submit = async () => {
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    try {
      await mutation.mutateAsync({
        supervisingUnit: v.supervisingUnit.trim(),
        supervisionDeadline: v.supervisionDeadline ? dayOf(v.supervisionDeadline) : '',
        note: v.note?.trim() || null,
      });
      message.success(hazard.supervised ? '已更新挂牌督办信息' : '已挂牌督办');
      onClose();
    } catch (error) {
      if (onError(error, form)) onClose();
    }
  };

  return (
    <ActionDialog
      open={open}
      title={hazard.supervised ? '调整挂牌督办' : '挂牌督办'}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={hazard.supervised ? '保存' : '挂牌督办'}
      busy={mutation.isPending}
      testId="hazard-supervise-form"
    >
      <Form<Values> form={form} {...layout} preserve={false} initialValues={initial} autoComplete="off">
        <Form.Item label="督办单位" name="supervisingUnit" required rules={[zodRule(shape.supervisingUnit)]}>
          <Input maxLength={100} placeholder="如：长治市上党区应急管理局" data-testid="hazard-supervise-unit" />
        </Form.Item>
        <Form.Item
          label="督办期限"
          name="supervisionDeadline"
          required
          rules={[{ required: true, message: '请选择督办期限' }]}
          extra={hazard.deadline ? `整改期限为 ${formatDate(hazard.deadline)}` : undefined}
        >
          <DatePicker disabledDate={beforeToday} inputReadOnly={phone} style={{ width: 220 }} data-testid="hazard-supervise-deadline" />
        </Form.Item>
        <Form.Item label="督办要求" name="note" rules={[zodRule(shape.note)]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={1000} placeholder="可不填" data-testid="hazard-supervise-note" />
        </Form.Item>
      </Form>
    </ActionDialog>
  );
}
