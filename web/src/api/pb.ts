// Participatory budgeting (/api/v1/pb/…): elections with approval ballots (one per household,
// inside the voting window), their projects, results under greedy and equal shares, the
// pabulib export. Turning an outcome into a plan (POST /pb/elections/{id}/plan) is served by
// the transparency module, and kept here beside the rest of the election's calls.
//
// Amounts are whole units of the election's currency scaled by 10^amount_decimals: an
// election created here has amount_decimals 0, so its budget and costs are in 元 (the plan
// made from it converts to fen).
import { ApiError, apiUrl, errorFromResponse, request } from './client';

export type VotingWindow = 'not_open' | 'open' | 'closed';
export type PbRule = 'greedy' | 'equal-shares' | 'equal-shares-add1';

export interface Election {
  id: number;
  community_id: number;
  name: string;
  budget: number;
  amount_decimals: number;
  vote_type: string;
  rule: string;
  voting_opens_at: string | null;
  voting_closes_at: string | null;
  /** Where the window stands at the server's now. */
  voting: VotingWindow;
  projects: number;
  ballots: number;
  created_by_user_id: number;
  created_at: string;
}

export interface ElectionInput {
  community_id: number;
  name: string;
  budget: number;
  rule?: PbRule;
  voting_opens_at: string;
  voting_closes_at: string;
  min_length?: number;
  max_length?: number;
  max_sum_cost?: number;
}

export interface Project {
  id: number;
  election_id: number;
  project_key: string;
  name: string;
  cost: number;
  description: string | null;
  proposer_user_id: number | null;
}

export interface ResultProject {
  id: number;
  project_key: string;
  name: string;
  cost: number;
  votes: number;
  /** The server writes true as 1. */
  selected: boolean | number;
}

export interface Results {
  election_id: number;
  rule: string;
  budget: number;
  amount_decimals: number;
  cost: number;
  ballots: number;
  selected: ResultProject[];
  selection_order: number[];
  projects: ResultProject[];
}

export interface Ballot {
  id: number;
  election_id: number;
  household_id: number;
  projects: number[];
  created_at: string;
}

/** What POST …/plan answers: the draft plan's status. */
export interface PlanCreated {
  plan_id: number;
  community_id: number;
  quarter: string;
  unit: string;
  total: number;
  state: string;
}

async function electionIfVisible(id: number): Promise<Election | null> {
  try {
    return await request<Election>(`/pb/elections/${id}`);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

/**
 * The community's elections, newest first. The server has no list yet (GET /pb/elections
 * answers 405): until it does, this reads elections by id from 1 and stops after a run of
 * ids it cannot see. Once `GET /api/v1/pb/elections?community_id=` exists, it is used.
 */
async function elections(communityId: number | undefined): Promise<Election[]> {
  try {
    const answer = await request<{ items: Election[] }>('/pb/elections', { query: { community_id: communityId } });
    return answer.items;
  } catch (error) {
    if (!(error instanceof ApiError) || (error.status !== 405 && error.status !== 404)) throw error;
  }
  const found: Election[] = [];
  let misses = 0;
  for (let id = 1; id <= 500 && misses < 5; id++) {
    const election = await electionIfVisible(id);
    if (!election) {
      misses++;
      continue;
    }
    misses = 0;
    if (communityId === undefined || election.community_id === communityId) found.push(election);
  }
  return found.reverse();
}

/** The election as a pabulib .pb file (text): its META holds the ballot rules. */
async function exportText(id: number): Promise<string> {
  let response: Response;
  try {
    response = await fetch(apiUrl(`/pb/elections/${id}/export`), { credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'network', 'the server could not be reached');
  }
  if (!response.ok) throw await errorFromResponse(response);
  return response.text();
}

export const pbApi = {
  elections,
  election: (id: number) => request<Election>(`/pb/elections/${id}`),
  createElection: (input: ElectionInput, idempotencyKey: string) =>
    request<Election>('/pb/elections', { body: input, idempotencyKey }),
  addProject: (
    electionId: number,
    input: { name: string; cost: number; description?: string },
    idempotencyKey: string,
  ) => request<Project>(`/pb/elections/${electionId}/projects`, { body: input, idempotencyKey }),
  vote: (electionId: number, projects: number[], idempotencyKey: string) =>
    request<Ballot>(`/pb/elections/${electionId}/ballots`, { body: { projects }, idempotencyKey }),
  results: (electionId: number, rule?: string) =>
    request<Results>(`/pb/elections/${electionId}/results`, { query: { rule } }),
  exportText,
  createPlan: (electionId: number, rule: string, idempotencyKey: string) =>
    request<PlanCreated>(`/pb/elections/${electionId}/plan`, { body: { rule }, idempotencyKey }),
};
