// The community assistant (/api/v1/assistant): questions answered from the knowledge base
// (问答), and the category and urgency a request's text suggests.
import { request } from './client';
import type { Priority } from './requests';
import type { Answer, Body, Item, With } from './types';

type AskAnswer = Answer<'get', '/api/v1/assistant/ask'>;

/** source: faq, notice, policy (or another a newer server knows). */
export type AssistantAnswer = AskAnswer['answers'][number];

/** message: the best answer, or the server's "我不知道" sentence. */
export type AskResult = AskAnswer;

/** category: "" when no keyword matched. */
export type Classification = With<Answer<'post', '/api/v1/assistant/classify'>, { priority: Priority }>;

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

export type KnowledgeEntry = Item<Answer<'get', '/api/v1/assistant/entries'>>;

export type EntryInput = Omit<Body<'patch', '/api/v1/assistant/entries/{id}'>, 'community_id'>;

export type UnansweredQuestion = Item<Answer<'get', '/api/v1/assistant/unanswered'>>;

/** community_id 0: one of the defaults every community has. */
export type KeywordRule = Item<Answer<'get', '/api/v1/assistant/category-keywords'>>;

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
