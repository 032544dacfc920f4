import type { Query } from '../../api/client';

/**
 * Query keys of the monitoring module, all under one root so the live stream can refresh by branch: an alarm event
 * refreshes alarms and the overview, a connection event the overview, the roll-out and device lists.
 */
export const monitoringKeys = {
  all: ['monitoring'] as const,
  devices: ['monitoring', 'devices'] as const,
  deviceList: (query: Query) => ['monitoring', 'devices', 'list', query] as const,
  device: (id: string) => ['monitoring', 'devices', 'detail', id] as const,
  series: ['monitoring', 'series'] as const,
  seriesOf: (id: string, signal: string, range: string) => ['monitoring', 'series', id, signal, range] as const,
  alarms: ['monitoring', 'alarms'] as const,
  alarmList: (query: Query) => ['monitoring', 'alarms', 'list', query] as const,
  alarm: (id: string) => ['monitoring', 'alarms', 'detail', id] as const,
  overview: ['monitoring', 'overview'] as const,
  overviewOf: (query: Query) => ['monitoring', 'overview', query] as const,
  rollout: ['monitoring', 'rollout'] as const,
  thresholds: (deviceId: string) => ['monitoring', 'thresholds', deviceId] as const,
  limits: ['monitoring', 'limits'] as const,
};
