// The data cockpit's pure helpers, used by its cards and charts: status colours, number
// formatting, quarters and heat-map shaping. The data they shape comes from api/cockpit.ts,
// api/indicators.ts and api/needs.ts.
import type { IndicatorStatus } from '../../api/indicators';
import type { NeedsHeatmap } from '../../api/needs';

// ---- Status colours ---------------------------------------------------------------------

/** The CSS custom property a status is drawn in: green met, red not met, grey no data. */
export function statusColour(status: IndicatorStatus): string {
  switch (status) {
    case 'met':
      return 'var(--ok)';
    case 'not_met':
      return 'var(--danger)';
    default:
      return 'var(--muted)';
  }
}

/** The modifier class of a card in that status. */
export function statusClass(status: IndicatorStatus): string {
  return `indicator--${status.replace('_', '-')}`;
}

// ---- Number formatting ------------------------------------------------------------------

/** How an indicator's value reads: a share, a plain number, working days or a ratio. */
export type IndicatorKind = 'share' | 'number' | 'coefficient' | 'days' | 'ratio';

const SHARES = new Set([
  'participation_rate',
  'leader_growth_rate',
  'misallocation_rate',
  'complaint_rate',
  'resource_utilization',
  'response_rate',
  'resolution_rate',
  'satisfaction_rate',
]);

export function indicatorKind(key: string): IndicatorKind {
  if (SHARES.has(key)) return 'share';
  if (key === 'satisfaction_difference_coefficient') return 'coefficient';
  if (key === 'median_resolution_working_days') return 'days';
  if (key === 'cost_benefit_ratio') return 'ratio';
  return 'number';
}

function decimal(value: number, digits: number, locale: string): string {
  return new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
}

/** How many decimals each kind shows ordinarily. */
const DIGITS: Record<IndicatorKind, number> = { share: 1, number: 1, coefficient: 2, days: 1, ratio: 1 };
/** At most this many more when a value and its target would otherwise read the same. */
const MAX_EXTRA_DIGITS = 3;

/**
 * A value as the card shows it: "79.1%", "5.1", "0.01", "3.0", "1:33.9"; "—" without data.
 * Days carry no unit here; the card adds it in words. `extraDigits` adds decimals.
 */
export function formatIndicator(key: string, value: number | null, locale: string, extraDigits = 0): string {
  if (value === null || !Number.isFinite(value)) return '—';
  const kind = indicatorKind(key);
  const digits = DIGITS[kind] + extraDigits;
  switch (kind) {
    case 'share':
      return `${decimal(value * 100, digits, locale)}%`;
    case 'ratio':
      return `1:${decimal(value, digits, locale)}`;
    default:
      return decimal(value, digits, locale);
  }
}

/**
 * A value and its target, with as many more decimals as it takes for the two to read
 * differently when they differ: 0.01978 against 0.02 is "1.98%" and "2.00%", never "2.0%"
 * and "2.0%" (whose verdict, 达标 or 未达标, would look arbitrary). Rounding keeps the order,
 * so the shown figures always agree with the verdict. Equal values stay at the usual digits.
 */
export function formatAgainstTarget(
  key: string,
  value: number | null,
  target: number | null,
  locale: string,
): { value: string; target: string } {
  let extra = 0;
  const comparable = value !== null && target !== null && Number.isFinite(value) && Number.isFinite(target);
  if (comparable && Math.abs(value - target) > 1e-12 * Math.max(1, Math.abs(target))) {
    while (extra < MAX_EXTRA_DIGITS && formatIndicator(key, value, locale, extra) === formatIndicator(key, target, locale, extra)) {
      extra++;
    }
  }
  return { value: formatIndicator(key, value, locale, extra), target: formatIndicator(key, target, locale, extra) };
}

/** A count (numerator or denominator): whole numbers as such, others to two decimals. */
export function formatCount(value: number | null, locale: string): string {
  if (value === null || !Number.isFinite(value)) return '—';
  return new Intl.NumberFormat(locale, { maximumFractionDigits: Number.isInteger(value) ? 0 : 2 }).format(value);
}

/** Basis points (1/100 of a percent) as a percentage with one decimal: 3649 → "36.5%". */
export function formatBasisPoints(bp: number, locale: string): string {
  return `${decimal(bp / 100, 1, locale)}%`;
}

/** A share value as a chart number in percent with one decimal (0.7909 → 79.1), null kept. */
export function toPercent(value: number | null): number | null {
  return value === null ? null : Math.round(value * 1000) / 10;
}

// ---- Quarters ---------------------------------------------------------------------------

/** The quarter ("2026Q4") an instant falls in, in Asia/Shanghai. */
export { quarterOf } from '../../lib/time';

/** The last `count` quarters up to and including `quarter`, oldest first. */
export function lastQuarters(quarter: string, count: number): string[] {
  const match = /^(\d{4})Q([1-4])$/.exec(quarter);
  if (!match) return [];
  let index = Number(match[1]) * 4 + Number(match[2]) - 1;
  const out: string[] = [];
  for (let i = 0; i < count; i++, index--) out.unshift(`${Math.floor(index / 4)}Q${(index % 4) + 1}`);
  return out;
}

// ---- Heat map ---------------------------------------------------------------------------

/** Compares "2号楼" before "10号楼": numbers inside labels by value. */
export function naturalCompare(a: string, b: string): number {
  return a.localeCompare(b, 'zh-CN', { numeric: true });
}

export interface HeatmapData {
  buildings: string[];
  categories: string[];
  /** [building index, category index, households] in the sorted order; zero cells included. */
  points: [number, number, number][];
  max: number;
}

/** The server's building × category cells, buildings in natural order, as ECharts points. */
export function shapeHeatmap(heatmap: NeedsHeatmap): HeatmapData {
  const order = heatmap.buildings.map((name, index) => ({ name, index })).sort((a, b) => naturalCompare(a.name, b.name));
  const points: [number, number, number][] = [];
  let max = 0;
  order.forEach(({ index }, x) => {
    const row = heatmap.cells[index] ?? [];
    heatmap.categories.forEach((_, y) => {
      const value = row[y] ?? 0;
      points.push([x, y, value]);
      max = Math.max(max, value);
    });
  });
  return { buildings: order.map((b) => b.name), categories: [...heatmap.categories], points, max };
}

/** Pixels per building row when the heat map lies on its side. */
export const SIDEWAYS_ROW_PX = 26;

/**
 * The heat map for a narrow screen: on its side, buildings down the page (the first at the top)
 * and the categories across, so forty buildings never squeeze into a phone's width. Points are
 * [category index, building index, households]; `height` is what the chart needs in pixels.
 */
export function sidewaysHeatmap(data: HeatmapData): { points: [number, number, number][]; height: number } {
  return {
    points: data.points.map(([building, category, value]) => [category, building, value]),
    height: data.buildings.length * SIDEWAYS_ROW_PX + 140,
  };
}

