import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createMemoryHistory, createRouter } from 'vue-router';
import VisitView from './VisitView.vue';
import { i18nFor, stubFetch } from '../../test/helpers';
import { session } from '../../session';

const household = { id: 12, community_id: 1, building_id: 1, building: '1号楼', code: '01-1-0101', address: '幸福里社区1号楼1单元101室', housing_type: 'owner', size: 1, income_band: 'low', willingness: 'low', guide_user_id: 4, tags: ['elderly_alone'], needs: [], skills: [], residents: [] };
const vocabulary = { tags: [], housing_types: [], service_categories: [{ code: 'elderly_care', label_zh: '养老服务' }, { code: 'health', label_zh: '健康服务' }] };

async function mountAt(path: string) {
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/guide/visit/:id', component: VisitView }, { path: '/:p(.*)*', component: { template: '<div />' } }] });
  await router.push(path);
  const wrapper = mount({ template: '<RouterView />' }, { global: { plugins: [i18nFor('zh-CN'), router] } });
  await flushPromises();
  return wrapper;
}

describe('VisitView', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('asks for notes, then sends the visit read in Shanghai with one Idempotency-Key kept across a retry', async () => {
    session.user = { id: 4, username: 'guide1', role: 'guide', community_ids: [1], household_id: null, display_name: '陈杰' } as never;
    let fail = true;
    const { calls } = stubFetch({
      'GET /api/v1/households/12': { body: household },
      'GET /api/v1/registry/vocabulary': { body: vocabulary },
      'GET /api/v1/categories': { body: { categories: [], departments: [] } },
      'POST /api/v1/visits': () => {
        if (fail) {
          fail = false;
          return { network: true };
        }
        return { status: 201, body: { id: 9, household_id: 12, household_address: household.address, kind: 'phone', visited_at: '2026-12-07T10:30:00.000+08:00', notes: '问候', needs_found: ['health'], follow_up_at: null } };
      },
    });
    const wrapper = await mountAt('/guide/visit/12');
    expect(wrapper.text()).toContain('幸福里社区1号楼1单元101室');
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(wrapper.text()).toContain('请写下这次走访的情况');
    expect(calls.some((call) => call.method === 'POST')).toBe(false);

    await wrapper.find('[data-kind="phone"]').trigger('click');
    await wrapper.find('#visit-when').setValue('2026-12-07T10:30');
    await wrapper.find('#visit-notes').setValue('问候');
    const chips = wrapper.findAll('[data-test="need-chips"] .chip');
    expect(chips.map((chip) => chip.text())).toEqual(['养老服务', '健康服务']);
    await chips[1].trigger('click');
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    // The connection dropped: the same visit sent again carries the same key.
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    const posts = calls.filter((call) => call.method === 'POST');
    expect(posts).toHaveLength(2);
    const body = JSON.parse(String(posts[1].init?.body));
    expect(body).toEqual({ household_id: 12, visited_at: '2026-12-07T10:30:00+08:00', kind: 'phone', notes: '问候', needs_found: ['health'] });
    const key = (init?: RequestInit) => (init?.headers as Record<string, string>)['Idempotency-Key'];
    expect(key(posts[0].init)).toBeTruthy();
    expect(key(posts[1].init)).toBe(key(posts[0].init));
    expect(wrapper.find('[data-test="visit-saved"]').text()).toContain('电话');
  });
});
