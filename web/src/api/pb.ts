// Participatory budgeting (/api/v1/pb/…): elections with approval ballots (one per household,
// inside the voting window), their projects, results under greedy and equal shares, the
// pabulib export. Turning an outcome into a plan (POST /pb/elections/{id}/plan) is served by
// the transparency module, and kept here beside the rest of the election's calls.
//
// Amounts are whole units of the election's currency scaled by 10^amount_decimals: an
// election created here has amount_decimals 0, so its budget and costs are in 元 (the plan
// made from it converts to fen).
import { ApiError, apiUrl, errorFromResponse, request } from './client';
import type { PlanStatus } from './transparency';
import type { Answer, Body, Item, With } from './types';

export type VotingWindow = 'not_open' | 'open' | 'closed';
export type PbRule = 'greedy' | 'equal-shares' | 'equal-shares-add1';

type ElectionAnswer = Item<Answer<'get', '/api/v1/pb/elections'>>;

/**
 * voting: where the window stands at the server's now; my_ballot_at: when the reader's household
 * voted; limits: the ballot's bounds (null: none).
 */
export type Election = With<
  ElectionAnswer,
  {
    voting: VotingWindow;
    limits: { min_length: number | null; max_length: number | null; max_sum_cost: number | null };
  }
>;

export type ElectionInput = With<Body<'post', '/api/v1/pb/elections'>, { rule?: PbRule }>;

export type Project = With<
  Answer<'post', '/api/v1/pb/elections/{id}/projects', 201>,
  { proposer_user_id: number | null }
>;

type ResultsAnswer = Answer<'get', '/api/v1/pb/elections/{id}/results'>;

/** selected: the server writes true as 1. */
export type ResultProject = With<ResultsAnswer['projects'][number], { selected: boolean | number }>;

export type Results = With<ResultsAnswer, { selected: ResultProject[]; projects: ResultProject[] }>;

export type Ballot = Answer<'post', '/api/v1/pb/elections/{id}/ballots', 201>;

/** What POST …/plan answers: the draft plan's status. */
export type PlanCreated = PlanStatus;

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
