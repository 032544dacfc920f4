import { DownloadOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Grid, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { errorMessage } from '../../api/errors';
import { scopeLabelOf } from '../../app/access';
import { useSession } from '../../app/session';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { formatDateTime } from '../../lib/time';
import { downloadFile } from '../enterprises/ledger.api';
import { OpenEnterprisesTable } from './OpenEnterprisesTable';
import { SupervisionList } from './SupervisionList';
import { ZeroingCharts } from './ZeroingCharts';
import { ZeroingKpis } from './ZeroingKpis';
import { useZeroing } from './zeroing.api';

/**
 * 重大事故隐患动态清零 (实施方案 三(四)7: "确保重大事故隐患动态清零"): open major hazards now, this month's and
 * year's intake and closures, overdue, average days to close, by sector / region / standard article, the
 * enterprises still holding open major hazards and the 挂牌督办 list — in the caller's scope (bureau: the district,
 * township: its region, enterprise: itself) — and the same board as an .xlsx file.
 */
export function ZeroingPage() {
  const me = useSession();
  const enterpriseScope = me.scope.kind === 'enterprise';
  const phone = Grid.useBreakpoint().md === false;
  const board = useZeroing();
  const { message } = App.useApp();
  const [exporting, setExporting] = useState(false);
  const data = board.data;

  const exportBoard = async () => {
    setExporting(true);
    try {
      const name = await downloadFile('/hazards/zeroing/export', undefined, '重大事故隐患动态清零.xlsx');
      message.success(`已导出：${name}`);
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setExporting(false);
    }
  };

  const header = (
    <PageHeader
      title="动态清零"
      description={
        <>
          重大事故隐患动态清零看板 · 数据范围：{scopeLabelOf(me)}
          {data ? ` · 统计截至 ${formatDateTime(data.asOf)}` : ''} · 点击数字或图形查看隐患清单
        </>
      }
      extra={
        <Flex gap={8}>
          <Button icon={<ReloadOutlined />} onClick={() => void board.refetch()} loading={board.isRefetching} aria-label="刷新">
            {phone ? null : '刷新'}
          </Button>
          <Button
            icon={<DownloadOutlined />}
            onClick={() => void exportBoard()}
            loading={exporting}
            disabled={!data}
            data-testid="zeroing-export"
          >
            导出 Excel
          </Button>
        </Flex>
      }
    />
  );

  if (board.loading) {
    return (
      <Flex vertical gap={16}>
        {header}
        <Card>
          <Skeleton active paragraph={{ rows: 8 }} />
        </Card>
      </Flex>
    );
  }
  if (board.isError || !data) {
    return (
      <Flex vertical gap={16}>
        {header}
        <QueryError error={board.error} onRetry={() => void board.refetch()} />
      </Flex>
    );
  }

  const supervisionLate = data.supervision.filter((s) => s.supervisionOverdue).length;

  return (
    <Flex vertical gap={16} data-testid="zeroing-board">
      {header}
      {data.summary.openMajor === 0 && (
        <Alert
          type="success"
          showIcon
          title={`${scopeLabelOf(me)}重大事故隐患已动态清零`}
          description="目前没有未销号的重大事故隐患；新发现的重大隐患将在这里实时统计。"
          data-testid="zeroing-cleared"
        />
      )}
      <ZeroingKpis data={data} />
      <ZeroingCharts data={data} enterpriseScope={enterpriseScope} compact={phone} />
      {!enterpriseScope && (
        <Card
          size="small"
          title={`存在未销号重大隐患的企业（${data.enterprises.length} 家）`}
          extra={<Typography.Text type="secondary">点击一行查看该企业的重大隐患</Typography.Text>}
        >
          <OpenEnterprisesTable rows={data.enterprises} asOf={data.asOf} />
        </Card>
      )}
      <Card
        id="supervision"
        size="small"
        title={
          <Flex gap={8} align="center" wrap>
            挂牌督办（{data.supervision.length} 项）
            {supervisionLate > 0 && <Typography.Text type="danger">其中 {supervisionLate} 项已超过督办期限</Typography.Text>}
          </Flex>
        }
        extra={<Link to="/hazards/supervision">督办清单</Link>}
        data-testid="zeroing-supervision"
      >
        <SupervisionList items={data.supervision} phone={phone} />
      </Card>
    </Flex>
  );
}
