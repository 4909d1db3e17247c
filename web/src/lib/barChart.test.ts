import { describe, expect, it } from 'vitest';
import { layoutBars, niceNumber, scaleMax } from './barChart';

describe('the board bar chart', () => {
  it('ends its scale on a nice number above the largest value', () => {
    expect(niceNumber(1702)).toBe(2000);
    expect(niceNumber(0.04)).toBe(0.05);
    expect(scaleMax([851261, 226348, 0])).toBe(1000000);
    expect(scaleMax([60, 12])).toBe(60);
    expect(scaleMax([0, 0])).toBe(1);
    expect(scaleMax([])).toBe(1);
  });

  it('puts the bars after the longest name, first on top, as long as their share of the scale', () => {
    const layout = layoutBars({ labelWidths: [40, 64, 52], values: [50, 100, 0], width: 400, height: 200, fontSize: 10 });
    expect(layout.axisX).toBe(8 + 64 + 8);
    expect(layout.scaleMax).toBe(100);
    const plotWidth = 400 - 10 * 8 - layout.axisX;
    expect(layout.bars.map((bar) => bar.width)).toEqual([plotWidth / 2, plotWidth, 0]);
    expect(layout.bars[0].middle).toBeLessThan(layout.bars[1].middle);
    // Three bands of 184/3 px; a bar takes 80% of its band, 28 px at most.
    expect(layout.bars[0].height).toBe(28);
    expect(layout.bars.every((bar) => bar.y >= 8 && bar.y + bar.height <= 192)).toBe(true);
  });

  it('keeps thin bars inside their bands when there are many', () => {
    const values = Array.from({ length: 20 }, (_, i) => i + 1);
    const layout = layoutBars({ labelWidths: values.map(() => 30), values, width: 300, height: 100, fontSize: 10 });
    expect(layout.bars[0].height).toBeCloseTo((84 / 20) * 0.8);
    expect(layout.bars[19].width).toBe(300 - 80 - layout.axisX);
  });
});
