// 场地预约 (issue 21) in Debian's chromium against a real `gongzhi serve --demo`: the demo
// resident on a phone books a free hour of 社区活动室 a few days ahead through the day strip and
// the slot buttons, sees 已预约 and finds it under 我的预约 after a reload (and marked 我的 among
// the slots); zhuliren picks another slot while a staff member books it first, and reads
// "该时段已被预约，请换一个时间"; the resident books 儿童托育角 (needs approval) and sees 待审核;
// staff on a desktop approve it in the 待审核 queue and the resident then reads 已预约 (and has
// a booking.decided message); staff see the week with who booked and why, cancel a booking
// with a reason, change a room's rules (the resident's room page shows the new hours) and read
// the quarter's use as percentages matching the API.
//
// Days and slots come from the schedule API at the server's clock (its Date header), never from
// fixed dates, and avoid weeks where the household's weekly limit would refuse the booking.
// Pages are saved to tests/e2e/screenshots/bookings-*.png.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { request } from 'playwright-core';
import { startServer } from './lib/server.mjs';
import { clickMenuLink, launchBrowser, newWatchedContext, phone, screenshot, screenshotDir, unexpected } from './lib/browser.mjs';
import { DEMO_PASSWORD, logIn } from './lib/session.mjs';

const desktop = { viewport: { width: 1366, height: 860 } };
const COMMUNITY = 1;
const DAY_MS = 86_400_000;
const screenshotView = (page, name) => page.screenshot({ path: path.join(screenshotDir, `${name}.png`) });
const shanghaiDay = (epochMs) => new Date(epochMs + 8 * 3_600_000).toISOString().slice(0, 10);
const clock = (epochMs) => new Date(epochMs + 8 * 3_600_000).toISOString().slice(11, 16);
const dayStart = (day) => Date.parse(`${day}T00:00:00+08:00`);
const mondayOf = (day) => shanghaiDay(dayStart(day) - ((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7) * DAY_MS);
const iso = (epochMs) => `${new Date(epochMs + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`;
const holds = (status) => status === 'pending' || status === 'approved';

/** An API client logged in as `username`; `now()` is the server's clock at its last answer. */
async function apiAs(baseURL, username) {
  const client = await request.newContext({ baseURL });
  const login = await client.post('/api/v1/auth/login', { data: { username, password: DEMO_PASSWORD } });
  assert.equal(login.status(), 200, await login.text());
  let serverDate = Date.parse(login.headers().date);
  const note = (response) => (serverDate = Date.parse(response.headers().date));
  return {
    now: () => serverDate,
    get: async (url) => {
      const response = await client.get(url);
      note(response);
      assert.equal(response.status(), 200, `GET ${url}: ${await response.text()}`);
      return response.json();
    },
    post: async (url, data) => {
      const response = await client.post(url, { data });
      note(response);
      return { status: response.status(), body: await response.json() };
    },
    dispose: () => client.dispose(),
  };
}

/** The free starts of `length` slots in a room's day, from its rules and schedule. */
function freeStarts(room, day, items, nowMs, length) {
  const held = items.filter((b) => holds(b.status)).map((b) => [Date.parse(b.starts_at), Date.parse(b.ends_at)]);
  const starts = [];
  for (let minute = room.opens_minute; minute + length * room.slot_minutes <= room.closes_minute; minute += room.slot_minutes) {
    const from = dayStart(day) + minute * 60_000;
    const to = from + length * room.slot_minutes * 60_000;
    if (from > nowMs + 3_600_000 && !held.some(([a, b]) => a < to && b > from)) starts.push(from);
  }
  return starts;
}

/** How many of a household's bookings of a room start in the week of `day`. */
function weekCount(mine, roomId, day) {
  const monday = mondayOf(day);
  return mine.filter((b) => b.room_id === roomId && holds(b.status) && mondayOf(shanghaiDay(Date.parse(b.starts_at))) === monday).length;
}

/** A day from `firstAhead` days ahead with at least `need` free starts and room in the week for every household given. */
async function pickDay(api, room, firstAhead, need, length, households) {
  for (let ahead = firstAhead; ahead < room.advance_days; ahead += 1) {
    const day = shanghaiDay(api.now() + ahead * DAY_MS);
    const schedule = await api.get(`/api/v1/rooms/${room.id}/schedule?from=${day}&days=1`);
    const starts = freeStarts(room, day, schedule.items, api.now(), length);
    const weekOk = households.every((mine) => weekCount(mine, room.id, day) < room.max_per_week);
    if (starts.length >= need && weekOk) return { day, starts };
  }
  throw new Error(`no day with ${need} free starts in ${room.name}`);
}

describe('场地预约: residents book rooms, staff approve and keep the rules', { timeout: 900_000 }, () => {
  let server;
  let browser;
  const contexts = [];
  const story = {};

  async function openAs(username, options) {
    const watched = await newWatchedContext(browser, server.baseUrl, options);
    contexts.push(watched);
    const page = await watched.context.newPage();
    if (username) await logIn(page, username);
    return { page, ...watched };
  }

  before(async () => {
    browser = await launchBrowser();
    server = await startServer();
    const resident = await apiAs(server.baseUrl, 'resident');
    const host = await apiAs(server.baseUrl, 'zhuliren');
    const rooms = (await resident.get(`/api/v1/rooms?community_id=${COMMUNITY}`)).items;
    story.activity = rooms.find((room) => room.name === '社区活动室');
    story.childcare = rooms.find((room) => room.name === '儿童托育角');
    assert.ok(story.activity && story.childcare, 'the demo has 社区活动室 and 儿童托育角');
    assert.equal(story.childcare.needs_approval, true);
    const mine = (await resident.get('/api/v1/bookings?mine=true&limit=100')).items;
    const hostMine = (await host.get('/api/v1/bookings?mine=true&limit=100')).items;
    // 社区活动室 a few days ahead: an hour for the resident, another for the race.
    const activity = await pickDay(resident, story.activity, 3, 4, 2, [mine, hostMine]);
    story.day = activity.day;
    story.weekBefore = weekCount(mine, story.activity.id, activity.day);
    story.start = activity.starts[0];
    story.raceStart = activity.starts.find((start) => start >= story.start + 2 * story.activity.slot_minutes * 60_000);
    assert.ok(story.raceStart, 'a second free hour that day');
    // 儿童托育角 within its shorter window.
    const childcare = await pickDay(resident, story.childcare, 1, 1, 1, [mine]);
    story.childDay = childcare.day;
    story.childStart = childcare.starts[0];
    await resident.dispose();
    await host.dispose();
  });

  after(async () => {
    for (const { context } of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
  });

  it('lets the resident on a phone book a free hour of 社区活动室 and find it under 我的预约 after a reload', async () => {
    const { page, problems } = await openAs('resident', phone);
    await page.waitForURL(/\/resident$/);
    await page.locator('[data-test="tile-rooms"]').click();
    await page.waitForURL(/\/resident\/rooms$/);
    const cards = page.locator('[data-test="room-card"]');
    await cards.first().waitFor();
    const childcareCard = cards.filter({ hasText: '儿童托育角' });
    assert.equal((await childcareCard.locator('[data-test="room-approval"]').textContent()).trim(), '需审核');
    const meeting = cards.filter({ hasText: '会议室' });
    assert.equal(await meeting.locator('[data-test="room-officials"]').count(), 1);
    assert.equal(await meeting.locator('[data-test="room-choose"]').count(), 0, 'no booking of a room for officials');
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'no sideways scroll');
    await screenshot(page, 'bookings-rooms-phone');

    await cards.filter({ hasText: '社区活动室' }).locator('[data-test="room-choose"]').click();
    await page.waitForURL(new RegExp(`/resident/rooms/${story.activity.id}$`));
    const days = page.locator('[data-test="day"]');
    await days.first().waitFor();
    assert.equal(await days.count(), story.activity.advance_days);
    assert.equal((await days.first().textContent()).includes('今天'), true);
    await page.locator(`[data-test="day"][data-day="${story.day}"]`).click();
    const from = clock(story.start);
    const to = clock(story.start + 60 * 60_000);
    const slot = page.locator(`[data-test="slot"][data-start="${from}"]`);
    assert.equal(await slot.getAttribute('data-state'), 'free');
    await slot.click();
    await page.locator('[data-test="length"]', { hasText: '1小时' }).first().click();
    const weekday = ['周一', '周二', '周三', '周四', '周五', '周六', '周日'][(new Date(`${story.day}T00:00:00Z`).getUTCDay() + 6) % 7];
    const when = `${story.day.slice(5)} ${weekday} ${from}–${to}`;
    assert.equal((await page.locator('[data-test="chosen"]').textContent()).trim(), `您选的是：${when}`);
    // What is missing is said before anything is sent.
    await page.locator('[data-test="book-submit"]').click();
    assert.deepEqual(await page.locator('[data-test="form-problems"] li').allTextContents(), ['请填写用途。', '人数请填 1 到 40 之间的数字。']);
    await page.getByLabel('用途').fill('老年合唱团排练');
    await page.getByLabel('人数').fill('18');
    await screenshot(page, 'bookings-book-phone');
    await page.locator('[data-test="book-submit"]').click();
    const booked = page.locator('[data-test="booked"]');
    await booked.waitFor();
    assert.equal((await booked.locator('strong').textContent()).trim(), `已预约：社区活动室，${when}`);
    // The household's bookings of the room that week, against the weekly limit.
    const count = story.weekBefore + 1;
    const week = `${mondayOf(story.day).slice(5)} 至 ${shanghaiDay(dayStart(mondayOf(story.day)) + 6 * DAY_MS).slice(5)}`;
    assert.equal(
      (await page.locator('[data-test="week-count"]').textContent()).trim(),
      count >= story.activity.max_per_week
        ? `这一周（${week}）您家已约满 ${story.activity.max_per_week} 次，请选下一周的日子。`
        : `这一周（${week}）您家已约 ${count} 次，每周最多 ${story.activity.max_per_week} 次。`,
    );
    // The slots are read again: the hour is the household's own.
    assert.equal(await slot.getAttribute('data-state'), 'mine');
    assert.equal(await page.locator(`[data-test="slot"][data-start="${clock(story.start + 30 * 60_000)}"]`).getAttribute('data-state'), 'mine');
    await screenshotView(page, 'bookings-booked-phone');

    await booked.locator('[data-test="see-mine"]').click();
    await page.waitForURL(/\/resident\/bookings$/);
    await page.reload();
    const item = page.locator('[data-test="upcoming"] [data-test="my-booking"]').filter({ hasText: when });
    await item.waitFor();
    assert.equal((await item.locator('[data-test="booking-status"]').textContent()).trim(), '已预约');
    assert.match(await item.textContent(), /老年合唱团排练 · 18 人/);
    story.bookingId = Number(await item.getAttribute('data-booking'));
    story.when = when;
    const answer = await (await page.request.get('/api/v1/bookings?mine=true&upcoming=true')).json();
    const saved = answer.items.find((b) => b.id === story.bookingId);
    assert.equal(saved.status, 'approved');
    assert.equal(Date.parse(saved.starts_at), story.start);
    assert.equal(Date.parse(saved.ends_at), story.start + 3_600_000);
    await screenshot(page, 'bookings-mine-phone');
    assert.deepEqual(unexpected(problems), []);
  });

  it('tells zhuliren in Chinese that the slot was taken when someone books it first', async () => {
    const { page, problems } = await openAs('zhuliren', phone);
    await page.goto(`/resident/rooms/${story.activity.id}`);
    await page.locator(`[data-test="day"][data-day="${story.day}"]`).click();
    // The resident's hour shows as taken, without their name or purpose.
    const theirs = page.locator(`[data-test="slot"][data-start="${clock(story.start)}"]`);
    assert.equal(await theirs.getAttribute('data-state'), 'taken');
    assert.ok(await theirs.isDisabled());
    assert.equal((await page.locator('[data-test="slot-grid"]').textContent()).includes('老年合唱团排练'), false);

    const race = page.locator(`[data-test="slot"][data-start="${clock(story.raceStart)}"]`);
    assert.equal(await race.getAttribute('data-state'), 'free');
    await race.click();
    await page.getByLabel('用途').fill('亲子手工');
    await page.getByLabel('人数').fill('8');
    // Meanwhile a staff member books that half hour.
    const staff = await apiAs(server.baseUrl, 'staff');
    const quicker = await staff.post('/api/v1/bookings', {
      room_id: story.activity.id,
      starts_at: iso(story.raceStart),
      ends_at: iso(story.raceStart + story.activity.slot_minutes * 60_000),
      purpose: '网格员例会',
      attendees: 6,
    });
    assert.equal(quicker.status, 201, JSON.stringify(quicker.body));
    story.staffBookingId = quicker.body.id;
    await staff.dispose();

    await page.locator('[data-test="book-submit"]').click();
    const refusal = page.locator('[data-test="refusal"]');
    await refusal.waitFor();
    assert.equal((await refusal.textContent()).trim(), '该时段已被预约，请换一个时间。');
    // The slots were read again: the half hour is now taken.
    await page.waitForFunction(
      (start) => document.querySelector(`[data-test="slot"][data-start="${start}"]`)?.getAttribute('data-state') === 'taken',
      clock(story.raceStart),
    );
    await screenshotView(page, 'bookings-slot-taken-phone');
    assert.deepEqual(unexpected(problems, [409]), []);
  });

  it('lets the resident ask for 儿童托育角 and see 待审核', async () => {
    const { page, problems } = await openAs('resident', phone);
    await page.goto(`/resident/rooms/${story.childcare.id}`);
    // 大字模式 keeps the day strip and the slots usable.
    await page.getByRole('button', { name: '大字模式' }).click();
    await page.waitForFunction(() => document.documentElement.classList.contains('elderly'));
    await page.locator(`[data-test="day"][data-day="${story.childDay}"]`).click();
    await page.locator(`[data-test="slot"][data-start="${clock(story.childStart)}"]`).click();
    await page.getByLabel('用途').fill('亲子绘本阅读');
    await page.getByLabel('人数').fill('4');
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'no sideways scroll in large type');
    const slotBox = await page.locator('[data-test="slot"]').first().boundingBox();
    assert.ok(slotBox.height >= 44, 'slot buttons stay large');
    await page.locator('[data-test="booking-form"]').scrollIntoViewIfNeeded();
    await screenshotView(page, 'bookings-childcare-elderly-phone');
    assert.equal((await page.locator('[data-test="book-submit"]').textContent()).trim(), '提交预约申请');
    await page.locator('[data-test="book-submit"]').click();
    const booked = page.locator('[data-test="booked"] strong');
    await booked.waitFor();
    assert.match(await booked.textContent(), /^已提交，待审核：儿童托育角，/);
    await page.goto('/resident/bookings');
    const item = page.locator('[data-test="upcoming"] [data-test="my-booking"]').filter({ hasText: '亲子绘本阅读' });
    await item.waitFor();
    assert.equal((await item.locator('[data-test="booking-status"]').textContent()).trim(), '待审核');
    story.childBookingId = Number(await item.getAttribute('data-booking'));
    assert.deepEqual(unexpected(problems), []);
  });

  it('lets staff on a desktop approve it in the queue, and the resident then sees 已预约', async () => {
    const { page, problems } = await openAs('staff', desktop);
    // Staff were told of the request; its message opens this queue.
    const told = await (await page.request.get('/api/v1/notifications?limit=200')).json();
    const request = told.items.find((n) => n.kind === 'booking.requested' && Number(n.object_id) === story.childBookingId);
    assert.ok(request, 'staff are told of a booking to approve');
    assert.equal(request.object_type, 'booking');
    await clickMenuLink(page, '场地管理');
    await page.waitForURL(/\/staff\/rooms/);
    const card = page.locator(`[data-test="pending-booking"][data-booking="${story.childBookingId}"]`);
    await card.waitFor();
    assert.match(await card.textContent(), /儿童托育角/);
    assert.match(await card.textContent(), /用途：亲子绘本阅读/);
    assert.match(await page.locator('[data-test="rooms-tab"][data-tab="pending"]').textContent(), /^待审核（\d+）$/);
    // Declining asks for a reason first.
    await screenshot(page, 'bookings-queue-desktop');
    await card.locator('[data-test="reject"]').click();
    const dialog = page.locator('[data-test="reason-dialog"]');
    await dialog.getByRole('heading', { name: '不同意这条预约' }).waitFor();
    await page.locator('[data-test="reason-confirm"]').click();
    assert.equal((await dialog.getByRole('alert').textContent()).trim(), '请填写原因。');
    await screenshotView(page, 'bookings-reject-dialog-desktop');
    await dialog.getByRole('button', { name: '返回' }).click();
    await card.locator('[data-test="approve"]').click();
    assert.match((await page.locator('[data-test="done"]').textContent()).trim(), /^已批准：/);
    await card.waitFor({ state: 'detached' });
    await page.reload();
    await page.locator('[data-test="pending-list"], [data-test="pending-empty"]').first().waitFor();
    assert.equal(await page.locator(`[data-test="pending-booking"][data-booking="${story.childBookingId}"]`).count(), 0);

    const resident = await openAs('resident', phone);
    await resident.page.goto('/resident/bookings');
    const item = resident.page.locator(`[data-test="my-booking"][data-booking="${story.childBookingId}"]`);
    await item.waitFor();
    assert.equal((await item.locator('[data-test="booking-status"]').textContent()).trim(), '已预约');
    // The message of the decision, in the inbox, opens 我的预约.
    const inbox = await (await resident.page.request.get('/api/v1/notifications')).json();
    const index = inbox.items.findIndex((n) => n.kind === 'booking.decided' && Number(n.object_id) === story.childBookingId);
    assert.ok(index >= 0, 'the resident is told of the decision');
    assert.equal(inbox.items[index].object_type, 'booking');
    await resident.page.goto('/inbox');
    const message = resident.page.locator('[data-test="inbox-item"]').nth(index);
    await message.waitFor();
    await screenshotView(resident.page, 'bookings-inbox-phone');
    await message.click();
    await resident.page.waitForURL(/\/resident\/bookings$/);
    await resident.page.locator(`[data-test="my-booking"][data-booking="${story.childBookingId}"]`).waitFor();
    assert.deepEqual(unexpected(problems), []);
    assert.deepEqual(unexpected(resident.problems), []);
  });

  it('shows staff the week with who booked and why, and lets them cancel with a reason', async () => {
    const { page, problems } = await openAs('staff', desktop);
    await page.goto('/staff/rooms?tab=calendar');
    await page.locator('[data-test="calendar-rooms"]').getByRole('button', { name: '社区活动室' }).click();
    // Move to the week of the resident's booking.
    const target = mondayOf(story.day);
    for (let i = 0; i < 8; i += 1) {
      const shown = (await page.locator('[data-test="week-of"]').textContent()).trim();
      if (shown.startsWith(target)) break;
      await page.locator('[data-test="next-week"]').click();
    }
    const booking = page.locator(`[data-test="week-booking"][data-booking="${story.bookingId}"]`);
    await booking.waitFor();
    assert.match(await booking.textContent(), /老年合唱团排练/);
    assert.match(await booking.textContent(), /已预约/);
    await screenshot(page, 'bookings-week-desktop');

    const staffOwn = page.locator(`[data-test="week-booking"][data-booking="${story.staffBookingId}"]`);
    await staffOwn.locator('[data-test="staff-cancel"]').click();
    const dialog = page.locator('[data-test="reason-dialog"]');
    await dialog.getByLabel('原因').fill('例会改到会议室');
    await page.locator('[data-test="reason-confirm"]').click();
    assert.match((await page.locator('[data-test="calendar-done"]').textContent()).trim(), /^已取消：/);
    await staffOwn.waitFor({ state: 'detached' });
    const api = await (await page.request.get(`/api/v1/bookings?community_id=${COMMUNITY}&status=cancelled&limit=500`)).json();
    assert.ok(api.items.some((b) => b.id === story.staffBookingId), 'cancelled on the server');

    // The week on a phone: days as a list, nothing wider than the screen.
    const phonePage = (await openAs('staff', phone)).page;
    await phonePage.goto('/staff/rooms?tab=calendar');
    await phonePage.locator('[data-test="week-day"]').first().waitFor();
    assert.ok(await phonePage.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth));
    await screenshotView(phonePage, 'bookings-week-phone');
    assert.deepEqual(unexpected(problems), []);
  });

  it('lets staff book for zhuliren’s household at the desk, found by its code', async () => {
    const host = await apiAs(server.baseUrl, 'zhuliren');
    const me = await host.get('/api/v1/me');
    const household = await host.get(`/api/v1/households/${me.user.household_id}`);
    const { page, problems } = await openAs('staff', desktop);
    await page.goto('/staff/rooms');
    await page.locator('[data-test="rooms-tab"][data-tab="desk"]').click();
    const desk = page.locator('[data-test="desk-booking"]');
    await desk.getByLabel('居民户（户主姓名、门牌或户号）').fill(household.code);
    await desk.locator('[data-test="household-choice"]').filter({ hasText: household.code }).first().click();
    await desk.getByRole('button', { name: '社区活动室' }).click();
    await desk.locator(`[data-test="day"][data-day="${story.day}"]`).click();
    // A free half hour of that day, read from the page itself.
    const free = desk.locator('[data-test="slot"][data-state="free"]').last();
    const start = await free.getAttribute('data-start');
    await free.click();
    await desk.getByLabel('用途').fill('独居老人生日会');
    await desk.getByLabel('人数').fill('12');
    await desk.locator('[data-test="book-submit"]').click();
    const done = desk.locator('[data-test="desk-done"]');
    await done.waitFor();
    assert.match(await done.textContent(), new RegExp(`^已为 .+ 预约：社区活动室，${story.day.slice(5)} 周. ${start}–`));
    await screenshot(page, 'bookings-desk-desktop');
    const theirs = (await host.get('/api/v1/bookings?mine=true&upcoming=true')).items;
    assert.ok(theirs.some((b) => b.purpose === '独居老人生日会' && Date.parse(b.starts_at) === Date.parse(`${story.day}T${start}:00+08:00`)), 'the household holds the booking');
    await host.dispose();
    assert.deepEqual(unexpected(problems), []);
  });

  it('lets staff change a room’s rules, which the resident then sees', async () => {
    const { page, problems } = await openAs('staff', desktop);
    await page.goto('/staff/rooms?tab=rooms');
    const card = page.locator(`[data-test="staff-room"][data-room="${story.activity.id}"]`);
    await card.locator('[data-test="edit-room"]').click();
    const form = card.locator('[data-test="room-form"]');
    assert.equal(await form.getByLabel('开放时间').locator('option:checked').textContent(), '08:00');
    await form.getByLabel('关闭时间').selectOption({ label: '22:00' });
    await form.getByLabel('每户每周最多（次）').fill('3');
    await form.locator('[data-test="room-save"]').click();
    assert.equal((await page.locator('[data-test="room-done"]').textContent()).trim(), '已保存：社区活动室');
    await page.reload();
    await card.waitFor();
    assert.match(await card.locator('[data-test="staff-room-facts"]').textContent(), /开放 08:00–22:00/);
    assert.match(await card.locator('[data-test="staff-room-rules"]').textContent(), /每户每周最多 3 次/);
    const rooms = await (await page.request.get(`/api/v1/rooms?community_id=${COMMUNITY}`)).json();
    const saved = rooms.items.find((room) => room.id === story.activity.id);
    assert.equal(saved.closes_minute, 1320);
    assert.equal(saved.max_per_week, 3);

    // A new room: what is wrong is said first.
    await page.locator('[data-test="add-room"]').click();
    await page.locator('[data-test="room-save"]').first().click();
    assert.deepEqual(await page.locator('[data-test="room-problems"] li').allTextContents(), ['请填写名称（最多 40 个字）。']);
    await screenshot(page, 'bookings-room-form-desktop');

    const resident = await openAs('resident', phone);
    await resident.page.goto(`/resident/rooms/${story.activity.id}`);
    await resident.page.locator('[data-test="room-name"]').waitFor();
    assert.match(await resident.page.locator('.page-header').textContent(), /开放 08:00–22:00/);
    assert.match(await resident.page.locator('.page-header').textContent(), /每户每周最多 3 次/);
    await resident.page.locator(`[data-test="day"][data-day="${story.day}"]`).click();
    assert.equal(await resident.page.locator('[data-test="slot"][data-start="21:30"]').count(), 1, 'the later slot is offered');
    assert.deepEqual(unexpected(problems), []);
    assert.deepEqual(unexpected(resident.problems), []);
  });

  it('shows staff the quarter’s use of each room as percentages', async () => {
    const { page, problems } = await openAs('staff', desktop);
    await page.goto('/staff/rooms?tab=use');
    const table = page.locator('[data-test="use-table"]');
    await table.waitFor();
    const period = await page.locator('[data-test="use-period"]').inputValue();
    const use = await (await page.request.get(`/api/v1/rooms/use?community_id=${COMMUNITY}&period=${period}`)).json();
    const percent = (share) => `${(Math.round(share * 1000) / 10).toFixed(1)}%`;
    const row = table.locator(`[data-test="use-room"][data-room="${story.activity.id}"]`);
    const room = use.rooms.find((r) => r.room_id === story.activity.id);
    assert.equal((await row.locator('[data-test="use-share"]').textContent()).trim(), percent(room.utilization));
    assert.match(await row.textContent(), new RegExp(`${room.bookings}\\s*${room.households}$`));
    assert.equal((await table.locator('[data-test="use-overall"] [data-test="use-share"]').textContent()).trim(), percent(use.utilization));
    for (const cell of await table.locator('[data-test="use-share"]').allTextContents()) assert.match(cell.trim(), /^\d+\.\d%$/);
    await screenshot(page, 'bookings-use-desktop');

    const phonePage = (await openAs('staff', phone)).page;
    await phonePage.goto('/staff/rooms?tab=use');
    await phonePage.locator('[data-test="use-table"]').waitFor();
    assert.ok(await phonePage.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'the table scrolls inside its box');
    await screenshotView(phonePage, 'bookings-use-phone');
    assert.deepEqual(unexpected(problems), []);
  });

  it('lets the resident cancel a booking before it starts, which then shows as 已取消', async () => {
    const { page, problems } = await openAs('resident', phone);
    await page.goto('/resident/bookings');
    const item = page.locator(`[data-test="upcoming"] [data-booking="${story.bookingId}"]`);
    await item.locator('[data-test="cancel-booking"]').click();
    await item.getByText('确定取消这次预约吗？').waitFor();
    await item.locator('[data-test="cancel-yes"]').click();
    assert.equal((await page.locator('[data-test="done"]').textContent()).trim(), `已取消：社区活动室，${story.when}`);
    await page.reload();
    const past = page.locator(`[data-test="past"] [data-booking="${story.bookingId}"]`);
    await past.waitFor();
    assert.equal((await past.locator('[data-test="booking-status"]').textContent()).trim(), '已取消');
    assert.equal(await past.locator('[data-test="cancel-booking"]').count(), 0);
    assert.equal(await page.locator(`[data-test="upcoming"] [data-booking="${story.bookingId}"]`).count(), 0);
    const mine = await (await page.request.get('/api/v1/bookings?mine=true&status=cancelled&limit=200')).json();
    assert.ok(mine.items.some((b) => b.id === story.bookingId), 'cancelled on the server');
    // The hour is free again for everyone.
    await page.goto(`/resident/rooms/${story.activity.id}`);
    await page.locator(`[data-test="day"][data-day="${story.day}"]`).click();
    assert.equal(await page.locator(`[data-test="slot"][data-start="${clock(story.start)}"]`).getAttribute('data-state'), 'free');
    assert.deepEqual(unexpected(problems), []);
  });
});
