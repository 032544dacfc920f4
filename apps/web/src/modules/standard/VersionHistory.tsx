import { Card, Empty, Flex, Tag, Timeline, Typography } from 'antd';
import { QueryError } from '../../components/QueryError';
import { formatDate, formatDateTime } from '../../lib/time';
import { useStandardVersions } from './standard.api';

/** 版本记录: every published version with its note; a click shows that version's text. */
export function VersionHistory({ viewing, onView }: { viewing: number | undefined; onView: (version: number) => void }) {
  const versions = useStandardVersions();
  const items = versions.data?.items ?? [];
  const current = items[0]?.version;
  return (
    <Card title="版本记录" size="small" loading={versions.isLoading} data-testid="standard-versions">
      {versions.isError ? (
        <QueryError error={versions.error} onRetry={() => void versions.refetch()} />
      ) : items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无版本" />
      ) : (
        <Timeline
          style={{ marginTop: 8 }}
          items={items.map((v) => ({
            key: v.id,
            color: v.version === current ? 'green' : 'gray',
            content: (
              <Flex vertical gap={2} data-testid={`standard-version-${v.version}`}>
                <Flex gap={6} align="center" wrap>
                  {v.version === viewing ? (
                    <Typography.Text strong>第 {v.version} 版</Typography.Text>
                  ) : (
                    <Typography.Link strong onClick={() => onView(v.version)}>
                      第 {v.version} 版
                    </Typography.Link>
                  )}
                  {v.version === current && <Tag color="green">现行</Tag>}
                  {v.version === viewing && v.version !== current && <Tag color="blue">查看中</Tag>}
                </Flex>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  发布 {formatDateTime(v.publishedAt)} · 施行 {formatDate(v.effectiveFrom)}
                  {v.itemCount > 0 ? ` · ${v.itemCount} 条` : ''}
                </Typography.Text>
                <Typography.Text style={{ fontSize: 13 }}>{v.note ?? '（无修订说明）'}</Typography.Text>
              </Flex>
            ),
          }))}
        />
      )}
    </Card>
  );
}
