import { Button, Result } from 'antd';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { errorMessage } from '../api/errors';
import { FullPageSpin } from './FullPageSpin';
import { SessionContext, useMeQuery } from './session';

/** Where to come back to after signing in or changing the initial password. */
export function redirectParam(pathname: string, search: string): string {
  return encodeURIComponent(`${pathname}${search}`);
}

/**
 * The signed-in area: loads the session, sends visitors to the login page (keeping the URL they wanted)
 * and users with an initial password to the change-password page.
 */
export function RequireAuth({ children, passwordChangePage = false }: { children: ReactNode; passwordChangePage?: boolean }) {
  const { data: me, error, refetch, isPending } = useMeQuery();
  const location = useLocation();

  if (isPending) return <FullPageSpin />;
  if (error) {
    return (
      <Result
        status="warning"
        title="无法连接服务器"
        subTitle={errorMessage(error)}
        extra={
          <Button type="primary" onClick={() => void refetch()}>
            重试
          </Button>
        }
      />
    );
  }
  if (!me) {
    const here = `${location.pathname}${location.search}`;
    const to = passwordChangePage || here === '/' ? '/login' : `/login?redirect=${redirectParam(location.pathname, location.search)}`;
    return <Navigate to={to} replace />;
  }
  if (me.user.mustChangePassword && !passwordChangePage) {
    return <Navigate to={`/change-password?redirect=${redirectParam(location.pathname, location.search)}`} replace />;
  }
  return <SessionContext value={me}>{children}</SessionContext>;
}
