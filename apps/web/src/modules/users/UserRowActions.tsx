import type { UserDto } from '@zhiben/contracts';
import { App, Button, Popconfirm, Space } from 'antd';
import { errorMessage } from '../../api/errors';
import { useSession } from '../../app/session';
import { testId } from '../../lib/testId';
import { useUpdateUser } from './users.api';

interface UserRowActionsProps {
  user: UserDto;
  onEdit: (user: UserDto) => void;
  onResetPassword: (user: UserDto) => void;
}

/** Row actions, limited to what the server says this user may do (`abilities`). */
export function UserRowActions({ user, onEdit, onResetPassword }: UserRowActionsProps) {
  const me = useSession();
  const { message } = App.useApp();
  const update = useUpdateUser();
  const { abilities } = user;
  const disabling = user.status === 'active';
  // Nobody switches off their own account (the server refuses it too).
  const canToggle = abilities.update && user.id !== me.user.id;

  if (!abilities.update && !abilities.resetPassword) return <span style={{ color: 'rgba(0,0,0,0.25)' }}>—</span>;

  const toggle = async () => {
    try {
      await update.mutateAsync({ id: user.id, body: { status: disabling ? 'disabled' : 'active' } });
      message.success(disabling ? `已停用「${user.displayName}」` : `已启用「${user.displayName}」`);
    } catch (error) {
      message.error(errorMessage(error));
    }
  };

  return (
    <Space size={0} style={{ whiteSpace: 'nowrap' }}>
      {abilities.update && (
        <Button type="link" size="small" onClick={() => onEdit(user)} data-testid={`user-edit-${user.username}`}>
          编辑
        </Button>
      )}
      {abilities.resetPassword && (
        <Button type="link" size="small" onClick={() => onResetPassword(user)} data-testid={`user-reset-${user.username}`}>
          重置密码
        </Button>
      )}
      {canToggle && (
        <Popconfirm
          title={disabling ? `停用用户「${user.displayName}」？` : `启用用户「${user.displayName}」？`}
          description={disabling ? '停用后该用户无法登录，已登录的会话立即失效。' : '启用后该用户可以重新登录。'}
          okText={disabling ? '停用' : '启用'}
          okButtonProps={{ danger: disabling, ...testId('confirm-ok') }}
          onConfirm={toggle}
        >
          <Button type="link" size="small" danger={disabling} data-testid={`user-toggle-${user.username}`}>
            {disabling ? '停用' : '启用'}
          </Button>
        </Popconfirm>
      )}
    </Space>
  );
}
