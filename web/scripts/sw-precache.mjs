// A Vite plugin that writes dist/sw.js from public/sw.js with the build's id and the list of
// files the service worker fetches when it installs: the entry (the app shell's script and
// styles), the resident's pages (src/views/resident/), the Chinese of the logged-in pages
// (i18n/zh-CN-rest.ts) and everything they import statically. A resident who installed the app
// can then open any of their pages offline, not only the ones visited before. The id is a hash
// of the bundle's file names, so every build that changes a file changes sw.js, which makes the
// browser install the new worker and drop the old caches.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const PRECACHED_MODULES = [/\/src\/views\/resident\//, /\/src\/i18n\/zh-CN-rest\.ts$/];

export function swPrecache({ source = 'public/sw.js' } = {}) {
  let files = [];
  let build = 'dev';
  let outDir = 'dist';
  return {
    name: 'gongzhi-sw-precache',
    apply: 'build',
    configResolved(config) {
      outDir = join(config.root, config.build.outDir);
      source = join(config.root, source);
    },
    generateBundle(_options, bundle) {
      const wanted = new Set();
      const visit = (fileName) => {
        if (wanted.has(fileName)) return;
        wanted.add(fileName);
        const chunk = bundle[fileName];
        if (chunk?.type !== 'chunk') return;
        chunk.imports.forEach(visit);
        for (const css of chunk.viteMetadata?.importedCss ?? []) wanted.add(css);
      };
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        const id = chunk.facadeModuleId ?? '';
        if (chunk.isEntry || PRECACHED_MODULES.some((pattern) => pattern.test(id))) visit(chunk.fileName);
      }
      files = [...wanted].sort().map((file) => `/${file}`);
      build = createHash('sha256').update(Object.keys(bundle).sort().join('\n')).digest('hex').slice(0, 12);
    },
    closeBundle() {
      const text = readFileSync(source, 'utf8');
      const filled = text
        .replace(/^const BUILD = 'dev';.*$/m, `const BUILD = '${build}';`)
        .replace(/^const PRECACHE = \[\];.*$/m, `const PRECACHE = ${JSON.stringify(files)};`);
      if (filled === text) throw new Error(`${source}: the BUILD and PRECACHE lines were not found`);
      writeFileSync(join(outDir, 'sw.js'), filled);
    },
  };
}
