// Resource allocation (/api/v1/allocation/plans): a community's plans, creating one from the
// pools and the needs demand, one plan's lines, and its fairness read-out (each group's share
// of resources against its share of need). A plan's public life is in transparency.ts.
import { request } from './client';
import type { Answer, Body, Item, With } from './types';
import type { PlanStage } from './transparency';

type PlanAnswer = Answer<'get', '/api/v1/allocation/plans/{id}'>;

/** A plan line; previous_total and change are there when an earlier plan had the category. */
export type AllocationPlanLine = With<PlanAnswer['lines'][number], { demand: number | null }>;

/** carried_in: what an ended quarter's emergency reserve left, carried into the dynamic pool. */
export type AllocationPlan = With<PlanAnswer, { carried_from_plan_id: number | null; lines: AllocationPlanLine[] }>;

export type PlanListItem = With<Item<Answer<'get', '/api/v1/allocation/plans'>>, { stage: PlanStage }>;

type PlanBody = Body<'post', '/api/v1/allocation/plans'>;

/** The figures a category may carry into a plan; the server fills in what is left out. */
export interface PlanCategoryInput {
  category: string;
  policy_weight?: number;
  demand_weight?: number;
  demand?: number;
}

export type PoolPercents = NonNullable<PlanBody['percents']>;

export type PlanInput = With<PlanBody, { categories?: PlanCategoryInput[] }>;

/** POST answers the plan as GET does. */
export type CreatedPlan = AllocationPlan;

export type PlanFairness = Answer<'get', '/api/v1/allocation/plans/{id}/fairness'>;
export type FairnessGroup = PlanFairness['groups'][number];

export const allocationApi = {
  plans: (communityId: number) =>
    request<{ community_id: number; items: PlanListItem[] }>('/allocation/plans', { query: { community_id: communityId } }),
  plan: (id: number) => request<AllocationPlan>(`/allocation/plans/${id}`),
  createPlan: (input: PlanInput, idempotencyKey: string) =>
    request<CreatedPlan>('/allocation/plans', { body: input, idempotencyKey }),
  fairness: (planId: number) => request<PlanFairness>(`/allocation/plans/${planId}/fairness`),
};
