// Discussion with moderation (issue 21) in Debian's chromium against a real `gongzhi serve
// --demo`: on a phone (390×844) the demo resident comments on a proposal (the counter counts);
// staff on a desktop reply from the proposal's discussion page; the resident sees the reply
// nested under the comment with the 社区工作人员 badge and the inbox message; a neighbour's
// comment is flagged by three other households (resident, zhuliren, weiyuan2 — each checked
// through /me not to be the author's household) and shows as hidden; staff find it in 评论审核
// (subject, reasons, text) and hide it with a public reason, and the resident reads that reason
// in the thread after a reload (the author is told); staff, reading the hidden text greyed with
// its flags, restore it from the thread; a withdrawn notice's thread says comments are closed.
//
// Subjects come from the API: the first proposal whose thread is open, a notice staff publish
// and withdraw. Pages are saved to tests/e2e/screenshots/discussion-*.png.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { request } from 'playwright-core';
import { startServer } from './lib/server.mjs';
import { clickMenuLink, launchBrowser, newWatchedContext, phone, screenshot, screenshotDir, unexpected } from './lib/browser.mjs';
import { DEMO_PASSWORD, logIn } from './lib/session.mjs';

const desktop = { viewport: { width: 1366, height: 860 } };
const COMMUNITY = 1;
const screenshotView = (page, name) => page.screenshot({ path: path.join(screenshotDir, `${name}.png`) });

async function apiAs(baseURL, username) {
  const client = await request.newContext({ baseURL });
  const login = await client.post('/api/v1/auth/login', { data: { username, password: DEMO_PASSWORD } });
  assert.equal(login.status(), 200, await login.text());
  const call = async (method, url, data, expected = [200, 201]) => {
    const response = await client.fetch(url, { method, data });
    assert.ok(expected.includes(response.status()), `${method} ${url}: ${response.status()} ${await response.text()}`);
    return response.json();
  };
  return {
    get: (url) => call('GET', url),
    post: (url, data) => call('POST', url, data),
    dispose: () => client.dispose(),
  };
}

describe('讨论: residents comment and flag, staff reply and moderate', { timeout: 600_000 }, () => {
  let server;
  let browser;
  const contexts = [];
  const story = { proposal: { id: 0, title: '' }, comment: '', reply: '', rude: { id: 0, body: '' }, notice: 0 };

  async function openAs(username, options) {
    const watched = await newWatchedContext(browser, server.baseUrl, options);
    contexts.push(watched);
    const page = await watched.context.newPage();
    if (username) await logIn(page, username);
    return { page, ...watched };
  }

  const commentCard = (page, text) => page.locator('[data-test="comment"]').filter({ hasText: text });

  before(async () => {
    browser = await launchBrowser();
    server = await startServer();
    const resident = await apiAs(server.baseUrl, 'resident');
    const proposals = await resident.get(`/api/v1/proposals?community_id=${COMMUNITY}`);
    for (const proposal of proposals.items) {
      const thread = await resident.get(`/api/v1/comments?subject_type=proposal&subject_id=${proposal.id}`);
      if (thread.open) {
        story.proposal = { id: proposal.id, title: proposal.title };
        break;
      }
    }
    assert.ok(story.proposal.id, 'the demo has a proposal taking comments');
    await resident.dispose();
    story.comment = `建议${story.proposal.title}先在1号楼试点，周末可以来帮忙。`;
    story.reply = '感谢建议，已转给议事会，下次会议一并讨论。';
  });

  after(async () => {
    for (const { context } of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
  });

  it('lets the resident on a phone comment on a proposal', async () => {
    const { page, problems } = await openAs('resident', phone);
    await page.goto(`/resident/proposals/${story.proposal.id}`);
    const thread = page.locator('[data-test="discussion"]');
    await thread.waitFor();
    const form = thread.locator('[data-test="comment-form"]').last();
    await form.locator('textarea').fill(story.comment);
    assert.equal(await form.locator('[data-test="comment-counter"]').textContent(), `${[...story.comment].length}/1000 字`);
    await form.locator('[data-test="comment-submit"]').click();
    await commentCard(page, story.comment).waitFor();
    assert.match(await thread.locator('[data-test="discussion-done"]').textContent(), /已发表/);
    // The submit button is a large target.
    const box = await form.locator('[data-test="comment-submit"]').boundingBox();
    assert.ok(box.height >= 44, `submit ${box.height}px high`);
    await thread.scrollIntoViewIfNeeded();
    await screenshot(page, 'discussion-comment-phone');
    assert.deepEqual(unexpected(problems), []);
  });

  it('lets staff on a desktop reply from the proposal’s discussion page', async () => {
    const { page, problems } = await openAs('staff', desktop);
    await page.goto(`/staff/proposals/${story.proposal.id}`);
    assert.equal(await page.locator('[data-test="proposal-title"]').textContent(), story.proposal.title);
    const comment = commentCard(page, story.comment);
    await comment.waitFor();
    // Staff see the resident's name unmasked and their building.
    assert.equal(await comment.locator('[data-test="comment-author"]').textContent(), '张文博');
    await comment.locator('[data-test="comment-reply"]').click();
    const form = page.locator('[data-test="comment-thread"]').filter({ has: comment }).locator('[data-test="comment-form"]');
    await form.locator('textarea').fill(story.reply);
    await form.locator('[data-test="comment-submit"]').click();
    await page.locator('[data-test="comment-replies"] [data-test="comment"]').filter({ hasText: story.reply }).waitFor();
    await screenshot(page, 'discussion-staff-reply-desktop');
    assert.deepEqual(unexpected(problems), []);
  });

  it('shows the resident the reply nested under the comment and the inbox message', async () => {
    const { page, problems } = await openAs('resident', phone);
    await page.goto(`/resident/proposals/${story.proposal.id}`);
    const item = page.locator('[data-test="comment-thread"]').filter({ has: commentCard(page, story.comment) });
    const reply = item.locator('[data-test="comment-replies"] [data-test="comment"]').filter({ hasText: story.reply });
    await reply.waitFor();
    assert.equal(await reply.locator('[data-test="comment-role"]').textContent(), '社区工作人员');
    assert.equal(await reply.locator('[data-test="comment-reply"]').count(), 0, 'no reply to a reply');
    await item.scrollIntoViewIfNeeded();
    await screenshotView(page, 'discussion-reply-phone');
    // 大字模式 keeps the thread readable and its buttons large.
    await page.locator('[data-test="elderly-toggle"]').click();
    await item.scrollIntoViewIfNeeded();
    const replyButton = await item.locator('[data-test="comment-reply"]').first().boundingBox();
    assert.ok(replyButton.height >= 50, `回复 ${replyButton.height}px high in large type`);
    await screenshotView(page, 'discussion-reply-elderly-phone');
    await page.locator('[data-test="elderly-toggle"]').click();
    await page.goto('/inbox');
    const message = page.locator('[data-test="inbox-item"]').filter({ hasText: '评论有回复' });
    await message.first().waitFor();
    assert.match(await message.first().textContent(), new RegExp(story.proposal.title));
    await screenshotView(page, 'discussion-inbox-phone');
    assert.deepEqual(unexpected(problems), []);
  });

  it('hides a neighbour’s comment once three other households flag it', async () => {
    const author = await apiAs(server.baseUrl, 'weiyuan3');
    const authorHousehold = (await author.get('/api/v1/me')).user.household_id;
    story.rude.body = '提这个提案的人脑子有问题，纯属浪费钱。';
    story.rude.id = (
      await author.post('/api/v1/comments', { subject_type: 'proposal', subject_id: story.proposal.id, body: story.rude.body })
    ).id;
    await author.dispose();
    const flaggers = ['resident', 'zhuliren', 'weiyuan2'];
    const households = new Set();
    for (const username of flaggers) {
      const client = await apiAs(server.baseUrl, username);
      const household = (await client.get('/api/v1/me')).user.household_id;
      await client.dispose();
      assert.notEqual(household, authorHousehold, `${username} is not of the author's household`);
      households.add(household);
    }
    assert.equal(households.size, 3, 'three households');
    const reasons = ['abuse', 'abuse', 'off_topic'];
    for (const [index, username] of flaggers.entries()) {
      const { page, problems } = await openAs(username, phone);
      await page.goto(`/resident/proposals/${story.proposal.id}`);
      const comment = commentCard(page, story.rude.body);
      await comment.waitFor();
      // Neighbours see a masked name and the building.
      assert.match(await comment.locator('[data-test="comment-author"]').textContent(), /\*/);
      await comment.locator('[data-test="comment-flag"]').click();
      const dialog = page.locator('[data-test="flag-dialog"]');
      await dialog.waitFor();
      await dialog.locator(`[data-reason="${reasons[index]}"]`).check();
      if (index === 0) await screenshotView(page, 'discussion-flag-phone');
      await dialog.locator('[data-test="flag-confirm"]').click();
      await dialog.waitFor({ state: 'hidden' });
      assert.match(await page.locator('[data-test="discussion-done"]').textContent(), /已收到您的举报/);
      if (index < 2) {
        await comment.locator('[data-test="comment-flagged"]').waitFor();
      } else {
        const hidden = page.locator(`[data-comment="${story.rude.id}"]`);
        assert.equal(await hidden.locator('[data-test="comment-hidden"]').textContent(), '该评论已被隐藏：多位居民举报，等待社区工作人员审核');
        assert.equal(await hidden.locator('[data-test="comment-body"]').count(), 0);
        await hidden.scrollIntoViewIfNeeded();
        await screenshotView(page, 'discussion-hidden-by-flags-phone');
      }
      assert.deepEqual(unexpected(problems), []);
    }
  });

  it('lets staff hide it in 评论审核 with a public reason, which the resident reads after a reload', async () => {
    const { page, problems } = await openAs('staff', desktop);
    await clickMenuLink(page, '评论审核');
    await page.waitForURL(/\/staff\/moderation$/);
    const item = page.locator(`[data-test="queue-item"][data-comment="${story.rude.id}"]`);
    await item.waitFor();
    assert.equal(await item.locator('[data-test="queue-subject"]').textContent(), story.proposal.title);
    assert.equal(await item.locator('[data-test="queue-body"]').textContent(), story.rude.body);
    const reasons = await item.locator('[data-test="queue-reasons"]').textContent();
    assert.match(reasons, /举报 3 次/);
    assert.match(reasons, /辱骂或人身攻击 ×2/);
    assert.match(reasons, /与主题无关/);
    assert.match(await item.locator('[data-test="queue-state"]').textContent(), /已被举报隐藏/);
    await screenshot(page, 'discussion-moderation-desktop');
    await item.locator('[data-test="queue-hide"]').click();
    const dialog = page.locator('[data-test="hide-dialog"]');
    await dialog.locator('[data-test="hide-confirm"]').click();
    assert.match(await dialog.locator('[data-test="hide-error"]').textContent(), /请写下隐藏的理由/);
    await dialog.locator('[data-test="hide-reason"]').fill('含有人身攻击，已隐藏');
    await screenshotView(page, 'discussion-hide-dialog-desktop');
    await dialog.locator('[data-test="hide-confirm"]').click();
    await item.waitFor({ state: 'detached' });
    await page.reload();
    await page.locator('[data-test="moderation-queue"], [data-test="queue-empty"]').first().waitFor();
    assert.equal(await page.locator(`[data-test="queue-item"][data-comment="${story.rude.id}"]`).count(), 0, 'reviewed');
    assert.deepEqual(unexpected(problems), []);

    const resident = await openAs('resident', phone);
    await resident.page.goto(`/resident/proposals/${story.proposal.id}`);
    const hidden = resident.page.locator(`[data-comment="${story.rude.id}"]`);
    await hidden.waitFor();
    await resident.page.reload();
    await hidden.locator('[data-test="comment-hidden"]').waitFor();
    assert.equal(await hidden.locator('[data-test="comment-hidden"]').textContent(), '该评论已被隐藏：含有人身攻击，已隐藏');
    await hidden.scrollIntoViewIfNeeded();
    await screenshotView(resident.page, 'discussion-hidden-reason-phone');
    assert.deepEqual(unexpected(resident.problems), []);
    // The author was told, with the reason.
    const author = await apiAs(server.baseUrl, 'weiyuan3');
    const inbox = await author.get('/api/v1/notifications?limit=20');
    assert.ok(inbox.items.some((message) => message.kind === 'comment.hidden' && message.message.includes('含有人身攻击，已隐藏')));
    await author.dispose();
  });

  it('lets staff restore a hidden comment from the thread', async () => {
    const { page, problems } = await openAs('staff', desktop);
    await page.goto(`/staff/proposals/${story.proposal.id}`);
    const hidden = page.locator(`[data-comment="${story.rude.id}"]`);
    await hidden.waitFor();
    // Staff still read the text, greyed, with the flags.
    assert.equal(await hidden.locator('[data-test="comment-body"]').textContent(), story.rude.body);
    assert.equal(await hidden.locator('[data-test="comment-flags"]').textContent(), '举报 3 次');
    await hidden.locator('[data-test="comment-restore"]').click();
    await hidden.locator('[data-test="comment-hidden"]').waitFor({ state: 'detached' });
    await page.reload();
    await hidden.locator('[data-test="comment-hide"]').waitFor();
    assert.equal(await hidden.getAttribute('data-status'), 'visible');
    assert.deepEqual(unexpected(problems), []);
  });

  it('lets a resident comment on a plan in public notice; a closed plan’s thread is closed; a visitor is asked to log in', async () => {
    const notices = await (await fetch(`${server.baseUrl}/api/v1/public/notices?community_id=${COMMUNITY}`)).json();
    const inNotice = notices.items.find((plan) => plan.state === 'public_notice' && plan.objections_open);
    const closed = notices.items.find((plan) => plan.state === 'closed');
    assert.ok(inNotice && closed, 'the demo has a plan in public notice and a closed one');
    const { page, problems } = await openAs('zhuliren', phone);
    await page.goto(`/board/plans/${inNotice.plan_id}`);
    const thread = page.locator('[data-test="discussion"]');
    const form = thread.locator('[data-test="comment-form"]').last();
    await form.locator('textarea').fill('公示的方案里助餐点的名额能不能多给高龄独居老人？');
    await form.locator('[data-test="comment-submit"]').click();
    await commentCard(page, '助餐点的名额').waitFor();
    await thread.scrollIntoViewIfNeeded();
    await screenshotView(page, 'discussion-plan-phone');
    await page.goto(`/board/plans/${closed.plan_id}`);
    assert.equal(await page.locator('[data-test="discussion-closed"]').textContent(), '方案不在公示期内，评论已关闭。');
    assert.deepEqual(unexpected(problems), []);
    const visitor = await openAs(null, phone);
    await visitor.page.goto(`/board/plans/${inNotice.plan_id}`);
    await visitor.page.locator('[data-test="discussion-login"]').waitFor();
    assert.equal(await visitor.page.locator('[data-test="discussion"]').count(), 0);
    assert.deepEqual(unexpected(visitor.problems), []);
  });

  it('lets staff open a notice’s discussion on the announcements page', async () => {
    const { page, problems } = await openAs('staff', desktop);
    await page.goto('/staff/announcements');
    const card = page.locator('[data-test="staff-notice"]').first();
    await card.locator('[data-test="comments-toggle"]').click();
    await card.locator('[data-test="discussion"]').waitFor();
    await card.locator('[data-test="discussion-count"]').waitFor();
    assert.deepEqual(unexpected(problems), []);
  });

  it('says a withdrawn notice’s comments are closed', async () => {
    const staff = await apiAs(server.baseUrl, 'staff');
    const notice = await staff.post('/api/v1/announcements', {
      community_id: COMMUNITY,
      kind: 'event',
      title: '周六广场电影放映',
      body: '周六晚七点在中心广场放映电影。',
    });
    await staff.post(`/api/v1/announcements/${notice.id}/withdraw`, { reason: '天气原因，活动取消' });
    await staff.dispose();
    const { page, problems } = await openAs('resident', phone);
    await page.goto(`/resident/notices/${notice.id}`);
    const closed = page.locator('[data-test="discussion-closed"]');
    await closed.waitFor();
    assert.equal(await closed.textContent(), '这条公告已撤回，评论已关闭。');
    assert.equal(await page.locator('[data-test="comment-form"]').count(), 0);
    await screenshot(page, 'discussion-withdrawn-notice-phone');
    assert.deepEqual(unexpected(problems), []);
  });
});
