// The end of a public notice in a real browser: one demo database served at the notice's last
// minute and again at the instant it ends, each time by a server whose clock stands still
// there. The board, the plan's page and the objection desk must say the same thing as the
// server's one rule — "还剩 1 天" and a form that takes the objection, then "期满" and no form,
// and a refusal for anyone who tries anyway — whatever the browser's own clock says.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { newDatabase, startServer } from './lib/server.mjs';
import { launchBrowser, newWatchedContext, phone, screenshot, unexpected } from './lib/browser.mjs';

const PASSWORD = 'gongzhi2026';

/** "2026-12-03T08:00:00.000+08:00" for an instant, as the server reads --now. */
function shanghaiIso(epochMs) {
  return `${new Date(epochMs + 8 * 3_600_000).toISOString().slice(0, 23)}+08:00`;
}

describe('the end of a public notice', { timeout: 300_000 }, () => {
  const database = newDatabase();
  let browser;
  let endsAt;
  let planId;

  async function serveAt(epochMs) {
    return startServer({ db: database, args: ['--now', shanghaiIso(epochMs), '--freeze-clock'] });
  }

  async function residentPage(server) {
    const watched = await newWatchedContext(browser, server.baseUrl, phone);
    const page = await watched.context.newPage();
    await page.goto('/login');
    await page.getByLabel('用户名').fill('resident');
    await page.getByLabel('密码').fill(PASSWORD);
    await page.getByRole('button', { name: '登录', exact: true }).last().click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    return { page, ...watched };
  }

  before(async () => {
    browser = await launchBrowser();
    // The demo (its year up to GONGZHI_NOW or now), to learn when its notice ends.
    const first = await startServer({ db: database });
    try {
      const board = await (await fetch(`${first.baseUrl}/api/community-resources?community_id=1`)).json();
      assert.equal(board.plan.state, 'public_notice');
      endsAt = Date.parse(board.plan.notice_ends_at);
      planId = board.plan.plan_id;
    } finally {
      await first.stop();
    }
  });

  after(async () => {
    await browser?.close();
    database.remove();
  });

  it('takes objections in the last minute and says one day is left', async () => {
    const server = await serveAt(endsAt - 60_000);
    try {
      const { page, context, problems } = await residentPage(server);
      await page.goto('/board');
      const daysLeft = page.locator('[data-test="days-left"]');
      await daysLeft.waitFor();
      assert.match(await daysLeft.textContent(), /公示期还剩 1 天/);
      assert.match(await daysLeft.textContent(), /异议受理至/);
      await page.goto(`/board/plans/${planId}`);
      await page.locator('#objection-text').fill('最后一分钟：希望助老服务覆盖到独居老人');
      await page.locator('[data-test="objection-submit"]').click();
      await page.locator('[data-test="objection-done"]').waitFor();
      await screenshot(page, 'notice-last-minute-phone');
      assert.deepEqual(unexpected(problems), []);
      await context.close();
    } finally {
      await server.stop();
    }
  });

  it('says the notice is over at its end, offers no form and the desk refuses', async () => {
    const server = await serveAt(endsAt);
    try {
      const { page, context, problems } = await residentPage(server);
      await page.goto('/board');
      const daysLeft = page.locator('[data-test="days-left"]');
      await daysLeft.waitFor();
      assert.match(await daysLeft.textContent(), /公示期已于 .* 期满/);
      assert.equal(await page.locator(`[data-test="notices"] li[data-plan="${planId}"] [data-test="notice-days"]`).count(), 0);
      await page.goto(`/board/plans/${planId}`);
      await page.locator('[data-test="objections-closed"]').waitFor();
      assert.equal(await page.locator('[data-test="objection-form"]').count(), 0);
      await screenshot(page, 'notice-ended-phone');
      // Anyone who tries anyway is refused by the same rule.
      const refused = await page.evaluate(async (id) => {
        const response = await fetch(`/api/v1/plans/${id}/objections`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ text: '晚了一步' }),
        });
        return { status: response.status, body: await response.json() };
      }, planId);
      assert.equal(refused.status, 409);
      assert.equal(refused.body.error.code, 'notice_ended');
      assert.deepEqual(unexpected(problems, [409]), []);
      await context.close();
    } finally {
      await server.stop();
    }
  });
});
