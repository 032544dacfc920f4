import { SafetyCertificateFilled } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ListResult, PublicHazardDto } from '@zhiben/contracts';
import { Alert, Button, Card, Empty, Flex, Grid, Pagination, Skeleton, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { request } from '../api/client';
import { errorMessage } from '../api/errors';
import { testId } from '../lib/testId';
import { formatDate } from '../lib/time';
import { usePageTitle } from '../lib/usePageTitle';

const PAGE_SIZE = 20;
const TITLE = '重大事故隐患挂牌督办公示';
/** 应急管理部令第10号 (2023). */
const STANDARD = '《工贸企业重大事故隐患判定标准》';

/** 挂牌中 red (a published major hazard not yet closed) with its stage; 已销号 green; 已摘牌 grey. */
function StatusTag({ h }: { h: PublicHazardDto }) {
  if (h.delistedAt) return <Tag>{h.statusLabel}</Tag>;
  if (h.status === 'closed') return <Tag color="green">{h.statusLabel}</Tag>;
  return (
    <Flex gap={4} wrap>
      <Tag color="red" variant="solid" style={{ marginInlineEnd: 0 }}>
        挂牌中
      </Tag>
      <Tag color={h.status === 'rectifying' ? 'blue' : 'orange'} style={{ marginInlineEnd: 0 }}>
        {h.statusLabel}
      </Tag>
    </Flex>
  );
}

const basisOf = (h: PublicHazardDto) => (h.standardItem ? `${h.standardItem.articleLabel}${h.standardItem.itemLabel}` : null);

/** The article and its text; the standard's name is in the column header (table) or written out (`full`, cards). */
function Basis({ h, full = false }: { h: PublicHazardDto; full?: boolean }) {
  if (!h.standardItem) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Flex vertical gap={2}>
      <Typography.Text strong>
        {full ? STANDARD : ''}
        {basisOf(h)}
      </Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
        {h.standardItem.text}
      </Typography.Text>
    </Flex>
  );
}

const columns: TableColumnsType<PublicHazardDto> = [
  {
    title: '企业名称',
    key: 'enterprise',
    width: 220,
    render: (_, h) => (
      <Flex vertical>
        <Typography.Text strong>{h.enterpriseName}</Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {h.regionName}
        </Typography.Text>
      </Flex>
    ),
  },
  { title: '重大事故隐患（判定标准条款）', key: 'basis', render: (_, h) => <Basis h={h} /> },
  { title: '状态', key: 'status', width: 100, render: (_, h) => <StatusTag h={h} /> },
  { title: '督办单位', key: 'unit', width: 140, render: (_, h) => h.supervisingUnit ?? '—' },
  { title: '督办期限', key: 'deadline', width: 110, render: (_, h) => formatDate(h.supervisionDeadline) },
  { title: '挂牌日期', key: 'published', width: 110, render: (_, h) => formatDate(h.publishedAt) },
  { title: '销号 / 摘牌', key: 'closed', width: 140, render: (_, h) => <ClosedDates h={h} /> },
];

function ClosedDates({ h }: { h: PublicHazardDto }) {
  if (!h.closedAt && !h.delistedAt) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Flex vertical style={{ fontSize: 13 }}>
      {h.closedAt && <span>销号 {formatDate(h.closedAt)}</span>}
      {h.delistedAt && <span>摘牌 {formatDate(h.delistedAt)}</span>}
    </Flex>
  );
}

function HazardCard({ h }: { h: PublicHazardDto }) {
  return (
    <Card size="small" data-testid="public-hazard">
      <Flex vertical gap={6}>
        <Flex justify="space-between" align="flex-start" gap={8}>
          <Flex vertical style={{ minWidth: 0 }}>
            <Typography.Text strong>{h.enterpriseName}</Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {h.regionName}
            </Typography.Text>
          </Flex>
          <StatusTag h={h} />
        </Flex>
        <Basis h={h} full />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          挂牌 {formatDate(h.publishedAt)}
          {h.supervisingUnit ? ` · 督办单位 ${h.supervisingUnit}` : ''}
          {h.supervisionDeadline ? ` · 督办期限 ${formatDate(h.supervisionDeadline)}` : ''}
          {h.closedAt ? ` · 销号 ${formatDate(h.closedAt)}` : ''}
          {h.delistedAt ? ` · 摘牌 ${formatDate(h.delistedAt)}` : ''}
        </Typography.Text>
      </Flex>
    </Card>
  );
}

/**
 * The public page (no login): major hazards the bureau has published for supervision (挂牌) and their closure
 * (摘牌), as 实施方案 三(八)18 asks ("集中挂牌、公布、曝光、处理一批重大事故隐患"). The server answers without any
 * personal data (no names of people, phones, photos or free text), so this page cannot show any either.
 */
export function PublicHazardsPage() {
  usePageTitle(TITLE);
  const phone = Grid.useBreakpoint().md === false;
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const query = useQuery({
    queryKey: ['public', 'hazards', page],
    // A visitor has no session: a 401 here must not send him to the login page.
    queryFn: ({ signal }) =>
      request<ListResult<PublicHazardDto>>('GET', '/public/hazards', {
        query: { page, pageSize: PAGE_SIZE },
        ...(signal ? { signal } : {}),
        skipSessionHandling: true,
      }),
    placeholderData: keepPreviousData,
  });
  const setPage = (p: number) => {
    setParams(p > 1 ? { page: String(p) } : {});
    window.scrollTo({ top: 0 });
  };
  const items = query.data?.items ?? [];
  const empty = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="目前没有公示中的重大事故隐患" />;

  return (
    <Flex vertical style={{ minHeight: '100vh', background: '#f5f7fa' }}>
      <header style={{ background: 'linear-gradient(135deg, #0b3a7e 0%, #1554ad 100%)', color: '#fff' }}>
        <Flex align="center" gap={12} style={{ maxWidth: 1200, margin: '0 auto', padding: phone ? '16px 14px' : '22px 24px' }}>
          <SafetyCertificateFilled style={{ fontSize: phone ? 28 : 36, color: '#fff' }} />
          <Flex vertical style={{ lineHeight: 1.35 }}>
            <h1 style={{ fontSize: phone ? 19 : 24, fontWeight: 600, letterSpacing: 1, margin: 0, color: '#fff' }}>{TITLE}</h1>
            <span style={{ fontSize: 13, color: 'rgba(255,255,255,0.8)' }}>长治市上党区应急管理局</span>
          </Flex>
        </Flex>
      </header>
      <main
        style={{
          width: '100%',
          maxWidth: 1200,
          margin: '0 auto',
          padding: phone ? '12px 10px 24px' : '20px 24px 32px',
          boxSizing: 'border-box',
          flex: 1,
        }}
      >
        <Flex vertical gap={phone ? 12 : 16}>
          <Card size="small">
            <Typography.Paragraph style={{ margin: 0 }}>
              为推动重大事故隐患动态清零，根据《工贸行业安全生产治本攻坚三年行动实施方案》“集中挂牌、公布、曝光、处理一批重大事故隐患”的要求，现将区应急管理局挂牌督办的工贸企业重大事故隐患向社会公示（判定依据为
              {STANDARD}，应急管理部令第10号）。隐患整改完成并经复查验收销号后予以摘牌。
            </Typography.Paragraph>
            <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
              欢迎社会各界监督。发现安全生产违法行为和事故隐患，请拨打安全生产举报投诉电话 12350。
            </Typography.Paragraph>
          </Card>
          {query.isError ? (
            <Alert
              type="error"
              showIcon
              title="公示信息暂时无法加载"
              description={errorMessage(query.error)}
              action={
                <Button size="small" onClick={() => void query.refetch()}>
                  重试
                </Button>
              }
            />
          ) : query.isPending ? (
            <Card>
              <Skeleton active paragraph={{ rows: 6 }} />
            </Card>
          ) : phone ? (
            <Flex vertical gap={10} data-testid="public-hazards">
              <Typography.Text type="secondary">共 {query.data.total} 条</Typography.Text>
              {items.length === 0 && <Card size="small">{empty}</Card>}
              {items.map((h) => (
                <HazardCard key={h.id} h={h} />
              ))}
              {query.data.total > PAGE_SIZE && (
                <Pagination simple align="center" current={page} pageSize={PAGE_SIZE} total={query.data.total} onChange={setPage} />
              )}
            </Flex>
          ) : (
            <Card>
              <Table<PublicHazardDto>
                rowKey="id"
                columns={columns}
                dataSource={items}
                loading={query.isFetching}
                pagination={{
                  current: page,
                  pageSize: PAGE_SIZE,
                  total: query.data.total,
                  showSizeChanger: false,
                  hideOnSinglePage: true,
                  showTotal: (n) => `共 ${n} 条`,
                  onChange: setPage,
                }}
                onRow={() => ({ role: 'row', ...testId('public-hazard') })}
                locale={{ emptyText: empty }}
                scroll={{ x: 1000 }}
                data-testid="public-hazards"
              />
            </Card>
          )}
        </Flex>
      </main>
      <Typography.Text type="secondary" style={{ textAlign: 'center', fontSize: 12, padding: '0 16px 24px' }}>
        长治市上党区应急管理局 · 工贸行业安全生产治本攻坚监管平台
      </Typography.Text>
    </Flex>
  );
}
