import { MAX_SERIES_POINTS, SERIES_STEPS, type SeriesStep, type ThresholdRuleDto } from '@zhiben/contracts';
import type { SeriesRange } from './devices.api';
import { levelLines, type ThresholdLine } from './seriesChartOption';

/** The finest step that keeps a window under ~1,500 points (a readable line, a small answer). */
export function stepFor(fromMs: number, toMs: number): SeriesStep {
  const seconds = (toMs - fromMs) / 1000;
  const steps = Object.entries(SERIES_STEPS) as [SeriesStep, number][];
  for (const [step, s] of steps) if (seconds / s <= Math.min(1_500, MAX_SERIES_POINTS)) return step;
  return '1d';
}

/**
 * A window ending now, rounded down to the minute so that every chart of one page shares it (and its cache key)
 * within the same minute.
 */
export function lastWindow(key: '24h' | '7d', nowMs = Date.now()): SeriesRange {
  const to = Math.floor(nowMs / 60_000) * 60_000 + 60_000;
  const from = to - (key === '24h' ? 24 : 24 * 7) * 3600_000;
  return { key: `${key}@${to}`, from: new Date(from).toISOString(), to: new Date(to).toISOString(), step: key === '24h' ? '1m' : '15m' };
}

/** A fixed window (an alarm's time span). */
export function fixedWindow(fromMs: number, toMs: number): SeriesRange {
  const from = Math.floor(fromMs / 60_000) * 60_000;
  const to = Math.ceil(toMs / 60_000) * 60_000;
  return { key: `${from}-${to}`, from: new Date(from).toISOString(), to: new Date(to).toISOString(), step: stepFor(from, to) };
}

/** The alarm bounds drawn on a signal's chart: the enabled threshold and duration rules that watch it. */
export function thresholdLinesOf(rules: readonly ThresholdRuleDto[] | undefined, signal: string): ThresholdLine[] {
  const out: ThresholdLine[] = [];
  for (const r of rules ?? []) {
    const rule = r.effective;
    if (!rule.enabled) continue;
    if (rule.type === 'threshold' && rule.signal === signal) out.push(...levelLines(rule.levels));
    if (rule.type === 'duration' && rule.signal === signal)
      out.push({ value: rule.bound, level: rule.level, label: `持续${rule.holdS}秒` });
  }
  return out;
}
