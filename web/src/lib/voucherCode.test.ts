import { describe, expect, it } from 'vitest';
import {
  foreignVoucherChars,
  formatVoucherCode,
  isCompleteVoucherCode,
  normalizeVoucherCode,
  voucherCodeGroups,
} from './voucherCode';

describe('voucher codes', () => {
  it('reads lower case, no dash, spaces and a long dash as the same code', () => {
    for (const typed of ['k7qm4xpd', 'K7QM-4XPD', ' k7qm 4xpd ', 'K7QM—4XPD', 'k7qm-4xpd']) {
      expect(normalizeVoucherCode(typed)).toBe('K7QM4XPD');
      expect(formatVoucherCode(typed)).toBe('K7QM-4XPD');
      expect(isCompleteVoucherCode(typed)).toBe(true);
    }
  });

  it('is not complete while short, too long or with a letter the codes never use', () => {
    expect(isCompleteVoucherCode('k7qm')).toBe(false);
    expect(isCompleteVoucherCode('k7qm4xpdz')).toBe(false);
    expect(isCompleteVoucherCode('K7QM4XP0')).toBe(false);
    expect(foreignVoucherChars('o0i1-k7qm')).toEqual(['O', '0', 'I', '1']);
    expect(foreignVoucherChars('k7qm4xpd')).toEqual([]);
    expect(formatVoucherCode('k7q')).toBe('K7Q');
  });

  it('splits a code in two groups of four for reading aloud', () => {
    expect(voucherCodeGroups('k7qm-4xpd')).toEqual(['K7QM', '4XPD']);
    expect(voucherCodeGroups('K7Q')).toEqual(['K7Q']);
  });
});
