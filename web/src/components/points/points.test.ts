import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { i18nFor, stubFetch } from '../../test/helpers';
import ResidentPicker from './ResidentPicker.vue';
import AwardForm from './AwardForm.vue';

const households = {
  'GET /api/v1/households': { body: { items: [{ id: 5 }, { id: 210 }], total: 11, page: 1, page_size: 8 } },
  'GET /api/v1/households/5': {
    body: {
      id: 5,
      address: '幸福里社区1号楼1单元301室',
      residents: [
        { id: 16, household_id: 5, name: '张文博', relation: 'self' },
        { id: 17, household_id: 5, name: '刘婷婷', relation: 'spouse' },
      ],
    },
  },
  'GET /api/v1/households/210': {
    body: { id: 210, address: '幸福里社区8号楼1单元102室', residents: [{ id: 700, household_id: 210, name: '张文博', relation: 'self' }] },
  },
};

async function search(wrapper: ReturnType<typeof mount>, text: string) {
  await wrapper.find('[data-test="picker-q"]').setValue(text);
  await wrapper.find('form').trigger('submit');
  await flushPromises();
}

describe('ResidentPicker', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('lists the residents of that name with their door, never their id, and says how many are left out', async () => {
    stubFetch(households);
    const wrapper = mount(ResidentPicker, { props: { communityId: 1, id: 'p' }, global: { plugins: [i18nFor()] } });
    await search(wrapper, '张文博');
    const choices = wrapper.findAll('[data-test="picker-choice"]');
    expect(choices.map((choice) => choice.text())).toEqual(['张文博幸福里社区1号楼1单元301室', '张文博幸福里社区8号楼1单元102室']);
    expect(wrapper.text()).not.toMatch(/16|700/);
    expect(wrapper.find('[data-test="picker-more"]').text()).toContain('还有 9 户');
    await choices[1].trigger('click');
    expect(wrapper.emitted('pick')?.[0]?.[0]).toMatchObject({ resident: { id: 700 }, household: { id: 210 } });
    // The list and its hint go once a resident is chosen.
    expect(wrapper.find('[data-test="picker-choice"]').exists()).toBe(false);
    expect(wrapper.find('[data-test="picker-more"]').exists()).toBe(false);
  });

  it('lists the whole household when the search was by door', async () => {
    stubFetch({ ...households, 'GET /api/v1/households': { body: { items: [{ id: 5 }], total: 1, page: 1, page_size: 8 } } });
    const wrapper = mount(ResidentPicker, { props: { communityId: 1, id: 'p' }, global: { plugins: [i18nFor()] } });
    await search(wrapper, '1号楼1单元301');
    expect(wrapper.findAll('[data-test="picker-choice"]')).toHaveLength(2);
    expect(wrapper.find('[data-test="picker-more"]').exists()).toBe(false);
  });
});

describe('AwardForm', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('asks for a reason, then awards with a reference of its own, kept for a retry', async () => {
    let posts = 0;
    const { calls } = stubFetch({
      ...households,
      'GET /api/v1/households': { body: { items: [{ id: 5 }], total: 1, page: 1, page_size: 8 } },
      'GET /api/v1/points/rules': { body: { rules: [{ rule: 'meeting', name_zh: '参与议事', unit: 'event', points_per_unit: 10 }] } },
      'GET /api/v1/points/accounts/16': { body: { resident_id: 16, community_id: 1, balance: 0, earned: 0, spent: 0 } },
      'GET /api/v1/points/accounts/16/postings': { body: { resident_id: 16, balance: 0, items: [] } },
      'POST /api/v1/points/awards': () =>
        ++posts === 1
          ? { network: true }
          : { status: 201, body: { id: 1, resident_id: 16, points: 20, balance: 20, signed_amount: 20 } },
    });
    const wrapper = mount(AwardForm, { props: { communityId: 1, canCorrect: true }, global: { plugins: [i18nFor()] } });
    await flushPromises();
    await search(wrapper, '张文博');
    await wrapper.find('[data-test="picker-choice"]').trigger('click');
    await flushPromises();
    await wrapper.find('[data-test="award-quantity"]').setValue('2');
    await wrapper.find('[data-test="award-form"]').trigger('submit');
    await flushPromises();
    expect(wrapper.text()).toContain('请写明加积分的原因');
    expect(calls.filter((call) => call.method === 'POST')).toHaveLength(0);

    await wrapper.find('[data-test="award-reason"]').setValue('帮助邻居');
    await wrapper.find('[data-test="award-form"]').trigger('submit');
    await flushPromises();
    await wrapper.find('[data-test="award-form"]').trigger('submit');
    await flushPromises();
    const posted = calls.filter((call) => call.method === 'POST');
    expect(posted).toHaveLength(2);
    const bodies = posted.map((call) => JSON.parse(String(call.init?.body)));
    expect(bodies[0]).toMatchObject({ resident_id: 16, rule: 'meeting', quantity: 2, memo: '帮助邻居' });
    expect(bodies[0].reference).toMatch(/^manual:\d{4}-\d{2}-\d{2}:/);
    expect(bodies[1].reference).toBe(bodies[0].reference);
    const keys = posted.map((call) => (call.init?.headers as Record<string, string>)['Idempotency-Key']);
    expect(keys[1]).toBe(keys[0]);
    expect(wrapper.find('[data-test="award-done"]').text()).toContain('20 积分');
  });
});
