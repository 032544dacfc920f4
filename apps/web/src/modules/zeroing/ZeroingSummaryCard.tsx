import { Card, Col, Row, Skeleton, Statistic, Typography } from 'antd';
import { Link } from 'react-router';
import { QueryError } from '../../components/QueryError';
import { hazardListLink, useZeroing } from './zeroing.api';

/** The home page's / 工作台's glance at 动态清零 (same numbers as the board, same scope), leading to the board. */
export function ZeroingSummaryCard() {
  const board = useZeroing();
  const s = board.data?.summary;
  const red = (n: number) => (n > 0 ? { color: '#cf1322' } : { color: '#389e0d' });
  return (
    <Card
      size="small"
      title="重大事故隐患动态清零"
      extra={<Link to="/hazards/zeroing">查看看板</Link>}
      style={{ height: '100%' }}
      data-testid="home-zeroing"
    >
      {board.loading ? (
        <Skeleton active paragraph={{ rows: 2 }} />
      ) : board.isError || !s ? (
        <QueryError error={board.error} onRetry={() => void board.refetch()} />
      ) : (
        <>
          <Row gutter={[12, 12]}>
            <Col span={12}>
              <Link to={hazardListLink({ level: 'major' })} data-testid="home-zeroing-open-major" data-value={s.openMajor}>
                <Statistic title="未销号" value={s.openMajor} suffix="项" styles={{ content: red(s.openMajor) }} />
              </Link>
            </Col>
            <Col span={12}>
              <Link to={hazardListLink({ level: 'major', overdue: 'true' })}>
                <Statistic title="逾期未整改" value={s.overdue} suffix="项" styles={{ content: red(s.overdue) }} />
              </Link>
            </Col>
            <Col span={12}>
              <Link to="/hazards/supervision">
                <Statistic title="挂牌督办中" value={s.supervised} suffix="项" />
              </Link>
            </Col>
            <Col span={12}>
              <Link to={hazardListLink({ level: 'major', status: 'pending_judgement' })}>
                <Statistic title="待判定" value={s.pendingJudgement} suffix="项" />
              </Link>
            </Col>
            <Col span={12}>
              <Link to={hazardListLink({ level: 'major' })}>
                <Statistic title="本月新增" value={s.openedThisMonth} suffix="项" />
              </Link>
            </Col>
            <Col span={12}>
              <Link to={hazardListLink({ level: 'major', status: 'closed' })}>
                <Statistic title="本月销号" value={s.closedThisMonth} suffix="项" />
              </Link>
            </Col>
            <Col span={12}>
              <Link to={hazardListLink({ level: 'major', status: 'closed' })}>
                <Statistic title="本年销号" value={s.closedThisYear} suffix="项" />
              </Link>
            </Col>
            <Col span={12}>
              <Link to={hazardListLink({ level: 'major', status: 'closed' })}>
                <Statistic
                  title="平均整改天数"
                  value={s.averageDaysToClose ?? '—'}
                  suffix={s.averageDaysToClose === null ? undefined : '天'}
                  precision={s.averageDaysToClose === null ? undefined : 1}
                />
              </Link>
            </Col>
          </Row>
          {s.openMajor === 0 && (
            <Typography.Text type="success" style={{ display: 'block', marginTop: 8 }}>
              重大事故隐患已动态清零
            </Typography.Text>
          )}
        </>
      )}
    </Card>
  );
}
