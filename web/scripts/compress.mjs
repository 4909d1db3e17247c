// Precompresses the built web app: beside every .js, .css, .html, .svg and .json file in dist/
// larger than 1 KB it writes NAME.br (brotli, quality 11) and NAME.gz (gzip -9), which the
// server sends instead of NAME when the request's Accept-Encoding takes them
// (src/http/static_files.cpp). A sibling that would not be smaller than the file is left out.
// Usage: node scripts/compress.mjs [dist]   (run by `npm run build` after `vite build`)
import { readdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync, gunzipSync, brotliDecompressSync } from 'node:zlib';

const MIN_BYTES = 1024;
const TYPES = /\.(js|css|html|svg|json)$/;

function* files(directory) {
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (entry.isFile()) yield path;
  }
}

function brotli(data) {
  return brotliCompressSync(data, {
    params: {
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_LGWIN]: constants.BROTLI_MAX_WINDOW_BITS,
      [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
    },
  });
}

function writeSibling(path, data, packed, unpack) {
  // The sibling must give back the file byte for byte; a broken one would be served as is.
  if (!unpack(packed).equals(data)) throw new Error(`${path}: compressed copy does not round-trip`);
  if (packed.length >= data.length) {
    try { unlinkSync(path); } catch { /* none from an earlier run */ }
    return 0;
  }
  writeFileSync(path, packed);
  return packed.length;
}

function compressDirectory(root) {
  const totals = { files: 0, raw: 0, br: 0, gz: 0 };
  for (const path of files(root)) {
    if (!TYPES.test(path)) continue;
    const size = statSync(path).size;
    if (size <= MIN_BYTES) continue;
    const data = readFileSync(path);
    const br = writeSibling(`${path}.br`, data, brotli(data), brotliDecompressSync);
    const gz = writeSibling(`${path}.gz`, data, gzipSync(data, { level: 9 }), gunzipSync);
    totals.files += 1;
    totals.raw += size;
    totals.br += br || size;
    totals.gz += gz || size;
  }
  return totals;
}

const root = resolve(process.argv[2] ?? 'dist');
const started = Date.now();
const totals = compressDirectory(root);
const kb = (bytes) => `${(bytes / 1024).toFixed(0)} KB`;
console.log(
  `compress: ${totals.files} files in ${root}, ${kb(totals.raw)} -> brotli ${kb(totals.br)}, gzip ${kb(totals.gz)} ` +
    `(${((Date.now() - started) / 1000).toFixed(1)} s)`,
);
