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
