import { CLASSIFICATION_TRIGGER_LABELS, type ClassificationExplanationItem } from '@zhiben/contracts';
import { Card, Descriptions, Empty, Skeleton, Table, Tag, Typography } from 'antd';
import { QueryError } from '../../components/QueryError';
import { formatDateTime } from '../../lib/time';
import { useClassification } from './classification.api';
import { RiskClassTag } from './RiskClassTag';

const KIND_LABELS: Record<ClassificationExplanationItem['kind'], string> = { start: '起评', adjustment: '调整', override: '人工调整' };

function effectText(item: ClassificationExplanationItem): string {
  if (item.kind !== 'adjustment') return item.riskClass ? `定为 ${item.riskClass} 类` : '—';
  return item.effect > 0 ? `上调 ${item.effect} 档` : `下调 ${-item.effect} 档`;
}

function valueText(value: ClassificationExplanationItem['value']): string {
  if (value === null) return '—';
  if (value === true) return '是';
  if (value === false) return '否';
  return String(value);
}

/** 分级分类 of one enterprise: the class in force, the rules that fired (rule / value / effect) and the history. */
export function ClassificationCard({ enterpriseId }: { enterpriseId: string }) {
  const query = useClassification(enterpriseId);
  if (query.isPending) return <Skeleton active />;
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  const c = query.data;
  return (
    <div data-testid="classification-card" data-class={c.riskClass}>
      <Descriptions column={{ xs: 1, md: 3 }} size="small" bordered>
        <Descriptions.Item label="现行风险等级">
          <RiskClassTag riskClass={c.riskClass} testId="classification-class" />
        </Descriptions.Item>
        <Descriptions.Item label="按规则计算">
          <RiskClassTag riskClass={c.computedClass} />
          {c.clamped && <Tag>已达上下限</Tag>}
        </Descriptions.Item>
        <Descriptions.Item label="计算时间">{formatDateTime(c.computedAt)}</Descriptions.Item>
        {c.override && (
          <Descriptions.Item label="人工调整" span={3}>
            {c.override.riskClass} 类：{c.override.reason}（{c.override.byName ?? '—'}，{formatDateTime(c.override.at)}）
          </Descriptions.Item>
        )}
      </Descriptions>
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        定级依据（规则版本 {c.ruleSetVersion}）
      </Typography.Title>
      <Table
        size="small"
        rowKey="rule"
        pagination={false}
        dataSource={c.explanation}
        data-testid="classification-explanation"
        onRow={(row) => ({ 'data-testid': `classification-rule-${row.rule}` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: '类型', dataIndex: 'kind', width: 90, render: (k: ClassificationExplanationItem['kind']) => KIND_LABELS[k] },
          { title: '规则', dataIndex: 'label' },
          { title: '取值', dataIndex: 'value', width: 140, render: (v: ClassificationExplanationItem['value']) => valueText(v) },
          { title: '影响', key: 'effect', width: 120, render: (_: unknown, row) => effectText(row) },
          { title: '依据', dataIndex: 'source', ellipsis: true },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        等级变化记录
      </Typography.Title>
      {c.history.length === 0 ? (
        <Empty description="暂无记录" />
      ) : (
        <Table
          size="small"
          rowKey={(row) => `${row.at}-${row.riskClass}-${row.trigger}`}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          dataSource={c.history}
          data-testid="classification-history"
          columns={[
            { title: '时间', dataIndex: 'at', width: 150, render: (v: string) => formatDateTime(v) },
            {
              title: '等级',
              key: 'class',
              render: (_: unknown, row) => (
                <span>
                  {row.previousClass ? `${row.previousClass} → ` : ''}
                  <RiskClassTag riskClass={row.riskClass} />
                </span>
              ),
            },
            {
              title: '触发',
              dataIndex: 'trigger',
              render: (t: keyof typeof CLASSIFICATION_TRIGGER_LABELS) => CLASSIFICATION_TRIGGER_LABELS[t],
            },
            {
              title: '触发的规则',
              key: 'rules',
              render: (_: unknown, row) => row.explanation.map((e) => e.label).join('；'),
            },
            {
              title: '操作人 / 理由',
              key: 'actor',
              render: (_: unknown, row) => [row.actorName, row.reason].filter(Boolean).join('：') || '—',
            },
          ]}
        />
      )}
    </div>
  );
}

/** The card in a Card frame, for pages. */
export function ClassificationPanel({ enterpriseId, title = '分级分类' }: { enterpriseId: string; title?: string }) {
  return (
    <Card title={title}>
      <ClassificationCard enterpriseId={enterpriseId} />
    </Card>
  );
}
