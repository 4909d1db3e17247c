// Needs assessment (需求评估, /api/v1/needs): demand per service category, the households
// ranked by need (the silent ones marked), and the building × category heat map.
import { request } from './client';

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

export interface NeedsHeatmap {
  community_id: number;
  /** What a cell counts: households. */
  unit?: string;
  categories: string[];
  buildings: string[];
  /** cells[building][category]: households with demand. */
  cells: number[][];
}

export const NEED_DIMENSIONS = ['population_structure', 'health', 'economy', 'willingness', 'special_needs'] as const;
export type NeedDimension = (typeof NEED_DIMENSIONS)[number];
export type DimensionFigures = Record<NeedDimension, number>;

/** A professional's score for one dimension, replacing the computed one. */
export interface NeedsOverride {
  id: number;
  household_id: number;
  dimension: NeedDimension;
  score: number;
  reason: string;
  assessed_by_user_id: number | null;
  /** Asked of the server (issue 18); absent until then. */
  assessed_by_name?: string | null;
  assessed_at: string;
}

export interface HouseholdNeeds {
  household_id: number;
  community_id: number;
  code: string;
  building: string;
  weights: DimensionFigures;
  sub_scores: DimensionFigures;
  computed_sub_scores: DimensionFigures;
  overridden: Record<NeedDimension, boolean>;
  overall_hundredths: number;
  overrides: NeedsOverride[];
  demand: CategoryFigures;
}

export interface NewOverride {
  household_id: number;
  dimension: NeedDimension;
  score: number;
  reason: string;
}

export const needsApi = {
  household: (householdId: number) => request<HouseholdNeeds>(`/households/${householdId}/needs`),
  assess: (input: NewOverride) => request<NeedsOverride>('/needs/assessments', { body: input }),
  weights: (communityId: number) =>
    request<{ community_id: number; weights: DimensionFigures }>('/needs/weights', { query: { community_id: communityId } }),
  setWeights: (communityId: number, weights: DimensionFigures) =>
    request<{ community_id: number; weights: DimensionFigures }>('/needs/weights', {
      method: 'PUT',
      body: { community_id: communityId, ...weights },
    }),
  demand: (communityId: number) => request<NeedsDemand>('/needs/demand', { query: { community_id: communityId } }),
  ranking: (communityId: number, category?: string) =>
    request<NeedsRanking>('/needs/ranking', { query: { community_id: communityId, category, limit: 50 } }),
  /** Every silent needy household, each with its rank in the whole ranking. */
  silent: (communityId: number, category?: string) =>
    request<NeedsRanking>('/needs/ranking', { query: { community_id: communityId, category, silent: 'true' } }),
  heatmap: (communityId: number) => request<NeedsHeatmap>('/needs/heatmap', { query: { community_id: communityId } }),
};
