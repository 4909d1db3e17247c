// A district's deployment failing and recovering under load (issue 20), on one machine:
// scripts/cluster.sh starts a PostgreSQL primary, its streaming replica, three servers and nginx
// with TLS in front. Residents keep submitting requests (writes) and the public keeps reading
// tracking pages and the board (reads a replica may answer) while, in turn,
//   1. one server is killed (kill -9): nginx routes around it;
//   2. the replica stops: public reads fall back to the primary; it comes back and serves again;
//   3. the primary stops cleanly and the replica is promoted: the servers find the new primary
//      through their multi-host URL and writes resume.
// Afterwards every acknowledged submission is there, the audit chain verifies, and the
// servers' jobs ran once (one checkpoint signed though three servers started together).
//   GONGZHI_BIN=build/gongzhi node --test tests/cluster/failover.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// nginx's certificate is self-signed for this run.
process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';
process.removeAllListeners('warning');

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const bin = process.env.GONGZHI_BIN ?? path.join(repo, 'build/gongzhi');
const cluster = path.join(repo, 'scripts/cluster.sh');
const dir = mkdtempSync(path.join(tmpdir(), 'gz-failover-'));
const password = 'failover-pass-42';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const run = (args, input) =>
  execFileSync(args[0], args.slice(1), { input, encoding: 'utf8', env: { ...process.env, GONGZHI_BIN: bin } });
const clusterDo = (...args) => run([cluster, ...args, dir]);
// Servers may post to this loopback receiver; their jobs tick every second.
process.env.CLUSTER_SERVE_ARGS = '--notification-allow-private-hosts --notification-retry-ms 200 --job-interval 1';

// An integrator's webhook: counts each delivery id it hears (a job run twice would post twice).
function startReceiver() {
  const heard = new Map();
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      const id = request.headers['x-gongzhi-delivery'];
      if (id) heard.set(id, (heard.get(id) ?? 0) + 1);
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end('{"ok":true}');
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, heard, port: server.address().port })));
}

function settings() {
  const values = {};
  for (const line of readFileSync(path.join(dir, 'cluster.env'), 'utf8').split('\n')) {
    const at = line.indexOf('=');
    if (at > 0) values[line.slice(0, at)] = line.slice(at + 1);
  }
  return values;
}

async function call(base, method, url, { token, body } = {}) {
  const headers = {};
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body) headers['Content-Type'] = 'application/json';
  const response = await fetch(base + url, {
    method,
    headers,
    body: body ? JSON.stringify(body) : undefined,
    signal: AbortSignal.timeout(10_000),
  });
  const text = await response.text();
  let json = null;
  try {
    json = JSON.parse(text);
  } catch {
    // not JSON (an nginx error page)
  }
  return { status: response.status, json, headers: response.headers, text };
}

async function metric(port, name) {
  const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));
  return line ? Number(line.split(' ')[1]) : NaN;
}

async function until(what, check, ms = 20_000) {
  const deadline = Date.now() + ms;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
    await sleep(200);
  }
}

test('the cluster keeps every acknowledged write through a server crash, a replica outage and a failover', { timeout: 600_000 }, async (t) => {
  t.after(() => clusterDo('down'));
  clusterDo('up');
  const env = settings();
  const base = env.HTTPS_URL;
  const serverPort = (n) => env[`SERVER_${n}_PORT`];

  // A community, a household and its resident, made as an operator would.
  run([bin, 'user', 'add', '--username', 'admin', '--role', 'admin', '--password-stdin', '--db', env.PRIMARY_DIRECT_URL], password);
  const admin = (await call(base, 'POST', '/api/v1/auth/login', { body: { username: 'admin', password } })).json.token;
  const community = await call(base, 'POST', '/api/v1/communities', { token: admin, body: { name: '容灾社区', code: 'FAILOVER-1' } });
  assert.equal(community.status, 201, community.text);
  const communityId = community.json.id;
  const household = await call(base, 'POST', '/api/v1/households', {
    token: admin,
    body: { community_id: communityId, code: '1-101', address: '1栋101室', housing_type: 'owner' },
  });
  assert.equal(household.status, 201, household.text);
  run([bin, 'user', 'add', '--username', 'resident1', '--role', 'resident', '--household', String(household.json.id), '--password-stdin', '--db', env.PRIMARY_DIRECT_URL], password);
  run([bin, 'user', 'add', '--username', 'staff1', '--role', 'staff', '--community', String(communityId), '--password-stdin', '--db', env.PRIMARY_DIRECT_URL], password);
  const staff = (await call(base, 'POST', '/api/v1/auth/login', { body: { username: 'staff1', password } })).json.token;
  const receiver = await startReceiver();
  t.after(() => receiver.server.close());
  const channel = await call(base, 'POST', '/api/v1/notification-channels', {
    token: staff,
    body: { community_id: communityId, kind: 'webhook', name: '区级平台', url: `http://127.0.0.1:${receiver.port}/events`, secret: 'integrator-secret-0123', events: ['request.accepted'] },
  });
  assert.equal(channel.status, 201, channel.text);
  const login = await call(base, 'POST', '/api/v1/auth/login', { body: { username: 'resident1', password } });
  assert.equal(login.status, 200, login.text);
  // Behind the TLS proxy the session cookie is Secure.
  assert.match(login.headers.get('set-cookie') ?? '', /;\s*Secure/i);
  const token = login.json.token;

  // The load: writers submit, readers read what was acknowledged a while ago, without a login.
  const acked = [];
  const outcomes = []; // { kind, started, ok, status }
  let running = true;
  let n = 0;
  async function writer() {
    while (running) {
      const started = Date.now();
      try {
        const r = await call(base, 'POST', '/api/v1/requests', {
          token,
          body: { category: 'water_leak', description: `楼上漏水 第${++n}次`, location: '1栋101室' },
        });
        if (r.status === 201) acked.push({ code: r.json.tracking_code, id: r.json.id, at: Date.now() });
        outcomes.push({ kind: 'write', started, ok: r.status === 201, status: r.status });
      } catch (error) {
        outcomes.push({ kind: 'write', started, ok: false, status: String(error.cause?.code ?? error.name) });
      }
      await sleep(20);
    }
  }
  async function reader() {
    while (running) {
      const started = Date.now();
      const settled = acked.filter((a) => a.at < started - 6_000);
      try {
        if (settled.length > 0 && n % 2 === 0) {
          const { code } = settled[Math.floor(Math.random() * settled.length)];
          const r = await call(base, 'GET', `/api/v1/track/${code}`);
          outcomes.push({ kind: 'read', started, ok: r.status === 200, status: r.status });
        } else {
          const r = await call(base, 'GET', `/api/community-resources?community_id=${communityId}`);
          outcomes.push({ kind: 'read', started, ok: r.status === 200, status: r.status });
        }
      } catch (error) {
        outcomes.push({ kind: 'read', started, ok: false, status: String(error.cause?.code ?? error.name) });
      }
      await sleep(20);
    }
  }
  // Staff accept what comes in; each acceptance is an event the webhook hears.
  const accepted = new Set();
  async function accepter() {
    let next = 0;
    while (running || next < acked.length) {
      if (next >= acked.length) {
        await sleep(50);
        continue;
      }
      const { id } = acked[next];
      const started = Date.now();
      try {
        const r = await call(base, 'POST', `/api/v1/requests/${id}/transitions`, { token: staff, body: { action: 'accept' } });
        if (r.status === 200) accepted.add(id);
        outcomes.push({ kind: 'write', started, ok: r.status === 200, status: r.status });
        if (r.status === 200 || r.status === 409) next += 1;
      } catch (error) {
        outcomes.push({ kind: 'write', started, ok: false, status: String(error.cause?.code ?? error.name) });
      }
      await sleep(10);
      if (!running && Date.now() - started > 60_000) break;
    }
  }
  const loops = [writer(), writer(), writer(), reader(), reader(), reader()];
  const accepting = accepter();
  const failuresSince = (from, to, kind) =>
    outcomes.filter((o) => o.started >= from && o.started < to && !o.ok && (!kind || o.kind === kind));
  const countSince = (from, to, kind) =>
    outcomes.filter((o) => o.started >= from && o.started < to && o.kind === kind).length;

  await sleep(8_000);
  assert.equal(failuresSince(0, Date.now()).length, 0, 'failures before any fault');

  // 1. A server dies; nginx routes around it.
  clusterDo('kill-server', '1');
  const killed = Date.now();
  await sleep(5_000);
  const afterKill = failuresSince(killed + 1_000, Date.now());
  assert.deepEqual(afterKill, [], 'requests a second after the crash all succeed');
  assert.ok(countSince(killed + 1_000, Date.now(), 'write') > 10);

  // 2. The replica stops: public reads go to the primary; then it returns and serves again.
  const readsBefore = await metric(serverPort(2), 'gongzhi_replica_reads_total');
  assert.ok(readsBefore > 0, 'the replica answered public reads');
  clusterDo('stop-replica');
  const replicaStopped = Date.now();
  await until('the servers to see the replica gone', async () => (await metric(serverPort(2), 'gongzhi_replica_usable')) === 0);
  await sleep(4_000);
  assert.deepEqual(failuresSince(replicaStopped + 1_000, Date.now()), [], 'reads fall back to the primary');
  assert.ok(countSince(replicaStopped + 1_000, Date.now(), 'read') > 10);
  clusterDo('start-replica');
  await until('the replica to be usable again', async () => (await metric(serverPort(2), 'gongzhi_replica_usable')) === 1);
  const readsAgain = await metric(serverPort(2), 'gongzhi_replica_reads_total');
  await sleep(3_000);
  assert.ok((await metric(serverPort(2), 'gongzhi_replica_reads_total')) > readsAgain, 'the replica serves again');

  // 3. A planned failover: the primary stops cleanly, the replica is promoted.
  clusterDo('stop-primary');
  clusterDo('promote');
  const promoted = Date.now();
  await until('a write through the new primary', async () =>
    outcomes.some((o) => o.kind === 'write' && o.started > promoted && o.ok), 30_000);
  const resumed = outcomes.find((o) => o.kind === 'write' && o.started > promoted && o.ok).started;
  await sleep(5_000);
  assert.deepEqual(failuresSince(resumed + 2_000, Date.now()), [], 'after the failover everything succeeds');
  assert.ok(countSince(resumed + 2_000, Date.now(), 'write') > 10);

  running = false;
  await Promise.all(loops);
  await accepting;

  // Nothing acknowledged is lost: each tracking code answers from the new primary.
  const missing = [];
  for (const { code } of acked) {
    const r = await call(base, 'GET', `/api/v1/track/${code}`, { token });
    if (r.status !== 200) missing.push(`${code}: ${r.status}`);
  }
  assert.deepEqual(missing, [], `all ${acked.length} acknowledged submissions are there`);
  const listed = await call(base, 'GET', '/api/v1/requests?page_size=1', { token });
  assert.equal(listed.status, 200, listed.text);

  // Every acceptance reached the integrator, each delivered by one server (a server killed
  // while posting may leave one to be posted again: at least once, never by two at a time).
  await until('every acceptance delivered', async () => receiver.heard.size >= accepted.size, 90_000);
  const twice = [...receiver.heard.values()].filter((count) => count > 1).length;
  assert.ok(twice <= 3, `${twice} deliveries were posted more than once`);

  // The audit chain on the new primary verifies.
  const verify = run([bin, 'ledger', 'verify', '--db', env.REPLICA_URL]);
  assert.match(verify, /"ok":true/);

  // Three servers started together signed one checkpoint between them.
  const checkpoints = await call(base, 'GET', '/api/v1/ledger/checkpoints');
  assert.equal(checkpoints.status, 200);
  const items = checkpoints.json.items ?? checkpoints.json.checkpoints ?? checkpoints.json;
  assert.equal(items.length, 1, checkpoints.text.slice(0, 400));
  let signers = 0;
  for (const server of [1, 2, 3]) {
    if (readFileSync(path.join(dir, `server-${server}.log`), 'utf8').includes('"event":"checkpoint_signed"')) signers += 1;
  }
  assert.equal(signers, 1, 'one server signed the checkpoint');

  const writes = outcomes.filter((o) => o.kind === 'write');
  const failed = writes.filter((o) => !o.ok);
  t.diagnostic(`webhook deliveries ${receiver.heard.size}, posted twice ${twice}`);
  t.diagnostic(`writes ${writes.length} (acknowledged ${acked.length}, refused or cut ${failed.length}: ${[...new Set(failed.map((o) => o.status))].join(' ')}), reads ${outcomes.length - writes.length}`);
});
