import { useMutation } from '@tanstack/react-query';
import { changePasswordBody } from '@zhiben/contracts';
import { App, Button, Form, Input } from 'antd';
import { errorMessage, isApiError } from '../../api/errors';
import { applyFieldErrors } from '../../api/formErrors';
import { changePassword } from '../../api/session';
import { PasswordStrength } from '../../components/PasswordStrength';
import { sameAsRule, strongPasswordRule } from '../../components/passwordRules';
import { useFormLayout } from '../../components/useFormLayout';
import { zodRule } from '../../lib/formRules';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

/** 原密码 + 新密码 + 确认新密码, with live strength feedback; used by the forced page and the modal. */
export function ChangePasswordForm({
  username,
  onDone,
  onCancel,
  submitText = '确认修改',
}: {
  username: string;
  onDone: () => void;
  onCancel?: () => void;
  submitText?: string;
}) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const layout = useFormLayout(110);
  const newPassword = Form.useWatch('newPassword', form);

  const mutation = useMutation({
    mutationFn: (v: Values) => changePassword({ currentPassword: v.currentPassword, newPassword: v.newPassword }),
    onSuccess: () => {
      form.resetFields();
      message.success('密码已修改');
      onDone();
    },
    onError: (error) => {
      if (isApiError(error) && error.code === 'WRONG_PASSWORD') {
        form.setFields([{ name: 'currentPassword', errors: [error.message] }]);
        return;
      }
      if (!applyFieldErrors(form, error, { passwordField: 'newPassword' })) message.error(errorMessage(error));
    },
  });

  return (
    <Form<Values> form={form} {...layout} onFinish={(v) => mutation.mutate(v)} requiredMark={false} autoComplete="off">
      <Form.Item label="原密码" name="currentPassword" rules={[zodRule(changePasswordBody.shape.currentPassword)]}>
        <Input.Password autoComplete="current-password" autoFocus data-testid="pwd-current" />
      </Form.Item>
      <Form.Item
        label="新密码"
        name="newPassword"
        rules={[strongPasswordRule(() => username)]}
        extra={<PasswordStrength password={newPassword} username={username} />}
      >
        <Input.Password autoComplete="new-password" data-testid="pwd-new" />
      </Form.Item>
      <Form.Item
        label="确认新密码"
        name="confirmPassword"
        dependencies={['newPassword']}
        rules={[({ getFieldValue }) => sameAsRule(getFieldValue, 'newPassword')]}
      >
        <Input.Password autoComplete="new-password" data-testid="pwd-confirm" />
      </Form.Item>
      <Form.Item label={layout.layout === 'horizontal' ? ' ' : undefined} colon={false}>
        <Button type="primary" htmlType="submit" loading={mutation.isPending} data-testid="pwd-submit">
          {submitText}
        </Button>
        {onCancel && (
          <Button style={{ marginLeft: 8 }} onClick={onCancel}>
            取消
          </Button>
        )}
      </Form.Item>
    </Form>
  );
}
