// The property trust fund's back office (/staff/property) in Debian's chromium against a real
// `gongzhi serve --demo`: community staff find an unpaid bill by building (door and 户主, no
// ids), record its payment and the fund's balance grows by the bill; staff propose an expense
// in 元, the owners' committee decides it by a majority of its three members: the demo's
// resident login votes for it on a phone (it still waits, its votes shown), a second member
// (weiyuan2) approves it on a desktop, the balance falls by exactly that amount, and the
// resident page /property lists the expense after a reload. Pages are saved to tests/e2e/screenshots/ (property-*), phone and desktop.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './lib/server.mjs';
import { launchBrowser, newWatchedContext, phone, screenshot, screenshotDir, unexpected } from './lib/browser.mjs';
import { logIn } from './lib/session.mjs';

const desktop = { viewport: { width: 1366, height: 900 } };

/** "¥2,122,009.87" → 212200987 (fen), exactly. */
function fenOf(text) {
  const match = /(-?)¥([\d,]+)\.(\d{2})/.exec(text);
  assert.ok(match, `an amount in ${JSON.stringify(text)}`);
  const fen = Number(match[2].replace(/,/g, '')) * 100 + Number(match[3]);
  return match[1] ? -fen : fen;
}

describe('property back office: payments, expenses and the committee', { timeout: 300_000 }, () => {
  let server;
  let browser;
  const contexts = [];
  const story = { purpose: '单元门禁维修（e2e）', receipt: `E2E-${Date.now()}`, typed: '1234.5', fen: 123450 };

  async function openContext(options) {
    const watched = await newWatchedContext(browser, server.baseUrl, options);
    contexts.push(watched);
    return watched;
  }


  async function balance(page) {
    return fenOf(await page.locator('[data-test="staff-fund-balance"]').textContent());
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

  it('lets staff record a payment against a bill, and the fund grows by it', async () => {
    const staff = await openContext(desktop);
    const page = await staff.context.newPage();
    await logIn(page, 'staff');
    // The menu of the planning group leads there.
    const link = page.locator('a[href="/staff/property"]').first();
    assert.equal(await link.count(), 1, 'the staff menu has the property office');
    await page.goto('/staff/property');
    await page.locator('[data-test="bill-rows"][aria-busy="false"]').waitFor();
    const before = await balance(page);
    story.balance = before;

    // Households are named by door and 户主; no raw ids on the rows.
    const firstRow = page.locator('[data-test="bill-list"] li').first();
    await page.waitForFunction(() => !document.querySelector('[data-test="bill-list"] li .ps-line .muted')?.textContent?.includes('…'));
    const rowText = await firstRow.innerText();
    assert.match(rowText, /\d+单元\d+室/, 'a row shows the door');
    assert.match(rowText, /[\u4e00-\u9fff]{2,}/, 'a row shows the head of household');
    assert.doesNotMatch(rowText, /#\d|household_id|id:/i);

    // An unpaid bill: look through the buildings until one has one.
    await page.getByLabel('只看未缴').check();
    const buildings = await page.locator('[data-test="bill-building"] option').evaluateAll((options) => options.map((o) => o.value));
    const unpaid = page.locator('[data-test="bill-list"] li input[type="checkbox"]');
    for (const value of buildings.slice(0, 8)) {
      await page.locator('[data-test="bill-building"]').selectOption(value);
      await page.waitForTimeout(100);
      await page.locator('[data-test="bill-rows"][aria-busy="false"]').waitFor();
      if ((await unpaid.count()) > 0) break;
    }
    assert.ok((await unpaid.count()) > 0, 'some household has an unpaid bill');
    const row = page.locator('[data-test="bill-list"] li').filter({ has: page.locator('input[type="checkbox"]') }).first();
    const code = await row.getAttribute('data-household');
    const amount = fenOf(await row.locator('.ps-amount').innerText());
    assert.ok(amount > 0);
    await row.locator('input[type="checkbox"]').check();
    await screenshot(page, 'property-01-bills-desktop');
    await page.locator('[data-test="record-payment"]').click();
    await page.locator('[data-test="payment-done"]').waitFor();
    await page.waitForFunction(
      (expected) => document.querySelector('[data-test="staff-fund-balance"]')?.textContent?.replace(/[¥,.]/g, '') === String(expected),
      before + amount,
    );
    assert.equal(await balance(page), before + amount, 'the trust fund grew by the bill');

    // After a reload the household's bill reads as paid.
    const buildingValue = await page.locator('[data-test="bill-building"]').inputValue();
    await page.reload();
    await page.locator('[data-test="bill-list"]').waitFor();
    await page.locator('[data-test="bill-building"]').selectOption(buildingValue);
    const paidRow = page.locator(`[data-test="bill-list"] li[data-household="${code}"]`);
    await paidRow.waitFor();
    assert.match(await paidRow.locator('[data-test="bill-state"]').innerText(), /已缴/);
    assert.equal(await balance(page), before + amount);
    story.balance = before + amount;
    assert.deepEqual(unexpected(staff.problems), []);
  });

  it('lets staff propose an expense in 元, which waits for the committee', async () => {
    const staff = await openContext(desktop);
    const page = await staff.context.newPage();
    await logIn(page, 'staff');
    await page.goto('/staff/property?tab=expenses');
    await page.locator('[data-test="expense-form"]').waitFor();
    await page.getByLabel('金额（元）').fill('1.234');
    await page.getByLabel('票据号').fill(story.receipt);
    await page.getByLabel('用途').fill(story.purpose);
    await page.locator('[data-test="propose-expense"]').click();
    await page.getByText('最多两位小数').first().waitFor();
    await page.getByLabel('金额（元）').fill(story.typed);
    await page.getByLabel('支出类别').selectOption('repairs');
    await page.locator('[data-test="propose-expense"]').click();
    await page.locator('[data-test="expense-done"]').waitFor();
    const pending = page.locator(`[data-test="pending-expenses"] li[data-expense="${story.receipt}"]`);
    await pending.waitFor();
    assert.match(await pending.innerText(), /¥1,234\.50/);
    assert.match(await pending.innerText(), /等待业委会审批/);
    assert.equal(await page.locator('[data-test="approve"]').count(), 0, 'staff do not approve');
    assert.equal(fenOf(await page.locator('[data-test="staff-fund-pending"]').innerText()), story.fen);
    assert.equal(await balance(page), story.balance, 'nothing left the fund yet');
    await screenshot(page, 'property-02-expense-proposed-desktop');
    assert.deepEqual(unexpected(staff.problems), []);
  });

  it('lets the committee decide it by a majority: one vote on a phone, a second on a desktop', async () => {
    const member = await openContext(phone);
    const page = await member.context.newPage();
    await logIn(page, 'resident');
    await page.goto('/property');
    await page.locator('[data-test="committee-link"]').click();
    await page.waitForURL('**/staff/property**');
    // Residents read staff's words masked where they look like personal numbers: find it by purpose.
    const pending = page.locator('[data-test="pending-expenses"] li').filter({ hasText: story.purpose });
    await page.locator('[data-test="pending-expenses"]').waitFor();
    await screenshot(page, 'property-03-committee-phone');
    await pending.waitFor();
    await pending.getByLabel('审批意见（驳回时必填）').fill('票据与现场核对无误');
    await pending.locator('[data-test="approve"]').click();
    // One vote of three is no majority: it waits, with the votes and the member's own shown.
    await pending.locator('[data-test="my-vote"]').waitFor();
    assert.match(await pending.locator('[data-test="expense-votes"]').innerText(), /同意 1 票.*须 2 票同意/);
    assert.equal(await balance(page), story.balance, 'one vote moves no money');
    await screenshot(page, 'property-03b-voted-phone');

    const second = await openContext(desktop);
    const desk = await second.context.newPage();
    await logIn(desk, 'weiyuan2');
    await desk.goto('/property');
    await desk.locator('[data-test="committee-link"]').click();
    await desk.waitForURL('**/staff/property**');
    const waiting = desk.locator('[data-test="pending-expenses"] li').filter({ hasText: story.purpose });
    await waiting.waitFor();
    await waiting.locator('[data-test="approve"]').click();
    const decided = desk.locator('[data-test="decided-expenses"] li').filter({ hasText: story.purpose });
    await decided.waitFor();
    assert.match(await decided.innerText(), /已批准/);
    assert.equal(await balance(desk), story.balance - story.fen, 'the approved expense left the fund');
    assert.deepEqual(unexpected(second.problems), []);

    await page.goto('/property');
    await page.reload();
    const listed = page.locator('[data-test="expenses"] li').filter({ hasText: story.purpose });
    await listed.waitFor();
    assert.match(await listed.innerText(), /¥1,234\.50/);
    assert.match(await listed.innerText(), /已批准/);
    assert.match(await listed.innerText(), /票据号 E2E-/);
    await screenshot(page, 'property-04-public-phone');
    assert.deepEqual(unexpected(member.problems), []);
  });

  it('lets staff record a public income in 元, split by the rule, and set the fee', async () => {
    const staff = await openContext(desktop);
    const page = await staff.context.newPage();
    await logIn(page, 'staff');
    await page.goto('/staff/property?tab=revenue');
    await page.locator('[data-test="rules"]').waitFor();
    await screenshot(page, 'property-11-revenue-desktop');
    const incomes = page.locator('[data-test="incomes"]');
    await incomes.getByLabel('金额（元）').fill('1000.01');
    await incomes.getByLabel('票据号').fill(`AD-E2E-${story.receipt.slice(-4)}`);
    await page.locator('[data-test="record-income"]').click();
    const done = incomes.locator('.notice--ok');
    await done.waitFor();
    // The split adds up to the income exactly, to the fen.
    const text = await done.innerText();
    assert.match(text, /已登记 ¥1,000\.01/);
    const parts = [...text.split('：')[1].matchAll(/¥[\d,]+\.\d{2}/g)].map((m) => fenOf(m[0]));
    assert.ok(parts.length >= 2, text);
    assert.equal(parts.reduce((a, b) => a + b, 0), 100001);
    assert.match(await incomes.locator('.record-list li').first().innerText(), /¥1,000\.01/);

    await page.goto('/staff/property?tab=settings');
    await page.getByLabel('基准价（元/户/月）').fill('160.5');
    await page.locator('[data-test="save-settings"]').click();
    await page.getByText('已保存，基准价每户每月 ¥160.50').waitFor();
    await page.reload();
    await page.getByText('当前基准价：每户每月 ¥160.50').waitFor();
    assert.equal(await page.getByLabel('基准价（元/户/月）').inputValue(), '160.50');
    await screenshot(page, 'property-12-settings-desktop');
    assert.deepEqual(unexpected(staff.problems), []);
  });

  it('shows the office on a phone without squeezed tables or English', async () => {
    const staff = await openContext(phone);
    const page = await staff.context.newPage();
    await logIn(page, 'staff');
    for (const [tab, name] of [
      ['bills', 'property-05-bills-phone'],
      ['expenses', 'property-06-expenses-phone'],
      ['revenue', 'property-07-revenue-phone'],
      ['settings', 'property-08-settings-phone'],
    ]) {
      await page.goto(`/staff/property?tab=${tab}`);
      await page.locator('[data-test="staff-fund"]').waitFor();
      await page.locator('.card h2').nth(1).waitFor();
      await page.waitForTimeout(500);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 1, `${tab}: no sideways scrolling (${overflow}px)`);
      const main = await page.locator('main').innerText();
      assert.doesNotMatch(main, /propertyStaff\.|undefined|NaN/);
      await screenshot(page, name);
      // The first screen as the phone shows it, to read at full size.
      await page.locator('.card').nth(1).screenshot({ path: `${screenshotDir}/${name}-card.png` });
    }
    // Large type (大字模式) keeps the bills usable: no sideways scrolling, big tap targets.
    await page.goto('/staff/property?tab=bills');
    await page.getByRole('button', { name: '大字模式' }).click();
    await page.locator('[data-test="bill-rows"][aria-busy="false"]').waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 1, `large type: no sideways scrolling (${overflow}px)`);
    const tap = await page.locator('[data-test="record-payment"]').boundingBox();
    assert.ok(tap.height >= 44, 'the payment button is a large target');
    await page.locator('[data-test="staff-fund"]').screenshot({ path: `${screenshotDir}/property-09-fund-phone-large.png` });
    await page.locator('[data-test="bills-panel"]').screenshot({ path: `${screenshotDir}/property-10-bills-phone-large.png` });
    assert.deepEqual(unexpected(staff.problems), []);
  });
});
