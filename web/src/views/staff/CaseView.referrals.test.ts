import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createMemoryHistory, createRouter } from 'vue-router';
import CaseView from './CaseView.vue';
import { i18nFor, stubFetch } from '../../test/helpers';
import { session } from '../../session';

const referral = {
  id: 5,
  level: 'street',
  department: null,
  receiver: '北山街道',
  reason: '市政路灯归街道城管科',
  status: 'pending',
  referred_at: '2026-11-30T09:30:00+08:00',
  answered_at: null,
  answer_note: null,
};
const referred = {
  id: 31,
  community_id: 1,
  tracking_code: 'ABCD-EFGHR',
  category: 'public_facility',
  description: '北门路灯坏了',
  priority: 'blue',
  priority_source: 'category',
  triage_note: null,
  status: 'assigned',
  channel: 'app',
  household_id: 3,
  location: null,
  received_at: '2026-11-29T10:00:00+08:00',
  response_due_at: '2026-12-08T23:59:59+08:00',
  resolution_due_at: '2026-12-11T23:59:59+08:00',
  responded_at: '2026-11-30T09:00:00+08:00',
  resolved_at: null,
  closed_at: null,
  assignee_user_id: null,
  assignee_department: null,
  duplicate_of: null,
  overdue: false,
  escalated: false,
  rating: null,
  rating_comment: null,
  version: 4,
  contact_name: null,
  contact_phone: null,
  events: [
    { at: '2026-11-30T09:30:00+08:00', action: 'refer', from_status: 'accepted', status: 'assigned', note: '市政路灯归街道城管科', by: 'staff' },
  ],
  referrals: [referral],
};

async function mountCase() {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [{ path: '/staff/requests/:id', component: CaseView }, { path: '/:p(.*)*', component: { template: '<div />' } }],
  });
  await router.push('/staff/requests/31');
  const wrapper = mount({ template: '<RouterView />' }, { global: { plugins: [i18nFor('zh-CN'), router] } });
  await flushPromises();
  return wrapper;
}

describe('CaseView with referrals', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('offers the street only signing for or returning a pending referral, and names where it went', async () => {
    session.user = { id: 2, username: 'street', role: 'street', community_ids: [1], household_id: null, display_name: '北山街道督办' } as never;
    stubFetch({
      'GET /api/v1/requests/31': { body: referred },
      'GET /api/v1/requests/categories': { body: { categories: [], departments: [] } },
      'GET /api/v1/users': { body: { community_id: 1, items: [] } },
    });
    const wrapper = await mountCase();
    expect(wrapper.find('[data-test="case-actions"]').exists()).toBe(false);
    expect(wrapper.findAll('[data-test="street-actions"] button[data-action]').map((b) => b.text())).toEqual(['签收', '退回社区', '记一笔']);
    expect(wrapper.find('[data-test="referral-status"]').text()).toBe('待签收');
    expect(wrapper.find('[data-test="timeline"] li[data-action="refer"]').text()).toContain('已转至北山街道办理');
    expect(wrapper.find('[data-test="refer-form"]').exists()).toBe(false);
    expect(wrapper.find('a[href="/street/referrals"]').exists()).toBe(true);
  });

  it('reloads the case and says so in Chinese when the street signs for a stale version', async () => {
    session.user = { id: 2, username: 'street', role: 'street', community_ids: [1], household_id: null, display_name: '北山街道督办' } as never;
    let current: Record<string, unknown> = referred;
    let sent: Record<string, unknown> = {};
    const { calls } = stubFetch({
      'GET /api/v1/requests/31': () => ({ body: current }),
      'GET /api/v1/requests/categories': { body: { categories: [], departments: [] } },
      'POST /api/v1/requests/31/transitions': (init) => {
        sent = JSON.parse(String(init?.body));
        current = { ...referred, version: 5, referrals: [{ ...referral, status: 'accepted' }] };
        return { status: 409, body: { error: { code: 'stale_version', message: 'stale' } } };
      },
    });
    const wrapper = await mountCase();
    await wrapper.find('[data-action="accept_referral"]').trigger('click');
    await flushPromises();
    expect(sent).toMatchObject({ action: 'accept_referral', version: 4 });
    expect(wrapper.find('[data-test="street-error"]').text()).toContain('已为您刷新');
    expect(calls.filter((call) => call.method === 'GET' && call.url.startsWith('/api/v1/requests/31')).length).toBe(2);
    expect(wrapper.find('[data-test="referral-status"]').text()).toBe('已签收');
    expect(wrapper.findAll('[data-test="street-actions"] button[data-action]').map((b) => b.text())).toEqual(['开始办理', '办结', '记一笔']);
  });

  it('lets staff refer a case with no open referral to a department chosen by name, with a reason', async () => {
    session.user = { id: 3, username: 'staff', role: 'staff', community_ids: [1], household_id: null, display_name: '徐志伟' } as never;
    const open = { ...referred, status: 'accepted', events: [], referrals: [{ ...referral, status: 'returned', answer_note: '归物业', answered_at: '2026-11-30T12:00:00+08:00' }] };
    let sent: Record<string, unknown> = {};
    stubFetch({
      'GET /api/v1/requests/31': { body: open },
      'GET /api/v1/requests/categories': { body: { categories: [], departments: [{ code: 'housing', name_zh: '房管所', name_en: 'Housing office' }] } },
      'GET /api/v1/users': { body: { community_id: 1, items: [] } },
      'POST /api/v1/requests/31/transitions': (init) => {
        sent = JSON.parse(String(init?.body));
        return { body: { ...open, status: 'assigned', version: 5 } };
      },
    });
    const wrapper = await mountCase();
    expect(wrapper.find('[data-test="referral-status"]').text()).toBe('已退回');
    expect(wrapper.find('[data-test="referral-answer"]').text()).toContain('街道答复：归物业');
    await wrapper.find('[data-test="refer-department-level"]').setValue(true);
    expect(wrapper.find('#refer-department option[value="housing"]').text()).toBe('房管所');
    await wrapper.find('#refer-department').setValue('housing');
    await wrapper.find('[data-test="refer-submit"]').trigger('submit');
    expect(wrapper.find('#refer-reason-error').text()).toBe('请填写转办原因');
    await wrapper.find('#refer-reason').setValue('公房维修归房管所');
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(sent).toEqual({ action: 'refer', level: 'department', department: 'housing', note: '公房维修归房管所', version: 4 });
  });
});
