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
