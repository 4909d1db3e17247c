// Starts a real `gongzhi serve --demo` on a fresh SQLite file (or one a previous server left,
// `options.db`) and a free port, serving the built web application, and stops it with
// SIGTERM. `options.args` adds serve options (--now INSTANT --freeze-clock to set its clock);
// GONGZHI_NOW and GONGZHI_FREEZE_CLOCK from the environment reach it as they are.
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

export async function startServer(options = {}) {
  const binary = process.env.GONGZHI_BIN ?? path.join(repoRoot, 'build/gongzhi');
  const webRoot = process.env.GONGZHI_WEB_ROOT ?? path.join(repoRoot, 'web/dist');
  const database = options.db ?? newDatabase();
  const db = database.path;
  // --port 0: the kernel picks a free port and the server prints it, so parallel runs never
  // race for one.
  const args = ['serve', '--demo', '--port', '0', '--db', `sqlite:${db}`, '--web-root', webRoot, ...(options.args ?? [])];
  const child = spawn(binary, args, {
    cwd: repoRoot,
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
