import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import type { SubmitRequestInput, SubmittedRequest } from '../api/requests';
import {
  enqueue,
  isNetworkFailure,
  memoryStore,
  queuedFor,
  removeQueued,
  sendQueued,
  webStorageStore,
  type QueuedRequest,
} from './offlineQueue';

function item(key: string, userId: number, savedAt: string, description = `desc ${key}`): QueuedRequest {
  return { key, userId, savedAt, input: { category: 'repair', description } as SubmitRequestInput };
}

function answer(code: string): SubmittedRequest {
  return { id: Number(code.replace(/\D/g, '')) || 1, tracking_code: code } as SubmittedRequest;
}

describe('the offline request queue', () => {
  it('keeps requests and drops a second copy with the same key', () => {
    const store = memoryStore();
    enqueue(store, item('k1', 7, '2026-01-01T10:00:00Z'));
    const again = enqueue(store, item('k1', 7, '2026-01-01T10:05:00Z', 'edited'));
    enqueue(store, item('k2', 7, '2026-01-01T10:01:00Z'));
    expect(store.items).toHaveLength(2);
    expect(again.input.description).toBe('desc k1');
  });

  it('lists only the writer’s requests, oldest first', () => {
    const store = memoryStore([
      item('late', 7, '2026-01-01T12:00:00Z'),
      item('other', 8, '2026-01-01T09:00:00Z'),
      item('early', 7, '2026-01-01T08:00:00Z'),
    ]);
    expect(queuedFor(store, 7).map((q) => q.key)).toEqual(['early', 'late']);
    expect(queuedFor(store, 8).map((q) => q.key)).toEqual(['other']);
    removeQueued(store, 8, 'late');
    expect(store.items).toHaveLength(3);
    removeQueued(store, 7, 'late');
    expect(store.items.map((q) => q.key)).toEqual(['other', 'early']);
  });

  it('sends in writing order with each request’s own key, never another user’s', async () => {
    const store = memoryStore([
      item('b', 7, '2026-01-01T11:00:00Z'),
      item('x', 8, '2026-01-01T09:00:00Z'),
      item('a', 7, '2026-01-01T10:00:00Z'),
    ]);
    const calls: string[] = [];
    const outcomes = await sendQueued(store, 7, async (input, key) => {
      calls.push(`${key}:${input.description}`);
      return answer(`GZ-${key}`);
    });
    expect(calls).toEqual(['a:desc a', 'b:desc b']);
    expect(outcomes.map((o) => o.state)).toEqual(['sent', 'sent']);
    expect(outcomes.map((o) => (o.state === 'sent' ? o.result.tracking_code : ''))).toEqual(['GZ-a', 'GZ-b']);
    expect(store.items.map((q) => q.key)).toEqual(['x']);
  });

  it('keeps a request whose send failed for lack of network, and stops the round', async () => {
    const store = memoryStore([item('a', 7, '2026-01-01T10:00:00Z'), item('b', 7, '2026-01-01T11:00:00Z')]);
    let calls = 0;
    const outcomes = await sendQueued(store, 7, async () => {
      calls += 1;
      throw new ApiError(0, 'network', 'the server could not be reached');
    });
    expect(calls).toBe(1);
    expect(outcomes.map((o) => o.state)).toEqual(['kept', 'kept']);
    expect(store.items).toHaveLength(2);
  });

  it('keeps a request the server could not answer (5xx) and goes on with the next', async () => {
    const store = memoryStore([item('a', 7, '2026-01-01T10:00:00Z'), item('b', 7, '2026-01-01T11:00:00Z')]);
    const outcomes = await sendQueued(store, 7, async (_input, key) => {
      if (key === 'a') throw new ApiError(503, 'unavailable', 'busy');
      return answer('GZ-b');
    });
    expect(outcomes.map((o) => o.state)).toEqual(['kept', 'sent']);
    expect(store.items.map((q) => q.key)).toEqual(['a']);
  });

  it('removes a request the server refused (4xx) and hands back the error to show', async () => {
    const store = memoryStore([item('a', 7, '2026-01-01T10:00:00Z')]);
    const refusal = new ApiError(422, 'invalid_category', '类别无效 / invalid category');
    const outcomes = await sendQueued(store, 7, async () => {
      throw refusal;
    });
    expect(outcomes).toEqual([{ state: 'refused', item: expect.objectContaining({ key: 'a' }), error: refusal }]);
    expect(store.items).toEqual([]);
  });

  it('tells a network failure from a refusal', () => {
    expect(isNetworkFailure(new ApiError(0, 'network', ''), true)).toBe(true);
    expect(isNetworkFailure(new TypeError('Failed to fetch'), true)).toBe(true);
    expect(isNetworkFailure(new ApiError(502, 'http_502', ''), false)).toBe(true);
    expect(isNetworkFailure(new ApiError(502, 'http_502', ''), true)).toBe(false);
    expect(isNetworkFailure(new ApiError(422, 'invalid', ''), true)).toBe(false);
  });

  it('survives in Web Storage and ignores what it cannot read', () => {
    localStorage.clear();
    const store = webStorageStore(localStorage, 'test.queue');
    enqueue(store, item('a', 7, '2026-01-01T10:00:00Z'));
    expect(webStorageStore(localStorage, 'test.queue').read().map((q) => q.key)).toEqual(['a']);
    localStorage.setItem('test.queue', '{broken');
    expect(store.read()).toEqual([]);
    localStorage.setItem('test.queue', JSON.stringify([{ key: 1 }, item('b', 7, '2026-01-01T10:00:00Z')]));
    expect(store.read().map((q) => q.key)).toEqual(['b']);
    removeQueued(store, 7, 'b');
    expect(localStorage.getItem('test.queue')).toBeNull();
  });
});
