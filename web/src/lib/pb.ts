// Participatory budgeting, the arithmetic of the pages: the ballot rules of an election (read
// from its pabulib META), whether a resident's choice keeps them, and what each group of
// voters gets under a rule. A "group" is the households that approved one project (read from
// the anonymous ballots of the export): under a rule, a member gets the cost of the funded
// projects they approved, and the group's figure is the average over its members. This is
// how proportionality is judged — a group of 20% of the voters should get about 20% of the
// budget under equal shares, while greedy may give a minority nothing.

export interface PbProjectLine {
  key: string;
  cost: number;
  name: string;
}

export interface PbFile {
  meta: Record<string, string>;
  projects: PbProjectLine[];
  /** Each ballot as the project keys it approves. */
  ballots: string[][];
}

/** Reads a pabulib file's META, PROJECTS (project_id, cost, name) and VOTES (vote column). */
export function parsePb(text: string): PbFile {
  const out: PbFile = { meta: {}, projects: [], ballots: [] };
  let section = '';
  let header: string[] | null = null;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line) continue;
    if (line === 'META' || line === 'PROJECTS' || line === 'VOTES') {
      section = line;
      header = null;
      continue;
    }
    const cells = line.split(';');
    if (!header) {
      header = cells;
      continue;
    }
    const cell = (name: string) => cells[header!.indexOf(name)] ?? '';
    if (section === 'META') out.meta[cells[0]] = cells.slice(1).join(';');
    else if (section === 'PROJECTS') {
      out.projects.push({ key: cell('project_id'), cost: Number(cell('cost')), name: cell('name') });
    } else if (section === 'VOTES') {
      const vote = cell('vote');
      out.ballots.push(vote ? vote.split(',') : []);
    }
  }
  return out;
}

export interface BallotLimits {
  minLength?: number;
  maxLength?: number;
  maxSumCost?: number;
}

export function ballotLimits(meta: Record<string, string>): BallotLimits {
  const number = (key: string) => {
    const value = Number(meta[key]);
    return meta[key] !== undefined && Number.isFinite(value) ? value : undefined;
  };
  return { minLength: number('min_length'), maxLength: number('max_length'), maxSumCost: number('max_sum_cost') };
}

export type ChoiceProblem = 'empty' | 'too_few' | 'too_many' | 'over_budget';

/** Why the chosen projects (their costs) cannot be sent yet, or null when they can. */
export function choiceProblem(costs: number[], limits: BallotLimits): ChoiceProblem | null {
  if (costs.length === 0) return 'empty';
  if (limits.minLength !== undefined && costs.length < limits.minLength) return 'too_few';
  if (limits.maxLength !== undefined && costs.length > limits.maxLength) return 'too_many';
  const total = costs.reduce((sum, cost) => sum + cost, 0);
  if (limits.maxSumCost !== undefined && total > limits.maxSumCost) return 'over_budget';
  return null;
}

/** An amount of the election (scaled by 10^decimals) in 元. */
export function toYuan(amount: number, decimals: number): number {
  return amount / 10 ** decimals;
}

/** The equal-shares rule shown beside greedy: the election's own when it is one, else plain. */
export function equalSharesRule(electionRule: string): string {
  return electionRule.startsWith('equal-shares') ? electionRule : 'equal-shares';
}

export interface GroupShare {
  /** Average cost of the funded projects a member approved. */
  average: number;
  /** That average as a share of the budget, 0..1. */
  ofBudget: number;
  /** Whether the project that defines the group is funded. */
  ownFunded: boolean;
}

export interface VoterGroup {
  /** The project key the group approved; '' for all voters. */
  key: string;
  name: string;
  voters: number;
  /** Share of all ballots, 0..1. */
  ofVoters: number;
  /** One per rule, in the order given. */
  shares: GroupShare[];
}

/**
 * What each group of voters gets under each rule: all voters first, then the supporters of
 * each project, largest group first. `funded` holds the funded project keys of each rule.
 */
export function voterGroups(file: PbFile, funded: Set<string>[], budget: number): VoterGroup[] {
  const cost = new Map(file.projects.map((p) => [p.key, p.cost]));
  // What each ballot gets under each rule.
  const gets = file.ballots.map((ballot) =>
    funded.map((set) => ballot.reduce((sum, key) => sum + (set.has(key) ? (cost.get(key) ?? 0) : 0), 0)),
  );
  const total = file.ballots.length;
  const group = (key: string, name: string, members: number[]): VoterGroup => ({
    key,
    name,
    voters: members.length,
    ofVoters: total ? members.length / total : 0,
    shares: funded.map((set, rule) => {
      const average = members.length ? members.reduce((sum, i) => sum + gets[i][rule], 0) / members.length : 0;
      return { average, ofBudget: budget ? average / budget : 0, ownFunded: key === '' || set.has(key) };
    }),
  });
  const everyone = file.ballots.map((_, i) => i);
  const groups = file.projects.map((project) =>
    group(
      project.key,
      project.name,
      everyone.filter((i) => file.ballots[i].includes(project.key)),
    ),
  );
  groups.sort((a, b) => b.voters - a.voters);
  return [group('', '', everyone), ...groups];
}

// The server does not yet say whether the household has voted (no `voted` on the election):
// the page keeps the receipt it was given (or the 409 already_voted it met) on this device,
// per user and election, so a resident coming back sees that they voted.
const RECEIPT_PREFIX = 'gongzhi.pb.voted.';

export function voteReceipt(userId: number, electionId: number): string | null {
  try {
    return localStorage.getItem(`${RECEIPT_PREFIX}${userId}.${electionId}`);
  } catch {
    return null;
  }
}

/** Records that the household voted; `at` is the ballot's time, '' when only known to exist. */
export function keepVoteReceipt(userId: number, electionId: number, at: string): void {
  try {
    localStorage.setItem(`${RECEIPT_PREFIX}${userId}.${electionId}`, at);
  } catch {
    // Private windows refuse: the page then learns it again from the server's 409.
  }
}
