import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createMemoryHistory, createRouter } from 'vue-router';
import PlannerView from './PlannerView.vue';
import { i18nFor, stubFetch } from '../../test/helpers';
import { session } from '../../session';

vi.mock('../../components/cockpit/CockpitChart.vue', () => ({ default: { props: ['option', 'label'], template: '<div data-test="chart-stub" />' } }));

const demand = {
  community_id: 1,
  households: 10,
  demand: { elderly_care: 12, childcare: 3, disability_service: 2, low_income_assistance: 4, culture_sports: 20 },
  households_with_demand: { elderly_care: 6, childcare: 2, disability_service: 2, low_income_assistance: 4, culture_sports: 9 },
};
const created = {
  id: 9,
  community_id: 1,
  quarter: '2027Q1',
  total: 1000000,
  unit: 'fen',
  pools: { emergency: 50000, base: 665000, dynamic: 285000, surplus: 0, reserve: 50000 },
  lines: [{ category: 'elderly_care', base: 400000, dynamic: 100000, total: 500000, policy_weight: 12, demand_weight: 3, demand: null, previous_total: 400000, change: 100000 }],
  lines_total: 500000,
  previous_plan_id: 3,
  created_at: '2026-11-29T10:00:00+08:00',
};
const fairness = {
  plan_id: 9,
  community_id: 1,
  quarter: '2027Q1',
  unit: 'fen',
  groups: [{ group: 'elderly', resource_share_bp: 6000, need_share_bp: 3000, population_share_bp: 2000, ratio_to_need_percent: 200, elite_capture: true, left_behind: false }],
  elite_capture: true,
  gini_bp: 4000,
  group_gini_bp: 2500,
};

async function mountPlanner(locale: 'zh-CN' | 'en' = 'zh-CN') {
  session.user = { id: 2, username: 'staff', role: 'staff', community_ids: [1], household_id: null, display_name: '王' } as never;
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:p(.*)*', component: PlannerView }] });
  await router.push('/staff/plans/new');
  const wrapper = mount({ template: '<RouterView />' }, { global: { plugins: [i18nFor(locale), router] } });
  await flushPromises();
  return wrapper;
}

describe('PlannerView', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('fills the policy weights from the needs module, sends fen and shows pools, split and fairness', async () => {
    let sent: Record<string, unknown> = {};
    stubFetch({
      'GET /api/v1/needs/demand': { body: demand },
      'POST /api/v1/allocation/plans': (init) => {
        sent = JSON.parse(String(init?.body));
        return { status: 201, body: created };
      },
      'GET /api/v1/allocation/plans/9/fairness': { body: fairness },
    });
    const wrapper = await mountPlanner();
    expect((wrapper.find('[data-policy="elderly_care"]').element as HTMLInputElement).value).toBe('12');
    await wrapper.find('#plan-quarter').setValue('2027Q1');
    await wrapper.find('#plan-total').setValue('10,000');
    await wrapper.find('[data-test="planner"]').trigger('submit');
    await flushPromises();
    expect(sent).toMatchObject({ community_id: 1, quarter: '2027Q1', total: 1000000, unit: 'fen', percents: { emergency_percent: 5, base_percent: 70, dynamic_percent: 30 } });
    expect((sent.categories as { category: string; policy_weight?: number; demand_weight?: number }[])[0]).toEqual({ category: 'elderly_care', policy_weight: 12 });
    expect(wrapper.find('[data-test="pools"]').text()).toContain('500.00');
    expect(wrapper.find('[data-category="elderly_care"]').text()).toContain('+1,000.00');
    expect(wrapper.find('[data-group="elderly"]').text()).toContain('精英俘获');
  });

  it('says what is wrong with the percentages before asking, and the server refusal after', async () => {
    stubFetch({
      'GET /api/v1/needs/demand': { body: demand },
      'POST /api/v1/allocation/plans': { status: 400, body: { error: { code: 'invalid_quarter', message: 'x' } } },
    });
    const wrapper = await mountPlanner('en');
    await wrapper.find('#plan-total').setValue('100');
    await wrapper.find('#pct-dynamic').setValue('20');
    await wrapper.find('[data-test="planner"]').trigger('submit');
    expect(wrapper.find('[data-test="percents-error"]').text()).toBe('The base and dynamic pools must add up to 100%.');
    await wrapper.find('#pct-dynamic').setValue('30');
    await wrapper.find('[data-test="planner"]').trigger('submit');
    await flushPromises();
    expect(wrapper.find('[data-test="planner-error"]').text()).toBe('Write the quarter like 2026Q3.');
  });
});
