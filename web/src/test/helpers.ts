// Test helpers: an i18n instance per test and a fetch stub answering by path.
import { vi } from 'vitest';
import { makeI18n } from '../i18n';
import { en, zhCN } from '../i18n/messages';
import type { Locale } from '../lib/prefs';

export function i18nFor(locale: Locale = 'zh-CN') {
  return makeI18n(locale, { 'zh-CN': zhCN, en });
}

/** An answer; `network` makes the call fail as a lost connection does (fetch rejects). */
export type Answer = { status?: number; body?: unknown; network?: boolean };

/** Stubs global fetch; `routes` maps "GET /api/v1/path" (query ignored) to an answer. */
export function stubFetch(routes: Record<string, Answer | ((init?: RequestInit) => Answer)>) {
  const calls: { method: string; url: string; init?: RequestInit }[] = [];
  const fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
    const method = init?.method ?? 'GET';
    calls.push({ method, url, init });
    const path = url.split('?')[0];
    const entry = routes[`${method} ${path}`];
    const answer = typeof entry === 'function' ? entry(init) : entry;
    if (answer?.network) throw new TypeError('Failed to fetch');
    if (!answer) return new Response(JSON.stringify({ error: { code: 'not_found', message: 'no route' } }), { status: 404 });
    return new Response(answer.body === undefined ? null : JSON.stringify(answer.body), {
      status: answer.status ?? 200,
      headers: { 'Content-Type': 'application/json' },
    });
  });
  vi.stubGlobal('fetch', fetchMock);
  return { calls, fetchMock };
}
