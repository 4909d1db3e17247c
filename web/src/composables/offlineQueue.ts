// The offline request queue on the page (lib/offlineQueue.ts holds the rules): the signed-in
// user's queued requests, what the last round of sending gave (tracking codes, refusals), and
// the triggers — the `online` event, the app starting online (a user loaded), the 现在发送
// button. One round at a time; the server's idempotency makes a repeated send harmless anyway.
import { reactive, watch } from 'vue';
import { requestsApi, type SubmitRequestInput, type SubmittedRequest } from '../api/requests';
import { session } from '../session';
import {
  enqueue,
  memoryStore,
  queuedFor,
  removeQueued,
  sendQueued,
  webStorageStore,
  type QueueStore,
  type QueuedRequest,
} from '../lib/offlineQueue';

function defaultStore(): QueueStore {
  try {
    return webStorageStore(window.localStorage);
  } catch {
    return memoryStore();
  }
}

const store: QueueStore = defaultStore();

export const offlineQueue = reactive({
  items: [] as QueuedRequest[],
  sent: [] as { item: QueuedRequest; result: SubmittedRequest }[],
  refused: [] as { item: QueuedRequest; error: unknown }[],
  sending: false,
  /** The last round stopped for lack of network. */
  stillOffline: false,
});

function refresh(): void {
  offlineQueue.items = session.user ? queuedFor(store, session.user.id) : [];
}

/** Keeps a request that could not be sent, under the signed-in user, with its key. */
export function queueRequest(input: SubmitRequestInput, key: string): QueuedRequest | null {
  if (!session.user) return null;
  const item = enqueue(store, { key, userId: session.user.id, input, savedAt: new Date().toISOString() });
  refresh();
  return item;
}

export function deleteQueued(key: string): void {
  if (!session.user) return;
  removeQueued(store, session.user.id, key);
  refresh();
}

/** Sends the signed-in user's queue now. */
export async function sendQueue(): Promise<void> {
  const user = session.user;
  if (!user || offlineQueue.sending || queuedFor(store, user.id).length === 0) return;
  offlineQueue.sending = true;
  try {
    const outcomes = await sendQueued(store, user.id, requestsApi.submitRequest);
    if (session.user?.id !== user.id) return;
    for (const outcome of outcomes) {
      if (outcome.state === 'sent') offlineQueue.sent.push({ item: outcome.item, result: outcome.result });
      else if (outcome.state === 'refused') offlineQueue.refused.push({ item: outcome.item, error: outcome.error });
    }
    offlineQueue.stillOffline = outcomes.some((outcome) => outcome.state === 'kept');
  } finally {
    offlineQueue.sending = false;
    refresh();
  }
}

export function dismissResults(): void {
  offlineQueue.sent = [];
  offlineQueue.refused = [];
}

let started = false;

/** Once, from main.ts: follows the signed-in user and sends when the phone comes online. */
export function startOfflineQueue(): void {
  if (started || typeof window === 'undefined') return;
  started = true;
  window.addEventListener('online', () => void sendQueue());
  watch(
    () => session.user?.id,
    () => {
      // Another user (or none): the previous one's results go, their queue stays aside.
      offlineQueue.sent = [];
      offlineQueue.refused = [];
      offlineQueue.stillOffline = false;
      refresh();
      if (session.user && navigator.onLine) void sendQueue();
    },
    { immediate: true },
  );
}

