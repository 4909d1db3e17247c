import { describe, expect, it } from 'vitest';
import type { Category } from '../api/requests';
import { mergeSuggestions, suggestCategories } from './suggest';

const category = (code: string, name_zh: string, name_en: string): Category => ({
  code,
  name_zh,
  name_en,
  default_priority: 'blue',
  resolution_working_days: 5,
  is_complaint: false,
});

const categories = [
  category('consultation', '政策咨询', 'Policy question'),
  category('noise', '噪音扰民', 'Noise'),
  category('parking', '停车管理', 'Parking'),
  category('public_facility', '公共设施维修', 'Public facility repair'),
  category('gas_leak', '燃气泄漏', 'Gas leak'),
  category('water_outage', '停水', 'Water outage'),
  category('elevator', '电梯故障', 'Elevator fault'),
  category('water_leak', '漏水渗水', 'Water leak'),
  category('elderly_unreachable', '独居老人联系不上', 'Elderly person unreachable'),
  category('custom_bikes', '非机动车棚', 'Bicycle shed'),
];
const codes = (text: string) => suggestCategories(text, categories).map((c) => c.code);

describe('suggestCategories', () => {
  it('matches a category name inside the description', () => {
    expect(codes('楼上漏水到我家厨房')[0]).toBe('water_leak');
    expect(codes('5号楼的电梯又故障了')[0]).toBe('elevator');
  });
  it('understands everyday words that are not in the names', () => {
    expect(codes('闻到很大的煤气味')[0]).toBe('gas_leak');
    expect(codes('从早上开始家里没水了')[0]).toBe('water_outage');
    expect(codes('楼上每天晚上都很吵')[0]).toBe('noise');
  });
  it('does not confuse 停水 with 停车', () => {
    expect(codes('小区停车位被外来车辆占了')[0]).toBe('parking');
    expect(codes('小区停车位被外来车辆占了')).not.toContain('water_outage');
  });
  it('ranks the stronger match first when several match', () => {
    expect(codes('隔壁独居老人好几天联系不上了')[0]).toBe('elderly_unreachable');
  });
  it('works for a community’s own categories by their names', () => {
    expect(codes('非机动车棚的灯不亮')).toContain('custom_bikes');
  });
  it('matches English descriptions', () => {
    expect(codes('The elevator in building 5 is broken')[0]).toBe('elevator');
  });
  it('suggests nothing for very short or unrelated text', () => {
    expect(codes('')).toEqual([]);
    expect(codes('你')).toEqual([]);
    expect(codes('今天天气很好')).toEqual([]);
  });
  it('offers at most three suggestions', () => {
    expect(codes('停水停电电梯坏了漏水燃气噪音').length).toBeLessThanOrEqual(3);
  });
});

describe('mergeSuggestions', () => {
  it("puts the server's category first, keeps the local ones after it, and ignores unknown codes", () => {
    const local = [categories[1], categories[2]];
    expect(mergeSuggestions('gas_leak', local, categories).map((c) => c.code)).toEqual(['gas_leak', 'noise', 'parking']);
    expect(mergeSuggestions('noise', local, categories).map((c) => c.code)).toEqual(['noise', 'parking']);
    expect(mergeSuggestions('no_such_code', local, categories).map((c) => c.code)).toEqual(['noise', 'parking']);
    expect(mergeSuggestions('', [], categories)).toEqual([]);
    expect(mergeSuggestions('gas_leak', local, categories, 2).map((c) => c.code)).toEqual(['gas_leak', 'noise']);
  });
});
