import { describe, expect, it } from 'vitest';
import {
  areaToDm2,
  composeLocation,
  dm2ToArea,
  householdChanges,
  managementActions,
  parseSkills,
  receivedAtIso,
  receivedAtMs,
  weightsCheck,
  type HouseholdForm,
} from './casework';

describe('managementActions', () => {
  it('lets staff change priority, reject or merge a new case', () => {
    expect(managementActions('submitted', 'staff')).toEqual(['set_priority', 'reject', 'mark_duplicate']);
  });
  it('keeps rejection and merging away from a case in progress, but not priority', () => {
    expect(managementActions('in_progress', 'staff')).toEqual(['set_priority']);
  });
  it('gives guides only the duplicate mark', () => {
    expect(managementActions('accepted', 'guide')).toEqual(['mark_duplicate']);
  });
  it('offers reopening on resolved and closed cases to staff only', () => {
    expect(managementActions('resolved', 'staff')).toEqual(['reopen']);
    expect(managementActions('closed', 'admin')).toEqual(['reopen']);
    expect(managementActions('closed', 'guide')).toEqual([]);
    expect(managementActions('duplicate', 'staff')).toEqual([]);
  });
  it('offers nothing to the street', () => {
    expect(managementActions('submitted', 'street')).toEqual([]);
  });
});

describe('receivedAtIso', () => {
  it('reads the typed time in Shanghai', () => {
    expect(receivedAtIso('2026-12-07T09:30')).toBe('2026-12-07T09:30:00+08:00');
    expect(receivedAtMs('2026-12-07T09:30')).toBe(Date.UTC(2026, 11, 7, 1, 30));
  });
  it('refuses what is not a time', () => {
    expect(receivedAtIso('')).toBeNull();
    expect(Number.isNaN(receivedAtMs('yesterday'))).toBe(true);
  });
});

describe('composeLocation', () => {
  it('joins the building, unit and door, and the remark, leaving out blanks', () => {
    expect(composeLocation('3号楼', '2单元201', '')).toBe('3号楼 2单元201');
    expect(composeLocation('3号楼', '', ' 楼道口 ')).toBe('3号楼 楼道口');
  });
});

describe('householdChanges', () => {
  const before: HouseholdForm = {
    building_id: 1,
    address: '1号楼101',
    housing_type: 'owner',
    income_band: 'low',
    willingness: 'high',
    tags: ['elderly', 'veteran'],
    needs: [],
    skills: ['理发'],
  };
  it('sends only what changed, and lists in any order are unchanged', () => {
    const after = { ...before, tags: ['veteran', 'elderly'], income_band: 'middle', skills: ['理发', '修电器'] };
    expect(householdChanges(before, after)).toEqual({ income_band: 'middle', skills: ['理发', '修电器'] });
  });
  it('sends a removed tag as the shorter list', () => {
    expect(householdChanges(before, { ...before, tags: ['veteran'] })).toEqual({ tags: ['veteran'] });
  });
  it('sends nothing when nothing changed', () => {
    expect(householdChanges(before, { ...before, address: ' 1号楼101 ' })).toEqual({});
  });
  it('places a household without a building, and never sends a null building', () => {
    const unplaced = { ...before, building_id: null };
    expect(householdChanges(unplaced, { ...unplaced, building_id: 3 })).toEqual({ building_id: 3 });
    expect(householdChanges(before, { ...before, building_id: null })).toEqual({});
  });
});

describe('parseSkills', () => {
  it('splits on Chinese and Latin separators and drops repeats', () => {
    expect(parseSkills('理发，修电器、 理发,  书法')).toEqual(['理发', '修电器', '书法']);
  });
});

describe('weightsCheck', () => {
  it('wants whole numbers adding up to 100', () => {
    expect(weightsCheck({ a: 25, b: 20, c: 20, d: 15, e: 20 })).toEqual({ sum: 100, valid: true });
    expect(weightsCheck({ a: 30, b: 20, c: 20, d: 15, e: 20 })).toEqual({ sum: 105, valid: false });
    expect(weightsCheck({ a: 24.5, b: 20.5, c: 20, d: 15, e: 20 }).valid).toBe(false);
  });
});

describe('floor areas typed in ㎡', () => {
  it('keeps whole dm² and refuses what is not an area', () => {
    expect(areaToDm2('89.5')).toBe(8950);
    expect(areaToDm2(' 120 ㎡')).toBe(12000);
    expect(areaToDm2('60.05平方米')).toBe(6005);
    expect(areaToDm2('')).toBeNull();
    expect(areaToDm2('0.5')).toBeNaN();
    expect(areaToDm2('1000.01')).toBeNaN();
    expect(areaToDm2('89.555')).toBeNaN();
    expect(areaToDm2('很大')).toBeNaN();
    expect(dm2ToArea(8950)).toBe('89.5');
    expect(dm2ToArea(12000)).toBe('120');
    expect(dm2ToArea(6005)).toBe('60.05');
    expect(dm2ToArea(null)).toBe('');
  });
});
