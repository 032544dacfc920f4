import type { UserDto } from '@zhiben/contracts';
import { Alert, App, Form, Input, Modal } from 'antd';
import { errorMessage } from '../../api/errors';
import { applyFieldErrors } from '../../api/formErrors';
import { PasswordStrength } from '../../components/PasswordStrength';
import { sameAsRule, strongPasswordRule } from '../../components/passwordRules';
import { useFormLayout } from '../../components/useFormLayout';
import { testId } from '../../lib/testId';
import { useResetPassword } from './users.api';

interface Values {
  newPassword: string;
  confirmPassword: string;
}

/** 重置密码: sets a new password (which also unlocks the account and ends its sessions). */
export function ResetPasswordModal({ user, onClose }: { user: UserDto | undefined; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const layout = useFormLayout(100);
  const reset = useResetPassword();
  const newPassword = Form.useWatch('newPassword', form);

  const submit = async () => {
    if (!user) return;
    let values: Values;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    try {
      const updated = await reset.mutateAsync({ id: user.id, newPassword: values.newPassword });
      message.success(
        updated.mustChangePassword
          ? `已重置「${user.displayName}」的密码，该用户下次登录时须修改密码`
          : `已重置「${user.displayName}」的密码`,
      );
      onClose();
    } catch (error) {
      if (!applyFieldErrors(form, error, { passwordField: 'newPassword' })) message.error(errorMessage(error));
    }
  };

  return (
    <Modal
      title={user ? `重置密码：${user.displayName}（${user.username}）` : '重置密码'}
      open={!!user}
      onCancel={onClose}
      onOk={() => void submit()}
      okText="重置密码"
      confirmLoading={reset.isPending}
      okButtonProps={testId('reset-password-submit')}
      destroyOnHidden
      width={560}
    >
      <Alert
        type="info"
        showIcon
        style={{ margin: '12px 0 16px' }}
        title="重置后该用户的登录会话立即失效，账户锁定同时解除。请将新密码当面或电话告知本人。"
      />
      <Form<Values> form={form} {...layout} preserve={false} autoComplete="off" onFinish={() => void submit()}>
        <Form.Item
          label="新密码"
          name="newPassword"
          required
          rules={[strongPasswordRule(() => user?.username)]}
          extra={<PasswordStrength password={newPassword} username={user?.username} />}
        >
          <Input.Password autoComplete="new-password" data-testid="reset-password-new" />
        </Form.Item>
        <Form.Item
          label="确认新密码"
          name="confirmPassword"
          required
          dependencies={['newPassword']}
          rules={[({ getFieldValue }) => sameAsRule(getFieldValue, 'newPassword')]}
        >
          <Input.Password autoComplete="new-password" data-testid="reset-password-confirm" />
        </Form.Item>
        <button type="submit" hidden aria-hidden tabIndex={-1} />
      </Form>
    </Modal>
  );
}
