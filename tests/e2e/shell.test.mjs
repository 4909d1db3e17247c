// The frame of every page and the figures that read wrong in the browser walk (issue 18):
// the menus fit a 390×844 phone (a bottom tab bar for residents, a 菜单 panel for staff, also in
// large type) and a 1024/1366 px desktop in English (group dropdowns, nothing cut off); the
// cockpit shows a figure and its target with enough digits to see the verdict; the public
// board names its community and says what each plan is for; English pages say "1 objection".
// Screenshots: tests/e2e/screenshots/shell-*.png.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { startServer } from './lib/server.mjs';
import { clickMenuLink, launchBrowser, newWatchedContext, phone, screenshot, screenshotDir, unexpected } from './lib/browser.mjs';
import { logIn } from './lib/session.mjs';

const PHONE_HEIGHT = phone.viewport.height;

let server;
let browser;
const contexts = [];

async function openContext(options = phone) {
  const watched = await newWatchedContext(browser, server.baseUrl, options);
  contexts.push(watched);
  return watched;
}


/** The heights of the header and the resident's tab bar, and whether the page is wider than the screen. */
async function frame(page) {
  return page.evaluate(() => {
    const header = document.querySelector('.app-header').getBoundingClientRect();
    const tabbar = document.querySelector('[data-test="tabbar"]')?.getBoundingClientRect();
    return {
      header: header.height,
      tabbar: tabbar ? tabbar.height : 0,
      tabbarBottom: tabbar ? tabbar.bottom : null,
      viewport: window.innerHeight,
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
    };
  });
}

/** The screen as the person sees it (a full-page shot would draw the fixed tab bar mid-page). */
async function viewShot(page, name) {
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`) });
}

async function setLargeType(page, on) {
  const toggle = page.locator('[data-test="elderly-toggle"]');
  if ((await toggle.getAttribute('aria-pressed')) !== String(on)) await toggle.click();
  assert.equal(await toggle.getAttribute('aria-pressed'), String(on));
  await page.waitForFunction((large) => (parseFloat(getComputedStyle(document.documentElement).fontSize) >= 20) === large, on);
}

describe('menus, figures and words that fit the screen', { timeout: 300_000 }, () => {
  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('gives a resident on a phone a small header and a bottom tab bar, in large type too', async () => {
    const { context, problems } = await openContext();
    const page = await context.newPage();
    await logIn(page, 'resident');
    await page.getByRole('heading', { name: /您好/ }).waitFor();
    for (const large of [false, true]) {
      await setLargeType(page, large);
      const measured = await frame(page);
      const share = (measured.header + measured.tabbar) / PHONE_HEIGHT;
      console.log(`# resident phone${large ? ' (large type)' : ''}: header ${measured.header}px + tab bar ${measured.tabbar}px = ${(share * 100).toFixed(1)}%`);
      assert.ok(share < 0.15, `header and menu take ${(share * 100).toFixed(1)}% of the screen`);
      assert.ok(measured.tabbarBottom <= measured.viewport + 0.5 && measured.tabbarBottom >= measured.viewport - 1, 'the tab bar sits at the foot of the screen');
      assert.ok(measured.scrollWidth <= measured.clientWidth, 'nothing sticks out sideways');
      await viewShot(page, large ? 'shell-resident-home-phone-large' : 'shell-resident-home-phone');
    }
    const tabs = page.locator('[data-test="tabbar"]');
    assert.deepEqual(await tabs.getByRole('link').allTextContents(), ['我的服务', '我要反映', '我的诉求', '我的积分']);
    // 更多 opens a sheet with the rest; picking one goes there and closes the sheet.
    const more = page.locator('[data-test="more-button"]');
    assert.equal(await more.getAttribute('aria-expanded'), 'false');
    await more.click();
    assert.equal(await more.getAttribute('aria-expanded'), 'true');
    const sheet = page.locator('[data-test="more-sheet"]');
    await sheet.getByRole('link', { name: '阳光公示' }).waitFor();
    await viewShot(page, 'shell-resident-more-phone-large');
    await page.keyboard.press('Escape');
    await sheet.waitFor({ state: 'detached' });
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.test), 'more-button');
    await clickMenuLink(page, '阳光公示');
    await page.waitForURL('**/board');
    assert.equal(await sheet.count(), 0, 'the sheet closes on navigation');
    assert.match(await more.getAttribute('class'), /router-link-active/, '更多 is marked while on one of its pages');
    await tabs.getByRole('link', { name: '我要反映' }).click();
    await page.waitForURL('**/resident/new');
    await setLargeType(page, false);
    assert.deepEqual(unexpected(problems), []);
  });

  it('gives staff on a phone a one-row header with a 菜单 button that opens the groups', async () => {
    const { context, problems } = await openContext();
    const page = await context.newPage();
    await logIn(page, 'staff');
    await page.goto('/staff/queue');
    await page.getByRole('heading', { name: '诉求队列' }).waitFor();
    const button = page.locator('[data-test="menu-button"]');
    for (const large of [false, true]) {
      await setLargeType(page, large);
      const measured = await frame(page);
      console.log(`# staff phone${large ? ' (large type)' : ''}: header ${measured.header}px = ${((measured.header / PHONE_HEIGHT) * 100).toFixed(1)}%`);
      assert.ok(measured.header / PHONE_HEIGHT < 0.15, `the header takes ${measured.header}px`);
      assert.ok(measured.scrollWidth <= measured.clientWidth, 'nothing sticks out sideways');
    }
    await setLargeType(page, false);
    assert.equal(await button.getAttribute('aria-expanded'), 'false', 'closed by default');
    assert.equal(await page.locator('[data-test="menu"]').count(), 0);
    await button.click();
    const panel = page.locator('[data-test="menu"]');
    await panel.waitFor();
    assert.equal(await button.getAttribute('aria-expanded'), 'true');
    assert.deepEqual(await panel.getByRole('heading').allTextContents(), ['工单', '户档', '规划与资金', '议事与参与', '统计与预警', '设置与管理', '公开']);
    assert.equal((await panel.locator('[aria-current="page"]').textContent()).trim(), '诉求队列');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent?.trim()), '诉求队列', 'focus moves into the panel');
    await viewShot(page, 'shell-staff-queue-phone-menu');
    // Escape closes it and gives the focus back to the button.
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.test), 'menu-button');
    // Picking a page closes the menu.
    await clickMenuLink(page, '居民户档');
    await page.waitForURL('**/staff/households');
    assert.equal(await panel.count(), 0);
    assert.equal(await button.getAttribute('aria-expanded'), 'false');
    assert.deepEqual(unexpected(problems), []);
  });

  for (const width of [1366, 1024]) {
    for (const username of ['staff', 'admin']) {
      it(`fits the ${username} menu in one row at ${width} px in English, each group opening on the screen`, async () => {
        const { context, problems } = await openContext({ viewport: { width, height: 800 } });
        const page = await context.newPage();
        await logIn(page, username);
        await page.evaluate(() => localStorage.setItem('gongzhi.locale', 'en'));
        await page.goto('/staff/queue');
        await page.getByRole('heading', { name: 'Request queue' }).waitFor();
        const groups = page.locator('[data-test="nav-group"]');
        const boxes = [];
        for (let index = 0; index < (await groups.count()); index++) boxes.push(await groups.nth(index).locator('button').boundingBox());
        assert.ok(boxes.length >= 6, `${boxes.length} groups`);
        assert.ok(boxes.every((box) => box.y === boxes[0].y), 'the groups sit in one row');
        assert.ok(boxes.every((box) => box.x >= 0 && box.x + box.width <= width), 'every group button is on the screen');
        const measured = await frame(page);
        assert.ok(measured.scrollWidth <= measured.clientWidth, `page ${measured.scrollWidth}px wide in a ${measured.clientWidth}px window`);
        const navOverflow = await page.evaluate(() => [...document.querySelectorAll('.app-header, .app-header ul')].some((el) => el.scrollWidth > el.clientWidth));
        assert.equal(navOverflow, false, 'no part of the header scrolls sideways');
        assert.equal(await page.locator('[data-test="nav-group"][data-current="true"] button').textContent().then((text) => text.trim()), 'Cases (current section)');
        for (let index = 0; index < boxes.length; index++) {
          const group = groups.nth(index);
          await group.locator('button').click();
          const list = group.locator('ul');
          await list.waitFor();
          const box = await list.boundingBox();
          assert.ok(box.x >= 0 && box.x + box.width <= width, `group ${index} opens on the screen`);
          assert.equal(await group.locator('button').getAttribute('aria-expanded'), 'true');
          if (index === 0 && width === 1366 && username === 'staff') await screenshot(page, 'shell-staff-desktop-1366-english');
          await page.keyboard.press('Escape');
          await list.waitFor({ state: 'hidden' });
        }
        await clickMenuLink(page, 'Data cockpit');
        await page.waitForURL('**/cockpit');
        assert.equal(await page.locator('[data-test="nav-group"][data-current="true"] button').textContent().then((text) => text.trim()), 'Figures & warnings (current section)');
        assert.deepEqual(unexpected(problems), []);
      });
    }
  }

  it('shows each cockpit figure and its target with enough digits to see the verdict', async () => {
    const { context, problems } = await openContext({ viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    await logIn(page, 'staff');
    await page.goto('/cockpit');
    await page.getByRole('heading', { name: '数据驾驶舱' }).waitFor();
    const snapshot = await (await context.request.get('/api/v1/cockpit?community_id=1')).json();
    const report = await (await context.request.get(`/api/v1/indicators?community_id=1&period=${snapshot.period}`)).json();
    const number = (text) => parseFloat(text.replace(/^[<>=≤≥]+\s*/, '').replace(/^1:/, '').replace(/[,%]/g, '').replace(/\s.*$/, ''));
    let compared = 0;
    for (const indicator of report.indicators) {
      if (indicator.value === null || indicator.target === null) continue;
      const card = page.locator(`[data-test="indicator"][data-key="${indicator.key}"]`);
      await card.waitFor();
      const shown = (await card.locator('[data-test="indicator-value"]').textContent()).trim();
      const target = (await card.locator('[data-test="indicator-target"]').textContent()).trim();
      // The shown figures stand in the same order as the real ones: a value under its target
      // never reads as equal to it (0.01978 against < 0.02 is 1.98% against 2.00%).
      assert.equal(Math.sign(number(shown) - number(target)), Math.sign(indicator.value - indicator.target), `${indicator.key}: ${shown} against ${target} (${indicator.value} against ${indicator.target})`);
      compared++;
    }
    assert.ok(compared >= 8, `${compared} indicators compared`);
    await page.locator('[data-test="heatmap"] canvas').first().waitFor();
    await screenshot(page, 'shell-cockpit-desktop');
    assert.deepEqual(unexpected(problems), []);
  });

  it('names the community on the public board, says what each plan is for, and switches community', async () => {
    const { context, problems } = await openContext({ viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    await logIn(page, 'admin');
    const created = await context.request.post('/api/v1/communities', {
      data: { name: '和平里社区', code: '330106-902', district: '西湖区', street: '北山街道' },
    });
    assert.equal(created.status(), 201, await created.text());
    const other = await created.json();
    const expected = await (await context.request.get('/api/community-resources?community_id=1')).json();
    await page.goto('/board');
    await page.locator('[data-test="plan-summary"]').waitFor();
    assert.equal((await page.locator('[data-test="board-community-name"]').textContent()).trim(), '幸福里社区');
    const titles = (await page.locator('[data-test="plans"] [data-test="plan-title"]').allTextContents()).map((text) => text.trim());
    assert.deepEqual(
      titles,
      expected.plans.map((plan) => `${plan.quarter} ${plan.unit === 'fen' ? '资金分配方案' : '服务名额分配方案'}`),
    );
    assert.ok(new Set(titles.map((title) => title.split(' ')[1])).size === 2, 'the demo has plans of both kinds');
    await screenshot(page, 'shell-board-community-desktop');
    const picker = page.locator('[data-test="board-community-picker"]');
    assert.deepEqual(await picker.locator('option').allTextContents(), ['幸福里社区', '和平里社区']);
    await picker.selectOption(String(other.id));
    await page.waitForURL(`**/board?community_id=${other.id}`);
    await page.locator('[data-test="no-plan"]').waitFor();
    assert.equal((await page.locator('[data-test="board-community-name"]').textContent()).trim(), '和平里社区');
    // A new community has no published plan yet: the board's 404 is expected.
    assert.deepEqual(unexpected(problems, [404]), []);
  });

  it('speaks plain English on the public board: one objection, one day, no full-width brackets', async () => {
    const { context, problems } = await openContext(phone);
    const page = await context.newPage();
    await page.goto('/');
    await page.locator('[data-test="language-switch"]').click();
    await page.getByRole('heading', { name: 'Welcome to Gongzhi' }).waitFor();
    // A visitor's header and links keep to a small part of the phone in English too.
    const measured = await frame(page);
    assert.ok(measured.header / PHONE_HEIGHT < 0.15, `a visitor's header takes ${measured.header}px`);
    assert.ok(measured.scrollWidth <= measured.clientWidth, 'nothing sticks out sideways');
    await viewShot(page, 'shell-home-english-phone');
    const notices = (await (await context.request.get('/api/v1/public/notices?community_id=1')).json()).items;
    await page.goto('/board');
    await page.locator('[data-test="notices"] li').first().waitFor();
    for (const notice of notices.filter((item) => item.state === 'public_notice')) {
      const row = page.locator(`[data-test="notices"] li[data-plan="${notice.plan_id}"]`);
      const n = notice.objections.length;
      assert.equal((await row.locator('.muted.small').textContent()).trim(), `${n} objection${n === 1 ? '' : 's'}`);
      if (notice.objections_open) {
        const d = notice.days_left;
        assert.equal((await row.locator('[data-test="notice-days"]').textContent()).trim(), `${d} day${d === 1 ? '' : 's'} of public notice left`);
      }
    }
    await page.locator('[data-test="current-plan-link"]').click();
    await page.locator('[data-test="print-link"]').waitFor();
    const printLine = await page.locator('[data-test="print-link"]').evaluate((link) => link.parentElement.innerText);
    assert.match(printLine, /^Print notice \(opens/);
    const daysLeft = await page.locator('[data-test="days-left"]').innerText();
    assert.match(daysLeft, / \(Objections taken until /);
    assert.doesNotMatch(daysLeft, /[（）]/, 'no full-width brackets in English');
    await screenshot(page, 'shell-plan-english-phone');
    assert.deepEqual(unexpected(problems), []);
  });
});

