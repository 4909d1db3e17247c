// Pure helpers for allocation plans as the transparency board shows them: the seven stages in
// order, what staff may do at each, and the numbers the server sends in integer units (money
// in fen, shares in basis points) turned into what residents read (yuan, percent).
import type { PlanAction, PlanStage } from '../api/transparency';

export const PLAN_STAGES: readonly PlanStage[] = [
  'draft',
  'public_notice',
  'council_vote',
  'professional_assessment',
  'street_review',
  'executing',
  'closed',
];

/** Where a stage sits in the lifecycle (0 for draft), or -1 for a stage this page does not know. */
export function stageIndex(stage: string): number {
  return (PLAN_STAGES as readonly string[]).indexOf(stage);
}

export type StepState = 'done' | 'current' | 'upcoming';

/** Each stage with whether the plan has passed it, is in it, or has it ahead. */
export function stageSteps(current: string): { stage: PlanStage; state: StepState }[] {
  const at = stageIndex(current);
  return PLAN_STAGES.map((stage, index) => ({
    stage,
    state: index < at ? 'done' : index === at ? 'current' : 'upcoming',
  }));
}

/**
 * The one step forward from each stage, as the server's lifecycle allows it. Approval is the
 * street's; the server refuses it to anyone else, and the page says so.
 */
export const NEXT_ACTION: Partial<Record<PlanStage, PlanAction>> = {
  draft: 'publish',
  public_notice: 'open_vote',
  council_vote: 'assess',
  professional_assessment: 'submit_review',
  street_review: 'approve',
  executing: 'close',
};

/** Basis points (10000 = 100%) as a percent with one decimal: 9355 → "93.6%". */
export function bpToPercent(bp: number | null | undefined): string {
  if (bp === null || bp === undefined || !Number.isFinite(bp)) return '—';
  const tenths = Math.round(bp / 10);
  return `${(tenths / 10).toFixed(1)}%`;
}

/** Integer fen as yuan with two decimals and thousands separators: 1250000 → "12,500.00". */
export function fenToYuan(fen: number): string {
  const negative = fen < 0;
  const whole = Math.abs(Math.trunc(fen));
  const yuan = Math.floor(whole / 100);
  const cents = String(whole % 100).padStart(2, '0');
  const grouped = String(yuan).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}${grouped}.${cents}`;
}

/** Yuan typed by a person ("1,200.5") as integer fen, or null when it is not an amount. */
export function yuanToFen(typed: string): number | null {
  const text = typed.replace(/[,，\s¥￥元]/g, '');
  if (!/^\d+(\.\d{1,2})?$/.test(text)) return null;
  const [yuan, cents = ''] = text.split('.');
  return Number(yuan) * 100 + Number(cents.padEnd(2, '0'));
}

/** The score mean the server sends in hundredths (418) as "4.18". */
export function hundredthsToDecimal(hundredths: number): string {
  return (hundredths / 100).toFixed(2);
}

/** Money plans count in fen; any other unit ("place") is counted in whole units. */
export function isMoney(unit: string): boolean {
  return unit === 'fen';
}

/** The five service categories the allocation engine plans; others are named as they come. */
export const SERVICE_CATEGORIES = [
  'elderly_care',
  'childcare',
  'disability_service',
  'low_income_assistance',
  'culture_sports',
] as const;

/** What a plan shares out, by its unit: money (fen) or places of a service (名额). */
export type PlanKind = 'money' | 'places';

export function planKind(unit: string): PlanKind {
  return isMoney(unit) ? 'money' : 'places';
}
