import { ExportOutlined } from '@ant-design/icons';
import { Card, Flex, Grid, Skeleton, Statistic, Typography } from 'antd';
import { Link } from 'react-router';
import { scopeLabelOf } from '../../app/access';
import { useSession } from '../../app/session';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { SupervisionList } from './SupervisionList';
import { hazardListLink, useZeroing } from './zeroing.api';

/**
 * 挂牌督办: the open major hazards the bureau supervises, with supervising unit and deadlines (overdue ones red),
 * from the same board as 动态清零. Publishing (挂牌 / 摘牌 on the public page) is done on the hazard itself.
 */
export function SupervisionPage() {
  const me = useSession();
  const phone = Grid.useBreakpoint().md === false;
  const board = useZeroing();
  const items = board.data?.supervision ?? [];
  const late = items.filter((s) => s.supervisionOverdue).length;
  const rectifyLate = items.filter((s) => s.overdue).length;

  return (
    <Flex vertical gap={16}>
      <PageHeader
        title="挂牌督办"
        description={`数据范围：${scopeLabelOf(me)} · 挂牌督办中、尚未销号的重大事故隐患，按督办期限排序；点击一条查看隐患和办理经过`}
        extra={
          <Flex gap={16} wrap align="center">
            <Link to={hazardListLink({ level: 'major', supervised: 'true' })}>含已销号的督办隐患</Link>
            <a href="/public/hazards" target="_blank" rel="noreferrer">
              社会公示页 <ExportOutlined />
            </a>
          </Flex>
        }
      />
      {board.isError ? (
        <QueryError error={board.error} onRetry={() => void board.refetch()} />
      ) : board.loading ? (
        <Card>
          <Skeleton active paragraph={{ rows: 6 }} />
        </Card>
      ) : (
        <>
          <Flex gap={16} wrap>
            <Card size="small" style={{ minWidth: 150, flex: phone ? '1 1 40%' : undefined }}>
              <Statistic title="挂牌督办中" value={items.length} suffix="项" />
            </Card>
            <Card size="small" style={{ minWidth: 150, flex: phone ? '1 1 40%' : undefined }} data-testid="supervision-late">
              <Statistic title="超过督办期限" value={late} suffix="项" styles={{ content: late > 0 ? { color: '#cf1322' } : {} }} />
            </Card>
            <Card size="small" style={{ minWidth: 150, flex: phone ? '1 1 40%' : undefined }}>
              <Statistic
                title="超过整改期限"
                value={rectifyLate}
                suffix="项"
                styles={{ content: rectifyLate > 0 ? { color: '#cf1322' } : {} }}
              />
            </Card>
          </Flex>
          <Card size="small">
            {items.length > 0 && (
              <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
                督办期限已过的标红；隐患经区局复查验收销号后不再列入督办清单。
              </Typography.Paragraph>
            )}
            <SupervisionList items={items} phone={phone} />
          </Card>
        </>
      )}
    </Flex>
  );
}
