// Pure helpers for the staff console's planning pages: the quarter to plan by default, what
// staff type (yuan or whole places, weights, pool percentages) turned into the integers the
// allocation engine takes, and the plan's lines shaped for the change-from-last-quarter chart.
import { yuanToFen } from './plans';
import { shiftQuarter } from './time';

/** The quarter after the given one: "2026Q4" → "2027Q1". */
export function nextQuarter(quarter: string): string {
  return shiftQuarter(quarter, 1);
}

export function isQuarter(text: string): boolean {
  return /^\d{4}Q[1-4]$/.test(text.trim());
}

/** The plan's total as the engine counts it: fen from yuan, or whole places; null when not valid. */
export function parseTotal(typed: string, unit: string): number | null {
  if (unit === 'fen') return yuanToFen(typed);
  const text = typed.replace(/[,，\s]/g, '');
  return /^\d+$/.test(text) ? Number(text) : null;
}

/** A weight box: empty means "let the server work it out" (undefined); null when not a whole number. */
export function parseWeight(typed: string | number): number | undefined | null {
  const text = String(typed).replace(/[,，\s]/g, '');
  if (text === '') return undefined;
  return /^\d+$/.test(text) ? Number(text) : null;
}

/** Pool percentages must each be 0–100 and add up to 100 (5 / 70 / 30 by default: 5 off the top, the rest 70 / 30). */
export function percentsProblem(emergency: number, base: number, dynamic: number): 'not_numbers' | 'base_dynamic_sum' | null {
  const all = [emergency, base, dynamic];
  if (all.some((value) => !Number.isInteger(value) || value < 0 || value > 100)) return 'not_numbers';
  if (base + dynamic !== 100) return 'base_dynamic_sum';
  return null;
}

export interface ChangeBars {
  categories: string[];
  previous: number[];
  current: number[];
  change: number[];
}

/** Each line's total beside last quarter's (0 where the category is new). */
export function changeBars(lines: { category: string; total: number; previous_total?: number | null }[]): ChangeBars {
  const previous = lines.map((line) => line.previous_total ?? 0);
  const current = lines.map((line) => line.total);
  return {
    categories: lines.map((line) => line.category),
    previous,
    current,
    change: current.map((value, i) => value - previous[i]),
  };
}

/** "+1,200" / "-300" / "0" with thousands separators, for a change in whole units or fen. */
export function signed(value: number, format: (n: number) => string): string {
  if (value > 0) return `+${format(value)}`;
  if (value < 0) return `-${format(-value)}`;
  return format(0);
}
