// Starts a real `gongzhi serve --demo` on a fresh SQLite file (or one a previous server left,
// `options.db`) and a free port, serving the built web application, and stops it with
// SIGTERM. `options.args` adds serve options (--now INSTANT --freeze-clock to set its clock);
// GONGZHI_NOW and GONGZHI_FREEZE_CLOCK from the environment reach it as they are.
// `options.demo: false` serves the database as it is: with `prepareDemoDatabase({communities:
// 3})` (gongzhi demo --communities 3) that is a street of three communities to compare.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

const STARTUP_TIMEOUT_MS = 120_000;

/** A fresh directory for a database that several servers in turn may serve. */
export function newDatabase() {
  const dir = mkdtempSync(path.join(tmpdir(), 'gongzhi-e2e-'));
  return { dir, path: path.join(dir, 'e2e.db'), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

function serverBinary() {
  return process.env.GONGZHI_BIN ?? path.join(repoRoot, 'build/gongzhi');
}

/**
 * A fresh database filled by `gongzhi demo` (several communities when asked), for
 * `startServer({ db, demo: false })`; remove it with `.remove()` after the server stopped.
 */
export async function prepareDemoDatabase({ communities = 1 } = {}) {
  const database = newDatabase();
  const args = ['demo', '--communities', String(communities), '--db', `sqlite:${database.path}`];
  const child = spawn(serverBinary(), args, { cwd: repoRoot, stdio: ['ignore', 'ignore', 'pipe'] });
  let errors = '';
  child.stderr.on('data', (chunk) => (errors += chunk.toString()));
  const code = await new Promise((resolve) => child.on('exit', resolve));
  if (code !== 0) {
    database.remove();
    throw new Error(`gongzhi demo exited with ${code}:\n${errors}`);
  }
  return database;
}

export async function startServer(options = {}) {
  const binary = serverBinary();
  const webRoot = process.env.GONGZHI_WEB_ROOT ?? path.join(repoRoot, 'web/dist');
  const database = options.db ?? newDatabase();
  const db = database.path;
  // --port 0: the kernel picks a free port and the server prints it, so parallel runs never
  // race for one.
  const demo = options.demo === false ? [] : ['--demo'];
  const args = ['serve', ...demo, '--port', '0', '--db', `sqlite:${db}`, '--web-root', webRoot, ...(options.args ?? [])];
  // Without --demo the server takes GONGZHI_NOW only from a test: this is one.
  const env = options.demo === false && process.env.GONGZHI_NOW ? { ...process.env, GONGZHI_TEST_CLOCK: '1' } : process.env;
  const child = spawn(binary, args, {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const baseUrl = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`gongzhi did not start in time:\n${output}`)), STARTUP_TIMEOUT_MS);
    const onData = (chunk) => {
      output += chunk.toString();
      const match = output.match(/serving .* at (http:\/\/127\.0\.0\.1:\d+)\//);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk) => (output += chunk.toString()));
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`gongzhi exited with ${code} before serving:\n${output}`));
    });
  });
  // Keep draining the request log so the pipe never fills and blocks the server.
  child.stdout.removeAllListeners('data');
  child.stdout.resume();
  child.stderr.resume();

  return {
    baseUrl,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }
      if (!options.db) database.remove();
    },
  };
}
