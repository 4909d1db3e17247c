// Indicators (/api/v1/indicators): each of the product's measures for a community or a street
// over a period, with its target, whether it is met, and the figures it was computed from.
import { request } from './client';
import type { Answer, With } from './types';
import { scopeQuery, type CockpitScope } from './cockpit';

export type IndicatorStatus = 'met' | 'not_met' | 'no_data';

type IndicatorsAnswer = Answer<'get', '/api/v1/indicators'>;

export type Indicator = With<
  IndicatorsAnswer['indicators'][number],
  { comparison: '>' | '<'; status: IndicatorStatus }
>;

export type IndicatorReport = With<IndicatorsAnswer, { indicators: Indicator[] }>;

export const indicatorsApi = {
  /** `period` is a quarter ("2026Q4") or a year. */
  report: (scope: CockpitScope, period: string) =>
    request<IndicatorReport>('/indicators', { query: { ...scopeQuery(scope), period } }),
  /** The community's targets (its own, else the defaults): shares 0-1, counts, days, fen. */
  targets: (communityId: number) =>
    request<IndicatorTargets>('/indicators/targets', { query: { community_id: communityId } }),
  /** Sets the given targets only. */
  setTargets: (communityId: number, targets: Record<string, number>) =>
    request<IndicatorTargets>('/indicators/targets', { method: 'PUT', query: { community_id: communityId }, body: { targets } }),
};

/** Targets by indicator key: the document's keys are today's indicators, so a record. */
export type IndicatorTargets = With<Answer<'get', '/api/v1/indicators/targets'>, { targets: Record<string, number> }>;
