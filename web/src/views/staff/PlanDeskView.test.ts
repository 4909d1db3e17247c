import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createMemoryHistory, createRouter } from 'vue-router';
import PlanDeskView from './PlanDeskView.vue';
import { i18nFor, stubFetch } from '../../test/helpers';
import { session } from '../../session';
import type { User } from '../../api/accounts';

const staffUser: User = { id: 3, username: 'staff', role: 'staff', community_ids: [1], household_id: null, display_name: '徐志伟' };
const streetUser: User = { id: 4, username: 'street', role: 'street', community_ids: [1], household_id: null, display_name: '街道' };

function boardAt(state: string, extra: Record<string, unknown> = {}) {
  return { ...executing, plan: { ...executing.plan, state, ...extra }, council_votes: [], assessments: [], decisions: [], revision: null };
}

/** The answers every published plan's desk asks for. */
function published(state: string, extra: Record<string, unknown> = {}) {
  return {
    ...allocation(state),
    'GET /api/v1/public/plans/5': { body: boardAt(state, extra) },
    'GET /api/v1/public/notices': { body: { items: [] } },
    'GET /api/v1/plans/5/council-votes': { body: { items: [] } },
    'GET /api/v1/plans/5/assessments': { body: { items: [] } },
  };
}

const executing = {
  plan: { plan_id: 5, community_id: 1, quarter: '2026Q4', unit: 'fen', total: 1200000, state: 'executing', notice_days: 7, days_left: null, notice_started_at: null, notice_ends_at: null, objections_open: false },
  allocation: { labels: ['elderly_care'], values: [300000] },
  progress: [{ category: 'elderly_care', planned: 300000, spent: 0, spent_bp: 0, households_served: 0, households_covered: 0, households_targeted: null, coverage_bp: null }],
  totals: { planned: 300000, spent: 0, spent_bp: 0, households_served: 0, delivered_units: 0, misallocated_units: 0, misallocation_bp: 0 },
  spending: [],
  evaluations: [],
  feedback: [],
  objections: { objecting_households: 0, households: 4500, threshold_bp: 500, third_party_required: false, third_party_recorded: false },
  satisfaction: { served_households: 0, responses: 0, distribution: [0, 0, 0, 0, 0], mean_hundredths: 0, satisfied_bp: 0 },
  history: [],
};

const spend = {
  id: 1, plan_id: 5, kind: 'natural_disaster', reason: '暴雨导致3号楼地下室进水', households_served: 12, amount: 150000,
  payee_category: 'service_provider', receipt_ref: 'FP-2026-1201', spent_on: '2026-12-05', created_at: '2026-12-05T10:00:00+08:00',
  published_at: '2026-12-05T10:00:00+08:00', sign_off_due_at: '2026-12-12T10:00:00+08:00', signed_off_at: null, sign_off_note: null, overdue: false,
};
const ledger = { reserve: 600000, spent: 150000, left: 450000, carried_in: 0, carried_out: 0, items: [spend] };

/** The allocation side, which says the plan's community and stage. */
function allocation(stage: string) {
  return {
    'GET /api/v1/allocation/plans/5': { body: { id: 5, community_id: 1, quarter: '2026Q4', total: 1200000, unit: 'fen', lines: [{ category: 'elderly_care', total: 300000, previous_total: null, change: null }] } },
    'GET /api/v1/allocation/plans': { body: { community_id: 1, items: [{ id: 5, quarter: '2026Q4', unit: 'fen', total: 1200000, stage, created_at: '2026-10-01T09:00:00+08:00' }] } },
  };
}

async function mountDesk(locale: 'zh-CN' | 'en' = 'zh-CN') {
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/staff/plans/:id', component: PlanDeskView }, { path: '/:p(.*)*', component: { template: '<div />' } }] });
  await router.push('/staff/plans/5');
  const wrapper = mount({ template: '<RouterView />' }, { global: { plugins: [i18nFor(locale), router] } });
  await flushPromises();
  return wrapper;
}

describe('PlanDeskView', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    session.user = null;
  });
  beforeEach(() => {
    session.user = staffUser;
    session.loaded = true;
  });

  it('does not ask for the public page of a draft, which has none', async () => {
    const { calls } = stubFetch(allocation('draft'));
    const wrapper = await mountDesk();
    expect(calls.map((call) => call.url.split('?')[0])).not.toContain('/api/v1/public/plans/5');
    expect(wrapper.find('[data-test="plan-state"]').text()).toBe('草案');
    expect(wrapper.find('[data-test="error"]').exists()).toBe(false);
  });

  it('offers the next step and says why the server refused it', async () => {
    stubFetch({
      ...allocation('executing'),
      'GET /api/v1/public/plans/5': { body: executing },
      'GET /api/v1/public/notices': { body: { items: [] } },
      'GET /api/v1/plans/5/emergency-spending': { body: ledger },
      'POST /api/v1/plans/5/transitions': { status: 409, body: { error: { code: 'final_evaluation_missing', message: 'x' } } },
    });
    const wrapper = await mountDesk();
    const button = wrapper.find('[data-action="close"]');
    expect(button.text()).toBe('结项');
    await wrapper.find('[data-test="transition"] form').trigger('submit');
    expect(wrapper.find('[data-test="transition-error"]').text()).toBe('请写明说明。');
    await wrapper.find('#transition-note').setValue('决算公开');
    await wrapper.find('[data-test="transition"] form').trigger('submit');
    await flushPromises();
    expect(wrapper.find('[data-test="transition-error"]').text()).toBe('结项前须录入结项评估。');
  });

  it('records spending in fen from yuan typed with separators, and names an overspend in English', async () => {
    let sent: Record<string, unknown> = {};
    stubFetch({
      ...allocation('executing'),
      'GET /api/v1/public/plans/5': { body: executing },
      'GET /api/v1/public/notices': { body: { items: [] } },
      'GET /api/v1/plans/5/emergency-spending': { body: ledger },
      'POST /api/v1/plans/5/spending': (init) => {
        sent = JSON.parse(String(init?.body));
        return { status: 409, body: { error: { code: 'line_overspent', message: 'x' } } };
      },
    });
    const wrapper = await mountDesk('en');
    await wrapper.find('#spending-category').setValue('elderly_care');
    await wrapper.find('#spending-amount').setValue('1,200.50');
    await wrapper.find('#spending-purpose').setValue('Meal subsidy');
    await wrapper.find('#spending-receipt').setValue('FP-1');
    await wrapper.find('#spending-households').setValue('12, 15');
    await wrapper.find('[data-test="spending-form"] form').trigger('submit');
    await flushPromises();
    expect(sent).toMatchObject({ category: 'elderly_care', amount: 120050, payee_category: 'service_provider', household_ids: [12, 15] });
    expect(wrapper.find('[data-test="spending-error"]').text()).toBe("This would spend more than the category's planned amount.");
  });

  it('records a council vote: previews the verdict by the rule, sends Shanghai time, and says the server\'s result', async () => {
    let sent: Record<string, unknown> = {};
    let recorded = false;
    stubFetch({
      ...published('council_vote'),
      'GET /api/v1/public/plans/5': () => ({
        body: recorded
          ? boardAt('draft', { returned: true })
          : boardAt('council_vote'),
      }),
      'GET /api/v1/allocation/plans': () => ({ body: { community_id: 1, items: [{ id: 5, quarter: '2026Q4', unit: 'fen', total: 1200000, stage: recorded ? 'draft' : 'council_vote', created_at: '2026-10-01T09:00:00+08:00' }] } }),
      'GET /api/community-resources': { body: { ...boardAt('executing'), community_id: 1, plans: [boardAt('draft', { returned: true }).plan] } },
      'POST /api/v1/plans/5/council-votes': (init) => {
        sent = JSON.parse(String(init?.body));
        recorded = true;
        return { status: 201, body: { vote: { id: 1, plan_id: 5, ...sent, place: null, quorum_met: false, passed: false, reasons: sent.reasons, created_at: '2026-12-05T21:00:00+08:00' }, plan: boardAt('draft', { returned: true }).plan } };
      },
    });
    const wrapper = await mountDesk();
    // The old "进入专业评估" button is gone: the vote is recorded.
    expect(wrapper.find('[data-action="assess"]').exists()).toBe(false);
    expect(wrapper.find('[data-test="transition"]').exists()).toBe(false);
    await wrapper.find('#council-meeting').setValue('2026年第四季度社区议事会');
    await wrapper.find('#council-held-at').setValue('2026-12-05T19:30');
    await wrapper.find('#council-total').setValue('15');
    await wrapper.find('#council-present').setValue('7');
    await wrapper.find('#council-for').setValue('7');
    await wrapper.find('#council-against').setValue('0');
    await wrapper.find('#council-abstain').setValue('0');
    expect(wrapper.find('[data-test="council-verdict"]').text()).toBe('预计：未通过（出席不足法定人数）');
    expect(wrapper.find('[data-test="council-preview"]').text()).toContain('至少 8 人（本次出席 7 人）');
    await wrapper.find('#council-present').setValue('11');
    await wrapper.find('#council-for').setValue('5');
    expect(wrapper.find('[data-test="council-verdict"]').text()).toBe('预计：未通过（赞成票未过出席人数半数）');
    await wrapper.find('#council-for').setValue('6');
    expect(wrapper.find('[data-test="council-verdict"]').text()).toBe('预计：通过');
    await wrapper.find('#council-present').setValue('7');
    await wrapper.find('#council-minutes').setValue('出席不足，改期再议。');
    await wrapper.find('#council-reasons').setValue('出席人数不足');
    await wrapper.find('[data-test="council-form"] form').trigger('submit');
    await flushPromises();
    expect(sent).toMatchObject({
      meeting: '2026年第四季度社区议事会',
      held_at: '2026-12-05T19:30:00+08:00',
      members_total: 15,
      members_present: 7,
      votes_for: 6,
      votes_against: 0,
      votes_abstain: 0,
      minutes: '出席不足，改期再议。',
      reasons: '出席人数不足',
    });
    expect(wrapper.find('[data-test="desk-outcome"]').text()).toBe('议事会表决未通过（出席不足法定人数），方案已退回草案，理由已公开。');
    expect(wrapper.find('[data-test="plan-state"]').text()).toBe('已退回修改');
    expect(wrapper.find('[data-test="publish"]').attributes('data-returned')).toBe('true');
  });

  it('refuses counts that cannot be before asking the server', async () => {
    const { calls } = stubFetch(published('council_vote'));
    const wrapper = await mountDesk();
    await wrapper.find('#council-meeting').setValue('议事会');
    await wrapper.find('#council-total').setValue('15');
    await wrapper.find('#council-present').setValue('11');
    await wrapper.find('#council-for').setValue('8');
    await wrapper.find('#council-against').setValue('3');
    await wrapper.find('#council-abstain').setValue('1');
    await wrapper.find('#council-minutes').setValue('纪要');
    await wrapper.find('[data-test="council-form"] form').trigger('submit');
    await flushPromises();
    expect(wrapper.find('[data-test="council-error"]').text()).toBe('赞成、反对、弃权合计不能超过出席人数。');
    expect(calls.some((call) => call.method === 'POST')).toBe(false);
  });

  it('lets the street return a plan only with a reason, and asks before a rejection', async () => {
    session.user = streetUser;
    const sent: Record<string, unknown>[] = [];
    stubFetch({
      ...published('street_review'),
      'POST /api/v1/plans/5/transitions': (init) => {
        sent.push(JSON.parse(String(init?.body)));
        return { status: 200, body: boardAt('rejected').plan };
      },
    });
    const wrapper = await mountDesk();
    await wrapper.find('[data-review="return"]').trigger('click');
    await wrapper.find('[data-test="street-review"] form').trigger('submit');
    expect(wrapper.find('[data-test="review-error"]').text()).toBe('请写明理由，理由会公开显示。');
    await wrapper.find('[data-review="reject"]').trigger('click');
    await wrapper.find('#review-note').setValue('资金用途与居民需求不符');
    await wrapper.find('[data-test="street-review"] form').trigger('submit');
    await flushPromises();
    expect(sent).toEqual([]);
    expect(wrapper.find('[data-test="reject-confirm"]').exists()).toBe(true);
    await wrapper.find('[data-test="reject-yes"]').trigger('submit');
    await flushPromises();
    expect(sent).toEqual([{ action: 'reject', note: '资金用途与居民需求不符' }]);
  });

  it('tells staff a plan in street review waits for the street', async () => {
    stubFetch(published('street_review'));
    const wrapper = await mountDesk();
    expect(wrapper.find('[data-test="await-street"]').exists()).toBe(true);
    expect(wrapper.find('[data-test="street-review"]').exists()).toBe(false);
  });

  it('records an emergency spend in fen within the reserve, and the street signs one off', async () => {
    let sent: Record<string, unknown> = {};
    const { calls } = stubFetch({
      ...published('executing'),
      'GET /api/v1/plans/5/emergency-spending': { body: ledger },
      'POST /api/v1/plans/5/emergency-spending': (init) => {
        sent = JSON.parse(String(init?.body));
        return { status: 201, body: { ...spend, id: 2 } };
      },
    });
    const wrapper = await mountDesk();
    expect(wrapper.find('[data-test="reserve-left"]').text()).toBe('储备金还剩 4,500.00 元。');
    expect(wrapper.find('[data-test="emergency-spend"]').attributes('data-state')).toBe('pending');
    expect(wrapper.find('[data-test="sign-off"]').exists()).toBe(false);
    await wrapper.find('#emergency-kind').setValue('urgent_relief');
    await wrapper.find('#emergency-reason').setValue('独居老人突发疾病，临时救助');
    await wrapper.find('#emergency-households').setValue('1');
    await wrapper.find('#emergency-amount').setValue('4,500.01');
    await wrapper.find('#emergency-receipt').setValue('FP-9');
    await wrapper.find('[data-test="emergency-form"] form').trigger('submit');
    expect(wrapper.find('[data-test="emergency-error"]').text()).toBe('超过了储备金剩余的 4,500.00 元。');
    await wrapper.find('#emergency-amount').setValue('800');
    await wrapper.find('[data-test="emergency-form"] form').trigger('submit');
    await flushPromises();
    expect(sent).toMatchObject({ kind: 'urgent_relief', households_served: 1, amount: 80000, payee_category: 'service_provider', receipt_ref: 'FP-9' });
    expect(wrapper.find('[data-test="desk-outcome"]').text()).toContain('已登记应急支出并公示');
    expect(calls.filter((call) => call.url.startsWith('/api/v1/plans/5/emergency-spending') && call.method === 'GET').length).toBe(2);
  });

  it('shows the street a sign-off button on an unsigned emergency spend', async () => {
    session.user = streetUser;
    let note = '';
    stubFetch({
      ...published('executing'),
      'GET /api/v1/plans/5/emergency-spending': { body: ledger },
      'POST /api/v1/plans/5/emergency-spending/1/sign-off': (init) => {
        note = JSON.parse(String(init?.body)).note;
        return { body: { ...spend, signed_off_at: '2026-12-06T09:00:00+08:00', sign_off_note: note } };
      },
    });
    const wrapper = await mountDesk();
    expect(wrapper.find('[data-test="emergency-form"]').exists()).toBe(false);
    await wrapper.find('[data-test="sign-off-open"]').trigger('click');
    await wrapper.find('[data-test="sign-off"] form').trigger('submit');
    await flushPromises();
    expect(note).toBe('已核实');
    expect(wrapper.find('[data-test="desk-outcome"]').text()).toBe('已签认。');
  });

  it('offers a new draft as the revision of the returned plan of its quarter, by quarter and total', async () => {
    let sent: Record<string, unknown> = {};
    stubFetch({
      ...allocation('draft'),
      'GET /api/community-resources': {
        body: { ...boardAt('executing'), community_id: 1, plans: [{ ...executing.plan, plan_id: 4, state: 'draft', returned: true, total: 1100000 }] },
      },
      'POST /api/v1/plans/5/transitions': (init) => {
        sent = JSON.parse(String(init?.body));
        return { body: boardAt('public_notice').plan };
      },
    });
    const wrapper = await mountDesk();
    const candidate = wrapper.find('[data-test="revision-candidate"]');
    expect(candidate.text()).toBe('作为修订版公示：2026Q4 11,000.00 元（已退回修改）');
    await candidate.find('input').setValue(true);
    await wrapper.find('#publish-note').setValue('按街道意见修订');
    await wrapper.find('[data-test="publish"] form').trigger('submit');
    await flushPromises();
    expect(sent).toEqual({ action: 'publish', note: '按街道意见修订', revises_plan_id: 4 });
  });

  it('says what an ended quarter\'s reserve carried into a new plan', async () => {
    stubFetch({
      ...allocation('draft'),
      'GET /api/v1/allocation/plans/5': { body: { id: 5, community_id: 1, quarter: '2026Q4', total: 1200000, unit: 'fen', lines: [], carried_in: 40800 } },
    });
    const wrapper = await mountDesk();
    expect(wrapper.find('[data-test="carried-in"]').text()).toBe('408.00 元（应急储备金结余，并入动态池）');
  });
});
