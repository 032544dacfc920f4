import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Flex } from 'antd';
import { useLocation, useNavigate } from 'react-router';
import { ME_QUERY_KEY } from '../../api/session';
import { safeRedirect } from '../../app/safeRedirect';
import { useLogout, useSession } from '../../app/session';
import { usePageTitle } from '../../lib/usePageTitle';
import { AuthCard } from './AuthCard';
import { ChangePasswordForm } from './ChangePasswordForm';

/** Shown instead of any page while the account still has an initial (or reset) password. */
export function ChangePasswordPage() {
  usePageTitle('修改密码');
  const me = useSession();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const logout = useLogout();
  const forced = me.user.mustChangePassword;

  const done = async () => {
    await queryClient.invalidateQueries({ queryKey: ME_QUERY_KEY });
    navigate(safeRedirect(location.search), { replace: true });
  };

  return (
    <AuthCard width={480}>
      <Alert
        type={forced ? 'warning' : 'info'}
        showIcon
        title={forced ? `${me.user.displayName}，您好：首次登录或密码被重置后，须修改密码才能继续使用` : '修改登录密码'}
        style={{ marginBottom: 20 }}
      />
      <ChangePasswordForm username={me.user.username} onDone={() => void done()} submitText="修改密码并继续" />
      <Flex justify="center" style={{ marginBottom: 12 }}>
        <Button type="link" onClick={() => logout.mutate()} data-testid="pwd-logout">
          退出登录
        </Button>
      </Flex>
    </AuthCard>
  );
}
