// Civic life (/api/v1/surveys): surveys residents answer once, and their results by group, with
// small groups suppressed so no one's answers can be picked out.
import { request } from './client';

export type QuestionKind = 'single_choice' | 'multiple_choice' | 'scale' | 'text';

export interface Question {
  id: number;
  kind: QuestionKind;
  prompt: string;
  options: string[];
  required: boolean;
}

export interface Survey {
  id: number;
  community_id: number;
  title: string;
  description: string;
  status: 'draft' | 'open' | 'closed';
  created_at?: string;
  opened_at?: string | null;
  closed_at?: string | null;
  responses: number;
  questions: Question[];
  responded?: boolean;
}

export interface SurveyAnswer {
  question_id: number;
  value: number | number[] | string;
}

export interface QuestionTally {
  question_id: number;
  kind: QuestionKind;
  prompt: string;
  answered: number;
  options?: { index: number; label: string; count: number }[];
  distribution?: Record<string, number>;
  mean?: number | null;
  answers?: string[];
}

export interface SurveyResults {
  survey: Omit<Survey, 'questions'>;
  respondents: number;
  min_group_respondents: number;
  questions: QuestionTally[];
  groups: {
    dimension: string;
    key: string;
    label: string;
    respondents: number | null;
    suppressed: boolean;
    questions: QuestionTally[];
  }[];
  group_differences: { question_id: number; dimension: string; coefficient: number | null }[];
}

export const civicApi = {
  surveys: (communityId: number | undefined) =>
    request<{ items: Survey[] }>('/surveys', { query: { community_id: communityId } }),
  answerSurvey: (id: number, answers: SurveyAnswer[], idempotencyKey: string) =>
    request<unknown>(`/surveys/${id}/responses`, { body: { answers }, idempotencyKey }),
  surveyResults: (id: number) => request<SurveyResults>(`/surveys/${id}/results`),
};

// ---- authoring (staff, guides, admins) ------------------------------------------------------

export interface NewQuestion {
  kind: QuestionKind;
  prompt: string;
  options?: string[];
  required?: boolean;
}

export interface NewSurvey {
  community_id: number;
  title: string;
  description?: string;
  /** Ties the survey to an allocation plan as its satisfaction survey. */
  plan_id?: number;
  questions: NewQuestion[];
}

// ---- tenant representatives (租户代表) --------------------------------------------------------

export interface Representative {
  id: number;
  election_id: number;
  building_id: number;
  building: string;
  resident_id: number;
  name: string;
  seat: number;
  votes: number;
  term_start: string;
  term_end: string;
}

export interface BuildingRepresentatives {
  building_id: number;
  building: string;
  representatives: Representative[];
}

export interface NewElection {
  building_id: number;
  election_date: string;
  term_start: string;
  term_end: string;
  candidates: { resident_id: number; votes: number }[];
  elected: number[];
  note?: string;
}

// ---- resident leaders (居民骨干) and self-organisations --------------------------------------

export interface TrainingModule {
  id: number;
  title: string;
  hours: number;
  completions: number;
}

export interface Leader {
  id: number;
  community_id: number;
  resident_id: number;
  name: string;
  since: string;
  until: string | null;
  area: string;
  modules_completed: number;
  training_hours: number;
}

export interface Organisation {
  id: number;
  community_id: number;
  name: string;
  founded_on: string;
  leaders: { resident_id: number; name: string }[];
  member_count: number;
  status: 'incubating' | 'active' | 'dormant' | 'dissolved' | string;
}

export interface NewOrganisation {
  community_id: number;
  name: string;
  founded_on: string;
  leader_resident_ids: number[];
  member_count: number;
  status: string;
}

export interface LeaderSummary {
  community_id: number;
  from: string;
  to: string;
  leaders_at_start: number;
  leaders_at_end: number;
  joined: number;
  left: number;
  growth_rate: number | null;
  annual_growth_rate: number | null;
  target_annual_growth_rate: number;
  meets_target: boolean | null;
  trained_residents: number;
  training_hours: number;
  organisations_founded: number;
  organisations_active: number;
}

export const civicAdminApi = {
  survey: (id: number) => request<Survey>(`/surveys/${id}`),
  createSurvey: (survey: NewSurvey, idempotencyKey: string) =>
    request<Survey>('/surveys', { body: survey, idempotencyKey }),
  openSurvey: (id: number) => request<Survey>(`/surveys/${id}/open`, { method: 'POST' }),
  closeSurvey: (id: number) => request<Survey>(`/surveys/${id}/close`, { method: 'POST' }),

  representatives: (communityId: number) =>
    request<{ date: string; buildings_with_representatives: number; items: BuildingRepresentatives[] }>(
      '/representatives',
      { query: { community_id: communityId } },
    ),
  recordElection: (election: NewElection, idempotencyKey: string) =>
    request<{ id: number; elected: Representative[] }>('/representatives/elections', { body: election, idempotencyKey }),

  modules: (communityId: number) => request<{ items: TrainingModule[] }>('/leaders/modules', { query: { community_id: communityId } }),
  addModule: (communityId: number, title: string, hours: number) =>
    request<TrainingModule>('/leaders/modules', { body: { community_id: communityId, title, hours } }),
  recordCompletion: (moduleId: number, residentId: number, completedOn: string, idempotencyKey: string) =>
    request<{ id: number }>('/leaders/completions', {
      body: { module_id: moduleId, resident_id: residentId, completed_on: completedOn },
      idempotencyKey,
    }),
  leaders: (communityId: number) => request<{ items: Leader[] }>('/leaders', { query: { community_id: communityId } }),
  addLeader: (residentId: number, since: string, area: string, idempotencyKey: string) =>
    request<Leader>('/leaders', { body: { resident_id: residentId, since, area }, idempotencyKey }),
  endLeader: (id: number, until: string) => request<Leader>(`/leaders/${id}/end`, { body: { until } }),
  summary: (communityId: number, from: string, to: string) =>
    request<LeaderSummary>('/leaders/summary', { query: { community_id: communityId, from, to } }),
  organisations: (communityId: number) =>
    request<{ items: Organisation[] }>('/leaders/organisations', { query: { community_id: communityId } }),
  addOrganisation: (organisation: NewOrganisation, idempotencyKey: string) =>
    request<Organisation>('/leaders/organisations', { body: organisation, idempotencyKey }),
};
