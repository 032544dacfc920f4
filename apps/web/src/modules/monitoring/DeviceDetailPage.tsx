import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { COLLECTOR_TYPE_LABELS } from '@zhiben/contracts';
import { Badge, Button, Card, Flex, Grid, Space, Tabs, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useSession } from '../../app/session';
import { detailQueryState } from '../../components/DetailQueryState';
import { usePageTitle } from '../../lib/usePageTitle';
import { useAlarms } from './alarms.api';
import { DeviceAccessTab } from './DeviceAccessTab';
import { DeviceAlarmsTab } from './DeviceAlarmsTab';
import { type ChartWindow, DeviceChartsTab } from './DeviceChartsTab';
import { ConnectedTag, LastReport } from './DeviceConnection';
import { DeviceFormModal } from './DeviceFormModal';
import { useDevice } from './devices.api';
import { DeviceStatusTag, signalLabel } from './monitoringLabels';
import { RotateSecretButton } from './RotateSecretButton';
import { lastWindow } from './seriesRange';
import { ThresholdEditor } from './ThresholdEditor';
import { useDeviceLiveness } from './useDeviceLiveness';
import { useMonitoringStream } from './useMonitoringStream';

const TABS = ['charts', 'alarms', 'thresholds', 'access'] as const;
type TabKey = (typeof TABS)[number];

/** The charts' windows move with the clock: a new minute, a new window (and fresh rollups). */
function useMovingWindows(): { '24h': ReturnType<typeof lastWindow>; '7d': ReturnType<typeof lastWindow> } {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return { '24h': lastWindow('24h', now), '7d': lastWindow('7d', now) };
}

/**
 * /monitoring/devices/:id — one collector: header (enterprise, type, code, latest data, connection), tabs 监测曲线
 * (24 h / 7 d per signal with alarm bounds), 报警 (open alarms), 阈值设置 (threshold editor), 接入信息.
 */
export function DeviceDetailPage() {
  const { id = '' } = useParams();
  const me = useSession();
  const screens = Grid.useBreakpoint();
  const phone = screens.md === false;
  const [params, setParams] = useSearchParams();
  const query = useDevice(id);
  const windows = useMovingWindows();
  const [chartWindow, setChartWindow] = useState<ChartWindow>('24h');
  const liveness = useDeviceLiveness(query.data, windows['24h']);
  const openAlarms = useAlarms({ deviceId: id, open: 'true', pageSize: 1 }, { enabled: !!query.data });
  const [editing, setEditing] = useState(false);
  useMonitoringStream();
  usePageTitle(query.data ? query.data.name : '设备详情');

  const requested = params.get('tab') as TabKey | null;
  const tab: TabKey = requested && TABS.includes(requested) ? requested : 'charts';
  const setTab = (key: string) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (key === 'charts') next.delete('tab');
        else next.set('tab', key);
        return next;
      },
      { replace: true },
    );

  const backLink = (
    <Link to="/monitoring/devices" data-testid="device-back">
      <ArrowLeftOutlined /> {me.scope.kind === 'enterprise' ? '监测设备' : '设备'}
    </Link>
  );

  const pending = detailQueryState({ query, noun: '设备', backLink, testId: 'device' });
  if (pending || !query.data) return pending;

  const d = query.data;
  const openCount = openAlarms.data?.total ?? 0;
  // 已接入 / 最近上报 come from the server (the overview's definition); the charts' series only name what is missing.
  const missing = !d.connected && !liveness.loading && liveness.missing.length > 0 ? liveness.missing : [];
  const connection = (
    <ConnectedTag
      connected={d.connected}
      tooltip={
        d.connected
          ? '近 24 小时每个必选监测项都有数据'
          : d.status !== 'active'
            ? '设备已停用'
            : missing.length
              ? `近 24 小时无数据：${missing.map(signalLabel).join('、')}`
              : '近 24 小时未上报全部必选监测项'
      }
      testId="device-connection"
    />
  );

  return (
    <Flex vertical gap={phone ? 12 : 16} data-testid="device-detail">
      <Card styles={{ body: { paddingBottom: 0 } }}>
        <div style={{ marginBottom: 8 }}>{backLink}</div>
        <Flex justify="space-between" align="flex-start" wrap gap={12}>
          <div style={{ minWidth: 0, flex: '1 1 360px' }}>
            <Flex align="center" wrap gap={6}>
              <Typography.Title level={phone ? 5 : 4} style={{ margin: 0 }} data-testid="device-title">
                {d.name}
              </Typography.Title>
              <DeviceStatusTag status={d.status} />
              {connection}
            </Flex>
            <Typography.Text type="secondary" style={{ display: 'block', marginTop: 4 }}>
              {d.enterpriseName} · {COLLECTOR_TYPE_LABELS[d.collectorType]} · 编号 {d.code}
              {d.systemName ? ` · ${d.systemName}` : ''}
              {d.location ? ` · ${d.location}` : ''}
            </Typography.Text>
            <Typography.Text style={{ display: 'block', marginTop: 4 }} data-testid="device-last-data">
              最近上报：
              <LastReport at={d.lastDataAt} testId="device-last-data" />
              {openCount > 0 && (
                <Link to="?tab=alarms" replace style={{ marginLeft: 12 }}>
                  <Badge status="error" text={`未关闭报警 ${openCount} 条`} />
                </Link>
              )}
            </Typography.Text>
          </div>
          <Space wrap>
            {d.abilities.update && (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="device-edit">
                编辑
              </Button>
            )}
            <RotateSecretButton device={d} />
          </Space>
        </Flex>
        <Tabs
          activeKey={tab}
          onChange={setTab}
          style={{ marginTop: 8 }}
          tabBarStyle={{ marginBottom: 0 }}
          items={[
            { key: 'charts', label: <span data-testid="device-tab-charts">监测曲线</span> },
            {
              key: 'alarms',
              label: <span data-testid="device-tab-alarms">报警{openCount > 0 ? ` (${openCount})` : ''}</span>,
            },
            { key: 'thresholds', label: <span data-testid="device-tab-thresholds">阈值设置</span> },
            { key: 'access', label: <span data-testid="device-tab-access">接入信息</span> },
          ]}
        />
      </Card>
      <Card size={phone ? 'small' : undefined}>
        {tab === 'charts' && (
          <DeviceChartsTab device={d} window={chartWindow} range={windows[chartWindow]} onWindowChange={setChartWindow} compact={phone} />
        )}
        {tab === 'alarms' && <DeviceAlarmsTab deviceId={d.id} />}
        {tab === 'thresholds' && <ThresholdEditor deviceId={d.id} />}
        {tab === 'access' && <DeviceAccessTab device={d} />}
      </Card>
      {editing && <DeviceFormModal device={d} onClose={() => setEditing(false)} />}
    </Flex>
  );
}
