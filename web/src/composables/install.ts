// The 添加到主屏幕 hint: Chrome and Edge fire `beforeinstallprompt` when the app can be
// installed, often before any page is drawn, so main.ts listens from the start and the home
// page's hint (components/pwa/InstallHint.vue) shows while an event is held. It goes once the
// app is installed, or for good when the resident says 以后再说 (remembered on the device).
import { reactive } from 'vue';

interface InstallPromptEvent extends Event {
  prompt(): Promise<void>;
  userChoice: Promise<{ outcome: 'accepted' | 'dismissed' }>;
}

const DISMISSED_KEY = 'gongzhi.installDismissed';

function dismissedBefore(): boolean {
  try {
    return localStorage.getItem(DISMISSED_KEY) === '1';
  } catch {
    return false;
  }
}

let held: InstallPromptEvent | null = null;
export const installState = reactive({ available: false });

export function listenForInstall(): void {
  if (typeof window === 'undefined') return;
  window.addEventListener('beforeinstallprompt', (event) => {
    // Keep the browser's own mini-infobar away; the page offers it at a calm moment.
    event.preventDefault();
    held = event as InstallPromptEvent;
    installState.available = !dismissedBefore();
  });
  window.addEventListener('appinstalled', () => {
    held = null;
    installState.available = false;
  });
}

export async function promptInstall(): Promise<void> {
  const event = held;
  if (!event) return;
  held = null;
  installState.available = false;
  await event.prompt();
  const choice = await event.userChoice.catch(() => ({ outcome: 'dismissed' as const }));
  if (choice.outcome === 'dismissed') dismissInstall();
}

export function dismissInstall(): void {
  installState.available = false;
  try {
    localStorage.setItem(DISMISSED_KEY, '1');
  } catch {
    // Not remembered: the hint comes back on the next visit.
  }
}
