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

async function mountView(userId?: number) {
  vi.resetModules();
  if (userId) {
    const { session } = await import('../../session');
    session.user = { id: userId, role: 'resident', username: 'resident', display_name: '张文博', community_ids: [1] } as never;
  }
  const { default: NewRequestView } = await import('./NewRequestView.vue');
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:p(.*)*', component: { template: '<div />' } }] });
  const wrapper = mount(NewRequestView, { global: { plugins: [i18nFor(), router] } });
  mounted.push(wrapper);
  await flushPromises();
  return wrapper;
}

// Unmounted after each test, so a pending suggestion request cannot reach the next test's stub.
const mounted: { unmount: () => void }[] = [];

describe('NewRequestView', () => {
  beforeEach(() => {
    localStorage.clear();
    document.documentElement.className = '';
  });
  afterEach(() => {
    for (const wrapper of mounted.splice(0)) wrapper.unmount();
    vi.unstubAllGlobals();
  });

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

  it("puts the server's classification first and shows the urgency it expects", async () => {
    const { calls } = stubFetch({
      'GET /api/v1/requests/categories': { body: categories },
      'POST /api/v1/assistant/classify': {
        body: { community_id: 1, category: 'gas_leak', category_name: '燃气泄漏', priority: 'red', priority_source: 'rule', priority_note: '含“煤气”', matched_keywords: [], urgent_keywords: [], confidence: 0.9, confidence_bp: 9000 },
      },
    });
    const wrapper = await mountView();
    await wrapper.find('textarea').setValue('楼道里有股怪味，还有点漏水');
    await new Promise((resolve) => setTimeout(resolve, 650));
    await flushPromises();
    expect(calls.filter((c) => c.url.includes('/assistant/classify'))).toHaveLength(1);
    expect(wrapper.find('[data-test="suggestions"] .chip').attributes('data-code')).toBe('gas_leak');
    expect(wrapper.find('[data-test="suggested-priority"]').text()).toContain('24 小时内响应');
  });

  it('uploads the chosen photos after the request exists and says which failed', async () => {
    let photoCalls = 0;
    const { calls } = stubFetch({
      'GET /api/v1/requests/categories': { body: categories },
      'POST /api/v1/requests': { status: 201, body: { id: 42, tracking_code: '7KQM-3XH9P', priority: 'blue', response_due_at: '', resolution_due_at: '' } },
      'POST /api/v1/requests/42/photos': () => {
        photoCalls += 1;
        return photoCalls === 1
          ? { status: 201, body: { n: 1, content_type: 'image/png', bytes: 9, created_at: '' } }
          : { status: 415, body: { error: { code: 'unsupported_media_type', message: 'x' } } };
      },
    });
    const wrapper = await mountView();
    const png = new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0])], 'a.png', { type: 'image/png' });
    const jpeg = new File([new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0])], 'b.jpg', { type: 'image/jpeg' });
    const gif = new File([new TextEncoder().encode('GIF89a....')], 'c.gif', { type: 'image/gif' });
    const input = wrapper.find('[data-test="photo-input"]');
    Object.defineProperty(input.element, 'files', { value: [png, gif, jpeg], configurable: true });
    await input.trigger('change');
    await new Promise((resolve) => setTimeout(resolve, 50));
    await flushPromises();
    expect(wrapper.findAll('[data-test="photo-preview"]')).toHaveLength(2);
    expect(wrapper.find('[data-test="photo-picker"] .field-error').text()).toContain('c.gif');
    await wrapper.find('textarea').setValue('楼上装修太吵了');
    await wrapper.find('select').setValue('noise');
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    await flushPromises();
    const uploads = calls.filter((c) => c.url.endsWith('/requests/42/photos'));
    expect(uploads).toHaveLength(2);
    expect((uploads[0].init!.headers as Record<string, string>)['Content-Type']).toBe('image/png');
    expect(wrapper.find('[data-test="photos-uploaded"]').text()).toContain('1');
    expect(wrapper.find('[data-test="photo-failed"]').text()).toContain('照片 2 没有上传成功：只能上传 JPG 或 PNG 图片。');
  });

  it('keeps a request on the phone with its key when the network is down, and says photos stay behind', async () => {
    const { calls } = stubFetch({
      'GET /api/v1/requests/categories': { body: categories },
      'POST /api/v1/requests': { network: true },
    });
    const wrapper = await mountView(7);
    const png = new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0])], 'a.png', { type: 'image/png' });
    const input = wrapper.find('[data-test="photo-input"]');
    Object.defineProperty(input.element, 'files', { value: [png], configurable: true });
    await input.trigger('change');
    await new Promise((resolve) => setTimeout(resolve, 50));
    await wrapper.find('textarea').setValue('楼道灯不亮了，晚上看不见');
    await wrapper.find('select').setValue('noise');
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(wrapper.find('[data-test="queued"]').text()).toContain('联网后会自动发送');
    expect(wrapper.find('[data-test="photos-skipped"]').exists()).toBe(true);
    expect(wrapper.find('[data-test="form-error"]').exists()).toBe(false);
    const post = calls.find((c) => c.method === 'POST')!;
    const key = (post.init!.headers as Record<string, string>)['Idempotency-Key'];
    const queue = JSON.parse(localStorage.getItem('gongzhi.offlineRequests')!);
    expect(queue).toEqual([
      expect.objectContaining({ key, userId: 7, input: { category: 'noise', description: '楼道灯不亮了，晚上看不见' } }),
    ]);
  });

  it('does not queue a request the server refused, and shows why', async () => {
    stubFetch({
      'GET /api/v1/requests/categories': { body: categories },
      'POST /api/v1/requests': { status: 422, body: { error: { code: 'invalid_category', message: '类别无效 / invalid category' } } },
    });
    const wrapper = await mountView(7);
    await wrapper.find('textarea').setValue('楼道灯不亮了，晚上看不见');
    await wrapper.find('select').setValue('noise');
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(wrapper.find('[data-test="queued"]').exists()).toBe(false);
    expect(wrapper.find('[data-test="form-error"]').text()).toContain('类别无效');
    expect(localStorage.getItem('gongzhi.offlineRequests')).toBeNull();
  });
});
