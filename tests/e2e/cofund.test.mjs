// The multi-party funding platform (issue 19) in Debian's chromium against a real `gongzhi serve
// --demo`: staff on the plan desk of the executing money plan register a party (居民 kind, with
// its public profile), record its pledge to a plan line picked by its Chinese name (amount in
// yuan; too much is refused before the server is asked) and money received against it with a
// receipt; the public board — a visitor with no login, on a phone and a desktop — shows the
// line's funding by party with the new pledge against what arrived, and the party's profile;
// the API says the same; the cockpit shows 合作方投入 with the resources multiplier.
// Pages are saved to tests/e2e/screenshots/cofund-*.png.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './lib/server.mjs';
import path from 'node:path';
import { launchBrowser, newWatchedContext, phone, screenshot, screenshotDir, unexpected } from './lib/browser.mjs';
import { logIn } from './lib/session.mjs';

const desktop = { viewport: { width: 1366, height: 860 } };
const CATEGORY_NAMES = { elderly_care: '养老服务', childcare: '托育服务', disability_service: '助残服务', low_income_assistance: '低保救助', culture_sports: '文体活动' };
const PARTY = { name: '幸福里楼组互助会（e2e）', profile: '楼组居民自愿出资，支持托育与助老服务（e2e）' };

/** 12345 fen → "123.45". */
const yuan = (fen) => `${Math.floor(fen / 100).toLocaleString('en-US')}.${String(fen % 100).padStart(2, '0')}`;

describe('co-funding: a party, its pledge to a plan line and the money received, on the board', { timeout: 300_000 }, () => {
  let server;
  let browser;
  const contexts = [];
  const story = { planId: 0, category: '', pledge: 0, received: 0 };

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

  it('lets staff register a party, record its pledge and the money received on the plan desk', async () => {
    const staff = await openAs('staff', desktop);
    const { page } = staff;
    const plans = await (await staff.context.request.get('/api/v1/allocation/plans?community_id=1')).json();
    const executing = plans.items.find((plan) => plan.stage === 'executing' && plan.unit === 'fen');
    assert.ok(executing, 'the demo has an executing money plan');
    story.planId = executing.id;
    const board = await (await staff.context.request.get(`/api/v1/public/plans/${story.planId}`)).json();
    // The line whose residents' share has the most room left.
    const room = (line) => {
      const share = line.shares.find((s) => s.party_kind === 'residents');
      return share ? share.expected - share.pledged : 0;
    };
    const line = [...board.funding.lines].sort((a, b) => room(b) - room(a))[0];
    assert.ok(room(line) >= 200, 'a residents share has room for a pledge');
    story.category = line.category;
    story.pledge = Math.min(10_000, room(line));
    story.received = Math.floor(story.pledge / 2);

    await page.goto(`/staff/plans/${story.planId}`);
    const desk = page.locator('[data-test="funding-desk"]');
    await desk.waitFor();
    const partyForm = desk.locator('[data-test="party-form"]');
    await partyForm.getByLabel('类别').selectOption('residents');
    await partyForm.locator('[data-test="party-submit"]').click();
    await partyForm.locator('[data-test="party-error"]').filter({ hasText: '请填写名称和公开介绍' }).waitFor();
    await partyForm.getByLabel('名称').fill(PARTY.name);
    await partyForm.getByLabel('公开介绍').fill(PARTY.profile);
    await partyForm.locator('[data-test="party-submit"]').click();
    await desk.locator('[data-test="funding-done"]').filter({ hasText: `已登记合作方 ${PARTY.name}` }).waitFor();

    const pledgeForm = desk.locator('[data-test="pledge-form"]');
    await pledgeForm.getByLabel('合作方').selectOption({ label: `${PARTY.name}（居民）` });
    await pledgeForm.getByLabel('方案项目').selectOption({ label: CATEGORY_NAMES[story.category] });
    await pledgeForm.locator('[data-test="pledge-left"]').filter({ hasText: `居民份额还可认捐 ${yuan(room(line))} 元` }).waitFor();
    await pledgeForm.getByLabel('认捐金额（元）').fill(String((room(line) + 100) / 100));
    await pledgeForm.locator('[data-test="pledge-submit"]').click();
    await pledgeForm.locator('[data-test="pledge-error"]').filter({ hasText: '超过了份额' }).waitFor();
    await pledgeForm.getByLabel('认捐金额（元）').fill(yuan(story.pledge));
    await pledgeForm.locator('[data-test="pledge-submit"]').click();
    await desk.locator('[data-test="funding-done"]').filter({ hasText: `已记录 ${PARTY.name} 认捐 ${yuan(story.pledge)} 元` }).waitFor();

    const receiptForm = desk.locator('[data-test="receipt-form"]');
    const option = receiptForm.getByLabel('认捐').locator('option', { hasText: PARTY.name });
    await option.waitFor({ state: 'attached' });
    await receiptForm.getByLabel('认捐').selectOption({ label: (await option.textContent()).trim() });
    await receiptForm.getByLabel('到账金额（元）').fill(yuan(story.received));
    await receiptForm.getByLabel('收据号').fill('SK-E2E-0001');
    await receiptForm.locator('[data-test="receipt-submit"]').click();
    await desk.locator('[data-test="funding-done"]').filter({ hasText: `已记录到账 ${yuan(story.received)} 元（收据 SK-E2E-0001）` }).waitFor();
    const deskLine = desk.locator(`[data-test="funding-line"][data-category="${story.category}"]`);
    await deskLine.locator('[data-test="funding-pledge"]').filter({ hasText: PARTY.name }).waitFor();
    await desk.screenshot({ path: path.join(screenshotDir, 'cofund-desk-desktop.png') });
    assert.deepEqual(unexpected(staff.problems), []);

    // The API holds the pledge and the receipt as recorded.
    const after = await (await staff.context.request.get(`/api/v1/public/plans/${story.planId}`)).json();
    const pledge = after.funding.lines.find((l) => l.category === story.category).pledges.find((p) => p.party_name === PARTY.name);
    assert.deepEqual([pledge.party_kind, pledge.amount, pledge.received], ['residents', story.pledge, story.received]);
  });

  for (const [device, options] of [['phone', phone], ['desktop', desktop]]) {
    it(`shows a visitor the funding by party and the new pledge on the public board (${device})`, async () => {
      const visitor = await openAs(null, options);
      const { page } = visitor;
      await page.goto(`/board/plans/${story.planId}`);
      const funding = page.locator('[data-test="funding"]');
      await funding.waitFor();
      const line = funding.locator(`[data-test="funding-line"][data-category="${story.category}"]`);
      await line.locator('[data-test="funding-pledge"]').filter({
        hasText: `${PARTY.name}（居民）认捐 ${yuan(story.pledge)} 元，已到账 ${yuan(story.received)} 元`,
      }).waitFor();
      const state = (await line.locator('[data-test="line-state"]').textContent()).trim();
      assert.match(state, /^(已足额|缺口 [\d,]+\.\d\d 元)$/);
      assert.match(await line.textContent(), /政府 按方案拨付/);
      const party = page.locator('[data-test="funding-party"]').filter({ hasText: PARTY.name });
      await party.filter({ hasText: PARTY.profile }).waitFor();
      // The board is long: the funding section and the parties, each as it shows.
      await funding.screenshot({ path: path.join(screenshotDir, `cofund-board-${device}.png`) });
      await page.locator('[data-test="funding-parties"]').screenshot({ path: path.join(screenshotDir, `cofund-parties-${device}.png`) });
      assert.deepEqual(unexpected(visitor.problems), []);
    });
  }

  it('shows the partners’ contribution on the cockpit', async () => {
    const staff = await openAs('staff', desktop);
    const snapshot = await (await staff.context.request.get('/api/v1/cockpit?community_id=1')).json();
    await staff.page.goto('/cockpit?community_id=1');
    const card = staff.page.locator('[data-test="cockpit-cofund"]');
    await card.waitFor();
    const expected = (snapshot.funding.multiplier_bp / 10000).toFixed(2);
    await card.locator('[data-test="cofund-multiplier"]').filter({ hasText: `资源总量 ×${expected}` }).waitFor();
    await screenshot(staff.page, 'cofund-cockpit-desktop');
  });
});
