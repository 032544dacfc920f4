import type { HazardDto } from '@zhiben/contracts';
import { App, Form, type FormRule, Input } from 'antd';
import { type ReactNode, useState } from 'react';
import { useFormLayout } from '../../../components/useFormLayout';
import { zodRule } from '../../../lib/formRules';
import { testId } from '../../../lib/testId';
import { ActionDialog } from '../ActionDialog';
import { useHazardAction } from '../hazards.api';
import { PhotoField } from '../PhotoField';
import { useActionErrors } from '../useActionErrors';
import type { EvidenceAction, EvidenceConfig } from './evidenceConfig';

interface Values {
  note?: string;
  photos?: string[];
}

/**
 * The actions that take a note and/or photos: 提交整改, 验收通过, 退回, 不构成隐患, 挂牌公示, 摘牌. What each requires
 * comes from `evidenceConfig` (mirroring the contracts' bodies and HAZARD_TRANSITIONS); irreversible ones
 * (销号) ask for confirmation first.
 */
export function EvidenceDialog({
  hazard,
  action,
  config,
  open,
  onClose,
  before,
}: {
  hazard: HazardDto;
  action: EvidenceAction;
  config: EvidenceConfig;
  open: boolean;
  onClose: () => void;
  /** Shown above the form (e.g. the rectification the acceptor is judging). */
  before?: ReactNode;
}) {
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<Values>();
  const layout = useFormLayout(110);
  const mutation = useHazardAction(hazard.id, action);
  const onError = useActionErrors();
  const [uploading, setUploading] = useState(false);
  const prefix = `hazard-${action}`;

  const send = async (values: Values) => {
    const note = values.note?.trim() || null;
    const photos = values.photos ?? [];
    try {
      if (action === 'submit') await mutation.mutateAsync({ note: note ?? '', photos });
      else if (action === 'reject') await mutation.mutateAsync({ note: note ?? '', photos });
      else if (action === 'dismiss') await mutation.mutateAsync({ note: note ?? '' });
      else if (action === 'accept') await mutation.mutateAsync({ note, photos });
      else await mutation.mutateAsync({ note });
      message.success(config.success);
      onClose();
    } catch (error) {
      if (onError(error, form)) onClose();
    }
  };

  const submit = async () => {
    let values: Values;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    if (!config.confirm) {
      await send(values);
      return;
    }
    modal.confirm({
      title: config.confirm.title,
      content: config.confirm.content,
      okText: config.confirm.okText,
      okButtonProps: { ...testId(`${prefix}-confirm`), danger: config.okDanger },
      cancelText: '再想想',
      onOk: () => send(values),
    });
  };

  const photoRules: FormRule[] =
    config.photos.mode === 'required'
      ? [
          {
            validator: async (_r, v: string[] | undefined) =>
              (v?.length ?? 0) > 0 ? undefined : Promise.reject(new Error(config.photos.missing)),
          },
        ]
      : [];

  return (
    <ActionDialog
      open={open}
      title={config.title}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={config.okText}
      okDanger={config.okDanger}
      busy={mutation.isPending}
      waiting={uploading ? '照片上传中…' : null}
      testId={`${prefix}-form`}
    >
      {before}
      {config.intro && <div style={{ marginBottom: 16, color: 'rgba(0,0,0,0.65)' }}>{config.intro}</div>}
      <Form<Values> form={form} {...layout} preserve={false} initialValues={{ photos: [] }} autoComplete="off">
        {config.note && (
          <Form.Item label={config.note.label} name="note" required={config.note.required} rules={[zodRule(config.note.schema)]}>
            <Input.TextArea
              autoSize={{ minRows: 3, maxRows: 8 }}
              maxLength={1000}
              showCount
              placeholder={config.note.placeholder}
              data-testid={`${prefix}-note`}
            />
          </Form.Item>
        )}
        {config.photos.mode !== 'none' && (
          <Form.Item
            label={config.photos.label}
            name="photos"
            required={config.photos.mode === 'required'}
            rules={photoRules}
            extra={config.photos.extra}
          >
            <PhotoField testIdPrefix={`${prefix}-photos`} onBusyChange={setUploading} />
          </Form.Item>
        )}
      </Form>
    </ActionDialog>
  );
}
