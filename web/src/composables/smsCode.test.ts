import { describe, expect, it } from 'vitest';
import { isMobile, passwordProblem } from './smsCode';

describe('smsCode helpers', () => {
  it('takes a mobile as people type it', () => {
    expect(isMobile('13812345678')).toBe(true);
    expect(isMobile('138 1234 5678')).toBe(true);
    expect(isMobile('138-1234-5678')).toBe(true);
    expect(isMobile('12812345678')).toBe(false);
    expect(isMobile('1381234567')).toBe(false);
  });

  it('says what is wrong with the password fields first', () => {
    expect(passwordProblem('short', 'short')).toBe('register.passwordShort');
    expect(passwordProblem('long-enough-1', 'long-enough-2')).toBe('register.passwordMismatch');
    expect(passwordProblem('long-enough-1', 'long-enough-1')).toBeNull();
  });
});
