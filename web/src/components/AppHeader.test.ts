import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createMemoryHistory, createRouter } from 'vue-router';
import AppHeader from './AppHeader.vue';
import { i18nFor, stubFetch } from '../test/helpers';
import { session } from '../session';
import type { Role } from '../api/accounts';

async function headerFor(role: Role, path = '/staff/queue') {
  session.user = { id: 2, username: role, role, community_ids: [1], household_id: null, display_name: '王' } as never;
  stubFetch({});
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:p(.*)*', component: { template: '<div />' } }] });
  await router.push(path);
  const wrapper = mount(AppHeader, { global: { plugins: [i18nFor('zh-CN'), router] } });
  await flushPromises();
  return wrapper;
}

const adminLink = (wrapper: Awaited<ReturnType<typeof headerFor>>) =>
  wrapper.findAll('.app-nav a').find((link) => link.text() === '管理');

describe('the header’s administration entry', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('takes staff and admins to the users page, street supervisors to their streets, guides nowhere', async () => {
    expect(adminLink(await headerFor('staff'))?.attributes('href')).toBe('/admin/users');
    expect(adminLink(await headerFor('admin'))?.attributes('href')).toBe('/admin/users');
    expect(adminLink(await headerFor('street'))?.attributes('href')).toBe('/admin/streets');
    expect(adminLink(await headerFor('guide'))).toBeUndefined();
  });

  it('gives staff one entry, no streets, and marks it current on every administration page', async () => {
    const wrapper = await headerFor('staff', '/admin/guides');
    const hrefs = wrapper.findAll('.app-nav a').map((link) => link.attributes('href'));
    expect(hrefs.filter((href) => href?.startsWith('/admin/'))).toEqual(['/admin/users']);
    expect(adminLink(wrapper)?.classes()).toContain('router-link-active');
  });
});
