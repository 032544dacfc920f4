import { CheckCircleOutlined } from '@ant-design/icons';
import { Badge, Card, Empty, Flex, Skeleton, Typography } from 'antd';
import { Link } from 'react-router';
import { QueryError } from '../../components/QueryError';
import { useTodos } from './notifications.api';
import { TodoItem } from './TodoItem';

const SHOWN = 6;

/** 我的待办 on the home page / 工作台: the first few (overdue first, as the server orders them) and the way to all. */
export function TodoCard() {
  const todos = useTodos();
  const total = todos.data?.total ?? 0;
  return (
    <Card
      size="small"
      title={
        <Flex align="center" gap={8}>
          我的待办
          {total > 0 && <Badge count={total} overflowCount={999} color="#fa8c16" data-testid="todo-count" data-count={total} />}
        </Flex>
      }
      extra={<Link to="/todos">全部待办</Link>}
      data-testid="todo-card"
    >
      {todos.isPending ? (
        <Skeleton active paragraph={{ rows: 3 }} />
      ) : todos.isError ? (
        <QueryError error={todos.error} onRetry={() => void todos.refetch()} />
      ) : total === 0 ? (
        <Empty
          image={<CheckCircleOutlined style={{ fontSize: 40, color: '#52c41a' }} />}
          styles={{ image: { height: 44 } }}
          description="暂无待办事项"
        />
      ) : (
        <Flex vertical>
          {todos.data.items.slice(0, SHOWN).map((t) => (
            <TodoItem key={`${t.kind}-${t.entityId ?? t.link}`} todo={t} />
          ))}
          {total > SHOWN && (
            <Typography.Text type="secondary" style={{ paddingTop: 8, fontSize: 13 }}>
              还有 {total - SHOWN} 项，<Link to="/todos">查看全部待办</Link>
            </Typography.Text>
          )}
        </Flex>
      )}
    </Card>
  );
}
