// Pure helpers of the staff back office of the property trust fund (/staff/property): money is
// integer fen on the wire and typed in 元 by people, shares are basis points typed as percent,
// and households are named by their door (单元/室) rather than an id.
import type { Household } from '../api/registry';

/** The most the server accepts as one amount of the fund (1 billion 元, in fen). */
export const MAX_AMOUNT_FEN = 100_000_000_000;

/**
 * 元 typed by a person ("12.5", "1,200", "¥0.1") as integer fen, exactly (no floating point):
 * "12.5" → 1250, "0.1" → 10. Null for anything that is not a non-negative amount with at most
 * two decimals ("1.234", "-5", "abc", "") or that exceeds the server's limit.
 */
export function yuanInputToFen(typed: string | number): number | null {
  const text = String(typed).replace(/[,，\s¥￥元]/g, '');
  const match = /^(\d+)(?:\.(\d{0,2}))?$/.exec(text);
  if (!match) return null;
  const whole = match[1].replace(/^0+(?=\d)/, '');
  if (whole.length > 12) return null;
  const fen = Number(whole) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return fen <= MAX_AMOUNT_FEN ? fen : null;
}

/** Fen as 元 for an input field: 1250 → "12.50". */
export function fenToInput(fen: number | null | undefined): string {
  if (fen === null || fen === undefined) return '';
  return `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
}

/** A percent typed for a share ("50", "33.33") as basis points (5000, 3333); null otherwise. */
export function percentToBp(typed: string | number): number | null {
  const text = String(typed).replace(/[\s%％]/g, '');
  const match = /^(\d{1,3})(?:\.(\d{0,2}))?$/.exec(text);
  if (!match) return null;
  const bp = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return bp <= 10_000 ? bp : null;
}

/** The door of a household within its building: "幸福里社区1号楼1单元101室" → "1单元101室". */
export function doorOf(household: Pick<Household, 'address' | 'building'>): string {
  if (!household.building) return household.address;
  const at = household.address.lastIndexOf(household.building);
  const rest = at >= 0 ? household.address.slice(at + household.building.length) : household.address;
  return rest.trim() || household.address;
}

/** Quarters a staff member may issue bills for: the current one and the next. */
export function issuableQuarters(current: string): string[] {
  const [year, q] = [Number(current.slice(0, 4)), Number(current.slice(5))];
  const next = q === 4 ? `${year + 1}Q1` : `${year}Q${q + 1}`;
  return [current, next];
}

/** A snake_case code for a new revenue source or destination typed by staff, or null. */
export function codeOf(typed: string): string | null {
  const text = typed.trim().toLowerCase();
  return /^[a-z][a-z0-9_]{0,39}$/.test(text) ? text : null;
}

/** Sum of the shares in basis points, and whether it makes a whole (10000). */
export function sharesTotal(shares: { share_bp: number | null }[]): { total: number; whole: boolean } {
  const total = shares.reduce((sum, share) => sum + (share.share_bp ?? 0), 0);
  return { total, whole: total === 10_000 && shares.every((share) => share.share_bp !== null) };
}

/** Basis points as an exact percent: 5000 → "50%", 3333 → "33.33%", 25 → "0.25%". */
export function bpPercent(bp: number): string {
  const whole = Math.trunc(bp / 100);
  const rest = Math.abs(bp % 100);
  return `${bp < 0 && whole === 0 ? '-' : ''}${whole}${rest ? `.${String(rest).padStart(2, '0').replace(/0$/, '')}` : ''}%`;
}
