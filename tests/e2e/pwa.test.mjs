// The installable app in Debian's chromium against a real `gongzhi serve --demo`, on a phone:
// the manifest parses and its icons are real PNGs; the service worker registers and controls
// the page after a reload; offline, the resident's home still opens (the shell from the
// worker's cache) and 我的诉求 shows the last-seen list under the offline banner; a request
// written offline is kept on the phone and listed, and sent by itself once the phone is back
// online, its tracking code shown; staff then find exactly one request with that description,
// even after the same queued request is sent a second time (the Idempotency-Key replays the
// first answer). Logging out empties the worker's saved answers. The build must come first
// (`npm run build`): the worker is registered by production builds only.
// Screenshots: tests/e2e/screenshots/pwa-*.png (phone, and one desktop).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './lib/server.mjs';
import { desktop, launchBrowser, newWatchedContext, phone, screenshot, unexpected } from './lib/browser.mjs';
import { DEMO_PASSWORD, logIn } from './lib/session.mjs';

const DESCRIPTION = `离线时写的诉求：五号楼二单元楼道灯不亮 ${Date.now().toString(36)}`;
const QUEUE_KEY = 'gongzhi.offlineRequests';

/** What Chromium logs for the loads that fail while the phone is offline, and nothing else. */
function onlineProblems(problems) {
  return unexpected(problems).filter(
    (text) => !/ERR_INTERNET_DISCONNECTED|Failed to fetch|net::ERR_FAILED|An unknown error occurred when fetching the script/.test(text),
  );
}

/** The number of API answers the worker keeps. */
function savedAnswers(page) {
  return page.evaluate(async () => {
    let count = 0;
    for (const name of await caches.keys()) {
      if (name.startsWith('gongzhi-api-')) count += (await (await caches.open(name)).keys()).length;
    }
    return count;
  });
}

describe('the installable app: manifest, offline pages and the offline request queue', { timeout: 300_000 }, () => {
  let server;
  let browser;
  const contexts = [];
  const story = {};

  async function openContext(options) {
    const watched = await newWatchedContext(browser, server.baseUrl, { ...options, serviceWorkers: 'allow' });
    contexts.push(watched);
    return watched;
  }

  async function staffRequestsWith(description) {
    const staff = await browser.newContext({ baseURL: server.baseUrl });
    try {
      const login = await staff.request.post('/api/v1/auth/login', { data: { username: 'staff', password: DEMO_PASSWORD } });
      assert.equal(login.status(), 200);
      // Every request of the resident's household (the search, q, looks at tracking codes).
      const items = [];
      for (let page = 1; ; page++) {
        const found = await staff.request.get(`/api/v1/requests?household_id=${story.householdId}&page_size=100&page=${page}`);
        assert.equal(found.status(), 200);
        const answer = await found.json();
        items.push(...answer.items);
        if (answer.items.length === 0 || items.length >= answer.total) break;
      }
      return items.filter((item) => item.description === description);
    } finally {
      await staff.close();
    }
  }

  before(async () => {
    browser = await launchBrowser();
    server = await startServer();
  });

  after(async () => {
    for (const { context } of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
  });

  it('serves a manifest that parses, linked from the page, with icons that are real PNGs', async () => {
    const watched = await openContext(phone);
    const { context } = watched;
    const response = await context.request.get('/manifest.webmanifest');
    assert.equal(response.status(), 200);
    assert.match(response.headers()['content-type'], /application\/manifest\+json/);
    const manifest = JSON.parse(await response.text());
    assert.equal(manifest.name, '共治 · 社区服务');
    assert.equal(manifest.short_name, '共治');
    assert.equal(manifest.start_url, '/');
    assert.equal(manifest.scope, '/');
    assert.equal(manifest.display, 'standalone');
    assert.equal(manifest.lang, 'zh-CN');
    assert.match(manifest.theme_color, /^#[0-9a-f]{6}$/i);
    const pngs = manifest.icons.filter((icon) => icon.type === 'image/png');
    assert.deepEqual(pngs.map((icon) => icon.sizes).sort(), ['192x192', '512x512', '512x512']);
    assert.ok(pngs.some((icon) => icon.purpose === 'maskable'), 'a maskable icon');
    const page = await context.newPage();
    await page.goto('/');
    const links = await page.evaluate(() => ({
      manifest: document.querySelector('link[rel="manifest"]')?.getAttribute('href'),
      apple: document.querySelector('link[rel="apple-touch-icon"]')?.getAttribute('href'),
    }));
    assert.equal(links.manifest, '/manifest.webmanifest');
    for (const src of [...pngs.map((icon) => icon.src), links.apple]) {
      const icon = await context.request.get(src);
      assert.equal(icon.status(), 200, src);
      assert.equal(icon.headers()['content-type'], 'image/png', src);
      const bytes = await icon.body();
      assert.deepEqual([...bytes.subarray(1, 4)], [0x50, 0x4e, 0x47], `${src} is a PNG`);
    }
    story.phone = watched;
    story.page = page;
  });

  it('registers the service worker, which controls the page after a reload', async () => {
    const { page } = story;
    await logIn(page, 'resident');
    await page.waitForURL('**/resident');
    story.householdId = (await (await page.context().request.get('/api/v1/me')).json()).user.household_id;
    assert.ok(story.householdId);
    const state = await page.evaluate(async () => (await navigator.serviceWorker.ready).active?.state);
    assert.ok(['activating', 'activated'].includes(state), state);
    await page.reload();
    await page.locator('[data-test="tile-new"]').waitFor();
    assert.equal(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL.replace(location.origin, '')), '/sw.js');
    // The pages the resident looks at while online: their requests, and the request form.
    await page.goto('/resident/requests');
    await page.locator('.request-list li').first().waitFor();
    story.firstRequest = (await page.locator('.request-list li').first().innerText()).split('\n')[0].trim();
    assert.ok(story.firstRequest);
    await page.goto('/resident/new');
    await page.locator('#request-description').waitFor();
    await page.goto('/resident');
    await page.locator('[data-test="tile-new"]').waitFor();
    assert.ok((await savedAnswers(page)) > 0, 'the worker kept the answers the resident saw');
    assert.equal(await page.locator('[data-test="offline-banner"]').count(), 0, 'no banner online');
    assert.deepEqual(onlineProblems(story.phone.problems), []);
  });

  it('opens the home and the last-seen list offline, with the offline banner', async () => {
    const { page, phone: watched } = story;
    await watched.context.setOffline(true);
    await page.reload();
    await page.locator('[data-test="tile-new"]').waitFor();
    await page.locator('[data-test="offline-banner"]').waitFor();
    assert.equal((await page.locator('[data-test="offline-banner"]').innerText()).trim(), '离线：显示的是上次保存的内容');
    await screenshot(page, 'pwa-offline-home');
    await page.locator('[data-test="tile-requests"]').click();
    await page.waitForURL('**/resident/requests');
    await page.locator('.request-list li').first().waitFor();
    assert.equal((await page.locator('.request-list li').first().innerText()).split('\n')[0].trim(), story.firstRequest);
    await page.locator('[data-test="offline-banner"]').waitFor();
    await screenshot(page, 'pwa-offline-requests');
    // Opened afresh, not only moved to within the app.
    await page.goto('/resident/requests');
    await page.locator('.request-list li').first().waitFor();
    await page.locator('[data-test="offline-banner"]').waitFor();
  });

  it('keeps a request written offline on the phone and lists it', async () => {
    const { page } = story;
    await page.goto('/resident/new');
    await page.locator('#request-description').fill(DESCRIPTION);
    const chip = page.locator('[data-test="suggestions"] .chip').first();
    if (await chip.count()) await chip.click();
    else await page.locator('#request-category').selectOption({ index: 1 });
    await page.locator('[data-test="submit-request"]').click();
    await page.locator('[data-test="queued"]').waitFor();
    assert.match(await page.locator('[data-test="queued"]').innerText(), /联网后会自动发送/);
    await screenshot(page, 'pwa-queued');
    await page.getByRole('link', { name: '查看等待发送的诉求' }).click();
    await page.waitForURL('**/resident/requests');
    const item = page.locator('[data-test="queue-item"]');
    await item.first().waitFor();
    assert.equal(await item.count(), 1);
    assert.match(await item.innerText(), new RegExp(DESCRIPTION.slice(0, 12)));
    assert.match(await page.locator('[data-test="queue"] h2').innerText(), /等待发送的诉求（1）/);
    const sendBox = await page.locator('[data-test="queue-send"]').boundingBox();
    assert.ok(sendBox.height >= 44, `现在发送 is ${sendBox.height}px tall`);
    // 现在发送 while still offline keeps it, and says so.
    await page.locator('[data-test="queue-send"]').click();
    await page.locator('[data-test="queue-still-offline"]').waitFor();
    assert.equal(await item.count(), 1);
    await screenshot(page, 'pwa-queue');
    story.queue = await page.evaluate((key) => localStorage.getItem(key), QUEUE_KEY);
    assert.ok(JSON.parse(story.queue)[0].key, 'kept with its Idempotency-Key');
    assert.equal((await staffRequestsWith(DESCRIPTION)).length, 0, 'nothing reached the server yet');
  });

  it('sends it by itself once the phone is back online and shows its tracking code', async () => {
    const { page, phone: watched } = story;
    await watched.context.setOffline(false);
    const code = page.locator('[data-test="queue-tracking-code"]');
    await code.waitFor({ timeout: 20_000 });
    story.code = (await code.innerText()).replace('查询码', '').trim();
    assert.ok(story.code.length >= 4, story.code);
    assert.equal(await page.locator('[data-test="queue-item"]').count(), 0);
    // The list reloads with the new request in it.
    await page.locator('.request-list li', { hasText: DESCRIPTION.slice(0, 12) }).first().waitFor();
    await page.locator('[data-test="offline-banner"]').waitFor({ state: 'detached' });
    await screenshot(page, 'pwa-sent');
    const found = await staffRequestsWith(DESCRIPTION);
    assert.equal(found.length, 1);
    assert.equal(found[0].tracking_code, story.code);
  });

  it('files it once even when the same queued request is sent again', async () => {
    const { page } = story;
    // The queue as it was before sending (as if the first answer had been lost), sent again
    // when the app starts online.
    await page.evaluate(([key, value]) => localStorage.setItem(key, value), [QUEUE_KEY, story.queue]);
    await page.reload();
    const code = page.locator('[data-test="queue-tracking-code"]');
    await code.waitFor({ timeout: 20_000 });
    assert.equal((await code.innerText()).replace('查询码', '').trim(), story.code, 'the server replayed its first answer');
    const found = await staffRequestsWith(DESCRIPTION);
    assert.equal(found.length, 1, 'exactly one request with that description');
    assert.deepEqual(onlineProblems(story.phone.problems), []);
  });

  it('offers 添加到主屏幕 on the resident home when the browser can install the app', async () => {
    const { page } = story;
    await page.goto('/resident');
    await page.locator('[data-test="tile-new"]').waitFor();
    assert.equal(await page.locator('[data-test="install-hint"]').count(), 0, 'no hint before the browser offers');
    // What Chromium fires when the app can be installed (its real prompt needs a user's click
    // in a headed browser): prompt() and userChoice as the browser gives them.
    await page.evaluate(() => {
      const event = new Event('beforeinstallprompt', { cancelable: true });
      event.prompt = async () => {
        window.installPrompted = true;
      };
      event.userChoice = Promise.resolve({ outcome: 'accepted', platform: 'web' });
      window.dispatchEvent(event);
    });
    const hint = page.locator('[data-test="install-hint"]');
    await hint.waitFor();
    assert.match(await hint.innerText(), /把共治添加到主屏幕/);
    await screenshot(page, 'pwa-install-hint');
    const button = await page.locator('[data-test="install-button"]').boundingBox();
    assert.ok(button.height >= 44);
    await page.locator('[data-test="install-button"]').click();
    await hint.waitFor({ state: 'detached' });
    assert.equal(await page.evaluate(() => window.installPrompted), true);
  });

  it('forgets the saved answers when the resident logs out', async () => {
    const { page } = story;
    await page.goto('/resident');
    await page.locator('[data-test="tile-new"]').waitFor();
    assert.ok((await savedAnswers(page)) > 0);
    const more = page.locator('[data-test="more-button"]');
    if (await more.isVisible()) await more.click();
    await page.locator('[data-test="logout"]:visible').first().click();
    await page.waitForURL((url) => url.pathname === '/');
    await page.waitForFunction(async () => {
      let count = 0;
      for (const name of await caches.keys()) {
        if (name.startsWith('gongzhi-api-')) count += (await (await caches.open(name)).keys()).length;
      }
      return count === 0;
    });
    assert.equal(await savedAnswers(page), 0);
    // The next person on this phone is a community worker: their pages (other residents'
    // requests) are not kept.
    await logIn(page, 'staff');
    await page.goto('/staff/queue');
    await page.locator('main h1').first().waitFor();
    await page.waitForLoadState('networkidle');
    assert.equal(await savedAnswers(page), 0, 'nothing of a staff member is kept');
  });

  it('fills the description by voice where the browser recognises speech', async () => {
    const watched = await openContext(desktop);
    // A recognition that hears one sentence: the headless browser has no microphone.
    await watched.context.addInitScript(() => {
      window.SpeechRecognition = class {
        start() {
          window.recognitionLang = this.lang;
          setTimeout(() => {
            const result = Object.assign([{ transcript: '楼道灯不亮了' }], { isFinal: true });
            this.onresult?.({ resultIndex: 0, results: [result] });
            this.onend?.();
          }, 50);
        }
        stop() {
          this.onend?.();
        }
      };
    });
    const page = await watched.context.newPage();
    await logIn(page, 'resident');
    // Logged in on the first visit, before the worker took control: the app tells it who.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await page.locator('[data-test="tile-requests"]').click();
    await page.locator('.request-list li').first().waitFor();
    assert.ok((await savedAnswers(page)) > 0, 'the list seen right after logging in is kept');
    await page.goto('/resident/new');
    await page.locator('#request-description').fill('三号楼');
    const voice = page.getByRole('button', { name: '语音输入' });
    const box = await voice.boundingBox();
    assert.ok(box.height >= 44 && box.width >= 44, `the 🎤 button is ${box.width}×${box.height}`);
    await voice.click();
    await page.waitForFunction(() => document.querySelector('#request-description').value === '三号楼。楼道灯不亮了');
    assert.equal(await page.evaluate(() => window.recognitionLang), 'zh-CN');
    story.desktop = { watched, page };
  });

  it('shows the saved list offline on a desktop too', async () => {
    const { watched, page } = story.desktop;
    await page.goto('/resident/requests');
    await page.locator('.request-list li').first().waitFor();
    await watched.context.setOffline(true);
    await page.reload();
    await page.locator('.request-list li').first().waitFor();
    await page.locator('[data-test="offline-banner"]').waitFor();
    await screenshot(page, 'pwa-desktop-offline');
    await watched.context.setOffline(false);
  });
});
