import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createMemoryHistory, createRouter } from 'vue-router';
import { i18nFor, stubFetch } from '../../test/helpers';
import { session } from '../../session';
import type { Proposal } from '../../api/participation';
import ProposalsView from './ProposalsView.vue';

function proposal(id: number, fields: Partial<Proposal> = {}): Proposal {
  return {
    id,
    community_id: 1,
    title: `提案 ${id}`,
    body: '……',
    state: 'seconding',
    seconds: 0,
    seconded: false,
    seconds_required: 5,
    meetings: 0,
    stalled: false,
    response_overdue: false,
    warnings: [],
    decided_at: null,
    response_due_at: null,
    response: null,
    responded_at: null,
    created_at: '2026-11-01T10:00:00+08:00',
    own: false,
    ...fields,
  };
}

async function mountView() {
  session.user = { id: 9, username: 'resident', role: 'resident', community_ids: [1], household_id: 5, display_name: '张文博' };
  session.loaded = true;
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:p(.*)*', component: { template: '<div />' } }] });
  const wrapper = mount(ProposalsView, { global: { plugins: [i18nFor(), router] } });
  await flushPromises();
  return wrapper;
}

describe('ProposalsView', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('seconds a proposal and shows the new count against the requirement', async () => {
    const { calls } = stubFetch({
      'GET /api/v1/proposals': {
        body: { community_id: 1, warnings: { stalled_topic: 1, response_overdue: 0 }, items: [proposal(7, { seconds: 2 }), proposal(8, { own: true })] },
      },
      'POST /api/v1/proposals/7/seconds': { status: 201, body: proposal(7, { seconds: 3 }) },
    });
    const wrapper = await mountView();
    expect(wrapper.find('[data-test="stalled-summary"]').exists()).toBe(true);
    const item = () => wrapper.find('[data-proposal="7"]');
    expect(item().find('[data-test="seconding-count"]').text()).toBe('附议 2 / 5 户');
    // The household's own proposal offers no second.
    expect(wrapper.find('[data-proposal="8"] [data-test="second"]').exists()).toBe(false);
    await item().find('[data-test="second"]').trigger('click');
    await flushPromises();
    expect(calls[calls.length - 1]?.init?.headers).toMatchObject({ 'Idempotency-Key': expect.any(String) });
    expect(item().find('[data-test="seconding-count"]').text()).toBe('附议 3 / 5 户');
    expect(item().find('[data-test="second-done"]').exists()).toBe(true);
  });

  it('says in words why a second is refused', async () => {
    stubFetch({
      'GET /api/v1/proposals': { body: { community_id: 1, warnings: { stalled_topic: 0, response_overdue: 0 }, items: [proposal(7)] } },
      'POST /api/v1/proposals/7/seconds': {
        status: 409,
        body: { error: { code: 'already_seconded', message: 'your household has seconded this proposal' } },
      },
    });
    const wrapper = await mountView();
    await wrapper.find('[data-proposal="7"] [data-test="second"]').trigger('click');
    await flushPromises();
    expect(wrapper.find('[data-test="second-error"]').text()).toBe('您家已经附议过了。');
  });

  it('asks for a title and text before sending a new proposal', async () => {
    const { calls } = stubFetch({ 'GET /api/v1/proposals': { body: { community_id: 1, warnings: { stalled_topic: 0, response_overdue: 0 }, items: [] } } });
    const wrapper = await mountView();
    await wrapper.find('[data-test="proposal-new"] form').trigger('submit');
    expect(wrapper.find('[data-test="proposal-form-error"]').text()).toBe('请填写标题和内容。');
    expect(calls.filter((call) => call.method === 'POST')).toHaveLength(0);
  });

  it('keeps a card that got its last second in place, its button a disabled 已附议 ✓, until the filter changes', async () => {
    const { calls } = stubFetch({
      'GET /api/v1/proposals': {
        body: { community_id: 1, warnings: { stalled_topic: 0, response_overdue: 0 }, items: [proposal(7, { seconds: 4 }), proposal(8, { seconds: 1 })] },
      },
      'POST /api/v1/proposals/7/seconds': { status: 201, body: proposal(7, { seconds: 5, state: 'eligible' }) },
    });
    const wrapper = await mountView();
    const ids = () => wrapper.findAll('[data-test="proposal"]').map((card) => card.attributes('data-proposal'));
    await wrapper.find('[data-proposal="7"] [data-test="second"]').trigger('click');
    await flushPromises();
    expect(ids()).toEqual(['7', '8']);
    const done = wrapper.find('[data-proposal="7"] [data-test="seconded"]');
    expect(done.text()).toBe('已附议 ✓');
    expect(done.attributes('disabled')).toBeDefined();
    expect(wrapper.find('[data-proposal="7"] [data-test="second"]').exists()).toBe(false);
    await done.trigger('click');
    await flushPromises();
    expect(calls.filter((call) => call.method === 'POST')).toHaveLength(1);
    // Moving on: another filter and back, and the eligible proposal is where its state puts it.
    await wrapper.find('[data-filter="meeting"]').trigger('click');
    expect(ids()).toEqual(['7']);
    await wrapper.find('[data-filter="seconding"]').trigger('click');
    expect(ids()).toEqual(['8']);
  });
});
