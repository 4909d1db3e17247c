// Getting in, as new users would, in Debian's chromium against a real `gongzhi serve --demo`
// whose SMS gateway is a file (the development sink), read as a resident reads their phone:
// staff print the claim-code slips of a building; a resident scans one (opens its link),
// registers with the SMS code, lands logged in and files a request; a second member of the
// same household registers separately; two minutes later (a second server on the same
// database, its clock two minutes on) a forgotten password is reset by SMS and the new one
// logs in. Pages are saved to tests/e2e/screenshots/ at phone size and at desktop size.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { newDatabase, startServer } from './lib/server.mjs';
import { clickMenuLink, desktop, launchBrowser, newWatchedContext, phone, screenshot, screenshotDir, unexpected } from './lib/browser.mjs';

const PASSWORD = 'gongzhi2026';
// A weekday morning; the demo's history runs up to it.
const START_MS = Date.parse('2026-11-18T02:00:00Z');

function shanghaiIso(epochMs) {
  return `${new Date(epochMs + 8 * 3_600_000).toISOString().slice(0, 23)}+08:00`;
}

/** The newest code the SMS sink holds for the mobile, once it holds `count` of them. */
async function codeSentTo(sink, mobile, count) {
  for (let i = 0; i < 200; i++) {
    const codes = fs.existsSync(sink)
      ? fs
          .readFileSync(sink, 'utf8')
          .split('\n')
          .filter(Boolean)
          .map((line) => JSON.parse(line))
          .filter((message) => message.to === mobile)
          .map((message) => message.params.code)
      : [];
    if (codes.length >= count) return codes[codes.length - 1];
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no SMS code number ${count} reached ${mobile}`);
}

describe('getting in: claim codes, registration by SMS, password reset', { timeout: 420_000 }, () => {
  const database = newDatabase();
  const sink = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'gongzhi-sms-')), 'sms.jsonl');
  let browser;
  let server;
  const contexts = [];
  const story = {};

  async function serveAt(epochMs) {
    return startServer({
      db: database,
      args: ['--now', shanghaiIso(epochMs), '--freeze-clock', '--sms-gateway', `file:${sink}`],
    });
  }

  async function openContext(options) {
    const watched = await newWatchedContext(browser, server.baseUrl, options);
    contexts.push(watched);
    return watched;
  }

  before(async () => {
    browser = await launchBrowser();
    server = await serveAt(START_MS);
  });

  after(async () => {
    for (const { context } of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
    database.remove();
  });

  it('lets staff print the claim-code slips of a building', async () => {
    const staff = await openContext(desktop);
    const page = await staff.context.newPage();
    await page.goto('/login');
    await page.getByLabel('用户名').fill('staff');
    await page.getByLabel('密码').fill(PASSWORD);
    await page.getByRole('button', { name: '登录', exact: true }).last().click();
    await page.waitForURL('**/staff/queue');
    await clickMenuLink(page, '居民注册');
    await page.waitForURL('**/staff/registrations');
    await page.locator('[data-test="registration-queue"]').waitFor();
    await screenshot(page, 'onboarding-01-staff-registrations');

    // A building whose households have two members with mobiles in the register.
    const buildings = (await (await page.request.get('/api/v1/communities/1/buildings')).json()).items;
    for (const building of buildings) {
      const list = await (await page.request.get(`/api/v1/households?community_id=1&building_id=${building.id}&page_size=50`)).json();
      for (const household of list.items) {
        const residents = (await (await page.request.get(`/api/v1/households/${household.id}/residents`)).json()).items;
        const members = residents.filter((resident) => resident.mobile && /^1\d{10}$/.test(resident.mobile));
        if (members.length >= 2) {
          story.building = building;
          story.household = household;
          story.members = members.slice(0, 2);
          break;
        }
      }
      if (story.household) break;
    }
    assert.ok(story.household, 'a household with two members who gave mobiles');

    await page.getByLabel('楼栋').selectOption(String(story.building.id));
    const [slips] = await Promise.all([staff.context.waitForEvent('page'), page.locator('[data-test="print-button"]').click()]);
    await slips.waitForLoadState();
    const html = await slips.content();
    const sections = html.split('<section class="slip">').slice(1);
    assert.equal(sections.length, story.building.households);
    const mine = sections.find((section) => section.includes(story.household.address));
    assert.ok(mine, 'a slip for the household');
    story.code = mine.match(/[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}/)[0];
    assert.ok(mine.includes('<svg'), 'the slip carries a QR code');
    await slips.setViewportSize({ width: 420, height: 600 });
    await slips.locator('.slip').first().screenshot({ path: path.join(screenshotDir, 'onboarding-02-slip.png') });
    assert.deepEqual(unexpected(staff.problems), []);
  });

  async function register(member, password, shot) {
    const watched = await openContext(phone);
    const page = await watched.context.newPage();
    // What the QR code opens.
    await page.goto(`/register?code=${story.code.replace('-', '')}`);
    assert.equal(await page.getByLabel('家庭认领码').inputValue(), story.code);
    await page.getByLabel('姓名').fill(member.name);
    await page.getByLabel('手机号').fill(member.mobile);
    await page.locator('[data-test="send-code"]').click();
    await page.getByText('验证码已发到您的手机').waitFor();
    const otp = await codeSentTo(sink, member.mobile, 1);
    await page.getByLabel('短信验证码').fill(otp);
    await page.getByLabel('设置密码').fill(password);
    await page.getByLabel('再输一次密码').fill(password);
    if (shot) await screenshot(page, shot);
    await page.locator('[data-test="register-submit"]').click();
    await page.waitForURL('**/resident');
    return { page, ...watched };
  }

  it('registers a resident from the slip with the SMS code, who then files a request', async () => {
    const resident = await register(story.members[0], 'zhuce-mima-2026', 'onboarding-03-register-filled');
    const page = resident.page;
    await screenshot(page, 'onboarding-04-registered-home');
    await page.getByRole('link', { name: '我要反映' }).first().click();
    await page.getByLabel('问题描述').fill('楼道声控灯不亮了，晚上上楼看不见');
    await page.locator('[data-test="suggestions"] .chip').first().click();
    await page.locator('[data-test="submit-request"]').click();
    const code = (await page.locator('[data-test="tracking-code"]').textContent()).trim();
    assert.match(code, /^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{5}$/);
    assert.deepEqual(unexpected(resident.problems), []);
  });

  it('registers a second member of the household separately', async () => {
    const second = await register(story.members[1], 'di-er-ge-mima-9');
    await second.page.goto('/account');
    await second.page.locator('[data-test="household-account"]').nth(1).waitFor();
    assert.equal(await second.page.locator('[data-test="household-account"]').count(), 2);
    await screenshot(second.page, 'onboarding-05-account-phone');
    assert.deepEqual(unexpected(second.problems), []);
  });

  it('resets a forgotten password by SMS two minutes later', async () => {
    await server.stop();
    server = await serveAt(START_MS + 2 * 60_000);
    const watched = await openContext(phone);
    const page = await watched.context.newPage();
    await page.goto('/login');
    // A demo server names its accounts on the login page (a real deployment does not).
    await page.locator('[data-test="demo-hint"]').waitFor();
    await page.getByRole('link', { name: '忘记密码' }).click();
    await page.waitForURL('**/reset-password');
    const mobile = story.members[0].mobile;
    await page.getByLabel('手机号').fill(mobile);
    await page.locator('[data-test="send-code"]').click();
    const otp = await codeSentTo(sink, mobile, 2);
    await page.getByLabel('短信验证码').fill(otp);
    await page.getByLabel('新密码').fill('xin-mima-2026!');
    await page.getByLabel('再输一次密码').fill('xin-mima-2026!');
    await screenshot(page, 'onboarding-06-reset-filled');
    await page.locator('[data-test="reset-submit"]').click();
    await page.locator('[data-test="reset-done"]').waitFor();
    await page.getByRole('link', { name: '登录' }).last().click();
    await page.getByLabel('用户名').fill(mobile);
    await page.getByLabel('密码').fill('xin-mima-2026!');
    await page.getByRole('button', { name: '登录', exact: true }).last().click();
    await page.waitForURL('**/resident');
    assert.deepEqual(unexpected(watched.problems), []);

    const wide = await openContext(desktop);
    const account = await wide.context.newPage();
    await account.goto('/login');
    await account.getByLabel('用户名').fill(mobile);
    await account.getByLabel('密码').fill('xin-mima-2026!');
    await account.getByRole('button', { name: '登录', exact: true }).last().click();
    await account.waitForURL('**/resident');
    await account.goto('/account');
    await account.locator('[data-test="session"]').nth(1).waitFor();
    await screenshot(account, 'onboarding-07-account-desktop');
    assert.deepEqual(unexpected(wide.problems), []);
  });
});
