// Civic life and the assistant's upkeep, run from the web in Debian's chromium against a real
// `gongzhi serve --demo`: staff write a survey and open it, the demo resident answers it on a
// phone, staff close it and read the count; staff add a resident leader found by name, record
// their training and the self-organisation they lead, and record that another stepped down; staff record a building's tenant-representative election
// with a candidate found by name; a question the assistant could not answer is answered by
// staff and then answered by the public assistant, in its corrected wording, until staff
// delete the entry. Screenshots: tests/e2e/screenshots/civic-*.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from './lib/server.mjs';
import { desktop, launchBrowser, newWatchedContext, phone, screenshot, unexpected } from './lib/browser.mjs';
import { logIn } from './lib/session.mjs';

const SURVEY_TITLE = '楼道照明满意度调查';
const QUESTION = '小区的共享充气泵在哪里借';
const ANSWER = '共享充气泵放在社区服务中心一楼前台，凭身份证登记后免费借用，当天归还。';

describe('civic life and assistant upkeep from the web', { timeout: 400_000 }, () => {
  let server;
  let browser;
  const contexts = [];
  const story = {};

  async function openContext(options) {
    const watched = await newWatchedContext(browser, server.baseUrl, options);
    contexts.push(watched);
    return watched;
  }


  const json = async (context, path) => {
    const response = await context.request.get(path);
    assert.equal(response.status(), 200, `${path} answers`);
    return response.json();
  };

  before(async () => {
    browser = await launchBrowser();
    server = await startServer();
  });

  after(async () => {
    for (const { context } of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
  });

  it('lets staff write a survey with three kinds of question and open it', async () => {
    const staff = await openContext(desktop);
    story.staff = staff;
    const page = await staff.context.newPage();
    story.staffPage = page;
    await logIn(page, 'staff');
    await page.goto('/staff/surveys');
    await page.locator('[data-test="new-survey"]').click();
    await page.getByLabel('问卷标题').fill(SURVEY_TITLE);
    const drafts = page.locator('[data-test="question-draft"]');
    assert.equal(await drafts.count(), 2, 'a new survey starts with a score and a choice question');
    await drafts.nth(0).locator('[data-test="question-prompt"]').fill('您对楼道照明的满意度');
    await drafts.nth(1).locator('[data-test="question-prompt"]').fill('哪个时段最需要楼道灯');
    await drafts.nth(1).locator('[data-test="question-options"]').fill('晚上7点');
    await page.locator('[data-test="save-open"]').click();
    // One option is not a choice: the problem is named with its question before anything is sent.
    await page.locator('[data-test="survey-problems"]').filter({ hasText: '第 2 题至少需要 2 个选项' }).waitFor();
    await drafts.nth(1).locator('[data-test="question-options"]').fill('晚上7点前后\n晚上9点前后\n深夜');
    await page.locator('[data-test="add-text"]').click();
    await drafts.nth(2).locator('[data-test="question-prompt"]').fill('其他建议');
    await page.locator('[data-test="save-open"]').click();
    await page.locator('[data-test="survey-done"]').filter({ hasText: '开始收集' }).waitFor();
    const card = page.locator('[data-test="staff-survey"]').filter({ hasText: SURVEY_TITLE });
    assert.equal(await card.getAttribute('data-status'), 'open');

    const surveys = await json(staff.context, '/api/v1/surveys?community_id=1');
    const created = surveys.items.find((s) => s.title === SURVEY_TITLE);
    assert.ok(created, 'the survey is stored');
    assert.equal(created.status, 'open');
    assert.deepEqual(
      created.questions.map((q) => [q.kind, q.prompt, q.options, q.required]),
      [
        ['scale', '您对楼道照明的满意度', [], true],
        ['single_choice', '哪个时段最需要楼道灯', ['晚上7点前后', '晚上9点前后', '深夜'], true],
        ['text', '其他建议', [], false],
      ],
    );
    story.survey = created;
    await screenshot(page, 'civic-01-staff-survey-opened');
    assert.deepEqual(unexpected(staff.problems), []);
  });

  it('shows the opened survey to the demo resident on a phone, who answers it', async () => {
    const resident = await openContext(phone);
    const page = await resident.context.newPage();
    await logIn(page, 'resident');
    await page.goto('/resident/surveys');
    const card = page.locator(`[data-test="survey"][data-survey="${story.survey.id}"]`);
    await card.waitFor();
    assert.match(await card.locator('h2').textContent(), new RegExp(SURVEY_TITLE));
    const [scale, choice] = story.survey.questions;
    await card.locator(`[data-question="${scale.id}"] [data-score="4"]`).click();
    await card.locator(`[data-question="${choice.id}"]`).getByLabel('晚上9点前后').check();
    await screenshot(page, 'civic-02-resident-survey-phone');
    await card.locator('[data-test="survey-submit"]').click();
    await card.locator('[data-test="survey-thanks"]').waitFor();
    story.residentPage = page;
    story.resident = resident;
    assert.deepEqual(unexpected(resident.problems), []);
  });

  it('lets staff close the survey and read its one response', async () => {
    const page = story.staffPage;
    await page.goto('/staff/surveys');
    const card = page.locator('[data-test="staff-survey"]').filter({ hasText: SURVEY_TITLE });
    await card.locator('[data-test="close-survey"]').click();
    await card.locator('[data-test="close-confirm"]').click();
    await page.locator('[data-test="survey-done"]').filter({ hasText: '已结束收集' }).waitFor();
    assert.equal(await card.getAttribute('data-status'), 'closed');
    await card.locator('[data-test="survey-results"]').click();
    await page.waitForURL(`**/staff/surveys/results?survey=${story.survey.id}`);
    await page.locator('[data-test="respondents"]').filter({ hasText: '共 1 人作答' }).waitFor();
    const stored = await json(story.staff.context, `/api/v1/surveys/${story.survey.id}`);
    assert.equal(stored.status, 'closed');
    assert.equal(stored.responses, 1);
    assert.deepEqual(unexpected(story.staff.problems), []);

    // Closed, its results are open to residents too ("按群体公开统计").
    const mobile = story.residentPage;
    await mobile.goto('/resident/surveys');
    await mobile.locator('[data-test="closed-results"]').first().waitFor();
    await mobile.goto(`/resident/surveys/results?survey=${story.survey.id}`);
    await mobile.locator('[data-test="respondents"]').filter({ hasText: '共 1 人作答' }).waitFor();
    await screenshot(mobile, 'civic-resident-results-phone');
    assert.deepEqual(unexpected(story.resident.problems), []);
  });

  it('adds a resident leader found by name, and records that another stepped down', async () => {
    const { context } = story.staff;
    const leaders = (await json(context, '/api/v1/leaders?community_id=1')).items;
    const leaderIds = new Set(leaders.map((l) => l.resident_id));
    // Someone of the demo who is not on the register yet, with the household's door to tell
    // them from a namesake.
    const households = (await json(context, '/api/v1/households?community_id=1&page=5&page_size=20')).items;
    let chosen;
    for (const household of households) {
      const file = await json(context, `/api/v1/households/${household.id}`);
      const person = (file.residents ?? []).find((r) => !leaderIds.has(r.id));
      if (person) {
        chosen = { ...person, address: file.address };
        break;
      }
    }
    assert.ok(chosen, 'the demo has a resident who is not a leader');
    const page = story.staffPage;
    await page.goto('/staff/leaders');
    await page.locator('[data-test="leader-summary"]').waitFor();
    await page.locator('[data-test="add-leader"]').click();
    await page.locator('[data-test="leader-picker"] [data-test="picker-query"]').fill(chosen.name);
    await page.locator('[data-test="leader-picker"] [data-test="picker-choice"]').filter({ hasText: chosen.address }).first().click();
    await page.locator('[data-test="leader-chosen"]').filter({ hasText: chosen.name }).waitFor();
    await page.locator('[data-test="leader-area"]').fill('楼道自治');
    await page.locator('[data-test="save-leader"]').click();
    await page.locator('[data-test="leader-done"]').filter({ hasText: `${chosen.name} 已加入骨干名册` }).waitFor();
    await page.reload();
    await page.locator(`[data-test="leader"][data-name="${chosen.name}"]`).first().waitFor();
    const after = (await json(context, '/api/v1/leaders?community_id=1')).items;
    const added = after.find((l) => l.resident_id === chosen.id);
    assert.ok(added, 'the leader is on the register, as the chosen person');
    assert.equal(added.area, '楼道自治');
    assert.equal(added.until, null);

    // The new leader completes a training module, found by title, and founds a self-organisation.
    const modules = (await json(context, '/api/v1/leaders/modules?community_id=1')).items;
    const training = page.locator('[data-test="training"]');
    await training.getByLabel('课程').selectOption({ label: modules[0].title });
    await training.locator('[data-test="completion-picker"] [data-test="picker-query"]').fill(chosen.name);
    await training.locator('[data-test="picker-choice"]').filter({ hasText: chosen.address }).first().click();
    await training.getByRole('button', { name: '登记', exact: true }).click();
    await training.locator('[role="status"]').filter({ hasText: `${chosen.name} 完成了“${modules[0].title}”` }).waitFor();
    const trained = (await json(context, '/api/v1/leaders?community_id=1')).items.find((l) => l.resident_id === chosen.id);
    assert.equal(trained.modules_completed, 1);
    assert.equal(trained.training_hours, modules[0].hours);
    const modulesAfter = (await json(context, '/api/v1/leaders/modules?community_id=1')).items;
    assert.equal(modulesAfter[0].completions, modules[0].completions + 1);

    const organisations = page.locator('[data-test="organisations"]');
    await organisations.locator('[data-test="add-organisation"]').click();
    await organisations.getByLabel('名称').fill('楼道花园小组');
    await organisations.getByLabel('成员人数').fill('12');
    await organisations.locator('[data-test="org-leader-picker"] [data-test="picker-query"]').fill(chosen.name);
    await organisations.locator('[data-test="picker-choice"]').filter({ hasText: chosen.address }).first().click();
    await organisations.getByRole('button', { name: '保存', exact: true }).click();
    await organisations.locator('[data-test="organisation"]').filter({ hasText: '楼道花园小组' }).waitFor();
    const founded = (await json(context, '/api/v1/leaders/organisations?community_id=1')).items.find((o) => o.name === '楼道花园小组');
    assert.deepEqual(founded.leaders.map((l) => l.resident_id), [chosen.id]);
    assert.equal(founded.member_count, 12);
    assert.equal(founded.status, 'incubating');

    // A current leader from the demo steps down today (the server's today).
    const current = leaders.find((l) => l.until === null && leaders.filter((o) => o.name === l.name).length === 1);
    await page.getByLabel('查找骨干').fill(current.name);
    const row = page.locator(`[data-test="leader"][data-name="${current.name}"]`);
    await row.locator('[data-test="end-leader"]').click();
    await row.locator('[data-test="end-confirm"]').click();
    await page.locator('[data-test="leader-done"]').filter({ hasText: `${current.name} 自` }).waitFor();
    const ended = (await json(context, '/api/v1/leaders?community_id=1')).items.find((l) => l.id === current.id);
    assert.ok(ended.until, 'the leader stepped down');
    await page.getByLabel('查找骨干').fill('');
    await screenshot(page, 'civic-03-staff-leaders');

    const onPhone = await openContext(phone);
    const phonePage = await onPhone.context.newPage();
    await logIn(phonePage, 'staff');
    await phonePage.goto('/staff/leaders');
    await phonePage.locator(`[data-test="leader"][data-name="${chosen.name}"]`).first().waitFor();
    await screenshot(phonePage, 'civic-04-staff-leaders-phone');
    assert.deepEqual(unexpected(onPhone.problems), []);
    assert.deepEqual(unexpected(story.staff.problems), []);
  });

  it("records a building's tenant-representative election with a candidate found by name", async () => {
    const { context } = story.staff;
    const reps = await json(context, '/api/v1/representatives?community_id=1');
    const sitting = new Set(reps.items.flatMap((b) => b.representatives.map((r) => r.resident_id)));
    let candidate;
    for (const building of reps.items.filter((b) => b.representatives.length === 0)) {
      const households = (await json(context, `/api/v1/households?community_id=1&building_id=${building.building_id}&page_size=50`)).items;
      for (const household of households.filter((h) => h.housing_type === 'tenant' || h.tags.includes('tenant'))) {
        const file = await json(context, `/api/v1/households/${household.id}`);
        const person = (file.residents ?? []).find((r) => !sitting.has(r.id));
        if (person) {
          candidate = { ...person, address: file.address, building };
          break;
        }
      }
      if (candidate) break;
    }
    assert.ok(candidate, 'a building without representatives has a tenant household');
    const page = story.staffPage;
    await page.goto('/staff/representatives');
    await page.locator('[data-test="new-election"]').click();
    await page.locator('[data-test="election-building"]').selectOption(String(candidate.building.building_id));
    await page.locator('[data-test="candidate-picker"] [data-test="picker-query"]').fill(candidate.name);
    await page.locator('[data-test="candidate-picker"] [data-test="picker-choice"]').filter({ hasText: candidate.address }).first().click();
    const row = page.locator('[data-test="candidate"]').filter({ hasText: candidate.name });
    await row.locator('[data-test="candidate-votes"]').fill('17');
    await page.locator('[data-test="save-election"]').click();
    await page.locator('[data-test="election-error"]').filter({ hasText: '请勾选 1 到 2 名当选人' }).waitFor();
    await row.locator('[data-test="candidate-elected"]').check();
    await page.locator('[data-test="save-election"]').click();
    await page.locator('[data-test="election-done"]').filter({ hasText: candidate.name }).waitFor();
    const card = page.locator('[data-test="building-reps"]').filter({ has: page.locator('h3', { hasText: new RegExp(`^${candidate.building.building}$`) }) });
    await card.locator('[data-test="representative"]').filter({ hasText: candidate.name }).waitFor();
    const stored = (await json(context, '/api/v1/representatives?community_id=1')).items.find((b) => b.building_id === candidate.building.building_id);
    assert.deepEqual(
      stored.representatives.map((r) => [r.resident_id, r.votes]),
      [[candidate.id, 17]],
    );
    await screenshot(page, 'civic-05-staff-representatives');
    assert.deepEqual(unexpected(story.staff.problems), []);
  });

  it('has the public assistant answer a question once staff wrote its answer', async () => {
    const visitor = await openContext(phone);
    const publicPage = await visitor.context.newPage();
    await publicPage.goto('/assistant?community_id=1');
    await publicPage.getByLabel('您想问什么？').fill(QUESTION);
    await publicPage.locator('[data-test="ask"]').click();
    await publicPage.locator('[data-test="dont-know"]').waitFor();

    const page = story.staffPage;
    await page.goto('/staff/assistant');
    const item = page.locator(`[data-test="unanswered-question"][data-question="${QUESTION}"]`);
    await item.locator('[data-test="answer-question"]').click();
    assert.equal(await item.locator('[data-test="entry-question"]').inputValue(), QUESTION);
    await item.locator('[data-test="entry-answer"]').fill(ANSWER);
    await item.locator('[data-test="entry-keywords"]').fill('充气泵 打气筒 借用');
    await screenshot(page, 'civic-06-staff-assistant-answer');
    await item.locator('[data-test="save-entry"]').click();
    await page.locator('[data-test="unanswered-message"]').filter({ hasText: '已写入知识库并公开' }).waitFor();
    const open = (await json(story.staff.context, '/api/v1/assistant/unanswered?community_id=1')).items;
    assert.ok(!open.some((q) => q.question === QUESTION), 'the question is no longer open');
    const all = (await json(story.staff.context, '/api/v1/assistant/unanswered?community_id=1&resolved=true')).items;
    const resolved = all.find((q) => q.question === QUESTION);
    assert.ok(resolved.resolved_at && resolved.resolved_entry_id, 'resolved by the new entry');

    // The knowledge base lists it, found by a word of its keywords.
    await page.locator('[data-test="tab-entries"]').click();
    await page.locator('[data-test="entries-search"]').fill('打气筒');
    const entry = page.locator(`[data-test="entry"][data-question="${QUESTION}"]`);
    await entry.waitFor();
    assert.equal(await page.locator('[data-test="entry"]').count(), 1);
    await screenshot(page, 'civic-07-staff-knowledge-base');

    await publicPage.reload();
    await publicPage.getByLabel('您想问什么？').fill(QUESTION);
    await publicPage.locator('[data-test="ask"]').click();
    await publicPage.locator('[data-test="answer"]').filter({ hasText: ANSWER }).waitFor();
    await screenshot(publicPage, 'civic-08-public-assistant-answered-phone');

    // Staff correct the answer; residents get the new wording. Then they delete the entry.
    await entry.locator('[data-test="edit-entry"]').click();
    await entry.locator('[data-test="entry-answer"]').fill(`${ANSWER}周末不外借。`);
    await entry.locator('[data-test="save-entry"]').click();
    await page.locator('[data-test="entries-message"]').filter({ hasText: '已保存' }).waitFor();
    await publicPage.locator('[data-test="ask"]').click();
    await publicPage.locator('[data-test="answer"]').filter({ hasText: '周末不外借' }).waitFor();
    await entry.locator('[data-test="delete-entry"]').click();
    await entry.locator('[data-test="delete-confirm"]').click();
    await page.locator('[data-test="entries-message"]').filter({ hasText: '已删除' }).waitFor();
    const gone = await story.staff.context.request.get(`/api/v1/assistant/entries/${resolved.resolved_entry_id}`);
    assert.equal(gone.status(), 404);
    assert.deepEqual(unexpected(visitor.problems), []);
    assert.deepEqual(unexpected(story.staff.problems), []);
  });
});
