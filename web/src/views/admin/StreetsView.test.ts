import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createMemoryHistory, createRouter } from 'vue-router';
import StreetsView from './StreetsView.vue';
import { i18nFor, stubFetch } from '../../test/helpers';
import { session } from '../../session';

const beishan = {
  id: 4,
  name: '北山街道',
  code: 'BS',
  district: '西湖区',
  communities: [{ id: 1, name: '幸福里社区', code: 'XFL' }],
};

async function mountStreets(role: 'admin' | 'street') {
  session.user = { id: 1, username: role, role, community_ids: [], household_id: null, display_name: '管理员' } as never;
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:p(.*)*', component: StreetsView }] });
  await router.push('/admin/streets');
  const wrapper = mount({ template: '<RouterView />' }, { global: { plugins: [i18nFor('zh-CN'), router] } });
  await flushPromises();
  return wrapper;
}

const body = (call: { init?: RequestInit }) => JSON.parse(String(call.init?.body));

describe('StreetsView', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('lists streets with their communities and adds a community to a street', async () => {
    const { calls } = stubFetch({
      'GET /api/v1/streets': { body: { items: [beishan] } },
      'GET /api/v1/communities': { body: { items: [] } },
      'POST /api/v1/communities': {
        status: 201,
        body: { id: 9, name: '新桥社区', code: 'XQ', district: '西湖区', street: '北山街道' },
      },
    });
    const wrapper = await mountStreets('admin');
    const street = wrapper.find('[data-street="4"]');
    expect(street.text()).toContain('北山街道');
    expect(street.text()).toContain('西湖区');
    expect(street.find('[data-test="communities"]').text()).toContain('幸福里社区');

    await street.find('[data-test="add-community"]').trigger('click');
    await street.find('[data-test="community-name"]').setValue('新桥社区');
    await street.find('[data-test="community-code"]').setValue('XQ');
    await street.find('[data-test="community-form"]').trigger('submit');
    await flushPromises();
    const post = calls.find((call) => call.method === 'POST')!;
    expect(post.url).toBe('/api/v1/communities');
    expect(body(post)).toEqual({ name: '新桥社区', code: 'XQ', district: '西湖区', street_id: 4 });
    expect(street.find('[data-test="communities"]').text()).toContain('新桥社区');
    expect(wrapper.find('[data-test="done"]').text()).toContain('已在北山街道下添加新桥社区。');
    expect(wrapper.find('[data-test="new-staff"]').attributes('href')).toBe('/admin/users?create=staff&community=9');
  });

  it('adds a street and says a taken code in Chinese', async () => {
    let taken = true;
    const { calls } = stubFetch({
      'GET /api/v1/streets': { body: { items: [] } },
      'POST /api/v1/streets': () =>
        taken
          ? { status: 409, body: { error: { code: 'code_taken', message: "a street with code 'BS' exists" } } }
          : { status: 201, body: { ...beishan, communities: [] } },
    });
    const wrapper = await mountStreets('admin');
    expect(wrapper.text()).toContain('还没有街道');
    await wrapper.find('[data-test="street-name"]').setValue('北山街道');
    await wrapper.find('[data-test="street-code"]').setValue('B S');
    await wrapper.find('[data-test="street-form"]').trigger('submit');
    expect(wrapper.find('[data-test="street-error"]').text()).toBe('编码只能用字母、数字、“-”或“_”，最多32位。');

    await wrapper.find('[data-test="street-code"]').setValue('BS');
    await wrapper.find('[data-test="street-form"]').trigger('submit');
    await flushPromises();
    expect(body(calls.find((call) => call.method === 'POST')!)).toEqual({ name: '北山街道', code: 'BS' });
    expect(wrapper.find('[data-test="street-error"]').text()).toBe('这个街道编码已经有人用了，请换一个。');

    taken = false;
    await wrapper.find('[data-test="street-form"]').trigger('submit');
    await flushPromises();
    expect(wrapper.find('[data-street="4"]').exists()).toBe(true);
    expect(wrapper.find('[data-test="street-error"]').exists()).toBe(false);
  });

  it('shows a street supervisor their streets to read, without forms', async () => {
    stubFetch({ 'GET /api/v1/streets': { body: { items: [beishan] } } });
    const wrapper = await mountStreets('street');
    expect(wrapper.find('[data-street="4"]').text()).toContain('幸福里社区');
    expect(wrapper.find('[data-test="street-form"]').exists()).toBe(false);
    expect(wrapper.find('[data-test="add-community"]').exists()).toBe(false);
    expect(wrapper.find('[data-test="edit-street"]').exists()).toBe(false);
    // Streets is their only administration page: no sub-navigation to show.
    expect(wrapper.find('[data-test="admin-nav"]').exists()).toBe(false);
  });
});
