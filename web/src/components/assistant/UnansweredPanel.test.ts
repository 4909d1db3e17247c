import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import UnansweredPanel from './UnansweredPanel.vue';
import { i18nFor, stubFetch } from '../../test/helpers';

const question = {
  id: 7,
  community_id: 1,
  question: '护照在哪里办',
  times_asked: 2,
  best_score_bp: 0,
  first_asked_at: '2026-10-24T16:46:07+08:00',
  last_asked_at: '2026-11-01T11:34:07+08:00',
  resolved_at: null,
  resolved_entry_id: null,
};

describe('UnansweredPanel', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('writes the answer as an entry starting from the question, then resolves the question with it', async () => {
    const { calls } = stubFetch({
      'GET /api/v1/assistant/unanswered': { body: { community_id: 1, items: [question] } },
      'POST /api/v1/assistant/entries': (init) => ({
        status: 201,
        body: { id: 55, community_id: 1, ...JSON.parse(String(init?.body)), created_at: '', updated_at: '' },
      }),
      'POST /api/v1/assistant/unanswered/7/resolve': {
        body: { ...question, resolved_at: '2026-12-07T10:00:00+08:00', resolved_entry_id: 55 },
      },
    });
    const wrapper = mount(UnansweredPanel, {
      props: { communityId: 1, mayPublish: true, mayResolve: true },
      global: { plugins: [i18nFor('zh-CN')] },
    });
    await flushPromises();
    expect(wrapper.find('[data-test="unanswered-question"]').text()).toContain('被问 2 次');
    await wrapper.find('[data-test="answer-question"]').trigger('click');
    expect((wrapper.find('[data-test="entry-question"]').element as HTMLInputElement).value).toBe('护照在哪里办');
    await wrapper.find('[data-test="entry-answer"]').setValue('请到区出入境接待大厅办理。');
    await wrapper.find('[data-test="entry-editor"]').trigger('submit');
    await flushPromises();

    const created = calls.find((c) => c.method === 'POST' && c.url.startsWith('/api/v1/assistant/entries'))!;
    expect(JSON.parse(String(created.init?.body))).toMatchObject({
      community_id: 1,
      question: '护照在哪里办',
      answer: '请到区出入境接待大厅办理。',
      published: true,
    });
    const resolved = calls.find((c) => c.url.startsWith('/api/v1/assistant/unanswered/7/resolve'))!;
    expect(JSON.parse(String(resolved.init?.body))).toEqual({ entry_id: 55 });
    expect(wrapper.find('[data-test="unanswered-message"]').text()).toContain('已写入知识库并公开');
    expect(wrapper.findAll('[data-test="unanswered-question"]')).toHaveLength(0);
    expect(wrapper.emitted('answered')).toHaveLength(1);
  });

  it('keeps a guide’s answer as a draft and says so', async () => {
    const { calls } = stubFetch({
      'GET /api/v1/assistant/unanswered': { body: { community_id: 1, items: [question] } },
      'POST /api/v1/assistant/entries': (init) => ({
        status: 201,
        body: { id: 56, community_id: 1, published: false, ...JSON.parse(String(init?.body)), created_at: '', updated_at: '' },
      }),
      'POST /api/v1/assistant/unanswered/7/resolve': { body: { ...question, resolved_at: '2026-12-07T10:00:00+08:00', resolved_entry_id: 56 } },
    });
    const wrapper = mount(UnansweredPanel, {
      props: { communityId: 1, mayPublish: false, mayResolve: true },
      global: { plugins: [i18nFor('zh-CN')] },
    });
    await flushPromises();
    await wrapper.find('[data-test="answer-question"]').trigger('click');
    expect(wrapper.find('[data-test="entry-published"]').exists()).toBe(false);
    await wrapper.find('[data-test="entry-answer"]').setValue('草稿答案');
    await wrapper.find('[data-test="entry-editor"]').trigger('submit');
    await flushPromises();
    const created = calls.find((c) => c.method === 'POST' && c.url.startsWith('/api/v1/assistant/entries'))!;
    expect(JSON.parse(String(created.init?.body))).not.toHaveProperty('published');
    expect(wrapper.find('[data-test="unanswered-message"]').text()).toContain('草稿');
  });
});
