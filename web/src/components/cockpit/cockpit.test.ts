import { describe, expect, it } from 'vitest';
import {
  formatAgainstTarget,
  formatBasisPoints,
  formatCount,
  formatIndicator,
  lastQuarters,
  quarterOf,
  shapeHeatmap,
  SIDEWAYS_ROW_PX,
  sidewaysHeatmap,
  statusClass,
  statusColour,
  toPercent,
} from './cockpit';

describe('status colours', () => {
  it('draw met in green, not met in red and no data in grey', () => {
    expect(statusColour('met')).toBe('var(--ok)');
    expect(statusColour('not_met')).toBe('var(--danger)');
    expect(statusColour('no_data')).toBe('var(--muted)');
    expect(statusClass('not_met')).toBe('indicator--not-met');
  });
});

describe('number formatting', () => {
  it('shows shares as percentages with one decimal', () => {
    expect(formatIndicator('participation_rate', 0.7908888, 'zh-CN')).toBe('79.1%');
    expect(formatIndicator('complaint_rate', 0.02, 'en')).toBe('2.0%');
  });
  it('shows the ratio, the coefficient and the days in their own forms', () => {
    expect(formatIndicator('cost_benefit_ratio', 33.89, 'zh-CN')).toBe('1:33.9');
    expect(formatIndicator('satisfaction_difference_coefficient', 0.00817, 'zh-CN')).toBe('0.01');
    expect(formatIndicator('median_resolution_working_days', 3, 'zh-CN')).toBe('3.0');
    expect(formatIndicator('proposals_per_100_households', 5.0666, 'en')).toBe('5.1');
  });
  it('shows a dash rather than a zero without data', () => {
    expect(formatIndicator('resource_utilization', null, 'zh-CN')).toBe('—');
    expect(formatCount(null, 'zh-CN')).toBe('—');
  });
  it('groups counts and keeps fractions short', () => {
    expect(formatCount(721386, 'en')).toBe('721,386');
    expect(formatCount(68400, 'zh-CN')).toBe('68,400');
    expect(formatCount(1.5, 'en')).toBe('1.5');
    expect(formatCount(3.14159, 'en')).toBe('3.14');
    expect(formatBasisPoints(3649, 'zh-CN')).toBe('36.5%');
    expect(toPercent(0.93735)).toBe(93.7);
    expect(toPercent(null)).toBeNull();
  });
});

describe('a figure against its target', () => {
  it('shows enough digits that a value just under its target does not read as the target', () => {
    expect(formatAgainstTarget('complaint_rate', 0.01978, 0.02, 'zh-CN')).toEqual({ value: '1.98%', target: '2.00%' });
    expect(formatAgainstTarget('complaint_rate', 0.02012, 0.02, 'zh-CN')).toEqual({ value: '2.01%', target: '2.00%' });
    expect(formatAgainstTarget('complaint_rate', 0.019996, 0.02, 'en')).toEqual({ value: '1.9996%', target: '2.0000%' });
    expect(formatAgainstTarget('median_resolution_working_days', 4.96, 5, 'zh-CN')).toEqual({ value: '4.96', target: '5.00' });
    expect(formatAgainstTarget('satisfaction_difference_coefficient', 0.0998, 0.1, 'zh-CN')).toEqual({ value: '0.0998', target: '0.1000' });
  });
  it('keeps the usual digits when they already tell the two apart, or when the two are equal', () => {
    expect(formatAgainstTarget('participation_rate', 0.4657, 0.6, 'zh-CN')).toEqual({ value: '46.6%', target: '60.0%' });
    expect(formatAgainstTarget('complaint_rate', 0.02, 0.02, 'zh-CN')).toEqual({ value: '2.0%', target: '2.0%' });
    expect(formatAgainstTarget('cost_benefit_ratio', 33.89, 20, 'zh-CN')).toEqual({ value: '1:33.9', target: '1:20.0' });
  });
  it('shows a dash without a value and the target as usual', () => {
    expect(formatAgainstTarget('complaint_rate', null, 0.02, 'zh-CN')).toEqual({ value: '—', target: '2.0%' });
  });
});

describe('quarters', () => {
  it('takes the quarter in Shanghai time', () => {
    expect(quarterOf(Date.parse('2026-12-31T23:30:00+08:00'))).toBe('2026Q4');
    expect(quarterOf(Date.parse('2027-01-01T00:30:00+08:00'))).toBe('2027Q1');
  });
  it('lists the last four quarters oldest first, across a year', () => {
    expect(lastQuarters('2026Q4', 4)).toEqual(['2026Q1', '2026Q2', '2026Q3', '2026Q4']);
    expect(lastQuarters('2027Q2', 4)).toEqual(['2026Q3', '2026Q4', '2027Q1', '2027Q2']);
    expect(lastQuarters('nonsense', 4)).toEqual([]);
  });
});

describe('heat-map shaping', () => {
  const heatmap = {
    community_id: 1,
    unit: 'households',
    categories: ['elderly_care', 'childcare'],
    buildings: ['10号楼', '1号楼', '2号楼'],
    cells: [
      [5, 0],
      [24, 6],
      [3, 9],
    ],
  };
  it('sorts buildings by number, not by text', () => {
    expect(shapeHeatmap(heatmap).buildings).toEqual(['1号楼', '2号楼', '10号楼']);
  });
  it('keeps every cell with its building and category, zeros included', () => {
    const data = shapeHeatmap(heatmap);
    expect(data.points).toEqual([
      [0, 0, 24],
      [0, 1, 6],
      [1, 0, 3],
      [1, 1, 9],
      [2, 0, 5],
      [2, 1, 0],
    ]);
    expect(data.max).toBe(24);
    expect(data.categories).toEqual(['elderly_care', 'childcare']);
  });
  it('reads a missing row as zeros', () => {
    const data = shapeHeatmap({ ...heatmap, cells: [[1, 2]] });
    expect(data.points.filter(([, , v]) => v > 0)).toEqual([
      [2, 0, 1],
      [2, 1, 2],
    ]);
  });
});

describe('the heat map on a phone', () => {
  it('lies on its side: categories across, one row per building, tall enough for all', () => {
    const data = shapeHeatmap({
      community_id: 1,
      unit: 'households',
      categories: ['elderly_care', 'childcare'],
      buildings: ['10号楼', '2号楼', '1号楼'],
      cells: [
        [5, 1],
        [2, 0],
        [7, 3],
      ],
    } as never);
    const side = sidewaysHeatmap(data);
    // Buildings in natural order: 1号楼 (row 0), 2号楼 (row 1), 10号楼 (row 2).
    expect(side.points).toContainEqual([0, 0, 7]);
    expect(side.points).toContainEqual([1, 2, 1]);
    expect(side.points).toHaveLength(6);
    expect(side.height).toBe(3 * SIDEWAYS_ROW_PX + 140);
  });
});
