import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createMemoryHistory, createRouter } from 'vue-router';
import CaseView from './CaseView.vue';
import { i18nFor, stubFetch } from '../../test/helpers';
import { session } from '../../session';

const accepted = {
  id: 31,
  community_id: 1,
  tracking_code: 'ABCD-EFGHR',
  category: 'water_leak',
  description: '车库积水',
  priority: 'yellow',
  priority_source: 'rule',
  triage_note: null,
  status: 'accepted',
  channel: 'web',
  household_id: 3,
  location: null,
  received_at: '2026-11-29T10:00:00+08:00',
  response_due_at: '2026-11-30T10:00:00+08:00',
  resolution_due_at: '2026-12-02T10:00:00+08:00',
  responded_at: null,
  resolved_at: null,
  closed_at: null,
  assignee_user_id: null,
  assignee_department: null,
  duplicate_of: null,
  overdue: false,
  escalated: false,
  rating: null,
  rating_comment: null,
  version: 2,
  contact_name: null,
  contact_phone: null,
  events: [],
};

describe('CaseView', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('assigns a request to a guide chosen by name and shows the name afterwards', async () => {
    session.user = { id: 2, username: 'staff', role: 'staff', community_ids: [1], household_id: null, display_name: '王主任' } as never;
    let sent: Record<string, unknown> = {};
    let current: Record<string, unknown> = accepted;
    const { calls } = stubFetch({
      'GET /api/v1/requests/31': () => ({ body: current }),
      'GET /api/v1/requests/categories': { body: { categories: [], departments: [] } },
      'GET /api/v1/users': { body: { community_id: 1, items: [{ id: 8, username: 'guide1', display_name: '李指导', role: 'guide', caseload: 120 }] } },
      'POST /api/v1/requests/31/transitions': (init) => {
        sent = JSON.parse(String(init?.body));
        current = { ...accepted, status: 'assigned', assignee_user_id: 8, version: 3 };
        return { body: current };
      },
    });
    const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/staff/requests/:id', component: CaseView }, { path: '/:p(.*)*', component: { template: '<div />' } }] });
    await router.push('/staff/requests/31');
    const wrapper = mount({ template: '<RouterView />' }, { global: { plugins: [i18nFor('zh-CN'), router] } });
    await flushPromises();
    expect(calls.some((call) => call.url === '/api/v1/users?community_id=1&role=guide')).toBe(true);
    const option = wrapper.find('#case-assignee option[value="user:8"]');
    expect(option.text()).toBe('指导员：李指导（在管 120 户）');
    await wrapper.find('#case-assignee').setValue('user:8');
    await wrapper.find('[data-action="assign"]').trigger('click');
    await flushPromises();
    expect(sent).toMatchObject({ action: 'assign', assignee: 8, version: 2 });
    expect(wrapper.text()).toContain('李指导');
  });

  it("shows a guide the resident's rating as 居民评价 and a handler it cannot name without a number", async () => {
    session.user = { id: 4, username: 'guide1', role: 'guide', community_ids: [1], household_id: null, display_name: '陈杰' } as never;
    const closed = { ...accepted, status: 'closed', assignee_user_id: 8, rating: 2, version: 7 };
    const { calls } = stubFetch({
      'GET /api/v1/requests/31': { body: closed },
      'GET /api/v1/requests/categories': { body: { categories: [], departments: [] } },
    });
    const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/staff/requests/:id', component: CaseView }, { path: '/:p(.*)*', component: { template: '<div />' } }] });
    await router.push('/staff/requests/31');
    const wrapper = mount({ template: '<RouterView />' }, { global: { plugins: [i18nFor('zh-CN'), router] } });
    await flushPromises();
    expect(calls.some((call) => call.url.startsWith('/api/v1/users'))).toBe(false); // guides may not list users
    const facts = wrapper.findAll('dt').map((dt) => [dt.text(), (dt.element.nextElementSibling as HTMLElement).textContent?.trim()]);
    expect(facts).toContainEqual(['居民评价', '2 分']);
    expect(facts).toContainEqual(['承办', '指导员/工作人员']);
    expect(wrapper.text()).not.toContain('您的评价');
    expect(wrapper.text()).not.toContain('#8');
  });
});
