// Entry point: applies the remembered preferences before the first paint, then mounts. English
// and the logged-in pages' Chinese load on demand (i18n/index.ts): English before mounting
// when it was chosen, the logged-in Chinese right away on a device that logged in, beside the
// session check.
import { createApp, watch } from 'vue';
import App from './App.vue';
import { router } from './router';
import { applySavedLocale, i18n, loadLoggedInMessages } from './i18n';
import { applyElderlyMode, savedElderlyMode } from './lib/prefs';
import { mayBeLoggedIn, session } from './session';
import { registerServiceWorker, tellWorkerWho } from './composables/offline';
import { startOfflineQueue } from './composables/offlineQueue';
import { listenForInstall } from './composables/install';
import './styles/main.css';
import './styles/nav.css';

applyElderlyMode(savedElderlyMode());
if (mayBeLoggedIn()) loadLoggedInMessages().catch(() => undefined);
const app = createApp(App).use(router).use(i18n);
void applySavedLocale().then(() => app.mount('#app'));
// The installable app: the service worker (production builds), the 添加到主屏幕 offer, and the
// requests written offline, sent once the phone is back online.
listenForInstall();
startOfflineQueue();
registerServiceWorker();
watch(() => session.user?.role, tellWorkerWho, { immediate: true });
