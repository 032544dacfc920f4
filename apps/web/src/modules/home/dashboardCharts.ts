import type { EChartOption } from '../../components/EChart';
import { DUST_BAND_COLORS, DUST_BAND_SHORT, type DustBand, sectorLabel } from '../enterprises/enterpriseLabels';

/** Muted categorical colours for sectors (no red/orange/yellow/blue: those carry risk meaning in UI.md). */
const SECTOR_PALETTE = ['#1554ad', '#13a8a8', '#722ed1', '#389e0d', '#08979c', '#531dab', '#7cb305', '#595959'];
const REGION_COLOR = '#1554ad';
const TAG_COLOR = '#d4380d';
/** Prefix of a sub-item's axis name (see horizontalBarOption). */
export const SUB_ITEM = '\u3000';

const numberFormatter = (n: unknown) => (typeof n === 'number' ? n.toLocaleString('zh-CN') : String(n));

const tooltipCount = { trigger: 'item' as const, valueFormatter: (v: unknown) => `${numberFormatter(v)} 家` };

export function sectorPieOption(rows: readonly { sector: string | null; count: number }[], compact: boolean): EChartOption {
  return {
    color: SECTOR_PALETTE,
    tooltip: { ...tooltipCount, formatter: '{b}：{c} 家（{d}%）' },
    legend: compact
      ? { bottom: 0, type: 'scroll' }
      : { orient: 'vertical', right: 8, top: 'middle', itemGap: 10, formatter: (name: string) => name },
    series: [
      {
        type: 'pie',
        radius: compact ? ['32%', '60%'] : ['38%', '70%'],
        center: compact ? ['50%', '44%'] : ['40%', '50%'],
        avoidLabelOverlap: true,
        label: { formatter: '{b}\n{c}', fontSize: 12 },
        data: rows.map((r) => ({ name: sectorLabel(r.sector), value: r.count })),
      },
    ],
  };
}

/** Horizontal bars (category axis on the left): long township and tag names stay readable. */
export function horizontalBarOption(names: readonly string[], values: readonly number[], color: string | readonly string[]): EChartOption {
  return {
    tooltip: { ...tooltipCount, trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1, splitLine: { lineStyle: { type: 'dashed' } } },
    yAxis: {
      type: 'category',
      inverse: true,
      data: [...names],
      axisTick: { show: false },
      // Names starting with an ideographic space are sub-items (木粉尘 under 粉尘涉爆): shown lighter and smaller.
      axisLabel: {
        formatter: (name: string) => (name.startsWith(SUB_ITEM) ? `{sub|${name.trim()}}` : name),
        rich: { sub: { color: '#8c8c8c', fontSize: 11 } },
      },
    },
    series: [
      {
        type: 'bar',
        barMaxWidth: 18,
        data: values.map((value, i) => ({
          value,
          itemStyle: { color: typeof color === 'string' ? color : (color[i] ?? REGION_COLOR), borderRadius: [0, 3, 3, 0] },
        })),
        label: { show: true, position: 'right', formatter: (p: { value?: unknown }) => numberFormatter(p.value) },
        cursor: 'pointer',
      },
    ],
  };
}

export function regionBarOption(rows: readonly { regionName: string; count: number }[]): EChartOption {
  return horizontalBarOption(
    rows.map((r) => r.regionName),
    rows.map((r) => r.count),
    REGION_COLOR,
  );
}

export function tagBarOption(rows: readonly { name: string; count: number }[]): EChartOption {
  return horizontalBarOption(
    rows.map((r) => r.name),
    rows.map((r) => r.count),
    rows.map((r) => (r.name.startsWith(SUB_ITEM) ? '#ff9c6e' : TAG_COLOR)),
  );
}

export function dustBandOption(rows: readonly { band: DustBand; count: number }[]): EChartOption {
  return {
    tooltip: { ...tooltipCount, trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 16, top: 28, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: rows.map((r) => `涉粉 ${DUST_BAND_SHORT[r.band]}`), axisTick: { show: false } },
    yAxis: { type: 'value', minInterval: 1, splitLine: { lineStyle: { type: 'dashed' } } },
    series: [
      {
        type: 'bar',
        barMaxWidth: 56,
        data: rows.map((r) => ({ value: r.count, itemStyle: { color: DUST_BAND_COLORS[r.band], borderRadius: [3, 3, 0, 0] } })),
        label: { show: true, position: 'top', formatter: (p: { value?: unknown }) => `${numberFormatter(p.value)} 家` },
        cursor: 'pointer',
      },
    ],
  };
}
