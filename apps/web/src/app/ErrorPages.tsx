import { Button, Result } from 'antd';
import { Link } from 'react-router';
import { usePageTitle } from '../lib/usePageTitle';

export function ForbiddenPage() {
  usePageTitle('无权访问');
  return (
    <Result
      status="403"
      title="403"
      subTitle="抱歉，您无权访问此页面"
      extra={
        <Link to="/">
          <Button type="primary">返回首页</Button>
        </Link>
      }
      data-testid="page-403"
    />
  );
}

export function NotFoundPage() {
  usePageTitle('页面不存在');
  return (
    <Result
      status="404"
      title="404"
      subTitle="页面不存在"
      extra={
        <Link to="/">
          <Button type="primary">返回首页</Button>
        </Link>
      }
      data-testid="page-404"
    />
  );
}
