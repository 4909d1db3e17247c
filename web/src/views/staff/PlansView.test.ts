import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createMemoryHistory, createRouter } from 'vue-router';
import PlansView from './PlansView.vue';
import { i18nFor, stubFetch } from '../../test/helpers';
import { session } from '../../session';

async function mountList() {
  session.user = { id: 2, username: 'staff', role: 'staff', community_ids: [1], household_id: null, display_name: '王' } as never;
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:p(.*)*', component: PlansView }] });
  await router.push('/staff/plans');
  const wrapper = mount({ template: '<RouterView />' }, { global: { plugins: [i18nFor('zh-CN'), router] } });
  await flushPromises();
  return wrapper;
}

describe('PlansView', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('lists plans with their stage, the public page only once published, and offers a new plan', async () => {
    stubFetch({
      'GET /api/v1/allocation/plans': {
        body: {
          community_id: 1,
          items: [
            { id: 12, quarter: '2027Q1', unit: 'fen', total: 1000000, stage: 'draft', created_at: '2026-11-29T10:00:00+08:00' },
            { id: 7, quarter: '2026Q4', unit: 'place', total: 60, stage: 'public_notice', created_at: '2026-10-01T10:00:00+08:00' },
          ],
        },
      },
    });
    const wrapper = await mountList();
    const rows = wrapper.findAll('[data-plan]');
    expect(rows.map((row) => row.find('[data-test="plan-stage"]').text())).toEqual(['草案', '公示中']);
    expect(rows[0].text()).toContain('10,000.00 元');
    expect(rows[0].findAll('a').map((a) => a.attributes('href'))).toEqual(['/staff/plans/12']);
    expect(rows[1].findAll('a').map((a) => a.attributes('href'))).toEqual(['/staff/plans/7', '/board/plans/7']);
    expect(wrapper.find('[data-test="new-plan"]').attributes('href')).toBe('/staff/plans/new');
  });

  it('says why the list could not be read', async () => {
    stubFetch({ 'GET /api/v1/allocation/plans': { status: 403, body: { error: { code: 'forbidden', message: 'x' } } } });
    const wrapper = await mountList();
    expect(wrapper.text()).toContain('您没有权限做这件事。');
  });
});
