import type { DeviceDto, DeviceWithSecret } from '@zhiben/contracts';
import { App, Button, type ButtonProps, Popconfirm } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../api/errors';
import { testId } from '../../lib/testId';
import { useRotateSecret } from './devices.api';
import { SecretModal } from './SecretModal';

/** 重置密钥: confirm (the old secret stops working at once), then show the new one once. */
export function RotateSecretButton({ device, ...button }: { device: DeviceDto } & Pick<ButtonProps, 'type' | 'size'>) {
  const { message } = App.useApp();
  const rotate = useRotateSecret();
  const [shown, setShown] = useState<DeviceWithSecret | null>(null);
  if (!device.abilities.rotateSecret) return null;

  const confirm = async () => {
    try {
      setShown(await rotate.mutateAsync(device.id));
    } catch (error) {
      message.error(errorMessage(error));
    }
  };

  return (
    <>
      <Popconfirm
        title={`重置「${device.name}」的密钥？`}
        description="旧密钥立即失效，设备需配置新密钥后才能继续上报数据。"
        okText="重置"
        okButtonProps={{ danger: true, ...testId('device-rotate-confirm') }}
        onConfirm={confirm}
      >
        <Button {...button} loading={rotate.isPending} data-testid={`device-rotate-${device.id}`}>
          重置密钥
        </Button>
      </Popconfirm>
      {shown && <SecretModal device={shown.device} secret={shown.secret} rotated onClose={() => setShown(null)} />}
    </>
  );
}
