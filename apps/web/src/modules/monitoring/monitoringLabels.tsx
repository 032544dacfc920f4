import {
  ALARM_DISPLAY_STATUS_LABELS,
  ALARM_KIND_LABELS,
  ALARM_LEVEL_LABELS,
  type AlarmDisplayStatus,
  type AlarmKind,
  type AlarmLevel,
  CONNECTION_STATUS_LABELS,
  type ConnectionStatus,
  DEVICE_STATUS_LABELS,
  type DeviceStatus,
  type RuleType,
  SIGNALS,
  type SignalCode,
} from '@zhiben/contracts';
import { Tag } from 'antd';

/** The national alarm colours (UI.md): 红 / 橙 / 黄 / 蓝, as solid hex so tiles, tags and chart lines agree. */
export const ALARM_LEVEL_HEX: Record<AlarmLevel, string> = {
  red: '#cf1322',
  orange: '#fa8c16',
  yellow: '#fadb14',
  blue: '#1677ff',
};
/** Text on a solid level colour (yellow needs dark text). */
export const ALARM_LEVEL_TEXT: Record<AlarmLevel, string> = { red: '#fff', orange: '#fff', yellow: '#3d3300', blue: '#fff' };
/** Light backgrounds for tiles and banners. */
export const ALARM_LEVEL_BG: Record<AlarmLevel, string> = { red: '#fff1f0', orange: '#fff7e6', yellow: '#feffe6', blue: '#e6f4ff' };
export const NORMAL_HEX = '#52c41a';
export const OFFLINE_HEX = '#8c8c8c';

export function AlarmLevelTag({ level, short = false }: { level: AlarmLevel; short?: boolean }) {
  return (
    <Tag
      variant="solid"
      style={{ background: ALARM_LEVEL_HEX[level], color: ALARM_LEVEL_TEXT[level], borderColor: ALARM_LEVEL_HEX[level] }}
      data-level={level}
    >
      {short ? ALARM_LEVEL_LABELS[level].slice(0, 1) : `${ALARM_LEVEL_LABELS[level]}报警`}
    </Tag>
  );
}

/** UI.md status colours: 待处理 orange, 进行中 blue, 已完成 green; 已恢复未处置 still waits for a report (gold). */
export const ALARM_STATUS_COLORS: Record<AlarmDisplayStatus, string> = {
  pending: 'orange',
  acknowledged: 'blue',
  recovered: 'gold',
  disposed: 'cyan',
  closed: 'green',
};

export function AlarmStatusTag({ status, testid }: { status: AlarmDisplayStatus; testid?: string }) {
  return (
    <Tag color={ALARM_STATUS_COLORS[status]} data-testid={testid} data-status={status}>
      {ALARM_DISPLAY_STATUS_LABELS[status]}
    </Tag>
  );
}

export function AlarmKindText({ kind }: { kind: AlarmKind }) {
  return <>{ALARM_KIND_LABELS[kind]}</>;
}

export const CONNECTION_COLORS: Record<ConnectionStatus, string> = {
  connected: 'green',
  partial: 'gold',
  disconnected: 'default',
  no_devices: 'default',
};

export function ConnectionTag({ status }: { status: ConnectionStatus }) {
  return (
    <Tag color={CONNECTION_COLORS[status]} data-connection={status}>
      {CONNECTION_STATUS_LABELS[status]}
    </Tag>
  );
}

export function DeviceStatusTag({ status }: { status: DeviceStatus }) {
  return <Tag color={status === 'active' ? 'blue' : 'default'}>{DEVICE_STATUS_LABELS[status]}</Tag>;
}

/** 灰斗温度 — for codes the contracts do not know (a retired signal), the code itself. */
export function signalLabel(code: string | null | undefined): string {
  if (!code) return '—';
  return SIGNALS[code as SignalCode]?.label ?? code;
}

export function signalUnit(code: string | null | undefined): string {
  if (!code) return '';
  return SIGNALS[code as SignalCode]?.unit ?? '';
}

/** A reading with its unit; binary signals in words (故障 / 正常). */
export function formatReading(code: string | null | undefined, value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  const spec = code ? SIGNALS[code as SignalCode] : undefined;
  if (spec?.states && (value === 0 || value === 1)) return spec.states[value];
  const rounded = Number.isInteger(value) ? String(value) : value.toFixed(Math.abs(value) >= 100 ? 0 : 2).replace(/\.?0+$/, '');
  return spec?.unit ? `${rounded} ${spec.unit}` : rounded;
}

/** 0..1 → "87.5%"; null → em dash. */
export function formatRate(rate: number | null | undefined): string {
  if (rate === null || rate === undefined) return '—';
  return `${(rate * 100).toFixed(1).replace(/\.0$/, '')}%`;
}

/** Seconds as 2 小时 5 分 / 45 秒. */
export function formatDuration(seconds: number): string {
  const s = Math.round(seconds);
  if (s < 60) return `${s} 秒`;
  const d = Math.floor(s / 86_400);
  const h = Math.floor((s % 86_400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  if (d > 0) return `${d} 天${h ? ` ${h} 小时` : ''}`;
  if (h > 0) return `${h} 小时${m ? ` ${m} 分` : ''}`;
  return `${m} 分`;
}

/**
 * What an alarm's `peak` (or an event's value) means depends on its rule type: the most extreme reading
 * (threshold, duration, impossible value), the largest jump (rate of change), the seconds a value stayed stuck or a
 * device was silent; nothing for combinations. Null when there is nothing to show.
 */
export function describePeak(
  alarm: { ruleType: RuleType; signal: string | null },
  value: number | null | undefined,
): { label: string; text: string } | null {
  if (value === null || value === undefined) return null;
  switch (alarm.ruleType) {
    case 'rate_of_change':
      return { label: '最大变化', text: formatReading(alarm.signal, value) };
    case 'stuck_value':
      return { label: '不变时长', text: formatDuration(value) };
    case 'offline':
      return { label: '离线时长', text: formatDuration(value) };
    case 'combination':
      return null;
    default:
      return { label: '峰值', text: formatReading(alarm.signal, value) };
  }
}
