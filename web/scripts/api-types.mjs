// The web's API types (src/api/schema.gen.ts) are what openapi-typescript makes of the server's
// OpenAPI document (src/api/openapi.json, copied from `gongzhi openapi`).
//   node scripts/api-types.mjs          regenerate schema.gen.ts (npm run api-types)
//   node scripts/api-types.mjs --check  exit 1 when schema.gen.ts is not what it would make
// src/api/schema.test.ts runs the check with the unit tests, so regenerating is not forgotten.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const api = join(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'api');
export const documentPath = join(api, 'openapi.json');
export const generatedPath = join(api, 'schema.gen.ts');

/** What openapi-typescript makes of openapi.json. */
export function generate() {
  const pkg = createRequire(import.meta.url).resolve('openapi-typescript/package.json');
  return execFileSync(process.execPath, [join(dirname(pkg), 'bin', 'cli.js'), documentPath], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
}

/** null when schema.gen.ts is up to date, else where it first differs. */
export function drift() {
  const made = generate().split('\n');
  const committed = readFileSync(generatedPath, 'utf8').split('\n');
  let i = 0;
  while (i < made.length && i < committed.length && made[i] === committed[i]) i++;
  if (i === made.length && i === committed.length) return null;
  return `src/api/schema.gen.ts is not what openapi-typescript makes of src/api/openapi.json ` +
    `(line ${i + 1}: expected ${JSON.stringify(made[i] ?? '<end>')}, ` +
    `found ${JSON.stringify(committed[i] ?? '<end>')}); run npm run api-types`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (process.argv.includes('--check')) {
    const problem = drift();
    if (problem) {
      console.error(problem);
      process.exit(1);
    }
  } else {
    writeFileSync(generatedPath, generate());
  }
}
