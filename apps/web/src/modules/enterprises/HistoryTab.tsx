import { ArrowRightOutlined } from '@ant-design/icons';
import type { EnterpriseHistoryItem } from '@zhiben/contracts';
import { Empty, Flex, Skeleton, Tag, Timeline, Typography } from 'antd';
import { useMemo } from 'react';
import { QueryError } from '../../components/QueryError';
import { formatDateTime } from '../../lib/time';
import { useRegions } from '../regions/regions.api';
import { useEnterpriseHistory } from './enterprises.api';
import { HIDDEN_HISTORY_FIELDS, HISTORY_ACTION_COLORS, HISTORY_ACTION_LABELS, type HistoryContext, historyValue } from './historyFormat';
import type { TagCatalog } from './riskTagCatalog';

function Changes({ item, ctx }: { item: EnterpriseHistoryItem; ctx: HistoryContext }) {
  const changes = item.changes.filter((c) => !HIDDEN_HISTORY_FIELDS.has(c.field));
  const created = item.changes.every((c) => c.before === null || c.before === undefined);
  if (changes.length === 0) return <Typography.Text type="secondary">无字段变化</Typography.Text>;
  if (created && item.action !== 'enterprises.updated') {
    // A new record: its values, without arrows.
    const filled = changes.filter((c) => c.after !== null && c.after !== '' && !(Array.isArray(c.after) && c.after.length === 0));
    return (
      <Typography.Paragraph type="secondary" style={{ margin: 0, fontSize: 13 }} ellipsis={{ rows: 3, expandable: true }}>
        {filled.map((c) => `「${c.label}」${historyValue(c.field, c.after, ctx)}`).join('；')}
      </Typography.Paragraph>
    );
  }
  return (
    <Flex vertical gap={4}>
      {changes.map((c) => (
        <div key={c.field} data-testid={`history-change-${c.field}`}>
          <Typography.Text strong>「{c.label}」</Typography.Text>
          <Typography.Text type="secondary" data-testid="history-before">
            {historyValue(c.field, c.before, ctx)}
          </Typography.Text>
          <ArrowRightOutlined style={{ margin: '0 6px', fontSize: 11, color: 'rgba(0,0,0,0.45)' }} />
          <Typography.Text data-testid="history-after">{historyValue(c.field, c.after, ctx)}</Typography.Text>
        </div>
      ))}
    </Flex>
  );
}

/** 变更记录: who changed what and when, from the audit trail (newest first). */
export function HistoryTab({ enterpriseId, active, catalog }: { enterpriseId: string; active: boolean; catalog: TagCatalog }) {
  const query = useEnterpriseHistory(enterpriseId, active);
  const regions = useRegions(active);
  const ctx = useMemo<HistoryContext>(() => {
    const names = new Map((regions.data?.items ?? []).map((r) => [r.id, r.name]));
    return { catalog, regionName: (id) => names.get(id) };
  }, [catalog, regions.data]);

  if (query.isPending) return <Skeleton active paragraph={{ rows: 5 }} />;
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  const items = query.data.items;
  if (items.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无变更记录（演示数据初始化时写入的企业没有变更记录）" />;
  }

  return (
    <Timeline
      style={{ marginTop: 8 }}
      data-testid="enterprise-history"
      items={items.map((item) => ({
        key: item.id,
        color: HISTORY_ACTION_COLORS[item.action] ?? 'gray',
        content: (
          <Flex vertical gap={6} style={{ paddingBottom: 8 }} data-testid="history-entry">
            <Flex gap={8} align="center" wrap>
              <Typography.Text strong>{formatDateTime(item.occurredAt)}</Typography.Text>
              <Tag color={HISTORY_ACTION_COLORS[item.action]} style={{ marginInlineEnd: 0 }}>
                {HISTORY_ACTION_LABELS[item.action] ?? item.action}
              </Tag>
              <Typography.Text type="secondary">操作人：{item.actorUsername ?? '系统'}</Typography.Text>
            </Flex>
            <div data-testid="history-entry-changes">
              <Changes item={item} ctx={ctx} />
            </div>
          </Flex>
        ),
      }))}
    />
  );
}
