// 社区公告 (issue 21) in Debian's chromium against a real `gongzhi serve --demo`: staff on a
// desktop publish a water-cut notice to the demo resident's building through the form (what is
// missing is said first) and see it in the list; the resident on a phone (390×844) sees it on
// the home page as unread, opens it (whom it is for, valid through the day chosen) and finds it
// read after a reload; the staff's figures show one household of that building read (the page
// and the API); staff withdraw another notice with a reason and the resident no longer sees it
// (its link shows the reason); the inbox message opens the notice; the public board shows the
// whole-community notices without a login and not the building's cut.
//
// The resident's building comes from the API (/me → /households/{id}); the valid-until day is
// the server's today plus two (its Date header), so the test holds at any GONGZHI_NOW. Pages are
// saved to tests/e2e/screenshots/announcements-*.png.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'playwright-core';
import { startServer } from './lib/server.mjs';
import path from 'node:path';
import { clickMenuLink, launchBrowser, newWatchedContext, phone, screenshot, screenshotDir, unexpected } from './lib/browser.mjs';
import { DEMO_PASSWORD, logIn } from './lib/session.mjs';

const desktop = { viewport: { width: 1366, height: 860 } };
const COMMUNITY = 1;
/** What the screen shows, not the whole page (a modal dialog; the board's top). */
const screenshotView = (page, name) => page.screenshot({ path: path.join(screenshotDir, `${name}.png`) });
const shanghaiDay = (epochMs) => new Date(epochMs + 8 * 3_600_000).toISOString().slice(0, 10);

/** An API client logged in as `username`; `now()` is the server's clock at its last answer. */
async function apiAs(baseURL, username) {
  const client = await request.newContext({ baseURL });
  const login = await client.post('/api/v1/auth/login', { data: { username, password: DEMO_PASSWORD } });
  assert.equal(login.status(), 200, await login.text());
  let serverDate = Date.parse(login.headers().date);
  return {
    now: () => serverDate,
    get: async (url) => {
      const response = await client.get(url);
      serverDate = Date.parse(response.headers().date);
      assert.equal(response.status(), 200, `GET ${url}: ${await response.text()}`);
      return response.json();
    },
    dispose: () => client.dispose(),
  };
}

describe('社区公告: staff publish a notice, residents read it', { timeout: 600_000 }, () => {
  let server;
  let browser;
  const contexts = [];
  const story = { building: { id: 0, name: '' }, title: '', day: '', id: 0, withdrawnId: 0, withdrawnTitle: '' };

  async function openAs(username, options) {
    const watched = await newWatchedContext(browser, server.baseUrl, options);
    contexts.push(watched);
    const page = await watched.context.newPage();
    if (username) await logIn(page, username);
    return { page, ...watched };
  }

  before(async () => {
    browser = await launchBrowser();
    server = await startServer();
    const resident = await apiAs(server.baseUrl, 'resident');
    const me = await resident.get('/api/v1/me');
    const household = await resident.get(`/api/v1/households/${me.user.household_id}`);
    story.building = { id: household.building_id, name: household.building };
    story.title = `${household.building}停水通知（管道抢修）`;
    story.day = shanghaiDay(resident.now() + 2 * 86_400_000);
    await resident.dispose();
  });

  after(async () => {
    for (const { context } of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
  });

  it('lets staff on a desktop publish an outage notice to one building and see it in the list', async () => {
    const { page, problems } = await openAs('staff', desktop);
    await clickMenuLink(page, '社区公告');
    await page.waitForURL(/\/staff\/announcements$/);
    await page.locator('[data-test="staff-notice"]').first().waitFor();
    await page.locator('[data-test="open-publish"]').click();
    const form = page.locator('[data-test="announcement-form"]');

    // Nothing incomplete goes to the server: what is missing is said in words first.
    await form.getByRole('radio', { name: '指定楼栋' }).check();
    await page.locator('[data-test="publish-submit"]').click();
    const missing = await page.locator('[data-test="form-problems"] li').allTextContents();
    assert.deepEqual(missing, ['请填写标题。', '请填写正文。', '请至少选一栋楼，或改为发给全社区。']);

    assert.equal(await form.getByLabel('类型').inputValue(), 'outage');
    assert.equal(await form.locator('#notice-kind option:checked').textContent(), '停水停电');
    assert.ok(await page.locator('[data-test="notice-urgent-box"]').isChecked(), 'an outage is suggested as urgent');
    await form.getByLabel('标题').fill(story.title);
    await form.getByLabel('正文').fill('因供水管道抢修，当天8:00-14:00停水，请提前储水。如有困难请联系楼栋长。');
    await form.getByLabel('按楼栋名查找').fill(story.building.name);
    await form.locator('[data-test="building-picker"]').getByLabel(story.building.name, { exact: true }).check();
    assert.deepEqual(
      (await page.locator('[data-test="chosen-building"]').allTextContents()).map((text) => text.trim()),
      [`${story.building.name} ×`],
    );
    await form.getByLabel('有效期至').fill(story.day);
    await screenshot(page, 'announcements-publish-desktop');
    await page.locator('[data-test="publish-submit"]').click();
    assert.equal((await page.locator('[data-test="done"]').textContent()).trim(), `已发布：${story.title}`);

    // After a reload, from the server: in the list with its marks, scope and reads.
    await page.reload();
    const card = page.locator('[data-test="staff-notice"]').filter({ hasText: story.title });
    await card.waitFor();
    story.id = Number(await card.getAttribute('data-notice'));
    assert.equal((await card.locator('[data-test="notice-kind"]').textContent()).trim(), '停水停电');
    assert.equal(await card.locator('[data-test="notice-urgent"]').count(), 1);
    assert.equal((await card.locator('[data-test="staff-notice-scope"]').textContent()).trim(), `发给：${story.building.name}`);
    assert.match(await card.textContent(), new RegExp(`有效期至 ${story.day}`));
    assert.equal((await card.locator('[data-test="staff-notice-reads"]').textContent()).trim(), '已读 0 人');
    await screenshot(page, 'announcements-staff-list-desktop');

    const notice = await (await page.request.get(`/api/v1/announcements/${story.id}`)).json();
    assert.equal(notice.kind, 'outage');
    assert.equal(notice.urgent, true);
    assert.deepEqual(notice.buildings.map((b) => b.id), [story.building.id]);
    assert.deepEqual(unexpected(problems), []);
  });

  it('shows the resident on a phone the notice on the home page as unread, and as read once opened', async () => {
    const { page, problems } = await openAs('resident', phone);
    await page.waitForURL(/\/resident$/);
    const home = page.locator('[data-test="home-notices"]');
    const item = home.locator(`[data-test="notice-item"][data-notice="${story.id}"]`);
    await item.waitFor();
    assert.ok((await home.locator('[data-test="notice-item"]').count()) <= 3, 'at most three on the home page');
    assert.equal(await item.locator('[data-test="notice-unread"]').count(), 1);
    assert.equal(await item.locator('[data-test="notice-urgent"]').count(), 1);
    assert.match((await home.locator('[data-test="home-notices-unread"]').textContent()).trim(), /^\d+ 条未读$/);
    // The pinned standing notices come first.
    const marks = await home.locator('[data-test="notice-item"]').evaluateAll((items) =>
      items.map((el) => el.querySelector('[data-test="notice-pinned"]') !== null),
    );
    assert.deepEqual(marks, [...marks].sort((a, b) => Number(b) - Number(a)), 'pinned first');
    await screenshot(page, 'announcements-home-phone');

    await item.click();
    await page.waitForURL(new RegExp(`/resident/notices/${story.id}$`));
    const detail = page.locator('[data-test="notice-detail"]');
    await detail.locator('[data-test="notice-read"]').waitFor();
    assert.equal((await detail.locator('[data-test="notice-scope"]').textContent()).trim(), story.building.name);
    assert.equal((await detail.locator('[data-test="notice-valid"]').textContent()).trim(), story.day);
    assert.match(await detail.locator('h1').textContent(), new RegExp(story.title.replace(/[()（）]/g, '.')));
    await screenshot(page, 'announcements-detail-phone');

    // After a reload, from the server: read on the list and on the home page.
    await page.goto('/resident/notices');
    const listed = page.locator(`[data-test="notice-list"] [data-notice="${story.id}"]`);
    await listed.waitFor();
    assert.equal(await listed.locator('[data-test="notice-unread"]').count(), 0);
    await page.goto('/resident');
    const again = page.locator(`[data-test="home-notices"] [data-notice="${story.id}"]`);
    await again.waitFor();
    assert.equal(await again.locator('[data-test="notice-unread"]').count(), 0);
    const answer = await (await page.request.get(`/api/v1/announcements/${story.id}`)).json();
    assert.equal(answer.read, true);
    // 大字模式 keeps the notices on top, in large type.
    await page.getByRole('button', { name: '大字模式' }).click();
    await page.waitForFunction(() => document.documentElement.classList.contains('elderly'));
    await again.waitFor();
    await screenshotView(page, 'announcements-home-elderly-phone');
    assert.deepEqual(unexpected(problems), []);
  });

  it('shows staff one household of that building read, on the page and through the API', async () => {
    const { page, problems } = await openAs('staff', desktop);
    await page.goto(`/staff/announcements`);
    const card = page.locator(`[data-test="staff-notice"][data-notice="${story.id}"]`);
    await card.waitFor();
    assert.equal((await card.locator('[data-test="staff-notice-reads"]').textContent()).trim(), '已读 1 人');
    await card.locator('[data-test="figures-toggle"]').click();
    const row = card.locator(`[data-test="figures-row"][data-building="${story.building.name}"]`);
    await row.waitFor();
    assert.equal((await row.locator('[data-test="figures-households-read"]').textContent()).trim(), '1');
    const figures = await (await page.request.get(`/api/v1/announcements/${story.id}/reads`)).json();
    assert.equal(figures.households_read, 1);
    assert.equal(figures.residents_read, 1);
    assert.deepEqual(
      figures.buildings.map((b) => [b.building_id, b.households_read]),
      [[story.building.id, 1]],
    );
    const households = figures.buildings[0].households;
    assert.equal((await row.locator('[data-test="figures-households"]').textContent()).trim(), String(households));
    assert.equal(
      (await card.locator('[data-test="figures-overall"]').textContent()).trim(),
      `1 / ${households} 户已读（${Math.round(100 / households)}%），共 1 位居民`,
    );
    await card.scrollIntoViewIfNeeded();
    await screenshot(page, 'announcements-figures-desktop');

    // The cut lasts a day longer: staff move its end, and the server keeps the new day.
    const later = shanghaiDay(Date.parse(`${story.day}T12:00:00+08:00`) + 86_400_000);
    await card.locator('[data-test="edit-end"]').click();
    await card.locator('[data-test="end-form"]').getByLabel('有效期至').fill(later);
    await card.locator('[data-test="end-form"]').getByRole('button', { name: '保存' }).click();
    assert.equal((await page.locator('[data-test="done"]').textContent()).trim(), `已修改有效期：${story.title}`);
    await page.reload();
    await card.waitFor();
    assert.match(await card.textContent(), new RegExp(`有效期至 ${later}`));
    const moved = await (await page.request.get(`/api/v1/announcements/${story.id}`)).json();
    assert.equal(moved.valid_until, `${shanghaiDay(Date.parse(`${later}T12:00:00+08:00`) + 86_400_000)}T00:00:00.000+08:00`);
    story.day = later;

    // The same figures on a phone: the table scrolls sideways inside the card.
    const { page: phonePage, problems: phoneProblems } = await openAs('staff', phone);
    await phonePage.goto(`/staff/announcements?open=${story.id}`);
    const phoneRow = phonePage.locator(`[data-notice="${story.id}"] [data-test="figures-row"]`);
    await phoneRow.waitFor();
    const fits = await phonePage.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
    assert.ok(fits, 'the page itself does not scroll sideways on a phone');
    await screenshot(phonePage, 'announcements-figures-phone');
    // The publish form on a phone, buildings chosen by name.
    await phonePage.locator('[data-test="open-publish"]').click();
    await phonePage.getByRole('radio', { name: '指定楼栋' }).check();
    await phonePage.getByLabel('按楼栋名查找').fill('1');
    await phonePage.locator('[data-test="building-picker"]').getByLabel(story.building.name, { exact: true }).check();
    assert.ok(await phonePage.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth));
    await phonePage.locator('[data-test="announcement-form"]').scrollIntoViewIfNeeded();
    await screenshotView(phonePage, 'announcements-publish-phone');
    assert.deepEqual(unexpected(problems), []);
    assert.deepEqual(unexpected(phoneProblems), []);
  });

  it('lets staff withdraw another notice with a reason, which the resident then no longer sees', async () => {
    // A current notice the resident sees other than the new one, not a pinned standing one.
    const resident = await apiAs(server.baseUrl, 'resident');
    const seen = (await resident.get(`/api/v1/announcements?community_id=${COMMUNITY}`)).items;
    const other = seen.find((notice) => notice.id !== story.id && !notice.pinned);
    assert.ok(other, 'the demo resident sees another current notice');
    story.withdrawnId = other.id;
    story.withdrawnTitle = other.title;

    const { page, problems } = await openAs('staff', desktop);
    await page.goto('/staff/announcements');
    const card = page.locator(`[data-test="staff-notice"][data-notice="${other.id}"]`);
    await card.locator('[data-test="withdraw"]').click();
    const dialog = page.locator('[data-test="withdraw-dialog"]');
    await dialog.getByRole('heading', { name: '撤回公告' }).waitFor();
    await page.locator('[data-test="withdraw-confirm"]').click();
    assert.equal((await dialog.getByRole('alert').textContent()).trim(), '请填写撤回原因。');
    await dialog.getByLabel('撤回原因').fill('活动时间改期，另行通知');
    await screenshotView(page, 'announcements-withdraw-desktop');
    await page.locator('[data-test="withdraw-confirm"]').click();
    assert.equal((await page.locator('[data-test="done"]').textContent()).trim(), `已撤回：${other.title}`);
    await card.waitFor({ state: 'detached' });

    // With the past ones shown, after a reload: withdrawn, with its reason, no more buttons.
    await page.reload();
    await page.locator('[data-test="show-past"]').check();
    const past = page.locator(`[data-test="staff-notice"][data-notice="${other.id}"]`);
    await past.waitFor();
    assert.equal((await past.locator('[data-test="notice-state"]').textContent()).trim(), '已撤回');
    assert.match(await past.locator('[data-test="staff-notice-withdrawn"]').textContent(), /撤回原因：活动时间改期，另行通知/);
    assert.equal(await past.locator('[data-test="withdraw"]').count(), 0);

    const { page: phonePage, problems: phoneProblems } = await openAs('resident', phone);
    await phonePage.goto('/resident/notices');
    await phonePage.locator(`[data-test="notice-list"] [data-notice="${story.id}"]`).waitFor();
    assert.equal(await phonePage.locator(`[data-notice="${other.id}"]`).count(), 0);
    await screenshot(phonePage, 'announcements-list-phone');
    // Its link still opens it, saying why it was withdrawn.
    await phonePage.goto(`/resident/notices/${other.id}`);
    const note = phonePage.locator('[data-test="notice-withdrawn"]');
    await note.waitFor();
    assert.match(await note.textContent(), /撤回原因：活动时间改期，另行通知/);
    await screenshot(phonePage, 'announcements-withdrawn-phone');
    const after = (await resident.get(`/api/v1/announcements?community_id=${COMMUNITY}`)).items;
    assert.ok(!after.some((notice) => notice.id === other.id));
    await resident.dispose();
    assert.deepEqual(unexpected(problems), []);
    assert.deepEqual(unexpected(phoneProblems), []);
  });

  it('opens the notice from the resident’s inbox message', async () => {
    const { page, problems } = await openAs('resident', phone);
    await page.goto('/inbox');
    const message = page.locator('[data-test="inbox-item"]').filter({ hasText: `【停水停电】${story.title}` });
    await message.first().waitFor();
    await message.first().click();
    await page.waitForURL(new RegExp(`/resident/notices/${story.id}$`));
    await page.locator('[data-test="notice-detail"]').waitFor();
    assert.deepEqual(unexpected(problems), []);
  });

  it('shows the whole-community notices on the public board without a login, not a building’s', async () => {
    const { page, problems } = await openAs(null, phone);
    const open = await (await page.request.get(`/api/v1/public/announcements?community_id=${COMMUNITY}`)).json();
    assert.ok(open.items.length > 0, 'the demo has current whole-community notices');
    assert.ok(open.items.every((notice) => notice.buildings.length === 0));
    await page.goto(`/board?community_id=${COMMUNITY}`);
    const section = page.locator('[data-test="board-announcements"]');
    await section.waitFor();
    const titles = await section.locator('[data-test="board-announcement"] summary strong').allTextContents();
    assert.ok(titles.includes(open.items[0].title), `${open.items[0].title} on the board`);
    assert.ok(!titles.includes(story.title), 'a building’s cut is not public');
    assert.ok(!titles.includes(story.withdrawnTitle) || open.items.some((n) => n.title === story.withdrawnTitle));
    await section.locator('[data-test="board-announcement"] summary').first().click();
    await section.scrollIntoViewIfNeeded();
    await screenshotView(page, 'announcements-board-phone');
    assert.deepEqual(unexpected(problems), []);
  });
});
