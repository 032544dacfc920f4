import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type LoginBody, loginBody } from '@zhiben/contracts';
import { Alert, Button, Form, Input } from 'antd';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { applyFieldErrors } from '../../api/formErrors';
import { login, ME_QUERY_KEY } from '../../api/session';
import { FullPageSpin } from '../../app/FullPageSpin';
import { safeRedirect } from '../../app/safeRedirect';
import { useMeQuery } from '../../app/session';
import { zodRule } from '../../lib/formRules';
import { usePageTitle } from '../../lib/usePageTitle';
import { AuthCard } from './AuthCard';
import { loginErrorText } from './loginErrorText';

export function LoginPage() {
  usePageTitle('登录');
  const [form] = Form.useForm<LoginBody>();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const target = safeRedirect(location.search);
  const session = useMeQuery();

  const mutation = useMutation({
    mutationFn: login,
    onSuccess: (me) => {
      // A new user must never see answers cached for the previous one.
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_QUERY_KEY[0] });
      queryClient.setQueryData(ME_QUERY_KEY, me);
      navigate(me.user.mustChangePassword ? `/change-password?redirect=${encodeURIComponent(target)}` : target, { replace: true });
    },
    onError: (error) => {
      applyFieldErrors(form, error);
    },
  });

  if (session.isPending) return <FullPageSpin />;
  if (session.data && !mutation.isPending && !mutation.isSuccess) return <Navigate to={target} replace />;

  return (
    <AuthCard>
      {mutation.isError && (
        <Alert type="error" showIcon title={loginErrorText(mutation.error)} style={{ marginBottom: 16 }} data-testid="login-error" />
      )}
      <Form<LoginBody>
        form={form}
        layout="vertical"
        size="large"
        requiredMark={false}
        onFinish={(values) => mutation.mutate(values)}
        onValuesChange={() => mutation.isError && mutation.reset()}
        data-testid="login-form"
      >
        <Form.Item name="username" rules={[zodRule(loginBody.shape.username)]}>
          <Input prefix={<UserOutlined />} placeholder="用户名" autoComplete="username" autoFocus data-testid="login-username" />
        </Form.Item>
        <Form.Item name="password" rules={[zodRule(loginBody.shape.password)]}>
          <Input.Password prefix={<LockOutlined />} placeholder="密码" autoComplete="current-password" data-testid="login-password" />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" block loading={mutation.isPending} data-testid="login-submit">
            登录
          </Button>
        </Form.Item>
      </Form>
    </AuthCard>
  );
}
