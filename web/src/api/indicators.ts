// Indicators (/api/v1/indicators): each of the product's measures for a community or a street
// over a period, with its target, whether it is met, and the figures it was computed from.
import { request } from './client';
import { scopeQuery, type CockpitScope } from './cockpit';

export type IndicatorStatus = 'met' | 'not_met' | 'no_data';

export interface Indicator {
  key: string;
  value: number | null;
  target: number;
  comparison: '>' | '<';
  status: IndicatorStatus;
  formula: string;
  numerator: number | null;
  denominator: number | null;
}

export interface IndicatorReport {
  period: string;
  community_ids: number[];
  indicators: Indicator[];
}

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

export interface IndicatorTargets {
  community_id: number;
  targets: Record<string, number>;
}
