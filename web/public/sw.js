// Gongzhi's service worker: the app opens without a connection, and a resident's last pages
// with it. Served from the root (scope /) with Cache-Control: no-cache, so a new build is picked
// up on the next visit. No build step touches this file except the two marked lines, which
// `vite build` fills in (scripts/sw-precache.mjs): the build's id and the hashed files of the
// app shell and the resident's pages.
//
//  - install: the shell (/index.html) and those files are fetched into the shell cache;
//  - /assets/*: cache-first (their names carry a hash, so they never change);
//  - page loads (navigations): network first, the cached shell when the network fails;
//  - GET /api/v1/… of the resident's pages (API_PAGES): network first; while a resident is
//    signed in (the role the app tells, or the last login's or GET /api/v1/me's answer gives;
//    staff answers are never kept, as they hold other people's data), a 200 answer is kept
//    (at most MAX_API_ENTRIES answers or MAX_API_BYTES bytes, the oldest dropped) and given
//    back, marked X-Gongzhi-Offline: 1, when the network fails. The server marks every API
//    answer Cache-Control: no-store, which keeps them out of the browser's HTTP cache; these
//    copies live only in this worker's own cache and are deleted when the user logs out (the
//    app's message, or the POST /api/v1/auth/logout seen going by), when someone logs in, and
//    when the server says the session is over (401), so the next person on a shared phone
//    never sees them. Writes, /api/v1/auth/* and anything else are never stored.
//  - activate: caches of other versions are deleted. Bump VERSION when the caching changes.
const VERSION = 'v1';
const BUILD = 'dev'; // filled in by the build
const PRECACHE = []; // filled in by the build

const SHELL_CACHE = `gongzhi-shell-${VERSION}-${BUILD}`;
const ASSET_CACHE = `gongzhi-assets-${VERSION}-${BUILD}`;
const API_CACHE = `gongzhi-api-${VERSION}-${BUILD}`;
/** Who is signed in (the role of the last /me answer), kept apart from the answers. */
const WHO_CACHE = `gongzhi-who-${VERSION}-${BUILD}`;
const WHO_KEY = '/__gongzhi/role';
const CURRENT = [SHELL_CACHE, ASSET_CACHE, API_CACHE, WHO_CACHE];

const SHELL_URL = '/index.html';
const MAX_API_ENTRIES = 50;
const MAX_API_BYTES = 5 * 1024 * 1024;
/** An answer larger than this is not worth keeping for offline reading. */
const MAX_API_ANSWER_BYTES = 1024 * 1024;
/** The API paths (under /api/v1) behind the resident's pages whose answers are kept. */
const API_PAGES = [
  '/me',
  '/requests',
  '/points',
  '/notifications',
  '/activities',
  '/proposals',
  '/timebank',
  '/site',
  '/calendar',
];

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const shell = await caches.open(SHELL_CACHE);
      await shell.add(new Request(SHELL_URL, { cache: 'reload' }));
      const assets = await caches.open(ASSET_CACHE);
      // One missing file must not stop the worker from installing: the rest still help.
      await Promise.all(PRECACHE.map((url) => assets.add(url).catch(() => undefined)));
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith('gongzhi-') && !CURRENT.includes(name)) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

// The app says who is signed in (on every change, and when this worker starts controlling it)
// and when they log out.
self.addEventListener('message', (event) => {
  const data = event.data || {};
  if (data.type === 'logout') event.waitUntil(clearApiCache());
  else if (data.type === 'user' && typeof data.role === 'string') event.waitUntil(rememberRole(data.role));
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname.startsWith('/api/')) {
    // Someone logs out or in: what the previous user saw goes; a login's answer says who came.
    if (request.method === 'POST' && url.pathname === '/api/v1/auth/logout') {
      event.waitUntil(clearApiCache());
      return;
    }
    if (request.method === 'POST' && url.pathname === '/api/v1/auth/login') {
      event.respondWith(login(request));
      return;
    }
    if (request.method === 'GET' && keptApiPath(url.pathname)) event.respondWith(apiNetworkFirst(request));
    return;
  }
  if (request.method !== 'GET') return;
  if (request.mode === 'navigate') event.respondWith(navigation(request));
  else if (url.pathname.startsWith('/assets/')) event.respondWith(cacheFirst(request));
});

function keptApiPath(pathname) {
  if (!pathname.startsWith('/api/v1/') || pathname.startsWith('/api/v1/auth/')) return false;
  const rest = pathname.slice('/api/v1'.length);
  return API_PAGES.some((page) => rest === page || rest.startsWith(`${page}/`));
}

async function clearApiCache() {
  knownRole = '';
  await caches.delete(API_CACHE);
  await caches.delete(WHO_CACHE);
}

async function login(request) {
  await clearApiCache();
  const response = await fetch(request);
  if (response.ok) await noteRole(response.clone()).catch(() => undefined);
  return response;
}

/** The role signed in, as last learnt (null: ask the cache, this worker may have restarted). */
let knownRole = null;

async function rememberRole(role) {
  knownRole = role;
  await (await caches.open(WHO_CACHE)).put(WHO_KEY, new Response(role));
}

async function noteRole(response) {
  const answer = await response.json().catch(() => null);
  await rememberRole(answer && answer.user && typeof answer.user.role === 'string' ? answer.user.role : '');
}

async function residentSignedIn() {
  if (knownRole === null) {
    const saved = await caches.match(WHO_KEY, { cacheName: WHO_CACHE });
    knownRole = saved ? await saved.text() : '';
  }
  return knownRole === 'resident';
}

async function navigation(request) {
  try {
    return await fetch(request);
  } catch (error) {
    const shell = await caches.match(SHELL_URL, { cacheName: SHELL_CACHE });
    if (shell) return shell;
    throw error;
  }
}

async function cacheFirst(request) {
  const cached = await caches.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) {
    const copy = response.clone();
    caches.open(ASSET_CACHE).then((cache) => cache.put(request, copy)).catch(() => undefined);
  }
  return response;
}

async function apiNetworkFirst(request) {
  let response;
  try {
    response = await fetch(request);
  } catch {
    const saved = await caches.match(request, { cacheName: API_CACHE });
    if (!saved) return Response.error();
    const headers = new Headers(saved.headers);
    headers.set('X-Gongzhi-Offline', '1');
    return new Response(saved.body, { status: saved.status, statusText: saved.statusText, headers });
  }
  if (response.status === 401) {
    await clearApiCache();
  } else if (response.status === 200 && (response.headers.get('Content-Type') || '').includes('json')) {
    if (new URL(request.url).pathname === '/api/v1/me') await noteRole(response.clone()).catch(() => undefined);
    if (await residentSignedIn()) await keep(request, response.clone()).catch(() => undefined);
  }
  return response;
}

/** Stores an answer as the newest entry, then drops the oldest beyond the limits. */
async function keep(request, response) {
  const body = await response.arrayBuffer();
  if (body.byteLength > MAX_API_ANSWER_BYTES) return;
  const headers = new Headers(response.headers);
  headers.set('X-Gongzhi-Bytes', String(body.byteLength));
  const cache = await caches.open(API_CACHE);
  // Deleted first, so the keys stay in the order they were last seen.
  await cache.delete(request);
  await cache.put(request, new Response(body, { status: response.status, statusText: response.statusText, headers }));
  const keys = await cache.keys();
  const sizes = await Promise.all(
    keys.map(async (key) => Number((await cache.match(key))?.headers.get('X-Gongzhi-Bytes')) || 0),
  );
  let total = sizes.reduce((sum, size) => sum + size, 0);
  for (let i = 0; i < keys.length - 1 && (keys.length - i > MAX_API_ENTRIES || total > MAX_API_BYTES); i++) {
    await cache.delete(keys[i]);
    total -= sizes[i];
  }
}
