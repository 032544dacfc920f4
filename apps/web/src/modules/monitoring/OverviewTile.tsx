import { ALARM_LEVELS, type OverviewEnterpriseDto } from '@zhiben/contracts';
import { Flex, Typography } from 'antd';
import { Link } from 'react-router';
import { formatDateTime } from '../../lib/time';
import { ALARM_LEVEL_HEX, ALARM_LEVEL_TEXT, ConnectionTag } from './monitoringLabels';
import { TILE_LEVEL_LABELS, tileColors, tileLevelOf } from './overviewTile';

const alarmsOf = (id: string) => `/monitoring/alarms?enterpriseId=${encodeURIComponent(id)}&status=open`;
const devicesOf = (id: string) => `/monitoring/devices?enterpriseId=${encodeURIComponent(id)}`;

/**
 * One enterprise on the overview: coloured by its worst open alarm (红/橙/黄/蓝), grey when not all devices report,
 * green when all is well. Opens the enterprise's open alarms (or its devices when there are none).
 */
export function OverviewTile({ e, flash }: { e: OverviewEnterpriseDto; flash: boolean }) {
  const level = tileLevelOf(e);
  const { accent, background } = tileColors(level);
  const target = e.openAlarmCount > 0 ? alarmsOf(e.enterpriseId) : devicesOf(e.enterpriseId);
  return (
    <div
      className={flash ? 'zb-monitoring-tile zb-monitoring-tile-flash' : 'zb-monitoring-tile'}
      style={{ borderLeft: `6px solid ${accent}`, background }}
      data-testid={`monitoring-tile-${e.enterpriseId}`}
      data-level={level}
      data-connection={e.connectionStatus}
    >
      <Flex vertical gap={6} style={{ height: '100%' }}>
        <Flex justify="space-between" align="flex-start" gap={6}>
          {/* The name is the tile's link; it stretches over the whole tile (monitoring.css). */}
          <Link to={target} className="zb-tile-main" aria-label={`${e.enterpriseName}：${TILE_LEVEL_LABELS[level]}`}>
            <Typography.Text strong ellipsis={{ tooltip: e.enterpriseName }} style={{ minWidth: 0 }}>
              {e.enterpriseName}
            </Typography.Text>
          </Link>
          <span className="zb-monitoring-tile-level" style={{ color: accent }}>
            {TILE_LEVEL_LABELS[level]}
          </span>
        </Flex>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {e.regionName} · 设备 {e.connectedDeviceCount}/{e.deviceCount} 在线
        </Typography.Text>
        <Flex gap={4} wrap align="center" style={{ minHeight: 22 }}>
          {[...ALARM_LEVELS].reverse().map((l) =>
            e.openByLevel[l] > 0 ? (
              <span
                key={l}
                className="zb-monitoring-chip"
                style={{ background: ALARM_LEVEL_HEX[l], color: ALARM_LEVEL_TEXT[l] }}
                data-testid={`monitoring-tile-count-${l}`}
              >
                {e.openByLevel[l]}
              </span>
            ) : null,
          )}
          {e.openAlarmCount > 0 ? (
            <Typography.Text style={{ fontSize: 12 }}>
              未关闭报警 {e.openAlarmCount}
              {e.pendingCount > 0 && (
                <Typography.Text type="danger" style={{ fontSize: 12 }}>{`（待响应 ${e.pendingCount}）`}</Typography.Text>
              )}
            </Typography.Text>
          ) : (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              无未关闭报警
            </Typography.Text>
          )}
        </Flex>
        <Flex justify="space-between" align="center" gap={6} style={{ marginTop: 'auto' }}>
          <ConnectionTag status={e.connectionStatus} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {e.lastDataAt ? `数据 ${formatDateTime(e.lastDataAt).slice(5)}` : '从未上报'}
          </Typography.Text>
        </Flex>
        <Flex gap={12} style={{ fontSize: 12 }}>
          <Link to={alarmsOf(e.enterpriseId)} className="zb-tile-secondary">
            报警
          </Link>
          <Link to={devicesOf(e.enterpriseId)} className="zb-tile-secondary">
            设备
          </Link>
        </Flex>
      </Flex>
    </div>
  );
}
