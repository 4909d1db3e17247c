// The Chinese messages are split in two (index.ts): the public pages' sections, bundled with the
// page, and the rest, loaded once someone is logged in. An anonymous visitor of a public page
// sees only the first part, so every section that code reachable from a public page names must
// be in it: this test follows the imports from main.ts and the public routes' views and
// collects the section names their sources mention.
import { describe, expect, it } from 'vitest';
import { zhCN } from './messages';
import { zhCNPublic } from './public-zh-CN';
import { zhCNRest } from './zh-CN-rest';

const sections = Object.keys(zhCN);
/** The app's sources by their path under src/ ("views/board/BoardView.vue"). */
const sources: Record<string, string> = Object.fromEntries(
  Object.entries(
    import.meta.glob<string>(['../**/*.ts', '../**/*.vue', '!../**/*.test.ts'], { eager: true, query: '?raw', import: 'default' }),
  ).map(([file, text]) => [file.replace(/^\.\.\//, ''), text]),
);

/**
 * Files whose words show only to a logged-in user: the menus of every role (an anonymous
 * visitor's header has no menu) and the router, whose logged-in routes' titles are read only
 * once the guard let a user in; the router's public routes are scanned.
 */
const LOGGED_IN_ONLY = new Set(['lib/nav.ts']);

function publicRouteBlocks(router: string): string[] {
  return router.split(/\n {2}\{/).filter((block) => /path:/.test(block) && !/roles:/.test(block));
}

/** "views/board" + "../../lib/plans" → "lib/plans.ts", or null outside the sources. */
function resolveImport(from: string, spec: string): string | null {
  const parts = from.split('/').slice(0, -1);
  for (const part of spec.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.') parts.push(part);
  }
  const base = parts.join('/');
  return [base, `${base}.ts`, `${base}/index.ts`].find((candidate) => candidate in sources) ?? null;
}

/** The sections named by code an anonymous visitor's pages run, each with a file naming it. */
function publicSectionUses(): Map<string, string> {
  const routes = publicRouteBlocks(sources['router.ts']);
  const queue = ['main.ts'];
  for (const block of routes) {
    const lazy = block.match(/import\('([^']+)'\)/);
    const target = lazy && resolveImport('router.ts', lazy[1]);
    if (target) queue.push(target);
  }
  const seen = new Set<string>();
  const uses = new Map<string, string>();
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const text = sources[file];
    const words = file === 'router.ts' ? routes.join('\n') : LOGGED_IN_ONLY.has(file) ? '' : text;
    // 'board.title', `stage.${x}`, named('stage', …): a quoted section name, alone or before a dot.
    for (const match of words.matchAll(/['"`]([a-zA-Z][a-zA-Z0-9]*)(?=['"`.])/g)) {
      if (sections.includes(match[1]) && !uses.has(match[1])) uses.set(match[1], file);
    }
    // `import type` / `export type` carry no code (api/schema.gen.ts, the generated API types,
    // is full of quoted field names such as "action"): not followed.
    const imports = /(?:import|export)\s(?!type\s)[^'"]*?from\s+['"](\.[^'"]+)['"]|import\s+['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)/g;
    for (const match of text.matchAll(imports)) {
      // The router's lazy routes are followed above, the public ones only.
      if (file === 'router.ts' && match[3]) continue;
      const target = resolveImport(file, match[1] ?? match[2] ?? match[3]);
      if (target) queue.push(target);
    }
  }
  return uses;
}

describe('Chinese messages by area', () => {
  it('hold every section once, public or behind a login', () => {
    const publicSections = Object.keys(zhCNPublic);
    const rest = Object.keys(zhCNRest);
    expect(publicSections.filter((section) => rest.includes(section))).toEqual([]);
    expect([...publicSections, ...rest].sort()).toEqual([...sections].sort());
  });

  it('bundle with the page every section the public pages name', () => {
    const uses = publicSectionUses();
    expect(uses.has('board') && uses.has('track') && uses.has('login')).toBe(true);
    const missing = [...uses].filter(([section]) => !(section in zhCNPublic)).map(([section, file]) => `${section} (${file})`);
    expect(missing, 'add these to public-zh-CN.ts and leave them out in zh-CN-rest.ts').toEqual([]);
  });
});
