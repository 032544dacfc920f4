import { Modal } from 'antd';
import { useSession } from '../../app/session';
import { ChangePasswordForm } from './ChangePasswordForm';

/** 修改密码 from the user menu. */
export function ChangePasswordModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const me = useSession();
  return (
    <Modal title="修改密码" open={open} onCancel={onClose} footer={null} destroyOnHidden width={520}>
      <div style={{ paddingTop: 12 }}>
        <ChangePasswordForm username={me.user.username} onDone={onClose} onCancel={onClose} />
      </div>
    </Modal>
  );
}
