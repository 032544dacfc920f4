/** Percentiles and the printed table of bench/ingest.bench.ts. */

/** Nearest-rank percentile (p in 0–100) of unsorted values; NaN for none. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] as number;
}

const fmt = (n: number, digits = 0) =>
  Number.isFinite(n) ? n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }) : '–';

export interface Row {
  driver: string;
  broker: string;
  phase: string;
  seconds: number;
  offered: string;
  stored: number;
  vsCopy: number;
  ackP50: number;
  ackP99: number;
  alarmP50: number;
  alarmP99: number;
  alarms: string;
  load: string;
}

export function table(rows: readonly Row[]): string {
  const head = [
    'database',
    'broker',
    'phase',
    's',
    'offered r/s',
    'stored r/s',
    '÷ COPY',
    'ack p50/p99 ms',
    'alarm p50/p99 ms',
    'alarms',
    'load 1m',
  ];
  const body = rows.map((r) => [
    r.driver,
    r.broker,
    r.phase,
    fmt(r.seconds, 1),
    r.offered,
    fmt(r.stored),
    Number.isFinite(r.vsCopy) ? `${fmt(r.vsCopy * 100)} %` : '–',
    Number.isFinite(r.ackP50) ? `${fmt(r.ackP50, 1)} / ${fmt(r.ackP99, 1)}` : '–',
    Number.isFinite(r.alarmP50) ? `${fmt(r.alarmP50, 1)} / ${fmt(r.alarmP99, 1)}` : '–',
    r.alarms,
    r.load,
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => (b[i] ?? '').length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line)].join('\n');
}
