import { Button, ConfigProvider, Drawer, Flex, Grid, Modal } from 'antd';
import type { ReactNode } from 'react';

export interface ActionDialogProps {
  open: boolean;
  title: ReactNode;
  onCancel: () => void;
  onOk: () => void;
  okText: string;
  okDanger?: boolean;
  /** Submitting, or photos still uploading: the button shows it instead of freezing. */
  busy?: boolean;
  /** Why OK is not available yet (e.g. 照片上传中); the button is disabled and says so. */
  waiting?: string | null;
  width?: number;
  /** Prefix of the data-testids: `<testId>` on the dialog, `<testId>-submit` / `-cancel` on its buttons. */
  testId: string;
  children: ReactNode;
}

/**
 * The frame of every hazard action form: a Modal on desktop, a full-width Drawer on phones (a long form in a
 * modal would scroll behind the keyboard); 40px controls on phones.
 */
export function ActionDialog({
  open,
  title,
  onCancel,
  onOk,
  okText,
  okDanger,
  busy,
  waiting,
  width = 640,
  testId,
  children,
}: ActionDialogProps) {
  const phone = Grid.useBreakpoint().md === false;
  const footer = (
    <Flex justify="flex-end" gap={8}>
      <Button onClick={onCancel} data-testid={`${testId}-cancel`} size={phone ? 'large' : undefined}>
        取消
      </Button>
      <Button
        type="primary"
        danger={okDanger}
        loading={busy}
        disabled={!!waiting}
        onClick={onOk}
        data-testid={`${testId}-submit`}
        size={phone ? 'large' : undefined}
      >
        {waiting ?? okText}
      </Button>
    </Flex>
  );
  const body = (
    <ConfigProvider componentSize={phone ? 'large' : undefined}>
      <div data-testid={testId}>{children}</div>
    </ConfigProvider>
  );
  if (phone) {
    return (
      <Drawer open={open} title={title} onClose={onCancel} size="100%" destroyOnHidden footer={footer}>
        {body}
      </Drawer>
    );
  }
  return (
    <Modal open={open} title={title} onCancel={onCancel} footer={footer} width={width} destroyOnHidden>
      {body}
    </Modal>
  );
}
