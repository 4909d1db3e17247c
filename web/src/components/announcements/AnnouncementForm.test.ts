import { afterEach, describe, expect, it, vi } from 'vitest';
import { defineComponent, h } from 'vue';
import { flushPromises, mount } from '@vue/test-utils';
import AnnouncementForm from './AnnouncementForm.vue';
import { ApiError } from '../../api/client';
import { useAnnouncementWords } from '../../composables/announcements';
import { i18nFor, stubFetch } from '../../test/helpers';

const buildings = [
  { id: 1, community_id: 1, name: '1号楼', address: null, households: 22, guide_user_id: null, guide_name: null },
  { id: 10, community_id: 1, name: '10号楼', address: null, households: 22, guide_user_id: null, guide_name: null },
  { id: 3, community_id: 1, name: '3号楼', address: null, households: 20, guide_user_id: null, guide_name: null },
];

function mountForm() {
  return mount(AnnouncementForm, {
    props: { communityId: 1, buildings: buildings as never },
    global: { plugins: [i18nFor('zh-CN')] },
  });
}

describe('AnnouncementForm', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('offers the kinds in Chinese and ticks urgent for an outage only', async () => {
    const wrapper = mountForm();
    expect(wrapper.findAll('#notice-kind option').map((o) => o.text())).toEqual(['停水停电', '活动', '政策', '通知']);
    const urgent = wrapper.find('[data-test="notice-urgent-box"]').element as HTMLInputElement;
    expect(urgent.checked).toBe(true);
    await wrapper.find('#notice-kind').setValue('event');
    expect(urgent.checked).toBe(false);
    await wrapper.find('#notice-kind').setValue('outage');
    expect(urgent.checked).toBe(true);
  });

  it('sends the buildings chosen by name and the day it is valid through', async () => {
    const { calls } = stubFetch({
      'POST /api/v1/announcements': (init) => ({ status: 201, body: { id: 77, ...JSON.parse(String(init?.body)) } }),
    });
    const wrapper = mountForm();
    await wrapper.find('#notice-title').setValue('3号楼停水通知');
    await wrapper.find('#notice-body').setValue('12月9日8:00-14:00停水。');
    await wrapper.find('[data-test="scope-buildings"]').setValue(true);
    // Natural order, narrowed by the name typed.
    expect(wrapper.findAll('.building-picker__list label').map((l) => l.text())).toEqual(['1号楼', '3号楼', '10号楼']);
    await wrapper.find('[data-test="building-search"]').setValue('3');
    const boxes = wrapper.findAll('.building-picker__list input');
    expect(boxes).toHaveLength(1);
    await boxes[0].setValue(true);
    expect(wrapper.findAll('[data-test="chosen-building"]').map((b) => b.text())).toEqual(['3号楼 ×']);
    const day = (wrapper.find('#notice-valid-until').element as HTMLInputElement).min;
    await wrapper.find('#notice-valid-until').setValue(day);
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(calls).toHaveLength(1);
    expect(JSON.parse(String(calls[0].init?.body))).toEqual({
      community_id: 1,
      kind: 'outage',
      title: '3号楼停水通知',
      body: '12月9日8:00-14:00停水。',
      pinned: false,
      urgent: true,
      building_ids: [3],
      valid_until: day,
    });
    expect(wrapper.emitted('published')?.[0]?.[0]).toMatchObject({ id: 77 });
  });

  it('says what is missing before sending, and the server’s refusal in Chinese', async () => {
    const { calls } = stubFetch({
      'POST /api/v1/announcements': { status: 400, body: { error: { code: 'invalid_kind', message: 'kind must be outage, event, policy or notice' } } },
    });
    const wrapper = mountForm();
    await wrapper.find('[data-test="scope-buildings"]').setValue(true);
    await wrapper.find('form').trigger('submit');
    expect(wrapper.findAll('[data-test="form-problems"] li').map((li) => li.text())).toEqual([
      '请填写标题。',
      '请填写正文。',
      '请至少选一栋楼，或改为发给全社区。',
    ]);
    expect(calls).toHaveLength(0);
    await wrapper.find('#notice-title').setValue('停水');
    expect(wrapper.findAll('[data-test="form-problems"] li').map((li) => li.text())).not.toContain('请填写标题。');
    await wrapper.find('#notice-body').setValue('停水');
    await wrapper.findAll('input[name="notice-scope"]')[0].setValue(true);
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(wrapper.find('[data-test="error"]').text()).toBe('公告类型不对，请选停水停电、活动、政策或通知。');
  });
});

describe('the notice board’s error words', () => {
  it('read the server’s codes in Chinese, and in English when chosen', () => {
    const texts: Record<string, string[]> = {};
    for (const locale of ['zh-CN', 'en'] as const) {
      const Probe = defineComponent({
        setup() {
          const { errorText } = useAnnouncementWords();
          texts[locale] = ['withdrawn', 'invalid_field', 'not_found'].map((code) => errorText(new ApiError(409, code, 'the notice was withdrawn')));
          return () => h('p');
        },
      });
      mount(Probe, { global: { plugins: [i18nFor(locale)] } });
    }
    expect(texts['zh-CN'][0]).toBe('这条公告已经撤回，不能再修改。');
    expect(texts['zh-CN'][1]).toMatch(/^有一项填写得不对/);
    expect(texts['zh-CN'][2]).toMatch(/^找不到这条公告/);
    expect(texts.en[0]).toBe('This notice was withdrawn and can no longer be changed.');
  });
});
