// The quarterly report (/api/v1/reports/{period}; server module src/modules/reports): a
// community's or a street's indicators against targets with their trend, warnings, improvement
// tasks, plans and request rates — as JSON for the page, or as a printable HTML page, CSV or
// XLSX file that the browser downloads with the session cookie.
import { apiUrl, request } from './client';
import type { Answer, With } from './types';
import { scopeQuery, type CockpitScope } from './cockpit';
import type { Indicator } from './indicators';

export type ReportFormat = 'html' | 'csv' | 'xlsx';

type ReportAnswer = Answer<'get', '/api/v1/reports/{period}'>;

export type RequestStats = Omit<ReportAnswer['requests'], 'by_priority'>;
export type Rate = RequestStats['response_rate'];

export type ReportIndicator = Indicator & Pick<ReportAnswer['indicators'][number], 'trend'>;

export type ReportWarning = With<ReportAnswer['warnings'][number], { resolved_at: string | null }>;

export type ReportImprovement = ReportAnswer['improvements'][number];

export type ReportPlan = ReportAnswer['plans'][number];

export type Report = With<ReportAnswer, { indicators: ReportIndicator[]; warnings: ReportWarning[] }>;

export const reportsApi = {
  report: (scope: CockpitScope, period: string) =>
    request<Report>(`/reports/${encodeURIComponent(period)}`, { query: scopeQuery(scope) }),
  /** Where the browser fetches the file (HTML opens inline, CSV and XLSX download). */
  fileUrl: (scope: CockpitScope, period: string, format: ReportFormat, lang: 'zh' | 'en') =>
    apiUrl(`/reports/${encodeURIComponent(period)}`, { ...scopeQuery(scope), format, lang }),
};
