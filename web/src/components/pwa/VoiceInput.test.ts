import { afterEach, describe, expect, it, vi } from 'vitest';
import { mount } from '@vue/test-utils';
import { defineComponent, h, ref } from 'vue';
import { i18nFor } from '../../test/helpers';

/** A recognition that hears `heard` once started; the last one made is kept for the test. */
function fakeRecognition(heard: string) {
  return class {
    lang = '';
    onresult: ((event: unknown) => void) | null = null;
    onerror: ((event: { error: string }) => void) | null = null;
    onend: (() => void) | null = null;
    start() {
      const result = Object.assign([{ transcript: heard }], { isFinal: true });
      this.onresult?.({ resultIndex: 0, results: [result] });
      this.onend?.();
    }
    stop() {
      this.onend?.();
    }
  };
}

async function mountWith(text: string, locale: 'zh-CN' | 'en' = 'zh-CN') {
  vi.resetModules();
  const { default: VoiceInput } = await import('./VoiceInput.vue');
  const model = ref(text);
  const Host = defineComponent(() => () => h(VoiceInput, { modelValue: model.value, 'onUpdate:modelValue': (v: string) => (model.value = v) }));
  return { wrapper: mount(Host, { global: { plugins: [i18nFor(locale)] } }), model };
}

describe('VoiceInput', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('is absent where the browser cannot recognise speech', async () => {
    vi.stubGlobal('SpeechRecognition', undefined);
    vi.stubGlobal('webkitSpeechRecognition', undefined);
    const { wrapper } = await mountWith('');
    expect(wrapper.find('[data-test="voice-button"]').exists()).toBe(false);
  });

  it('appends what it heard, with a label screen readers read', async () => {
    vi.stubGlobal('webkitSpeechRecognition', fakeRecognition('楼道灯不亮了'));
    const { wrapper, model } = await mountWith('三号楼');
    const button = wrapper.find('[data-test="voice-button"]');
    expect(button.attributes('aria-label')).toBe('语音输入');
    await button.trigger('click');
    expect(model.value).toBe('三号楼。楼道灯不亮了');
  });

  it('says so when the microphone is not allowed', async () => {
    const Denied = class extends fakeRecognition('') {
      start() {
        this.onerror?.({ error: 'not-allowed' });
        this.onend?.();
      }
    };
    vi.stubGlobal('SpeechRecognition', Denied);
    const { wrapper, model } = await mountWith('');
    await wrapper.find('[data-test="voice-button"]').trigger('click');
    expect(wrapper.find('[role="alert"]').text()).toContain('没有麦克风权限');
    expect(model.value).toBe('');
  });
});
