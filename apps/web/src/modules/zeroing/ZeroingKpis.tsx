import type { ZeroingDto } from '@zhiben/contracts';
import { Card, Col, Flex, Row, Statistic, Typography } from 'antd';
import { Link } from 'react-router';
import { hazardListLink } from './zeroing.api';

interface Kpi {
  key: string;
  title: string;
  value: number | null;
  suffix: string;
  to: string;
  color: string;
  note?: string | undefined;
  precision?: number;
}

const RED = '#cf1322';
const ORANGE = '#fa8c16';
const BLUE = '#1554ad';
const GREEN = '#389e0d';

/**
 * The board's headline numbers (major hazards in the caller's scope). Each card is a link to the hazard list behind
 * it and carries `data-testid="zeroing-<key>"` and `data-value` (browser journeys read the open-major count).
 */
export function ZeroingKpis({ data }: { data: ZeroingDto }) {
  const s = data.summary;
  const major = { level: 'major' };
  const kpis: Kpi[] = [
    {
      key: 'open-major',
      title: '重大隐患未销号',
      value: s.openMajor,
      suffix: '项',
      to: hazardListLink({ ...major, open: 'true' }),
      color: s.openMajor > 0 ? RED : GREEN,
      note: s.pendingJudgement > 0 ? `其中待判定 ${s.pendingJudgement} 项` : '含待判定、整改中、待验收',
    },
    {
      key: 'overdue',
      title: '逾期未整改',
      value: s.overdue,
      suffix: '项',
      to: hazardListLink({ ...major, overdue: 'true' }),
      color: s.overdue > 0 ? RED : GREEN,
      note: '超过整改期限仍未销号',
    },
    {
      key: 'supervised',
      title: '挂牌督办中',
      value: s.supervised,
      suffix: '项',
      to: '/hazards/supervision',
      color: ORANGE,
      note: '未销号的挂牌督办隐患',
    },
    {
      key: 'avg-days',
      title: '平均整改天数',
      value: s.averageDaysToClose,
      suffix: '天',
      precision: 1,
      to: hazardListLink({ ...major, status: 'closed' }),
      color: BLUE,
      note: `${data.year.label}年销号的重大隐患，发现至销号`,
    },
    {
      key: 'opened-month',
      title: '本月新增',
      value: s.openedThisMonth,
      suffix: '项',
      to: hazardListLink({ ...major, open: 'true' }),
      color: BLUE,
      note: data.month.label,
    },
    {
      key: 'closed-month',
      title: '本月销号',
      value: s.closedThisMonth,
      suffix: '项',
      to: hazardListLink({ ...major, status: 'closed' }),
      color: GREEN,
      note: data.month.label,
    },
    {
      key: 'opened-year',
      title: '本年新增',
      value: s.openedThisYear,
      suffix: '项',
      to: hazardListLink({ ...major, open: 'true' }),
      color: BLUE,
      note: `${data.year.label}年`,
    },
    {
      key: 'closed-year',
      title: '本年销号',
      value: s.closedThisYear,
      suffix: '项',
      to: hazardListLink({ ...major, status: 'closed' }),
      color: GREEN,
      note: `${data.year.label}年`,
    },
  ];

  return (
    <Row gutter={[16, 16]}>
      {kpis.map((k) => (
        <Col key={k.key} xs={12} md={6}>
          <Link
            to={k.to}
            data-testid={`zeroing-${k.key}`}
            data-value={k.value ?? ''}
            aria-label={`${k.title} ${k.value ?? '暂无'}${k.value === null ? '' : k.suffix}，查看隐患清单`}
          >
            <Card hoverable size="small" style={{ height: '100%', borderTop: `3px solid ${k.color}` }}>
              <Statistic
                title={k.title}
                value={k.value ?? '—'}
                suffix={k.value === null ? undefined : k.suffix}
                precision={k.value === null ? undefined : k.precision}
                groupSeparator=","
                styles={{ content: { color: k.key === 'open-major' || k.key === 'overdue' ? k.color : undefined } }}
              />
              {k.note && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {k.note}
                </Typography.Text>
              )}
            </Card>
          </Link>
        </Col>
      ))}
      <Col span={24}>
        <Flex gap={16} wrap>
          <Typography.Text type="secondary" data-testid="zeroing-general">
            一般隐患：未销号 <Link to={hazardListLink({ level: 'general' })}>{s.openGeneral.toLocaleString('zh-CN')} 项</Link>
            ，其中逾期 <Link to={hazardListLink({ level: 'general', overdue: 'true' })}>{s.overdueGeneral.toLocaleString('zh-CN')} 项</Link>
          </Typography.Text>
        </Flex>
      </Col>
    </Row>
  );
}
