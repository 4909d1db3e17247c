import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { i18nFor, stubFetch } from '../../test/helpers';
import type { Survey } from '../../api/civic';
import SurveyForm from './SurveyForm.vue';

const survey: Survey = {
  id: 4,
  community_id: 1,
  title: '社区食堂意见征集',
  description: '',
  status: 'open',
  plan_id: null,
  created_at: '2026-11-20T02:00:00Z',
  opened_at: '2026-11-20T02:00:00Z',
  closed_at: null,
  responses: 0,
  questions: [
    { id: 11, kind: 'scale', prompt: '总体满意度', options: [], required: true },
    { id: 12, kind: 'multiple_choice', prompt: '希望增加', options: ['早餐', '送餐', '夜宵'], required: true },
    { id: 13, kind: 'single_choice', prompt: '多久去一次', options: ['每天', '每周'], required: true },
    { id: 14, kind: 'text', prompt: '其他建议', options: [], required: false },
  ],
};

function mountForm() {
  return mount(SurveyForm, { props: { survey }, global: { plugins: [i18nFor()] } });
}

describe('SurveyForm', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('names the unanswered required questions and sends nothing', async () => {
    const { calls } = stubFetch({});
    const wrapper = mountForm();
    await wrapper.find('form').trigger('submit');
    expect(wrapper.find('[data-test="survey-error"]').text()).toBe('还有 3 道题没有回答。');
    expect(wrapper.find('[data-question="11"] .field-error').text()).toBe('这一题需要回答。');
    expect(wrapper.find('[data-question="14"] .field-error').text()).toBe('');
    expect(calls).toHaveLength(0);
    await wrapper.find('[data-question="11"] [data-score="3"]').trigger('click');
    expect(wrapper.find('[data-question="11"] .field-error').text()).toBe('');
    expect(wrapper.find('[data-test="survey-error"]').text()).toBe('还有 2 道题没有回答。');
  });

  it('sends each kind of answer in the server’s shape and says it is answered', async () => {
    const { calls } = stubFetch({ 'POST /api/v1/surveys/4/responses': { status: 201, body: { id: 1, survey_id: 4 } } });
    const wrapper = mountForm();
    await wrapper.find('[data-question="11"] [data-score="4"]').trigger('click');
    const boxes = wrapper.findAll('[data-question="12"] input[type="checkbox"]');
    await boxes[2].setValue(true);
    await boxes[0].setValue(true);
    await wrapper.findAll('[data-question="13"] input[type="radio"]')[1].setValue(true);
    await wrapper.find('[data-question="14"] textarea').setValue(' 多开早餐 ');
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(JSON.parse(String(calls[0].init?.body))).toEqual({
      answers: [
        { question_id: 11, value: 4 },
        { question_id: 12, value: [0, 2] },
        { question_id: 13, value: 1 },
        { question_id: 14, value: '多开早餐' },
      ],
    });
    expect(wrapper.emitted('answered')).toEqual([[4]]);
  });

  it('says a second answer is refused, in words', async () => {
    stubFetch({
      'POST /api/v1/surveys/4/responses': {
        status: 409,
        body: { error: { code: 'already_responded', message: 'you have already answered this survey' } },
      },
    });
    const wrapper = mountForm();
    await wrapper.find('[data-question="11"] [data-score="5"]').trigger('click');
    await wrapper.findAll('[data-question="12"] input[type="checkbox"]')[1].setValue(true);
    await wrapper.findAll('[data-question="13"] input[type="radio"]')[0].setValue(true);
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(wrapper.find('[data-test="survey-error"]').text()).toBe('您已经答过这份问卷了。');
    expect(wrapper.emitted('answered')).toBeUndefined();
  });
});
