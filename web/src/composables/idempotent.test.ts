import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/client';
import { pointsApi } from '../api/points';
import { stubFetch } from '../test/helpers';
import { useIdempotentAction } from './idempotent';

/** A write that answers as told, one outcome per call, and remembers the keys it was given. */
function fakeWrite(...outcomes: ('ok' | ApiError)[]) {
  const keys: string[] = [];
  const call = vi.fn(async (planId: number, text: string, key: string) => {
    keys.push(key);
    const outcome = outcomes[keys.length - 1] ?? 'ok';
    if (outcome !== 'ok') throw outcome;
    return { planId, text };
  });
  return { call, keys };
}

const network = () => new ApiError(0, 'network', 'the server could not be reached');

describe('useIdempotentAction', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('sends a retry after a failed attempt with the same key', async () => {
    const { call, keys } = fakeWrite(network(), network());
    const postObjection = useIdempotentAction(call);
    await expect(postObjection(3, '助老份额偏少')).rejects.toMatchObject({ code: 'network' });
    await expect(postObjection(3, '助老份额偏少')).rejects.toMatchObject({ code: 'network' });
    expect(await postObjection(3, '助老份额偏少')).toEqual({ planId: 3, text: '助老份额偏少' });
    expect(keys).toHaveLength(3);
    expect(keys[0]).toMatch(/^[0-9a-f]{32}$/);
    expect(new Set(keys).size).toBe(1);
  });

  it('gives a new action a new key once the last one succeeded', async () => {
    const { call, keys } = fakeWrite();
    const postObjection = useIdempotentAction(call);
    await postObjection(3, '助老份额偏少');
    await postObjection(3, '助老份额偏少');
    expect(keys[1]).not.toBe(keys[0]);
  });

  it('gives changed input its own key, and the first input its key back', async () => {
    const { call, keys } = fakeWrite(network(), network(), 'ok');
    const postObjection = useIdempotentAction(call);
    await postObjection(3, '助老份额偏少').catch(() => undefined);
    await postObjection(3, '托育名额偏少').catch(() => undefined);
    await postObjection(3, '助老份额偏少');
    expect(keys[1]).not.toBe(keys[0]);
    expect(keys[2]).toBe(keys[0]);
  });

  it('keeps the key while the server has not answered for good (5xx, still in progress)', async () => {
    const { call, keys } = fakeWrite(
      new ApiError(503, 'unavailable', 'try later'),
      new ApiError(409, 'idempotency_in_progress', 'still being processed'),
      'ok',
    );
    const postObjection = useIdempotentAction(call);
    await postObjection(3, 'x').catch(() => undefined);
    await postObjection(3, 'x').catch(() => undefined);
    await postObjection(3, 'x');
    expect(new Set(keys).size).toBe(1);
  });

  it('renews the key after a refusal, which the server would only replay', async () => {
    const { call, keys } = fakeWrite(new ApiError(409, 'notice_ended', 'the notice has ended'), 'ok');
    const postObjection = useIdempotentAction(call);
    await expect(postObjection(3, 'x')).rejects.toMatchObject({ code: 'notice_ended' });
    await postObjection(3, 'x');
    expect(keys[1]).not.toBe(keys[0]);
  });

  it('puts the key in the Idempotency-Key header of the endpoint it wraps', async () => {
    let posts = 0;
    const { calls } = stubFetch({
      // The first answer is lost on the way back; the retry is answered.
      'POST /api/v1/points/redemptions': () => (++posts === 1 ? { network: true } : { status: 201, body: { id: 1 } }),
    });
    const redeem = useIdempotentAction(pointsApi.redeem);
    await expect(redeem(11, 2, 1)).rejects.toMatchObject({ code: 'network' });
    await redeem(11, 2, 1);
    const sent = calls.map((c) => (c.init?.headers as Record<string, string>)['Idempotency-Key']);
    expect(sent).toHaveLength(2);
    expect(sent[1]).toBe(sent[0]);
    // The wrapped function takes the endpoint's arguments without the key.
    // @ts-expect-error the key is supplied, not passed
    void (() => redeem(11, 2, 1, 'key'));
  });
});
