// Pure helpers of the property trust-fund page (信托制物业): which quarter it is in the
// community's zone, how the owners' score moved the fee (never more than ±10%), and which
// revenue-sharing rules are in force or waiting for their date.
import type { QuarterReport, RevenueRule } from '../api/property';
import { shiftQuarter } from './time';

/** The quarter of an instant in Asia/Shanghai, as the server names it: "2026Q4". */
export { quarterOf } from './time';

/** The quarter before "2026Q1" is "2025Q4". */
export function previousQuarter(quarter: string): string {
  return shiftQuarter(quarter, -1);
}

/** Basis points as a signed percent: 225 → "+2.25%", -1000 → "-10%", 0 → "±0%". */
export function signedPercent(bp: number): string {
  if (bp === 0) return '±0%';
  const percent = (Math.abs(bp) / 100).toFixed(2).replace(/\.?0+$/, '');
  return `${bp > 0 ? '+' : '-'}${percent}%`;
}

/** Whether an adjustment sits at its cap (the score would have moved the fee further). */
export function atCap(adjustmentBp: number, capUpBp: number, capDownBp: number): boolean {
  return (adjustmentBp > 0 && adjustmentBp >= capUpBp) || (adjustmentBp < 0 && -adjustmentBp >= capDownBp);
}

/** The newest quarter whose fee is fixed (the one residents pay now or next), or null. */
export function latestFee(reports: QuarterReport[]): QuarterReport | null {
  const withFee = reports.filter((report) => report.fee);
  if (withFee.length === 0) return null;
  return withFee.reduce((a, b) => (a.quarter > b.quarter ? a : b));
}

/** Quarters newest first, for the collection-rate table. */
export function newestFirst<T extends { quarter: string }>(items: T[]): T[] {
  return [...items].sort((a, b) => (a.quarter < b.quarter ? 1 : a.quarter > b.quarter ? -1 : 0));
}

/** Rules in force now and changes published but not yet effective, each by source. */
export function splitRules(rules: RevenueRule[]): { active: RevenueRule[]; pending: RevenueRule[] } {
  return {
    active: rules.filter((rule) => rule.status === 'in_effect'),
    pending: rules
      .filter((rule) => rule.status === 'pending')
      .sort((a, b) => a.effective_on.localeCompare(b.effective_on)),
  };
}

/** A score typed in the form: an integer 0–100, or null. */
export function parseScore(typed: string | number): number | null {
  const text = String(typed).trim();
  if (!/^\d{1,3}$/.test(text)) return null;
  const score = Number(text);
  return score <= 100 ? score : null;
}
