import { Alert, Button } from 'antd';
import { errorMessage } from '../api/errors';

/** A failed list/detail load, with a retry. */
export function QueryError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  return (
    <Alert
      type="error"
      showIcon
      title="数据加载失败"
      description={errorMessage(error)}
      action={
        <Button size="small" onClick={onRetry}>
          重试
        </Button>
      }
    />
  );
}
