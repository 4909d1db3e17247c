// The notifications in one command (make notify-demo): a loopback receiver that prints what
// arrives, a demo server on a throwaway database with an SMS file sink, and a short story
// through the API: staff connect a WeCom robot, a DingTalk robot and a signed webhook; a
// resident gives a mobile, which a guide verifies, and asks for an SMS when a request is
// resolved; the resident reports a leak, staff accept and resolve it and call a meeting.
// The receiver prints each robot message and webhook (with its signature checked); at the
// end the script prints the resident's inbox and the SMS the sink received. Between 22:00 and
// 07:00 Shanghai time robots and SMS keep quiet hours (they wait for 07:00); webhooks do not.
//
//   node scripts/notify-demo.mjs [path/to/gongzhi]
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const bin = process.argv[2] ?? path.resolve('build/gongzhi');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gongzhi-notify-'));
const sms = path.join(dir, 'sms.jsonl');
const secret = 'demo-webhook-secret-0123';
const receiverPort = 9099;
const serverPort = 8090;
const base = `http://127.0.0.1:${serverPort}/api/v1`;
const children = [];

function start(args, prefix) {
  const child = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  const print = (chunk) => {
    for (const line of chunk.toString().split('\n')) if (line.trim()) console.log(`${prefix}${line}`);
  };
  child.stdout.on('data', print);
  child.stderr.on('data', prefix.startsWith('[receiver') ? print : () => {});
  return child;
}

function stopAll() {
  for (const child of children) child.kill('SIGTERM');
}
process.on('exit', stopAll);
process.on('SIGINT', () => process.exit(130));

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function call(token, method, route, body) {
  const response = await fetch(`${base}${route}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  const json = text ? JSON.parse(text) : {};
  if (!response.ok) throw new Error(`${method} ${route}: ${response.status} ${text}`);
  return json;
}

async function logIn(username) {
  return (await call(null, 'POST', '/auth/login', { username, password: 'gongzhi2026' })).token;
}

start(['notify-receiver', '--port', String(receiverPort), '--secret', secret], '[receiver] ');
start(
  // The receiver is on loopback, which channels reach only when the operator allows it.
  ['serve', '--demo', '--db', `sqlite:${path.join(dir, 'demo.db')}`, '--port', String(serverPort), '--sms-gateway', `file:${sms}`,
    '--notification-allow-private-hosts'],
  '[server] ',
);
console.log(`Generating the demo community in ${dir} (about a minute)…`);
for (let i = 0; ; i++) {
  try {
    if ((await fetch(`http://127.0.0.1:${serverPort}/healthz`)).ok) break;
  } catch {
    if (i > 600) throw new Error('the server did not start');
  }
  await sleep(500);
}

const staff = await logIn('staff');
const guide = await logIn('guide1');
const resident = await logIn('resident');
const me = (await call(resident, 'GET', '/me')).user;
const community = me.community_ids[0];
const receiver = `http://127.0.0.1:${receiverPort}`;

console.log('\n1. Staff connect the community’s group robots and an integrator’s webhook');
await call(staff, 'POST', '/notification-channels', {
  community_id: community, kind: 'wecom', name: '幸福里居民群（企业微信）',
  url: `${receiver}/cgi-bin/webhook/send?key=DEMO`, events: ['plan.notice_started', 'activity.published'],
});
await call(staff, 'POST', '/notification-channels', {
  community_id: community, kind: 'dingtalk', name: '网格员群（钉钉）',
  url: `${receiver}/robot/send?access_token=DEMO`, secret: 'SECdemo-dingtalk', events: ['plan.notice_started', 'activity.published', 'request.escalated'],
});
await call(staff, 'POST', '/notification-channels', {
  community_id: community, kind: 'webhook', name: '区级平台', url: `${receiver}/gongzhi/events`, secret, events: ['*'],
});

console.log('2. The resident gives a mobile and asks for an SMS on resolution; a guide verifies it');
await call(resident, 'PUT', '/notification-contact', { mobile: '13800138000', language: 'zh' });
await call(resident, 'PUT', '/notification-preferences', { kind: 'request.resolved', in_app: true, sms: true });
await call(guide, 'POST', `/notification-contacts/${me.id}/verify`, {});

console.log('3. The resident reports a leak; staff accept and resolve it, and call a meeting\n');
const request = await call(resident, 'POST', '/requests', { category: 'water_leak', description: '厨房天花板漏水，楼上好像没人' });
await call(staff, 'POST', `/requests/${request.id}/transitions`, { action: 'accept' });
await call(staff, 'POST', `/requests/${request.id}/transitions`, { action: 'resolve', note: '已联系楼上住户关闭阀门，更换了水管' });
await call(staff, 'POST', '/activities', {
  community_id: community, kind: 'meeting', channel: 'online_hall', title: '线上议事厅：电动车充电桩', capacity: 60,
});
console.log('4. Staff plan next quarter\'s community fund and publish it for its 7-day notice\n');
const plan = await call(staff, 'POST', '/allocation/plans', { community_id: community, quarter: '2027Q2', total: 2000000, unit: 'fen' });
await call(staff, 'POST', `/plans/${plan.id ?? plan.plan_id}/transitions`, { action: 'publish', note: '按需求评估结果拟定，公示7天' });
await sleep(3000);

console.log('\n5. The resident’s inbox (GET /api/v1/notifications):');
for (const item of (await call(resident, 'GET', '/notifications?limit=5')).items) {
  console.log(`   ${item.created_at}  ${item.title}：${item.message}`);
}
console.log(`\n6. The SMS the gateway received (${sms}):`);
console.log(fs.existsSync(sms) ? fs.readFileSync(sms, 'utf8').trim().replace(/^/gm, '   ') : '   (none)');
process.exit(0);
