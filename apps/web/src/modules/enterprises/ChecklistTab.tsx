import { Empty, Flex, Skeleton, Tag, Typography } from 'antd';
import { QueryError } from '../../components/QueryError';
import { useEnterpriseChecklist } from './enterprises.api';

/** 检查清单: the 令10 items that apply to this enterprise (一行业一清单), each with why it applies. */
export function ChecklistTab({ enterpriseId, active }: { enterpriseId: string; active: boolean }) {
  const query = useEnterpriseChecklist(enterpriseId, active);
  if (query.isPending) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  const { items, version } = query.data;
  const unverified = items.filter((i) => !i.verified).length;

  return (
    <Flex vertical gap={12} data-testid="enterprise-checklist">
      <Typography.Text type="secondary">
        《工贸企业重大事故隐患判定标准》（应急管理部令第10号）适用条款，按监管行业和风险标签自动生成 · 清单版本 v{version} · 共{' '}
        {items.length} 条{unverified ? `（其中 ${unverified} 条待核实原文）` : ''}
      </Typography.Text>
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有适用条款；补充监管行业或风险标签后将自动生成" />
      ) : (
        <ol style={{ margin: 0, paddingInlineStart: 0, listStyle: 'none' }}>
          {items.map((item) => (
            <li
              key={item.key}
              style={{ padding: '10px 0', borderBottom: '1px solid rgba(5,5,5,0.06)' }}
              data-testid={`checklist-item-${item.key}`}
            >
              <Flex gap={8} align="flex-start" wrap>
                <Typography.Text strong style={{ whiteSpace: 'nowrap' }}>
                  {item.articleLabel}
                  {item.itemLabel}
                </Typography.Text>
                <Typography.Text style={{ flex: '1 1 300px' }}>
                  {item.text}
                  {!item.verified && (
                    <Tag color="orange" style={{ marginInlineStart: 8 }}>
                      待核实
                    </Tag>
                  )}
                </Typography.Text>
              </Flex>
              <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', marginTop: 4 }}>
                适用理由：{item.reason}
              </Typography.Text>
            </li>
          ))}
        </ol>
      )}
    </Flex>
  );
}
