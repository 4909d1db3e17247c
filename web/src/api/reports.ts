// The quarterly report (/api/v1/reports/{period}; server module src/modules/reports): a
// community's or a street's indicators against targets with their trend, warnings, improvement
// tasks, plans and request rates — as JSON for the page, or as a printable HTML page, CSV or
// XLSX file that the browser downloads with the session cookie.
import { apiUrl, request } from './client';
import { scopeQuery, type CockpitScope } from './cockpit';
import type { Indicator } from './indicators';

export type ReportFormat = 'html' | 'csv' | 'xlsx';

export interface Rate {
  value: number | null;
  numerator: number;
  denominator: number;
}

export interface RequestStats {
  received: number;
  response_rate: Rate;
  resolution_rate: Rate;
  satisfaction_rate: Rate;
  median_working_days: number | null;
  resolved: number;
  overdue: number;
}

export interface ReportIndicator extends Indicator {
  trend: { period: string; value: number | null }[];
}

export interface ReportWarning {
  id: number;
  community_id: number;
  kind: string;
  subject: string;
  raised_at: string;
  resolved_at: string | null;
  raised_in_period: boolean;
  suggestion_zh: string;
  suggestion_en: string;
}

export interface ReportImprovement {
  id: number;
  community_id: number;
  indicator: string;
  period: string;
  title: string;
  stage: string;
  due_on: string;
  automatic: boolean;
}

export interface ReportPlan {
  plan_id: number;
  community_id: number;
  quarter: string;
  unit: string;
  stage: string;
  total: number;
  planned: number;
  spent: number;
}

export interface Report {
  period: string;
  from: string;
  to: string;
  scope_name: string;
  generated_at: string;
  community_ids: number[];
  community_id?: number;
  street_id?: string;
  indicators: ReportIndicator[];
  warnings: ReportWarning[];
  improvements: ReportImprovement[];
  plans: ReportPlan[];
  requests: RequestStats & { by_priority: (RequestStats & { priority: string })[] };
}

export const reportsApi = {
  report: (scope: CockpitScope, period: string) =>
    request<Report>(`/reports/${encodeURIComponent(period)}`, { query: scopeQuery(scope) }),
  /** Where the browser fetches the file (HTML opens inline, CSV and XLSX download). */
  fileUrl: (scope: CockpitScope, period: string, format: ReportFormat, lang: 'zh' | 'en') =>
    apiUrl(`/reports/${encodeURIComponent(period)}`, { ...scopeQuery(scope), format, lang }),
};
