// One Idempotency-Key per user action, not per click. The server stores the first answer to a
// key and replays it to a retry (src/http/dispatcher.cpp), so a redemption whose answer was
// lost, sent again with the same key, is applied once; sent with a new key it would be applied
// twice. Wrapping an endpoint that takes the key as its last argument,
//
//   const redeem = useIdempotentAction(pointsApi.redeem);
//   await redeem(residentId, itemId, 1);
//
// gives a function that supplies the key: the same one for as long as the same input is tried
// again (a second click after a network error, a retry button), a new one once the server has
// answered it, and another for other input, because the server refuses a key reused with a
// different body. Input is what the call is given, compared as JSON.
import { ApiError, newIdempotencyKey } from '../api/client';

/** Codes that mean the server holds no answer for the key yet: try again with the same one. */
const SAME_KEY_CODES = new Set(['idempotency_in_progress', 'idempotency_retry']);

/**
 * Whether the server answered for good, so the key is used up: a success, or a refusal (4xx),
 * which it keeps and would replay unchanged to the same key even once the cause had passed.
 * A network failure, an abort or a 5xx (which the server does not keep) leaves the action
 * undecided, and its retry must carry the same key.
 */
export function answeredForGood(error: unknown): boolean {
  return error instanceof ApiError && error.status >= 400 && error.status < 500 && !SAME_KEY_CODES.has(error.code);
}

export function useIdempotentAction<Args extends unknown[], Result>(
  call: (...args: [...Args, string]) => Promise<Result>,
): (...args: Args) => Promise<Result> {
  /** The key of each input tried and not yet answered, by its JSON. */
  const pending = new Map<string, string>();
  return async (...args: Args) => {
    const input = JSON.stringify(args);
    const key = pending.get(input) ?? newIdempotencyKey();
    pending.set(input, key);
    try {
      const result = await call(...args, key);
      pending.delete(input);
      return result;
    } catch (error) {
      if (answeredForGood(error)) pending.delete(input);
      throw error;
    }
  };
}
