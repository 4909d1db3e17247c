// The community assistant (/api/v1/assistant): questions answered from the knowledge base
// (问答), and the category and urgency a request's text suggests.
import { request } from './client';
import type { Priority } from './requests';

export interface AssistantAnswer {
  entry_id: number;
  score: number;
  score_bp: number;
  question: string;
  answer: string;
  source: 'faq' | 'notice' | 'policy' | string;
  source_ref: string;
  updated_at: string;
  matched: string[];
}

export interface AskResult {
  community_id: number;
  question: string;
  answered: boolean;
  /** The best answer, or the server's "我不知道" sentence. */
  message: string;
  answers: AssistantAnswer[];
  threshold_bp: number;
  unanswered_id: number | null;
}

export interface Classification {
  community_id: number;
  /** "" when no keyword matched. */
  category: string;
  category_name: string;
  priority: Priority;
  priority_source: string;
  priority_note: string;
  matched_keywords: string[];
  urgent_keywords: string[];
  confidence: number;
  confidence_bp: number;
}

export const assistantApi = {
  ask: (question: string, communityId: number, signal?: AbortSignal) =>
    request<AskResult>('/assistant/ask', { query: { q: question, community_id: communityId }, signal }),
  classify: (text: string, communityId: number | undefined, signal?: AbortSignal) =>
    request<Classification>('/assistant/classify', {
      body: communityId ? { text, community_id: communityId } : { text },
      signal,
    }),
};
