import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createMemoryHistory, createRouter } from 'vue-router';
import LoginView from './LoginView.vue';
import { i18nFor, stubFetch } from '../test/helpers';

function mountLogin(locale: 'zh-CN' | 'en' = 'zh-CN') {
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:p(.*)*', component: { template: '<div />' } }] });
  return mount(LoginView, { global: { plugins: [i18nFor(locale), router] } });
}

async function submit(wrapper: ReturnType<typeof mountLogin>) {
  await wrapper.find('#login-username').setValue('resident');
  await wrapper.find('#login-password').setValue('wrong');
  await wrapper.find('form').trigger('submit');
  await flushPromises();
}

describe('LoginView', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('says a wrong password plainly', async () => {
    stubFetch({ 'POST /api/v1/auth/login': { status: 401, body: { error: { code: 'invalid_credentials', message: 'wrong username or password' } } } });
    const wrapper = mountLogin();
    await submit(wrapper);
    expect(wrapper.find('[data-test="login-error"]').text()).toBe('用户名或密码不对，请重新输入。');
    expect((wrapper.find('#login-password').element as HTMLInputElement).value).toBe('');
  });

  it('says when logins are throttled', async () => {
    stubFetch({ 'POST /api/v1/auth/login': { status: 429, body: { error: { code: 'login_throttled', message: 'too many failed logins' } } } });
    const wrapper = mountLogin('en');
    await submit(wrapper);
    expect(wrapper.find('[data-test="login-error"]').text()).toBe('Too many failed logins. Please try again in 15 minutes.');
  });

  it('asks for missing fields without calling the server', async () => {
    const { calls } = stubFetch({});
    const wrapper = mountLogin();
    await wrapper.find('form').trigger('submit');
    expect(wrapper.find('#login-username-error').text()).toBe('请输入手机号或用户名。');
    expect(wrapper.find('#login-password-error').text()).toBe('请输入密码。');
    expect(calls.filter((call) => call.url.includes('/auth/'))).toHaveLength(0);
  });

  it('names the demo accounts only on a server serving the demo', async () => {
    stubFetch({ 'GET /api/v1/site': { body: { demo: false, version: '1' } } });
    const plain = mountLogin();
    await flushPromises();
    expect(plain.find('[data-test="demo-hint"]').exists()).toBe(false);
    expect(plain.find('[data-test="register-link"]').text()).toBe('注册账号');
    expect(plain.find('[data-test="reset-link"]').text()).toBe('忘记密码');
    vi.unstubAllGlobals();
    stubFetch({ 'GET /api/v1/site': { body: { demo: true, version: '1' } } });
    const demo = mountLogin();
    await flushPromises();
    expect(demo.find('[data-test="demo-hint"]').text()).toContain('gongzhi2026');
  });
});
