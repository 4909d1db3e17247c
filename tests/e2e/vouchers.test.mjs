// Redemption vouchers in Debian's chromium against a real `gongzhi serve --demo`: the demo
// resident redeems an item on a phone and sees the voucher's code, large, and its QR image
// (loaded); a guide on a phone types the code in lower case without the dash, sees the item,
// hands it out with 确认发放, and a second 确认发放 (from a page opened before) says 已经用过;
// the resident's 我的兑换凭证 then shows it used. Staff on a desktop see the used voucher too.
// Screenshots: tests/e2e/screenshots/vouchers-*.png.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { startServer } from './lib/server.mjs';
import { desktop, launchBrowser, newWatchedContext, phone, screenshot, screenshotDir, unexpected } from './lib/browser.mjs';
import { logIn } from './lib/session.mjs';


describe('redemption vouchers: shown by the resident, checked and handed out once by a guide', { timeout: 300_000 }, () => {
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

  it('lets the resident redeem an item on a phone and shows the code, large, and its QR image', async () => {
    const resident = await openContext(phone);
    const page = await resident.context.newPage();
    await logIn(page, 'resident');
    const me = await api(resident.context, '/api/v1/me');
    const household = await api(resident.context, `/api/v1/households/${me.user.household_id}`);
    const self = household.residents.find((r) => r.name === me.user.display_name) ?? household.residents[0];
    const { balance } = await api(resident.context, `/api/v1/points/accounts/${self.id}`);
    const { items } = await api(resident.context, `/api/v1/points/catalog?community_id=${me.user.community_ids[0]}`);
    // The cheapest item in stock that the resident's points cover (the demo starts them with some).
    const item = items
      .filter((i) => i.stock_remaining !== 0 && i.price_points <= balance)
      .sort((a, b) => a.price_points - b.price_points)[0];
    assert.ok(item, `the demo resident (${balance} points) can afford an item`);
    Object.assign(story, { resident, residentPage: page, self, item });

    await page.goto('/resident/points');
    await page.locator(`[data-item="${item.id}"] [data-test="redeem"]`).click();
    const voucher = page.locator('[data-test="voucher"]');
    await voucher.waitFor();
    assert.equal((await voucher.locator('[data-test="voucher-item"]').textContent()).trim(), `${item.name} × 1`);
    assert.match(await voucher.textContent(), /到兑换点出示此凭证/);
    assert.equal(await voucher.locator('[data-test="voucher-state"]').textContent(), '可使用');
    const code = (await voucher.getAttribute('data-code')) ?? '';
    assert.match(code, /^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    // The code is shown as it is read aloud, in two groups, in large type.
    const shown = (await voucher.locator('[data-test="voucher-code"]').innerText()).replace(/\s/g, '');
    assert.equal(shown, code.replace('-', ''));
    const fontSize = await voucher.locator('[data-test="voucher-code"]').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    assert.ok(fontSize >= 36, `code font ${fontSize}px`);
    // The QR image loads (the login cookie is enough for an <img>).
    const qr = voucher.locator('[data-test="voucher-qr"]');
    await page.waitForFunction((el) => el.complete, await qr.elementHandle());
    assert.ok((await qr.evaluate((img) => img.naturalWidth)) > 0, 'the QR image loaded');
    // Nothing wider than the phone.
    assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= 390);
    await voucher.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(screenshotDir, 'vouchers-01-resident-voucher-phone.png') });
    // The same voucher is in 我的兑换凭证, valid, and opens the card again.
    const row = page.locator(`[data-test="voucher-row"][data-code="${code}"]`);
    assert.equal(await row.getAttribute('data-state'), 'valid');
    await voucher.locator('[data-test="voucher-close"]').click();
    await row.locator('[data-test="voucher-open"]').click();
    await page.locator(`[data-test="voucher"][data-code="${code}"]`).waitFor();
    story.code = code;
    assert.deepEqual(unexpected(resident.problems), []);
  });

  it('lets a guide on a phone type the code in lower case without the dash and hand the item out once', async () => {
    const guide = await openContext(phone);
    const page = await guide.context.newPage();
    await logIn(page, 'guide1');
    await page.goto('/staff/points');
    await page.locator('[data-test="tab-check"]').click();
    const typed = story.code.replace('-', '').toLowerCase();
    const find = async (p) => {
      await p.locator('[data-test="check-code"]').fill(typed);
      await p.locator('[data-test="check-find"]').click();
      await p.locator('[data-test="check-voucher"]').waitFor();
    };
    await find(page);
    const card = page.locator('[data-test="check-voucher"]');
    assert.equal((await card.locator('[data-test="check-item"]').textContent()).trim(), `${story.item.name} × 1`);
    // The name is masked for a guide: the surname and stars, never the full name.
    const name = (await card.locator('[data-test="check-resident"]').textContent()).trim();
    assert.notEqual(name, story.self.name);
    assert.ok(name.startsWith(story.self.name[0]) && name.includes('*'), name);
    const confirm = card.locator('[data-test="check-confirm"]');
    const box = await confirm.boundingBox();
    assert.ok(box.height >= 44, `确认发放 is ${box.height}px high`);
    assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= 390);
    await screenshot(page, 'vouchers-02-guide-check-phone');

    // A second page had the same voucher open before it was handed out.
    const second = await guide.context.newPage();
    await second.goto('/staff/points?tab=check');
    await find(second);

    await confirm.click();
    await page.locator('[data-test="check-given"]').waitFor();
    assert.match(await page.locator('[data-test="check-given"]').textContent(), new RegExp(`已发放：${story.item.name} × 1`));
    assert.equal(await card.locator('[data-test="voucher-state"]').textContent(), '已使用');
    assert.equal(await card.locator('[data-test="check-confirm"]').count(), 0);
    await screenshot(page, 'vouchers-03-guide-given-phone');

    // The second 确认发放 is refused: 已经用过.
    await second.locator('[data-test="check-confirm"]').click();
    const note = second.locator('[data-test="check-state-note"]');
    await note.waitFor();
    assert.match(await note.textContent(), /已经用过/);
    assert.equal(await second.locator('[data-test="check-confirm"]').count(), 0);
    await screenshot(second, 'vouchers-04-guide-second-confirm-phone');
    // The server agrees.
    const voucher = await api(guide.context, `/api/v1/points/vouchers/${typed}`);
    assert.equal(voucher.state, 'used');
    assert.ok(voucher.used_at);
    // An unknown code is said in Chinese.
    await page.locator('[data-test="check-code"]').fill('zzzz2222');
    await page.locator('[data-test="check-find"]').click();
    await page.locator('[data-test="check-error"]').waitFor();
    assert.match(await page.locator('[data-test="check-error"]').textContent(), /没有找到这张凭证/);
    assert.deepEqual(unexpected(guide.problems, [404, 409]), []);
  });

  it("shows the voucher used in the resident's list, greyed with when", async () => {
    const page = story.residentPage;
    await page.reload();
    const row = page.locator(`[data-test="voucher-row"][data-code="${story.code}"]`);
    await row.waitFor();
    assert.equal(await row.getAttribute('data-state'), 'used');
    assert.equal(await row.locator('[data-test="voucher-state"]').textContent(), '已使用');
    assert.match(await row.locator('[data-test="voucher-used-at"]').textContent(), /\d{2}:\d{2} 已使用/);
    assert.equal(await row.locator('[data-test="voucher-open"]').count(), 0);
    await row.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(screenshotDir, 'vouchers-05-resident-list-phone.png') });
    assert.deepEqual(unexpected(story.resident.problems), []);
  });

  it('lets staff on a desktop look up the used voucher and see it may not be handed out again', async () => {
    const staff = await openContext(desktop);
    const page = await staff.context.newPage();
    await logIn(page, 'staff');
    await page.goto('/staff/points?tab=check');
    await page.locator('[data-test="check-code"]').fill(story.code);
    await page.locator('[data-test="check-find"]').click();
    await page.locator('[data-test="check-state-note"]').waitFor();
    assert.match(await page.locator('[data-test="check-state-note"]').textContent(), /已经用过/);
    assert.equal(await page.locator('[data-test="check-confirm"]').count(), 0);
    await screenshot(page, 'vouchers-06-staff-check-desktop');
    assert.deepEqual(unexpected(staff.problems), []);
  });
});
