// Whether the page is showing answers the service worker kept (public/sw.js) because the
// network failed: the worker marks such an answer X-Gongzhi-Offline: 1, the API client
// (api/client.ts) reports every answer here, and the banner (components/pwa/OfflineBanner.vue)
// shows while the latest answer came from the saved copies. A fresh answer hides it again.
import { reactive } from 'vue';

export const OFFLINE_HEADER = 'X-Gongzhi-Offline';

export const offlineState = reactive({ showingSaved: false });

/** Called by the API client with each answer's headers. */
export function noteAnswerSource(headers: Headers | undefined): void {
  offlineState.showingSaved = headers?.get(OFFLINE_HEADER) === '1';
}

/** Asks the service worker to forget the saved answers (on logout). */
export function forgetSavedAnswers(): void {
  offlineState.showingSaved = false;
  try {
    navigator.serviceWorker?.controller?.postMessage({ type: 'logout' });
  } catch {
    // No worker: nothing was saved.
  }
}

let signedInRole = '';

function postRole(): void {
  try {
    navigator.serviceWorker?.controller?.postMessage({ type: 'user', role: signedInRole });
  } catch {
    // No worker yet: it is told when it takes control.
  }
}

/** Tells the worker who is signed in: it keeps the answers of a resident's pages only. */
export function tellWorkerWho(role: string | undefined): void {
  signedInRole = role ?? '';
  postRole();
}

/** Registers the service worker: production builds only, where the browser has them. */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
  navigator.serviceWorker.addEventListener('controllerchange', postRole);
  const register = () => navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => undefined);
  if (document.readyState === 'complete') void register();
  else window.addEventListener('load', () => void register(), { once: true });
}
