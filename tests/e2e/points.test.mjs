// Points administration and community settings in Debian's chromium against a real
// `gongzhi serve --demo`: staff add a catalogue item and give the demo resident points, found
// by name and door (never an id), and correct a wrong award with a reason; the resident sees
// both in their statement on a phone, redeems the new item and gets a voucher; a guide may
// award but not keep the catalogue; staff change a setting that survives a reload (and a
// refused value is said in Chinese); the administrator loads next year's working-day calendar.
// Screenshots: tests/e2e/screenshots/points-*.png at phone and desktop size.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startServer } from './lib/server.mjs';
import { desktop, launchBrowser, newWatchedContext, phone, screenshot, screenshotDir, unexpected } from './lib/browser.mjs';
import { logIn } from './lib/session.mjs';

const ITEM = '端到端理发券';

describe('points administration, the resident statement and voucher, and community settings', { timeout: 420_000 }, () => {
  let server;
  let browser;
  const contexts = [];
  const story = {};

  async function openContext(options) {
    const watched = await newWatchedContext(browser, server.baseUrl, options);
    contexts.push(watched);
    return watched;
  }


  async function api(context, url) {
    const response = await context.request.get(url);
    assert.ok(response.ok(), `${url}: ${response.status()}`);
    return response.json();
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

  it('knows who the demo resident is (their name and door)', async () => {
    const resident = await openContext(phone);
    const page = await resident.context.newPage();
    await logIn(page, 'resident');
    const me = await api(resident.context, '/api/v1/me');
    const household = await api(resident.context, `/api/v1/households/${me.user.household_id}`);
    const self = household.residents.find((r) => r.name === me.user.display_name) ?? household.residents[0];
    Object.assign(story, { resident, residentPage: page, self, household });
    story.balanceBefore = (await api(resident.context, `/api/v1/points/accounts/${self.id}`)).balance;
  });

  it('lets staff add a catalogue item with its cost and per-person limit', async () => {
    const staff = await openContext(desktop);
    const page = await staff.context.newPage();
    story.staff = staff;
    story.staffPage = page;
    await logIn(page, 'staff');
    // The menu leads there.
    await page.goto('/staff/queue');
    await page.locator('a[href="/staff/points"]').first().waitFor({ state: 'attached' });
    await page.goto('/staff/points?tab=catalog');
    await page.locator('[data-test="catalog-form"]').waitFor();
    // Checked before it is sent: no name, no price.
    await page.locator('[data-test="item-submit"]').click();
    await page.locator('[data-test="catalog-form"] .field-error').filter({ hasText: '请填写名称' }).waitFor();
    await page.locator('[data-test="item-name"]').fill(ITEM);
    await page.locator('[data-test="item-category"]').selectOption('service_voucher');
    await page.locator('[data-test="item-price"]').fill('15');
    await page.locator('[data-test="item-stock"]').fill('5');
    await page.locator('[data-test="item-limit"]').fill('1');
    await page.locator('[data-test="item-period"]').selectOption('month');
    await page.locator('[data-test="item-submit"]').click();
    await page.locator('[data-test="catalog-done"]').filter({ hasText: ITEM }).waitFor();
    const card = page.locator('[data-test="admin-item"]').filter({ hasText: ITEM });
    await card.waitFor();
    assert.match(await card.textContent(), /15 积分/);
    assert.match(await card.textContent(), /剩余 5 \/ 5 份/);
    assert.match(await card.textContent(), /每人每月限 1 份/);
    const catalog = await api(staff.context, '/api/v1/points/catalog?community_id=1');
    const item = catalog.items.find((entry) => entry.name === ITEM);
    assert.equal(item.limit_per_resident, 1);
    assert.equal(item.limit_period, 'month');
    story.item = item;
    await screenshot(page, 'points-01-catalog-desktop');
  });

  it('lets staff find the resident by name and door and give points with a reason', async () => {
    const page = story.staffPage;
    await page.goto('/staff/points?tab=award');
    await page.locator('[data-test="picker-q"]').fill(story.self.name);
    await page.locator('[data-test="picker-search"]').click();
    const choice = page.locator('[data-test="picker-choice"]').filter({ hasText: story.self.name }).filter({ hasText: story.household.address });
    await choice.first().waitFor();
    // Names and doors, never ids.
    for (const text of await page.locator('[data-test="picker-choice"]').allTextContents()) {
      assert.doesNotMatch(text, /#\d|编号/);
    }
    await choice.first().click();
    await page.locator('[data-test="picked-name"]').filter({ hasText: story.self.name }).waitFor();
    // A reason is required.
    await page.locator('[data-test="award-rule"]').selectOption('meeting');
    await page.locator('[data-test="award-quantity"]').fill('2');
    await page.locator('[data-test="award-submit"]').click();
    await page.locator('[data-test="award-form"] .field-error').filter({ hasText: '请写明加积分的原因' }).waitFor();
    await page.locator('[data-test="award-reason"]').fill('帮助邻居搬家');
    assert.match(await page.locator('[data-test="award-submit"]').textContent(), /加 20 积分/);
    await page.locator('[data-test="award-submit"]').click();
    await page.locator('[data-test="award-done"]').filter({ hasText: '20 积分' }).waitFor();
    await page.locator('[data-test="posting"]').filter({ hasText: '帮助邻居搬家' }).waitFor();

    // A second award by mistake, then corrected with a reason.
    await page.locator('[data-test="award-quantity"]').fill('1');
    await page.locator('[data-test="award-reason"]').fill('误录：重复的议事签到');
    await page.locator('[data-test="award-submit"]').click();
    await page.locator('[data-test="posting"]').filter({ hasText: '误录' }).waitFor();
    const wrong = page.locator('[data-test="posting"]').filter({ hasText: '误录' });
    await wrong.locator('[data-test="correct"]').click();
    await wrong.locator('[data-test="correct-submit"]').click();
    await wrong.locator('.field-error').filter({ hasText: '请写明更正的原因' }).waitFor();
    await wrong.locator('[data-test="correct-reason"]').fill('重复录入');
    await wrong.locator('[data-test="correct-submit"]').click();
    await page.locator('[data-test="posting"][data-code="correction"]').filter({ hasText: '重复录入' }).waitFor();
    assert.match(await page.locator('[data-test="posting"][data-code="correction"]').first().textContent(), /−10/);
    // The correction names the line it reverses; that line is marked and offers no second correction.
    assert.match(await page.locator('[data-test="posting"][data-code="correction"] [data-test="reverses"]').first().textContent(), /冲销 .*\+10/);
    await page.locator('[data-test="posting"]').filter({ hasText: '误录' }).locator('[data-test="was-corrected"]').waitFor();
    assert.equal(await page.locator('[data-test="posting"]').filter({ hasText: '误录' }).locator('[data-test="correct"]').count(), 0);
    assert.equal(await page.locator('[data-test="award-done"]').count(), 0, 'the award message does not outlive the correction');
    const account = await api(story.staff.context, `/api/v1/points/accounts/${story.self.id}`);
    assert.equal(account.balance, story.balanceBefore + 20);
    await screenshot(page, 'points-02-award-desktop');
    assert.deepEqual(unexpected(story.staff.problems), []);
  });

  it('shows the resident the award in their statement, and a voucher once they redeem', async () => {
    const page = story.residentPage;
    await page.goto('/resident/points');
    const history = page.locator('[data-test="history"]');
    await history.waitFor();
    // Each member's card leads to their statement.
    await page.locator(`[data-resident="${story.self.id}"] [data-test="show-history"]`).click();
    const award = history.locator('[data-test="posting"]').filter({ hasText: '帮助邻居搬家' });
    await award.waitFor();
    assert.match(await award.textContent(), /参与议事/);
    assert.match(await award.locator('[data-test="posting-amount"]').textContent(), /\+20/);
    // The correction is there too, with its reason.
    await history.locator('[data-test="posting"][data-code="correction"]').filter({ hasText: '重复录入' }).waitFor();
    await screenshot(page, 'points-03-resident-history-phone');

    if (await page.getByLabel('用谁的积分').count()) await page.getByLabel('用谁的积分').selectOption(String(story.self.id));
    const item = page.locator(`[data-test="catalog-item"][data-item="${story.item.id}"]`);
    await item.locator('[data-test="redeem"]').click();
    const voucher = page.locator('[data-test="voucher"]');
    await voucher.waitFor();
    assert.match(await voucher.locator('[data-test="voucher-item"]').textContent(), new RegExp(`${ITEM} × 1`));
    assert.match(await voucher.locator('[data-test="voucher-resident"]').textContent(), new RegExp(story.self.name));
    const redemption = history.locator('[data-test="posting"][data-code="redemption"]').filter({ hasText: ITEM });
    await redemption.waitFor();
    assert.match(await redemption.locator('[data-test="posting-amount"]').textContent(), /−15/);
    const account = await api(story.resident.context, `/api/v1/points/accounts/${story.self.id}`);
    assert.equal(account.balance, story.balanceBefore + 5);
    assert.match(await history.locator('[data-test="posting"]').first().textContent(), new RegExp(`余额 ${account.balance}`));
    await screenshot(page, 'points-04-resident-voucher-phone');
    // The history survives a reload; the statement still shows the redemption.
    await page.reload();
    await page.locator('[data-test="history"] [data-test="posting"][data-code="redemption"]').first().waitFor();
    // The resident chooses to be named on the leaderboard, and can open it.
    await page.locator('[data-test="board-show"]').click();
    await page.locator('[data-test="board-chosen"]').filter({ hasText: '会显示您的名字' }).waitFor();
    assert.equal(await page.locator('[data-test="board-show"]').getAttribute('aria-pressed'), 'true');
    await page.locator('[data-test="board-choice"] summary').click();
    await page.locator('[data-test="board-choice"] [data-test="board-row"]').first().waitFor();
    // Large type keeps the statement readable on the phone, with nothing wider than the screen.
    await page.locator('[data-test="elderly-toggle"]').click();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the page is ${overflow}px wider than the phone in large type`);
    await page.locator('[data-test="history"]').screenshot({ path: `${screenshotDir}/points-04b-resident-history-large-phone.png` });
    await page.locator('[data-test="elderly-toggle"]').click();
    assert.deepEqual(unexpected(story.resident.problems), []);
  });

  it('shows the leaderboard with only opted-in names', async () => {
    const page = story.staffPage;
    await page.goto('/staff/points?tab=leaderboard');
    await page.locator('[data-test="board-row"]').first().waitFor();
    const board = await api(story.staff.context, '/api/v1/points/leaderboard?community_id=1');
    const rows = await page.locator('[data-test="board-row"]').allTextContents();
    assert.equal(rows.length, board.items.length);
    board.items.forEach((row, index) => {
      assert.match(rows[index], row.resident_id === null ? /匿名居民/ : new RegExp(row.name));
    });
    await screenshot(page, 'points-05-leaderboard-desktop');
  });

  it('lets a guide award but not keep the catalogue', async () => {
    const guide = await openContext(phone);
    const page = await guide.context.newPage();
    await logIn(page, 'guide1');
    await page.goto('/staff/points?tab=catalog');
    await page.locator('[data-test="admin-item"]').first().waitFor();
    assert.equal(await page.locator('[data-test="catalog-form"]').count(), 0);
    await page.goto('/staff/points?tab=award');
    await page.locator('[data-test="picker-q"]').waitFor();
    await screenshot(page, 'points-06-guide-award-phone');
    await page.goto('/staff/settings');
    await page.waitForURL('**/forbidden');
  });

  it('keeps a changed setting across a reload, and says a refused value in Chinese', async () => {
    const page = story.staffPage;
    await page.goto('/staff/settings');
    const notice = page.locator('[data-test="settings-notice"]');
    const days = notice.locator('[data-test="notice-days"]');
    await days.waitFor();
    const before = Number(await days.inputValue());
    const next = before >= 60 ? before - 1 : before + 1;
    await days.fill('3');
    await notice.locator('[data-test="section-save"]').click();
    await notice.locator('.field-error').filter({ hasText: '请填写 7 到 60 之间的数' }).waitFor();
    await days.fill(String(next));
    await notice.locator('[data-test="section-save"]').click();
    await notice.locator('[data-test="section-saved"]').waitFor();
    // Another section, saved on its own: points expire after 24 months.
    const bank = page.locator('[data-test="settings-bank"]');
    await bank.locator('[data-test="bank-expiry"]').fill('24');
    await bank.locator('[data-test="section-save"]').click();
    await bank.locator('[data-test="section-saved"]').waitFor();
    await page.reload();
    await page.locator('[data-test="settings-notice"] [data-test="notice-days"]').waitFor();
    assert.equal(Number(await page.locator('[data-test="notice-days"]').inputValue()), next);
    await page.locator('[data-test="bank-expiry"]').waitFor();
    assert.equal(await page.locator('[data-test="bank-expiry"]').inputValue(), '24');
    const saved = await api(story.staff.context, '/api/v1/transparency/settings?community_id=1');
    assert.equal(saved.notice_days, next);
    // Staff read the calendar but do not load files.
    await page.locator('[data-test="calendar-years"]').waitFor();
    assert.equal(await page.locator('[data-test="calendar-form"]').count(), 0);
    await screenshot(page, 'points-07-settings-desktop');
    assert.deepEqual(unexpected(story.staff.problems), []);

    const phoneStaff = await openContext(phone);
    const phonePage = await phoneStaff.context.newPage();
    await logIn(phonePage, 'staff');
    await phonePage.goto('/staff/settings');
    await phonePage.locator('[data-test="calendar-years"]').waitFor();
    await screenshot(phonePage, 'points-08-settings-phone');
    await phonePage.goto('/staff/points');
    await phonePage.locator('[data-test="picker-q"]').fill(story.self.name);
    await phonePage.locator('[data-test="picker-search"]').click();
    await phonePage.locator('[data-test="picker-choice"]').first().waitFor();
    await screenshot(phonePage, 'points-09a-picker-phone');
    await phonePage.locator('[data-test="picker-choice"]').filter({ hasText: story.household.address }).first().click();
    await phonePage.locator('[data-test="posting"]').first().waitFor();
    await screenshot(phonePage, 'points-09-award-phone');
  });

  it("lets the administrator load next year's working-day calendar", async () => {
    const admin = await openContext(desktop);
    const page = await admin.context.newPage();
    await logIn(page, 'admin');
    const current = await api(admin.context, '/api/v1/calendar');
    const year = current.years[current.years.length - 1] + 1;
    const dir = mkdtempSync(path.join(tmpdir(), 'gongzhi-calendar-'));
    const file = path.join(dir, `cn-workdays-${year}.json`);
    writeFileSync(
      file,
      JSON.stringify({
        source: 'e2e',
        years: [year],
        holidays: { [`${year}-01-01`]: '元旦', [`${year}-10-01`]: '国庆节', [`${year}-10-02`]: '国庆节' },
        workdays: { [`${year}-09-26`]: '国庆节' },
      }),
    );
    try {
      await page.goto('/staff/settings#calendar-title');
      await page.locator('[data-test="calendar-form"]').waitFor();
      await page.locator('[data-test="calendar-file"]').setInputFiles(file);
      await page.locator('[data-test="calendar-submit"]').click();
      await page.locator('[data-test="calendar-loaded"]').filter({ hasText: String(year) }).waitFor();
      assert.match(await page.locator('[data-test="calendar-years"]').textContent(), new RegExp(`${year}`));
      assert.match(await page.locator('[data-test="calendar-holidays"]').textContent(), /国庆节/);
      const after = await api(admin.context, '/api/v1/calendar');
      assert.ok(after.years.includes(year));
      await page.locator('[data-test="settings-calendar"]').screenshot({ path: path.join(screenshotDir, 'points-10-calendar-admin.png') });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    assert.deepEqual(unexpected(admin.problems), []);
  });
});
