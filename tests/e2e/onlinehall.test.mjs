// The online hall (线上议事厅, issue 19) in Debian's chromium against a real `gongzhi serve
// --demo`: staff on a desktop create an online-hall meeting with its video link (a wrong link is
// refused in Chinese, by the page and by the server), put an eligible proposal on its agenda and
// call the vote from the meeting desk; the demo resident on a phone (390×844) sees the big
// 进入视频会议 button, checks in with the code read out in the call and votes yes; the vote
// holds after a reload and in the API. Then the same database is served by a server whose clock
// stands after the meeting's end: the phone says the online vote is closed, and the server
// answers a late vote with 409 voting_closed.
//
// The meeting starts a few minutes before the server's now and ends an hour later; the server's
// clock is read from its Date header, never this machine's. Pages are saved to
// tests/e2e/screenshots/onlinehall-*.png.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { newDatabase, startServer } from './lib/server.mjs';
import { launchBrowser, newWatchedContext, phone, screenshot, unexpected } from './lib/browser.mjs';
import { logIn } from './lib/session.mjs';

const desktop = { viewport: { width: 1366, height: 860 } };
const VIDEO = 'https://meeting.tencent.com/dm/gongzhi-e2e-hall';

/** "2026-12-07T19:35" in Shanghai for an instant: what a datetime-local field takes. */
function shanghaiLocal(epochMs) {
  return new Date(epochMs + 8 * 3_600_000).toISOString().slice(0, 16);
}
/** "2026-12-03T08:00:00.000+08:00" for an instant, as the server reads --now. */
function shanghaiIso(epochMs) {
  return `${new Date(epochMs + 8 * 3_600_000).toISOString().slice(0, 23)}+08:00`;
}

/** The server's now, from the Date header of an API answer. */
async function serverNow(request) {
  const response = await request.get('/api/v1/site');
  return Date.parse(response.headers()['date']);
}

describe('the online hall: a video meeting, check-in and a vote on a phone', { timeout: 600_000 }, () => {
  const database = newDatabase();
  let server;
  let browser;
  const contexts = [];
  const story = { meetingId: 0, proposalId: 0, code: '', endsAt: '' };

  async function openAs(username, options) {
    const watched = await newWatchedContext(browser, server.baseUrl, options);
    contexts.push(watched);
    const page = await watched.context.newPage();
    if (username) await logIn(page, username);
    return { page, ...watched };
  }

  before(async () => {
    browser = await launchBrowser();
    server = await startServer({ db: database });
  });

  after(async () => {
    for (const { context } of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
    database.remove();
  });

  it('lets staff create an online-hall meeting with its video link and call a vote on it', async () => {
    const staff = await openAs('staff', desktop);
    const { page } = staff;
    const now = await serverNow(staff.context.request);
    await page.goto('/staff/meetings');
    await page.locator('[data-test="activity-form"]').waitFor();
    await page.getByLabel('渠道').selectOption('online_hall');
    // The video link field appears with the online hall only.
    await page.getByLabel(/视频会议链接/).waitFor();
    await page.getByLabel('名称').fill('线上议事厅：电动车充电桩（e2e）');
    await page.getByLabel('开始时间').fill(shanghaiLocal(now - 5 * 60_000));
    await page.getByLabel('结束时间').fill(shanghaiLocal(now + 60 * 60_000));
    await page.getByLabel(/视频会议链接/).fill('http://meeting.tencent.com/dm/insecure');
    await page.locator('[data-test="activity-create"]').click();
    await page.locator('[data-test="video-error"]').filter({ hasText: '视频会议链接要以 https:// 开头' }).waitFor();
    assert.match(page.url(), /\/staff\/meetings$/, 'nothing was created');
    await screenshot(page, 'onlinehall-staff-form-desktop');
    // The server refuses such a link too (400 invalid_video_url), whatever the page lets by.
    const refused = await staff.context.request.post('/api/v1/activities', {
      data: { community_id: 1, kind: 'meeting', channel: 'online_hall', title: 'x', video_url: 'http://x.cn/1' },
      headers: { 'Idempotency-Key': `hall-refused-${Date.now()}` },
    });
    assert.equal(refused.status(), 400);
    assert.equal((await refused.json()).error.code, 'invalid_video_url');

    await page.getByLabel(/视频会议链接/).fill(VIDEO);
    await page.locator('[data-test="activity-create"]').click();
    await page.waitForURL(/\/staff\/meetings\/\d+$/);
    story.meetingId = Number(new URL(page.url()).pathname.split('/').pop());
    const stored = await (await staff.context.request.get(`/api/v1/activities/${story.meetingId}`)).json();
    assert.equal(stored.channel, 'online_hall');
    assert.equal(stored.video_url, VIDEO);
    assert.equal(stored.self_checkin_open, true, 'the meeting is under way by the server’s clock');
    story.endsAt = stored.ends_at;
    assert.equal(await page.locator('[data-test="desk-video"] a').getAttribute('href'), VIDEO);
    story.code = (await page.locator('[data-test="checkin-code"]').textContent()).trim();
    assert.match(story.code, /^\w{4,}$/);

    const eligible = await (await staff.context.request.get('/api/v1/proposals?community_id=1&state=eligible')).json();
    const proposal = eligible.items[0];
    assert.ok(proposal, 'the demo has an eligible proposal');
    story.proposalId = proposal.id;
    await page.getByLabel('把提案列入本次会议').selectOption(String(proposal.id));
    await page.locator('[data-test="agenda-add"]').click();
    const item = page.locator(`[data-test="agenda-proposal"][data-proposal="${proposal.id}"]`);
    await item.locator('[data-test="motion"]').filter({ hasText: '已列入议程' }).waitFor();
    for (const [step, shown] of [['move', '已提出动议'], ['second', '讨论中'], ['call_vote', '表决中']]) {
      await item.locator(`[data-step="${step}"]`).click();
      await item.locator('[data-test="motion"]').filter({ hasText: shown }).waitFor();
    }
    await screenshot(page, 'onlinehall-staff-desk-desktop');
    assert.deepEqual(unexpected(staff.problems), []);
  });

  it('lets the demo resident join the video, check in with the code and vote on a phone', async () => {
    const resident = await openAs('resident', phone);
    const { page } = resident;
    await page.goto('/resident/activities');
    const card = page.locator(`[data-test="activity"][data-activity="${story.meetingId}"]`);
    await card.waitFor();
    const join = card.locator('[data-test="video-join"]');
    assert.equal(await join.getAttribute('href'), VIDEO);
    assert.equal(await join.getAttribute('target'), '_blank');
    await card.scrollIntoViewIfNeeded();
    await screenshot(page, 'onlinehall-resident-list-phone');

    await card.locator('[data-test="hall-open"]').click();
    await page.waitForURL(new RegExp(`/resident/activities/${story.meetingId}$`));
    const panel = page.locator('[data-test="online-hall"]');
    const bigJoin = panel.locator('[data-test="video-join"]');
    await bigJoin.waitFor();
    assert.equal(await bigJoin.getAttribute('href'), VIDEO);
    const box = await bigJoin.boundingBox();
    assert.ok(box.height >= 44 && box.width >= 300, `a big button on the phone (${box.width}×${box.height})`);
    // The vote needs a check-in first: the server says so, in Chinese.
    const vote = page.locator(`[data-test="hall-vote"][data-proposal="${story.proposalId}"]`);
    await vote.locator('[data-choice="yes"]').waitFor();
    await panel.getByLabel('签到码').fill('000000');
    await panel.locator('[data-test="hall-checkin-submit"]').click();
    await panel.locator('[data-test="hall-error"]').filter({ hasText: '签到码不对' }).waitFor();
    await panel.getByLabel('签到码').fill(story.code);
    await panel.locator('[data-test="hall-checkin-submit"]').click();
    await panel.locator('[data-test="hall-done"]').filter({ hasText: /签到成功/ }).waitFor();
    await vote.locator('[data-choice="yes"]').click();
    await vote.locator('[data-test="vote-done"]').filter({ hasText: '已投“赞成”' }).waitFor();
    await screenshot(page, 'onlinehall-resident-voted-phone');

    // After a reload the tally holds the household's vote, and the API says the same.
    await page.reload();
    await vote.locator('[data-test="hall-tally"]').filter({ hasText: '赞成 1' }).waitFor();
    assert.match(await vote.locator('[data-test="hall-tally"]').textContent(), /已签到 1 户/);
    const proposal = await (await resident.context.request.get(`/api/v1/proposals/${story.proposalId}`)).json();
    const item = proposal.agenda.at(-1);
    assert.equal(item.activity_id, story.meetingId);
    assert.deepEqual([item.present_households, item.yes, item.no, item.abstain], [1, 1, 0, 0]);
    assert.equal(item.my_vote, 'yes');
    assert.equal(item.my_household_present, true);
    // The page says how the household voted and offers no second vote; the server refuses one.
    await vote.locator('[data-test="my-vote"]').filter({ hasText: '赞成' }).waitFor();
    assert.equal(await vote.locator('[data-choice]').count(), 0, 'no second vote offered');
    await page.locator('[data-test="hall-present"]').waitFor();
    const again = await resident.context.request.post(`/api/v1/proposals/${story.proposalId}/votes`, {
      data: { choice: 'no' },
      headers: { 'Idempotency-Key': `e2e-second-${Date.now()}` },
    });
    assert.equal(again.status(), 409);
    assert.equal((await again.json()).error.code, 'already_voted');

    // The proposal's own page opens the same video room and the check-in.
    await page.goto(`/resident/proposals/${story.proposalId}`);
    assert.equal(await page.locator('[data-test="online-hall"] [data-test="video-join"]').getAttribute('href'), VIDEO);
    await screenshot(page, 'onlinehall-resident-proposal-phone');
    assert.deepEqual(unexpected(resident.problems, [400, 409]), []);
  });

  it('closes the online vote when the meeting has ended, said in Chinese', async () => {
    await server.stop();
    server = await startServer({ db: database, args: ['--now', shanghaiIso(Date.parse(story.endsAt) + 2 * 60_000)] });
    const resident = await openAs('resident', phone);
    const { page } = resident;
    await page.goto(`/resident/activities/${story.meetingId}`);
    await page.locator('[data-test="hall-ended"]').filter({ hasText: '线上议事已结束，表决已关闭' }).waitFor();
    const vote = page.locator(`[data-test="hall-vote"][data-proposal="${story.proposalId}"]`);
    await vote.locator('[data-test="vote-closed"]').filter({ hasText: '线上议事已结束，表决已关闭' }).waitFor();
    assert.equal(await vote.locator('[data-choice]').count(), 0, 'no vote buttons after the end');
    await screenshot(page, 'onlinehall-resident-ended-phone');
    const late = await resident.context.request.post(`/api/v1/proposals/${story.proposalId}/votes`, {
      data: { choice: 'no' },
      headers: { 'Idempotency-Key': `hall-late-${Date.now()}` },
    });
    assert.equal(late.status(), 409);
    assert.equal((await late.json()).error.code, 'voting_closed');
    await page.goto(`/resident/proposals/${story.proposalId}`);
    await page.locator('[data-test="vote-closed"]').filter({ hasText: '线上议事已结束' }).waitFor();
    assert.deepEqual(unexpected(resident.problems), []);
  });
});
