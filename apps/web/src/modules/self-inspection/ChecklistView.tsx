import { Alert, Card, Collapse, Empty, Flex, Skeleton, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { QueryError } from '../../components/QueryError';
import { VerifiedTag } from '../standard/StandardItemDrawer';
import { ARTICLE_TITLES, articleName } from '../standard/standardLabels';
import { type ChecklistItem, useChecklist } from './selfInspection.api';

/**
 * 本企业清单 (一行业一清单): the items of the current standard version that apply to one enterprise, grouped by
 * article, each with the reason it applies. Used by the enterprise's own page and the enterprise detail page.
 */
export function ChecklistView({ enterpriseId }: { enterpriseId: string }) {
  const checklist = useChecklist(enterpriseId);
  const groups = useMemo(() => {
    const byArticle = new Map<number, ChecklistItem[]>();
    for (const item of checklist.data?.items ?? []) byArticle.set(item.article, [...(byArticle.get(item.article) ?? []), item]);
    return [...byArticle].sort(([a], [b]) => a - b);
  }, [checklist.data]);

  if (checklist.isError) return <QueryError error={checklist.error} onRetry={() => void checklist.refetch()} />;
  if (!checklist.data) return <Skeleton active />;
  const { items, version } = checklist.data;
  const unverified = items.filter((i) => !i.verified).length;

  return (
    <Flex vertical gap={12} data-testid="checklist">
      <Card size="small">
        <Flex vertical gap={8}>
          <Typography.Text>
            依据《工贸企业重大事故隐患判定标准》第 {version} 版，按本企业监管行业和风险/工艺标签确定，共{' '}
            <Typography.Text strong data-testid="checklist-total">
              {items.length}
            </Typography.Text>{' '}
            项{unverified > 0 ? `，其中 ${unverified} 项待核实` : ''}。
          </Typography.Text>
          <Flex gap={6} wrap data-testid="checklist-article-counts">
            {groups.map(([article, list]) => (
              <Tag key={article} color="blue" variant="outlined">
                {articleName(article)} {ARTICLE_TITLES[article] ?? ''} · {list.length} 项
              </Tag>
            ))}
          </Flex>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            企业信息中的监管行业或风险标签变更后，清单随之更新；标签不准确请在「企业信息」中修改。
          </Typography.Text>
        </Flex>
      </Card>
      {items.length === 0 ? (
        <Card>
          <Empty description="暂无适用条款：请在「企业信息」中完善监管行业和风险/工艺标签" />
        </Card>
      ) : (
        <Collapse
          defaultActiveKey={groups.map(([a]) => String(a))}
          items={groups.map(([article, list]) => ({
            key: String(article),
            label: (
              <Typography.Text strong>
                {articleName(article)} {ARTICLE_TITLES[article] ?? ''}（{list.length} 项）
              </Typography.Text>
            ),
            children: (
              <Flex vertical gap={12}>
                {list.map((item) => (
                  <ChecklistEntry key={item.id} item={item} />
                ))}
              </Flex>
            ),
          }))}
        />
      )}
    </Flex>
  );
}

function ChecklistEntry({ item }: { item: ChecklistItem }) {
  return (
    <Flex vertical gap={4} data-testid={`checklist-item-${item.key}`} style={{ borderBottom: '1px dashed #f0f0f0', paddingBottom: 10 }}>
      <Flex gap={8} align="center" wrap>
        <Typography.Text strong>
          {item.articleLabel}
          {item.itemLabel}
        </Typography.Text>
        {!item.verified && <VerifiedTag verified={false} />}
        {item.local && <Tag color="purple">地方补充</Tag>}
      </Flex>
      <Typography.Paragraph style={{ margin: 0 }}>{item.text}</Typography.Paragraph>
      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
        适用理由：{item.reason}
      </Typography.Text>
      {item.exclusions.length > 0 && (
        <Alert
          type="info"
          style={{ padding: '4px 10px' }}
          title={
            <span style={{ fontSize: 13 }}>
              除外情形：
              {item.exclusions.map((e, i) => `${i + 1}. ${e}`).join('；')}
            </span>
          }
        />
      )}
    </Flex>
  );
}
