import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createMemoryHistory, createRouter } from 'vue-router';
import { i18nFor, stubFetch } from '../../test/helpers';

const categories = {
  categories: [
    { code: 'noise', name_zh: '噪音扰民', name_en: 'Noise', default_priority: 'blue', resolution_working_days: 5, is_complaint: true },
    { code: 'water_leak', name_zh: '漏水渗水', name_en: 'Water leak', default_priority: 'yellow', resolution_working_days: 5, is_complaint: false },
    { code: 'gas_leak', name_zh: '燃气泄漏', name_en: 'Gas leak', default_priority: 'red', resolution_working_days: 1, is_complaint: false },
  ],
  departments: [],
};

async function mountView() {
  vi.resetModules();
  const { default: NewRequestView } = await import('./NewRequestView.vue');
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:p(.*)*', component: { template: '<div />' } }] });
  const wrapper = mount(NewRequestView, { global: { plugins: [i18nFor(), router] } });
  await flushPromises();
  return wrapper;
}

describe('NewRequestView', () => {
  beforeEach(() => {
    localStorage.clear();
    document.documentElement.className = '';
  });
  afterEach(() => vi.unstubAllGlobals());

  it('suggests a category as the resident types, and a tap chooses it', async () => {
    stubFetch({ 'GET /api/v1/requests/categories': { body: categories } });
    const wrapper = await mountView();
    await wrapper.find('textarea').setValue('楼上卫生间漏水，滴到我家厨房');
    const chip = wrapper.find('[data-test="suggestions"] .chip');
    expect(chip.text()).toBe('漏水渗水');
    await chip.trigger('click');
    expect((wrapper.find('select').element as HTMLSelectElement).value).toBe('water_leak');
    expect(chip.attributes('aria-pressed')).toBe('true');
  });

  it('shows messages next to empty fields instead of sending', async () => {
    const { calls } = stubFetch({ 'GET /api/v1/requests/categories': { body: categories } });
    const wrapper = await mountView();
    await wrapper.find('form').trigger('submit');
    expect(wrapper.find('#request-description-error').text()).toBe('请说说遇到了什么问题。');
    expect(wrapper.find('#request-category-error').text()).toBe('请选择问题类别。');
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
  });

  it('shows the tracking code large after sending', async () => {
    const { calls } = stubFetch({
      'GET /api/v1/requests/categories': { body: categories },
      'POST /api/v1/requests': {
        status: 201,
        body: { id: 42, tracking_code: '7KQM-3XH9P', priority: 'red', response_due_at: '2026-12-01T10:00:00+08:00', resolution_due_at: '2026-12-01T23:59:59+08:00' },
      },
    });
    const wrapper = await mountView();
    await wrapper.find('textarea').setValue('厨房里有很大的煤气味');
    await wrapper.find('[data-test="suggestions"] .chip').trigger('click');
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(wrapper.find('[data-test="tracking-code"]').text()).toBe('7KQM-3XH9P');
    const post = calls.find((c) => c.method === 'POST')!;
    expect(JSON.parse(post.init!.body as string)).toEqual({ category: 'gas_leak', description: '厨房里有很大的煤气味' });
  });

  it('in large-type mode picks the best suggestion and hides the optional field', async () => {
    localStorage.setItem('gongzhi.elderly', 'on');
    stubFetch({ 'GET /api/v1/requests/categories': { body: categories } });
    const wrapper = await mountView();
    expect(wrapper.find('#request-location').exists()).toBe(false);
    await wrapper.find('textarea').setValue('楼上装修太吵了');
    await flushPromises();
    expect(wrapper.find('[data-test="suggestions"] .chip').attributes('aria-pressed')).toBe('true');
    expect(wrapper.find('select').exists()).toBe(false);
  });
});
