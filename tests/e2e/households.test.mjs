// Households and casework in Debian's chromium against a real `gongzhi serve --demo`: staff
// edit a household's tags (seen again after a reload) and record a professional needs
// assessment that changes the score; a guide on a phone reads the same file with masked
// personal data; staff file a phone request received earlier than now for a caller, find it
// in the queue by its code typed lower-case without the dash, raise its priority from blue to
// yellow (the deadlines move), and mark another case a duplicate of it, found by searching.
// Screenshots: tests/e2e/screenshots/households-*.png at phone and desktop size.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './lib/server.mjs';
import { desktop, launchBrowser, newWatchedContext, phone, screenshot, unexpected } from './lib/browser.mjs';
import { logIn } from './lib/session.mjs';

const SHANGHAI_MS = 8 * 3_600_000;

/** "2026-12-07T09:30" (Shanghai) moved by `deltaMs`, as a datetime-local value. */
function shiftLocal(value, deltaMs) {
  const ms = Date.parse(`${value}:00+08:00`) + deltaMs;
  return new Date(ms + SHANGHAI_MS).toISOString().slice(0, 16);
}

describe('household files, needs assessments and casework from the staff console', { timeout: 480_000 }, () => {
  let server;
  let browser;
  const contexts = [];
  const story = {};

  async function openContext(options) {
    const watched = await newWatchedContext(browser, server.baseUrl, options);
    contexts.push(watched);
    return watched;
  }


  async function api(context, url, options) {
    const response = options ? await context.request.fetch(url, options) : await context.request.get(url);
    assert.ok(response.ok(), `${url}: ${response.status()} ${await response.text()}`);
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

  it('lets staff add a tag to a household file, kept after a reload', async () => {
    const staff = await openContext(desktop);
    const page = await staff.context.newPage();
    Object.assign(story, { staff, staffPage: page });
    await logIn(page, 'staff');
    // The household list opens the file.
    const list = await api(staff.context, '/api/v1/households?page_size=5');
    const household = list.items.find((h) => !h.tags.includes('veteran')) ?? list.items[0];
    story.household = household;
    await page.goto('/staff/households');
    await page.locator('[data-test="households"] details').first().locator('summary').click();
    await page.locator('[data-test="household-open"]').first().waitFor();

    await page.goto(`/staff/households/${household.id}`);
    await page.locator('[data-test="household-edit"]').waitFor();
    await page.locator('[data-test="member"]').first().waitFor();
    // Staff see the full ID number.
    const id = await page.locator('[data-test="member-id"]').first().innerText();
    assert.match(id, /^\d{17}[\dX]$/);
    await page.locator('[data-test="he-tags"] [data-tag="veteran"]').waitFor();
    await page.locator('[data-test="he-tags"] [data-tag="veteran"]').click();
    await page.locator('[data-test="he-save"]').click();
    await page.locator('[data-test="he-done"]').filter({ hasText: '户档已保存' }).waitFor();
    await page.reload();
    await page.locator('[data-test="household-tags"]').filter({ hasText: '优抚对象' }).waitFor();
    assert.equal(await page.locator('[data-test="he-tags"] [data-tag="veteran"]').getAttribute('aria-pressed'), 'true');
    const saved = await api(staff.context, `/api/v1/households/${household.id}`);
    assert.ok(saved.tags.includes('veteran'));
    for (const tag of household.tags) assert.ok(saved.tags.includes(tag), `kept ${tag}`);
  });

  it('records a professional override and shows the new score and its history', async () => {
    const { staff, staffPage: page, household } = story;
    const before = await api(staff.context, `/api/v1/households/${household.id}/needs`);
    const score = before.sub_scores.health >= 50 ? 10 : 90;
    const overallBefore = await page.locator('[data-test="needs-overall"]').innerText();
    await page.locator('[data-test="needs-dimension-select"]').selectOption('health');
    await page.locator('[data-test="needs-score-input"]').fill(String(score));
    await page.locator('[data-test="needs-reason"]').fill('上门评估：长期卧床');
    await page.locator('[data-test="needs-save"]').click();
    await page.locator('[data-test="needs-done"]').filter({ hasText: `健康 ${score} 分` }).waitFor();
    await page.reload();
    const health = page.locator('[data-test="needs-dimension"][data-dimension="health"]');
    await health.locator('[data-test="needs-score"]').filter({ hasText: String(score) }).waitFor();
    await health.locator('[data-test="needs-overridden"]').waitFor();
    assert.notEqual(await page.locator('[data-test="needs-overall"]').innerText(), overallBefore);
    await page.locator('[data-test="needs-history"]').filter({ hasText: '上门评估：长期卧床' }).waitFor();
    const after = await api(staff.context, `/api/v1/households/${household.id}/needs`);
    assert.equal(after.sub_scores.health, score);
    assert.notEqual(after.overall_hundredths, before.overall_hundredths);
    await screenshot(page, 'households-file-desktop');
    assert.deepEqual(unexpected(staff.problems), []);
  });

  it('lets staff change the needs weights on the needs desk, only when they add up to 100', async () => {
    const { staff, staffPage: page } = story;
    const before = (await api(staff.context, '/api/v1/needs/weights?community_id=1')).weights;
    await page.goto('/staff/needs');
    await page.locator('[data-test="needs-weights"] summary').click();
    const health = page.locator('[data-weight="health"]');
    await health.fill(String(before.health + 5));
    await page.locator('[data-test="weights-sum"]').filter({ hasText: '105%' }).waitFor();
    await page.locator('[data-test="weights-save"]').click();
    await page.locator('[data-test="weights-error"]').filter({ hasText: '须为 100%' }).waitFor();
    assert.deepEqual((await api(staff.context, '/api/v1/needs/weights?community_id=1')).weights, before);
    await page.locator('[data-weight="population_structure"]').fill(String(before.population_structure - 5));
    await page.locator('[data-test="weights-save"]').click();
    await page.locator('[data-test="needs-weights"] [role="status"]').filter({ hasText: '权重已保存' }).waitFor();
    await page.reload();
    await page.locator('[data-test="needs-weights"] summary').click();
    assert.equal(await page.locator('[data-weight="health"]').inputValue(), String(before.health + 5));
    const after = (await api(staff.context, '/api/v1/needs/weights?community_id=1')).weights;
    assert.equal(after.health, before.health + 5);
    assert.equal(after.population_structure, before.population_structure - 5);
    await screenshot(page, 'households-weights-desktop');
  });

  it('shows a guide on a phone the same file with personal data masked', async () => {
    const guide = await openContext(phone);
    const page = await guide.context.newPage();
    await logIn(page, 'guide1');
    await page.goto(`/staff/households/${story.household.id}`);
    await page.locator('[data-test="member"]').first().waitFor();
    const ids = await page.locator('[data-test="member-id"]').allInnerTexts();
    assert.ok(ids.length > 0);
    for (const text of ids) assert.ok(text === '—' || text.includes('*'), `masked: ${text}`);
    assert.equal(await page.locator('[data-test="member-born"]').first().innerText().then((t) => /^\d{4}-\d{2}-\d{2}$/.test(t)), false);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 392, `no sideways scroll on the household page (${width})`);
    // Guides may record an assessment too; weights are not theirs.
    await page.locator('[data-test="needs-form"]').waitFor();
    const save = await page.locator('[data-test="he-save"]').boundingBox();
    assert.ok(save && save.height >= 44, 'save button is at least 44 px high');
    await screenshot(page, 'households-file-phone');
    // A guide adds a newborn; the list shows the new member, with the birth year only.
    const count = await page.locator('[data-test="member"]').count();
    await page.locator('[data-test="member-add-open"]').click();
    await page.locator('[data-test="m-name"]').fill('测试宝宝');
    await page.locator('[data-test="m-relation"]').selectOption('grandchild');
    await page.locator('[data-test="m-sex"]').selectOption('female');
    await page.locator('[data-test="m-birth"]').fill('2026-03-15');
    await page.locator('[data-test="m-save"]').click();
    await page.locator('[data-test="member-done"]').filter({ hasText: '测试宝宝' }).waitFor();
    await page.reload();
    await page.locator('[data-test="member"]').nth(count).waitFor();
    const row = page.locator('[data-test="member"]').filter({ hasText: '测试宝宝' });
    assert.equal((await row.locator('[data-test="member-born"]').innerText()).trim(), '2026年');
    const file = await api(story.staff.context, `/api/v1/households/${story.household.id}`);
    const baby = file.residents.find((r) => r.name === '测试宝宝');
    assert.equal(baby?.birth_date, '2026-03-15');
    assert.equal(baby?.relation, 'grandchild');
    assert.deepEqual(unexpected(guide.problems), []);
  });

  it('lets staff file a phone request received earlier, with its code shown large', async () => {
    const { staff, staffPage: page, household } = story;
    await page.goto('/staff/queue');
    await page.locator('[data-test="queue-file"]').click();
    await page.waitForURL('**/staff/requests/new');
    await page.locator('[data-test="file-form"]').waitFor();
    const now = await page.locator('[data-test="file-received"]').inputValue();
    assert.match(now, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
    const earlier = shiftLocal(now, -3 * 3_600_000);
    await page.locator('[data-test="file-received"]').fill(earlier);
    await page.locator('[data-test="file-contact-name"]').fill('王阿姨');
    await page.locator('[data-test="file-contact-phone"]').fill('139 1234 5678');
    await page.locator('[data-test="household-query"]').fill(household.code);
    await page.locator('[data-test="household-choice"]').first().click();
    await page.locator('[data-test="household-chosen"]').filter({ hasText: household.code }).waitFor();
    await page.locator('[data-test="file-category"]').selectOption('greening');
    await page.locator('[data-test="file-description"]').fill('东门绿化带杂草较多，请安排修剪');
    await page.locator('[data-test="file-unit"]').fill('东门');
    await page.locator('[data-test="file-submit"]').click();
    const code = (await page.locator('[data-test="filed-code"]').innerText()).trim();
    assert.match(code, /^[A-Z0-9]+-[A-Z0-9]+$/);
    const fontSize = await page.locator('[data-test="filed-code"]').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    assert.ok(fontSize >= 30, `code is large (${fontSize}px)`);
    await screenshot(page, 'households-filed-desktop');
    const found = await api(staff.context, `/api/v1/requests?q=${encodeURIComponent(code)}`);
    const filed = found.items.find((r) => r.tracking_code === code);
    assert.ok(filed);
    assert.equal(filed.channel, 'phone');
    assert.equal(filed.household_id, household.id);
    assert.equal(filed.contact_name, '王阿姨');
    assert.equal(Date.parse(filed.received_at), Date.parse(`${earlier}:00+08:00`));
    assert.equal(filed.location, `${household.building} 东门`);
    assert.equal(filed.priority, 'blue');
    story.filed = filed;
  });

  it('finds the request in the queue by its code typed lower-case without the dash', async () => {
    const { staffPage: page, filed } = story;
    await page.goto('/staff/queue');
    const typed = filed.tracking_code.replace('-', '').toLowerCase();
    await page.locator('[data-test="queue-search"]').fill(typed);
    await page.locator('[data-test="queue-search-go"]').click();
    await page.waitForURL((url) => url.searchParams.get('q') === typed);
    const item = page.locator(`[data-test="request-item"][data-code="${filed.tracking_code}"]`);
    await item.waitFor();
    assert.equal(await page.locator('[data-test="request-item"]').count(), 1);
    await screenshot(page, 'households-queue-search-desktop');
    await item.click();
    await page.waitForURL(`**/staff/requests/${filed.id}`);
  });

  it('raises its priority from blue to yellow and the deadlines move', async () => {
    const { staff, staffPage: page, filed } = story;
    await page.locator('[data-test="case-manage"]').waitFor();
    const summary = page.locator('dl').first();
    const textBefore = await summary.innerText();
    await page.locator('[data-manage="set_priority"]').click();
    assert.equal(await page.locator('[data-test="manage-form"] [data-priority="blue"]').count(), 0, 'the current priority is not offered');
    await page.locator('[data-test="manage-form"] [data-priority="yellow"]').click();
    await page.locator('#manage-note').fill('来电人反映影响通行');
    await page.locator('[data-test="manage-submit"]').click();
    await page.locator('[data-test="manage-done"]').waitFor();
    const after = await api(staff.context, `/api/v1/requests/${filed.id}`);
    assert.equal(after.priority, 'yellow');
    // Yellow answers sooner than blue: the response deadline, counted from the real received time, comes earlier.
    assert.ok(Date.parse(after.response_due_at) < Date.parse(filed.response_due_at), 'an earlier response deadline');
    assert.equal(after.received_at, filed.received_at);
    await page.waitForFunction((before) => document.querySelector('dl')?.innerText !== before, textBefore);
    await screenshot(page, 'households-case-desktop');
    story.filed = after;
  });

  it('reloads a case someone else just changed, and says so in Chinese', async () => {
    const { staff, staffPage: page, filed } = story;
    await page.goto(`/staff/requests/${filed.id}`);
    await page.locator('[data-manage="set_priority"]').click();
    // Meanwhile a colleague lowers it back to blue.
    await api(staff.context, `/api/v1/requests/${filed.id}/transitions`, {
      method: 'POST',
      data: { action: 'set_priority', priority: 'blue', version: filed.version },
    });
    await page.locator('[data-test="manage-form"] [data-priority="red"]').click();
    await page.locator('[data-test="manage-submit"]').click();
    await page.locator('[data-test="manage-error"]').filter({ hasText: '刚被别人处理过' }).waitFor();
    // The page now shows the colleague's blue; the next try carries the fresh version.
    await page.locator('[data-test="manage-form"] [data-priority="blue"]').waitFor({ state: 'detached' });
    const fresh = await api(staff.context, `/api/v1/requests/${filed.id}`);
    assert.equal(fresh.priority, 'blue');
    await page.locator('[data-test="manage-form"] [data-priority="yellow"]').click();
    await page.locator('[data-test="manage-submit"]').click();
    await page.locator('[data-test="manage-done"]').waitFor();
    story.filed = await api(staff.context, `/api/v1/requests/${filed.id}`);
    assert.equal(story.filed.priority, 'yellow');
    assert.deepEqual(unexpected(staff.problems, [409]), []);
  });

  it('marks another case a duplicate of it, found by searching the queue', async () => {
    const { staff, staffPage: page, filed } = story;
    const other = await api(staff.context, '/api/v1/requests', {
      method: 'POST',
      data: { category: 'greening', description: '东门草坪很久没修剪了', channel: 'phone' },
    });
    await page.goto(`/staff/requests/${other.id}`);
    await page.locator('[data-manage="mark_duplicate"]').click();
    await page.locator('[data-test="duplicate-search"]').fill(filed.tracking_code);
    await page.locator('[data-test="duplicate-find"]').click();
    await page.locator(`[data-test="duplicate-results"] [data-code="${filed.tracking_code}"]`).click();
    await page.locator('[data-test="duplicate-chosen"]').filter({ hasText: filed.tracking_code }).waitFor();
    await page.locator('[data-test="manage-submit"]').click();
    await page.locator('[data-test="manage-done"]').waitFor();
    const merged = await api(staff.context, `/api/v1/requests/${other.id}`);
    assert.equal(merged.status, 'duplicate');
    assert.equal(merged.duplicate_of, filed.id);
    assert.match(merged.events.at(-1).note ?? '', new RegExp(filed.tracking_code));
    await page.locator('[data-test="duplicate-of"]').filter({ hasText: filed.tracking_code }).waitFor();
    // A duplicate is an end state: nothing more to manage.
    assert.equal(await page.locator('[data-manage]').count(), 0);
    await screenshot(page, 'households-duplicate-desktop');
    assert.deepEqual(unexpected(staff.problems, [409]), []); // the stale step above
  });

  it('shows a phone user the filing form and case actions without squeezing', async () => {
    const staffPhone = await openContext(phone);
    const page = await staffPhone.context.newPage();
    await logIn(page, 'staff');
    await page.goto('/staff/requests/new');
    await page.locator('[data-test="file-form"]').waitFor();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 392, `no sideways scroll (${width})`);
    await screenshot(page, 'households-file-request-phone');
    await page.goto(`/staff/requests/${story.filed.id}`);
    await page.locator('[data-test="case-manage"]').waitFor();
    await screenshot(page, 'households-case-phone');
    // In English and large type, the household file speaks English (the registry's codes by
    // their English names) and still fits the phone.
    await page.evaluate(() => {
      localStorage.setItem('gongzhi.locale', 'en');
      localStorage.setItem('gongzhi.elderly', 'on');
    });
    await page.goto(`/staff/households/${story.household.id}`);
    await page.locator('[data-test="household-edit"]').waitFor();
    await page.locator('[data-test="he-tags"] [data-tag="veteran"]').waitFor();
    const form = await page.locator('[data-test="household-edit"]').innerText();
    // Building names (1号楼) are the community's own data, not words of the page.
    assert.doesNotMatch(form.replace(/\d+号楼/g, ''), /[\u4e00-\u9fff]/, `no Chinese in the English form: ${form}`);
    const wide = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(wide <= 392, `no sideways scroll in large type (${wide})`);
    await screenshot(page, 'households-file-phone-en-large');
    assert.deepEqual(unexpected(staffPhone.problems), []);
  });
});
