// @vitest-environment node
// schema.gen.ts must be what openapi-typescript makes of openapi.json (scripts/api-types.mjs):
// after copying a new document from `gongzhi openapi`, run `npm run api-types`.
import { describe, expect, it } from 'vitest';

describe('generated API types', () => {
  it('schema.gen.ts is up to date with openapi.json', async () => {
    // A runtime path keeps the node-only script out of the type check (no @types/node here).
    const script = '../../scripts/api-types.mjs';
    const { drift } = await import(/* @vite-ignore */ script);
    const problem: string | null = drift();
    if (problem) expect.fail(problem);
  }, 30_000);
});
