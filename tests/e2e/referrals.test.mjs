// 转办 / 签收 / 退单 and the street's league table (issue 21) in Debian's chromium against a real
// `gongzhi serve --demo`: staff on a desktop refer a resident's open case to the street with a
// reason (a missing reason is said first); the street user on a phone (390×844) finds it under
// 待签收 in 转办诉求 and signs for it; on a desktop under 办理中, starts and resolves it with a
// note; the resident on a phone reads where it went, why, the signing and the resolution in
// Chinese; a second open case, referred by staff, is returned by the street with a reason in a
// dialog, and staff see 已退回 with the reason (and reach the case from their inbox); the league
// page ranks the demo community for the newest month with requests, with its rates as the API
// gives them, on a desktop table and phone cards.
//
// Cases come from the API (the resident files the first; the second is an accepted case of the
// community without an open referral), months from the league's answer: nothing depends on
// today's date. Pages are saved to tests/e2e/screenshots/referrals-*.png.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'playwright-core';
import { startServer } from './lib/server.mjs';
import path from 'node:path';
import { clickMenuLink, launchBrowser, newWatchedContext, phone, screenshot, screenshotDir, unexpected } from './lib/browser.mjs';
import { DEMO_PASSWORD, logIn } from './lib/session.mjs';

const desktop = { viewport: { width: 1366, height: 860 } };
const COMMUNITY = 1;
const REASON = '北门外人行道的路灯属市政设施，社区无权维修，请街道城管科协调';
const RESOLUTION = '街道城管科已联系市政，北门外路灯已全部更换';
const RETURN_REASON = '该处属小区内部道路，由物业服务中心负责，请社区督促物业';

async function apiAs(baseURL, username) {
  const client = await request.newContext({ baseURL });
  const login = await client.post('/api/v1/auth/login', { data: { username, password: DEMO_PASSWORD } });
  assert.equal(login.status(), 200, await login.text());
  const check = async (response, what) => {
    assert.ok(response.ok(), `${what}: ${response.status()} ${await response.text()}`);
    return response.json();
  };
  return {
    get: async (url) => check(await client.get(url), `GET ${url}`),
    post: async (url, data) => check(await client.post(url, { data }), `POST ${url}`),
    dispose: () => client.dispose(),
  };
}

const percent = (rate) => `${((rate.value ?? rate.numerator / rate.denominator) * 100).toFixed(1)}%`;

describe('转办: staff refer a case, the street signs for it and resolves or returns it; the league', { timeout: 900_000 }, () => {
  let server;
  let browser;
  let staffApi;
  const contexts = [];
  const story = { first: 0, second: 0, code: '' };

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
    const filed = await resident.post('/api/v1/requests', {
      category: 'public_facility',
      description: '小区北门外人行道的路灯一排都不亮，晚上老人出门看不清路。',
      location: '小区北门外',
    });
    story.first = filed.id;
    story.code = filed.tracking_code;
    await resident.dispose();
    staffApi = await apiAs(server.baseUrl, 'staff');
    const accepted = await staffApi.get(`/api/v1/requests?community_id=${COMMUNITY}&status=accepted&page_size=50`);
    for (const item of accepted.items) {
      const detail = await staffApi.get(`/api/v1/requests/${item.id}`);
      const latest = detail.referrals.at(-1);
      if (item.id !== story.first && (!latest || !['pending', 'accepted'].includes(latest.status))) {
        story.second = item.id;
        break;
      }
    }
    assert.ok(story.second, 'the demo has an accepted case without an open referral');
  });

  after(async () => {
    for (const { context } of contexts) await context.close().catch(() => undefined);
    await staffApi?.dispose();
    await browser?.close();
    await server?.stop();
  });

  it('lets staff on a desktop refer an open case to the street with a reason', async () => {
    const { page, problems } = await openAs('staff', desktop);
    await page.goto(`/staff/requests/${story.first}`);
    const form = page.locator('[data-test="refer-form"]');
    await form.waitFor();
    assert.ok(await form.getByRole('radio', { name: '街道' }).isChecked(), 'the street is the default receiver');
    await form.getByRole('radio', { name: '职能部门' }).check();
    const departments = await form.locator('#refer-department option').allTextContents();
    assert.ok(departments.includes('房管所'), `departments by name: ${departments}`);
    await form.getByRole('radio', { name: '街道' }).check();
    await page.locator('[data-test="refer-submit"]').click();
    assert.equal((await page.locator('#refer-reason-error').textContent()).trim(), '请填写转办原因');
    await form.getByLabel('转办原因').fill(REASON);
    assert.equal((await page.locator('#refer-reason-error').textContent()).trim(), '', 'the message goes once a reason is typed');
    await screenshot(page, 'referrals-staff-form-desktop');
    await page.locator('[data-test="refer-submit"]').click();
    await page.locator('[data-test="referrals"]').waitFor();

    await page.reload();
    const referral = page.locator('[data-test="referrals"] li').first();
    await referral.waitFor();
    assert.match(await referral.textContent(), /转至 北山街道/);
    assert.equal((await referral.locator('[data-test="referral-status"]').textContent()).trim(), '待签收');
    assert.match(await referral.textContent(), new RegExp(`转办原因：${REASON}`));
    assert.equal(await page.locator('[data-test="refer-form"]').count(), 0, 'no second referral while one is open');
    assert.match(await page.locator('[data-test="referral-open"]').textContent(), /已转至北山街道（待签收）/);
    assert.match(await page.locator('[data-test="timeline"] li[data-action="refer"]').textContent(), /已转至北山街道办理/);
    await screenshot(page, 'referrals-staff-refer-desktop');

    const detail = await staffApi.get(`/api/v1/requests/${story.first}`);
    assert.equal(detail.status, 'assigned');
    assert.equal(detail.referrals.length, 1);
    assert.equal(detail.referrals[0].status, 'pending');
    assert.equal(detail.referrals[0].reason, REASON);
    assert.deepEqual(unexpected(problems), []);
  });

  it('shows the street user on a phone the case under 待签收, and signs for it', async () => {
    const { page, problems } = await openAs('street', phone);
    await clickMenuLink(page, '转办诉求');
    await page.waitForURL(/\/street\/referrals/);
    const item = page.locator(`[data-test="referral-items"][data-tab="pending"] [data-test="request-item"][data-id="${story.first}"]`);
    await item.waitFor();
    assert.match(await page.locator('[data-test="referral-tabs"] button[aria-pressed="true"]').textContent(), /待签收/);
    await screenshot(page, 'referrals-street-queue-phone');
    await item.click();
    await page.waitForURL(new RegExp(`/staff/requests/${story.first}$`));
    const actions = page.locator('[data-test="street-actions"]');
    await actions.waitFor();
    assert.deepEqual(
      (await actions.locator('button[data-action]').allTextContents()).map((text) => text.trim()),
      ['签收', '退回社区', '记一笔'],
    );
    await actions.locator('button[data-action="accept_referral"]').click();
    assert.equal((await page.locator('[data-test="street-done"]').textContent()).trim(), '已签收，可以开始办理。');
    await page.reload();
    await page.locator('[data-test="referrals"]').waitFor();
    assert.equal((await page.locator('[data-test="referral-status"]').first().textContent()).trim(), '已签收');
    assert.deepEqual(
      (await page.locator('[data-test="street-actions"] button[data-action]').allTextContents()).map((text) => text.trim()),
      ['开始办理', '办结', '记一笔'],
    );
    await screenshot(page, 'referrals-street-case-phone');
    assert.equal((await staffApi.get(`/api/v1/requests/${story.first}`)).referrals[0].status, 'accepted');
    assert.deepEqual(unexpected(problems), []);
  });

  it('lets the street user on a desktop work the signed-for case under 办理中 and resolve it with a note', async () => {
    const { page, problems } = await openAs('street', desktop);
    await clickMenuLink(page, '转办诉求');
    await page.locator('[data-test="referral-tabs"] button[data-value="accepted"]').click();
    const item = page.locator(`[data-test="referral-items"][data-tab="accepted"] [data-test="request-item"][data-id="${story.first}"]`);
    await item.waitFor();
    await screenshot(page, 'referrals-street-queue-desktop');
    await item.click();
    const actions = page.locator('[data-test="street-actions"]');
    await actions.locator('button[data-action="start"]').click();
    assert.equal((await page.locator('[data-test="street-done"]').textContent()).trim(), '已开始办理。');
    await actions.locator('button[data-action="resolve"]').click();
    assert.equal((await page.locator('#street-note-error').textContent()).trim(), '请写明办理结果');
    await actions.getByLabel('说明').fill(RESOLUTION);
    await actions.locator('button[data-action="resolve"]').click();
    assert.equal((await page.locator('[data-test="street-done"]').textContent()).trim(), '已办结，等待社区回访和居民评价。');
    await page.reload();
    await page.locator('[data-test="referrals"]').waitFor();
    assert.equal((await page.locator('[data-test="referral-status"]').first().textContent()).trim(), '已办结');
    assert.match(await page.locator('[data-test="not-yours"]').textContent(), /街道已办结这件诉求/);
    await screenshot(page, 'referrals-street-resolved-desktop');
    const detail = await staffApi.get(`/api/v1/requests/${story.first}`);
    assert.equal(detail.status, 'resolved');
    assert.equal(detail.referrals[0].status, 'resolved');
    assert.deepEqual(unexpected(problems), []);
  });

  it('tells the resident on a phone where the case went, why, and how it ended, in Chinese', async () => {
    const { page, problems } = await openAs('resident', phone);
    await page.goto(`/resident/requests/${story.first}`);
    const timeline = page.locator('[data-test="timeline"]');
    await timeline.waitFor();
    const refer = timeline.locator('li[data-action="refer"]');
    assert.match(await refer.textContent(), /已转至北山街道办理/);
    assert.match(await refer.textContent(), new RegExp(`原因：${REASON}`));
    assert.match(await timeline.locator('li[data-action="accept_referral"]').textContent(), /北山街道已签收/);
    assert.match(await timeline.locator('li[data-action="resolve"]').textContent(), new RegExp(RESOLUTION));
    assert.doesNotMatch(await timeline.textContent(), /refer|accept_referral|return_referral/);
    await screenshot(page, 'referrals-resident-phone');

    // The public tracking page (no login, no referrals listed) says it in words too.
    await page.goto(`/track/${story.code}`);
    const track = page.locator('[data-test="timeline"]');
    await track.waitFor();
    // The referral's public note names the receiver, so the tracking page does too.
    assert.match(await track.locator('li[data-action="refer"]').textContent(), /已转至北山街道办理/);
    assert.match(await track.locator('li[data-action="refer"]').textContent(), new RegExp(`原因：${REASON}`));
    assert.match(await track.locator('li[data-action="accept_referral"]').textContent(), /街道已签收/);
    await screenshot(page, 'referrals-track-phone');
    assert.deepEqual(unexpected(problems), []);
  });

  it('lets the street return a second case with a reason, which staff read as 已退回', async () => {
    await staffApi.post(`/api/v1/requests/${story.second}/transitions`, { action: 'refer', level: 'street', note: '绿化带改造涉及公共绿地，请街道协调' });
    const street = await openAs('street', desktop);
    await street.page.goto(`/staff/requests/${story.second}`);
    const actions = street.page.locator('[data-test="street-actions"]');
    await actions.locator('button[data-action="return_referral"]').click();
    const dialog = street.page.locator('[data-test="return-dialog"]');
    await dialog.waitFor();
    await dialog.locator('[data-test="return-confirm"]').click();
    assert.equal((await dialog.getByRole('alert').first().textContent()).trim(), '请填写退回原因');
    await dialog.getByLabel('退回原因').fill(RETURN_REASON);
    assert.equal(await dialog.getByRole('alert').count(), 0, 'the missing-reason message goes once a reason is typed');
    // What the screen shows (a modal dialog), not the whole page.
    await street.page.screenshot({ path: path.join(screenshotDir, 'referrals-street-return-desktop.png') });
    await dialog.locator('[data-test="return-confirm"]').click();
    assert.equal((await street.page.locator('[data-test="street-done"]').textContent()).trim(), '已退回社区。');
    assert.deepEqual(unexpected(street.problems), []);

    const staff = await openAs('staff', desktop);
    await staff.page.goto('/inbox');
    const message = staff.page.locator('[data-test="inbox-item"]').filter({ hasText: RETURN_REASON }).first();
    await message.click();
    await staff.page.waitForURL(new RegExp(`/staff/requests/${story.second}$`));
    const referral = staff.page.locator('[data-test="referrals"] li').last();
    await referral.waitFor();
    assert.equal((await referral.locator('[data-test="referral-status"]').textContent()).trim(), '已退回');
    assert.match(await referral.locator('[data-test="referral-answer"]').textContent(), new RegExp(`街道答复：${RETURN_REASON}`));
    assert.match(await staff.page.locator('[data-test="timeline"] li[data-action="return_referral"]').last().textContent(), /北山街道退回社区/);
    await staff.page.locator('[data-test="refer-form"]').waitFor();
    await screenshot(staff.page, 'referrals-staff-returned-desktop');
    const detail = await staffApi.get(`/api/v1/requests/${story.second}`);
    assert.equal(detail.status, 'accepted');
    assert.equal(detail.referrals.at(-1).answer_note, RETURN_REASON);
    assert.deepEqual(unexpected(staff.problems), []);
  });

  it('ranks the demo community in the league for the newest month with requests', async () => {
    const streetApi = await apiAs(server.baseUrl, 'street');
    const streets = await streetApi.get('/api/v1/streets');
    const league = await streetApi.get(`/api/v1/requests/league?street_id=${streets.items[0].id}&months=6`);
    await streetApi.dispose();
    const month = league.months.find((m) => m.rows.some((row) => row.received > 0));
    const row = month.rows.find((r) => r.community_id === COMMUNITY);

    const { page, problems } = await openAs('street', desktop);
    await clickMenuLink(page, '社区排行榜');
    await page.waitForURL(/\/street\/league$/);
    const ranking = page.locator('[data-test="league-month-ranking"]');
    await ranking.waitFor();
    assert.equal(await ranking.getAttribute('data-month'), month.month);
    assert.equal(await page.locator('[data-test="league-month"]').inputValue(), month.month);
    assert.equal(await page.locator('[data-test="league-month"] option').count(), 6);
    assert.match(await page.locator('[data-test="league-weights"]').textContent(), /20%.*40%.*40%/);
    const line = page.locator(`[data-test="league-row"][data-community="${COMMUNITY}"]`);
    assert.match(await line.textContent(), new RegExp(`幸福里社区`));
    assert.equal((await line.locator('td').first().textContent()).trim(), String(row.rank));
    for (const field of ['response_rate', 'resolution_rate', 'satisfaction_rate']) {
      const cell = (await line.locator(`[data-rate="${field}"]`).textContent()).replace(/\s+/g, '');
      assert.equal(cell, `${percent(row[field])}${row[field].numerator}/${row[field].denominator}`);
    }
    assert.equal((await line.locator('[data-test="league-score"]').textContent()).trim(), row.score.toFixed(1));
    assert.equal(await page.locator('[data-test="rank-trend"] tbody tr').count(), month.rows.length);
    const trendRanks = await page.locator(`[data-test="rank-trend"] tr[data-community="${COMMUNITY}"] td`).allTextContents();
    assert.equal(trendRanks.length, 6);
    assert.equal(trendRanks.at(-1).trim(), String(league.months[0].rows.find((r) => r.community_id === COMMUNITY).rank));
    await screenshot(page, 'referrals-league-desktop');

    // An earlier month from the picker.
    const earlier = league.months.at(-1).month;
    await page.locator('[data-test="league-month"]').selectOption(earlier);
    assert.equal(await ranking.getAttribute('data-month'), earlier);
    assert.deepEqual(unexpected(problems), []);

    const mobile = await openAs('street', phone);
    await mobile.page.goto('/street/league');
    const card = mobile.page.locator(`[data-test="league-cards"] li[data-community="${COMMUNITY}"]`);
    await card.waitFor();
    assert.equal(await mobile.page.locator('[data-test="league-table"]').isVisible(), false, 'no squeezed table on a phone');
    assert.match(await card.textContent(), new RegExp(`第 ${row.rank} 名`));
    assert.match(await card.textContent(), new RegExp(percent(row.response_rate).replace('.', '\\.')));
    await screenshot(mobile.page, 'referrals-league-phone');
    assert.deepEqual(unexpected(mobile.problems), []);
  });
});
