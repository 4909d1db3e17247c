// Plans that can say no (issue 19) in Debian's chromium against a real `gongzhi serve --demo`:
// the council vote recorded from the plan desk on a phone fails for want of a quorum, the plan
// goes back to draft and its public page says why; staff publish it again; a passing vote is
// recorded from the form, then the professional assessment, and the plan goes to the street,
// which returns it with a reason that the public board shows on a phone; staff record an
// emergency spend on a phone, the street signs it off on a desktop, and the public board shows
// it; last, a new plan of the returned plan's quarter is published as its revision (creating a
// plan may carry what is left of an ended quarter's reserve forward, so it comes after the spend).
//
// A plan reaches the council vote only after its seven-day public notice: one demo database is
// served first at the demo's now (or GONGZHI_NOW), where plans are prepared and published
// through the API, then again by a server whose clock starts an hour after the last notice
// ends. Every instant is taken from what the server answers. Pages are saved to
// tests/e2e/screenshots/decisions-*.png.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'playwright-core';
import { newDatabase, startServer } from './lib/server.mjs';
import { launchBrowser, newWatchedContext, phone, screenshot, unexpected } from './lib/browser.mjs';
import { DEMO_PASSWORD, logIn } from './lib/session.mjs';

const desktop = { viewport: { width: 1366, height: 860 } };
const COMMUNITY = 1;

/** "2026-12-03T08:00:00.000+08:00" for an instant, as the server reads --now. */
function shanghaiIso(epochMs) {
  return `${new Date(epochMs + 8 * 3_600_000).toISOString().slice(0, 23)}+08:00`;
}

/** "2027Q1" → "2027Q2". */
function nextQuarter(quarter) {
  const [year, q] = quarter.split('Q').map(Number);
  return q === 4 ? `${year + 1}Q1` : `${year}Q${q + 1}`;
}

let keyCount = 0;
const key = (what) => `decisions-${what}-${Date.now()}-${++keyCount}`;

/** An API client logged in as `username` (its own cookie jar). */
async function apiAs(baseURL, username) {
  const client = await request.newContext({ baseURL });
  const login = await client.post('/api/v1/auth/login', { data: { username, password: DEMO_PASSWORD } });
  assert.equal(login.status(), 200, await login.text());
  const call = async (method, url, data) => {
    const response = await client.fetch(url, {
      method,
      ...(data === undefined ? {} : { data, headers: { 'Idempotency-Key': key(method) } }),
    });
    const text = await response.text();
    return { status: response.status(), body: text ? JSON.parse(text) : null };
  };
  return {
    get: async (url) => {
      const answer = await call('GET', url);
      assert.equal(answer.status, 200, `GET ${url}: ${JSON.stringify(answer.body)}`);
      return answer.body;
    },
    post: async (url, data, expected = [200, 201]) => {
      const answer = await call('POST', url, data);
      assert.ok(expected.includes(answer.status), `POST ${url}: ${answer.status} ${JSON.stringify(answer.body)}`);
      return answer.body;
    },
    dispose: () => client.dispose(),
  };
}

/** Answers every objection still open on a plan, so its notice can end in a council vote. */
async function answerOpenObjections(staff, planId) {
  const notices = await staff.get(`/api/v1/public/notices?community_id=${COMMUNITY}`);
  const open = (notices.items.find((notice) => notice.plan_id === planId)?.objections ?? []).filter((o) => !o.answer);
  if (open.length) {
    await staff.post(`/api/v1/plans/${planId}/objections/answers`, {
      objection_ids: open.map((o) => o.id),
      answer: '已记录，提交议事会讨论。',
    });
  }
}

describe('plans that can say no: council vote, street return, revision, emergency reserve', { timeout: 600_000 }, () => {
  const database = newDatabase();
  let server;
  let browser;
  const contexts = [];
  /** The demo's plan on notice (fails its vote), a plan of the next quarter (passes, returned),
   * its revision, and the executing money plan (emergency spend). */
  const story = { failing: 0, passing: 0, revision: 0, executing: 0, returnReason: '', spendReason: '' };

  async function openAs(username, options) {
    const watched = await newWatchedContext(browser, server.baseUrl, options);
    contexts.push(watched);
    const page = await watched.context.newPage();
    if (username) await logIn(page, username);
    return { page, ...watched };
  }

  before(async () => {
    browser = await launchBrowser();
    // First the demo at its own now: publish a second plan for the next quarter.
    const first = await startServer({ db: database });
    let lastNoticeEnds;
    try {
      const staff = await apiAs(first.baseUrl, 'staff');
      const board = await staff.get(`/api/community-resources?community_id=${COMMUNITY}`);
      assert.equal(board.plan.state, 'public_notice', 'the demo has a plan on public notice');
      story.failing = board.plan.plan_id;
      const created = await staff.post('/api/v1/allocation/plans', {
        community_id: COMMUNITY,
        quarter: nextQuarter(board.plan.quarter),
        total: 1_000_000,
        unit: 'fen',
      });
      story.passing = created.id;
      story.passingQuarter = created.quarter;
      const published = await staff.post(`/api/v1/plans/${story.passing}/transitions`, { action: 'publish', note: '下季度方案公示' });
      const status = published.plan ?? published;
      lastNoticeEnds = Math.max(Date.parse(board.plan.notice_ends_at), Date.parse(status.notice_ends_at));
      const plans = await staff.get(`/api/v1/allocation/plans?community_id=${COMMUNITY}`);
      const executing = plans.items.filter((plan) => plan.stage === 'executing' && plan.unit === 'fen');
      assert.ok(executing.length, 'the demo has an executing money plan');
      story.executing = executing[0].id;
      await staff.dispose();
    } finally {
      await first.stop();
    }
    // Then an hour after both notices have ended, the clock running on from there.
    server = await startServer({ db: database, args: ['--now', shanghaiIso(lastNoticeEnds + 3_600_000)] });
    const staff = await apiAs(server.baseUrl, 'staff');
    for (const planId of [story.failing, story.passing]) {
      await answerOpenObjections(staff, planId);
      const board = await staff.get(`/api/v1/public/plans/${planId}`);
      if (board.objections.third_party_required && !board.objections.third_party_recorded) {
        await staff.post(`/api/v1/plans/${planId}/evaluations`, { kind: 'third_party', evaluator: '第三方评估机构', summary: '异议已逐条核实。' });
      }
      await staff.post(`/api/v1/plans/${planId}/transitions`, { action: 'open_vote', note: '公示期满，提交议事会表决' });
    }
    await staff.dispose();
  });

  after(async () => {
    for (const { context } of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
    database.remove();
  });

  it('records a failing council vote on a phone: the plan goes back to draft and its public page says why', async () => {
    const { page, problems } = await openAs('staff', phone);
    await page.goto(`/staff/plans/${story.failing}`);
    await page.locator('[data-test="desk-summary"][data-state="council_vote"]').waitFor();
    // The old "进入专业评估" button is gone: only a recorded vote moves the plan.
    assert.equal(await page.locator('[data-action="assess"]').count(), 0);
    const form = page.locator('[data-test="council-form"]');
    await form.getByLabel('会议名称').fill('社区议事会季度会议');
    await form.getByLabel('地点').fill('社区活动室');
    await form.getByLabel('议事会成员数').fill('15');
    await form.getByLabel('出席人数').fill('7');
    await form.getByLabel('赞成').fill('6');
    await form.getByLabel('反对').fill('1');
    await form.getByLabel('弃权').fill('0');
    assert.equal((await page.locator('[data-test="council-verdict"]').textContent()).trim(), '预计：未通过（出席不足法定人数）');
    assert.match(await page.locator('[data-test="council-preview"]').textContent(), /至少 8 人（本次出席 7 人）/);
    await form.getByLabel('会议纪要').fill('到会成员 7 人，不足法定人数，改期再议。');
    await form.getByLabel('未通过理由').fill('出席成员不足半数，建议下次会议前逐户通知成员');
    await screenshot(page, 'decisions-council-form-phone');
    await page.locator('[data-test="council-submit"]').click();
    const outcome = page.locator('[data-test="desk-outcome"]');
    await outcome.waitFor();
    assert.match(await outcome.textContent(), /议事会表决未通过（出席不足法定人数），方案已退回草案/);
    await page.locator('[data-test="desk-summary"][data-state="draft"][data-returned="true"]').waitFor();
    assert.equal((await page.locator('[data-test="plan-state"]').textContent()).trim(), '已退回修改');
    await page.locator('[data-test="returned-reason"]').waitFor();
    await screenshot(page, 'decisions-council-failed-phone');

    // The server's record.
    const votes = await (await page.request.get(`/api/v1/plans/${story.failing}/council-votes`)).json();
    assert.equal(votes.items.length, 1);
    assert.deepEqual(
      { present: votes.items[0].members_present, quorum: votes.items[0].quorum_met, passed: votes.items[0].passed },
      { present: 7, quorum: false, passed: false },
    );
    assert.deepEqual(unexpected(problems), []);

    // Anyone reads why, on a phone, without logging in.
    const visitor = await openAs(null, phone);
    await visitor.page.goto(`/board/plans/${story.failing}`);
    const said = visitor.page.locator('[data-test="plan-outcome"][data-outcome="returned"]');
    await said.waitFor();
    assert.match(await said.textContent(), /本方案已退回修改/);
    assert.match(await visitor.page.locator('[data-test="decisions"]').textContent(), /议事会表决未通过[\s\S]*出席成员不足半数/);
    const vote = visitor.page.locator('[data-test="council-vote"]');
    assert.match(await vote.locator('[data-test="vote-attendance"]').textContent(), /成员 15 人，出席 7 人\s*未达到法定人数/);
    assert.match(await vote.locator('[data-test="vote-counts"]').textContent(), /赞成 6 · 反对 1 · 弃权 0/);
    await screenshot(visitor.page, 'decisions-returned-public-phone');
    assert.deepEqual(unexpected(visitor.problems), []);
  });

  it('lets staff publish the returned plan again from the desk, starting a new notice', async () => {
    const { page, problems } = await openAs('staff', phone);
    await page.goto(`/staff/plans/${story.failing}`);
    const panel = page.locator('[data-test="publish"][data-returned="true"]');
    await panel.waitFor();
    assert.match(await panel.locator('[data-test="returned-reason"]').textContent(), /出席成员不足半数/);
    await panel.getByLabel('说明（公开显示）').fill('已逐户通知议事会成员，重新公示');
    await panel.getByRole('button', { name: '重新公示' }).click();
    await page.locator('[data-test="desk-outcome"]').filter({ hasText: '已重新公示' }).waitFor();
    await page.locator('[data-test="desk-summary"][data-state="public_notice"]').waitFor();
    const board = await (await page.request.get(`/api/v1/public/plans/${story.failing}`)).json();
    assert.equal(board.plan.state, 'public_notice');
    assert.equal(board.plan.returned, false);
    assert.equal(board.plan.days_left, 7, 'a new notice of seven days');
    assert.deepEqual(unexpected(problems), []);
  });

  it('records a passing vote from the form, then the assessment, and submits the plan to the street (desktop)', async () => {
    const { page, problems } = await openAs('staff', desktop);
    await page.goto(`/staff/plans/${story.passing}`);
    await page.locator('[data-test="desk-summary"][data-state="council_vote"]').waitFor();
    const form = page.locator('[data-test="council-form"]');
    await form.getByLabel('会议名称').fill('社区议事会专题会议');
    await form.getByLabel('议事会成员数').fill('15');
    await form.getByLabel('出席人数').fill('11');
    await form.getByLabel('赞成').fill('8');
    await form.getByLabel('反对').fill('2');
    await form.getByLabel('弃权').fill('1');
    assert.equal((await page.locator('[data-test="council-verdict"]').textContent()).trim(), '预计：通过');
    await form.getByLabel('会议纪要').fill('与会成员逐项讨论了各类别额度，表决通过。');
    await page.locator('[data-test="council-submit"]').click();
    await page.locator('[data-test="desk-outcome"]').filter({ hasText: '议事会表决通过（赞成 8 票，出席 11 人）' }).waitFor();
    await page.locator('[data-test="desk-summary"][data-state="professional_assessment"]').waitFor();
    await screenshot(page, 'decisions-council-passed-desktop');

    // Submitting before an assessment is refused in words; then the assessment is recorded.
    await page.locator('#transition-note').fill('提交街道审核');
    await page.locator('[data-action="submit_review"]').click();
    await page.locator('[data-test="transition-error"]').filter({ hasText: '请先录入建议通过' }).waitFor();
    const assessment = page.locator('[data-test="assessment-form"]');
    await assessment.getByLabel('评估人').fill('李明');
    await assessment.getByLabel('评估机构').fill('区社会工作评估中心');
    await assessment.getByLabel('评估结论').fill('各类别额度与需求评估结果相符，建议增加对独居老人的走访频次。');
    await assessment.locator('[data-recommendation="approve_with_changes"]').click();
    await assessment.getByLabel('修改要求').fill('养老服务类别补充走访计划');
    await page.locator('[data-test="assessment-submit"]').click();
    await page.locator('[data-test="desk-outcome"]').filter({ hasText: '已录入评估意见：修改后通过' }).waitFor();
    await page.locator('[data-test="assessments"] li[data-recommendation="approve_with_changes"]').waitFor();
    // With an approving assessment on record the form gives way, and the earlier refusal is gone.
    assert.equal(await page.locator('[data-test="assessment-form"]').count(), 0);
    await page.locator('[data-test="review-readiness"]').filter({ hasText: '可以提交街道审核' }).waitFor();
    assert.equal((await page.locator('[data-test="transition-error"]').textContent()).trim(), '');
    await screenshot(page, 'decisions-assessment-desktop');
    await page.locator('#transition-note').fill('评估意见已落实，提交街道审核');
    await page.locator('[data-action="submit_review"]').click();
    await page.locator('[data-test="desk-summary"][data-state="street_review"]').waitFor();
    await page.locator('[data-test="await-street"]').waitFor();
    assert.deepEqual(unexpected(problems, [409]), []);
  });

  it('lets the street return the plan with a reason on a phone, and the public board shows it', async () => {
    story.returnReason = '养老服务占比低于需求评估结果，请调整后重新公示';
    const { page, problems } = await openAs('street', phone);
    await page.goto(`/staff/plans/${story.passing}`);
    const review = page.locator('[data-test="street-review"]');
    await review.waitFor();
    await review.locator('[data-review="return"]').click();
    // A return needs its reason.
    await page.locator('[data-test="review-submit"]').click();
    await page.locator('[data-test="review-error"]').filter({ hasText: '请写明理由' }).waitFor();
    await review.getByLabel('理由（公开显示）').fill(story.returnReason);
    await screenshot(page, 'decisions-street-review-phone');
    await page.locator('[data-test="review-submit"]').click();
    await page.locator('[data-test="desk-outcome"]').filter({ hasText: '已退回修改' }).waitFor();
    await page.locator('[data-test="desk-summary"][data-state="draft"][data-returned="true"]').waitFor();
    assert.deepEqual(unexpected(problems), []);

    const visitor = await openAs(null, phone);
    await visitor.page.goto(`/board?community_id=${COMMUNITY}`);
    const listed = visitor.page.locator(`[data-test="plans"] li[data-plan="${story.passing}"]`);
    await listed.waitFor();
    assert.equal((await listed.locator('[data-test="plan-list-state"]').textContent()).trim(), '已退回修改');
    await screenshot(visitor.page, 'decisions-board-returned-phone');
    await listed.locator('a').click();
    const said = visitor.page.locator('[data-test="plan-outcome"][data-outcome="returned"]');
    await said.waitFor();
    assert.match(await said.textContent(), new RegExp(`本方案已退回修改：${story.returnReason}`));
    const decision = visitor.page.locator('[data-test="decisions"] li[data-action="return"]');
    assert.match(await decision.textContent(), /街道退回修改/);
    await screenshot(visitor.page, 'decisions-plan-returned-phone');
    assert.deepEqual(unexpected(visitor.problems), []);
  });

  it('lets staff record an emergency spend on a phone and the street sign it off on a desktop; the board shows it', async () => {
    story.spendReason = '暴雨导致3号楼地下室进水，紧急抽水与临时安置';
    const { page, problems } = await openAs('staff', phone);
    await page.goto(`/staff/plans/${story.executing}`);
    const form = page.locator('[data-test="emergency-form"]');
    await form.waitFor();
    const ledger = await (await page.request.get(`/api/v1/plans/${story.executing}/emergency-spending`)).json();
    assert.ok(ledger.left > 0, 'the reserve has money left');
    // Half of what is left, in whole yuan, and at most 1,500 yuan.
    const yuan = Math.max(1, Math.min(1500, Math.floor(ledger.left / 200)));
    await form.getByLabel('紧急情况类型').selectOption({ label: '自然灾害' });
    await form.getByLabel('事由').fill(story.spendReason);
    await form.getByLabel('受益户数').fill('12');
    await form.getByLabel('金额（元）').fill(String(yuan));
    await form.getByLabel('票据号').fill('FP-E2E-0001');
    await page.locator('[data-test="emergency-submit"]').click();
    await page.locator('[data-test="desk-outcome"]').filter({ hasText: '已登记应急支出并公示' }).waitFor();
    const spend = page.locator('[data-test="emergency-spend"]').filter({ hasText: story.spendReason });
    await spend.waitFor();
    assert.equal(await spend.getAttribute('data-state'), 'pending');
    assert.match(await spend.locator('[data-test="sign-off-state"]').textContent(), /待签认/);
    await screenshot(page, 'decisions-emergency-phone');
    const after = await (await page.request.get(`/api/v1/plans/${story.executing}/emergency-spending`)).json();
    assert.equal(after.left, ledger.left - yuan * 100, 'the reserve left shrinks by the spend, in fen');
    assert.equal(after.items[0].kind, 'natural_disaster');
    assert.deepEqual(unexpected(problems), []);

    const street = await openAs('street', desktop);
    await street.page.goto(`/staff/plans/${story.executing}`);
    const pending = street.page.locator('[data-test="emergency-spend"]').filter({ hasText: story.spendReason });
    await pending.locator('[data-test="sign-off-open"]').click();
    await pending.getByLabel('签认意见').fill('已核实现场照片与票据');
    await pending.locator('[data-test="sign-off-submit"]').click();
    await street.page.locator('[data-test="desk-outcome"]').filter({ hasText: '已签认' }).waitFor();
    const signed = street.page.locator('[data-test="emergency-spend"][data-state="signed"]').filter({ hasText: story.spendReason });
    await signed.waitFor();
    await screenshot(street.page, 'decisions-emergency-signed-desktop');
    assert.deepEqual(unexpected(street.problems), []);

    // The public board: the plan from the list, its reserve and the signed spend.
    const visitor = await openAs(null, phone);
    await visitor.page.goto(`/board?community_id=${COMMUNITY}`);
    await visitor.page.locator(`[data-test="plans"] li[data-plan="${story.executing}"] a`).click();
    await visitor.page.waitForURL(`**/board/plans/${story.executing}`);
    const shown = visitor.page.locator('[data-test="emergency-spend"]').filter({ hasText: story.spendReason });
    await shown.waitFor();
    assert.equal(await shown.getAttribute('data-state'), 'signed');
    assert.match(await shown.textContent(), /自然灾害 · 12 户受益/);
    assert.match(await visitor.page.locator('[data-test="emergency-left"]').textContent(), /元/);
    await visitor.page.locator('[data-test="emergency"]').scrollIntoViewIfNeeded();
    await screenshot(visitor.page, 'decisions-board-emergency-phone');
    assert.deepEqual(unexpected(visitor.problems), []);
  });
  it('publishes a new plan of that quarter as the revision of the returned one', async () => {
    const staff = await apiAs(server.baseUrl, 'staff');
    const created = await staff.post('/api/v1/allocation/plans', {
      community_id: COMMUNITY,
      quarter: story.passingQuarter,
      total: 1_100_000,
      unit: 'fen',
    });
    story.revision = created.id;
    await staff.dispose();
    const { page, problems } = await openAs('staff', phone);
    await page.goto(`/staff/plans/${story.revision}`);
    const candidate = page.locator('[data-test="revision-candidate"]');
    await candidate.waitFor();
    assert.match(await candidate.textContent(), new RegExp(`作为修订版公示：${story.passingQuarter} 10,000.00 元（已退回修改）`));
    await candidate.locator('input').check();
    await page.getByLabel('说明（公开显示）').fill('按街道意见调整养老服务额度');
    await screenshot(page, 'decisions-revision-choice-phone');
    await page.locator('[data-test="publish-submit"]').click();
    await page.locator('[data-test="desk-outcome"]').filter({ hasText: '已作为修订版公示' }).waitFor();
    assert.deepEqual(unexpected(problems), []);

    const visitor = await openAs(null, phone);
    await visitor.page.goto(`/board/plans/${story.passing}`);
    await visitor.page.locator('[data-test="plan-outcome"][data-outcome="superseded"]').waitFor();
    await visitor.page.locator('[data-test="revision-link"]').click();
    await visitor.page.waitForURL(`**/board/plans/${story.revision}`);
    // The difference as the server counts it: what the lines plan, before and after.
    const [original, revised] = await Promise.all(
      [story.passing, story.revision].map(async (id) => (await visitor.page.request.get(`/api/v1/public/plans/${id}`)).json()),
    );
    assert.equal(revised.revision.revises_plan_id, story.passing);
    assert.equal(revised.revision.total_before, original.totals.planned);
    assert.equal(revised.revision.total_after, revised.totals.planned);
    const yuan = (fen) => `${Math.floor(fen / 100).toLocaleString('en-US')}.${String(fen % 100).padStart(2, '0')} 元`;
    assert.equal(
      (await visitor.page.locator('[data-test="revision-total"]').textContent()).trim(),
      `计划分配合计：原方案 ${yuan(original.totals.planned)} → 修订版 ${yuan(revised.totals.planned)}`,
    );
    assert.equal(original.plan.state, 'superseded');
    assert.equal(original.plan.revised_by_plan_id, story.revision);
    const lines = visitor.page.locator('[data-test="revision-line"]');
    await lines.first().waitFor();
    assert.ok((await lines.count()) >= 1, 'the difference per category');
    assert.match(await lines.first().textContent(), /原方案 .* → 修订版 /);
    await screenshot(visitor.page, 'decisions-revision-public-phone');
    assert.deepEqual(unexpected(visitor.problems), []);
  });

});
