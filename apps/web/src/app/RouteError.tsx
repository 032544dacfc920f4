import { Button, Result } from 'antd';
import { useRouteError } from 'react-router';

/** A render error or a chunk that failed to load (e.g. after a redeploy): offer a reload, not a blank page. */
export function RouteError() {
  const error = useRouteError();
  const chunkFailed = error instanceof TypeError && /dynamically imported module|Importing a module script/i.test(error.message);
  return (
    <Result
      status="error"
      title={chunkFailed ? '页面资源加载失败' : '页面出错了'}
      subTitle={chunkFailed ? '平台可能刚刚更新，请刷新页面后重试' : '请刷新页面后重试；如问题持续，请联系系统管理员'}
      extra={
        <Button type="primary" onClick={() => window.location.reload()}>
          刷新页面
        </Button>
      }
    />
  );
}
