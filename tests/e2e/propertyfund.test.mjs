// The property trust fund's own decisions (issue 19) in Debian's chromium against a real
// `gongzhi serve --demo`: staff set the committee's approval share (a percent above 50; 50 is
// refused in words) and the minimum share of owners scoring, and record the quarter's quality
// assessment meeting; a visitor with no login reads the fund on the public board — balances,
// income by quarter, expenses with the committee's votes, fees and the assessment meetings, the
// new one among them — and no receipt number. Pages are saved to
// tests/e2e/screenshots/propertyfund-*.png.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { startServer } from './lib/server.mjs';
import { launchBrowser, newWatchedContext, phone, screenshotDir, unexpected } from './lib/browser.mjs';
import { logIn } from './lib/session.mjs';

const desktop = { viewport: { width: 1366, height: 860 } };
const MINUTES = '逐项评议保洁、安保、绿化与维修，电梯维保限期整改（e2e）';

describe('the property fund’s decisions and the fund in public', { timeout: 300_000 }, () => {
  let server;
  let browser;
  const contexts = [];
  const story = { quarter: '' };

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
  });
  after(async () => {
    for (const { context } of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
  });

  it('lets staff set the committee’s approval share and the minimum share scoring', async () => {
    const staff = await openAs('staff', desktop);
    const { page } = staff;
    await page.goto('/staff/property?tab=settings');
    const rules = page.locator('[data-test="decision-rules"]');
    await rules.waitFor();
    await rules.getByLabel('表决通过比例（%）').fill('50');
    await rules.locator('[data-test="save-decision-rules"]').click();
    await rules.locator('[data-test="decision-rules-error"]').filter({ hasText: '须超过 50%' }).waitFor();
    await rules.getByLabel('表决通过比例（%）').fill('60');
    await rules.getByLabel('评分最低参与比例（%）').fill('35');
    await rules.locator('[data-test="save-decision-rules"]').click();
    await rules.locator('[data-test="decision-rules-done"]').filter({ hasText: '表决通过比例 60%，评分最低参与比例 35%' }).waitFor();
    await page.reload();
    await rules.locator('[data-test="quorum-now"]').filter({ hasText: '业委会 60% 同意即通过' }).waitFor();
    const settings = await (await staff.context.request.get('/api/v1/property/settings?community_id=1')).json();
    assert.equal(settings.committee_quorum_bp, 6000);
    assert.equal(settings.min_response_bp, 3500);
    await rules.screenshot({ path: path.join(screenshotDir, 'propertyfund-rules-desktop.png') });
    assert.deepEqual(unexpected(staff.problems), []);
  });

  it('lets staff record the quarter’s assessment meeting', async () => {
    const staff = await openAs('staff', phone);
    const { page } = staff;
    await page.goto('/staff/property?tab=assessment');
    const panel = page.locator('[data-test="assessment-meetings"]');
    const form = panel.locator('[data-test="meeting-form"]');
    await form.waitFor();
    story.quarter = await form.getByLabel('季度').inputValue();
    assert.match(story.quarter, /^\d{4}Q[1-4]$/);
    await form.locator('[data-test="meeting-submit"]').click();
    await form.locator('[data-test="meeting-error"]').filter({ hasText: '请填写开会时间、到会人数和会议纪要' }).waitFor();
    await form.getByLabel('到会业委会委员（人）').fill('3');
    await form.getByLabel('到会居民（人）').fill('27');
    await form.getByLabel('会议纪要').fill(MINUTES);
    await form.locator('[data-test="meeting-submit"]').click();
    await panel.locator('[data-test="meeting-done"]').filter({ hasText: `已记录 ${story.quarter} 季度评估会` }).waitFor();
    await panel.locator(`[data-test="meeting-list"] li[data-quarter="${story.quarter}"]`).filter({ hasText: MINUTES }).waitFor();
    await panel.screenshot({ path: path.join(screenshotDir, 'propertyfund-meetings-phone.png') });
    const stored = await (await staff.context.request.get('/api/v1/property/assessment-meetings?community_id=1')).json();
    const meeting = stored.items.find((m) => m.quarter === story.quarter);
    assert.deepEqual([meeting.committee_present, meeting.attendees, meeting.minutes], [3, 27, MINUTES]);
    assert.deepEqual(unexpected(staff.problems), []);
  });

  for (const [device, options] of [['phone', phone], ['desktop', desktop]]) {
    it(`shows a visitor the fund in public on the board, without receipts (${device})`, async () => {
      const staffApi = await openAs('staff', desktop);
      const receipts = (await (await staffApi.context.request.get('/api/v1/property/fund?community_id=1&limit=50')).json()).expenses
        .map((e) => e.receipt_ref)
        .filter(Boolean);
      assert.ok(receipts.length > 0, 'the staff fund view has receipt numbers');
      const visitor = await openAs(null, options);
      const { page } = visitor;
      await page.goto('/board?community_id=1');
      const fund = page.locator('[data-test="public-fund"]');
      await fund.locator('[data-test="public-fund-balance"]').waitFor();
      const publicFund = await (await visitor.context.request.get('/api/v1/public/property/fund?community_id=1')).json();
      assert.equal((await fund.locator('[data-test="public-fund-balance"]').textContent()).trim(), `¥${(publicFund.trust_fund_fen / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })}`);
      await fund.locator('[data-test="expense-votes"]').first().filter({ hasText: /同意 \d+ · 反对 \d+ · 需 \d+ 票（业委会 \d+ 人）/ }).waitFor();
      await fund.locator(`[data-test="public-fund-meetings"] li[data-quarter="${story.quarter}"]`).filter({ hasText: MINUTES }).waitFor();
      assert.ok((await fund.locator('[data-test="public-fund-fees"] li').count()) > 0);
      const text = await fund.textContent();
      for (const receipt of receipts) assert.ok(!text.includes(receipt), `no receipt number (${receipt}) on the public board`);
      await fund.screenshot({ path: path.join(screenshotDir, `propertyfund-board-${device}.png`) });
      assert.deepEqual(unexpected(visitor.problems), []);
    });
  }
});
