import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createMemoryHistory, createRouter } from 'vue-router';
import PlanDeskView from './PlanDeskView.vue';
import { i18nFor, stubFetch } from '../../test/helpers';

const executing = {
  plan: { plan_id: 5, community_id: 1, quarter: '2026Q4', unit: 'fen', total: 1200000, state: 'executing', notice_days: 7, days_left: null, notice_started_at: null, notice_ends_at: null, objections_open: false },
  allocation: { labels: ['elderly_care'], values: [300000] },
  progress: [{ category: 'elderly_care', planned: 300000, spent: 0, spent_bp: 0, households_served: 0, households_covered: 0, households_targeted: null, coverage_bp: null }],
  totals: { planned: 300000, spent: 0, spent_bp: 0, households_served: 0, delivered_units: 0, misallocated_units: 0, misallocation_bp: 0 },
  spending: [],
  evaluations: [],
  feedback: [],
  objections: { objecting_households: 0, households: 4500, threshold_bp: 500, third_party_required: false, third_party_recorded: false },
  satisfaction: { served_households: 0, responses: 0, distribution: [0, 0, 0, 0, 0], mean_hundredths: 0, satisfied_bp: 0 },
  history: [],
};

/** The allocation side, which says the plan's community and stage. */
function allocation(stage: string) {
  return {
    'GET /api/v1/allocation/plans/5': { body: { id: 5, community_id: 1, quarter: '2026Q4', total: 1200000, unit: 'fen', lines: [{ category: 'elderly_care', total: 300000, previous_total: null, change: null }] } },
    'GET /api/v1/allocation/plans': { body: { community_id: 1, items: [{ id: 5, quarter: '2026Q4', unit: 'fen', total: 1200000, stage, created_at: '2026-10-01T09:00:00+08:00' }] } },
  };
}

async function mountDesk(locale: 'zh-CN' | 'en' = 'zh-CN') {
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/staff/plans/:id', component: PlanDeskView }, { path: '/:p(.*)*', component: { template: '<div />' } }] });
  await router.push('/staff/plans/5');
  const wrapper = mount({ template: '<RouterView />' }, { global: { plugins: [i18nFor(locale), router] } });
  await flushPromises();
  return wrapper;
}

describe('PlanDeskView', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('does not ask for the public page of a draft, which has none', async () => {
    const { calls } = stubFetch(allocation('draft'));
    const wrapper = await mountDesk();
    expect(calls.map((call) => call.url.split('?')[0])).not.toContain('/api/v1/public/plans/5');
    expect(wrapper.find('[data-test="plan-state"]').text()).toBe('草案');
    expect(wrapper.find('[data-test="error"]').exists()).toBe(false);
  });

  it('offers the next step and says why the server refused it', async () => {
    stubFetch({
      ...allocation('executing'),
      'GET /api/v1/public/plans/5': { body: executing },
      'GET /api/v1/public/notices': { body: { items: [] } },
      'POST /api/v1/plans/5/transitions': { status: 409, body: { error: { code: 'final_evaluation_missing', message: 'x' } } },
    });
    const wrapper = await mountDesk();
    const button = wrapper.find('[data-action="close"]');
    expect(button.text()).toBe('结项');
    await wrapper.find('[data-test="transition"] form').trigger('submit');
    expect(wrapper.find('[data-test="transition-error"]').text()).toBe('请写明说明。');
    await wrapper.find('#transition-note').setValue('决算公开');
    await wrapper.find('[data-test="transition"] form').trigger('submit');
    await flushPromises();
    expect(wrapper.find('[data-test="transition-error"]').text()).toBe('结项前须录入结项评估。');
  });

  it('records spending in fen from yuan typed with separators, and names an overspend in English', async () => {
    let sent: Record<string, unknown> = {};
    stubFetch({
      ...allocation('executing'),
      'GET /api/v1/public/plans/5': { body: executing },
      'GET /api/v1/public/notices': { body: { items: [] } },
      'POST /api/v1/plans/5/spending': (init) => {
        sent = JSON.parse(String(init?.body));
        return { status: 409, body: { error: { code: 'line_overspent', message: 'x' } } };
      },
    });
    const wrapper = await mountDesk('en');
    await wrapper.find('#spending-category').setValue('elderly_care');
    await wrapper.find('#spending-amount').setValue('1,200.50');
    await wrapper.find('#spending-purpose').setValue('Meal subsidy');
    await wrapper.find('#spending-receipt').setValue('FP-1');
    await wrapper.find('#spending-households').setValue('12, 15');
    await wrapper.find('[data-test="spending-form"] form').trigger('submit');
    await flushPromises();
    expect(sent).toMatchObject({ category: 'elderly_care', amount: 120050, payee_category: 'service_provider', household_ids: [12, 15] });
    expect(wrapper.find('[data-test="spending-error"]').text()).toBe("This would spend more than the category's planned amount.");
  });
});
