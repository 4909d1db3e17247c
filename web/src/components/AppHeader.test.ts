import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createMemoryHistory, createRouter } from 'vue-router';
import AppHeader from './AppHeader.vue';
import { i18nFor, stubFetch } from '../test/helpers';
import { session } from '../session';
import type { Role } from '../api/accounts';

/** Makes the window a desktop (wide) or a phone for the menu's media query. */
function screen(wide: boolean) {
  vi.stubGlobal('matchMedia', (query: string) => ({
    matches: wide,
    media: query,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
  }));
}

async function headerFor(role: Role, path = '/staff/queue', wide = true) {
  session.user = { id: 2, username: role, role, community_ids: [1], household_id: null, display_name: '王' } as never;
  stubFetch({});
  screen(wide);
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:p(.*)*', component: { template: '<div />' } }] });
  await router.push(path);
  const wrapper = mount(AppHeader, { global: { plugins: [i18nFor('zh-CN'), router] }, attachTo: document.body });
  await flushPromises();
  return { wrapper, router };
}

type Header = Awaited<ReturnType<typeof headerFor>>['wrapper'];
const adminLink = (wrapper: Header) => wrapper.findAll('[data-test="menu"] a').find((link) => link.text() === '管理');

describe('the header’s administration entry', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('takes staff and admins to the users page, street supervisors to their streets, guides nowhere', async () => {
    expect(adminLink((await headerFor('staff')).wrapper)?.attributes('href')).toBe('/admin/users');
    expect(adminLink((await headerFor('admin')).wrapper)?.attributes('href')).toBe('/admin/users');
    expect(adminLink((await headerFor('street')).wrapper)?.attributes('href')).toBe('/admin/streets');
    expect(adminLink((await headerFor('guide')).wrapper)).toBeUndefined();
  });

  it('gives staff one entry, no streets, and marks it current on every administration page', async () => {
    const { wrapper } = await headerFor('staff', '/admin/guides');
    const hrefs = wrapper.findAll('[data-test="menu"] a').map((link) => link.attributes('href'));
    expect(hrefs.filter((href) => href?.startsWith('/admin/'))).toEqual(['/admin/users']);
    expect(adminLink(wrapper)?.classes()).toContain('router-link-active');
    expect(adminLink(wrapper)?.attributes('aria-current')).toBe('page');
  });
});

describe('the staff menu on a desktop', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('is one row of group buttons, the current page’s group marked, each opening its links', async () => {
    const { wrapper, router } = await headerFor('staff', '/staff/plans/12');
    const groups = wrapper.findAll('[data-test="nav-group"]');
    expect(groups.map((group) => group.find('button').text().replace('（当前栏目）', ''))).toEqual([
      '工单', '户档', '规划与资金', '议事与参与', '统计与预警', '设置与管理', '公开',
    ]);
    expect(groups.filter((group) => group.attributes('data-current') === 'true').map((g) => g.find('button').text())).toEqual([
      '规划与资金（当前栏目）',
    ]);
    const insight = groups[4];
    const button = insight.find('button');
    expect(button.attributes('aria-expanded')).toBe('false');
    expect(insight.find('ul').isVisible()).toBe(false);
    await button.trigger('click');
    expect(button.attributes('aria-expanded')).toBe('true');
    expect(insight.find('ul').isVisible()).toBe(true);
    expect(insight.find('ul').attributes('id')).toBe(button.attributes('aria-controls'));
    // Escape closes it and gives the focus back to its button.
    await insight.find('a').trigger('keydown', { key: 'Escape' });
    expect(button.attributes('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(button.element);
    // Navigating closes an open group.
    await button.trigger('click');
    await router.push('/cockpit');
    await flushPromises();
    expect(button.attributes('aria-expanded')).toBe('false');
    expect(insight.attributes('data-current')).toBe('true');
    wrapper.unmount();
  });
});

describe('the staff menu on a phone', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('is closed behind a 菜单 button, opens a panel with the groups, and closes on Escape and on navigation', async () => {
    const { wrapper, router } = await headerFor('guide', '/staff/queue', false);
    const button = wrapper.get('[data-test="menu-button"]');
    expect(button.text()).toBe('菜单');
    expect(button.attributes('aria-expanded')).toBe('false');
    expect(wrapper.find('[data-test="menu"]').exists()).toBe(false);
    // Language and log out wait in the menu so the header keeps to one row.
    expect(wrapper.find('[data-test="logout"]').exists()).toBe(false);
    await button.trigger('click');
    await flushPromises();
    expect(button.attributes('aria-expanded')).toBe('true');
    const panel = wrapper.get('[data-test="menu"]');
    expect(panel.attributes('id')).toBe(button.attributes('aria-controls'));
    expect(panel.findAll('h2').map((heading) => heading.text())).toContain('工单');
    expect(document.activeElement).toBe(panel.find('a').element);
    expect(panel.find('[data-test="logout"]').exists()).toBe(true);
    await panel.trigger('keydown', { key: 'Escape' });
    await flushPromises();
    expect(wrapper.find('[data-test="menu"]').exists()).toBe(false);
    expect(document.activeElement).toBe(button.element);
    await button.trigger('click');
    await router.push('/staff/households');
    await flushPromises();
    expect(wrapper.find('[data-test="menu"]').exists()).toBe(false);
    expect(button.attributes('aria-expanded')).toBe('false');
    wrapper.unmount();
  });
});

describe('the resident’s menu on a phone', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('is a bottom tab bar of the four main links and 更多, which opens a sheet with the rest', async () => {
    const { wrapper, router } = await headerFor('resident', '/resident/requests/5', false);
    const tabs = wrapper.get('[data-test="tabbar"]');
    expect(tabs.findAll('a').map((link) => link.text())).toEqual(['我的服务', '我要反映', '我的诉求', '我的积分']);
    expect(tabs.find('a[aria-current="page"]').text()).toBe('我的诉求');
    expect(document.body.classList.contains('has-tabbar')).toBe(true);
    const more = wrapper.get('[data-test="more-button"]');
    expect(more.text()).toBe('更多');
    expect(wrapper.find('[data-test="more-sheet"]').exists()).toBe(false);
    await more.trigger('click');
    await flushPromises();
    expect(more.attributes('aria-expanded')).toBe('true');
    const sheet = wrapper.get('[data-test="more-sheet"]');
    expect(sheet.findAll('a').map((link) => link.text())).toContain('阳光公示');
    expect(sheet.find('[data-test="logout"]').exists()).toBe(true);
    await sheet.trigger('keydown', { key: 'Escape' });
    expect(wrapper.find('[data-test="more-sheet"]').exists()).toBe(false);
    expect(document.activeElement).toBe(more.element);
    await more.trigger('click');
    await router.push('/board');
    await flushPromises();
    expect(wrapper.find('[data-test="more-sheet"]').exists()).toBe(false);
    expect(more.classes()).toContain('router-link-active');
    wrapper.unmount();
    expect(document.body.classList.contains('has-tabbar')).toBe(false);
  });
});
