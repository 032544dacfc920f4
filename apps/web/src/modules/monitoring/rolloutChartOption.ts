import type { MonitoringRolloutDto } from '@zhiben/contracts';
import type { EChartOption } from '../../components/EChart';

const CONNECTED = '#52c41a';
const NOT_CONNECTED = '#d9d9d9';

/**
 * One horizontal bar per roll-out target: connected (green) and not yet connected (grey) enterprises, labelled with
 * the rate. A click on a segment filters the table below to it (series 0 = connected, 1 = not).
 */
export function rolloutChartOption(targets: MonitoringRolloutDto['targets']): EChartOption {
  const names = targets.map((t) => `${t.minDustWorkers} 人以上\n${t.deadline.slice(0, 4)} 年底`);
  return {
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (v: unknown) => `${typeof v === 'number' ? v.toLocaleString('zh-CN') : String(v)} 家`,
    },
    legend: { bottom: 0, data: ['已接入', '未接入'] },
    grid: { left: 8, right: 56, top: 8, bottom: 32, containLabel: true },
    xAxis: { type: 'value', minInterval: 1, splitLine: { lineStyle: { type: 'dashed' } } },
    yAxis: { type: 'category', inverse: true, data: names, axisTick: { show: false } },
    series: [
      {
        name: '已接入',
        type: 'bar',
        stack: 'total',
        barMaxWidth: 28,
        itemStyle: { color: CONNECTED },
        data: targets.map((t) => t.connected),
        cursor: 'pointer',
      },
      {
        name: '未接入',
        type: 'bar',
        stack: 'total',
        barMaxWidth: 28,
        itemStyle: { color: NOT_CONNECTED },
        data: targets.map((t) => t.total - t.connected),
        label: {
          show: true,
          position: 'right',
          color: '#262626',
          formatter: (p: { dataIndex: number }) => {
            const t = targets[p.dataIndex];
            return t?.rate === null || t?.rate === undefined ? '—' : `${Math.round(t.rate * 1000) / 10}%`;
          },
        },
        cursor: 'pointer',
      },
    ],
  };
}
