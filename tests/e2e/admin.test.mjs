// The administration journey in Debian's chromium against a real `gongzhi serve --demo`: the
// administrator adds a street and a community in it and opens its first staff member's login
// with a temporary password; that staff member logs in on a phone, must choose their own
// password, creates two guides and gives each a building, and the buildings show their guides.
// Pages are saved to tests/e2e/screenshots/ (admin-*) at desktop and phone size.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './lib/server.mjs';
import { desktop, launchBrowser, newWatchedContext, phone, screenshot, unexpected } from './lib/browser.mjs';

const PASSWORD = 'gongzhi2026';

describe('administration: a new street, its community, its staff and their guides', { timeout: 300_000 }, () => {
  let server;
  let browser;
  const contexts = [];
  const story = {};

  async function openContext(options) {
    const watched = await newWatchedContext(browser, server.baseUrl, options);
    contexts.push(watched);
    return watched;
  }

  async function logIn(page, username, password) {
    await page.goto('/login');
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码').fill(password);
    await page.getByRole('button', { name: '登录', exact: true }).last().click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
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

  it('lets the administrator add a street, a community and its staff member', async () => {
    const admin = await openContext(desktop);
    const page = await admin.context.newPage();
    await logIn(page, 'admin', PASSWORD);
    await page.goto('/admin/streets');
    await page.locator('[data-test="street-form"]').waitFor();
    await page.locator('[data-test="street-name"]').fill('湖滨街道');
    await page.locator('[data-test="street-code"]').fill('HB-E2E');
    await page.locator('[data-test="street-form"] button[type="submit"]').click();
    await page.locator('[data-test="done"]').waitFor();
    const street = page.locator('li, section, article').filter({ has: page.locator('h2', { hasText: '湖滨街道' }) }).last();
    await street.locator('[data-test="add-community"]').click();
    await page.locator('[data-test="community-name"]').fill('东坡社区');
    await page.locator('[data-test="community-code"]').fill('DP-E2E');
    await page.locator('[data-test="save-community"]').click();
    await page.locator('[data-test="new-staff"]').waitFor();
    await screenshot(page, 'admin-01-streets');
    await page.locator('[data-test="new-staff"]').click();
    await page.waitForURL('**/admin/users**');
    await page.locator('[data-test="new-display-name"]').fill('东坡社工');
    await page.locator('[data-test="new-username"]').fill('dp.staff');
    assert.equal(await page.locator('[data-test="new-role"]').inputValue(), 'staff');
    await page.locator('[data-test="create-user"]').click();
    story.temporary = (await page.locator('[data-test="temporary-password"]').textContent()).trim();
    assert.ok(story.temporary.length >= 8, 'a temporary password is shown');
    await screenshot(page, 'admin-02-staff-created');
    assert.deepEqual(unexpected(admin.problems), []);
  });

  it('makes the staff member choose a password, then lets them start two guides on two buildings', async () => {
    const staff = await openContext(phone);
    const page = await staff.context.newPage();
    await logIn(page, 'dp.staff', story.temporary);
    await page.waitForURL('**/account**');
    await page.getByLabel('当前密码').fill(story.temporary);
    await page.getByLabel('新密码').fill('dongpo-staff-2026');
    await page.getByLabel('再输一次密码').fill('dongpo-staff-2026');
    await page.getByRole('button', { name: '修改密码' }).click();
    await page.getByText('密码已修改').waitFor();

    const me = await (await page.request.get('/api/v1/me')).json();
    const community = me.user.community_ids[0];
    await page.goto('/admin/users');
    for (const [name, username] of [['苏指导员', 'dp.guide1'], ['白指导员', 'dp.guide2']]) {
      await page.locator('[data-test="new-user"]').click();
      await page.locator('[data-test="new-display-name"]').fill(name);
      await page.locator('[data-test="new-username"]').fill(username);
      await page.locator('[data-test="create-user"]').click();
      await page.locator('[data-test="temporary-password"]').waitFor();
      await page.locator('[data-test="created-done"]').click();
    }
    await page.locator('[data-test="users"]').getByText('白指导员').waitFor();
    await screenshot(page, 'admin-03-staff-users-phone');

    // Two buildings of the new community (a registry import would bring them; here by hand).
    await page.goto('/admin/guides');
    for (const name of ['东楼', '西楼']) {
      await page.locator('[data-test="building-name"]').fill(name);
      await page.locator('[data-test="add-building"]').click();
      await page.getByText(`已添加${name}。`).waitFor();
    }
    const selects = page.locator('[data-test="guide-select"]');
    await selects.first().waitFor();
    assert.equal(await selects.count(), 2);
    const first = await selects.nth(0).locator('option', { hasText: '苏指导员' }).getAttribute('value');
    await selects.nth(0).selectOption(first);
    await page.locator('[data-test="done"]').waitFor();
    const second = await selects.nth(1).locator('option', { hasText: '白指导员' }).getAttribute('value');
    await selects.nth(1).selectOption(second);
    await page.getByText('已把西楼交给白指导员负责').waitFor();
    const buildings = await (await page.request.get(`/api/v1/communities/${community}/buildings`)).json();
    assert.deepEqual(buildings.items.map((building) => building.guide_name).sort(), ['白指导员', '苏指导员'].sort());
    await screenshot(page, 'admin-04-guides-phone');
    assert.deepEqual(unexpected(staff.problems), []);
  });
});
