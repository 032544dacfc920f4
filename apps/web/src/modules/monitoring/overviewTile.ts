import type { AlarmLevel, OverviewEnterpriseDto } from '@zhiben/contracts';
import { ALARM_LEVEL_BG, ALARM_LEVEL_HEX, NORMAL_HEX, OFFLINE_HEX } from './monitoringLabels';

/** What a tile shows: the worst open alarm's level, else 离线 (not all devices reporting), else 正常. */
export type TileLevel = AlarmLevel | 'offline' | 'normal';

export const TILE_LEVEL_LABELS: Record<TileLevel, string> = {
  red: '红色报警',
  orange: '橙色报警',
  yellow: '黄色报警',
  blue: '蓝色报警',
  offline: '离线 / 未接入',
  normal: '正常',
};

/** Worst first: the order of the level filter and of the tiles. */
export const TILE_LEVELS: readonly TileLevel[] = ['red', 'orange', 'yellow', 'blue', 'offline', 'normal'];

export function tileLevelOf(e: OverviewEnterpriseDto): TileLevel {
  if (e.worstLevel) return e.worstLevel;
  return e.connectionStatus === 'connected' ? 'normal' : 'offline';
}

export function tileColors(level: TileLevel): { accent: string; background: string } {
  if (level === 'normal') return { accent: NORMAL_HEX, background: '#f6ffed' };
  if (level === 'offline') return { accent: OFFLINE_HEX, background: '#fafafa' };
  return { accent: ALARM_LEVEL_HEX[level], background: ALARM_LEVEL_BG[level] };
}
