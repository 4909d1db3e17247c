// Needs assessment (需求评估, /api/v1/needs): demand per service category, the households
// ranked by need (the silent ones marked), and the building × category heat map.
import { request } from './client';
import type { Answer, Body, Item, With } from './types';

export type CategoryFigures = Record<string, number>;

// Demand is by service category, the community's own list: the document's fixed keys are the
// demo's categories, so these figures stay a record.
export type NeedsDemand = With<
  Answer<'get', '/api/v1/needs/demand'>,
  {
    demand: CategoryFigures;
    households_with_demand: CategoryFigures;
    buildings: { building: string; demand: CategoryFigures }[];
  }
>;

type RankingAnswer = Answer<'get', '/api/v1/needs/ranking'>;

export type RankedHousehold = With<Item<RankingAnswer>, { demand: CategoryFigures }>;

export type NeedsRanking = With<RankingAnswer, { items: RankedHousehold[] }>;

/** cells[building][category]: households with demand (the unit a cell counts). */
export type NeedsHeatmap = Answer<'get', '/api/v1/needs/heatmap'>;

export const NEED_DIMENSIONS = ['population_structure', 'health', 'economy', 'willingness', 'special_needs'] as const;
export type NeedDimension = (typeof NEED_DIMENSIONS)[number];
export type DimensionFigures = Record<NeedDimension, number>;

type HouseholdNeedsAnswer = Answer<'get', '/api/v1/households/{id}/needs'>;

/** A professional's score for one dimension, replacing the computed one. */
export type NeedsOverride = With<
  Answer<'post', '/api/v1/needs/assessments', 201>,
  {
    dimension: NeedDimension;
    assessed_by_user_id: number | null;
    /** Asked of the server (issue 18); absent until then. */
    assessed_by_name?: string | null;
  }
>;

export type HouseholdNeeds = With<
  HouseholdNeedsAnswer,
  {
    weights: DimensionFigures;
    sub_scores: DimensionFigures;
    computed_sub_scores: DimensionFigures;
    overridden: Record<NeedDimension, boolean>;
    overrides: NeedsOverride[];
    demand: CategoryFigures;
  }
>;

export type NewOverride = With<Body<'post', '/api/v1/needs/assessments'>, { dimension: NeedDimension }>;

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
