import { LineChart as EcLineChart, type LineSeriesOption } from 'echarts/charts';
import {
  type DataZoomComponentOption,
  DataZoomInsideComponent,
  GridComponent,
  type GridComponentOption,
  LegendComponent,
  type LegendComponentOption,
  MarkLineComponent,
  type MarkLineComponentOption,
  TooltipComponent,
  type TooltipComponentOption,
} from 'echarts/components';
import { type ComposeOption, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { EChart, type EChartOption } from '../../components/EChart';

// Line charts with threshold lines and zoom: registered here, so only the monitoring pages load them.
use([EcLineChart, MarkLineComponent, DataZoomInsideComponent, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

export type LineChartOption = ComposeOption<
  | LineSeriesOption
  | GridComponentOption
  | TooltipComponentOption
  | LegendComponentOption
  | MarkLineComponentOption
  | DataZoomComponentOption
>;

/**
 * The shared chart host (components/EChart: one instance, resize, dispose) with the line-chart parts registered
 * above. EChart's option type lists the bar and pie options it registers itself; the line option is handed through.
 */
export function LineChart({
  option,
  height,
  ariaLabel,
  ...rest
}: {
  option: LineChartOption;
  height?: number;
  ariaLabel?: string;
  'data-testid'?: string;
}) {
  return <EChart option={option as EChartOption} height={height} ariaLabel={ariaLabel} data-testid={rest['data-testid']} />;
}
