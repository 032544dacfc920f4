import type { ZeroingDto } from '@zhiben/contracts';
import type { EChartOption } from '../../components/EChart';

type Row = ZeroingDto['bySector'][number];

/** National convention: red for what is late; the open, not yet late part in the app's blue. */
const OPEN_COLOR = '#1554ad';
const OVERDUE_COLOR = '#cf1322';

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/**
 * Open major hazards per category as horizontal stacked bars: not yet overdue (blue) + overdue (red), the total
 * at the bar's end and 已清零 for a category whose hazards of this year are all closed. The tooltip adds the
 * year's opened / closed counts.
 */
export function zeroingBarOption(rows: readonly Row[]): EChartOption {
  const tooltipOf = (i: number) => {
    const r = rows[i];
    if (!r) return '';
    return [
      `<b>${escapeHtml(r.label)}</b>`,
      `未销号 ${r.open} 项（其中逾期 ${r.overdue} 项）`,
      `本年新增 ${r.openedThisYear} 项 · 本年销号 ${r.closedThisYear} 项`,
    ].join('<br/>');
  };
  return {
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: unknown) => {
        const first = Array.isArray(params) ? params[0] : params;
        const index = (first as { dataIndex?: number } | undefined)?.dataIndex;
        return index === undefined ? '' : tooltipOf(index);
      },
    },
    legend: { top: 0, right: 8, itemWidth: 12, itemHeight: 10, data: ['未逾期', '逾期'] },
    grid: { left: 8, right: 56, top: 28, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1, splitLine: { lineStyle: { type: 'dashed' } } },
    yAxis: { type: 'category', inverse: true, data: rows.map((r) => r.label), axisTick: { show: false } },
    series: [
      {
        name: '未逾期',
        type: 'bar',
        stack: 'open',
        barMaxWidth: 18,
        itemStyle: { color: OPEN_COLOR },
        data: rows.map((r) => r.open - r.overdue),
        cursor: 'pointer',
      },
      {
        name: '逾期',
        type: 'bar',
        stack: 'open',
        barMaxWidth: 18,
        itemStyle: { color: OVERDUE_COLOR, borderRadius: [0, 3, 3, 0] },
        data: rows.map((r) => r.overdue),
        label: {
          show: true,
          position: 'right',
          color: '#595959',
          formatter: (p: { dataIndex?: number }) => {
            const r = rows[p.dataIndex ?? -1];
            if (!r) return '';
            return r.open === 0 ? '{cleared|已清零}' : `${r.open}`;
          },
          rich: { cleared: { color: '#389e0d', fontSize: 12 } },
        },
        cursor: 'pointer',
      },
    ],
  };
}
