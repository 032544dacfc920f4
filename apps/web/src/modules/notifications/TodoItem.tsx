import { RightOutlined } from '@ant-design/icons';
import { TODO_KIND_LABELS, type TodoDto } from '@zhiben/contracts';
import { Flex, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { formatDate } from '../../lib/time';
import { TODO_KIND_COLORS } from './todoLabels';

const ROW_STYLE = {
  display: 'block',
  padding: '10px 4px',
  borderBottom: '1px solid rgba(5, 5, 5, 0.06)',
  color: 'inherit',
} as const;

/** One to-do: what kind, what (the server's title), until when; the whole row leads to the thing to act on. */
export function TodoItem({ todo }: { todo: TodoDto }) {
  return (
    <Link to={todo.link} style={ROW_STYLE} data-testid="todo-item" data-kind={todo.kind} data-entity-id={todo.entityId ?? undefined}>
      <Flex align="center" gap={8}>
        <Flex vertical gap={4} style={{ minWidth: 0, flex: 1 }}>
          <Flex gap={6} align="center" wrap>
            <Tag color={TODO_KIND_COLORS[todo.kind]} style={{ marginInlineEnd: 0 }}>
              {TODO_KIND_LABELS[todo.kind]}
            </Tag>
            {todo.overdue && (
              <Tag color="red" variant="solid" style={{ marginInlineEnd: 0 }}>
                逾期
              </Tag>
            )}
            {todo.due && (
              <Typography.Text type={todo.overdue ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
                期限 {formatDate(todo.due)}
              </Typography.Text>
            )}
          </Flex>
          <Typography.Paragraph style={{ margin: 0 }} ellipsis={{ rows: 2, tooltip: todo.title }}>
            {todo.title}
          </Typography.Paragraph>
        </Flex>
        <RightOutlined style={{ color: 'rgba(0,0,0,0.25)' }} />
      </Flex>
    </Link>
  );
}
