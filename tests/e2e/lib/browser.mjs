// Debian's chromium driven by playwright-core (no browser download). Playwright gives every
// launch a fresh, empty profile directory. The flags keep Chromium from reaching out to
// Google's services, which this machine's closed network refuses.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './server.mjs';

export const screenshotDir = path.join(repoRoot, 'tests/e2e/screenshots');

export async function launchBrowser() {
  mkdirSync(screenshotDir, { recursive: true });
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

export const phone = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
export const desktop = { viewport: { width: 1280, height: 860 } };

/**
 * A browser context that records what the page complains about: uncaught errors, console
 * errors (a Content-Security-Policy refusal is one) and failed API responses.
 */
export async function newWatchedContext(browser, baseUrl, options) {
  // E2E_TIMEZONE: the device's zone (make test-clocks runs in another one than the community's,
  // to catch a page that reads the device's calendar instead of Shanghai's).
  const timezoneId = process.env.E2E_TIMEZONE || 'Asia/Shanghai';
  const context = await browser.newContext({ ...options, baseURL: baseUrl, locale: 'zh-CN', timezoneId });
  const problems = [];
  // Report Content-Security-Policy refusals explicitly, whatever Chromium logs for them.
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  context.on('page', (page) => watchPage(page, problems));
  return { context, problems };
}

function watchPage(page, problems) {
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
}

/** Problems other than the failed loads a step expects (a 401 for a wrong password...). */
export function unexpected(problems, expectedStatuses = []) {
  return problems.filter((text) => {
    const failed = text.match(/Failed to load resource: the server responded with a status of (\d+)/);
    return !(failed && expectedStatuses.includes(Number(failed[1])));
  });
}

export async function screenshot(page, name) {
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });
}

/**
 * Clicks a menu link by its name as a person would, opening the menu first where it is
 * folded away: the 菜单 panel (staff on a phone), the link's group (a desktop), or the
 * resident's 更多 sheet (phone) or 更多 dropdown (desktop).
 */
export async function clickMenuLink(page, name) {
  // The header first: right after a navigation the page may not have drawn it yet, and a
  // missing 菜单 button must not read as "a desktop" (a slow machine lost that race).
  await page
    .locator('[data-test="menu-button"], [data-test="more-button"], [data-test="nav-group"], [data-test="tabbar"]')
    .first()
    .waitFor();
  const inMenu = () =>
    page.locator('[data-test="menu"], [data-test="tabbar"], [data-test="more-sheet"]').getByRole('link', { name, exact: true });
  if ((await inMenu().count()) === 0 || !(await inMenu().first().isVisible())) {
    const menuButton = page.locator('[data-test="menu-button"]');
    const moreButton = page.locator('[data-test="more-button"]');
    if (await menuButton.isVisible()) {
      if ((await menuButton.getAttribute('aria-expanded')) !== 'true') await menuButton.click();
    } else if (await moreButton.isVisible()) {
      if ((await moreButton.getAttribute('aria-expanded')) !== 'true') await moreButton.click();
    } else {
      const group = page
        .locator('[data-test="nav-group"]')
        .filter({ has: page.getByRole('link', { name, exact: true, includeHidden: true }) })
        .first();
      await group.locator('button').first().click();
    }
  }
  await inMenu().first().click();
}
