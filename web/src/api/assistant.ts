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

// ---- upkeep (guides draft; staff and admins edit, publish and delete) ---------------------

export interface KnowledgeEntry {
  id: number;
  community_id: number;
  question: string;
  answer: string;
  keywords: string;
  source: 'faq' | 'notice' | 'policy' | string;
  source_ref: string;
  published: boolean;
  created_at: string;
  updated_at: string;
}

export interface EntryInput {
  question?: string;
  answer?: string;
  keywords?: string;
  source?: string;
  source_ref?: string;
  published?: boolean;
}

export interface UnansweredQuestion {
  id: number;
  community_id: number;
  question: string;
  times_asked: number;
  best_score_bp: number;
  first_asked_at: string;
  last_asked_at: string;
  resolved_at: string | null;
  resolved_entry_id: number | null;
}

export interface KeywordRule {
  id: number;
  /** 0: one of the defaults every community has. */
  community_id: number;
  category: string;
  keyword: string;
  weight: number;
}

export const assistantAdminApi = {
  entries: (communityId: number, offset = 0, limit = 100) =>
    request<{ total: number; items: KnowledgeEntry[] }>('/assistant/entries', {
      query: { community_id: communityId, drafts: 'true', limit, offset },
    }),
  createEntry: (communityId: number, entry: EntryInput, idempotencyKey: string) =>
    request<KnowledgeEntry>('/assistant/entries', { body: { community_id: communityId, ...entry }, idempotencyKey }),
  updateEntry: (id: number, changes: EntryInput) =>
    request<KnowledgeEntry>(`/assistant/entries/${id}`, { method: 'PATCH', body: changes }),
  deleteEntry: (id: number) => request<{ deleted: boolean }>(`/assistant/entries/${id}`, { method: 'DELETE' }),
  unanswered: (communityId: number, resolved = false) =>
    request<{ items: UnansweredQuestion[] }>('/assistant/unanswered', {
      query: { community_id: communityId, resolved: resolved ? 'true' : undefined },
    }),
  resolve: (id: number, entryId?: number) =>
    request<UnansweredQuestion>(`/assistant/unanswered/${id}/resolve`, {
      method: 'POST',
      body: entryId ? { entry_id: entryId } : {},
    }),
  synonyms: (communityId: number) =>
    request<{ defaults: string[][]; community: { id: number; terms: string[] }[] }>('/assistant/synonyms', {
      query: { community_id: communityId },
    }),
  addSynonyms: (communityId: number, terms: string[]) =>
    request<{ id: number; terms: string[] }>('/assistant/synonyms', { body: { community_id: communityId, terms } }),
  keywords: (communityId: number) =>
    request<{ items: KeywordRule[] }>('/assistant/category-keywords', { query: { community_id: communityId } }),
  addKeyword: (communityId: number, category: string, keyword: string, weight: number) =>
    request<KeywordRule>('/assistant/category-keywords', { body: { community_id: communityId, category, keyword, weight } }),
};
