// A horizontal bar chart drawn straight on a canvas, for the public board's allocation by
// category: category names on the left of an axis line, one bar per category (the first on
// top), each bar's amount as a label after it. It draws what the board drew with ECharts
// (grid 8 px around, the amounts' room on the right, bars at most 28 px thick, a "nice" scale
// end), without the 140 KB (brotli) of ECharts' core a phone would download for it; the
// console's charts keep ECharts (charts.ts). No inline styles: only canvas drawing calls.

export interface BarLayoutInput {
  /** Width of each category name in px, as measured in the chart's font. */
  labelWidths: number[];
  values: number[];
  width: number;
  height: number;
  fontSize: number;
}

export interface BarRect {
  x: number;
  y: number;
  width: number;
  height: number;
  /** Vertical centre of the band: where the category name and the amount are written. */
  middle: number;
}

export interface BarLayout {
  /** x of the axis line the bars grow from. */
  axisX: number;
  top: number;
  bottom: number;
  /** The value at the right end of the plot. */
  scaleMax: number;
  bars: BarRect[];
}

const GRID = 8;
const LABEL_MARGIN = 8;
const BAR_MAX = 28;
/** The share of a category's band a bar takes (ECharts' default gap between bars is 20%). */
const BAR_SHARE = 0.8;

/** The smallest 1, 2, 3, 5 or 10 × 10^k not below `value` (ECharts' nice numbers). */
export function niceNumber(value: number): number {
  if (!(value > 0)) return 1;
  const exponent = Math.floor(Math.log10(value));
  const power = 10 ** exponent;
  const fraction = value / power;
  const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 3 ? 3 : fraction <= 5 ? 5 : 10;
  return nice * power;
}

/** The scale's end: the largest value rounded up to a multiple of a nice fifth of it. */
export function scaleMax(values: number[]): number {
  const largest = Math.max(0, ...values);
  if (largest === 0) return 1;
  const interval = niceNumber(largest / 5);
  return Math.ceil(largest / interval) * interval;
}

export function layoutBars(input: BarLayoutInput): BarLayout {
  const { labelWidths, values, width, height, fontSize } = input;
  const axisX = GRID + Math.max(0, ...labelWidths) + LABEL_MARGIN;
  const right = width - fontSize * 8;
  const plotWidth = Math.max(0, right - axisX);
  const top = GRID;
  const bottom = Math.max(top, height - GRID);
  const band = values.length ? (bottom - top) / values.length : 0;
  const barHeight = Math.min(BAR_MAX, band * BAR_SHARE);
  const max = scaleMax(values);
  const bars = values.map((value, index) => {
    const middle = top + band * (index + 0.5);
    return {
      x: axisX,
      y: middle - barHeight / 2,
      width: (Math.max(0, value) / max) * plotWidth,
      height: barHeight,
      middle,
    };
  });
  return { axisX, top, bottom, scaleMax: max, bars };
}

export interface BarChartStyle {
  fontSize: number;
  fontFamily: string;
  barColor: string;
  textColor: string;
  axisColor: string;
}

/**
 * Draws the chart into `canvas`, sized to its element's box (`width` × `height` CSS px) at the
 * device's pixel ratio so the text stays sharp.
 */
export function drawBarChart(
  canvas: HTMLCanvasElement,
  size: { width: number; height: number; pixelRatio: number },
  labels: string[],
  values: number[],
  valueLabel: (value: number) => string,
  style: BarChartStyle,
): void {
  const { width, height, pixelRatio } = size;
  canvas.width = Math.max(1, Math.round(width * pixelRatio));
  canvas.height = Math.max(1, Math.round(height * pixelRatio));
  const context = canvas.getContext('2d');
  if (!context) return;
  context.setTransform(pixelRatio, 0, 0, pixelRatio, 0, 0);
  context.clearRect(0, 0, width, height);
  context.font = `${style.fontSize}px ${style.fontFamily}`;
  context.textBaseline = 'middle';
  const layout = layoutBars({
    labelWidths: labels.map((label) => context.measureText(label).width),
    values,
    width,
    height,
    fontSize: style.fontSize,
  });
  layout.bars.forEach((bar, index) => {
    context.fillStyle = style.textColor;
    context.textAlign = 'right';
    context.fillText(labels[index] ?? '', layout.axisX - LABEL_MARGIN, bar.middle);
    context.fillStyle = style.barColor;
    context.fillRect(bar.x, bar.y, bar.width, bar.height);
    context.fillStyle = style.textColor;
    context.textAlign = 'left';
    context.fillText(valueLabel(values[index]), bar.x + bar.width + 5, bar.middle);
  });
  if (layout.bars.length) {
    context.strokeStyle = style.axisColor;
    context.lineWidth = 1;
    context.beginPath();
    const x = Math.round(layout.axisX) + 0.5;
    context.moveTo(x, layout.top);
    context.lineTo(x, layout.bottom);
    context.stroke();
  }
}
