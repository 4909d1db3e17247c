import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createMemoryHistory, createRouter } from 'vue-router';
import GuidesView from './GuidesView.vue';
import { i18nFor, stubFetch } from '../../test/helpers';
import { session } from '../../session';

function guide(id: number, displayName: string, caseload: number) {
  return {
    id,
    username: `guide${id}`,
    display_name: displayName,
    role: 'guide',
    community_ids: [1],
    street_ids: [],
    household_id: null,
    mobile: null,
    disabled: false,
    caseload,
    created_at: '2026-12-01T09:00:00+08:00',
  };
}

const buildings = {
  items: [
    { id: 3, community_id: 1, name: '3号楼', address: null, households: 120, guide_user_id: null, guide_name: null },
    { id: 4, community_id: 1, name: '4号楼', address: null, households: 96, guide_user_id: 12, guide_name: '李四' },
  ],
};

async function mountGuides() {
  session.user = { id: 2, username: 'staff', role: 'staff', community_ids: [1], household_id: null, display_name: '王主任' } as never;
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:p(.*)*', component: GuidesView }] });
  await router.push('/admin/guides');
  const wrapper = mount({ template: '<RouterView />' }, { global: { plugins: [i18nFor('zh-CN'), router] } });
  await flushPromises();
  return wrapper;
}

describe('GuidesView', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows each guide’s caseload and gives a building to a guide with PUT', async () => {
    let assigned = false;
    const { calls } = stubFetch({
      'GET /api/v1/communities/1/buildings': { body: buildings },
      'GET /api/v1/users': () => ({ body: { items: [guide(12, '李四', 96), guide(13, '刘洋', assigned ? 120 : 0)] } }),
      'PUT /api/v1/buildings/3/guide': () => {
        assigned = true;
        return { body: { ...buildings.items[0], guide_user_id: 13, guide_name: '刘洋' } };
      },
    });
    const wrapper = await mountGuides();
    const query = new URL(calls.find((call) => call.url.startsWith('/api/v1/users'))!.url, 'http://x').searchParams;
    expect(Object.fromEntries(query)).toEqual({ community_id: '1', role: 'guide', state: 'active' });
    expect(wrapper.find('[data-guide="12"]').text()).toContain('负责 96 户');
    expect(wrapper.find('[data-guide="12"]').text()).toContain('1 栋楼');
    expect(wrapper.find('[data-guide="13"] [data-test="caseload"]').text()).toBe('负责 0 户');

    const select = wrapper.find('[data-building="3"] [data-test="guide-select"]');
    expect((select.element as HTMLSelectElement).value).toBe('');
    expect(select.findAll('option').map((option) => option.text())).toEqual(['未分配', '李四（负责 96 户）', '刘洋（负责 0 户）']);
    await select.setValue('13');
    await flushPromises();

    const put = calls.find((call) => call.method === 'PUT')!;
    expect(put.url).toBe('/api/v1/buildings/3/guide');
    expect(JSON.parse(String(put.init?.body))).toEqual({ user_id: 13 });
    expect(wrapper.find('[data-test="done"]').text()).toBe('已把3号楼交给刘洋负责。');
    // The households moved with the building: the caseloads are read again.
    expect(wrapper.find('[data-guide="13"] [data-test="caseload"]').text()).toBe('负责 120 户');
  });

  it('clears a building’s guide with null and keeps the choice when the server refuses', async () => {
    let refuse = true;
    const { calls } = stubFetch({
      'GET /api/v1/communities/1/buildings': { body: buildings },
      'GET /api/v1/users': { body: { items: [guide(12, '李四', 96)] } },
      'PUT /api/v1/buildings/4/guide': () =>
        refuse
          ? { status: 400, body: { error: { code: 'not_a_guide', message: 'user 12 is not a guide of this community' } } }
          : { body: { ...buildings.items[1], guide_user_id: null, guide_name: null } },
    });
    const wrapper = await mountGuides();
    const row = wrapper.find('[data-building="4"]');
    const select = row.find('[data-test="guide-select"]');
    expect((select.element as HTMLSelectElement).value).toBe('12');

    await select.setValue('');
    await flushPromises();
    expect(JSON.parse(String(calls.find((call) => call.method === 'PUT')!.init?.body))).toEqual({ user_id: null });
    expect(row.find('[role="alert"]').text()).toBe('只能把楼栋交给本社区在用的指导员。');
    expect((select.element as HTMLSelectElement).value).toBe('12');

    refuse = false;
    await select.setValue('');
    await flushPromises();
    expect(wrapper.find('[data-test="done"]').text()).toBe('4号楼已不再分配指导员。');
    expect(row.find('[role="alert"]').exists()).toBe(false);
  });

  it('offers only the buildings without a guide when asked', async () => {
    stubFetch({
      'GET /api/v1/communities/1/buildings': { body: buildings },
      'GET /api/v1/users': { body: { items: [] } },
    });
    const wrapper = await mountGuides();
    expect(wrapper.find('[data-test="guides"]').text()).toContain('本社区还没有指导员。');
    await wrapper.find('[data-test="only-unassigned"]').setValue(true);
    expect(wrapper.findAll('[data-building]').map((row) => row.attributes('data-building'))).toEqual(['3']);
  });

  it('adds a building by hand and lists it for a guide', async () => {
    const { calls } = stubFetch({
      'GET /api/v1/communities/1/buildings': { body: buildings },
      'GET /api/v1/users': { body: { items: [guide(12, '李四', 96)] } },
      'POST /api/v1/communities/1/buildings': {
        status: 201,
        body: { id: 9, community_id: 1, name: '9号楼', address: null, households: 0, guide_user_id: null, guide_name: null },
      },
    });
    const wrapper = await mountGuides();
    await wrapper.find('[data-test="add-building"]').trigger('submit');
    await wrapper.find('[data-test="building-form"]').trigger('submit');
    await flushPromises();
    expect(wrapper.find('[data-test="building-form"] [role="alert"]').text()).toBe('请填写楼栋名称。');
    await wrapper.find('[data-test="building-name"]').setValue('9号楼');
    await wrapper.find('[data-test="building-form"]').trigger('submit');
    await flushPromises();
    const posted = calls.find((call) => call.method === 'POST');
    expect(JSON.parse(String(posted?.init?.body))).toEqual({ name: '9号楼' });
    expect(wrapper.findAll('[data-building]').map((row) => row.attributes('data-building'))).toContain('9');
    expect(wrapper.find('[data-test="done"]').text()).toBe('已添加9号楼。');
  });
});
