import { ALARM_LEVEL_RANK, type AlarmDto, type AlarmLevel, COLLECTOR_TYPE_LABELS } from '@zhiben/contracts';
import { Card, Empty, Flex, Typography } from 'antd';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { can } from '../../app/access';
import { useSession } from '../../app/session';
import { useAlarms } from './alarms.api';
import { useDevices } from './devices.api';
import { ALARM_LEVEL_HEX, ALARM_LEVEL_TEXT, DeviceStatusTag } from './monitoringLabels';
import { TILE_LEVEL_LABELS, type TileLevel, tileColors } from './overviewTile';

/**
 * An enterprise's own collectors as tiles, coloured by each one's worst open alarm (green without). A tile opens the
 * device page (charts, alarms, thresholds).
 */
export function EnterpriseDeviceTiles({ refetchInterval }: { refetchInterval: number | false }) {
  const me = useSession();
  const devices = useDevices({ pageSize: 200, status: 'active' });
  const alarms = useAlarms({ open: 'true', pageSize: 200 }, { refetchInterval });

  const byDevice = useMemo(() => {
    const out = new Map<string, { worst: AlarmLevel; count: number; byLevel: Partial<Record<AlarmLevel, number>> }>();
    for (const a of alarms.data?.items ?? ([] as AlarmDto[])) {
      const cur = out.get(a.deviceId) ?? { worst: a.level, count: 0, byLevel: {} };
      if (ALARM_LEVEL_RANK[a.level] > ALARM_LEVEL_RANK[cur.worst]) cur.worst = a.level;
      cur.count += 1;
      cur.byLevel[a.level] = (cur.byLevel[a.level] ?? 0) + 1;
      out.set(a.deviceId, cur);
    }
    return out;
  }, [alarms.data]);

  const items = devices.data?.items ?? [];
  return (
    <Card size="small" title="本企业除尘设备" extra={<Link to="/monitoring/devices">设备管理</Link>} loading={devices.isPending}>
      {items.length === 0 ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={
            can(me, 'devices.manage') ? (
              <span>
                尚未登记监测设备，请到<Link to="/monitoring/devices">「监测设备」</Link>登记除尘器并配置采集网关
              </span>
            ) : (
              '尚未登记监测设备，请联系企业安全管理人员登记'
            )
          }
        />
      ) : (
        <div className="zb-monitoring-tiles">
          {items.map((d) => {
            const open = byDevice.get(d.id);
            const level: TileLevel = open ? open.worst : 'normal';
            // Until the alarms are in, a tile is neutral rather than a premature green.
            const { accent, background } = alarms.isPending ? { accent: '#d9d9d9', background: '#fff' } : tileColors(level);
            return (
              <div
                key={d.id}
                className="zb-monitoring-tile"
                style={{ borderLeft: `6px solid ${accent}`, background, minHeight: 110 }}
                data-testid={`device-tile-${d.id}`}
                data-level={alarms.isPending ? 'loading' : level}
              >
                <Flex vertical gap={6}>
                  <Flex justify="space-between" gap={6}>
                    <Link to={`/monitoring/devices/${d.id}`} className="zb-tile-main">
                      <Typography.Text strong ellipsis={{ tooltip: d.name }}>
                        {d.name}
                      </Typography.Text>
                    </Link>
                    <span className="zb-monitoring-tile-level" style={{ color: accent }}>
                      {alarms.isPending ? '' : open ? TILE_LEVEL_LABELS[level] : '无报警'}
                    </span>
                  </Flex>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {d.code} · {COLLECTOR_TYPE_LABELS[d.collectorType]}
                    {d.location ? ` · ${d.location}` : ''}
                  </Typography.Text>
                  <Flex gap={4} align="center" wrap>
                    {(['red', 'orange', 'yellow', 'blue'] as const).map((l) =>
                      open?.byLevel[l] ? (
                        <span key={l} className="zb-monitoring-chip" style={{ background: ALARM_LEVEL_HEX[l], color: ALARM_LEVEL_TEXT[l] }}>
                          {open.byLevel[l]}
                        </span>
                      ) : null,
                    )}
                    {open ? (
                      <Typography.Text style={{ fontSize: 12 }}>未关闭报警 {open.count}</Typography.Text>
                    ) : (
                      <DeviceStatusTag status={d.status} />
                    )}
                  </Flex>
                </Flex>
              </div>
            );
          })}
        </div>
      )}
    </Card>
  );
}
