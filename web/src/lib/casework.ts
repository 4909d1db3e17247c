// Casework helpers for the staff console: which management steps a case allows (a mirror of
// the server's workflow.cpp, for showing buttons only), the received time a worker types
// (Shanghai wall clock → ISO 8601 with +08:00), a household file's edit as the fields that
// changed, and needs weights that must add up to 100.
import type { Role } from '../api/accounts';
import type { Priority, RequestStatus, TransitionAction } from '../api/requests';

const OPEN: RequestStatus[] = ['submitted', 'accepted', 'assigned', 'in_progress', 'reopened'];

/** Priority, rejection, duplicate and reopening, as workflow.cpp allows them. */
export function managementActions(status: RequestStatus, role: Role): TransitionAction[] {
  const worker = role === 'staff' || role === 'guide' || role === 'admin';
  const manager = role === 'staff' || role === 'admin';
  const open = OPEN.includes(status);
  const actions: TransitionAction[] = [];
  if (manager && open) actions.push('set_priority');
  if (manager && open && status !== 'in_progress') actions.push('reject');
  if (worker && open && status !== 'in_progress') actions.push('mark_duplicate');
  if (manager && (status === 'resolved' || status === 'closed')) actions.push('reopen');
  return actions;
}

export const PRIORITIES: Priority[] = ['red', 'yellow', 'blue'];

/** "2026-12-07T09:30" typed in Shanghai time → "2026-12-07T09:30:00+08:00"; null if not a time. */
export function receivedAtIso(localInput: string): string | null {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})$/.exec(localInput.trim());
  if (!match) return null;
  const instant = Date.parse(`${match[1]}T${match[2]}:${match[3]}:00+08:00`);
  if (Number.isNaN(instant)) return null;
  return `${match[1]}T${match[2]}:${match[3]}:00+08:00`;
}

/** Epoch ms of a datetime-local value read in Shanghai, or NaN. */
export function receivedAtMs(localInput: string): number {
  const iso = receivedAtIso(localInput);
  return iso ? Date.parse(iso) : Number.NaN;
}

/** The place a caller names: building, then unit and door, then a free remark. */
export function composeLocation(building: string, unitDoor: string, remark: string): string {
  return [building.trim(), unitDoor.trim(), remark.trim()].filter(Boolean).join(' ');
}

function sameList(a: string[], b: string[]): boolean {
  return a.length === b.length && [...a].sort().join('\u0000') === [...b].sort().join('\u0000');
}

export interface HouseholdForm {
  /** null for a household not yet placed in a building (the server allows it). */
  building_id: number | null;
  address: string;
  housing_type: string;
  income_band: string;
  willingness: string;
  tags: string[];
  needs: string[];
  skills: string[];
}

/** Only the fields the form changed, so a PATCH never writes back what someone else edited. */
export function householdChanges(
  before: HouseholdForm,
  after: HouseholdForm,
): Partial<Omit<HouseholdForm, 'building_id'>> & { building_id?: number } {
  const out: Partial<Omit<HouseholdForm, 'building_id'>> & { building_id?: number } = {};
  // A building can be chosen, not taken away: PATCH takes a building id, never null.
  if (after.building_id !== before.building_id && after.building_id !== null) out.building_id = after.building_id;
  for (const key of ['address', 'housing_type', 'income_band', 'willingness'] as const) {
    const value = after[key].trim();
    if (value !== before[key]) out[key] = value;
  }
  for (const key of ['tags', 'needs', 'skills'] as const) {
    if (!sameList(before[key], after[key])) out[key] = [...after[key]];
  }
  return out;
}

/**
 * A floor area typed in ㎡ ("89.5", "120 ㎡", "89.50平方米") as whole dm² (8950), the unit the
 * registry keeps; null when nothing was typed, NaN when it is not an area of 1-1000 ㎡ with at
 * most two decimals.
 */
export function areaToDm2(typed: string): number | null {
  const text = typed.replace(/[\s,，]|㎡|平方米|平米|m2|m²/gi, '');
  if (!text) return null;
  if (!/^\d+(\.\d{1,2})?$/.test(text)) return Number.NaN;
  const [whole, part = ''] = text.split('.');
  const dm2 = Number(whole) * 100 + Number(part.padEnd(2, '0'));
  return dm2 >= 100 && dm2 <= 100000 ? dm2 : Number.NaN;
}

/** 8950 dm² as "89.5" (no trailing zeros), for the form; "" for none. */
export function dm2ToArea(dm2: number | null | undefined): string {
  if (dm2 === null || dm2 === undefined) return '';
  const whole = Math.floor(dm2 / 100);
  const part = String(dm2 % 100).padStart(2, '0').replace(/0+$/, '');
  return part ? `${whole}.${part}` : String(whole);
}

/** Skills typed as one line: split on Chinese or Latin commas, enumeration marks and spaces. */
export function parseSkills(text: string): string[] {
  const seen = new Set<string>();
  for (const part of text.split(/[,，、;；\s]+/)) {
    const skill = part.trim();
    if (skill) seen.add(skill);
  }
  return [...seen];
}

/** The sum of weights, and whether each is a whole number 0–100 and they add up to 100. */
export function weightsCheck(weights: Record<string, number>): { sum: number; valid: boolean } {
  const values = Object.values(weights);
  const sum = values.reduce((total, value) => total + (Number.isFinite(value) ? value : 0), 0);
  const whole = values.every((value) => Number.isInteger(value) && value >= 0 && value <= 100);
  return { sum, valid: whole && sum === 100 };
}
