import { beforeEach, describe, expect, it, vi } from 'vitest';
import { mount } from '@vue/test-utils';
import { i18nFor } from '../test/helpers';
import { ELDERLY_KEY } from '../lib/prefs';

// The mode is module state read from storage at import time, so each test imports afresh.
async function freshToggle() {
  vi.resetModules();
  const { default: ElderlyToggle } = await import('./ElderlyToggle.vue');
  return mount(ElderlyToggle, { global: { plugins: [i18nFor()] } });
}

describe('ElderlyToggle', () => {
  beforeEach(() => {
    localStorage.clear();
    document.documentElement.className = '';
  });

  it('turns large type on and off and says so with aria-pressed', async () => {
    const wrapper = await freshToggle();
    expect(wrapper.attributes('aria-pressed')).toBe('false');
    await wrapper.trigger('click');
    expect(wrapper.attributes('aria-pressed')).toBe('true');
    expect(document.documentElement.classList.contains('elderly')).toBe(true);
    await wrapper.trigger('click');
    expect(document.documentElement.classList.contains('elderly')).toBe(false);
  });

  it('is remembered on the device', async () => {
    const first = await freshToggle();
    await first.trigger('click');
    expect(localStorage.getItem(ELDERLY_KEY)).toBe('on');
    first.unmount();
    const again = await freshToggle();
    expect(again.attributes('aria-pressed')).toBe('true');
  });

  it('still works when storage refuses writes', async () => {
    const setItem = vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('quota', 'QuotaExceededError');
    });
    const wrapper = await freshToggle();
    await wrapper.trigger('click');
    expect(document.documentElement.classList.contains('elderly')).toBe(true);
    setItem.mockRestore();
  });
});
