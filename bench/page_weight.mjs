// Page weight and load time on a slow phone connection (issue 20). Started by
// bench/run-page-weight.sh, which builds the web app; this script starts a demo server on a fresh
// SQLite serving web/dist (tests/e2e/lib/server.mjs), then measures with Debian's chromium:
//
//   - every measurement in a fresh browser context (empty cache) at phone size 390×844;
//   - Chromium's network throttling through CDP (Network.emulateNetworkConditions), the figures
//     in THROTTLE below: 1.6 Mbit/s down (200,000 bytes/s), 750 kbit/s up (93,750 bytes/s),
//     150 ms latency added to every request;
//   - pages: the public board (/board, no login) and the resident home (/resident, where the
//     resident lands after login; logged in through the API first, so the navigation to the home
//     starts with an empty cache but a session cookie);
//   - per page "content": the time from navigation start until the page shows its main content
//     (board: the current plan's budget [data-test=budget] and its readouts
//     [data-test=spent-percent] have text; resident home: the tile 我要报事 [data-test=tile-new]),
//     "load": the load event (loadEventEnd), "quiet": when the last request of the page
//     finished (the board's chart, for one), the bytes of JavaScript transferred (CDP
//     Network.loadingFinished encodedDataLength of Script responses: compressed body plus
//     headers, as they went over the wire) and all bytes transferred;
//   - variants, in the same run: "compressed" (the browser's own Accept-Encoding; the server
//     sends the .br/.gz siblings) and the baseline "uncompressed" (Accept-Encoding: identity on
//     every request, as the server answered before the web build precompressed its assets);
//     and, not a target, a what-if: "compressed" through a local proxy that gzips the server's
//     JSON answers, which the server itself sends uncompressed today.
//
// Each figure is the median of RUNS measurements (GONGZHI_BENCH_RUNS, default 3);
// GONGZHI_BENCH_VERBOSE=1 lists every request of every measurement on stderr. Prints a table
// and, for each target, "met" or "NOT met"; with --results FILE writes the section
// "Page weight (issue 20)" into FILE (bench/RESULTS.md), keeping the rest of the file.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import zlib from 'node:zlib';
import { startServer } from '../tests/e2e/lib/server.mjs';
import { launchBrowser } from '../tests/e2e/lib/browser.mjs';

export const THROTTLE = {
  offline: false,
  latency: 150, // ms added to every request
  downloadThroughput: 200_000, // bytes/s = 1.6 Mbit/s
  uploadThroughput: 93_750, // bytes/s = 750 kbit/s
};
const TARGET_LOAD_MS = 1500;
const TARGET_PUBLIC_JS_BYTES = 200 * 1024;
const RUNS = Number(process.env.GONGZHI_BENCH_RUNS ?? 3);
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true };

const PAGES = [
  {
    name: 'public board',
    path: '/board',
    public: true,
    content: ['[data-test="budget"]', '[data-test="spent-percent"]'],
  },
  {
    name: 'resident home',
    path: '/resident',
    public: false,
    login: { username: 'resident', password: 'gongzhi2026' },
    content: ['[data-test="tile-new"]'],
  },
];

const VARIANTS = [
  { name: 'compressed', headers: {} },
  { name: 'uncompressed (baseline)', headers: { 'Accept-Encoding': 'identity' } },
  // Not a target: what the pages would take if the server also compressed its JSON answers
  // (it sends them as they are today), played by a local proxy that gzips them on the way.
  { name: 'compressed + API JSON gzipped by a proxy (what-if)', headers: {}, proxy: true },
];

/** A proxy in front of `target` that gzips JSON answers for clients that take gzip. */
async function startJsonGzipProxy(target) {
  const proxy = http.createServer((request, response) => {
    const upstream = http.request(`${target}${request.url}`, { method: request.method, headers: request.headers }, (answer) => {
      const type = String(answer.headers['content-type'] ?? '');
      const takesGzip = /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
      if (type.startsWith('application/json') && takesGzip && !answer.headers['content-encoding']) {
        const headers = { ...answer.headers, 'content-encoding': 'gzip', vary: 'Accept-Encoding' };
        delete headers['content-length'];
        response.writeHead(answer.statusCode ?? 502, headers);
        answer.pipe(zlib.createGzip({ level: 6 })).pipe(response);
      } else {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      }
    });
    upstream.on('error', () => {
      response.statusCode = 502;
      response.end();
    });
    request.pipe(upstream);
  });
  await new Promise((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  return { baseUrl: `http://127.0.0.1:${proxy.address().port}`, stop: () => new Promise((resolve) => {
    proxy.closeAllConnections?.();
    proxy.close(resolve);
  }) };
}

// Records, in the page, when every content selector first has text (ms since navigation start).
function contentWatcher(selectors) {
  window.__contentAt = null;
  const check = () => {
    if (window.__contentAt !== null) return;
    const ready = selectors.every((selector) => {
      const element = document.querySelector(selector);
      return element && element.textContent.trim() !== '';
    });
    if (ready) window.__contentAt = performance.now();
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, characterData: true });
}

async function measure(browser, baseUrl, page, variant) {
  const context = await browser.newContext({
    ...PHONE,
    baseURL: baseUrl,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    extraHTTPHeaders: variant.headers,
  });
  try {
    if (page.login) {
      // The session cookie and the page's "this device logged in" hint, without loading a page.
      const answer = await context.request.post('/api/v1/auth/login', { data: page.login });
      if (!answer.ok()) throw new Error(`login as ${page.login.username}: ${answer.status()}`);
      await context.addInitScript(() => localStorage.setItem('gongzhi.session', '1'));
    }
    await context.addInitScript(contentWatcher, page.content);
    const tab = await context.newPage();
    const cdp = await context.newCDPSession(tab);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', THROTTLE);

    const requests = new Map();
    let firstSent = null;
    let lastFinished = 0;
    cdp.on('Network.requestWillBeSent', (event) => {
      if (firstSent === null) firstSent = event.timestamp;
    });
    cdp.on('Network.responseReceived', (event) => {
      const headers = Object.fromEntries(Object.entries(event.response.headers).map(([k, v]) => [k.toLowerCase(), v]));
      requests.set(event.requestId, {
        url: event.response.url,
        type: event.type,
        encoding: headers['content-encoding'] ?? 'none',
      });
    });
    cdp.on('Network.loadingFinished', (event) => {
      const request = requests.get(event.requestId);
      if (request) {
        request.bytes = event.encodedDataLength;
        request.finished = event.timestamp;
      }
      lastFinished = Math.max(lastFinished, event.timestamp);
    });

    await tab.goto(page.path, { waitUntil: 'load', timeout: 120_000 });
    await tab.waitForFunction(() => window.__contentAt !== null, null, { timeout: 120_000, polling: 100 });
    // Then until nothing is in flight for 500 ms, for the requests after the content (the
    // board's property fund, for one).
    await tab.waitForLoadState('networkidle', { timeout: 120_000 }).catch(() => {});
    const timing = await tab.evaluate(() => {
      const navigation = performance.getEntriesByType('navigation')[0];
      return {
        content: window.__contentAt,
        load: navigation.loadEventEnd,
        // The document's request, on the page's clock, to place CDP's monotonic timestamps.
        requestStart: navigation.requestStart,
      };
    });
    if (process.env.GONGZHI_BENCH_VERBOSE) {
      // Every request of the page: when it finished (ms from the document's request), bytes, URL.
      for (const request of requests.values()) {
        if (request.bytes === undefined) continue;
        const at = ((request.finished - firstSent) * 1000).toFixed(0).padStart(6);
        console.error(`${at} ms ${String(request.bytes).padStart(8)} B ${request.type.padEnd(8)} ${request.encoding.padEnd(5)} ${request.url.replace(baseUrl, '')}`);
      }
    }
    let jsBytes = 0;
    let totalBytes = 0;
    const encodings = new Set();
    for (const request of requests.values()) {
      if (request.bytes === undefined) continue;
      totalBytes += request.bytes;
      if (request.type === 'Script') {
        jsBytes += request.bytes;
        encodings.add(request.encoding);
      }
    }
    return {
      content: timing.content,
      load: timing.load,
      // The last request's end: CDP's monotonic seconds from the document's request, placed on
      // the page's clock by the navigation entry's requestStart.
      quiet: firstSent === null ? NaN : (lastFinished - firstSent) * 1000 + timing.requestStart,
      jsBytes,
      totalBytes,
      requests: [...requests.values()].filter((request) => request.bytes !== undefined).length,
      encodings: [...encodings].join('+') || 'none',
    };
  } finally {
    await context.close();
  }
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;
const kb = (bytes) => `${(bytes / 1024).toFixed(0)} KB`;

async function main() {
  const resultsPath = process.argv.includes('--results') ? process.argv[process.argv.indexOf('--results') + 1] : null;
  const server = await startServer();
  const proxy = await startJsonGzipProxy(server.baseUrl);
  const browser = await launchBrowser();
  const rows = [];
  try {
    // One untimed visit of each page first, so the server's own first-request work (SQLite
    // pages, prepared statements) is not charged to the first variant.
    for (const page of PAGES) await measure(browser, server.baseUrl, page, VARIANTS[0]);
    for (const page of PAGES) {
      for (const variant of VARIANTS) {
        const runs = [];
        const baseUrl = variant.proxy ? proxy.baseUrl : server.baseUrl;
        for (let run = 0; run < RUNS; run++) runs.push(await measure(browser, baseUrl, page, variant));
        const row = { page, variant, runs };
        for (const key of ['content', 'load', 'quiet', 'jsBytes', 'totalBytes', 'requests']) row[key] = median(runs.map((r) => r[key]));
        row.encodings = runs[0].encodings;
        rows.push(row);
        console.error(`${page.name}, ${variant.name}: content ${runs.map((r) => seconds(r.content)).join(' / ')}`);
      }
    }
  } finally {
    await browser.close();
    await proxy.stop();
    await server.stop();
  }

  const lines = [];
  lines.push('| page | variant | main content | load event | last request done | JS transferred | all transferred | requests | JS encoding |');
  lines.push('|---|---|---|---|---|---|---|---|---|');
  for (const row of rows) {
    lines.push(
      `| ${row.page.name} | ${row.variant.name} | ${seconds(row.content)} | ${seconds(row.load)} | ${seconds(row.quiet)} | ${kb(row.jsBytes)} | ${kb(row.totalBytes)} | ${row.requests} | ${row.encodings} |`,
    );
  }
  const targets = [];
  for (const row of rows.filter((r) => r.variant === VARIANTS[0])) {
    const shown = Math.max(row.content, row.load);
    targets.push(
      `- ${row.page.name} shows its content and fires load under 1.5 s: ${seconds(row.content)} / ${seconds(row.load)} — ${shown < TARGET_LOAD_MS ? 'met' : 'NOT met'}`,
    );
    if (row.page.public) {
      targets.push(
        `- ${row.page.name} JavaScript under 200 KB compressed: ${kb(row.jsBytes)} — ${row.jsBytes < TARGET_PUBLIC_JS_BYTES ? 'met' : 'NOT met'}`,
      );
    }
  }
  const table = lines.join('\n');
  console.log(table);
  console.log('');
  console.log(targets.join('\n'));

  if (resultsPath) {
    const today = new Date().toISOString().slice(0, 10);
    const section = [
      '## Page weight (issue 20)',
      '',
      `\`bench/run-page-weight.sh\`, ${today}, ${os.cpus().length} CPUs shared with other jobs (a C++ build may run beside it), ` +
        `Debian's chromium headless at 390×844, a fresh context (empty cache) per measurement, median of ${RUNS}. ` +
        `Throttled through CDP Network.emulateNetworkConditions: ${THROTTLE.downloadThroughput.toLocaleString('en')} bytes/s down (1.6 Mbit/s), ` +
        `${THROTTLE.uploadThroughput.toLocaleString('en')} bytes/s up (750 kbit/s), ${THROTTLE.latency} ms latency. ` +
        'Main content: board — the current plan\'s budget and spent-percent readouts have text; resident home (after an API login) — the 我要报事 tile. ' +
        'Bytes as transferred (CDP encodedDataLength, headers included). Baseline in the same run: the same pages with Accept-Encoding: identity. ' +
        'The server gzips JSON answers of 1 KiB or more itself; the what-if row puts a local Node proxy in front that gzips them too (a check that nothing is left to gain there).',
      '',
      table,
      '',
      'Targets (compressed):',
      '',
      targets.join('\n'),
    ].join('\n');
    const text = existsSync(resultsPath) ? readFileSync(resultsPath, 'utf8') : '# Benchmark results\n';
    const kept = text.replace(/\n## Page weight \(issue 20\)[\s\S]*?(?=\n## |$)/, '').trimEnd();
    writeFileSync(resultsPath, `${kept}\n\n${section}\n`);
  }
}

await main();
