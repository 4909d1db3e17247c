import { describe, expect, it } from 'vitest';
import { mount } from '@vue/test-utils';
import SlaCountdown from './SlaCountdown.vue';
import { i18nFor } from '../test/helpers';

const now = Date.parse('2026-11-30T10:00:00+08:00');
const request = {
  deadline: { kind: 'response' as const, due_at: '2026-12-01T10:00:00+08:00', overdue: false, provisional: false },
};

function render(props: object, locale: 'zh-CN' | 'en' = 'zh-CN') {
  return mount(SlaCountdown, { props: { request, nowMs: now, ...props }, global: { plugins: [i18nFor(locale)] } });
}

describe('SlaCountdown', () => {
  it('counts down to the first response in Chinese', () => {
    const wrapper = render({});
    expect(wrapper.text()).toBe('响应剩 1天');
    expect(wrapper.attributes('data-state')).toBe('on_time');
  });
  it('counts down to the resolution in English once responded', () => {
    const wrapper = render(
      { request: { deadline: { kind: 'resolution', due_at: '2026-12-04T23:59:59+08:00', overdue: false, provisional: true } } },
      'en',
    );
    expect(wrapper.text()).toBe('4 d 13 h left for resolution (provisional)');
  });
  it('says how late an overdue case is, in the overdue colour', () => {
    const wrapper = render({ nowMs: Date.parse('2026-12-01T12:30:00+08:00') });
    expect(wrapper.text()).toBe('响应已超时 2小时30分钟');
    expect(wrapper.classes()).toContain('sla--overdue');
  });
  it('says overdue as soon as the server does', () => {
    const wrapper = render({
      request: { deadline: { ...request.deadline, overdue: true } },
      nowMs: Date.parse('2026-12-01T09:59:59.500+08:00'),
    });
    expect(wrapper.attributes('data-state')).toBe('overdue');
  });
  it('shows nothing for a closed case', () => {
    const wrapper = render({ request: { deadline: null } });
    expect(wrapper.find('[data-test="sla"]').exists()).toBe(false);
  });
});
