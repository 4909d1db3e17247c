import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createMemoryHistory, createRouter } from 'vue-router';
import NeedsView from './NeedsView.vue';
import { i18nFor, stubFetch } from '../../test/helpers';
import { session } from '../../session';

vi.mock('../../components/cockpit/CockpitChart.vue', () => ({ default: { props: ['option', 'label'], template: '<div data-test="chart-stub" />' } }));

const item = (rank: number, id: number, overall: number, silent: boolean) => ({
  rank,
  household_id: id,
  code: `1-10${rank}`,
  building: '1号楼',
  overall_hundredths: overall,
  sub_scores: { population_structure: 80, health: 65, economy: 75, willingness: 0, special_needs: 90 },
  demand: {},
  participation_count: 0,
  request_count: 0,
  silent,
});

describe('NeedsView', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('ranks households with their dimension scores and lists the silent needy apart', async () => {
    session.user = { id: 2, username: 'staff', role: 'staff', community_ids: [1], household_id: null, display_name: '王' } as never;
    const { calls } = stubFetch({
      'GET /api/v1/needs/ranking': {
        body: { community_id: 1, category: null, total: 2, silent_count: 1, silent_min_overall_hundredths: 5000, items: [item(1, 11, 6600, true), item(2, 12, 3000, false)] },
      },
      'GET /api/v1/needs/heatmap': { body: { community_id: 1, categories: ['elderly_care'], buildings: ['1号楼'], cells: [[2]] } },
    });
    const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:p(.*)*', component: NeedsView }] });
    await router.push('/staff/needs');
    const wrapper = mount({ template: '<RouterView />' }, { global: { plugins: [i18nFor('zh-CN'), router] } });
    await flushPromises();
    const first = wrapper.find('[data-household="11"]');
    expect(first.text()).toContain('66.00');
    expect(first.text()).toContain('90');
    expect(first.text()).toContain('沉默');
    expect(wrapper.find('[data-test="silent"]').text()).toContain('沉默的困难户（1 户）');
    expect(wrapper.find('[data-test="silent"]').text()).toContain('1-101');
    expect(wrapper.find('[data-test="silent"]').text()).not.toContain('1-102');
    await wrapper.find('#needs-category').setValue('elderly_care');
    await flushPromises();
    expect(calls.some((call) => call.url.includes('category=elderly_care'))).toBe(true);
  });

  it('lists every silent household from silent=true, not only those among the top rows (review defect 1)', async () => {
    session.user = { id: 4, username: 'guide1', role: 'guide', community_ids: [1], household_id: null, display_name: '陈杰' } as never;
    const top = { community_id: 1, category: null, total: 300, silent_count: 2, silent_min_overall_hundredths: 5000, items: [item(1, 11, 6600, false)] };
    const silentOnes = { ...top, items: [item(80, 21, 5200, true), item(95, 22, 5000, true)] };
    let calls: { url: string }[] = [];
    const stub = stubFetch({
      // The call being answered is the last one recorded.
      'GET /api/v1/needs/ranking': () => ({ body: calls[calls.length - 1]?.url.includes('silent=true') ? silentOnes : top }),
      'GET /api/v1/needs/heatmap': { body: { community_id: 1, unit: 'households', categories: ['elderly_care'], buildings: ['1号楼'], cells: [[2]] } },
    });
    calls = stub.calls;
    const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:p(.*)*', component: NeedsView }] });
    await router.push('/staff/needs');
    const wrapper = mount({ template: '<RouterView />' }, { global: { plugins: [i18nFor('zh-CN'), router] } });
    await flushPromises();
    expect(calls.some((call) => call.url.includes('silent=true'))).toBe(true);
    const silent = wrapper.find('[data-test="silent"]');
    expect(silent.text()).toContain('沉默的困难户（2 户）');
    expect(silent.findAll('li')).toHaveLength(2);
    expect(silent.find('a').attributes('href')).toBe('/staff/households/21');
    expect(silent.text()).not.toContain('目前没有沉默的困难户');
  });
});
