// Civic life (/api/v1/surveys): surveys residents answer once, and their results by group, with
// small groups suppressed so no one's answers can be picked out.
import { request } from './client';
import type { Answer, Body, Item, With } from './types';

export type QuestionKind = 'single_choice' | 'multiple_choice' | 'scale' | 'text';

type SurveyItem = Item<Answer<'get', '/api/v1/surveys'>>;
type ResultsAnswer = Answer<'get', '/api/v1/surveys/{id}/results'>;

export type Question = With<SurveyItem['questions'][number], { kind: QuestionKind }>;

export type SurveyStatus = 'draft' | 'open' | 'closed';

/** plan_id: the allocation plan whose satisfaction survey it is; responded: the reader's own. */
export type Survey = With<SurveyItem, { status: SurveyStatus; questions: Question[] }>;

export type SurveyAnswer = NonNullable<Body<'post', '/api/v1/surveys/{id}/responses'>['answers']>[number];

/** A question's tally; `answers` (text questions) only in the overall results, not per group. */
export type QuestionTally = With<ResultsAnswer['questions'][number], { kind: QuestionKind }>;

export type SurveyResults = With<
  ResultsAnswer,
  {
    survey: With<
      ResultsAnswer['survey'],
      { status: SurveyStatus; opened_at: string | null; plan_id: number | null }
    >;
    questions: QuestionTally[];
    groups: With<ResultsAnswer['groups'][number], { questions: QuestionTally[] }>[];
  }
>;

export const civicApi = {
  surveys: (communityId: number | undefined) =>
    request<{ items: Survey[] }>('/surveys', { query: { community_id: communityId } }),
  answerSurvey: (id: number, answers: SurveyAnswer[], idempotencyKey: string) =>
    request<unknown>(`/surveys/${id}/responses`, { body: { answers }, idempotencyKey }),
  surveyResults: (id: number) => request<SurveyResults>(`/surveys/${id}/results`),
};

// ---- authoring (staff, guides, admins) ------------------------------------------------------

type SurveyBody = Body<'post', '/api/v1/surveys'>;

export type NewQuestion = With<NonNullable<SurveyBody['questions']>[number], { kind: QuestionKind }>;

/** plan_id ties the survey to an allocation plan as its satisfaction survey. */
export type NewSurvey = With<SurveyBody, { questions: NewQuestion[] }>;

// ---- tenant representatives (租户代表) --------------------------------------------------------

type RepresentativesAnswer = Answer<'get', '/api/v1/representatives'>;

export type BuildingRepresentatives = Item<RepresentativesAnswer>;

export type Representative = BuildingRepresentatives['representatives'][number];

export type NewElection = With<
  Body<'post', '/api/v1/representatives/elections'>,
  { candidates: { resident_id: number; votes: number }[]; elected: number[] }
>;

// ---- resident leaders (居民骨干) and self-organisations --------------------------------------

/** A training module as GET /leaders/modules lists it (the API tests only saw an empty list). */
export interface TrainingModule {
  id: number;
  title: string;
  hours: number;
  completions: number;
}

/** What POST /leaders/modules answers: the module without its completions. */
export type CreatedModule = Answer<'post', '/api/v1/leaders/modules', 201>;

export type Leader = Item<Answer<'get', '/api/v1/leaders'>>;

/** status: incubating, active, dormant, dissolved (or another a newer server knows). */
export type Organisation = Item<Answer<'get', '/api/v1/leaders/organisations'>>;

export type NewOrganisation = Body<'post', '/api/v1/leaders/organisations'>;

export type LeaderSummary = Answer<'get', '/api/v1/leaders/summary'>;

export const civicAdminApi = {
  survey: (id: number) => request<Survey>(`/surveys/${id}`),
  createSurvey: (survey: NewSurvey, idempotencyKey: string) =>
    request<Survey>('/surveys', { body: survey, idempotencyKey }),
  openSurvey: (id: number) => request<Survey>(`/surveys/${id}/open`, { method: 'POST' }),
  closeSurvey: (id: number) => request<Survey>(`/surveys/${id}/close`, { method: 'POST' }),

  representatives: (communityId: number) =>
    request<RepresentativesAnswer>('/representatives', { query: { community_id: communityId } }),
  recordElection: (election: NewElection, idempotencyKey: string) =>
    request<Answer<'post', '/api/v1/representatives/elections', 201>>('/representatives/elections', { body: election, idempotencyKey }),

  modules: (communityId: number) => request<{ items: TrainingModule[] }>('/leaders/modules', { query: { community_id: communityId } }),
  addModule: (communityId: number, title: string, hours: number) =>
    request<CreatedModule>('/leaders/modules', { body: { community_id: communityId, title, hours } }),
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
