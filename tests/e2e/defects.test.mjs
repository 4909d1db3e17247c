// Defects found in the December 2026 browser walk (issue 18), each driven in Debian's chromium
// against a real `gongzhi serve --demo`, on a phone and on a desktop, and checked through the
// page and the API:
// - seconding a proposal: the card stays under the finger with "已附议 ✓", so a double tap
//   seconds exactly one proposal;
// - the case page: "居民评价" for the resident's rating, and no user number for a handler a
//   guide cannot name;
// - household search: a tag picked after clearing the box does not bring the old text back;
// - a resident opening a request that is not theirs: said in Chinese, no retry that cannot work;
// - survey results by building in number order (2号楼 before 10号楼);
// - the draft plan desk does not ask for a public page that does not exist (no 404);
// - no photo upload on a closed request, and one heading for photos;
// - 兑换 disabled with "还差 N 积分";
// - 我的诉求: open ones first, then the closed ones newest first;
// - the request form's categories: urgent first, 其他 last.
// Data are picked from what the server answers, never from today's date. Screenshots go to
// tests/e2e/screenshots/defects-*.png.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { startServer } from './lib/server.mjs';
import { desktop, launchBrowser, newWatchedContext, phone, screenshot, screenshotDir, unexpected } from './lib/browser.mjs';
import { logIn } from './lib/session.mjs';

const DEVICES = [
  ['phone', phone],
  ['desktop', desktop],
];
const FINISHED = ['closed', 'duplicate', 'not_our_responsibility', 'cancelled'];

describe('defects from the browser walk', { timeout: 600_000 }, () => {
  let server;
  let browser;
  const contexts = [];

  async function openContext(options) {
    const watched = await newWatchedContext(browser, server.baseUrl, options);
    contexts.push(watched);
    return watched;
  }


  /** A logged-in page of a fresh context. */
  async function pageAs(username, options) {
    const watched = await openContext(options);
    const page = await watched.context.newPage();
    await logIn(page, username);
    return { page, problems: watched.problems };
  }

  async function api(page, url) {
    const response = await page.request.get(url);
    assert.equal(response.status(), 200, `${url} → ${response.status()}`);
    return response.json();
  }

  /** The viewport as the person sees it (a full page of 50 proposals is 12,000 px tall). */
  async function viewportShot(page, name) {
    await page.screenshot({ path: path.join(screenshotDir, `${name}.png`) });
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

  for (const [device, options] of DEVICES) {
    it(`seconds exactly one proposal when 我附议 is tapped twice at the same spot (${device})`, async () => {
      const { page, problems } = await pageAs('resident', options);
      const community = (await api(page, '/api/v1/me')).user.community_ids[0];
      const proposalsUrl = `/api/v1/proposals?community_id=${community}`;
      const totalSeconds = async () => (await api(page, proposalsUrl)).items.reduce((sum, p) => sum + p.seconds, 0);
      const before = await api(page, proposalsUrl);
      // One second short of enough: after it the proposal leaves 征集附议, which is what made
      // the next card slide under the finger.
      const candidates = new Set(
        before.items.filter((p) => p.state === 'seconding' && !p.own && p.seconds === p.seconds_required - 1).map((p) => p.id),
      );
      assert.ok(candidates.size >= 2, 'the demo has proposals one second short');

      await page.goto('/resident/proposals');
      await page.locator('[data-test="proposal"]').first().waitFor();
      const shownIds = await page.locator('[data-test="proposal"]').evaluateAll((cards) => cards.map((c) => Number(c.dataset.proposal)));
      let seconded = null;
      let point = null;
      const sumBefore = await totalSeconds();
      for (const id of shownIds.filter((shown, index) => candidates.has(shown) && index < shownIds.length - 1)) {
        const button = page.locator(`[data-proposal="${id}"] [data-test="second"]`);
        if (!(await button.count())) continue;
        // Where a person taps: in the middle of the screen, not under the tab bar at its foot.
        await button.evaluate((element) => element.scrollIntoView({ block: 'center', behavior: 'instant' }));
        const box = await button.boundingBox();
        point = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
        const answered = page.waitForResponse((r) => r.url().includes('/seconds') && r.request().method() === 'POST');
        if (options.hasTouch) await page.touchscreen.tap(point.x, point.y);
        else await page.mouse.click(point.x, point.y);
        const response = await answered;
        if (response.status() === 201) {
          seconded = id;
          break;
        }
        // The household had seconded this one already (the list does not say so): next one.
        await page.locator(`[data-proposal="${id}"] [data-test="second-error"]`).waitFor();
      }
      assert.ok(seconded, 'one proposal was seconded');
      const posts = [];
      page.on('request', (r) => r.url().includes('/seconds') && r.method() === 'POST' && posts.push(r.url()));
      await page.waitForTimeout(150); // the moment between an elderly user's two taps
      if (options.hasTouch) await page.touchscreen.tap(point.x, point.y);
      else await page.mouse.click(point.x, point.y);
      await page.waitForTimeout(1500);
      assert.deepEqual(posts, [], 'the second tap sent nothing');
      assert.equal(await totalSeconds(), sumBefore + 1, 'exactly one proposal gained a second');

      // The card stayed where it was, with the confirmation on a disabled button.
      const card = page.locator(`[data-proposal="${seconded}"]`);
      const confirmation = card.locator('[data-test="seconded"]');
      assert.equal((await confirmation.textContent()).trim(), '已附议 ✓');
      assert.equal(await confirmation.isDisabled(), true);
      const stillThere = await confirmation.boundingBox();
      assert.ok(Math.abs(stillThere.y + stillThere.height / 2 - point.y) < 2, 'the confirmation sits where the finger was');
      await viewportShot(page, `defects-proposals-seconded-${device}`);

      // Moving on (another filter and back) lets the card go where its new state puts it.
      const state = (await api(page, `/api/v1/proposals/${seconded}`)).state;
      assert.notEqual(state, 'seconding');
      await page.locator('[data-filter="meeting"]').click();
      await page.locator(`[data-proposal="${seconded}"]`).waitFor();
      assert.equal(await page.locator(`[data-proposal="${seconded}"] [data-test="seconded"]`).count(), 0);
      await page.locator('[data-filter="seconding"]').click();
      await page.locator('[data-test="proposal"]').first().waitFor();
      assert.equal(await page.locator(`[data-proposal="${seconded}"]`).count(), 0);
      assert.deepEqual(unexpected(problems, [409]), []);
    });
  }

  it('keeps 已附议 ✓ in place on a proposal page that got its last second (phone)', async () => {
    const { page, problems } = await pageAs('resident', phone);
    const community = (await api(page, '/api/v1/me')).user.community_ids[0];
    const proposalsUrl = `/api/v1/proposals?community_id=${community}`;
    const candidates = (await api(page, proposalsUrl)).items.filter(
      (p) => p.state === 'seconding' && !p.own && p.seconds === p.seconds_required - 1,
    );
    let done = null;
    for (const candidate of candidates) {
      await page.goto(`/resident/proposals/${candidate.id}`);
      const button = page.locator('[data-test="second"]');
      await button.waitFor();
      const box = await button.boundingBox();
      const point = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
      const answered = page.waitForResponse((r) => r.url().includes('/seconds') && r.request().method() === 'POST');
      await page.touchscreen.tap(point.x, point.y);
      if ((await answered).status() !== 201) continue; // seconded by this household before
      const confirmation = page.locator('[data-test="seconded"]');
      await confirmation.waitFor();
      await page.touchscreen.tap(point.x, point.y);
      await page.waitForTimeout(800);
      assert.equal(await confirmation.isDisabled(), true);
      assert.equal((await confirmation.textContent()).trim(), '已附议 ✓');
      await page.locator('[data-test="action-done"]').waitFor();
      done = candidate;
      break;
    }
    assert.ok(done, 'one proposal was seconded');
    assert.equal((await api(page, `/api/v1/proposals/${done.id}`)).seconds, done.seconds + 1);
    assert.deepEqual(unexpected(problems, [409]), []);
  });

  for (const [device, options] of DEVICES) {
    it(`shows a guide the resident's rating as 居民评价 and no user number for the handler (${device})`, async () => {
      const { page, problems } = await pageAs('guide1', options);
      const me = (await api(page, '/api/v1/me')).user;
      let found = null;
      for (let pageNo = 1; pageNo <= 20 && !found; pageNo++) {
        const list = await api(page, `/api/v1/requests?status=closed&page_size=100&page=${pageNo}`);
        found = list.items.find((r) => r.rating && r.assignee_user_id && r.assignee_user_id !== me.id);
        if (list.items.length < 100) break;
      }
      assert.ok(found, 'a rated request handled by someone else');
      await page.goto(`/staff/requests/${found.id}`);
      const rating = page.locator('[data-test="rating-value"]');
      await rating.waitFor();
      assert.equal((await rating.textContent()).trim(), `${found.rating} 分`);
      assert.equal(await page.locator('dt', { hasText: '居民评价' }).count(), 1);
      const text = await page.locator('main').textContent();
      assert.doesNotMatch(text, /您的评价/);
      const assignee = page.locator('dt', { hasText: '承办' }).locator('xpath=following-sibling::dd[1]');
      const shown = (await assignee.textContent()).trim();
      assert.doesNotMatch(shown, /#|\d/, `no user number: "${shown}"`);
      // The case names its handler (the list leaves the name out; the case carries it).
      const detail = await api(page, `/api/v1/requests/${found.id}`);
      assert.ok(detail.assignee_name, 'the case names its handler');
      assert.equal(shown, detail.assignee_name);
      if (device === 'phone') await screenshot(page, 'defects-case-guide-phone');
      else await screenshot(page, 'defects-case-guide-desktop');
      assert.deepEqual(unexpected(problems, [403]), []);
    });
  }

  for (const [device, options, username] of [
    ['phone', phone, 'guide1'],
    ['desktop', desktop, 'staff'],
  ]) {
    it(`keeps a cleared search box empty when a tag is picked (${device})`, async () => {
      const { page, problems } = await pageAs(username, options);
      const community = (await api(page, '/api/v1/me')).user.community_ids[0];
      const expected = (await api(page, `/api/v1/households?community_id=${community}&tag=elderly_alone&page_size=1`)).total;
      assert.ok(expected > 0);
      await page.goto('/staff/households');
      await page.locator('[data-test="households"]').waitFor();
      await page.locator('#household-q').fill('独居');
      await page.getByRole('button', { name: '搜索' }).click();
      await page.waitForURL(/q=/);
      await page.locator('#household-q').fill('');
      await page.locator('#household-tag').selectOption('elderly_alone');
      await page.waitForURL(/tag=elderly_alone/);
      await page.waitForLoadState('networkidle');
      assert.equal(await page.locator('#household-q').inputValue(), '');
      assert.equal(new URL(page.url()).searchParams.get('q'), null);
      const pager = await page.locator('.pager span').textContent();
      assert.match(pager, new RegExp(`${expected}`), `the pager counts ${expected} households: ${pager}`);
      assert.deepEqual(unexpected(problems), []);
    });
  }

  for (const [device, options] of DEVICES) {
    it(`tells a resident a request is not theirs, with the way back and no retry (${device})`, async () => {
      const { page, problems } = await pageAs('resident', options);
      const own = new Set((await api(page, '/api/v1/requests?page_size=100')).items.map((r) => r.id));
      const foreign = [1, 2, 3, 4, 5].find((id) => !own.has(id));
      await page.goto(`/resident/requests/${foreign}`);
      const notice = page.locator('[data-test="request-not-found"]');
      await notice.waitFor();
      assert.match(await notice.textContent(), /没有找到这条诉求（或不是您家的）/);
      assert.equal(await page.getByRole('button', { name: '重试' }).count(), 0);
      assert.doesNotMatch(await page.locator('main').textContent(), /no request/);
      await notice.getByRole('link', { name: '我的诉求' }).click();
      await page.waitForURL('**/resident/requests');
      if (device === 'phone') {
        await page.goto(`/resident/requests/${foreign}`);
        await notice.waitFor();
        await screenshot(page, 'defects-foreign-request-phone');
      }
      assert.deepEqual(unexpected(problems, [404]), []);
    });
  }

  for (const [device, options] of DEVICES) {
    it(`lists survey results by building in number order (${device})`, async () => {
      const { page, problems } = await pageAs('staff', options);
      const community = (await api(page, '/api/v1/me')).user.community_ids[0];
      const surveys = (await api(page, `/api/v1/surveys?community_id=${community}`)).items.filter((s) => s.status !== 'draft');
      let chosen = null;
      for (const survey of surveys) {
        const results = await api(page, `/api/v1/surveys/${survey.id}/results`);
        if (results.groups.filter((g) => g.dimension === 'building').length >= 10) chosen = survey;
        if (chosen) break;
      }
      assert.ok(chosen, 'a survey with results for ten buildings or more');
      await page.goto('/staff/surveys/results');
      await page.locator('#results-survey').selectOption(String(chosen.id));
      const table = page.locator('[data-test="groups"] .table-wrap', { has: page.locator('h3', { hasText: '楼栋' }) });
      await table.locator('[data-test="group"]').first().waitFor();
      const labels = (await table.locator('[data-test="group"] th').allTextContents()).map((s) => s.trim());
      const numbers = labels.map((label) => Number(label.match(/\d+/)?.[0]));
      assert.deepEqual(numbers, [...numbers].sort((a, b) => a - b), `buildings in order: ${labels.join(' ')}`);
      assert.deepEqual(unexpected(problems), []);
    });
  }

  it('opens a draft plan desk without asking for a public page that does not exist (phone and desktop)', async () => {
    const { page } = await pageAs('staff', desktop);
    const community = (await api(page, '/api/v1/me')).user.community_ids[0];
    const plans = (await api(page, `/api/v1/allocation/plans?community_id=${community}`)).items;
    const latestYear = Math.max(...plans.map((p) => Number(p.quarter.slice(0, 4))));
    const created = await page.request.post('/api/v1/allocation/plans', {
      data: { community_id: community, quarter: `${latestYear + 2}Q1`, total: 100000, unit: 'fen' },
      headers: { 'Idempotency-Key': `defects-draft-${Date.now()}` },
    });
    assert.equal(created.status(), 201, await created.text());
    const draft = await created.json();
    for (const [device, options] of DEVICES) {
      const { page: desk, problems } = await pageAs('staff', options);
      const asked = [];
      desk.on('request', (r) => r.url().includes('/api/v1/public/plans/') && asked.push(r.url()));
      await desk.goto(`/staff/plans/${draft.id}`);
      await desk.locator('[data-test="plan-state"]').waitFor();
      assert.equal((await desk.locator('[data-test="plan-state"]').textContent()).trim(), '草案');
      await desk.waitForLoadState('networkidle');
      assert.deepEqual(asked, [], `${device}: no public plan asked for`);
      assert.deepEqual(unexpected(problems), [], `${device}: no console error`);
    }
  });

  for (const [device, options] of DEVICES) {
    it(`offers photos on an open request under one heading and none on a closed one (${device})`, async () => {
      const { page, problems } = await pageAs('resident', options);
      const mine = (await api(page, '/api/v1/requests?page_size=100')).items;
      const closed = mine.find((r) => FINISHED.includes(r.status) && !(r.photos?.length));
      assert.ok(closed, 'the resident has a closed request');
      await page.goto(`/resident/requests/${closed.id}`);
      await page.locator('#detail-title').waitFor();
      await page.locator('[data-test="description"]').waitFor();
      assert.equal(await page.locator('[data-test="photo-input"]').count(), 0, 'no upload on a closed request');
      assert.equal(await page.locator('[data-test="more-photos"]').count(), 0);

      const submitted = await page.request.post('/api/v1/requests', {
        data: { category: 'public_facility', description: `${device}：5号楼门口路灯不亮了，晚上看不见路。` },
        headers: { 'Idempotency-Key': `defects-photo-${device}-${Date.now()}` },
      });
      assert.equal(submitted.status(), 201, await submitted.text());
      const open = await submitted.json();
      await page.goto(`/resident/requests/${open.id}`);
      const picker = page.locator('[data-test="more-photos"]');
      await picker.waitFor();
      const label = (await picker.locator('label').first().textContent()).trim();
      assert.equal(label, '补充照片');
      const photoSection = page.locator('[data-test="photos"]');
      assert.doesNotMatch(await photoSection.textContent(), /选填/);
      if (device === 'phone') {
        await photoSection.scrollIntoViewIfNeeded();
        await viewportShot(page, 'defects-request-photos-phone');
      }
      assert.deepEqual(unexpected(problems), []);
    });
  }

  for (const [device, options] of DEVICES) {
    it(`disables 兑换 with the points still missing (${device})`, async () => {
      const { page, problems } = await pageAs('resident', options);
      const me = (await api(page, '/api/v1/me')).user;
      const household = await api(page, `/api/v1/households/${me.household_id}`);
      const self = household.residents.find((r) => r.name === me.display_name) ?? household.residents[0];
      const account = await page.request.get(`/api/v1/points/accounts/${self.id}`);
      const balance = account.ok() ? (await account.json()).balance : 0;
      const catalog = (await api(page, `/api/v1/points/catalog?community_id=${me.community_ids[0]}`)).items;
      const dear = catalog.find((item) => item.price_points > balance && item.stock_remaining !== 0);
      assert.ok(dear, 'an item the resident cannot afford');
      await page.goto('/resident/points');
      const item = page.locator(`[data-item="${dear.id}"]`);
      await item.waitFor();
      assert.equal(await item.locator('[data-test="redeem"]').isDisabled(), true, '兑换 is disabled');
      assert.equal((await item.locator('[data-test="redeem-short"]').textContent()).trim(), `还差 ${dear.price_points - balance} 积分`);
      if (device === 'phone') {
        await item.scrollIntoViewIfNeeded();
        await viewportShot(page, 'defects-points-phone');
      }
      assert.deepEqual(unexpected(problems), []);
    });
  }

  for (const [device, options] of DEVICES) {
    it(`lists 我的诉求 with the open ones first, then the closed ones newest first (${device})`, async () => {
      const { page, problems } = await pageAs('resident', options);
      // An open request of today joins the closed ones: it comes first, then the newest closed.
      const submitted = await page.request.post('/api/v1/requests', {
        data: { category: 'sanitation', description: `${device}：垃圾桶满了两天没人清理，味道很大。` },
        headers: { 'Idempotency-Key': `defects-order-${device}-${Date.now()}` },
      });
      assert.equal(submitted.status(), 201, await submitted.text());
      const mine = (await api(page, '/api/v1/requests?page_size=100')).items;
      assert.ok(mine.filter((r) => FINISHED.includes(r.status)).length >= 2, 'closed requests are in the list too');
      const expected = [...mine]
        .sort(
          (a, b) =>
            Number(FINISHED.includes(a.status)) - Number(FINISHED.includes(b.status)) ||
            Date.parse(b.received_at) - Date.parse(a.received_at) ||
            b.id - a.id,
        )
        .map((r) => r.id);
      await page.goto('/resident/requests');
      await page.locator('[data-test="request-item"]').first().waitFor();
      const shown = await page.locator('[data-test="request-item"]').evaluateAll((items) => items.map((i) => Number(i.dataset.id)));
      assert.deepEqual(shown, expected);
      assert.deepEqual(unexpected(problems), []);
    });
  }

  for (const [device, options] of DEVICES) {
    it(`lists the urgent categories first and 其他 last in the request form (${device})`, async () => {
      const { page, problems } = await pageAs('resident', options);
      const { categories } = await api(page, '/api/v1/requests/categories');
      await page.goto('/resident/new');
      const select = page.locator('#request-category');
      await select.locator('option[value="other"]').waitFor({ state: 'attached' });
      const codes = await select.locator('option:not([disabled])').evaluateAll((options) => options.map((o) => o.value));
      assert.equal(codes.length, categories.length);
      assert.equal(codes[codes.length - 1], 'other');
      const rank = { red: 0, yellow: 1, blue: 2 };
      const priorities = codes.filter((c) => c !== 'other').map((code) => rank[categories.find((c) => c.code === code).default_priority]);
      assert.deepEqual(priorities, [...priorities].sort((a, b) => a - b), 'red, then yellow, then blue');
      assert.ok(codes.indexOf('gas_leak') < 5, '燃气泄漏 near the top');
      const groups = await select.locator('optgroup').evaluateAll((list) => list.map((g) => g.label));
      assert.deepEqual(groups, ['紧急情况', '尽快处理', '一般事项']);
      assert.deepEqual(unexpected(problems), []);
    });
  }
});
