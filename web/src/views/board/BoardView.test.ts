import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createMemoryHistory, createRouter } from 'vue-router';
import BoardView from './BoardView.vue';
import { session } from '../../session';
import { i18nFor, stubFetch } from '../../test/helpers';
import type { PlanStatus } from '../../api/transparency';

function plan(id: number, quarter: string, unit: string, total: number, state: PlanStatus['state'] = 'executing'): PlanStatus {
  return {
    plan_id: id, community_id: 1, quarter, unit, total, state, notice_days: 7, days_left: null,
    notice_started_at: null, notice_ends_at: null, objections_open: false,
    published: true, returned: false, revises_plan_id: null, revised_by_plan_id: null,
  };
}

const board = {
  plan: plan(12, '2026Q4', 'fen', 1200000),
  allocation: { labels: [], values: [] },
  progress: [],
  totals: { planned: 0, spent: 0, spent_bp: 0, households_served: 0, delivered_units: 0, misallocated_units: 0, misallocation_bp: 0 },
  spending: [],
  evaluations: [],
  feedback: [],
  objections: { objecting_households: 0, households: 4500, threshold_bp: 500, third_party_required: false, third_party_recorded: false },
  satisfaction: { served_households: 0, responses: 0, distribution: [0, 0, 0, 0, 0], mean_hundredths: 0, satisfied_bp: 0 },
  history: [],
  community_id: 1,
  plans: [plan(12, '2026Q4', 'fen', 1200000), plan(10, '2026Q4', 'place', 60)],
};

const communities = {
  items: [
    { id: 1, name: '幸福里社区', code: '330106-001', district: '西湖区', street: '北山街道' },
    { id: 2, name: '和平里社区', code: '330106-002', district: '西湖区', street: '北山街道' },
  ],
};

async function mountBoard(path = '/board') {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/board', component: BoardView },
      { path: '/:p(.*)*', component: { template: '<div />' } },
    ],
  });
  await router.push(path);
  const wrapper = mount({ template: '<RouterView />' }, {
    global: { plugins: [i18nFor(), router], stubs: { PlanBoardDetails: true, ChainCheckpoint: true } },
  });
  await flushPromises();
  return { wrapper, router };
}

describe('the public board', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    session.user = null;
  });

  it('says what each plan of a quarter is for: funding or service places', async () => {
    session.user = null;
    const { calls } = stubFetch({
      'GET /api/community-resources': { body: board },
      'GET /api/v1/public/notices': { body: { items: [] } },
      'GET /api/v1/public/communities': { body: { items: [communities.items[0]] } },
    });
    const { wrapper } = await mountBoard();
    expect(wrapper.findAll('[data-test="plan-title"]').map((title) => title.text())).toEqual(['2026Q4 资金分配方案', '2026Q4 服务名额分配方案']);
    // A visitor without a login reads the community's name from the public list; one
    // community needs no picker.
    expect(wrapper.get('[data-test="board-community-name"]').text()).toBe('幸福里社区');
    expect(wrapper.find('[data-test="board-community-picker"]').exists()).toBe(false);
    expect(calls.some((call) => call.url.startsWith('/api/v1/communities'))).toBe(false);
  });

  it('names its community and switches to another one, without a login', async () => {
    session.user = null;
    const { calls } = stubFetch({
      'GET /api/community-resources': { body: board },
      'GET /api/v1/public/notices': { body: { items: [] } },
      'GET /api/v1/public/communities': { body: communities },
    });
    const { wrapper, router } = await mountBoard('/board?community_id=1');
    expect(wrapper.get('[data-test="board-community-name"]').text()).toBe('幸福里社区');
    const picker = wrapper.get('[data-test="board-community-picker"]');
    expect(picker.findAll('option').map((option) => option.text())).toEqual(['幸福里社区', '和平里社区']);
    await picker.setValue('2');
    await flushPromises();
    expect(router.currentRoute.value.query.community_id).toBe('2');
    expect(wrapper.get('[data-test="board-community-name"]').text()).toBe('和平里社区');
    expect(calls.some((call) => call.url === '/api/community-resources?community_id=2')).toBe(true);
  });

  it('marks returned, rejected and superseded plans in the list', async () => {
    session.user = null;
    stubFetch({
      'GET /api/community-resources': {
        body: {
          ...board,
          plans: [
            { ...plan(14, '2027Q1', 'fen', 1100000, 'public_notice'), revises_plan_id: 13 },
            { ...plan(13, '2027Q1', 'fen', 1000000, 'superseded'), revised_by_plan_id: 14 },
            { ...plan(11, '2027Q1', 'place', 60, 'draft'), returned: true, published: true },
            plan(9, '2026Q4', 'place', 50, 'rejected'),
          ],
        },
      },
      'GET /api/v1/public/notices': { body: { items: [] } },
      'GET /api/v1/public/communities': { body: { items: [communities.items[0]] } },
    });
    const { wrapper } = await mountBoard();
    const states = wrapper.findAll('[data-test="plan-list-state"]');
    expect(states.map((state) => state.text())).toEqual(['公示中', '已被修订版取代', '已退回修改', '已否决']);
    expect(states[2].classes()).toContain('badge--red');
    expect(states[3].classes()).toContain('badge--red');
  });
});
