import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createMemoryHistory, createRouter } from 'vue-router';
import UsersView from './UsersView.vue';
import { i18nFor, stubFetch } from '../../test/helpers';
import { session } from '../../session';

const communities = {
  items: [
    { id: 1, name: '幸福里社区', code: 'XFL', district: '西湖区', street: '北山街道' },
    { id: 2, name: '青芝坞社区', code: 'QZW', district: '西湖区', street: '北山街道' },
  ],
};
const streets = { items: [{ id: 4, name: '北山街道', code: 'BS', district: '西湖区', communities: [] }] };

function user(fields: Record<string, unknown>) {
  return {
    username: 'someone',
    display_name: '某人',
    community_ids: [],
    street_ids: [],
    household_id: null,
    mobile: null,
    disabled: false,
    caseload: null,
    created_at: '2026-12-01T09:00:00+08:00',
    ...fields,
  };
}

const listed = {
  items: [
    user({ id: 1, username: 'admin', display_name: '管理员', role: 'admin' }),
    user({ id: 7, username: 'lisi', display_name: '李四', role: 'guide', community_ids: [1], mobile: '138****5678', caseload: 1480 }),
    user({ id: 8, username: 'wangfang', display_name: '王芳', role: 'staff', community_ids: [2] }),
    user({ id: 9, username: 'zhao', display_name: '赵街道', role: 'street', street_ids: [4] }),
    user({ id: 10, username: '13900001111', display_name: '陈阿姨', role: 'resident', community_ids: [1], household_id: 55, mobile: '139****1111' }),
  ],
};

function logIn(role: 'admin' | 'staff') {
  session.user = {
    id: 1,
    username: role,
    role,
    community_ids: role === 'admin' ? [] : [1],
    household_id: null,
    display_name: role === 'admin' ? '管理员' : '王主任',
  } as never;
}

async function mountUsers(path = '/admin/users') {
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:p(.*)*', component: UsersView }] });
  await router.push(path);
  const wrapper = mount({ template: '<RouterView />' }, { global: { plugins: [i18nFor('zh-CN'), router] } });
  await flushPromises();
  return wrapper;
}

const postedBody = (call: { init?: RequestInit }) => JSON.parse(String(call.init?.body));

describe('UsersView', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('lists users with their role and community in Chinese and the mobile as the server masked it', async () => {
    logIn('admin');
    stubFetch({
      'GET /api/v1/users': { body: listed },
      'GET /api/v1/communities': { body: communities },
      'GET /api/v1/streets': { body: streets },
    });
    const wrapper = await mountUsers();
    const roles = wrapper.findAll('[data-test="user-role"]').map((tag) => tag.text());
    expect(roles).toEqual(['系统管理员', '指导员', '社区工作者', '街道工作人员', '居民']);
    const guide = wrapper.find('[data-user="7"]');
    expect(guide.text()).toContain('幸福里社区');
    expect(guide.text()).toContain('手机：138****5678');
    expect(guide.text()).toContain('负责 1480 户');
    expect(wrapper.find('[data-user="9"]').text()).toContain('北山街道');
    // No English role names or field keys reach a Chinese reader.
    expect(wrapper.text()).not.toMatch(/guide|staff|street|resident|community_ids|disabled/);
    // One's own row offers no actions (the server refuses them: cannot_change_self).
    expect(wrapper.find('[data-user="1"]').find('[data-test="deactivate"]').exists()).toBe(false);
  });

  it('sends the filters to the server', async () => {
    logIn('admin');
    const { calls } = stubFetch({
      'GET /api/v1/users': { body: { items: [] } },
      'GET /api/v1/communities': { body: communities },
      'GET /api/v1/streets': { body: streets },
    });
    const wrapper = await mountUsers();
    expect(wrapper.text()).toContain('没有符合条件的账号。');
    await wrapper.find('[data-test="filter-role"]').setValue('guide');
    await wrapper.find('[data-test="filter-state"]').setValue('disabled');
    await wrapper.find('[data-test="filter-q"]').setValue('李');
    await wrapper.find('form[role="search"]').trigger('submit');
    await flushPromises();
    const listCalls = calls.filter((call) => call.url.startsWith('/api/v1/users'));
    const last = listCalls[listCalls.length - 1];
    const query = new URL(last.url, 'http://x').searchParams;
    expect(Object.fromEntries(query)).toEqual({ role: 'guide', state: 'disabled', q: '李' });
  });

  it('creates a guide with one community and shows the temporary password once', async () => {
    logIn('admin');
    const { calls } = stubFetch({
      'GET /api/v1/users': { body: listed },
      'GET /api/v1/communities': { body: communities },
      'GET /api/v1/streets': { body: streets },
      'POST /api/v1/users': { status: 201, body: { id: 21, username: 'liuyang', temporary_password: 'Tq7-mK4p-Xw2' } },
    });
    const wrapper = await mountUsers();
    await wrapper.find('[data-test="new-user"]').trigger('click');
    await wrapper.find('[data-test="new-display-name"]').setValue('刘洋');
    await wrapper.find('[data-test="new-username"]').setValue('liuyang');
    await wrapper.find('[data-test="new-role"]').setValue('guide');
    await wrapper.find('[data-test="new-community"]').setValue('2');
    await wrapper.find('[data-test="user-form"]').trigger('submit');
    await flushPromises();

    const post = calls.find((call) => call.method === 'POST')!;
    expect(post.url).toBe('/api/v1/users');
    expect(postedBody(post)).toEqual({ username: 'liuyang', display_name: '刘洋', role: 'guide', community_ids: [2] });
    const created = wrapper.find('[data-test="created"]');
    expect(created.text()).toContain('已为“刘洋”开通账号');
    expect(created.text()).toContain('用户名：liuyang');
    expect(wrapper.find('[data-test="temporary-password"]').text()).toBe('Tq7-mK4p-Xw2');
    expect(created.text()).toContain('只显示这一次');

    await wrapper.find('[data-test="created-done"]').trigger('click');
    expect(wrapper.text()).not.toContain('Tq7-mK4p-Xw2');
  });

  it('asks for a street supervisor’s streets and says the server’s refusal in Chinese', async () => {
    logIn('admin');
    const { calls } = stubFetch({
      'GET /api/v1/users': { body: listed },
      'GET /api/v1/communities': { body: communities },
      'GET /api/v1/streets': { body: streets },
      'POST /api/v1/users': { status: 409, body: { error: { code: 'username_taken', message: 'username taken' } } },
    });
    const wrapper = await mountUsers();
    await wrapper.find('[data-test="new-user"]').trigger('click');
    await wrapper.find('[data-test="new-display-name"]').setValue('赵');
    await wrapper.find('[data-test="new-username"]').setValue('zhao');
    await wrapper.find('[data-test="new-role"]').setValue('street');
    await wrapper.find('[data-test="user-form"]').trigger('submit');
    await flushPromises();
    expect(wrapper.find('[data-test="form-error"]').text()).toBe('请至少选择一个街道。');
    expect(calls.some((call) => call.method === 'POST')).toBe(false);

    await wrapper.find('[data-test="user-form"] input[type="checkbox"]').setValue(true);
    await wrapper.find('[data-test="user-form"]').trigger('submit');
    await flushPromises();
    expect(postedBody(calls.find((call) => call.method === 'POST')!)).toEqual({
      username: 'zhao',
      display_name: '赵',
      role: 'street',
      street_ids: [4],
    });
    expect(wrapper.find('[data-test="form-error"]').text()).toBe('这个用户名已经有人用了，请换一个。');
  });

  it('lets community staff create a guide of their own community and not see streets', async () => {
    logIn('staff');
    const { calls } = stubFetch({
      'GET /api/v1/users': { body: { items: [listed.items[1], listed.items[4]] } },
      'GET /api/v1/communities': { body: { items: [communities.items[0]] } },
      'POST /api/v1/users': { status: 201, body: { id: 22, username: 'sunli', temporary_password: 'Zp4-Hq9s-Lm3' } },
    });
    const wrapper = await mountUsers();
    expect(new URL(calls.find((call) => call.url.startsWith('/api/v1/users'))!.url, 'http://x').searchParams.get('community_id')).toBe('1');
    expect(calls.some((call) => call.url.startsWith('/api/v1/streets'))).toBe(false);
    const sections = wrapper.find('[data-test="admin-nav"]').findAll('a').map((link) => link.attributes('href'));
    expect(sections).toEqual(['/admin/users', '/admin/guides', '/staff/registrations']);
    // Staff filter guides and residents only, and change no one's role.
    const roleOptions = wrapper.find('[data-test="filter-role"]').findAll('option').map((option) => option.text());
    expect(roleOptions).toEqual(['全部', '指导员', '居民']);
    expect(wrapper.find('[data-test="edit"]').exists()).toBe(false);

    await wrapper.find('[data-test="new-user"]').trigger('click');
    expect(wrapper.find('[data-test="new-role"]').exists()).toBe(false);
    expect(wrapper.find('[data-test="user-form"]').text()).toContain('幸福里社区');
    await wrapper.find('[data-test="new-display-name"]').setValue('孙丽');
    await wrapper.find('[data-test="new-username"]').setValue('sunli');
    await wrapper.find('[data-test="user-form"]').trigger('submit');
    await flushPromises();
    expect(postedBody(calls.find((call) => call.method === 'POST')!)).toEqual({
      username: 'sunli',
      display_name: '孙丽',
      role: 'guide',
      community_ids: [1],
    });
    expect(wrapper.find('[data-test="temporary-password"]').text()).toBe('Zp4-Hq9s-Lm3');
  });

  it('deactivates a user after asking, on the user’s deactivate route', async () => {
    logIn('admin');
    const confirm = vi.spyOn(window, 'confirm').mockReturnValueOnce(false).mockReturnValueOnce(true);
    const { calls } = stubFetch({
      'GET /api/v1/users': { body: listed },
      'GET /api/v1/communities': { body: communities },
      'GET /api/v1/streets': { body: streets },
      'POST /api/v1/users/7/deactivate': { body: { ...listed.items[1], disabled: true } },
    });
    const wrapper = await mountUsers();
    const row = wrapper.find('[data-user="7"]');
    await row.find('[data-test="deactivate"]').trigger('click');
    expect(confirm).toHaveBeenCalledWith('确定停用“李四”的账号吗？停用后不能登录，以后可以再启用。');
    expect(calls.some((call) => call.method === 'POST')).toBe(false);

    await row.find('[data-test="deactivate"]').trigger('click');
    await flushPromises();
    const post = calls.find((call) => call.method === 'POST')!;
    expect(post.url).toBe('/api/v1/users/7/deactivate');
    expect(row.find('[data-test="user-disabled"]').text()).toBe('已停用');
    expect(row.find('[data-test="reactivate"]').exists()).toBe(true);
    expect(wrapper.find('[data-test="done"]').text()).toBe('已停用“李四”的账号。');
  });

  it('forces a password reset and changes a role with its community', async () => {
    logIn('admin');
    vi.spyOn(window, 'confirm').mockReturnValue(true);
    const { calls } = stubFetch({
      'GET /api/v1/users': { body: listed },
      'GET /api/v1/communities': { body: communities },
      'GET /api/v1/streets': { body: streets },
      'POST /api/v1/users/8/force-reset': { body: listed.items[2] },
      'PATCH /api/v1/users/8': { body: { ...listed.items[2], role: 'guide', community_ids: [1], caseload: 0 } },
    });
    const wrapper = await mountUsers();
    const row = wrapper.find('[data-user="8"]');
    await row.find('[data-test="force-reset"]').trigger('click');
    await flushPromises();
    expect(calls.find((call) => call.method === 'POST')!.url).toBe('/api/v1/users/8/force-reset');
    expect(wrapper.find('[data-test="done"]').text()).toContain('已要求“王芳”重设密码');

    await row.find('[data-test="edit"]').trigger('click');
    await row.find('[data-test="edit-role"]').setValue('guide');
    await row.find('[data-test="edit-community"]').setValue('1');
    await row.find('[data-test="edit-form"]').trigger('submit');
    await flushPromises();
    const patch = calls.find((call) => call.method === 'PATCH')!;
    expect(postedBody(patch)).toEqual({ display_name: '王芳', role: 'guide', community_ids: [1] });
    expect(row.find('[data-test="user-role"]').text()).toBe('指导员');
    expect(row.text()).toContain('幸福里社区');
  });

  it('opens the form for a community’s first staff login when the streets page sends the admin here', async () => {
    logIn('admin');
    stubFetch({
      'GET /api/v1/users': { body: listed },
      'GET /api/v1/communities': { body: communities },
      'GET /api/v1/streets': { body: streets },
    });
    const wrapper = await mountUsers('/admin/users?create=staff&community=2');
    expect((wrapper.find('[data-test="new-role"]').element as HTMLSelectElement).value).toBe('staff');
    expect((wrapper.find('[data-test="new-community"]').element as HTMLSelectElement).value).toBe('2');
  });
});
