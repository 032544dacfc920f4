import { CheckCircleOutlined } from '@ant-design/icons';
import { TODO_KIND_LABELS, TODO_KINDS, type TodoKind } from '@zhiben/contracts';
import { Card, Empty, Flex, Pagination, Segmented, Skeleton, Typography } from 'antd';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { useTodos } from './notifications.api';
import { TodoItem } from './TodoItem';

const PAGE_SIZE = 20;
const isKind = (v: string | null): v is TodoKind => !!v && (TODO_KINDS as readonly string[]).includes(v);

/**
 * 待办: what waits for the signed-in user now (computed by the server from current state: hazards to judge, rectify,
 * accept or chase, open self-inspections, the principal's quarterly round). Kind filter and page live in the URL.
 */
export function TodosPage() {
  const todos = useTodos();
  const [params, setParams] = useSearchParams();
  const kindParam = params.get('kind');
  const kind = isKind(kindParam) ? kindParam : undefined;
  const page = Math.max(1, Number(params.get('page')) || 1);

  const counts = useMemo(() => {
    const m = new Map<TodoKind, number>();
    for (const t of todos.data?.items ?? []) m.set(t.kind, (m.get(t.kind) ?? 0) + 1);
    return m;
  }, [todos.data]);
  const shown = useMemo(() => (todos.data?.items ?? []).filter((t) => !kind || t.kind === kind), [todos.data, kind]);
  const overdue = shown.filter((t) => t.overdue).length;

  const setQuery = (next: { kind?: string | undefined; page?: number | undefined }) =>
    setParams(
      (prev) => {
        const p = new URLSearchParams(prev);
        if ('kind' in next) {
          if (next.kind) p.set('kind', next.kind);
          else p.delete('kind');
          p.delete('page');
        }
        if (next.page !== undefined) {
          if (next.page > 1) p.set('page', String(next.page));
          else p.delete('page');
        }
        return p;
      },
      { replace: true },
    );

  const options = [
    { value: 'all', label: `全部 ${todos.data?.total ?? 0}` },
    ...TODO_KINDS.filter((k) => counts.has(k)).map((k) => ({ value: k, label: `${TODO_KIND_LABELS[k]} ${counts.get(k)}` })),
  ];

  return (
    <Flex vertical gap={16}>
      <PageHeader title="待办" description="等待您处理的事项，逾期的排在前面；点击一项前往处理，处理后自动从列表移除" />
      <Card>
        {todos.isPending ? (
          <Skeleton active paragraph={{ rows: 6 }} />
        ) : todos.isError ? (
          <QueryError error={todos.error} onRetry={() => void todos.refetch()} />
        ) : todos.data.total === 0 ? (
          <Empty
            image={<CheckCircleOutlined style={{ fontSize: 48, color: '#52c41a' }} />}
            styles={{ image: { height: 52 } }}
            description="暂无待办事项，辛苦了"
            data-testid="todos-empty"
          />
        ) : (
          <Flex vertical gap={12}>
            <div style={{ overflowX: 'auto' }}>
              <Segmented
                value={kind ?? 'all'}
                onChange={(v) => setQuery({ kind: v === 'all' ? undefined : String(v) })}
                options={options}
                data-testid="todos-filter"
              />
            </div>
            {overdue > 0 && (
              <Typography.Text type="danger" data-testid="todos-overdue">
                其中 {overdue} 项已逾期
              </Typography.Text>
            )}
            <Flex vertical data-testid="todos-list">
              {shown.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE).map((t) => (
                <TodoItem key={`${t.kind}-${t.entityId ?? t.link}`} todo={t} />
              ))}
            </Flex>
            {shown.length > PAGE_SIZE && (
              <Pagination
                align="center"
                current={page}
                pageSize={PAGE_SIZE}
                total={shown.length}
                showSizeChanger={false}
                onChange={(p) => setQuery({ page: p })}
              />
            )}
          </Flex>
        )}
      </Card>
    </Flex>
  );
}
