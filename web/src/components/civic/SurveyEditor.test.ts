import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import SurveyEditor from './SurveyEditor.vue';
import { i18nFor, stubFetch } from '../../test/helpers';

const draft = { id: 9, community_id: 1, title: '食堂调查', description: '', status: 'draft', responses: 0, questions: [] };

async function fill(wrapper: ReturnType<typeof mount>) {
  await wrapper.find('[data-test="survey-title"]').setValue('食堂调查');
  const prompts = wrapper.findAll('[data-test="question-prompt"]');
  await prompts[0].setValue('总体满意度');
  await prompts[1].setValue('多久去一次');
  await wrapper.find('[data-test="question-options"]').setValue('每天\n每周\n很少');
}

describe('SurveyEditor', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('names what is missing and sends nothing until the survey is complete', async () => {
    const { calls } = stubFetch({ 'GET /api/v1/allocation/plans': { body: { items: [] } } });
    const wrapper = mount(SurveyEditor, { props: { communityId: 1 }, global: { plugins: [i18nFor('zh-CN')] } });
    await flushPromises();
    await wrapper.find('[data-test="save-open"]').trigger('click');
    expect(wrapper.find('[data-test="survey-problems"]').text()).toContain('请填写问卷标题');
    expect(wrapper.find('[data-test="survey-problems"]').text()).toContain('第 2 题至少需要 2 个选项');
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
  });

  it('saves the survey and opens it; a failed opening is retried without a second copy', async () => {
    let opens = 0;
    const { calls } = stubFetch({
      'GET /api/v1/allocation/plans': { body: { items: [] } },
      'POST /api/v1/surveys': { status: 201, body: draft },
      'POST /api/v1/surveys/9/open': () => (++opens === 1 ? { network: true } : { body: { ...draft, status: 'open' } }),
    });
    const wrapper = mount(SurveyEditor, { props: { communityId: 1 }, global: { plugins: [i18nFor('zh-CN')] } });
    await flushPromises();
    await fill(wrapper);
    await wrapper.find('[data-test="save-open"]').trigger('click');
    await flushPromises();
    expect(wrapper.emitted('created')).toBeUndefined();
    await wrapper.find('[data-test="save-open"]').trigger('click');
    await flushPromises();

    const creates = calls.filter((c) => c.method === 'POST' && c.url === '/api/v1/surveys');
    expect(creates).toHaveLength(1);
    expect(JSON.parse(String(creates[0].init?.body))).toEqual({
      community_id: 1,
      title: '食堂调查',
      questions: [
        { kind: 'scale', prompt: '总体满意度', required: true },
        { kind: 'single_choice', prompt: '多久去一次', options: ['每天', '每周', '很少'], required: true },
      ],
    });
    expect(opens).toBe(2);
    expect(wrapper.emitted('created')![0][0]).toMatchObject({ id: 9, status: 'open' });
  });
});
