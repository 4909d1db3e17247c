// Starts a real `gongzhi serve --demo` on a fresh SQLite file and a free port, serving the
// built web application, and stops it with SIGTERM.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

const STARTUP_TIMEOUT_MS = 120_000;

export async function startServer() {
  const binary = process.env.GONGZHI_BIN ?? path.join(repoRoot, 'build/gongzhi');
  const webRoot = process.env.GONGZHI_WEB_ROOT ?? path.join(repoRoot, 'web/dist');
  const dir = mkdtempSync(path.join(tmpdir(), 'gongzhi-e2e-'));
  const db = path.join(dir, 'e2e.db');
  // --port 0: the kernel picks a free port and the server prints it, so parallel runs never
  // race for one.
  const child = spawn(binary, ['serve', '--demo', '--port', '0', '--db', `sqlite:${db}`, '--web-root', webRoot], {
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
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
