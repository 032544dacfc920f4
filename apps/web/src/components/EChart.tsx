import type { BarSeriesOption, PieSeriesOption } from 'echarts/charts';
import { BarChart, PieChart } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { type ComposeOption, type ECElementEvent, type EChartsType, init, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { type CSSProperties, useEffect, useRef } from 'react';

// Only the chart types and components the app uses are bundled (UI.md: import per chart type).
use([BarChart, PieChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

export type EChartOption = ComposeOption<
  BarSeriesOption | PieSeriesOption | GridComponentOption | TooltipComponentOption | LegendComponentOption
>;
export type EChartClick = ECElementEvent;

interface EChartProps {
  option: EChartOption;
  /** Clicking a bar or slice (dashboards navigate to the filtered list behind it). */
  onClick?: (event: ECElementEvent) => void;
  height?: number;
  style?: CSSProperties;
  /** Accessible summary of what the chart shows (the canvas itself is opaque to screen readers). */
  ariaLabel?: string;
  'data-testid'?: string;
}

/** A minimal ECharts host: one instance per element, options replaced on change, resized with its container. */
export function EChart({ option, onClick, height = 300, style, ariaLabel, ...rest }: EChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  const clickRef = useRef(onClick);
  clickRef.current = onClick;

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const instance = init(el, undefined, { renderer: 'canvas' });
    chart.current = instance;
    instance.on('click', (event) => clickRef.current?.(event as ECElementEvent));
    // The container follows the layout (window resize, side menu collapse, card width): so does the chart.
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={ref} role="img" aria-label={ariaLabel} style={{ width: '100%', height, ...style }} data-testid={rest['data-testid']} />;
}
