// Young residents host activities (社区主理人, issue 19) in Debian's chromium against a real
// `gongzhi serve --demo`: the demo resident proposes a skill sharing with its plan, time and
// budget on a phone (我来主理一个活动) and reads 待审核; a fourth proposal of the household is
// refused in words (proposal_limit); staff on a desktop decline one with a reason and approve
// the first with a budget from the executing services plan's line (too much is refused first:
// line_overspent), and the public plan page shows the spending 社区主理人活动：…; a neighbour
// (weiyuan2) signs up on a phone; the host reads the sign-up sheet (the neighbour's name masked)
// and the check-in code, ticks those who came once check-in opens, and after the end records
// the minutes and reads 已获得主理人积分 20 分.
//
// One demo database is served three times: at the demo's now (or GONGZHI_NOW), then by a
// server whose clock starts half an hour into the activity, then ten minutes after its end.
// Every instant comes from the server (its Date header and the activity's JSON). Pages are
// saved to tests/e2e/screenshots/hosts-*.png.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'playwright-core';
import { newDatabase, startServer } from './lib/server.mjs';
import path from 'node:path';
import { clickMenuLink, launchBrowser, newWatchedContext, phone, screenshot, screenshotDir, unexpected } from './lib/browser.mjs';
import { DEMO_PASSWORD, logIn } from './lib/session.mjs';

const desktop = { viewport: { width: 1366, height: 860 } };
const COMMUNITY = 1;
const TITLE = '手机拍照小课堂';

/** "2026-12-03T08:00:00.000+08:00" for an instant, as the server reads --now. */
function shanghaiIso(epochMs) {
  return `${new Date(epochMs + 8 * 3_600_000).toISOString().slice(0, 23)}+08:00`;
}
const shanghaiDay = (epochMs) => new Date(epochMs + 8 * 3_600_000).toISOString().slice(0, 10);

let keyCount = 0;
const key = (what) => `hosts-${what}-${Date.now()}-${++keyCount}`;

/** An API client logged in as `username`; `now()` is the server's clock at its last answer. */
async function apiAs(baseURL, username) {
  const client = await request.newContext({ baseURL });
  const login = await client.post('/api/v1/auth/login', { data: { username, password: DEMO_PASSWORD } });
  assert.equal(login.status(), 200, await login.text());
  let serverDate = Date.parse(login.headers().date);
  const call = async (method, url, data) => {
    const response = await client.fetch(url, {
      method,
      ...(data === undefined ? {} : { data, headers: { 'Idempotency-Key': key(method) } }),
    });
    serverDate = Date.parse(response.headers().date);
    const text = await response.text();
    return { status: response.status(), body: text ? JSON.parse(text) : null };
  };
  return {
    call,
    now: () => serverDate,
    get: async (url) => {
      const answer = await call('GET', url);
      assert.equal(answer.status, 200, `GET ${url}: ${JSON.stringify(answer.body)}`);
      return answer.body;
    },
    post: async (url, data, expected = [200, 201]) => {
      const answer = await call('POST', url, data);
      assert.ok(expected.includes(answer.status), `POST ${url}: ${answer.status} ${JSON.stringify(answer.body)}`);
      return answer;
    },
    dispose: () => client.dispose(),
  };
}

describe('社区主理人: a resident hosts an activity', { timeout: 600_000 }, () => {
  const database = newDatabase();
  let server;
  let browser;
  const contexts = [];
  const story = { activity: null, planId: 0, quarter: '', day: '', declined: 0 };

  async function openAs(username, options) {
    const watched = await newWatchedContext(browser, server.baseUrl, options);
    contexts.push(watched);
    const page = await watched.context.newPage();
    if (username) await logIn(page, username);
    return { page, ...watched };
  }

  async function restartAt(epochMs) {
    for (const { context } of contexts.splice(0)) await context.close().catch(() => undefined);
    await server.stop();
    server = await startServer({ db: database, args: ['--now', shanghaiIso(epochMs)] });
  }

  before(async () => {
    browser = await launchBrowser();
    server = await startServer({ db: database });
    const staff = await apiAs(server.baseUrl, 'staff');
    const plans = await staff.get(`/api/v1/allocation/plans?community_id=${COMMUNITY}`);
    const executing = plans.items.filter((plan) => plan.stage === 'executing' && plan.unit === 'fen');
    assert.ok(executing.length, 'the demo has an executing money plan');
    executing.sort((a, b) => b.quarter.localeCompare(a.quarter));
    story.planId = executing[0].id;
    story.quarter = executing[0].quarter;
    // Three days after the server's today, in Shanghai.
    story.day = shanghaiDay(staff.now() + 3 * 86_400_000);
    await staff.dispose();
  });

  after(async () => {
    for (const { context } of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
    database.remove();
  });

  it('lets the resident propose an activity on a phone and see it awaiting review; a fourth is refused', async () => {
    const { page, problems } = await openAs('resident', phone);
    await page.goto('/resident/activities');
    await page.locator('[data-test="host-entry-open"]').click();
    await page.waitForURL(/\/resident\/hosting$/);
    const form = page.locator('[data-test="hosting-form"]');
    await form.getByRole('button', { name: '技能分享' }).click();
    await form.getByLabel('活动名称').fill(TITLE);
    await form.getByLabel('活动方案').fill('做什么：教大家用手机拍照、修图\n为谁：想学拍照的老人和孩子\n怎么做：分两组，一对一手把手');
    // Nothing typed wrong goes to the server: an end before the start is said first.
    await form.getByLabel('日期').fill(story.day);
    await form.getByLabel('开始时间').fill('14:00');
    await form.getByLabel('结束时间').fill('13:00');
    await page.locator('[data-test="hosting-submit"]').click();
    assert.equal((await page.locator('[data-test="hosting-error"]').textContent()).trim(), '请选好日期，结束时间要晚于开始时间。');
    await form.getByLabel('结束时间').fill('16:00');
    await form.getByLabel('人数上限').fill('20');
    await form.getByLabel('申请经费（元）').fill('300');
    await screenshot(page, 'hosts-propose-form-phone');
    await page.locator('[data-test="hosting-submit"]').click();
    assert.equal((await page.locator('[data-test="hosting-sent"]').textContent()).trim(), '已提交，等待社区审核');

    // After a reload, from the server: awaiting review with the budget asked for.
    await page.reload();
    const card = page.locator('[data-test="hosted"]').filter({ hasText: TITLE });
    await card.waitFor();
    assert.equal((await card.locator('[data-test="hosted-status"]').textContent()).trim(), '待审核');
    assert.equal((await card.locator('[data-test="hosted-budget"]').textContent()).trim(), '申请经费 300.00 元');
    const id = Number(await card.getAttribute('data-activity'));
    const activity = await (await page.request.get(`/api/v1/activities/${id}`)).json();
    assert.deepEqual(
      { status: activity.status, kind: activity.kind, budget: activity.budget_fen, capacity: activity.capacity, starts: activity.starts_at, ends: activity.ends_at },
      { status: 'proposed', kind: 'skill_sharing', budget: 30000, capacity: 20, starts: `${story.day}T14:00:00.000+08:00`, ends: `${story.day}T16:00:00.000+08:00` },
    );
    story.activity = activity;
    // The neighbours' list leaves a proposal out.
    await page.goto('/resident/activities');
    await page.locator('[data-test="host-entry"]').waitFor();
    assert.equal(await page.locator(`[data-test="activity"][data-activity="${id}"]`).count(), 0);

    // Two more through the API fill the household's three awaiting review.
    const resident = await apiAs(server.baseUrl, 'resident');
    for (const [index, title] of ['楼道清洁志愿队', '周末亲子手工'].entries()) {
      const answer = await resident.post('/api/v1/activities/hosting', {
        community_id: COMMUNITY,
        kind: index === 0 ? 'volunteer' : 'activity',
        title,
        agenda: '做什么：…；为谁：…；怎么做：…',
        starts_at: `${story.day}T0${8 + index}:00:00+08:00`,
        ends_at: `${story.day}T0${8 + index}:30:00+08:00`,
      });
      if (index === 0) story.declined = answer.body.id;
    }
    await resident.dispose();
    await page.goto('/resident/hosting');
    await form.getByLabel('活动名称').fill('再来一个');
    await form.getByLabel('活动方案').fill('做什么：…');
    await page.locator('[data-test="hosting-submit"]').click();
    await page.locator('[data-test="hosting-error"]').filter({ hasText: '每户最多3个' }).waitFor();
    assert.match(await page.locator('[data-test="hosting-error"]').textContent(), /每户最多3个待审核的主理活动/);
    await screenshot(page, 'hosts-mine-phone');

    // In large type, and then in English, the form still fits the phone.
    await page.evaluate(() => localStorage.setItem('gongzhi.elderly', 'on'));
    await page.reload();
    await page.locator('[data-test="hosted"]').nth(2).waitFor();
    assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= 392, 'no sideways scroll in large type');
    await screenshot(page, 'hosts-mine-phone-large');
    await page.evaluate(() => localStorage.setItem('gongzhi.locale', 'en'));
    await page.reload();
    const english = await page.locator('[data-test="hosting-form"]').innerText();
    assert.doesNotMatch(english, /[\u4e00-\u9fff]/, `no Chinese in the English form: ${english}`);
    assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= 392, 'no sideways scroll in English');
    await screenshot(page, 'hosts-propose-phone-en-large');
    await page.evaluate(() => {
      localStorage.removeItem('gongzhi.elderly');
      localStorage.removeItem('gongzhi.locale');
    });
    assert.deepEqual(unexpected(problems, [429]), []);
  });

  it('lets staff decline one with a reason and approve the first with a budget from the executing plan, on a desktop', async () => {
    const { page, problems } = await openAs('staff', desktop);
    await clickMenuLink(page, '主理活动审核');
    await page.waitForURL(/\/staff\/hosting$/);
    const declined = page.locator(`[data-test="review-item"][data-activity="${story.declined}"]`);
    await declined.locator('[data-test="mode-decline"]').click();
    await declined.locator('[data-test="decision-submit"]').click();
    assert.equal((await declined.locator('[data-test="decision-error"]').textContent()).trim(), '请写明不同意的理由。');
    await declined.getByLabel('不同意的理由').fill('同一天上午已有大扫除，请和物业一起改到下周。');
    await declined.locator('[data-test="decision-submit"]').click();
    const done = page.locator(`[data-test="review-decided"] li[data-activity="${story.declined}"]`);
    await done.locator('[data-test="review-done"]').waitFor();
    assert.equal(await done.getAttribute('data-status'), 'declined');

    const item = page.locator(`[data-test="review-item"][data-activity="${story.activity.id}"]`);
    assert.equal((await item.locator('[data-test="review-host"]').textContent()).trim(), '张文博');
    assert.equal((await item.locator('[data-test="review-requested"]').textContent()).trim(), '300.00 元');
    assert.match(await item.locator('[data-test="review-plan"]').textContent(), /为谁：想学拍照的老人和孩子/);
    // The plan by its quarter; the line by its Chinese name with what it has left.
    assert.equal((await item.locator('[data-test="decision-plan"] option:checked').textContent()).trim(), `${story.quarter} 服务经费（执行中）`);
    const lines = await item.locator('[data-test="decision-line"] option').allTextContents();
    const withRoom = lines
      .map((text) => ({ text: text.trim(), left: Number((text.match(/剩余 ([\d,.]+) 元/)?.[1] ?? '0').replace(/,/g, '')) }))
      .filter((line) => line.left >= 300);
    assert.ok(withRoom.length, `a line has 300 元 left: ${lines.join(' | ')}`);
    const line = withRoom.find((l) => l.text.startsWith('文体')) ?? withRoom[0];
    await item.locator('[data-test="decision-line"]').selectOption({ label: line.text });
    // More than the line has left is refused by the server, in words.
    await item.getByLabel('批准经费（元）').fill(String(Math.ceil(line.left) + 100));
    await item.locator('[data-test="decision-submit"]').click();
    await item.locator('[data-test="decision-error"]').filter({ hasText: '剩下的经费不够' }).waitFor();
    await screenshot(page, 'hosts-review-desktop');
    await item.getByLabel('批准经费（元）').fill('300');
    await item.locator('[data-test="decision-submit"]').click();
    const approved = page.locator(`[data-test="review-decided"] li[data-activity="${story.activity.id}"]`);
    await approved.locator('[data-test="review-done"]').waitFor();
    assert.equal((await approved.locator('[data-test="review-status"]').textContent()).trim(), '已批准');
    assert.match(await approved.locator('[data-test="review-spending"]').textContent(), new RegExp(`记入 ${story.quarter} .*：300.00 元`));
    await screenshot(page, 'hosts-reviewed-desktop');

    const activity = await (await page.request.get(`/api/v1/activities/${story.activity.id}`)).json();
    assert.deepEqual(
      { status: activity.status, budget: activity.budget_fen, plan: activity.budget_plan_id },
      { status: 'approved', budget: 30000, plan: story.planId },
    );
    story.category = activity.budget_category;
    assert.deepEqual(unexpected(problems, [409]), []);

    // The review on a staff phone.
    const onPhone = await openAs('staff', phone);
    await onPhone.page.goto('/staff/hosting');
    await onPhone.page.locator('[data-test="review-decided"]').waitFor();
    await screenshot(onPhone.page, 'hosts-review-phone');
    assert.deepEqual(unexpected(onPhone.problems), []);
  });

  it('shows the budget as the plan line\'s spending on the public plan page', async () => {
    const { page, problems } = await openAs(null, phone);
    await page.goto(`/board/plans/${story.planId}`);
    const record = page.locator('[data-test="spending"] li').filter({ hasText: `社区主理人活动：${TITLE}` });
    await record.waitFor();
    assert.match(await record.textContent(), /300\.00 元/);
    // The spending card alone: the whole plan page is many screens long.
    await page.locator('section').filter({ has: page.locator('[data-test="spending"]') }).screenshot({ path: path.join(screenshotDir, 'hosts-board-spending-phone.png') });
    assert.deepEqual(unexpected(problems), []);
  });

  it('shows the host the outcome, a neighbour signs up, and the host reads the masked sheet and the code', async () => {
    const host = await openAs('resident', phone);
    // The decision reaches the host's inbox, and its message opens 我主理的活动.
    await host.page.goto('/inbox');
    const message = host.page.locator('[data-test="inbox-item"]').filter({ hasText: `您申请主理的活动《${TITLE}》已获批准` });
    await message.click();
    await host.page.waitForURL(/\/resident\/hosting$/);
    const card = host.page.locator(`[data-test="hosted"][data-activity="${story.activity.id}"]`);
    assert.equal((await card.locator('[data-test="hosted-status"]').textContent()).trim(), '已批准');
    assert.equal((await card.locator('[data-test="hosted-budget"]').textContent()).trim(), '已批准经费 300.00 元');
    const declined = host.page.locator(`[data-test="hosted"][data-activity="${story.declined}"]`);
    assert.equal((await declined.locator('[data-test="hosted-status"]').textContent()).trim(), '未同意');
    assert.match(await declined.locator('[data-test="hosted-reason"]').textContent(), /未同意的理由：同一天上午已有大扫除/);
    await screenshot(host.page, 'hosts-decided-phone');

    // A neighbour signs up from the activities page, as for any activity.
    const neighbour = await openAs('weiyuan2', phone);
    await neighbour.page.goto('/resident/activities');
    const offered = neighbour.page.locator(`[data-test="activity"][data-activity="${story.activity.id}"]`);
    await offered.locator('[data-test="signup"]').click();
    await offered.locator('[data-test="activity-done"]').waitFor();
    assert.deepEqual(unexpected(neighbour.problems), []);
    // The host's own household too (through the API).
    const resident = await apiAs(server.baseUrl, 'resident');
    await resident.post(`/api/v1/activities/${story.activity.id}/signups`, {});
    await resident.dispose();

    await card.locator('[data-test="hosted-open"]').click();
    await host.page.waitForURL(new RegExp(`/resident/hosting/${story.activity.id}$`));
    const rows = host.page.locator('[data-test="sheet-signup"]');
    await rows.nth(1).waitFor();
    const names = (await rows.locator('.signup-name').allTextContents()).map((n) => n.trim());
    assert.equal(names.length, 2);
    assert.ok(names.some((n) => /^.\*\*$/.test(n)), `the neighbour is masked: ${names}`);
    assert.ok(names.includes('张文博'), `the host's own household in full: ${names}`);
    assert.equal((await host.page.locator('[data-test="sheet-code"]').textContent()).trim(), story.activity.checkin_code);
    assert.equal(await host.page.locator('[data-test="sheet-signup"] input[type="checkbox"]').count(), 0, 'check-in is not open yet');
    assert.equal((await host.page.locator('[data-test="sheet-minutes-later"]').textContent()).trim(), '活动结束后才能记录纪要。');
    await screenshot(host.page, 'hosts-sheet-phone');
    assert.deepEqual(unexpected(host.problems), []);
  });

  it('lets the host tick those who came once the activity is under way', async () => {
    await restartAt(Date.parse(story.activity.starts_at) + 30 * 60_000);
    const { page, problems } = await openAs('resident', phone);
    await page.goto(`/resident/hosting/${story.activity.id}`);
    const boxes = page.locator('[data-test="sheet-signup"] input[type="checkbox"]');
    await boxes.nth(1).waitFor();
    await page.locator('[data-test="sheet-checkin"]').click();
    assert.equal((await page.locator('[data-test="sheet-checkin-error"]').textContent()).trim(), '请先勾选到场的人。');
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    assert.equal((await page.locator('[data-test="sheet-checkin"]').textContent()).trim(), '确认签到（2 人）');
    await screenshot(page, 'hosts-checkin-phone');
    await page.locator('[data-test="sheet-checkin"]').click();
    assert.equal((await page.locator('[data-test="sheet-checkin-done"]').textContent()).trim(), '已签到 2 人。');
    await page.reload();
    await page.locator('[data-test="sheet-signup"][data-checked-in="true"]').nth(1).waitFor();
    assert.equal((await page.locator('[data-test="sheet-attendees"]').textContent()).trim(), '到场 2 人');
    const sheet = await (await page.request.get(`/api/v1/activities/${story.activity.id}/signups`)).json();
    assert.deepEqual(sheet.items.map((s) => s.checked_in), [true, true]);
    assert.deepEqual(unexpected(problems), []);
  });

  it('lets the host record the minutes after the end and earn the host points', async () => {
    await restartAt(Date.parse(story.activity.ends_at) + 10 * 60_000);
    const { page, problems } = await openAs('resident', phone);
    await page.goto(`/resident/hosting/${story.activity.id}`);
    await page.getByLabel('活动纪要', { exact: true }).fill('来了 2 户，学会了构图和修图，下次想讲视频剪辑。');
    await page.locator('[data-test="sheet-minutes-save"]').click();
    assert.equal((await page.locator('[data-test="sheet-points"]').textContent()).trim(), '已获得主理人积分 20 分');
    await page.reload();
    assert.match(await page.locator('[data-test="sheet-minutes-text"]').textContent(), /学会了构图和修图/);
    await page.locator('[data-test="sheet-points"]').waitFor();
    await screenshot(page, 'hosts-minutes-phone');
    const activity = await (await page.request.get(`/api/v1/activities/${story.activity.id}`)).json();
    assert.equal(activity.host_points_paid, true);
    assert.deepEqual(unexpected(problems), []);
  });
});
