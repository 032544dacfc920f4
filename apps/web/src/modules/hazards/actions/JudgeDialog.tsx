import { HAZARD_LEVEL_LABELS, type HazardDto, judgeHazardBody, ROLE_SIDE } from '@zhiben/contracts';
import { Alert, App, Form, Input, Radio } from 'antd';
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
  rectificationBody,
  rectificationInitial,
} from '../RectificationFields';
import { StandardItemSelect } from '../StandardItemSelect';
import { useActionErrors } from '../useActionErrors';

interface Values extends RectificationValues {
  level: HazardDto['level'];
  standardItemId?: string | null;
  note?: string;
}

/**
 * 判定并指派整改: level, the standard item (required for 重大), the 五落实 and — for a major hazard — the six-part
 * plan and 停产 flag, in one step (pending_judgement → rectifying). Only the bureau decides 重大 (HAZARD_TRANSITIONS:
 * judging at the major level), so an enterprise user sees 重大 disabled.
 */
export function JudgeDialog({ hazard, open, onClose }: { hazard: HazardDto; open: boolean; onClose: () => void }) {
  const me = useSession();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const layout = useFormLayout(120);
  const mutation = useHazardAction(hazard.id, 'judge');
  const onError = useActionErrors();
  const bureau = ROLE_SIDE[primaryRole(me)] === 'bureau';
  const level = (Form.useWatch('level', form) ?? hazard.level) as HazardDto['level'];
  const major = level === 'major';
  const [initial] = useState<Values>(() => ({
    level: hazard.level,
    standardItemId: hazard.standardItem?.id ?? null,
    ...rectificationInitial(hazard, hazard.level === 'major'),
  }));

  const submit = async () => {
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    const isMajor = v.level === 'major';
    try {
      await mutation.mutateAsync({
        level: v.level,
        standardItemId: v.standardItemId ?? null,
        note: v.note?.trim() || null,
        ...rectificationBody(v, isMajor),
      });
      message.success(`已判定为${HAZARD_LEVEL_LABELS[v.level]}并下达整改`);
      onClose();
    } catch (error) {
      if (onError(error, form)) onClose();
    }
  };

  return (
    <ActionDialog
      open={open}
      title="判定并指派整改"
      onCancel={onClose}
      onOk={() => void submit()}
      okText="判定并下达整改"
      busy={mutation.isPending}
      width={760}
      testId="hazard-judge-form"
    >
      <Form<Values> form={form} {...layout} preserve={false} initialValues={initial} autoComplete="off" scrollToFirstError>
        <FormSection title="判定">
          <Form.Item
            label="隐患等级"
            name="level"
            required
            rules={[{ required: true, message: '请选择隐患等级' }]}
            extra={bureau ? undefined : '重大事故隐患由区应急管理局判定；如认为构成重大隐患，请报区局'}
          >
            <Radio.Group buttonStyle="solid">
              <Radio.Button value="general" data-testid="hazard-judge-level-general">
                {HAZARD_LEVEL_LABELS.general}
              </Radio.Button>
              <Radio.Button value="major" disabled={!bureau} data-testid="hazard-judge-level-major">
                {HAZARD_LEVEL_LABELS.major}
              </Radio.Button>
            </Radio.Group>
          </Form.Item>
          <Form.Item
            label="判定依据"
            name="standardItemId"
            required={major}
            rules={[{ required: major, message: '重大隐患须选择对应的判定标准条款' }]}
            extra={major ? '《工贸企业重大事故隐患判定标准》中该企业适用的条款' : '一般隐患可不选'}
          >
            <StandardItemSelect enterpriseId={hazard.enterpriseId} current={hazard.standardItem} testId="hazard-judge-standard" />
          </Form.Item>
          {hazard.level === 'major' && !major && (
            <Alert type="warning" showIcon style={{ marginBottom: 16 }} title="将重大隐患改判为一般隐患，请在判定说明中写明理由" />
          )}
          <Form.Item label="判定说明" name="note" rules={[zodRule(judgeHazardBody.shape.note)]}>
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={1000} placeholder="可不填" data-testid="hazard-judge-note" />
          </Form.Item>
        </FormSection>
        <RectificationFields current={hazard} major={major} testIdPrefix="hazard-judge" />
      </Form>
    </ActionDialog>
  );
}
