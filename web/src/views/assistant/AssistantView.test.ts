import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createMemoryHistory, createRouter } from 'vue-router';
import { i18nFor, stubFetch } from '../../test/helpers';
import { session } from '../../session';
import AssistantView from './AssistantView.vue';

const answered = {
  community_id: 3,
  question: '垃圾几点清运',
  answered: true,
  message: '每天清运两次',
  threshold_bp: 2700,
  unanswered_id: null,
  answers: [
    { entry_id: 1, score: 0.85, score_bp: 8489, question: '生活垃圾清运时间', answer: '每天清运两次：早上7:00—9:00。', source: 'notice', source_ref: '社区公告〔2026〕12号', updated_at: '2025-12-04T22:00:00+08:00', matched: [] },
    { entry_id: 3, score: 0.52, score_bp: 5266, question: '大件垃圾如何处理', answer: '请提前一天预约。', source: 'faq', source_ref: '', updated_at: '2025-12-20T20:00:00+08:00', matched: [] },
  ],
};

async function mountAt(path: string, locale: 'zh-CN' | 'en' = 'zh-CN') {
  session.user = null;
  session.loaded = true;
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:p(.*)*', component: AssistantView }] });
  await router.push(path);
  const wrapper = mount({ template: '<RouterView />' }, { global: { plugins: [i18nFor(locale), router] } });
  await flushPromises();
  return wrapper;
}

describe('AssistantView', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('asks the community in the address and shows the best answer with its source', async () => {
    const { calls } = stubFetch({ 'GET /api/v1/assistant/ask': { body: answered } });
    const wrapper = await mountAt('/assistant?community_id=3');
    await wrapper.find('#assistant-question').setValue('垃圾几点清运');
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(calls[0].url).toContain('community_id=3');
    expect(calls[0].url).toContain('q=');
    expect(wrapper.find('[data-test="answer"]').text()).toContain('每天清运两次');
    expect(wrapper.find('[data-test="answer-source"]').text()).toContain('来源：社区公告（社区公告〔2026〕12号）');
    expect(wrapper.findAll('[data-test="answer-more"]')).toHaveLength(1);
  });

  it('says "I don\'t know" plainly, defaulting to community 1 without a login', async () => {
    const { calls } = stubFetch({
      'GET /api/v1/assistant/ask': {
        body: { community_id: 1, question: '火星上有水吗', answered: false, message: '我不知道，已转给社区工作人员', answers: [], threshold_bp: 2700, unanswered_id: 7 },
      },
    });
    const wrapper = await mountAt('/assistant');
    await wrapper.find('#assistant-question').setValue('火星上有水吗');
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(calls[0].url).toContain('community_id=1');
    expect(wrapper.find('[data-test="dont-know"] strong').text()).toBe('我不知道');
    expect(wrapper.find('[data-test="dont-know"]').text()).toContain('转给社区工作人员');
    expect(wrapper.find('[data-test="answer"]').exists()).toBe(false);
  });

  it('says "I don\'t know" in English although the server words it in Chinese', async () => {
    stubFetch({
      'GET /api/v1/assistant/ask': {
        body: { community_id: 1, question: 'water on Mars?', answered: false, message: '我不知道，已转给社区工作人员', answers: [], threshold_bp: 2700, unanswered_id: 7 },
      },
    });
    const wrapper = await mountAt('/assistant', 'en');
    await wrapper.find('#assistant-question').setValue('water on Mars?');
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(wrapper.find('[data-test="dont-know"] strong').text()).toBe("I don't know");
    expect(wrapper.find('[data-test="dont-know"]').text()).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('asks for a question before sending, and says a throttled answer in words', async () => {
    const { calls } = stubFetch({
      'GET /api/v1/assistant/ask': { status: 429, body: { error: { code: 'assistant_throttled', message: 'too many' } } },
    });
    const wrapper = await mountAt('/assistant');
    await wrapper.find('form').trigger('submit');
    expect(wrapper.find('[data-test="ask-error"]').text()).toBe('请先写下您的问题。');
    expect(calls).toHaveLength(0);
    await wrapper.find('#assistant-question').setValue('停车');
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(wrapper.find('[data-test="ask-error"]').text()).toBe('提问太频繁了，请一分钟后再试，或登录后提问。');
  });
});
