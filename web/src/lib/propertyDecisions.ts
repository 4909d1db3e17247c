// Pure rules of the property trust fund's own decisions (issue 19), as the pages need them: the
// committee's approval share and the minimum share of scoring households typed as percents,
// the votes an expense needs of a committee, and whether a quarter's score moved its fee.
import type { QuarterFee } from '../api/property';
import { percentToBp } from './propertyStaff';

export type QuorumProblem = 'not_percent' | 'not_majority';

/** 表决通过比例 typed as a percent: more than 50 and at most 100 (5001–10000 bp). */
export function quorumFromPercent(typed: string): { bp: number } | { problem: QuorumProblem } {
  const bp = percentToBp(typed);
  if (bp === null || String(typed).trim() === '') return { problem: 'not_percent' };
  if (bp <= 5000) return { problem: 'not_majority' };
  return { bp };
}

/** 评分最低参与比例 typed as a percent: 0–100 (0–10000 bp); null when it is not one. */
export function minResponseFromPercent(typed: string): number | null {
  if (String(typed).trim() === '') return null;
  return percentToBp(typed);
}

/** Basis points as a percent for a field: 5001 → "50.01", 3000 → "30". */
export function bpToPercentInput(bp: number | null | undefined): string {
  if (bp === null || bp === undefined) return '';
  return (bp / 100).toFixed(2).replace(/\.?0+$/, '');
}

/** Approvals an expense needs: the share of the committee, rounded up (the server's rule). */
export function approvalsNeeded(committeeSize: number, quorumBp: number): number {
  return Math.max(1, Math.ceil((committeeSize * quorumBp) / 10000));
}

/** Whether the score moved the quarter's fee, or too few households scored (the server says). */
export function scoreMovedFee(fee: Pick<QuarterFee, 'responses_sufficient' | 'evaluations'>): 'moved' | 'too_few' | 'no_scores' {
  if (fee.evaluations === 0) return 'no_scores';
  if (fee.responses_sufficient === false) return 'too_few';
  return 'moved';
}
