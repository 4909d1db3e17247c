import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createMemoryHistory, createRouter } from 'vue-router';
import PlanView from './PlanView.vue';
import { session } from '../../session';
import { i18nFor, stubFetch } from '../../test/helpers';
import type { User } from '../../api/accounts';
import type { PlanBoard, PlanObjection, PlanStage } from '../../api/transparency';

function boardFor(state: PlanStage, unit = 'fen', objectionsOpen = true): PlanBoard {
  return {
    plan: {
      plan_id: 11,
      community_id: 1,
      quarter: '2027Q1',
      unit,
      total: 1250000,
      state,
      notice_days: 7,
      days_left: state === 'public_notice' ? (objectionsOpen ? 4 : 0) : null,
      notice_started_at: '2026-11-26T08:00:00.000+08:00',
      notice_ends_at: state === 'public_notice' ? '2026-12-03T08:00:00.000+08:00' : null,
      objections_open: state === 'public_notice' && objectionsOpen,
      published: state !== 'draft',
      returned: false,
      revises_plan_id: null,
      revised_by_plan_id: null,
    },
    allocation: { labels: ['elderly_care', 'pb_garden'], values: [217928, 80000] },
    progress: [
      { category: 'elderly_care', planned: 217928, spent: 204000, spent_bp: 9361, households_served: 30, households_covered: 28, households_targeted: 1838, coverage_bp: 152 },
      { category: 'pb_garden', planned: 80000, spent: 0, spent_bp: 0, households_served: 0, households_covered: 0, households_targeted: null, coverage_bp: null },
    ],
    totals: { planned: 297928, spent: 204000, spent_bp: 6847, households_served: 30, delivered_units: 53, misallocated_units: 3, misallocation_bp: 566 },
    spending: [],
    evaluations: [],
    feedback: [],
    objections: { objecting_households: 1, households: 4500, threshold_bp: 500, third_party_required: false, third_party_recorded: false },
    satisfaction: { served_households: 53, responses: 17, distribution: [0, 1, 0, 11, 5], mean_hundredths: 418, satisfied_bp: 9412 },
    history: [{ id: 1, action: 'publish', from: 'draft', to: 'public_notice', note: '公示七天', created_at: '2026-11-26T08:00:00.000+08:00' }],
    council_votes: [],
    assessments: [],
    decisions: [],
    revision: null,
    emergency: { reserve: 0, spent: 0, left: 0, carried_in: 0, carried_out: 0, items: [] },
    funding: null,
  };
}

const resident: User = { id: 9, username: 'resident', role: 'resident', community_ids: [1], household_id: 5, display_name: '张文博' };

async function mountPlan(locale: 'zh-CN' | 'en' = 'zh-CN') {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/board/plans/:id', component: PlanView },
      { path: '/:p(.*)*', component: { template: '<div />' } },
    ],
  });
  await router.push('/board/plans/11');
  const wrapper = mount({ template: '<RouterView />' }, {
    global: { plugins: [i18nFor(locale), router], stubs: { AllocationChart: true } },
  });
  await flushPromises();
  return wrapper;
}

describe('PlanView', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    session.user = null;
  });

  it('shows the stage, the budget in yuan and the figures, in Chinese', async () => {
    stubFetch({
      'GET /api/v1/public/plans/11': { body: boardFor('public_notice') },
      'GET /api/v1/public/notices': { body: { items: [] } },
    });
    const wrapper = await mountPlan();
    expect(wrapper.find('[aria-current="step"]').text()).toContain('公示中');
    expect(wrapper.findAll('[data-test="stepper"] li')).toHaveLength(7);
    expect(wrapper.find('[data-test="days-left"]').text()).toBe('公示期还剩 4 天 （异议受理至 2026/12/03 08:00）');
    expect(wrapper.find('[data-test="budget"]').text()).toBe('12,500.00 元');
    const lines = wrapper.findAll('[data-test="progress"] li');
    expect(lines[0].text()).toContain('养老服务');
    expect(lines[0].text()).toContain('覆盖 28 / 1838 户（1.5%）');
    // A budgeting project keeps its own name.
    expect(lines[1].text()).toContain('pb_garden');
    expect(wrapper.find('[data-test="misallocation"]').text()).toBe('5.7%');
    expect(wrapper.find('[data-test="satisfaction"]').text()).toBe('满意率 94.1%');
    expect(wrapper.find('[data-test="print-link"]').attributes('href')).toBe('/api/v1/public/plans/11/print');
    // Visitors without a login are invited to log in, not shown the form.
    expect(wrapper.find('[data-test="objection-form"]').exists()).toBe(false);
  });

  it('reads as English in English: one day, one household, half-width brackets, a space before the print hint', async () => {
    const board = boardFor('public_notice');
    board.plan.days_left = 1;
    stubFetch({
      'GET /api/v1/public/plans/11': { body: board },
      'GET /api/v1/public/notices': { body: { items: [] } },
    });
    const wrapper = await mountPlan('en');
    expect(wrapper.find('[data-test="days-left"]').text()).toBe('1 day of public notice left (Objections taken until 12/03/2026, 08:00)');
    expect(wrapper.find('[data-test="objection-count"]').text()).toBe('1 household objected (of 4500)');
    expect(wrapper.find('[data-test="print-link"]').element.parentElement?.textContent).toMatch(/^Print notice \(opens/);
  });

  it('lets a resident object while on notice and lists the objection as awaiting an answer', async () => {
    session.user = resident;
    session.loaded = true;
    const objections: PlanObjection[] = [];
    const { calls } = stubFetch({
      'GET /api/v1/public/plans/11': { body: boardFor('public_notice') },
      'GET /api/v1/public/notices': () => ({ body: { items: [{ ...boardFor('public_notice').plan, objections }] } }),
      'POST /api/v1/plans/11/objections': (init) => {
        const { text } = JSON.parse(String(init?.body));
        objections.push({ id: 300, plan_id: 11, text, answer: null, created_at: '2026-11-30T10:00:00+08:00', answered_at: null });
        return { status: 201, body: objections[0] };
      },
    });
    const wrapper = await mountPlan();
    await wrapper.find('[data-test="objection-form"]').trigger('submit');
    expect(wrapper.find('[data-test="objection-error"]').text()).toBe('请写下您的意见。');
    await wrapper.find('#objection-text').setValue('文体活动占比太高');
    await wrapper.find('[data-test="objection-form"]').trigger('submit');
    await flushPromises();
    expect(wrapper.find('[data-test="objection-done"]').exists()).toBe(true);
    const item = wrapper.find('[data-objection="300"]');
    expect(item.text()).toContain('文体活动占比太高');
    expect(item.text()).toContain('待答复');
    expect(calls.find((c) => c.method === 'POST')?.init?.headers).toHaveProperty('Idempotency-Key');
  });

  it('says the notice is over and offers no form once the server stops taking objections', async () => {
    session.user = resident;
    session.loaded = true;
    stubFetch({
      'GET /api/v1/public/plans/11': { body: boardFor('public_notice', 'fen', false) },
      'GET /api/v1/public/notices': { body: { items: [] } },
    });
    const wrapper = await mountPlan();
    // Still on notice until staff move it on, but the server's rule says it has ended.
    expect(wrapper.find('[aria-current="step"]').text()).toContain('公示中');
    expect(wrapper.find('[data-test="days-left"]').text()).toBe('公示期已于 2026/12/03 08:00 期满，待提交居民议事会表决');
    expect(wrapper.find('[data-test="objection-form"]').exists()).toBe(false);
    expect(wrapper.find('[data-test="objections-closed"]').exists()).toBe(true);
  });

  it('hides the form when the notice ends while the page is open', async () => {
    session.user = resident;
    session.loaded = true;
    let ended = false;
    stubFetch({
      'GET /api/v1/public/plans/11': () => ({ body: boardFor('public_notice', 'fen', !ended) }),
      'GET /api/v1/public/notices': { body: { items: [] } },
      'POST /api/v1/plans/11/objections': () => {
        ended = true;
        return { status: 409, body: { error: { code: 'notice_ended', message: 'ended' } } };
      },
    });
    const wrapper = await mountPlan();
    await wrapper.find('#objection-text').setValue('晚了一分钟');
    await wrapper.find('[data-test="objection-form"]').trigger('submit');
    await flushPromises();
    expect(wrapper.find('[data-test="objection-form"]').exists()).toBe(false);
    expect(wrapper.find('[data-test="objections-closed"]').exists()).toBe(true);
  });

  it('says in words why a rating was refused', async () => {
    session.user = resident;
    session.loaded = true;
    stubFetch({
      'GET /api/v1/public/plans/11': { body: boardFor('closed', 'place') },
      'GET /api/v1/public/notices': { body: { items: [] } },
      'POST /api/v1/plans/11/ratings': { status: 403, body: { error: { code: 'not_served', message: 'not served' } } },
    });
    const wrapper = await mountPlan();
    expect(wrapper.find('[data-test="budget"]').text()).toBe('1250000 个名额');
    await wrapper.find('.rating input[value="4"]').setValue(true);
    await wrapper.find('[data-test="rating-form"]').trigger('submit');
    await flushPromises();
    expect(wrapper.find('[data-test="rating-form"] .field-error').text()).toBe('这个方案没有服务到您家，不能评价。');
  });

  it('shows how a returned plan was decided: the failing vote, the assessment and the reason, and marks it returned', async () => {
    const board = boardFor('draft');
    Object.assign(board.plan, { returned: true, published: true, revised_by_plan_id: null, revises_plan_id: null });
    board.council_votes = [
      { id: 1, plan_id: 11, meeting: '第四季度议事会', held_at: '2026-12-05T19:30:00+08:00', place: '社区活动室', members_total: 15, members_present: 7, votes_for: 6, votes_against: 1, votes_abstain: 0, quorum_met: false, passed: false, minutes: '出席不足。', reasons: '出席人数不足', created_at: '2026-12-05T21:00:00+08:00' },
    ];
    board.assessments = [];
    board.decisions = [
      { action: 'council_failed', stage_from: 'council_vote', stage_to: 'draft', reason: '未达到法定人数：出席人数不足', created_at: '2026-12-05T21:00:00+08:00' },
    ];
    board.history.push({ id: 2, action: 'council_failed', from: 'council_vote', to: 'draft', note: '未达到法定人数：出席人数不足', created_at: '2026-12-05T21:00:00+08:00' });
    stubFetch({
      'GET /api/v1/public/plans/11': { body: board },
      'GET /api/v1/public/notices': { body: { items: [] } },
    });
    const wrapper = await mountPlan();
    expect(wrapper.find('[data-test="plan-state"]').text()).toBe('已退回修改');
    expect(wrapper.find('[data-test="plan-outcome"]').text()).toBe('本方案已退回修改：未达到法定人数：出席人数不足');
    const vote = wrapper.find('[data-test="council-vote"]');
    expect(vote.find('[data-test="vote-result"]').text()).toBe('未通过');
    expect(vote.find('[data-test="vote-attendance"]').text()).toBe('成员 15 人，出席 7 人 未达到法定人数');
    expect(vote.find('[data-test="vote-counts"]').text()).toBe('赞成 6 · 反对 1 · 弃权 0');
    expect(wrapper.find('[data-test="decisions"] li').text()).toContain('议事会表决未通过');
    expect(wrapper.find('[data-test="history"]').text()).toContain('议事会表决未通过');
    // No emergency section before the plan executes.
    expect(wrapper.find('[data-test="emergency"]').exists()).toBe(false);
  });

  it('shows a revision\'s difference per category and links a superseded plan to it', async () => {
    const revision = boardFor('public_notice');
    Object.assign(revision.plan, { revises_plan_id: 9 });
    revision.council_votes = [];
    revision.assessments = [];
    revision.decisions = [];
    revision.revision = {
      revises_plan_id: 9,
      total_before: 1200000,
      total_after: 1250000,
      lines: [
        { category: 'elderly_care', before: 200000, after: 250000, change: 50000 },
        { category: 'pb_garden', before: null, after: 80000, change: 80000 },
        { category: 'culture_sports', before: 60000, after: 0, change: -60000 },
      ],
    };
    stubFetch({
      'GET /api/v1/public/plans/11': { body: revision },
      'GET /api/v1/public/notices': { body: { items: [] } },
    });
    const wrapper = await mountPlan();
    expect(wrapper.find('[data-test="revision-total"]').text()).toBe('计划分配合计：原方案 12,000.00 元 → 修订版 12,500.00 元');
    const lines = wrapper.findAll('[data-test="revision-line"]');
    expect(lines[0].text()).toContain('养老服务');
    expect(lines[0].text()).toContain('原方案 2,000.00 元 → 修订版 2,500.00 元');
    expect(lines[0].find('[data-test="revision-change"]').text()).toBe('变化 +500.00 元');
    expect(lines[1].text()).toContain('原方案 —（新增）');
    expect(lines[2].find('[data-test="revision-change"]').text()).toBe('变化 −600.00 元');
    expect(lines[2].text()).toContain('0.00 元（取消）');
    expect(wrapper.find('[data-test="original-link"]').attributes('href')).toBe('/board/plans/9');
  });

  it('shows the emergency reserve with each spend\'s sign-off, overdue in red', async () => {
    const board = boardFor('executing');
    const base = { plan_id: 11, payee_category: 'service_provider', created_at: '2026-12-01T10:00:00+08:00', published_at: '2026-12-01T10:00:00+08:00' };
    board.emergency = {
      reserve: 625000,
      spent: 230000,
      left: 395000,
      carried_in: 0,
      carried_out: 0,
      items: [
        { ...base, id: 2, kind: 'urgent_relief', reason: '独居老人临时救助', households_served: 1, amount: 80000, receipt_ref: 'FP-2', spent_on: '2026-12-05', sign_off_due_at: '2026-12-12T10:00:00+08:00', signed_off_at: '2026-12-06T09:00:00+08:00', sign_off_note: '已核实', overdue: false },
        { ...base, id: 1, kind: 'natural_disaster', reason: '暴雨导致3号楼地下室进水', households_served: 12, amount: 150000, receipt_ref: 'FP-1', spent_on: '2026-11-20', sign_off_due_at: '2026-11-27T10:00:00+08:00', signed_off_at: null, sign_off_note: null, overdue: true },
      ],
    };
    stubFetch({
      'GET /api/v1/public/plans/11': { body: board },
      'GET /api/v1/public/notices': { body: { items: [] } },
    });
    const wrapper = await mountPlan();
    expect(wrapper.find('[data-test="emergency-reserve"]').text()).toBe('6,250.00 元');
    expect(wrapper.find('[data-test="emergency-spent"]').text()).toBe('2,300.00 元');
    expect(wrapper.find('[data-test="emergency-left"]').text()).toBe('3,950.00 元');
    const spends = wrapper.findAll('[data-test="emergency-spend"]');
    expect(spends[0].text()).toContain('临时救助 · 1 户受益');
    expect(spends[0].find('[data-test="sign-off-state"]').text()).toContain('已签认');
    expect(spends[1].attributes('data-state')).toBe('overdue');
    expect(spends[1].find('.badge--red').text()).toBe('逾期未签认（应于 2026/11/27 10:00 前）');
    // The public page has no sign-off button.
    expect(wrapper.find('[data-test="sign-off"]').exists()).toBe(false);
  });
});
