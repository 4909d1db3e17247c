import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import IndicatorCard from './IndicatorCard.vue';
import { i18nFor } from '../../test/helpers';
import type { Indicator } from '../../api/indicators';

const participation: Indicator = {
  key: 'participation_rate',
  value: 0.4657,
  target: 0.6,
  comparison: '>',
  status: 'not_met',
  formula: 'households with at least one attendance / households',
  numerator: 2096,
  denominator: 4500,
};

function render(indicator: Indicator, locale: 'zh-CN' | 'en' = 'zh-CN') {
  return mount(IndicatorCard, { props: { indicator }, global: { plugins: [i18nFor(locale)] } });
}

describe('IndicatorCard', () => {
  it('shows the value against the target in the status colour, in Chinese', () => {
    const card = render(participation);
    expect(card.find('h3').text()).toBe('居民参与率');
    expect(card.find('[data-test="indicator-value"]').text()).toBe('46.6%');
    expect(card.find('[data-test="indicator-target"]').text()).toBe('> 60.0%');
    expect(card.classes()).toContain('indicator--not-met');
    expect(card.find('.indicator__status').text()).toBe('未达标');
  });
  it('never shows a value just under its target as the target itself (0.01978 against < 0.02)', () => {
    const card = render({ ...participation, key: 'complaint_rate', value: 0.01978, target: 0.02, comparison: '<', status: 'met' });
    expect(card.find('[data-test="indicator-value"]').text()).toBe('1.98%');
    expect(card.find('[data-test="indicator-target"]').text()).toBe('< 2.00%');
  });
  it('puts a space between working days and their number in English', () => {
    const card = render({ ...participation, key: 'median_resolution_working_days', value: 3, target: 5, comparison: '<', status: 'met' }, 'en');
    expect(card.find('.indicator__value').element.textContent).toBe('3.0 working days');
  });
  it('explains the formula and the counts behind the value', () => {
    const card = render(participation);
    expect(card.find('[data-test="indicator-formula"]').text()).toBe('本期至少参加一次活动或会议的户数 ÷ 总户数');
    expect(card.find('[data-test="indicator-counts"]').text()).toBe('分子 2,096 / 分母 4,500');
    expect(card.attributes('title')).toBe('本期至少参加一次活动或会议的户数 ÷ 总户数');
  });
  it('says there is no data rather than showing a zero, in English', () => {
    const card = render(
      { ...participation, key: 'median_resolution_working_days', value: null, target: 5, comparison: '<', status: 'no_data', numerator: null, denominator: null },
      'en',
    );
    expect(card.find('h3').text()).toBe('Median resolution time');
    expect(card.find('[data-test="indicator-value"]').text()).toBe('—');
    expect(card.find('[data-test="indicator-target"]').text()).toBe('< 5.0 working days');
    expect(card.attributes('data-status')).toBe('no_data');
    expect(card.find('[data-test="indicator-counts"]').text()).toBe('numerator — / denominator —');
  });
});
