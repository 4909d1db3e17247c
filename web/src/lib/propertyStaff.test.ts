import { describe, expect, it } from 'vitest';
import { bpPercent, codeOf, doorOf, fenToInput, issuableQuarters, percentToBp, sharesTotal, yuanInputToFen } from './propertyStaff';

describe('property back-office helpers', () => {
  it('reads typed 元 as exact integer fen', () => {
    expect(yuanInputToFen('12.5')).toBe(1250);
    expect(yuanInputToFen('0.1')).toBe(10);
    expect(yuanInputToFen('0.29')).toBe(29); // 0.29 * 100 is 28.999… in floating point
    expect(yuanInputToFen('1,200.05 元')).toBe(120005);
    expect(yuanInputToFen('3.')).toBe(300);
    expect(yuanInputToFen('007')).toBe(700);
    expect(yuanInputToFen(16)).toBe(1600);
  });

  it('refuses what is not an amount', () => {
    expect(yuanInputToFen('1.234')).toBeNull();
    expect(yuanInputToFen('-5')).toBeNull();
    expect(yuanInputToFen('-0.1')).toBeNull();
    expect(yuanInputToFen('')).toBeNull();
    expect(yuanInputToFen('abc')).toBeNull();
    expect(yuanInputToFen('1e3')).toBeNull();
    expect(yuanInputToFen('1000000001')).toBeNull(); // over the server's 1 billion 元
    expect(yuanInputToFen('99999999999999999999')).toBeNull();
  });

  it('writes fen back as 元 for a form, and percent as basis points', () => {
    expect(fenToInput(1250)).toBe('12.50');
    expect(fenToInput(7)).toBe('0.07');
    expect(fenToInput(null)).toBe('');
    expect(percentToBp('50')).toBe(5000);
    expect(percentToBp('33.33%')).toBe(3333);
    expect(percentToBp('0.5')).toBe(50);
    expect(percentToBp('100')).toBe(10000);
    expect(percentToBp('100.01')).toBeNull();
    expect(percentToBp('1.234')).toBeNull();
    expect(percentToBp('-1')).toBeNull();
  });

  it('names a household by its door in the building', () => {
    expect(doorOf({ address: '幸福里社区1号楼1单元101室', building: '1号楼' })).toBe('1单元101室');
    expect(doorOf({ address: '别处 3 室', building: '9号楼' })).toBe('别处 3 室');
    expect(doorOf({ address: '幸福里社区1单元101室', building: null })).toBe('幸福里社区1单元101室');
  });

  it('offers the current and the next quarter for bills', () => {
    expect(issuableQuarters('2026Q4')).toEqual(['2026Q4', '2027Q1']);
    expect(issuableQuarters('2027Q2')).toEqual(['2027Q2', '2027Q3']);
  });

  it('checks codes and that shares make a whole', () => {
    expect(codeOf(' Bike_Shed ')).toBe('bike_shed');
    expect(codeOf('停车')).toBeNull();
    expect(sharesTotal([{ share_bp: 5000 }, { share_bp: 5000 }])).toEqual({ total: 10000, whole: true });
    expect(sharesTotal([{ share_bp: 5000 }, { share_bp: null }])).toEqual({ total: 5000, whole: false });
  });

  it('says basis points as an exact percent', () => {
    expect(bpPercent(5000)).toBe('50%');
    expect(bpPercent(3333)).toBe('33.33%');
    expect(bpPercent(25)).toBe('0.25%');
    expect(bpPercent(1050)).toBe('10.5%');
    expect(bpPercent(0)).toBe('0%');
    expect(bpPercent(10000)).toBe('100%');
  });
});
