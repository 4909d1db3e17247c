// Pure rules of the multi-party funding platform (issue 19) as the pages need them: a plan
// line's state (已足额 or the shortfall), the non-government parties' shares a pledge may still
// fill, the pledges a receipt may still land on, and the cockpit's resources multiplier. The
// server stays the judge (409 pledge_exceeds_share, receipt_exceeds_pledge …); these only shape
// what the forms offer.
import type { FundingLine, FundingParty, FundingShare, PartyKind, Pledge, PlanFunding } from '../api/transparency';

export const PARTY_KINDS: readonly PartyKind[] = ['government', 'market', 'foundation', 'residents'];

/** The co-funding rule of a line's need type, in its shares' order: "70:30", "3:3:4", "8:2". */
export function ruleText(line: Pick<FundingLine, 'shares'>): string {
  return line.shares.map((share) => share.ratio).join(':');
}

/** The parties other than the government, whose shares the line waits for. */
export function otherShares(line: Pick<FundingLine, 'shares'>): FundingShare[] {
  return line.shares.filter((share) => share.party_kind !== 'government');
}

/** Received against expected for the parties other than the government, in basis points (0–10000). */
export function receivedBp(line: Pick<FundingLine, 'others_expected' | 'others_received'>): number {
  if (line.others_expected <= 0) return 10000;
  return Math.min(10000, Math.round((line.others_received * 10000) / line.others_expected));
}

export type LineState = { funded: true } | { funded: false; shortfall: number };

/** 已足额 when the server says so, else the shortfall it names. */
export function lineState(line: Pick<FundingLine, 'funded' | 'shortfall'>): LineState {
  return line.funded ? { funded: true } : { funded: false, shortfall: Math.max(0, line.shortfall) };
}

/** What the line's share of a party kind still has to be pledged (0 when full or no share). */
export function shareLeft(line: Pick<FundingLine, 'shares'>, kind: PartyKind): number {
  if (kind === 'government') return 0;
  const share = line.shares.find((s) => s.party_kind === kind);
  return share ? Math.max(0, share.expected - share.pledged) : 0;
}

/** The lines a party may pledge to: those whose rule has a share for its kind with some left. */
export function pledgeableLines(funding: PlanFunding | null | undefined, party: Pick<FundingParty, 'kind'> | null): FundingLine[] {
  if (!funding || !party) return [];
  return funding.lines.filter((line) => shareLeft(line, party.kind) > 0);
}

/** The pledges of a plan with money still to come, and how much. */
export function openPledges(funding: PlanFunding | null | undefined): (Pledge & { outstanding: number })[] {
  if (!funding) return [];
  return funding.lines
    .flatMap((line) => line.pledges)
    .map((pledge) => ({ ...pledge, outstanding: pledge.amount - pledge.received }))
    .filter((pledge) => pledge.outstanding > 0);
}

/** The cockpit's multiplier in basis points as a decimal: 14200 → "1.42". */
export function multiplierText(bp: number | null | undefined): string {
  if (bp === null || bp === undefined || !Number.isFinite(bp) || bp <= 0) return '—';
  return (bp / 10000).toFixed(2);
}

/** Parties of a kind first government, then enterprises, foundations, residents; by name within. */
export function sortParties<P extends Pick<FundingParty, 'kind' | 'name'>>(parties: P[]): P[] {
  return [...parties].sort(
    (a, b) => PARTY_KINDS.indexOf(a.kind) - PARTY_KINDS.indexOf(b.kind) || a.name.localeCompare(b.name, 'zh-CN'),
  );
}
