// The ECharts parts the cockpit draws with, registered on top of the console's set
// (lib/echarts-setup.ts): lines, the heat map with its colour scale, and a legend. Loaded on
// demand, so only the cockpit downloads them. Tooltips are drawn inside the canvas
// (renderMode 'richText'): HTML tooltips would need inline style attributes, which the
// server's Content-Security-Policy refuses.
import { LineChart, HeatmapChart } from 'echarts/charts';
import { LegendComponent, VisualMapContinuousComponent } from 'echarts/components';
import { echarts } from '../../lib/echarts-setup';

echarts.use([LineChart, HeatmapChart, LegendComponent, VisualMapContinuousComponent]);

export { echarts };
