// Pure rules the 社区主理人 pages need (issue 19): a resident's activity times typed as a
// Shanghai day and two clock times, the proposal checked before it is sent, which plans a
// budget may come from, and how much each of a plan's lines has left. The server stays the
// judge (invalid_time, line_overspent…); these only shape what the page offers.
import type { HostingKind } from '../api/participation';
import { yuanToFen } from './plans';

export const HOSTING_KINDS: HostingKind[] = ['activity', 'volunteer', 'skill_sharing'];

/** The server's ceiling for a requested budget: 50,000 元. */
export const MAX_BUDGET_FEN = 5_000_000;

/** At most this long (the server's rule). */
export const MAX_HOURS = 12;

/**
 * A day ("2026-12-12") and two times ("14:00", "16:00") read in Shanghai as ISO 8601 with
 * +08:00; null unless both parse and the end is after the start on that day.
 */
export function hostingTimes(day: string, start: string, end: string): { starts_at: string; ends_at: string } | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || !/^\d{2}:\d{2}$/.test(start) || !/^\d{2}:\d{2}$/.test(end)) return null;
  if (end <= start) return null;
  return { starts_at: `${day}T${start}:00+08:00`, ends_at: `${day}T${end}:00+08:00` };
}

export interface HostingDraft {
  title: string;
  agenda: string;
  day: string;
  start: string;
  end: string;
  capacity: string;
  budget: string;
}

export type DraftProblem = 'title' | 'agenda' | 'time' | 'tooLong' | 'capacity' | 'budget';

/** What is wrong with the form before sending, or its parsed figures. */
export function checkDraft(
  draft: HostingDraft,
): { problem: DraftProblem } | { starts_at: string; ends_at: string; capacity?: number; budget_fen?: number } {
  if (!draft.title.trim()) return { problem: 'title' };
  if (!draft.agenda.trim()) return { problem: 'agenda' };
  const times = hostingTimes(draft.day, draft.start, draft.end);
  if (!times) return { problem: 'time' };
  if (Date.parse(times.ends_at) - Date.parse(times.starts_at) > MAX_HOURS * 3_600_000) return { problem: 'tooLong' };
  const capacityText = draft.capacity.trim();
  let capacity: number | undefined;
  if (capacityText) {
    capacity = Number(capacityText);
    if (!Number.isInteger(capacity) || capacity < 1 || capacity > 100_000) return { problem: 'capacity' };
  }
  const budgetText = draft.budget.trim();
  let budget: number | undefined;
  if (budgetText) {
    const fen = yuanToFen(budgetText);
    if (fen === null || fen > MAX_BUDGET_FEN) return { problem: 'budget' };
    budget = fen > 0 ? fen : undefined;
  }
  return { ...times, ...(capacity ? { capacity } : {}), ...(budget ? { budget_fen: budget } : {}) };
}

/** Plans a budget may come from: executing, counted in fen, newest quarter first. */
export function budgetPlans<P extends { stage: string; unit: string; quarter: string }>(plans: P[]): P[] {
  return plans
    .filter((plan) => plan.stage === 'executing' && plan.unit === 'fen')
    .sort((a, b) => b.quarter.localeCompare(a.quarter));
}

/** A plan a budget may come from, with each line's fen left (null when not known). */
export interface BudgetPlan {
  id: number;
  quarter: string;
  lines: { category: string; total: number; left: number | null }[];
}

/** What the public plan page tells of a line: planned, spent, and other parties' receipts. */
export interface LineFigures {
  progress: { category: string; planned: number; spent: number }[];
  funding?: { lines: { category: string; others_received: number }[] } | null;
}

/**
 * Fen left on each line as the server counts its ceiling: the planned total plus what other
 * parties gave it, less what was spent (transparency/execution.cpp).
 */
export function lineRoom(board: LineFigures): Record<string, number> {
  const received = new Map((board.funding?.lines ?? []).map((line) => [line.category, line.others_received]));
  const room: Record<string, number> = {};
  for (const line of board.progress) {
    room[line.category] = line.planned + (received.get(line.category) ?? 0) - line.spent;
  }
  return room;
}

/** "2026-12-12T14:00:00.000+08:00" → the Shanghai day and clock time, for the form's fields. */
export function shanghaiParts(epochMs: number): { day: string; time: string } {
  const iso = new Date(epochMs + 8 * 3_600_000).toISOString();
  return { day: iso.slice(0, 10), time: iso.slice(11, 16) };
}
