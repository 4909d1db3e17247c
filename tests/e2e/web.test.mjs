// The web application end to end, in Debian's chromium against a real `gongzhi serve` on a
// fresh demo database: a resident reports a problem and gets a tracking code, staff accept and
// resolve it, the resident rates it, the public tracking page shows its whole history, points
// are redeemed (and refused for the right reasons), the large-type mode enlarges text, and the
// public transparency board shows the plans, takes a resident's objection and staff's answer.
// Every page visited is saved to tests/e2e/screenshots/. The steps share one story, so they
// run in order; a failed step makes the later ones fail too.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './lib/server.mjs';
import { desktop, launchBrowser, newWatchedContext, phone, screenshot, screenshotDir, unexpected } from './lib/browser.mjs';

const PASSWORD = 'gongzhi2026';
const CODE_PATTERN = /^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{5}$/;

let server;
let browser;
const contexts = [];

/** A fresh browser context (its own cookies and storage) with its problems recorded. */
async function openContext(options = phone) {
  const watched = await newWatchedContext(browser, server.baseUrl, options);
  contexts.push(watched);
  return watched;
}

async function logIn(page, username) {
  await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(PASSWORD);
  await page.getByRole('button', { name: '登录', exact: true }).last().click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

async function rootFontSize(page) {
  return page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
}

async function fontSizeOf(locator) {
  return locator.evaluate((element) => parseFloat(getComputedStyle(element).fontSize));
}

// State handed from step to step.
const story = { code: '', requestId: 0, noticePlanId: 0, objectionText: '' };
let resident;
let staff;

describe('the web application in a real browser', { timeout: 300_000 }, () => {
  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('serves the landing page with the audit-chain head to pin', async () => {
    const { context } = await openContext();
    const page = await context.newPage();
    await page.goto('/');
    await page.getByRole('heading', { name: '欢迎来到共治' }).waitFor();
    const hash = await page.locator('[data-test="ledger-hash"]').textContent();
    assert.match(hash.trim(), /^[0-9a-f]{64}$/);
    assert.ok(await page.getByRole('link', { name: /居民登录/ }).isVisible());
    assert.ok(await page.getByRole('link', { name: /工作人员登录/ }).isVisible());
    await screenshot(page, '01-home-phone');
  });

  it('says clearly when a tracking code is mistyped or unknown', async () => {
    const { context } = await openContext();
    const page = await context.newPage();
    await page.goto('/track');
    await page.getByLabel('查询码').fill('ABCD-EFGHX');
    await page.getByRole('button', { name: '查询' }).click();
    await page.locator('[data-test="track-error"]').filter({ hasText: '查询码有误' }).waitFor();
    // A code whose check symbol is right but that no request has.
    await page.getByLabel('查询码').fill('abcd efghr');
    await page.getByRole('button', { name: '查询' }).click();
    await page.locator('[data-test="track-error"]').filter({ hasText: '没有这个查询码的诉求' }).waitFor();
    assert.equal(await page.getByLabel('查询码').inputValue(), 'ABCD-EFGHR');
    await screenshot(page, '02-track-not-found');
  });

  it('tells a resident who mistypes the password, then logs them in', async () => {
    resident = await openContext();
    const page = await resident.context.newPage();
    await page.goto('/login');
    await page.getByLabel('用户名').fill('resident');
    await page.getByLabel('密码').fill('not-the-password');
    await page.locator('[data-test="login-submit"]').click();
    await page.locator('[data-test="login-error"]').filter({ hasText: '用户名或密码不对' }).waitFor();
    await screenshot(page, '03-login-error');
    await page.getByLabel('密码').fill(PASSWORD);
    await page.locator('[data-test="login-submit"]').click();
    await page.waitForURL('**/resident');
    await page.getByRole('heading', { name: /您好/ }).waitFor();
    await screenshot(page, '04-resident-home');
    resident.page = page;
  });

  it('lets the resident report a problem, suggesting the category, and shows the tracking code', async () => {
    const page = resident.page;
    await page.getByRole('link', { name: '我要反映' }).first().click();
    await page.getByLabel('问题描述').fill('3号楼2单元楼道天花板一直在漏水，墙面渗水发霉了');
    const chip = page.locator('[data-test="suggestions"] .chip').first();
    assert.equal((await chip.textContent()).trim(), '漏水渗水');
    await chip.click();
    assert.equal(await page.getByLabel('类别').inputValue(), 'water_leak');
    await page.getByLabel(/地点/).fill('3号楼2单元');
    await screenshot(page, '05-new-request-filled');
    await page.locator('[data-test="submit-request"]').click();
    const code = (await page.locator('[data-test="tracking-code"]').textContent()).trim();
    assert.match(code, CODE_PATTERN);
    story.code = code;
    await screenshot(page, '06-request-submitted');
    await page.getByRole('link', { name: '查看办理进度' }).click();
    await page.waitForURL(/\/resident\/requests\/\d+$/);
    story.requestId = Number(new URL(page.url()).pathname.split('/').pop());
    assert.equal((await page.locator('[data-test="detail-code"]').textContent()).trim(), code);
    await page.goto('/resident/requests');
    await page.locator(`[data-test="request-item"][data-code="${code}"]`).waitFor();
    await screenshot(page, '07-my-requests');
  });

  it('lets staff find it in the queue, accept it and resolve it with a note', async () => {
    staff = await openContext(desktop);
    const page = await staff.context.newPage();
    await logIn(page, 'staff');
    await page.waitForURL('**/staff/queue');
    await page.locator('[data-test="request-item"]').first().waitFor();
    // Overdue cases come first and carry their countdown.
    const firstSla = page.locator('[data-test="request-item"]').first().locator('[data-test="sla"]');
    assert.ok((await firstSla.count()) === 0 || /超时|剩/.test(await firstSla.textContent()));
    await screenshot(page, '08-staff-queue');
    await page.getByLabel('状态').selectOption('submitted');
    await page.locator(`[data-test="request-item"][data-code="${story.code}"]`).click();
    await page.waitForURL(`**/staff/requests/${story.requestId}`);
    await page.locator('[data-action="accept"]').click();
    await page.locator('[data-test="case-done"]').filter({ hasText: '已受理' }).waitFor();
    // Resolving needs a note: the message shows next to the field first.
    await page.locator('[data-action="resolve"]').click();
    await page.locator('#case-note-error').filter({ hasText: '请写明办理结果' }).waitFor();
    await page.getByLabel('说明').fill('已安排物业维修，楼上水管接口已更换，渗水已止住。');
    await page.locator('[data-action="resolve"]').click();
    await page.locator('[data-test="case-done"]').filter({ hasText: '已办结' }).waitFor();
    const status = page.locator('section[aria-labelledby="case-title"] [data-test="status"]').first();
    assert.equal((await status.textContent()).trim(), '已办结');
    await screenshot(page, '09-staff-case-resolved');
    // The console on a phone-sized window.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/staff/queue?priority=red');
    await page.locator('[data-test="request-item"]').first().waitFor();
    await page.screenshot({ path: `${screenshotDir}/09b-staff-queue-phone.png` });
    await page.setViewportSize(desktop.viewport);
  });

  it('lets the resident rate the resolved request', async () => {
    const page = resident.page;
    await page.goto(`/resident/requests/${story.requestId}`);
    await page.locator('[data-test="rating-form"]').waitFor();
    await page.locator('[data-test="rating-submit"]').click();
    await page.locator('[data-test="rating-form"] .field-error').filter({ hasText: '请先选择分数' }).waitFor();
    await page.locator('.rating label').nth(4).click();
    await page.getByLabel(/想说的话/).fill('修得很快，谢谢！');
    await page.locator('[data-test="rating-submit"]').click();
    await page.locator('[data-test="rating-thanks"]').waitFor();
    assert.equal((await page.locator('[data-test="rating-value"]').textContent()).trim(), '您的评价：5 分');
    assert.equal(await page.locator('[data-test="rating-form"]').count(), 0);
    await screenshot(page, '10-resident-rated');
  });

  it('shows the whole history on the public tracking page, without logging in', async () => {
    const { context } = await openContext();
    const page = await context.newPage();
    await page.goto('/');
    await page.getByRole('link', { name: /查询办理进度/ }).click();
    await page.getByLabel('查询码').fill(story.code.toLowerCase().replace('-', ''));
    await page.getByRole('button', { name: '查询' }).click();
    await page.waitForURL(`**/track/${story.code}`);
    const timeline = page.locator('[data-test="track-result"] [data-test="timeline"] li');
    await timeline.nth(3).waitFor();
    const steps = await timeline.locator('strong').allTextContents();
    assert.deepEqual(steps, ['提交', '受理', '办结', '评价']);
    assert.match(await page.locator('[data-test="track-result"]').textContent(), /渗水已止住/);
    await screenshot(page, '11-track-timeline');
  });

  it('lets the resident redeem points, and says why a redemption is refused', async () => {
    // Setup through the API as staff: points for the resident and three catalogue items.
    const me = await (await resident.context.request.get('/api/v1/me')).json();
    const household = await (await resident.context.request.get(`/api/v1/households/${me.user.household_id}`)).json();
    const self = household.residents.find((r) => r.name === me.user.display_name) ?? household.residents[0];
    const post = async (path, data) => {
      const response = await staff.context.request.post(path, { data });
      assert.ok(response.ok(), `${path}: ${response.status()} ${await response.text()}`);
      return response.json();
    };
    const other = household.residents.find((r) => r.id !== self.id) ?? self;
    await post('/api/v1/points/awards', { resident_id: self.id, rule: 'meeting', quantity: 1, reference: 'e2e:meeting' });
    await post('/api/v1/points/awards', { resident_id: other.id, rule: 'meeting', quantity: 1, reference: 'e2e:meeting-2' });
    const voucher = await post('/api/v1/points/catalog', {
      community_id: 1, name: '测试食堂餐券', category: 'canteen_voucher', price_points: 5, stock: 10, limit_per_resident: 1, limit_period: 'month',
    });
    const dear = await post('/api/v1/points/catalog', { community_id: 1, name: '测试暑托名额', category: 'childcare_place', price_points: 999999, stock: 5 });
    const last = await post('/api/v1/points/catalog', { community_id: 1, name: '测试停车优惠', category: 'parking_discount', price_points: 1, stock: 1 });
    const gone = await post('/api/v1/points/catalog', { community_id: 1, name: '测试洗衣液', category: 'daily_goods', price_points: 1, stock: 0 });

    const page = resident.page;
    await page.goto('/resident/points');
    await page.locator('[data-test="catalog-item"]').first().waitFor();
    const item = (id) => page.locator(`[data-test="catalog-item"][data-item="${id}"]`);
    await page.getByLabel('用谁的积分').selectOption(String(self.id));
    await item(voucher.id).locator('[data-test="redeem"]').click();
    await item(voucher.id).locator('[data-test="redeem-done"]').filter({ hasText: '兑换成功' }).waitFor();
    await item(voucher.id).locator('[data-test="redeem"]').click();
    await item(voucher.id).locator('[data-test="redeem-error"]').filter({ hasText: '已达到每人兑换上限' }).waitFor();
    await item(dear.id).locator('[data-test="redeem"]').click();
    await item(dear.id).locator('[data-test="redeem-error"]').filter({ hasText: '积分不够' }).waitFor();
    // Sold out before the page loaded: marked, no button.
    await item(gone.id).locator('[data-test="sold-out"]').waitFor();
    assert.equal(await item(gone.id).locator('[data-test="redeem"]').count(), 0);
    // Sold out while the page was open (staff redeemed the last one for a neighbour).
    await post('/api/v1/points/redemptions', { resident_id: other.id, item_id: last.id, quantity: 1 });
    await item(last.id).locator('[data-test="redeem"]').click();
    await item(last.id).locator('[data-test="redeem-error"]').filter({ hasText: '已经兑完了' }).waitFor();
    await screenshot(page, '12-points');
  });

  it('shows staff the household files, and the three rates as a chart', async () => {
    const page = staff.context.pages()[0];
    await page.goto('/staff/households');
    await page.locator('[data-test="households"] details').first().waitFor();
    await page.getByLabel('标签').selectOption('elderly_alone');
    await page.waitForURL(/tag=elderly_alone/);
    await page.locator('[data-test="households"] summary').first().click();
    await page.locator('[data-test="households"] table td').first().waitFor();
    // Community staff see full ID numbers; a guide sees them masked.
    assert.doesNotMatch(await page.locator('[data-test="households"] table td.mono').first().textContent(), /\*/);
    await screenshot(page, '13-staff-households');
    const guide = await openContext(desktop);
    const guidePage = await guide.context.newPage();
    await logIn(guidePage, 'guide1');
    await guidePage.goto('/staff/households');
    await guidePage.locator('[data-test="households"] summary').first().click();
    await guidePage.locator('[data-test="households"] table td.mono').first().waitFor();
    assert.match(await guidePage.locator('[data-test="households"] table td.mono').first().textContent(), /\*{4,}/);
    await screenshot(guidePage, '13b-guide-households-masked');
    await page.goto('/staff/overview');
    await page.locator('[data-test="chart"] canvas').waitFor();
    assert.equal(await page.locator('[data-test="rate"]').count(), 3);
    await screenshot(page, '14-staff-overview-chart');
  });

  it('enlarges text in the large-type mode and remembers it on the device', async () => {
    const page = resident.page;
    await page.goto('/resident/new');
    const label = page.locator('label[for="request-description"]');
    await label.waitFor();
    const rootBefore = await rootFontSize(page);
    const labelBefore = await fontSizeOf(label);
    await page.locator('[data-test="elderly-toggle"]').click();
    assert.equal(await page.locator('[data-test="elderly-toggle"]').getAttribute('aria-pressed'), 'true');
    const rootAfter = await rootFontSize(page);
    const labelAfter = await fontSizeOf(label);
    assert.ok(rootAfter >= 20, `root font-size ${rootAfter}px in large-type mode`);
    assert.ok(labelAfter >= labelBefore * 1.2, `label ${labelBefore}px → ${labelAfter}px`);
    // Simpler steps: the optional location field is left out.
    assert.equal(await page.locator('#request-location').count(), 0);
    await page.reload();
    await label.waitFor();
    assert.equal(await rootFontSize(page), rootAfter, 'the mode survives a reload');
    await page.getByLabel('问题描述').fill('电梯困人了，5号楼1单元');
    await page.locator('[data-test="suggestions"] .chip[aria-pressed="true"]').waitFor();
    await screenshot(page, '15-large-type-new-request');
    console.log(`# large type: root ${rootBefore}px → ${rootAfter}px, label ${labelBefore}px → ${labelAfter}px`);
  });

  it('switches to English and remembers the choice', async () => {
    const { context } = await openContext(desktop);
    const page = await context.newPage();
    await page.goto('/');
    await page.locator('[data-test="language-switch"]').click();
    await page.getByRole('heading', { name: 'Welcome to Gongzhi' }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    await page.reload();
    await page.getByRole('heading', { name: 'Welcome to Gongzhi' }).waitFor();
    await screenshot(page, '16-home-english-desktop');
    await page.goto(`/track/${story.code}`);
    await page.locator('[data-test="track-result"] [data-test="timeline"] li').nth(3).waitFor();
    assert.deepEqual(await page.locator('[data-test="timeline"] strong').allTextContents(), ['Submitted', 'Accepted', 'Resolved', 'Rated']);
    await screenshot(page, '17-track-english-desktop');
  });

  it('shows the transparency board without a login on a phone, with the current plan and its chart', async () => {
    const { context } = await openContext();
    const page = await context.newPage();
    const expected = await (await context.request.get('/api/community-resources?community_id=1')).json();
    story.noticePlanId = expected.plan.plan_id;
    await page.goto('/');
    await page.getByRole('link', { name: '阳光公示' }).click();
    await page.waitForURL('**/board');
    const summary = page.locator('[data-test="plan-summary"]');
    await summary.waitFor();
    assert.equal(await summary.getAttribute('data-plan'), String(expected.plan.plan_id));
    assert.equal(expected.plan.state, 'public_notice', 'the demo has a plan on public notice');
    assert.equal((await page.locator('[data-test="stepper"] [aria-current="step"] .stepper__label').textContent()).trim(), '公示中');
    assert.equal(await page.locator('[data-test="stepper"] li').count(), 7);
    assert.match(await page.locator('[data-test="days-left"]').textContent(), new RegExp(`公示期还剩 ${expected.plan.days_left} 天`));
    // The budget in yuan with two decimals, as the server counts it in fen.
    const yuan = (fen) => `${Math.floor(fen / 100).toLocaleString('en-US')}.${String(fen % 100).padStart(2, '0')} 元`;
    assert.equal((await page.locator('[data-test="budget"]').textContent()).trim(), yuan(expected.plan.total));
    await page.locator('[data-test="allocation-chart"] canvas').waitFor();
    const firstLine = page.locator('[data-test="progress"] li').first();
    assert.match(await firstLine.textContent(), new RegExp(yuan(expected.progress[0].planned).replace('.', '\\.')));
    assert.equal(await firstLine.locator('strong').textContent(), '养老服务');
    // The notices list carries the days left; earlier plans are listed with their stage.
    await page.locator(`[data-test="notices"] li[data-plan="${expected.plan.plan_id}"] [data-test="notice-days"]`).waitFor();
    assert.equal(await page.locator('[data-test="plans"] li').count(), expected.plans.length);
    // No personal data: the page shows no phone or ID numbers.
    assert.doesNotMatch(await page.locator('main').textContent(), /1[3-9]\d{9}|\d{17}[\dX]/);
    await screenshot(page, '18-board-phone');

    const closed = expected.plans.find((plan) => plan.state === 'closed');
    await page.locator(`[data-test="plans"] li[data-plan="${closed.plan_id}"] a`).click();
    await page.waitForURL(`**/board/plans/${closed.plan_id}`);
    const closedSummary = page.locator(`[data-test="plan-summary"][data-plan="${closed.plan_id}"]`);
    await closedSummary.waitFor();
    assert.equal(await closedSummary.getAttribute('data-state'), 'closed');
    assert.equal((await page.locator('[data-test="stepper"] [aria-current="step"] .stepper__label').textContent()).trim(), '已结项');
    const closedBoard = await (await context.request.get(`/api/v1/public/plans/${closed.plan_id}`)).json();
    const percent = (bp) => `${(Math.round(bp / 10) / 10).toFixed(1)}%`;
    assert.equal((await page.locator('[data-test="spent-percent"]').textContent()).trim(), percent(closedBoard.totals.spent_bp));
    assert.equal((await page.locator('[data-test="misallocation"]').textContent()).trim(), percent(closedBoard.totals.misallocation_bp));
    await page.locator('[data-test="allocation-chart"] canvas').waitFor();
    assert.equal(await page.locator('[data-test="history"] li').count(), closedBoard.history.length);
    await screenshot(page, '19-board-closed-plan');

    // The printable notice: HTML with a QR code that leads back to this page.
    const href = await page.locator('[data-test="print-link"]').getAttribute('href');
    assert.equal(await page.locator('[data-test="print-link"]').getAttribute('target'), '_blank');
    const printed = await context.request.get(href);
    assert.equal(printed.status(), 200);
    assert.match(printed.headers()['content-type'], /text\/html/);
    const html = await printed.text();
    assert.match(html, /<svg[\s>]/);
    assert.match(html, new RegExp(`/board/plans/${closed.plan_id}`));
  });

  it('lets a resident object to the plan on notice and see it listed, in large type', async () => {
    const page = resident.page;
    await page.goto(`/board/plans/${story.noticePlanId}`);
    await page.locator('[data-test="objection-form"]').waitFor();
    await page.locator('[data-test="objection-submit"]').click();
    await page.locator('[data-test="objection-error"]').filter({ hasText: '请写下您的意见' }).waitFor();
    const text = `希望文体活动经费多用于老年大学（e2e ${Date.now()}）`;
    await page.getByLabel('您的意见').fill(text);
    await page.locator('[data-test="objection-submit"]').click();
    await page.locator('[data-test="objection-done"]').waitFor();
    const listed = page.locator('[data-test="objections"] li').filter({ hasText: text });
    await listed.waitFor();
    assert.match(await listed.textContent(), /待答复/);
    story.objectionText = text;
    await screenshot(page, '20-board-objection-large-type');
  });

  it('lets staff answer the objection and hears why the notice cannot end early', async () => {
    const page = staff.context.pages()[0];
    await page.goto(`/staff/plans/${story.noticePlanId}`);
    await page.locator('[data-test="desk-summary"][data-state="public_notice"]').waitFor();
    await page.getByLabel('说明（公开显示）').fill('公示期满，提交议事会表决');
    await page.locator('[data-action="open_vote"]').click();
    await page.locator('[data-test="transition-error"]').filter({ hasText: /公示期还没满|还有异议没有答复/ }).waitFor();
    const open = page.locator('[data-test="answers"] li').filter({ hasText: story.objectionText });
    await open.getByLabel('答复（公开显示）').fill('已转议事会讨论，会后公开答复');
    await open.getByRole('button', { name: '答复' }).click();
    await page.locator('[data-test="answers"] li').filter({ hasText: story.objectionText }).waitFor({ state: 'detached' });
    await screenshot(page, '21-staff-plan-desk');
    const residentPage = resident.page;
    await residentPage.reload();
    const answered = residentPage.locator('[data-test="objections"] li').filter({ hasText: story.objectionText });
    await answered.filter({ hasText: '已转议事会讨论，会后公开答复' }).waitFor();
  });

  it('sends unknown paths to the app, which says the page does not exist', async () => {
    const { context } = await openContext();
    const page = await context.newPage();
    const response = await page.goto('/no/such/page');
    assert.equal(response.status(), 200);
    await page.getByRole('heading', { name: '页面不存在' }).waitFor();
    // A protected page without a login leads to the login form, and back after it.
    await page.goto('/staff/queue');
    await page.waitForURL(/\/login\?next=/);
  });

  it('ran without page errors, CSP refusals or unexpected failed requests', () => {
    // Expected failures: 400/404 for the mistyped codes, 401 for the wrong password, 409 for
    // the refused redemptions; anything else (a script error, a CSP refusal) is a bug.
    const problems = contexts.flatMap((watched) => unexpected(watched.problems, [400, 401, 404, 409]));
    assert.deepEqual(problems, []);
  });
});
