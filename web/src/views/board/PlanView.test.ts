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
    history: [{ action: 'publish', from: 'draft', to: 'public_notice', note: '公示七天', created_at: '2026-11-26T08:00:00.000+08:00' }],
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
        objections.push({ id: 300, text, answer: null, created_at: '2026-11-30T10:00:00+08:00', answered_at: null });
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
});
