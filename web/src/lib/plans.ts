// Pure helpers for allocation plans as the transparency board shows them: the seven stages in
// order (and the two final ones off the path, rejected and superseded), what each role may do at each, and the numbers the server sends in integer units (money
// in fen, shares in basis points) turned into what residents read (yuan, percent).
import type { PayeeCategory, PlanAction, PlanStage } from '../api/transparency';

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

/**
 * Each stage with whether the plan has passed it, is in it, or has it ahead. A rejected plan
 * went through every stage up to the street's review and ends there; a superseded one (a
 * returned draft replaced by its revision) ends in draft.
 */
export function stageSteps(current: string): { stage: PlanStage; state: StepState }[] {
  if (current === 'rejected' || current === 'superseded') {
    const last = current === 'rejected' ? stageIndex('street_review') : stageIndex('draft');
    return [
      ...PLAN_STAGES.slice(0, last + 1).map((stage) => ({ stage, state: 'done' as StepState })),
      { stage: current, state: 'current' },
    ];
  }
  const at = stageIndex(current);
  return PLAN_STAGES.map((stage, index) => ({
    stage,
    state: index < at ? 'done' : index === at ? 'current' : 'upcoming',
  }));
}

/**
 * The plain step forward from a stage, taken with a public note. Publishing a draft, the council
 * vote, the assessment and the street's review have their own forms (deskParts).
 */
export const NEXT_ACTION: Partial<Record<PlanStage, PlanAction>> = {
  public_notice: 'open_vote',
  professional_assessment: 'submit_review',
  executing: 'close',
};

/** A part of the plan desk, shown by stage and role. */
export type DeskPart =
  | 'publish'
  | 'transition'
  | 'council_vote'
  | 'assessment'
  | 'street_review'
  | 'await_street'
  | 'emergency_form'
  | 'emergency_list'
  | 'spending'
  | 'evaluation';

/**
 * What the desk offers a role at a stage. Staff (and admins) move the plan and record the
 * council vote, the assessment and the spending; the street (and admins) review it and sign
 * emergency spends off; guides read. The server decides in the end; this only keeps buttons
 * away from those it would refuse.
 */
export function deskParts(stage: PlanStage, role: string, options: { thirdPartyNeeded?: boolean } = {}): DeskPart[] {
  const staff = role === 'staff' || role === 'admin';
  const street = role === 'street' || role === 'admin';
  const parts: DeskPart[] = [];
  switch (stage) {
    case 'draft':
      if (staff) parts.push('publish');
      break;
    // Objections above the community's threshold call a third-party evaluation before the vote.
    case 'public_notice':
      if (staff) parts.push('transition');
      if (staff && options.thirdPartyNeeded) parts.push('evaluation');
      break;
    case 'council_vote':
      if (staff) parts.push('council_vote');
      if (staff && options.thirdPartyNeeded) parts.push('evaluation');
      break;
    case 'professional_assessment':
      if (staff) parts.push('assessment', 'transition');
      break;
    case 'street_review':
      parts.push(street ? 'street_review' : 'await_street');
      break;
    case 'executing':
      if (staff) parts.push('transition', 'emergency_form');
      parts.push('emergency_list');
      if (staff) parts.push('spending', 'evaluation');
      break;
    case 'closed':
      parts.push('emergency_list');
      break;
    default:
      break;
  }
  return parts;
}

/**
 * The stage word a plan is shown with: a returned draft reads 已退回修改 (the `returned`
 * label), not 草案; every other stage its own.
 */
export function displayStage(status: { state: string; returned?: boolean }): string {
  return status.state === 'draft' && status.returned ? 'returned' : status.state;
}

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

/** The payee categories the server takes for spending, in the order the forms offer them. */
export const PAYEES: readonly PayeeCategory[] = [
  'supplier',
  'service_provider',
  'social_organisation',
  'individual',
  'government',
  'resident_group',
  'other',
];
