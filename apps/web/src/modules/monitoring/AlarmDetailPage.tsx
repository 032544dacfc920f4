import { ArrowLeftOutlined } from '@ant-design/icons';
import {
  ALARM_ESCALATION_STAGE_LABELS,
  ALARM_KIND_LABELS,
  ALARM_LEVEL_LABELS,
  type AlarmDetailDto,
  RULE_TYPE_LABELS,
} from '@zhiben/contracts';
import { Alert, Card, Col, Descriptions, Flex, Grid, Row, Typography } from 'antd';
import { useMemo } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { detailQueryState } from '../../components/DetailQueryState';
import { formatDateTime } from '../../lib/time';
import { usePageTitle } from '../../lib/usePageTitle';
import { PhotoGallery } from '../self-inspection/PhotoThumbs';
import { AlarmActions } from './AlarmActions';
import { AlarmTimeline } from './AlarmTimeline';
import { useAlarm } from './alarms.api';
import { useThresholds } from './monitoring.api';
import { AlarmLevelTag, AlarmStatusTag, describePeak, formatReading, signalLabel } from './monitoringLabels';
import { SignalChart } from './SignalChart';
import { fixedWindow, thresholdLinesOf } from './seriesRange';
import { useMonitoringStream } from './useMonitoringStream';

/** What the alarm waits for, in words (the header's second line). */
function nextStep(a: AlarmDetailDto): string {
  switch (a.displayStatus) {
    case 'pending':
      return a.nextEscalationAt ? `待企业响应 · 未响应将于 ${formatDateTime(a.nextEscalationAt)} 升级` : '待企业响应';
    case 'acknowledged':
      return '已响应，待提交处置报告';
    case 'recovered':
      return '报警条件已恢复，仍需提交处置报告';
    case 'disposed':
      return '已提交处置报告，报警条件恢复后自动关闭';
    case 'closed':
      return `已关闭于 ${formatDateTime(a.closedAt)}`;
  }
}

function AlarmFacts({ a }: { a: AlarmDetailDto }) {
  const peak = describePeak(a, a.peak);
  return (
    <Descriptions
      size="small"
      column={{ xs: 1, sm: 2 }}
      items={[
        { key: 'enterprise', label: '企业', children: a.enterpriseName },
        { key: 'region', label: '属地', children: a.regionName },
        {
          key: 'device',
          label: '设备',
          children: (
            <Link to={`/monitoring/devices/${a.deviceId}`} data-testid="alarm-device-link">
              {a.deviceName}（{a.deviceCode}）
            </Link>
          ),
        },
        { key: 'signal', label: '监测项', children: signalLabel(a.signal) },
        { key: 'rule', label: '报警规则', children: `${a.ruleName}（${RULE_TYPE_LABELS[a.ruleType]}）` },
        { key: 'kind', label: '报警类型', children: ALARM_KIND_LABELS[a.kind] },
        { key: 'level', label: '当前级别', children: <AlarmLevelTag level={a.level} /> },
        { key: 'max', label: '最高级别', children: ALARM_LEVEL_LABELS[a.maxLevel] },
        { key: 'count', label: '触发次数', children: `${a.count} 次` },
        ...(peak ? [{ key: 'peak', label: peak.label, children: peak.text }] : []),
        ...(a.signal ? [{ key: 'last', label: '最新读数', children: formatReading(a.signal, a.lastValue) }] : []),
        { key: 'first', label: '首次报警', children: formatDateTime(a.firstAt) },
        { key: 'lastAt', label: '最近报警', children: formatDateTime(a.lastAt) },
        { key: 'cleared', label: '恢复时间', children: a.clearedAt ? formatDateTime(a.clearedAt) : '未恢复' },
        {
          key: 'ack',
          label: '响应',
          children: a.acknowledgedAt ? `${a.acknowledgedByName ?? '—'} · ${formatDateTime(a.acknowledgedAt)}` : '未响应',
        },
        { key: 'escalation', label: '超时升级', children: ALARM_ESCALATION_STAGE_LABELS[a.escalationStage] },
        ...(a.hazardId
          ? [
              {
                key: 'hazard',
                label: '关联隐患',
                children: (
                  <Link to={`/hazards/${a.hazardId}`} data-testid="alarm-hazard-link">
                    查看隐患记录
                  </Link>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}

function DisposalCard({ a }: { a: AlarmDetailDto }) {
  const d = a.disposal;
  if (!d) return null;
  return (
    <Card title="处置报告" size="small" data-testid="alarm-disposal">
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'cause', label: '报警原因', children: <span style={{ whiteSpace: 'pre-wrap' }}>{d.cause}</span> },
          { key: 'action', label: '处置措施', children: <span style={{ whiteSpace: 'pre-wrap' }}>{d.action}</span> },
          { key: 'by', label: '提交', children: `${d.disposedByName ?? '—'} · ${formatDateTime(d.disposedAt)}` },
          { key: 'photos', label: '现场照片', children: <PhotoGallery hashes={d.photos} size={72} testIdPrefix="alarm-disposal-photo" /> },
        ]}
      />
    </Card>
  );
}

/** The signal around the alarm: an hour before the raise until the recovery (or now), with the alarm bounds. */
function AlarmChart({ a, compact }: { a: AlarmDetailDto; compact: boolean }) {
  const thresholds = useThresholds(a.deviceId, !!a.signal);
  const signal = a.signal;
  const range = useMemo(() => {
    const from = Date.parse(a.firstAt) - 3600_000;
    const end = a.clearedAt ? Date.parse(a.clearedAt) + 1800_000 : Date.now();
    return fixedWindow(from, Math.min(end, Date.now() + 60_000));
  }, [a.firstAt, a.clearedAt]);
  const lines = useMemo(() => (signal ? thresholdLinesOf(thresholds.data?.rules, signal) : []), [thresholds.data, signal]);
  if (!signal) return null;
  return <SignalChart deviceId={a.deviceId} signal={signal} range={range} thresholds={lines} compact={compact} height={240} />;
}

/**
 * /monitoring/alarms/:id — one alarm: level, status and what it waits for; 响应 and 处置 as `abilities` allow; the
 * facts, the 处置报告, the signal around the alarm, and the 处理记录 timeline. Live: the stream refreshes it.
 */
export function AlarmDetailPage() {
  const { id = '' } = useParams();
  const location = useLocation();
  const screens = Grid.useBreakpoint();
  const wide = screens.xl === true;
  const phone = screens.sm === false;
  const query = useAlarm(id);
  useMonitoringStream();
  usePageTitle('报警详情');

  const listSearch = (location.state as { listSearch?: unknown } | null)?.listSearch;
  const backLink = (
    <Link to={`/monitoring/alarms${typeof listSearch === 'string' ? listSearch : ''}`} data-testid="alarm-back">
      <ArrowLeftOutlined /> 报警处置
    </Link>
  );

  const pending = detailQueryState({ query, noun: '报警', backLink, testId: 'alarm' });
  if (pending || !query.data) return pending;

  const a = query.data;
  const timeline = (
    <Card title="处理记录" size="small">
      <AlarmTimeline alarm={a} />
    </Card>
  );

  return (
    <Flex vertical gap={phone ? 12 : 16} data-testid="alarm-detail" data-status={a.displayStatus} data-level={a.level}>
      <Card>
        <div style={{ marginBottom: 8 }}>{backLink}</div>
        <Flex justify="space-between" align="flex-start" wrap gap={12}>
          <div style={{ minWidth: 0, flex: '1 1 360px' }}>
            <Flex align="center" wrap gap={6}>
              <AlarmLevelTag level={a.level} />
              <AlarmStatusTag status={a.displayStatus} testid="alarm-status" />
              {a.escalationStage !== 'none' && (
                <Typography.Text type="danger" style={{ fontSize: 13 }}>
                  {ALARM_ESCALATION_STAGE_LABELS[a.escalationStage]}
                </Typography.Text>
              )}
            </Flex>
            <Typography.Title level={phone ? 5 : 4} style={{ margin: '8px 0 4px' }} data-testid="alarm-title">
              {a.ruleName}
            </Typography.Title>
            <Typography.Text type="secondary" style={{ display: 'block' }}>
              {a.enterpriseName} · {a.deviceName} · {formatDateTime(a.firstAt)}
            </Typography.Text>
            <Typography.Text style={{ display: 'block', marginTop: 4 }} data-testid="alarm-next-step">
              {nextStep(a)}
            </Typography.Text>
          </div>
          <AlarmActions alarm={a} size={phone ? 'large' : 'middle'} />
        </Flex>
        {a.hazardId && (
          <Alert
            style={{ marginTop: 12 }}
            type="error"
            showIcon
            title="该报警已转为隐患记录"
            description={
              <Link to={`/hazards/${a.hazardId}`} data-testid="alarm-hazard-banner-link">
                查看隐患并按隐患闭环整改
              </Link>
            }
          />
        )}
      </Card>
      <Row gutter={[16, 16]} align="top">
        <Col xs={24} xl={15}>
          <Flex vertical gap={16}>
            <Card title="报警信息" size="small">
              <AlarmFacts a={a} />
            </Card>
            <DisposalCard a={a} />
            <AlarmChart a={a} compact={phone} />
            {!wide && timeline}
          </Flex>
        </Col>
        {wide && <Col xl={9}>{timeline}</Col>}
      </Row>
    </Flex>
  );
}
