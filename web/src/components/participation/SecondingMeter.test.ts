import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import { i18nFor } from '../../test/helpers';
import SecondingMeter from './SecondingMeter.vue';

describe('SecondingMeter', () => {
  it('says the count against the requirement and what is missing', () => {
    const wrapper = mount(SecondingMeter, { props: { seconds: 3, required: 5 }, global: { plugins: [i18nFor()] } });
    expect(wrapper.find('[data-test="seconding-count"]').text()).toBe('附议 3 / 5 户');
    expect(wrapper.text()).toContain('还差 2 户附议');
    const bar = wrapper.find('progress');
    expect(bar.attributes('value')).toBe('3');
    expect(bar.attributes('max')).toBe('5');
  });

  it('says when there are enough, in English too', () => {
    const wrapper = mount(SecondingMeter, { props: { seconds: 6, required: 5 }, global: { plugins: [i18nFor('en')] } });
    expect(wrapper.find('[data-test="seconding-count"]').text()).toBe('Seconded by 6 of 5 households');
    expect(wrapper.text()).toContain('Enough seconds for a meeting');
    expect(wrapper.find('progress').attributes('value')).toBe('5');
  });
});
