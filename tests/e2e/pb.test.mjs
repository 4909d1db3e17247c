// Participatory budgeting in Debian's chromium against a real `gongzhi serve --demo`: staff
// see the demo's two elections and create one with three projects whose window opens at the
// server's now; the resident votes in it on a phone within its limit of two projects; a second
// ballot from the same household (the same login on another phone) is refused in Chinese; the
// demo's closed election shows its winners under greedy and under equal shares side by side,
// with what each group of voters gets; staff turn its outcome into a plan and open the plan.
// Pages are saved to tests/e2e/screenshots/ (pb-*) at desktop and phone size.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './lib/server.mjs';
import { desktop, launchBrowser, newWatchedContext, phone, screenshot, unexpected } from './lib/browser.mjs';
import { logIn } from './lib/session.mjs';

// The page reads elections one by one until the server has a list (GET answers 405, unseen
// ids 404); a refused ballot answers 409.
const EXPECTED = [404, 405, 409];
const NAME = 'E2E 楼道微更新';
const PROJECTS = [
  { name: '楼道扶手', cost: '20000', description: '3号楼加装扶手' },
  { name: '单元门禁', cost: '15000', description: '更换老旧门禁' },
  { name: '儿童沙坑', cost: '12000', description: '' },
];

/** A datetime-local value in Shanghai's wall time. */
const shanghaiLocal = (ms) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 16);

describe('participatory budgeting: create, vote, results, plan', { timeout: 300_000 }, () => {
  let server;
  let browser;
  const contexts = [];
  const story = {};

  async function openContext(options) {
    const watched = await newWatchedContext(browser, server.baseUrl, options);
    contexts.push(watched);
    return watched;
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

  it('lets staff see the elections, create one with its projects and have it open', async () => {
    const staff = await openContext(desktop);
    story.staff = staff;
    const page = await staff.context.newPage();
    await logIn(page, 'staff');
    // The menu leads there, in the planning group.
    await page.goto('/staff/queue');
    await page.locator('a[href="/staff/pb"]').first().waitFor({ state: 'attached' });
    await page.goto('/staff/pb');
    const list = page.locator('[data-test="pb-elections"] [data-test="pb-election"]');
    await list.first().waitFor();
    assert.equal(await list.count(), 2, 'the demo has two elections');
    const listText = await page.locator('[data-test="pb-elections"]').innerText();
    assert.match(listText, /投票中/);
    assert.match(listText, /已结束/);
    // The demo's 1,755 ballots, as the list says them.
    const ballots = [...listText.matchAll(/(\d+) 户已投票/g)].map((m) => Number(m[1]));
    assert.equal(ballots.reduce((a, b) => a + b, 0), 1755);
    await screenshot(page, 'pb-staff-list-desktop');

    // The window opens at the server's now (its Date header), whatever day the suite runs.
    const now = Date.parse((await staff.context.request.get('/api/v1/ledger/head')).headers()['date']);
    await page.locator('#pb-name').fill(NAME);
    await page.locator('#pb-budget').fill('30000');
    await page.locator('#pb-rule').selectOption('equal-shares-add1');
    await page.locator('#pb-opens').fill(shanghaiLocal(now - 10 * 60_000));
    await page.locator('#pb-closes').fill(shanghaiLocal(now + 7 * 86_400_000));
    await page.locator('#pb-max-length').fill('2');
    await page.locator('[data-test="pb-create"]').click();
    await page.waitForURL(/\/staff\/pb\/\d+$/);
    story.electionId = Number(page.url().match(/(\d+)$/)[1]);
    assert.equal((await page.locator('[data-test="pb-election-name"]').innerText()).trim(), NAME);
    assert.equal((await page.locator('[data-test="pb-voting"]').innerText()).trim(), '投票中');

    for (const project of PROJECTS) {
      const before = await page.locator('[data-test="pb-projects"] li').count();
      await page.locator('#pb-project-name').fill(project.name);
      await page.locator('#pb-project-cost').fill(project.cost);
      await page.locator('#pb-project-description').fill(project.description);
      await page.locator('[data-test="pb-project-add"]').click();
      await page.locator('[data-test="pb-projects"] li').nth(before).waitFor();
    }
    await page.reload();
    await page.locator('[data-test="pb-projects"] li').nth(2).waitFor();
    assert.deepEqual(
      (await page.locator('[data-test="pb-projects"] li strong').allInnerTexts()).map((s) => s.trim()),
      PROJECTS.map((p) => p.name),
    );
    assert.match(await page.locator('[data-test="pb-projects"]').innerText(), /20,000 元/);
    await screenshot(page, 'pb-staff-election-desktop');

    // The server holds what the page said: budget and costs in 元, the window open, no ballot.
    const election = await (await staff.context.request.get(`/api/v1/pb/elections/${story.electionId}`)).json();
    assert.equal(election.budget, 30000);
    assert.equal(election.amount_decimals, 0);
    assert.equal(election.voting, 'open');
    assert.equal(election.projects, 3);
    assert.equal(election.ballots, 0);
    assert.deepEqual(unexpected(staff.problems, EXPECTED), []);
  });

  it('lets a resident vote on a phone within the limits, and shows that the household voted', async () => {
    const resident = await openContext(phone);
    const page = await resident.context.newPage();
    await logIn(page, 'resident');
    await page.goto('/resident/pb');
    const card = page.locator(`[data-election="${story.electionId}"]`);
    await card.waitFor();
    assert.match(await card.innerText(), /投票中/);
    // Open elections come first.
    assert.equal(await page.locator('[data-test="pb-election"]').first().getAttribute('data-election'), String(story.electionId));
    await screenshot(page, 'pb-list-phone');
    await card.locator('a').click();
    await page.waitForURL(`**/resident/pb/${story.electionId}`);
    await page.locator('[data-test="pb-ballot"] .pb-choice').nth(2).waitFor();
    assert.match(await page.locator('.pb-rules').innerText(), /最多选 2 个/);

    const choice = (key) => page.locator(`.pb-choice[data-project="${key}"]`);
    await choice('1').click();
    await choice('2').click();
    await choice('3').click();
    assert.match(await page.locator('[data-test="pb-ballot"]').innerText(), /最多只能选 2 个项目/);
    await choice('3').click();
    assert.match(await page.locator('[data-test="pb-total"]').innerText(), /已选 2 个，合计 35,000 元/);
    // Tap targets stay at least 44 px high on the phone.
    for (const locator of [choice('1'), page.locator('[data-test="pb-vote-submit"]')]) {
      const box = await locator.boundingBox();
      assert.ok(box.height >= 44, `tap target ${box.height}px`);
    }
    await screenshot(page, 'pb-vote-phone');
    await page.locator('[data-test="pb-vote-submit"]').click();
    await page.locator('[data-test="pb-vote-confirm"]').waitFor();
    await page.locator('[data-test="pb-vote-yes"]').click();
    await page.locator('[data-test="pb-voted"]').waitFor();
    assert.match(await page.locator('[data-test="pb-voted"]').innerText(), /您家已投票/);
    await page.reload();
    await page.locator('[data-test="pb-voted"]').waitFor();
    await screenshot(page, 'pb-voted-phone');

    const election = await (await story.staff.context.request.get(`/api/v1/pb/elections/${story.electionId}`)).json();
    assert.equal(election.ballots, 1, 'the ballot is counted');
    const results = await (await story.staff.context.request.get(`/api/v1/pb/elections/${story.electionId}/results`)).json();
    assert.deepEqual(
      results.projects.map((p) => [p.name, p.votes]),
      [
        ['楼道扶手', 1],
        ['单元门禁', 1],
        ['儿童沙坑', 0],
      ],
    );
    assert.deepEqual(unexpected(resident.problems, EXPECTED), []);
  });

  it('refuses a second ballot from the same household in plain Chinese', async () => {
    // The same household's login on another phone, which keeps no record of the first vote.
    const other = await openContext(phone);
    const page = await other.context.newPage();
    await logIn(page, 'resident');
    await page.goto(`/resident/pb/${story.electionId}`);
    // In large type (大字模式) the cards and the button stay whole and easy to tap.
    await page.locator('[data-test="elderly-toggle"]').click();
    await page.locator('.pb-choice[data-project="3"]').click();
    const box = await page.locator('[data-test="pb-vote-submit"]').boundingBox();
    assert.ok(box.height >= 44 && box.x >= 0 && box.x + box.width <= 390, 'the button fits the phone');
    await screenshot(page, 'pb-ballot-phone-large');
    await page.locator('[data-test="pb-vote-submit"]').click();
    await page.locator('[data-test="pb-vote-yes"]').click();
    await page.locator('[data-test="pb-voted"]').waitFor();
    assert.match(await page.locator('[data-test="pb-voted"]').innerText(), /您家已经投过票了，每户只能投一次。/);
    await screenshot(page, 'pb-second-ballot-phone');
    const election = await (await story.staff.context.request.get(`/api/v1/pb/elections/${story.electionId}`)).json();
    assert.equal(election.ballots, 1, 'still one ballot');
    assert.deepEqual(unexpected(other.problems, EXPECTED), []);
  });

  it('shows the closed election under greedy and equal shares side by side, and makes its plan', async () => {
    const { staff } = story;
    const page = await staff.context.newPage();
    await page.goto('/staff/pb');
    const closed = page.locator('[data-test="pb-election"]').filter({ hasText: '已结束' }).first();
    await closed.waitFor();
    await closed.locator('a').click();
    await page.waitForURL(/\/staff\/pb\/\d+$/);
    const id = Number(page.url().match(/(\d+)$/)[1]);
    const election = await (await staff.context.request.get(`/api/v1/pb/elections/${id}`)).json();
    assert.equal(election.voting, 'closed');
    await page.locator('[data-test="pb-rule"]').nth(1).waitFor();

    // Each rule's card names exactly the winners the server computes for it.
    const rules = await page.locator('[data-test="pb-rule"]').evaluateAll((cards) => cards.map((c) => c.dataset.rule));
    assert.deepEqual(rules, ['greedy', election.rule.startsWith('equal-shares') ? election.rule : 'equal-shares']);
    const winners = {};
    for (const rule of rules) {
      const answer = await (await staff.context.request.get(`/api/v1/pb/elections/${id}/results?rule=${rule}`)).json();
      winners[rule] = answer;
      const shown = await page.locator(`[data-test="pb-rule"][data-rule="${rule}"] [data-test="pb-winner"]`).allInnerTexts();
      assert.deepEqual(
        shown.map((text) => text.split(' ')[0].trim()),
        answer.selected.map((p) => p.name),
        `winners under ${rule}`,
      );
    }
    assert.notDeepEqual(
      winners[rules[0]].selected.map((p) => p.id),
      winners[rules[1]].selected.map((p) => p.id),
      'the demo election funds different projects under the two rules',
    );
    const cardText = await page.locator('[data-test="pb-rule"]').first().innerText();
    assert.match(cardText, /按票数（贪心法）/);
    // What each group gets: everyone first, then the supporters of each project.
    const groups = page.locator('[data-test="pb-groups"] > li');
    assert.equal(await groups.count(), election.projects + 1);
    assert.match(await groups.first().innerText(), /全体投票户/);
    assert.match(await groups.nth(1).innerText(), /支持「.+」的住户/);
    await screenshot(page, 'pb-results-desktop');

    // The outcome under equal shares becomes a plan, after a confirmation.
    const esRule = rules[1];
    await page.locator(`input[name="pb-plan-rule"][data-rule="${esRule}"]`).check();
    await page.locator('[data-test="pb-plan-make"]').click();
    const confirm = page.locator('[data-test="pb-plan-confirm"]');
    await confirm.waitFor();
    assert.match(await confirm.innerText(), new RegExp(`入选 ${winners[esRule].selected.length} 个项目`));
    await page.locator('[data-test="pb-plan-yes"]').click();
    await page.locator('[data-test="pb-plan-made"]').waitFor();
    const link = page.locator('[data-test="pb-plan-link"]');
    const planId = Number((await link.getAttribute('href')).match(/(\d+)$/)[1]);
    await link.click();
    await page.waitForURL(`**/staff/plans/${planId}`);
    const plan = await (await staff.context.request.get(`/api/v1/allocation/plans/${planId}`)).json();
    assert.equal(plan.unit, 'fen');
    assert.equal(plan.total, election.budget * 100, 'the budget in fen');
    assert.deepEqual(
      plan.lines.map((line) => line.category).sort(),
      winners[esRule].selected.map((p) => p.name).sort(),
      'one plan line per funded project',
    );
    await page.waitForLoadState('networkidle');
    await screenshot(page, 'pb-plan-desktop');
    assert.deepEqual(unexpected(staff.problems, EXPECTED), []);
  });

  it('shows a resident the results on a phone, the two rules stacked', async () => {
    const resident = await openContext(phone);
    const page = await resident.context.newPage();
    await logIn(page, 'resident');
    await page.goto('/resident/pb');
    const closed = page.locator('[data-test="pb-election"]').filter({ hasText: '已结束' }).first();
    await closed.waitFor();
    await closed.locator('a').click();
    await page.locator('[data-test="pb-rule"]').nth(1).waitFor();
    const [a, b] = await page.locator('[data-test="pb-rule"]').evaluateAll((cards) =>
      cards.map((c) => c.getBoundingClientRect().toJSON()),
    );
    assert.ok(b.top >= a.bottom, 'the rules stack on a phone');
    await page.locator('[data-test="pb-groups"]').waitFor();
    await screenshot(page, 'pb-results-phone');
    assert.deepEqual(unexpected(resident.problems, EXPECTED), []);
  });

  it('fits the staff pages on a phone without sideways scrolling', async () => {
    const staff = await openContext(phone);
    const page = await staff.context.newPage();
    await logIn(page, 'staff');
    await page.goto('/staff/pb');
    await page.locator('[data-test="pb-election"]').first().waitFor();
    const fits = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
    assert.ok(await fits(), 'the list and the form fit');
    await screenshot(page, 'pb-staff-list-phone');
    await page.goto(`/staff/pb/${story.electionId}`);
    await page.locator('[data-test="pb-results"] [data-test="pb-rule"]').nth(1).waitFor();
    assert.ok(await fits(), 'the election and its results fit');
    await screenshot(page, 'pb-staff-election-phone');
    assert.deepEqual(unexpected(staff.problems, EXPECTED), []);
  });
});
