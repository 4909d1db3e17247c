// The offline request queue (线下应急通道 when the platform cannot be reached): a request the
// resident wrote while the phone had no connection is kept on the phone with the
// Idempotency-Key it was first sent with, and sent again later with that same key. The server
// stores the first answer to a key and replays it (composables/idempotent.ts), so however many
// times a queued request is sent — the `online` event, the app starting, the 现在发送 button —
// it is filed once.
//
// Each entry belongs to the user who wrote it: only that user's entries are listed and sent.
// On logout they are kept aside in storage (never shown or sent under another login) and come
// back when the same user logs in again: a request written in an emergency is not lost because
// the phone was handed to someone else. Photos are not kept (the storage is small); they can be
// added on the request's page once it is sent.
import type { SubmitRequestInput, SubmittedRequest } from '../api/requests';
import { ApiError } from '../api/client';
import { answeredForGood } from '../composables/idempotent';

export interface QueuedRequest {
  /** The Idempotency-Key of the first attempt, sent again with every retry. */
  key: string;
  /** Who wrote it; only they send it. */
  userId: number;
  input: SubmitRequestInput;
  /** When it was queued (ISO 8601), the sending order. */
  savedAt: string;
}

/** Where the queue lives: localStorage on a phone, a plain array in tests. */
export interface QueueStore {
  read(): QueuedRequest[];
  write(items: QueuedRequest[]): void;
}

export const STORAGE_KEY = 'gongzhi.offlineRequests';

function isQueuedRequest(value: unknown): value is QueuedRequest {
  const item = value as QueuedRequest | null;
  return (
    !!item &&
    typeof item.key === 'string' &&
    typeof item.userId === 'number' &&
    typeof item.savedAt === 'string' &&
    typeof item.input === 'object' &&
    item.input !== null
  );
}

/** The queue in Web Storage; unreadable content counts as empty, a full storage as not kept. */
export function webStorageStore(storage: Storage, name = STORAGE_KEY): QueueStore {
  return {
    read() {
      try {
        const parsed: unknown = JSON.parse(storage.getItem(name) ?? '[]');
        return Array.isArray(parsed) ? parsed.filter(isQueuedRequest) : [];
      } catch {
        return [];
      }
    },
    write(items) {
      if (items.length) storage.setItem(name, JSON.stringify(items));
      else storage.removeItem(name);
    },
  };
}

export function memoryStore(initial: QueuedRequest[] = []): QueueStore & { items: QueuedRequest[] } {
  const store = {
    items: [...initial],
    read: () => [...store.items],
    write: (items: QueuedRequest[]) => {
      store.items = [...items];
    },
  };
  return store;
}

/** Adds a request; the same key again (a second tap while offline) replaces nothing. */
export function enqueue(store: QueueStore, item: QueuedRequest): QueuedRequest {
  const items = store.read();
  const existing = items.find((other) => other.key === item.key);
  if (existing) return existing;
  store.write([...items, item]);
  return item;
}

/** The user's queued requests, oldest first. */
export function queuedFor(store: QueueStore, userId: number): QueuedRequest[] {
  return store
    .read()
    .filter((item) => item.userId === userId)
    .sort((a, b) => a.savedAt.localeCompare(b.savedAt));
}

/** Removes one of the user's requests (another user's with the same key stays). */
export function removeQueued(store: QueueStore, userId: number, key: string): void {
  store.write(store.read().filter((item) => !(item.key === key && item.userId === userId)));
}

/** The failure of a send that should wait for the network rather than be reported. */
export function isNetworkFailure(error: unknown, online: boolean = typeof navigator === 'undefined' || navigator.onLine): boolean {
  if (error instanceof ApiError) return error.status === 0 || (!online && error.status >= 500);
  return error instanceof TypeError || !online;
}

export type SendOutcome =
  | { state: 'sent'; item: QueuedRequest; result: SubmittedRequest }
  /** The server refused it (4xx): removed, its error shown; the resident writes it again. */
  | { state: 'refused'; item: QueuedRequest; error: unknown }
  /** Not answered (network down, a 5xx): still queued. */
  | { state: 'kept'; item: QueuedRequest; error: unknown };

export type SendFn = (input: SubmitRequestInput, idempotencyKey: string) => Promise<SubmittedRequest>;

/**
 * Sends the user's queued requests in the order they were written, each with its own key. A
 * network failure stops the round (the rest would fail the same way) and leaves them queued.
 */
export async function sendQueued(store: QueueStore, userId: number, send: SendFn): Promise<SendOutcome[]> {
  const outcomes: SendOutcome[] = [];
  const items = queuedFor(store, userId);
  for (const [index, item] of items.entries()) {
    try {
      const result = await send(item.input, item.key);
      removeQueued(store, userId, item.key);
      outcomes.push({ state: 'sent', item, result });
    } catch (error) {
      if (answeredForGood(error)) {
        removeQueued(store, userId, item.key);
        outcomes.push({ state: 'refused', item, error });
      } else {
        outcomes.push({ state: 'kept', item, error });
        if (isNetworkFailure(error)) {
          for (const rest of items.slice(index + 1)) outcomes.push({ state: 'kept', item: rest, error });
          break;
        }
      }
    }
  }
  return outcomes;
}
