import { ALARM_LEVEL_LABELS, type AlarmLevel, type SeriesResponse, SIGNALS, type SignalCode } from '@zhiben/contracts';
import type { LineSeriesOption } from 'echarts/charts';
import { APP_TZ, dayjs } from '../../lib/time';
import type { LineChartOption } from './LineChart';
import { ALARM_LEVEL_HEX, formatReading } from './monitoringLabels';

/** A horizontal line on a chart: an alarm bound of the device's effective rules. */
export interface ThresholdLine {
  value: number;
  level: AlarmLevel;
  label: string;
}

type Point = SeriesResponse['points'][number];

const LINE = '#1554ad';
const BAND = 'rgba(21, 84, 173, 0.12)';

/**
 * Rollup points → [time, value] pairs, with a null where buckets are missing for longer than two steps, so the
 * line breaks where the device was silent instead of drawing a straight line across the gap.
 */
function withGaps(points: readonly Point[], stepMs: number, pick: (p: Point) => number): [number, number | null][] {
  const out: [number, number | null][] = [];
  let prev: number | null = null;
  for (const p of points) {
    const t = Date.parse(p.t);
    if (prev !== null && t - prev > stepMs * 2) out.push([prev + stepMs, null]);
    out.push([t, pick(p)]);
    prev = t;
  }
  return out;
}

const axisTime = (ms: number, long: boolean) =>
  dayjs(ms)
    .tz(APP_TZ)
    .format(long ? 'MM-DD HH:mm' : 'HH:mm');

/**
 * One signal's chart: the mean per bucket as a line, the bucket's min–max as a light band (analog signals), a step
 * line of the bucket maximum for 0/1 signals (any fault in the bucket shows), and the alarm bounds as markLines in
 * their level colours.
 */
export function signalChartOption(args: {
  signal: string;
  points: readonly Point[];
  stepS: number;
  from: string;
  to: string;
  thresholds: readonly ThresholdLine[];
  compact: boolean;
}): LineChartOption {
  const { signal, points, stepS, thresholds, compact } = args;
  const spec = SIGNALS[signal as SignalCode];
  const binary = spec?.valueType === 'binary';
  const stepMs = stepS * 1000;
  const long = Date.parse(args.to) - Date.parse(args.from) > 36 * 3600_000;
  const unit = spec?.unit ?? '';

  const markLine: LineSeriesOption['markLine'] = thresholds.length
    ? {
        symbol: 'none',
        silent: true,
        animation: false,
        data: thresholds.map((t) => ({
          yAxis: t.value,
          lineStyle: { color: ALARM_LEVEL_HEX[t.level], type: 'dashed' as const, width: 1.5 },
          label: {
            formatter: `${t.label} ${formatReading(signal, t.value)}`,
            position: 'insideStartTop' as const,
            color: t.level === 'yellow' ? '#ad8b00' : ALARM_LEVEL_HEX[t.level],
            fontSize: 11,
          },
        })),
      }
    : undefined;

  const series: LineSeriesOption[] = binary
    ? [
        {
          name: spec?.label ?? signal,
          type: 'line',
          step: 'end',
          showSymbol: false,
          data: withGaps(points, stepMs, (p) => p.max),
          lineStyle: { color: LINE, width: 1.5 },
          itemStyle: { color: LINE },
          areaStyle: { color: BAND },
          markLine,
        },
      ]
    : [
        // The band: an invisible line at the minimum, and the (max − min) stacked on it.
        {
          name: '最小值',
          type: 'line',
          stack: 'band',
          showSymbol: false,
          data: withGaps(points, stepMs, (p) => p.min),
          lineStyle: { opacity: 0 },
          tooltip: { show: false },
          silent: true,
        },
        {
          name: '波动范围',
          type: 'line',
          stack: 'band',
          showSymbol: false,
          data: withGaps(points, stepMs, (p) => p.max - p.min),
          lineStyle: { opacity: 0 },
          areaStyle: { color: BAND },
          silent: true,
        },
        {
          name: '均值',
          type: 'line',
          showSymbol: false,
          data: withGaps(points, stepMs, (p) => p.avg),
          lineStyle: { color: LINE, width: 1.5 },
          itemStyle: { color: LINE },
          markLine,
        },
      ];

  const byTime = new Map(points.map((p) => [Date.parse(p.t), p]));
  // Thresholds outside the data range must still be visible: stretch the axis to include them.
  const values = points.flatMap((p) => [p.min, p.max]);
  const bounds = [...values, ...thresholds.map((t) => t.value)];
  const yMin = bounds.length ? Math.min(...bounds) : undefined;
  const yMax = bounds.length ? Math.max(...bounds) : undefined;

  return {
    animation: false,
    grid: { left: 8, right: compact ? 12 : 24, top: 24, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'axis',
      formatter: (params: unknown) => {
        const first = (Array.isArray(params) ? params[0] : params) as { value?: [number, number | null] } | undefined;
        const t = first?.value?.[0];
        const p = t === undefined ? undefined : byTime.get(t);
        if (!p || t === undefined) return '';
        const head = dayjs(t).tz(APP_TZ).format('YYYY-MM-DD HH:mm');
        if (binary) return `${head}<br/>${spec?.label ?? signal}：${formatReading(signal, p.max)}（${p.count} 条）`;
        return `${head}<br/>均值 ${formatReading(signal, p.avg)}<br/>最小 ${formatReading(signal, p.min)} · 最大 ${formatReading(
          signal,
          p.max,
        )}<br/>最新 ${formatReading(signal, p.last)}（${p.count} 条）`;
      },
    },
    xAxis: {
      type: 'time',
      min: Date.parse(args.from),
      max: Date.parse(args.to),
      axisLabel: { formatter: (v: number) => axisTime(v, long), hideOverlap: true },
      splitLine: { show: false },
    },
    yAxis: binary
      ? {
          type: 'value',
          min: 0,
          max: 1,
          interval: 1,
          axisLabel: { formatter: (v: number) => (spec?.states ? spec.states[v === 1 ? 1 : 0] : String(v)) },
        }
      : {
          type: 'value',
          name: unit,
          nameTextStyle: { align: 'left' },
          scale: true,
          ...niceRange(yMin, yMax),
          splitLine: { lineStyle: { type: 'dashed' } },
        },
    dataZoom: [{ type: 'inside', xAxisIndex: 0, filterMode: 'none' }],
    series,
  };
}

/** A step of 1, 2 or 5 × 10^k near `raw`. */
function niceStep(raw: number): number {
  const power = 10 ** Math.floor(Math.log10(raw));
  const f = raw / power;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * power;
}

/** Axis ends on round numbers that include the data and every threshold line (so a bound above the data shows). */
function niceRange(min: number | undefined, max: number | undefined): { min?: number; max?: number } {
  if (min === undefined || max === undefined) return {};
  const span = max - min || Math.abs(max) || 1;
  const step = niceStep(span / 5);
  return { min: Math.floor(min / step) * step, max: Math.ceil((max + span * 0.02) / step) * step };
}

/** The alarm bounds of a level list, for markLines. */
export function levelLines(levels: readonly { level: AlarmLevel; bound: number }[]): ThresholdLine[] {
  return levels.map((l) => ({ value: l.bound, level: l.level, label: ALARM_LEVEL_LABELS[l.level] }));
}
