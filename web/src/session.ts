// Who is logged in. The session lives in an HttpOnly cookie set by the server, so the page
// never sees the token: it asks GET /api/v1/me. To spare anonymous visitors a 401 on every
// page, a flag in localStorage says whether this device logged in; without it we do not ask.
import { reactive } from 'vue';
import { ApiError } from './api/client';
import { accountsApi, type Role, type User } from './api/accounts';
import { loadLoggedInMessages } from './i18n';
import { forgetSavedAnswers } from './composables/offline';

export const session = reactive<{ user: User | null; loaded: boolean; mustChangePassword: boolean }>({
  user: null,
  loaded: false,
  // An administrator asked for a new password: the login sends the user to /account first.
  mustChangePassword: false,
});

let loading: Promise<User | null> | null = null;

const HINT_KEY = 'gongzhi.session';

function setHint(on: boolean): void {
  try {
    if (on) localStorage.setItem(HINT_KEY, '1');
    else localStorage.removeItem(HINT_KEY);
  } catch {
    // Without storage we simply ask the server every time.
  }
}

function hasHint(): boolean {
  try {
    return localStorage.getItem(HINT_KEY) !== null;
  } catch {
    return true;
  }
}

/**
 * The Chinese of the pages behind a login, there before the user is: the header draws the
 * role's menus the moment `session.user` is set. Without them (no connection) the words
 * come when the router asks again.
 */
async function loggedInWords(): Promise<void> {
  await loadLoggedInMessages().catch(() => undefined);
}

/** This device logged in and has not logged out since: a session may be waiting. */
export function mayBeLoggedIn(): boolean {
  return hasHint();
}

/** Loads the current user once; later calls reuse the answer. */
export function loadSession(force = false): Promise<User | null> {
  if (session.loaded && !force) return Promise.resolve(session.user);
  if (!hasHint()) {
    session.user = null;
    session.loaded = true;
    return Promise.resolve(null);
  }
  if (!loading || force) {
    loading = accountsApi
      .me()
      .then((answer) => answer.user)
      .catch((error: unknown) => {
        if (error instanceof ApiError && error.status === 401) {
          setHint(false);
          return null;
        }
        throw error;
      })
      .then(async (user) => {
        if (user) await loggedInWords();
        session.user = user;
        session.loaded = true;
        return user;
      })
      .finally(() => {
        loading = null;
      });
  }
  return loading;
}

export async function logIn(username: string, password: string): Promise<User> {
  const answer = await accountsApi.login(username, password);
  setHint(true);
  await loggedInWords();
  session.user = answer.user;
  session.mustChangePassword = answer.must_change_password === true;
  session.loaded = true;
  return answer.user;
}

export async function logOut(): Promise<void> {
  try {
    await accountsApi.logout();
  } finally {
    // The worker forgets the pages this user saw (it also does on seeing the logout request,
    // which does not reach it when the phone is offline).
    forgetSavedAnswers();
    setHint(false);
    session.user = null;
    session.loaded = true;
  }
}

export const STAFF_ROLES: Role[] = ['staff', 'guide', 'admin', 'street'];
export const CASE_WORKER_ROLES: Role[] = ['staff', 'guide', 'admin'];

/** Where a user lands after logging in. */
export function homeFor(user: User | null): string {
  if (!user) return '/';
  if (user.role === 'resident') return '/resident';
  // The guide's own workbench; everyone else in the back office starts at the queue.
  return user.role === 'guide' ? '/guide' : '/staff/queue';
}
