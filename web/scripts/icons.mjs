// Renders the app's home-screen icons (public/icons/*.png, committed) from public/favicon.svg
// with Chromium through playwright-core, which the browser tests already install. Run once after
// changing the favicon:   node scripts/icons.mjs   (CHROMIUM=/path/to/chromium to pick one)
//  - icon-192.png, icon-512.png: the favicon as it is (rounded square), "purpose": "any";
//  - maskable-512.png: the same red to the edges with the character inside the central 80 %
//    circle a launcher may cut to (https://web.dev/articles/maskable-icon);
//  - apple-touch-icon.png (180): full-bleed too, since iOS rounds the corners itself and shows
//    transparency as black.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const web = join(dirname(fileURLToPath(import.meta.url)), '..');
// playwright-core lives with the browser tests' packages, not the web app's.
const require = createRequire(join(web, '../tests/e2e/package.json'));
const { chromium } = require('playwright-core');

const favicon = readFileSync(join(web, 'public/favicon.svg'), 'utf8');
const colour = favicon.match(/fill="(#[0-9a-fA-F]{6})"/)[1];
// The same character, smaller, on a square without rounded corners.
const fullBleed = (scale) =>
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" fill="${colour}"/>` +
  `<text x="32" y="${32 + 12 * scale}" font-size="${34 * scale}" text-anchor="middle" fill="#fff" font-family="sans-serif">共</text></svg>`;

const icons = [
  { file: 'icon-192.png', size: 192, svg: favicon, transparent: true },
  { file: 'icon-512.png', size: 512, svg: favicon, transparent: true },
  { file: 'maskable-512.png', size: 512, svg: fullBleed(0.8), transparent: false },
  { file: 'apple-touch-icon.png', size: 180, svg: fullBleed(0.95), transparent: false },
];

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  for (const icon of icons) {
    const page = await browser.newPage({ viewport: { width: icon.size, height: icon.size } });
    const svg = icon.svg.replace('<svg ', `<svg width="${icon.size}" height="${icon.size}" `);
    await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
    await page.screenshot({ path: join(web, 'public/icons', icon.file), omitBackground: icon.transparent });
    await page.close();
    console.log(`public/icons/${icon.file} (${icon.size}×${icon.size})`);
  }
} finally {
  await browser.close();
}
