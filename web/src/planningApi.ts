// The planning part of the JSON API (/api/v1) that the staff console's planning pages use: a
// community's allocation plans and the planner's inputs (needs demand, ranking, heat map),
// creating a plan, its fairness read-out, the guides to assign work to, and the household
// CSV import (raw bytes, so it has its own fetch). Kept beside api.ts on the same `request`.
import { apiUrl, ApiError, errorFromResponse, request, type AllocationPlan, type PlanStage } from './api';
import type { NeedsHeatmap, PlanFairness } from './components/cockpit/cockpit';

export interface PlanListItem {
  id: number;
  quarter: string;
  unit: string;
  total: number;
  stage: PlanStage;
  created_at: string;
}

/** The figures a category may carry into a plan; the server fills in what is left out. */
export interface PlanCategoryInput {
  category: string;
  policy_weight?: number;
  demand_weight?: number;
  demand?: number;
}

export interface PoolPercents {
  emergency_percent: number;
  base_percent: number;
  dynamic_percent: number;
}

export interface PlanInput {
  community_id: number;
  quarter: string;
  total: number;
  unit: string;
  categories?: PlanCategoryInput[];
  percents?: PoolPercents;
}

export interface CreatedPlanLine {
  category: string;
  base: number;
  dynamic: number;
  total: number;
  policy_weight: number;
  demand_weight: number;
  demand: number | null;
  previous_total?: number;
  change?: number;
}

export interface CreatedPlan extends Omit<AllocationPlan, 'lines'> {
  pools: { emergency: number; base: number; dynamic: number; surplus: number; reserve: number };
  lines: CreatedPlanLine[];
  lines_total: number;
  previous_plan_id: number | null;
  created_at: string;
}

export type CategoryFigures = Record<string, number>;

export interface NeedsDemand {
  community_id: number;
  households: number;
  demand: CategoryFigures;
  households_with_demand: CategoryFigures;
}

export interface RankedHousehold {
  rank: number;
  household_id: number;
  code: string;
  building: string;
  overall_hundredths: number;
  sub_scores?: Record<string, number>;
  demand: CategoryFigures;
  participation_count: number;
  request_count: number;
  silent: boolean;
}

export interface NeedsRanking {
  community_id: number;
  category: string | null;
  total: number;
  silent_count: number;
  silent_min_overall_hundredths: number;
  items: RankedHousehold[];
}

export interface CommunityUser {
  id: number;
  username: string;
  display_name: string;
  role: 'guide' | 'staff';
  /** Households assigned; guides only. */
  caseload: number | null;
}

export interface ImportRowError {
  line: number;
  column: string;
  code: string;
  message: string;
}

export interface ImportReport {
  written: boolean;
  dry_run?: boolean;
  encoding: string;
  rows: number;
  households_created: number;
  residents_created: number;
  buildings_created: number;
  errors: ImportRowError[];
}

/** An import the server refused as a whole (422 import_failed) still carries its row report. */
export class ImportRefused extends ApiError {
  readonly report: ImportReport;
  constructor(error: ApiError, report: ImportReport) {
    super(error.status, error.code, error.message);
    this.report = report;
  }
}

async function postCsv(communityId: number, file: Blob, dryRun: boolean): Promise<ImportReport> {
  let response: Response;
  try {
    response = await fetch(
      apiUrl('/households/import', { community_id: communityId, dry_run: dryRun ? 'true' : undefined }),
      {
        method: 'POST',
        headers: { Accept: 'application/json', 'Content-Type': 'text/csv' },
        body: file,
        credentials: 'same-origin',
      },
    );
  } catch {
    throw new ApiError(0, 'network', 'the server could not be reached');
  }
  if (response.ok) return (await response.json()) as ImportReport;
  const copy = response.clone();
  const error = await errorFromResponse(response);
  const details = await copy
    .json()
    .then((body: { error?: { details?: ImportReport } }) => body.error?.details)
    .catch(() => undefined);
  throw details && Array.isArray(details.errors) ? new ImportRefused(error, details) : error;
}

export const planningApi = {
  plans: (communityId: number) =>
    request<{ community_id: number; items: PlanListItem[] }>('/allocation/plans', { query: { community_id: communityId } }),
  createPlan: (input: PlanInput, idempotencyKey: string) =>
    request<CreatedPlan>('/allocation/plans', { body: input, idempotencyKey }),
  fairness: (planId: number) => request<PlanFairness>(`/allocation/plans/${planId}/fairness`),
  demand: (communityId: number) => request<NeedsDemand>('/needs/demand', { query: { community_id: communityId } }),
  ranking: (communityId: number, category?: string) =>
    request<NeedsRanking>('/needs/ranking', { query: { community_id: communityId, category, limit: 50 } }),
  heatmap: (communityId: number) => request<NeedsHeatmap>('/needs/heatmap', { query: { community_id: communityId } }),
  users: (communityId: number, role: 'guide' | 'staff') =>
    request<{ community_id: number; items: CommunityUser[] }>('/users', { query: { community_id: communityId, role } }),
  dryRunImport: (communityId: number, file: Blob) => postCsv(communityId, file, true),
  importHouseholds: (communityId: number, file: Blob) => postCsv(communityId, file, false),
};
