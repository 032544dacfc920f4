import { assignHazardBody, type HazardDto, ROLE_SIDE } from '@zhiben/contracts';
import { App, Form, Input } from 'antd';
import { useState } from 'react';
import { primaryRole } from '../../../app/access';
import { useSession } from '../../../app/session';
import { useFormLayout } from '../../../components/useFormLayout';
import { zodRule } from '../../../lib/formRules';
import { ActionDialog } from '../ActionDialog';
import { useHazardAction } from '../hazards.api';
import {
  FormSection,
  RectificationFields,
  type RectificationValues,
  rectificationChanges,
  rectificationInitial,
} from '../RectificationFields';
import { useActionErrors } from '../useActionErrors';

interface Values extends RectificationValues {
  note?: string;
}

/**
 * 调整五落实 while rectifying (指派整改: a new responsible person, measures, funds, deadline, plan). Only changed
 * fields are sent; a major hazard's deadline stays the bureau's (the server answers 403 otherwise).
 */
export function AssignDialog({ hazard, open, onClose }: { hazard: HazardDto; open: boolean; onClose: () => void }) {
  const me = useSession();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const layout = useFormLayout(120);
  const mutation = useHazardAction(hazard.id, 'assign');
  const onError = useActionErrors();
  const major = hazard.level === 'major';
  const deadlineLocked = major && ROLE_SIDE[primaryRole(me)] !== 'bureau';
  const [initial] = useState<Values>(() => rectificationInitial(hazard, major));

  const submit = async () => {
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    const changes = rectificationChanges(v, initial, major, !deadlineLocked);
    if (Object.keys(changes).length === 0) {
      message.info('没有要调整的内容');
      return;
    }
    try {
      await mutation.mutateAsync({ ...changes, note: v.note?.trim() || null });
      message.success('已调整五落实');
      onClose();
    } catch (error) {
      if (onError(error, form)) onClose();
    }
  };

  return (
    <ActionDialog
      open={open}
      title="调整五落实（指派整改）"
      onCancel={onClose}
      onOk={() => void submit()}
      okText="保存调整"
      busy={mutation.isPending}
      width={760}
      testId="hazard-assign-form"
    >
      <Form<Values> form={form} {...layout} preserve={false} initialValues={initial} autoComplete="off" scrollToFirstError>
        <RectificationFields current={hazard} major={major} deadlineLocked={deadlineLocked} testIdPrefix="hazard-assign" />
        <FormSection title="调整说明">
          <Form.Item label="说明" name="note" rules={[zodRule(assignHazardBody.shape.note)]}>
            <Input.TextArea
              autoSize={{ minRows: 1, maxRows: 4 }}
              maxLength={1000}
              placeholder="如：责任人调岗，改由设备科负责"
              data-testid="hazard-assign-note"
            />
          </Form.Item>
        </FormSection>
      </Form>
    </ActionDialog>
  );
}
