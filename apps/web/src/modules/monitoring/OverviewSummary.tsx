import { ALARM_LEVEL_LABELS, ALARM_LEVELS, type MonitoringOverviewDto } from '@zhiben/contracts';
import { Card, Col, Flex, Row, Statistic, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { ALARM_LEVEL_HEX, ALARM_LEVEL_TEXT, formatRate } from './monitoringLabels';

const ratio = (a: number, b: number) => (b > 0 ? formatRate(a / b) : '—');

/** The counts above the tiles; each links to the list behind it. */
export function OverviewSummary({ data, enterpriseSide }: { data: MonitoringOverviewDto; enterpriseSide: boolean }) {
  const s = data.summary;
  const cards = [
    ...(enterpriseSide
      ? []
      : [
          {
            key: 'enterprises',
            title: '接入企业',
            value: `${s.connectedEnterprises.toLocaleString('zh-CN')} / ${s.enterprises.toLocaleString('zh-CN')}`,
            note: `接入率 ${ratio(s.connectedEnterprises, s.enterprises)}（必选监测项 24 小时内均有数据）`,
            to: '/monitoring/rollout',
            color: '#1554ad',
          },
        ]),
    {
      key: 'devices',
      title: '在线设备',
      value: `${s.connectedDevices.toLocaleString('zh-CN')} / ${s.devices.toLocaleString('zh-CN')}`,
      note: `在线率 ${ratio(s.connectedDevices, s.devices)}`,
      to: '/monitoring/devices',
      color: '#1554ad',
    },
    {
      key: 'open',
      title: '未关闭报警',
      value: s.openAlarms.toLocaleString('zh-CN'),
      note: null,
      to: '/monitoring/alarms?status=open',
      color: s.openAlarms > 0 ? '#cf1322' : '#52c41a',
    },
    {
      key: 'pending',
      title: '待响应',
      value: s.pending.toLocaleString('zh-CN'),
      note: '收到报警后未响应，超时逐级升级',
      to: '/monitoring/alarms?status=pending',
      color: s.pending > 0 ? '#fa8c16' : '#52c41a',
    },
  ];
  const card = (c: (typeof cards)[number], body: ReactNode) => (
    <Card hoverable size="small" style={{ height: '100%', borderTop: `3px solid ${c.color}` }}>
      {body}
    </Card>
  );
  return (
    <Row gutter={[12, 12]}>
      {cards.map((c) => (
        <Col key={c.key} xs={12} md={enterpriseSide ? 8 : 6}>
          {c.key === 'open' ? (
            // The level chips are links of their own: this card is not one link as a whole.
            <div data-testid={`monitoring-summary-${c.key}`} style={{ height: '100%' }}>
              {card(
                c,
                <>
                  <Link to={c.to} style={{ color: 'inherit' }}>
                    <Statistic title={c.title} value={c.value} styles={{ content: { fontSize: 22 } }} />
                  </Link>
                  <Flex gap={4} wrap style={{ marginTop: 2 }}>
                    {[...ALARM_LEVELS].reverse().map((l) => (
                      <Link
                        key={l}
                        to={`/monitoring/alarms?status=open&level=${l}`}
                        className="zb-monitoring-chip"
                        style={{
                          background: s.openByLevel[l] ? ALARM_LEVEL_HEX[l] : '#f0f0f0',
                          color: s.openByLevel[l] ? ALARM_LEVEL_TEXT[l] : '#8c8c8c',
                        }}
                        title={`${ALARM_LEVEL_LABELS[l]} ${s.openByLevel[l]} 条`}
                        data-testid={`monitoring-summary-open-${l}`}
                      >
                        {ALARM_LEVEL_LABELS[l].slice(0, 1)} {s.openByLevel[l]}
                      </Link>
                    ))}
                  </Flex>
                </>,
              )}
            </div>
          ) : (
            <Link to={c.to} data-testid={`monitoring-summary-${c.key}`}>
              {card(
                c,
                <>
                  <Statistic title={c.title} value={c.value} styles={{ content: { fontSize: 22 } }} />
                  {c.note && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {c.note}
                    </Typography.Text>
                  )}
                </>,
              )}
            </Link>
          )}
        </Col>
      ))}
    </Row>
  );
}
