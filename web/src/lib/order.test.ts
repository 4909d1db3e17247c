import { describe, expect, it } from 'vitest';
import { groupCategories, naturalCompare, residentRequestOrder, sortNaturally } from './order';
import type { Priority, RequestStatus } from '../api/requests';

describe('naturalCompare', () => {
  it('puts 2号楼 before 10号楼 and 1号楼 first', () => {
    const names = ['10号楼', '11号楼', '1号楼', '20号楼', '2号楼', '3号楼'];
    expect(sortNaturally(names, (n) => n)).toEqual(['1号楼', '2号楼', '3号楼', '10号楼', '11号楼', '20号楼']);
  });

  it('compares every run of digits as a number', () => {
    expect(naturalCompare('3-2-101', '3-10-101')).toBeLessThan(0);
    expect(naturalCompare('3-10-101', '3-2-101')).toBeGreaterThan(0);
    expect(naturalCompare('5号楼', '5号楼')).toBe(0);
  });

  it('keeps text order where there are no numbers and shorter prefixes first', () => {
    expect(naturalCompare('号楼', '号楼A')).toBeLessThan(0);
    expect(naturalCompare('B栋', 'A栋')).toBeGreaterThan(0);
    expect(naturalCompare('07号楼', '7号楼')).toBeGreaterThan(0);
  });
});

describe('residentRequestOrder', () => {
  const r = (id: number, status: RequestStatus, received: string) => ({ id, status, received_at: received });

  it('lists open requests first, then finished ones, each newest first', () => {
    const ordered = residentRequestOrder([
      r(1, 'closed', '2025-12-31T11:52:31+08:00'),
      r(2, 'closed', '2026-08-09T17:27:24+08:00'),
      r(3, 'in_progress', '2026-03-01T09:00:00+08:00'),
      r(4, 'cancelled', '2026-11-28T18:59:34+08:00'),
      r(5, 'resolved', '2026-10-01T09:00:00+08:00'),
      r(6, 'submitted', '2026-11-30T09:00:00+08:00'),
    ]);
    expect(ordered.map((x) => x.id)).toEqual([6, 5, 3, 4, 2, 1]);
  });
});

describe('groupCategories', () => {
  const c = (code: string, name: string, priority: Priority) => ({ code, name, default_priority: priority });

  it('puts the urgent categories first and 其他 last', () => {
    const groups = groupCategories(
      [
        c('consultation', '政策咨询', 'blue'),
        c('other', '其他', 'blue'),
        c('sanitation', '环境卫生', 'blue'),
        c('gas_leak', '燃气泄漏', 'red'),
        c('elevator', '电梯故障', 'yellow'),
        c('water_outage', '停水', 'red'),
      ],
      (x) => x.name,
    );
    expect(groups.map((g) => g.priority)).toEqual(['red', 'yellow', 'blue']);
    expect(groups[0].categories.map((x) => x.code).sort()).toEqual(['gas_leak', 'water_outage']);
    const flat = groups.flatMap((g) => g.categories.map((x) => x.code));
    expect(flat[flat.length - 1]).toBe('other');
    expect(flat.indexOf('gas_leak')).toBeLessThan(flat.indexOf('elevator'));
  });

  it('keeps 其他 last even when a community made it urgent, and drops empty groups', () => {
    const groups = groupCategories([c('other', '其他', 'red'), c('noise', '噪音扰民', 'blue')], (x) => x.name);
    expect(groups.map((g) => [g.priority, g.categories.map((x) => x.code)])).toEqual([['blue', ['noise', 'other']]]);
  });
});
