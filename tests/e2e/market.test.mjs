// 时间银行 · 互助集市 (issue 21, as TimeOverflow) in Debian's chromium against a real
// `gongzhi serve --demo`: on a phone (390×844) the demo `resident` posts an offer for a member of
// the household (chosen by name); `zhuliren` (another household) finds it under 我能帮 filtered
// by service, sees a masked name, the building and an age band (never the full name), answers
// it for a member; `resident` opens the inbox message, accepts the answer in 我的发布 and records
// 60 minutes from the match (nobody types a resident number); `zhuliren` confirms the service
// under 我的时间 and the minutes show in the member's balance (the page after a reload, and the
// API); a request accepted by its poster disappears from the open list; staff on a desktop see
// the community's posts with the poster's name and take one down; a guide on a phone, in large
// type, posts a request and answers an offer for an elderly resident found by name and door.
//
// Names, buildings and balances come from the API, so the test holds at any GONGZHI_NOW. Pages
// are saved to tests/e2e/screenshots/market-*.png.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'playwright-core';
import { startServer } from './lib/server.mjs';
import { clickMenuLink, launchBrowser, newWatchedContext, phone, screenshot, unexpected } from './lib/browser.mjs';
import { DEMO_PASSWORD, logIn } from './lib/session.mjs';

const desktop = { viewport: { width: 1366, height: 860 } };
const COMMUNITY = 1;
const AGE = { under_60: '不到60岁', '60s': '60多岁', '70s': '70多岁', '80_plus': '80岁以上' };
/** The time bank's "{h} 小时 {m} 分" of the account cards. */
const duration = (minutes) => `${Math.floor(minutes / 60)} 小时 ${minutes % 60} 分`;

async function apiAs(baseURL, username) {
  const client = await request.newContext({ baseURL });
  const login = await client.post('/api/v1/auth/login', { data: { username, password: DEMO_PASSWORD } });
  assert.equal(login.status(), 200, await login.text());
  const call = async (method, url, data) => {
    const response = await client[method](url, data === undefined ? undefined : { data });
    const text = await response.text();
    assert.ok(response.status() < 300, `${method.toUpperCase()} ${url}: ${response.status()} ${text}`);
    return JSON.parse(text);
  };
  return {
    get: (url) => call('get', url),
    post: (url, data) => call('post', url, data ?? {}),
    dispose: () => client.dispose(),
  };
}

async function householdOf(api) {
  const me = await api.get('/api/v1/me');
  return api.get(`/api/v1/households/${me.user.household_id}`);
}

describe('互助集市: an offer answered, accepted, recorded and confirmed', { timeout: 600_000 }, () => {
  let server;
  let browser;
  const contexts = [];
  const story = { title: '教老人用智能手机挂号', member: null, building: '', helper: null, postId: 0, before: 0, requestTitle: '' };

  async function openAs(username, options) {
    const watched = await newWatchedContext(browser, server.baseUrl, options);
    contexts.push(watched);
    const page = await watched.context.newPage();
    page.on('dialog', (dialog) => void dialog.accept());
    if (username) await logIn(page, username);
    return { page, ...watched };
  }

  before(async () => {
    browser = await launchBrowser();
    server = await startServer();
    const resident = await apiAs(server.baseUrl, 'resident');
    const home = await householdOf(resident);
    // The second member, so the page's member choice is exercised (not just its default).
    story.member = home.residents[1] ?? home.residents[0];
    story.building = home.building;
    story.before = (await resident.get(`/api/v1/timebank/accounts/${story.member.id}`)).balance;
    await resident.dispose();
    const zhuliren = await apiAs(server.baseUrl, 'zhuliren');
    story.helper = (await householdOf(zhuliren)).residents[0];
    await zhuliren.dispose();
  });

  after(async () => {
    for (const { context } of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
  });

  it('lets the resident on a phone post an offer for a member of the household', async () => {
    const { page, problems } = await openAs('resident', phone);
    await clickMenuLink(page, '时间银行');
    await page.waitForURL(/\/resident\/timebank/);
    await page.getByText('低龄老人服务高龄老人，服务时长存入时间银行，将来可以兑换别人的服务').waitFor();
    await page.getByRole('tab', { name: '互助集市' }).click();
    await page.locator('[data-test="market-post"]').first().waitFor();
    await page.getByRole('button', { name: '发布一条' }).click();
    const form = page.locator('[data-test="post-form"]');
    await form.getByLabel('为哪位家人发布').selectOption({ label: story.member.name });
    await form.getByRole('button', { name: '我能帮别人' }).click();
    await form.getByLabel('服务内容').selectOption({ label: '手机电脑帮忙' });
    await form.getByLabel('标题').fill(story.title);
    await form.getByLabel('详细说明').fill('会用手机预约挂号、视频通话，可以上门教');
    await form.getByLabel('方便的时间').fill('周末上午');
    await form.getByRole('button', { name: '发布', exact: true }).click();
    await form.locator('[data-test="post-done"]').waitFor();
    const card = page.locator('[data-test="market-post"]', { hasText: story.title });
    await card.waitFor();
    await card.getByText('我家发布的').waitFor();
    assert.equal(await card.locator('[data-test="post-answer"]').count(), 0, 'no answering one\'s own post');
    await screenshot(page, 'market-post-phone');
    // The server holds it for that member.
    const resident = await apiAs(server.baseUrl, 'resident');
    const mine = await resident.get(`/api/v1/timebank/posts?community_id=${COMMUNITY}&mine=true`);
    const post = mine.items.find((item) => item.title === story.title);
    assert.ok(post, 'the post is on file');
    assert.equal(post.resident_id, story.member.id);
    assert.equal(post.kind, 'offer');
    assert.equal(post.service_type, 'tech_help');
    story.postId = post.id;
    story.ageBand = post.age_band;
    await resident.dispose();
    assert.deepEqual(unexpected(problems), []);
  });

  it('lets a neighbour find it under 我能帮 by service, masked, and answer it', async () => {
    const { page, problems } = await openAs('zhuliren', phone);
    await page.goto('/resident/timebank?tab=board');
    await page.locator('[data-test="market-post"]').first().waitFor();
    await page.getByRole('button', { name: '我能帮', exact: true }).click();
    await page.getByLabel('服务内容').selectOption({ label: '手机电脑帮忙' });
    const card = page.locator('[data-test="market-post"]', { hasText: story.title });
    await card.waitFor();
    // Every card listed is an offer of that service.
    const kinds = await page.locator('[data-test="post-kind"]').allInnerTexts();
    assert.ok(kinds.length > 0 && kinds.every((text) => text === '能帮忙'), kinds.join(','));
    const services = await page.locator('[data-test="post-service"]').allInnerTexts();
    assert.ok(services.every((text) => text === '手机电脑帮忙'), services.join(','));
    const masked = `${[...story.member.name][0]}**`;
    const line = [masked, story.building, AGE[story.ageBand]].filter(Boolean).join(' · ');
    assert.equal((await card.locator('[data-test="post-neighbour"]').innerText()).trim(), line);
    assert.equal(await page.getByText(story.member.name).count(), 0, 'the full name is not shown');
    await card.getByRole('button', { name: '我来响应' }).click();
    const answer = card.locator('[data-test="respond-form"]');
    await answer.getByLabel('由哪位家人响应').selectOption({ label: story.helper.name });
    await answer.getByLabel('留言（选填）').fill('我家老人想学手机挂号，周六上午在家');
    await screenshot(page, 'market-answer-phone');
    await answer.getByRole('button', { name: '发送响应' }).click();
    await card.locator('[data-test="post-notice"]').filter({ hasText: '已发送' }).waitFor();
    await card.getByText('已有 1 人响应').waitFor();
    assert.deepEqual(unexpected(problems), []);
  });

  it('lets the resident open the message, accept the answer and record 60 minutes from the match', async () => {
    const { page, problems } = await openAs('resident', phone);
    await page.goto('/inbox');
    // The server's message names the post; the kind's label names it in the settings below.
    await page.locator('[data-test="inbox-item"]', { hasText: story.title }).first().click();
    await page.waitForURL(/\/resident\/timebank\?tab=mine/);
    const card = page.locator('[data-test="my-posts"] [data-test="market-post"]', { hasText: story.title });
    // Our own household reads the member's full name.
    await card.locator('[data-test="post-neighbour"]').filter({ hasText: story.member.name }).waitFor();
    const response = card.locator('[data-test="post-response"]');
    await response.getByText(story.helper.name).waitFor();
    await response.getByText('我家老人想学手机挂号').waitFor();
    await response.getByRole('button', { name: '同意' }).click();
    const record = response.locator('[data-test="match-record"]');
    await record.waitFor();
    // Prefilled from the post: an hour, its title as the note.
    assert.equal(await record.getByLabel('服务时长').inputValue(), '60');
    assert.equal(await record.getByLabel('备注（选填）').inputValue(), story.title);
    const steps = await record.getByLabel('服务时长').locator('option').evaluateAll((options) => options.map((o) => Number(o.value)));
    assert.deepEqual(steps.slice(0, 4), [15, 30, 45, 60]);
    assert.ok(steps.every((value) => value % 15 === 0));
    await screenshot(page, 'market-accept-phone');
    await record.getByRole('button', { name: '提交记录' }).click();
    await response.locator('[data-test="match-status"]').filter({ hasText: '服务已记录' }).waitFor();
    assert.deepEqual(unexpected(problems), []);
  });

  it('lets the neighbour confirm the service, and the minutes reach the member', async () => {
    const { page, problems } = await openAs('zhuliren', phone);
    await page.goto('/resident/timebank');
    const item = page.locator('[data-test="to-confirm"] li', { hasText: story.title });
    await item.locator('[data-test="confirm-from"]').waitFor();
    await screenshot(page, 'market-confirm-phone');
    await item.getByRole('button', { name: '确认收到' }).click();
    await item.waitFor({ state: 'detached' });
    assert.deepEqual(unexpected(problems), []);

    const resident = await openAs('resident', phone);
    await resident.page.goto('/resident/timebank');
    await resident.page.reload();
    const balance = resident.page.locator(`[data-resident="${story.member.id}"] [data-test="timebank-balance"]`);
    await balance.filter({ hasText: duration(story.before + 60) }).waitFor();
    await screenshot(resident.page, 'market-balance-phone');
    const api = await apiAs(server.baseUrl, 'resident');
    assert.equal((await api.get(`/api/v1/timebank/accounts/${story.member.id}`)).balance, story.before + 60);
    await api.dispose();
    assert.deepEqual(unexpected(resident.problems), []);
  });

  it('takes a request off the open list once its poster accepts an answer (desktop)', async () => {
    // zhuliren asks (API); the resident answers through the page; zhuliren accepts on a desktop.
    const zhuliren = await apiAs(server.baseUrl, 'zhuliren');
    story.requestTitle = '想请人帮忙代买菜';
    const asked = await zhuliren.post('/api/v1/timebank/posts', {
      resident_id: story.helper.id,
      kind: 'request',
      service_type: 'shopping',
      title: story.requestTitle,
      availability: '工作日上午',
    });
    const helper = await openAs('resident', phone);
    await helper.page.goto('/resident/timebank?tab=board');
    await helper.page.getByRole('button', { name: '我需要', exact: true }).click();
    const card = helper.page.locator('[data-test="market-post"]', { hasText: story.requestTitle });
    await card.getByRole('button', { name: '我要帮忙' }).click();
    await card.getByRole('button', { name: '发送响应' }).click();
    await card.locator('[data-test="post-notice"]').waitFor();

    const poster = await openAs('zhuliren', desktop);
    await poster.page.goto('/resident/timebank?tab=mine');
    const mine = poster.page.locator('[data-test="my-posts"] [data-test="market-post"]', { hasText: story.requestTitle });
    await mine.getByRole('button', { name: '同意' }).click();
    await mine.getByText('已结束').waitFor();
    await screenshot(poster.page, 'market-mine-desktop');

    await helper.page.reload();
    await helper.page.getByRole('button', { name: '我需要', exact: true }).click();
    await helper.page.locator('[data-test="market-post"]').first().waitFor();
    assert.equal(await helper.page.locator('[data-test="market-post"]', { hasText: story.requestTitle }).count(), 0);
    // For a request the one who answered gives the service: the resident records it.
    await helper.page.goto('/resident/timebank?tab=mine');
    await helper.page.locator('[data-test="our-answer"]', { hasText: story.requestTitle }).locator('[data-test="match-record"]').waitFor();
    const open = await zhuliren.get(`/api/v1/timebank/posts?community_id=${COMMUNITY}&kind=request&limit=200`);
    assert.ok(!open.items.some((item) => item.id === asked.id));
    await zhuliren.dispose();
    assert.deepEqual(unexpected(helper.problems), []);
    assert.deepEqual(unexpected(poster.problems), []);
  });

  it('lets staff on a desktop see the posts with the poster named and take one down', async () => {
    const { page, problems } = await openAs('staff', desktop);
    await clickMenuLink(page, '时间银行集市');
    await page.waitForURL(/\/staff\/timebank/);
    const card = page.locator('[data-test="market-post"]', { hasText: story.title });
    // Officials read the poster's full name.
    const line = [story.member.name, story.building, AGE[story.ageBand]].filter(Boolean).join(' · ');
    await card.locator('[data-test="post-neighbour"]').filter({ hasText: line }).waitFor();
    await screenshot(page, 'market-staff-desktop');
    await card.getByRole('button', { name: '下架' }).click();
    await card.waitFor({ state: 'detached' });
    const api = await apiAs(server.baseUrl, 'resident');
    const open = await api.get(`/api/v1/timebank/posts?community_id=${COMMUNITY}&limit=200`);
    assert.ok(!open.items.some((item) => item.id === story.postId), 'taken down');
    await api.dispose();
    await page.getByRole('tab', { name: '最近响应' }).click();
    await page.locator('[data-test="recent-matches"]').waitFor();
    await screenshot(page, 'market-matches-desktop');
    assert.deepEqual(unexpected(problems), []);
  });
  it('lets a guide on a phone, in large type, post a request and answer an offer for an elderly resident found by name', async () => {
    // An elderly resident of the demo who posted before (officials read the poster's number).
    const staffApi = await apiAs(server.baseUrl, 'staff');
    const posts = await staffApi.get(`/api/v1/timebank/posts?community_id=${COMMUNITY}&kind=request&include_closed=true&limit=200`);
    const elder = posts.items.find((item) => item.age_band === '80_plus' && item.resident_id);
    assert.ok(elder, 'the demo has an elderly poster');
    // The guide knows her door: two neighbours may share a name.
    const found = await staffApi.get(`/api/v1/households?community_id=${COMMUNITY}&q=${encodeURIComponent(elder.poster_name)}&page_size=20`);
    let door = '';
    for (const household of found.items) {
      const file = await staffApi.get(`/api/v1/households/${household.id}`);
      if (file.residents.some((resident) => resident.id === elder.resident_id)) door = file.address || file.code;
    }
    assert.ok(door, 'her household is found by her name');
    const { page, problems } = await openAs('guide1', phone);
    await page.goto('/staff/timebank?tab=publish');
    await page.getByRole('button', { name: '大字模式' }).click();
    const form = page.locator('[data-test="post-form"]');
    await form.getByLabel('按姓名或门牌找居民').fill(elder.poster_name);
    const choices = form.locator('[data-test="picker-choice"]', { hasText: elder.poster_name });
    await choices.first().waitFor();
    await choices.filter({ hasText: door }).first().click();
    await form.locator('[data-test="post-picked"]').filter({ hasText: elder.poster_name }).waitFor();
    await form.getByRole('button', { name: '我需要帮忙' }).click();
    await form.getByLabel('服务内容').selectOption({ label: '陪同就医' });
    await form.getByLabel('标题').fill('想请人陪同去医院复查');
    await form.getByLabel('方便的时间').fill('下周二上午');
    await form.getByRole('button', { name: '发布', exact: true }).click();
    await form.locator('[data-test="post-done"]').waitFor();
    await screenshot(page, 'market-guide-phone');
    const after = await staffApi.get(`/api/v1/timebank/posts?community_id=${COMMUNITY}&kind=request&service_type=escort_to_hospital`);
    const made = after.items.find((item) => item.title === '想请人陪同去医院复查');
    assert.ok(made, 'the request is open');
    assert.equal(made.poster_name, elder.poster_name);
    assert.equal(made.building, elder.building);
    assert.equal(made.resident_id, elder.resident_id);

    // She would like company too: the guide answers an open offer for her.
    const offers = await staffApi.get(`/api/v1/timebank/posts?community_id=${COMMUNITY}&kind=offer`);
    const offer = offers.items.find((item) => item.resident_id !== elder.resident_id);
    assert.ok(offer, 'an open offer in the demo');
    await page.getByRole('tab', { name: '集市信息' }).click();
    const card = page.locator(`[data-post="${offer.id}"]`);
    await card.getByRole('button', { name: '代居民响应' }).click();
    const answer = card.locator('[data-test="respond-form"]');
    await answer.getByLabel('代哪位居民响应').fill(elder.poster_name);
    await answer.locator('[data-test="picker-choice"]', { hasText: door }).first().click();
    await answer.locator('[data-test="respond-picked"]').filter({ hasText: elder.poster_name }).waitFor();
    await answer.getByLabel('留言（选填）').fill('指导员代为响应，老人白天在家');
    await answer.getByRole('button', { name: '发送响应' }).click();
    await card.locator('[data-test="post-notice"]').waitFor();
    const answers = await staffApi.get(`/api/v1/timebank/responses?post_id=${offer.id}`);
    assert.ok(answers.items.some((match) => match.responder_resident_id === elder.resident_id && match.status === 'proposed'));
    await staffApi.dispose();
    assert.deepEqual(unexpected(problems), []);
  });
});
