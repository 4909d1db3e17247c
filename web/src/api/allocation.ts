// Resource allocation (/api/v1/allocation/plans): a community's plans, creating one from the
// pools and the needs demand, one plan's lines, and its fairness read-out (each group's share
// of resources against its share of need). A plan's public life is in transparency.ts.
import { request } from './client';
import type { PlanStage } from './transparency';

export interface AllocationPlanLine {
  category: string;
  total: number;
  previous_total: number | null;
  change: number | null;
}

export interface AllocationPlan {
  id: number;
  community_id: number;
  quarter: string;
  total: number;
  unit: string;
  lines: AllocationPlanLine[];
  /** What an ended quarter's emergency reserve left, carried into this plan's dynamic pool. */
  carried_in?: number;
}

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

export interface FairnessGroup {
  group: string;
  resource_share_bp: number;
  need_share_bp: number;
  population_share_bp: number;
  ratio_to_need_percent: number | null;
  elite_capture: boolean;
  left_behind: boolean;
}

export interface PlanFairness {
  plan_id: number;
  community_id: number;
  quarter: string;
  unit: string;
  groups: FairnessGroup[];
  elite_capture: boolean;
  gini_bp: number;
  group_gini_bp: number;
}

export const allocationApi = {
  plans: (communityId: number) =>
    request<{ community_id: number; items: PlanListItem[] }>('/allocation/plans', { query: { community_id: communityId } }),
  plan: (id: number) => request<AllocationPlan>(`/allocation/plans/${id}`),
  createPlan: (input: PlanInput, idempotencyKey: string) =>
    request<CreatedPlan>('/allocation/plans', { body: input, idempotencyKey }),
  fairness: (planId: number) => request<PlanFairness>(`/allocation/plans/${planId}/fairness`),
};
