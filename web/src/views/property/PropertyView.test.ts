import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createMemoryHistory, createRouter } from 'vue-router';
import { i18nFor, stubFetch } from '../../test/helpers';
import { session } from '../../session';
import { quarterOf } from '../../lib/property';
import PropertyView from './PropertyView.vue';

const now = quarterOf(Date.now());

const settings = {
  community_id: 1,
  base_fee_fen: 16000,
  fee_basis: 'household_month',
  adjustment: { neutral_score: 80, up_bp_per_point: 25, down_bp_per_point: 50, cap_up_bp: 1000, cap_down_bp: 1000, rule: '' },
  notice_days: 7,
};
const quarter = (q: string, fee: unknown, my_score: number | null = null) => ({
  quarter: q, bills_issued: 100, billed_fen: 4800000, bills_paid: 90, paid_fen: 4320000,
  collection_rate_bp: 9000, collection_rate_fen_bp: 9000, evaluations: 40, mean_score_centi: 8500,
  next_adjustment_bp: 125, my_score, fee,
});
const fee = { quarter: now, base_fee_fen: 16000, evaluated_quarter: '2026Q3', evaluations: 1442, mean_score_centi: 7271, adjustment_bp: -365, monthly_fee_fen: 15416, bills: 100, billed_fen: 4624800 };

function routes(myScore: number | null = null) {
  return {
    'GET /api/v1/property/settings': { body: settings },
    'GET /api/v1/property/fund': {
      body: {
        community_id: 1, trust_fund_fen: 203291865, fee_income_fen: 914174886, expenses_fen: 747228240, pending_expenses_fen: 0,
        accounts: [], income_by_quarter: [{ quarter: '2026Q3', paid_fen: 198558912 }],
        expenses: [{ id: 98, amount_fen: 1205280, category: 'insurance', payee_category: 'insurer', receipt_ref: 'FP-0098', purpose: '公众责任险', spent_on: '2026-11-25', status: 'approved', approved_by_committee: true, decided_at: null, created_at: '' }],
      },
    },
    'GET /api/v1/property/quarters': { body: { items: [quarter('2026Q3', null), quarter(now, fee, myScore)] } },
    'GET /api/v1/property/bills': { body: { items: [{ id: 5, household_id: 5, quarter: now, amount_fen: 48354, paid: false, paid_on: null }] } },
    'GET /api/v1/property/revenue/rules': {
      body: {
        items: [
          { id: 2, source: 'parking', version: 1, notice: '', shares: [{ destination: 'trust_fund', share_bp: 7000 }, { destination: 'maintenance_fund', share_bp: 3000 }], published_at: '', effective_on: '2025-10-03', status: 'in_effect' },
          { id: 4, source: 'advertising', version: 3, notice: '广告收益调整', shares: [{ destination: 'activities', share_bp: 10000 }], published_at: '', effective_on: '2027-01-01', status: 'pending' },
        ],
      },
    },
    'GET /api/v1/property/revenue/incomes': {
      body: { items: [{ id: 29, source: 'parking', amount_fen: 3658596, received_on: '2026-11-10', receipt_ref: 'PK', payer_category: 'parking_users', rule_version: 1, shares: [{ destination: 'trust_fund', share_bp: 7000, amount_fen: 2561017 }, { destination: 'maintenance_fund', share_bp: 3000, amount_fen: 1097579 }] }] },
    },
  };
}

async function mountView() {
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:p(.*)*', component: { template: '<div />' } }] });
  const wrapper = mount(PropertyView, { global: { plugins: [i18nFor(), router] } });
  await flushPromises();
  return wrapper;
}

describe('PropertyView', () => {
  beforeEach(() => {
    session.user = { id: 9, username: 'resident', role: 'resident', community_ids: [1], household_id: 5, display_name: '张文博' };
    session.loaded = true;
  });
  afterEach(() => vi.unstubAllGlobals());

  it('shows the fund, how the score moved the fee within the cap, own bills and the revenue rules', async () => {
    stubFetch(routes());
    const wrapper = await mountView();
    expect(wrapper.find('[data-test="fund-balance"]').text()).toBe('¥2,032,918.65');
    const feeText = wrapper.find('[data-test="fee"]').text();
    expect(feeText).toContain('每户每月 154.16 元');
    expect(feeText).toContain('2026Q3 季度业主评分平均 72.71 分（1442 户打分），物业费调整 -3.65%');
    expect(wrapper.find('[data-test="fee-rule"]').text()).toContain('任何情况下都不超过 ±10%');
    expect(wrapper.findAll('[data-test="bill"]')[0].text()).toContain('483.54');
    expect(wrapper.find('[data-test="rule"]').text()).toContain('物业信托资金：70.0%');
    expect(wrapper.find('[data-test="rule-pending"]').text()).toContain('2027-01-01 起生效');
    expect(wrapper.find('[data-test="incomes"]').text()).toContain('维修基金 ¥10,975.79');
  });

  it('takes a score once and says a refusal next to the button', async () => {
    let answer: { status: number; body: unknown } = { status: 409, body: { error: { code: 'already_evaluated', message: 'x' } } };
    const { calls } = stubFetch({ ...routes(), 'POST /api/v1/property/evaluations': () => answer });
    const wrapper = await mountView();
    await wrapper.find('#property-score').setValue('101');
    await wrapper.find('[data-test="evaluate"] form').trigger('submit');
    expect(wrapper.find('[data-test="score-error"]').text()).toBe('请填写 0 到 100 之间的整数。');
    await wrapper.find('#property-score').setValue('85');
    await wrapper.find('[data-test="evaluate"] form').trigger('submit');
    await flushPromises();
    expect(wrapper.find('[data-test="score-error"]').text()).toBe('您家已经给这个季度打过分了。');
    answer = { status: 201, body: { id: 1, quarter: now, score: 85 } };
    await wrapper.find('[data-test="evaluate"] form').trigger('submit');
    await flushPromises();
    expect(wrapper.find('[data-test="score-thanks"]').text()).toContain('85');
    const posts = calls.filter((c) => c.method === 'POST');
    const post = posts[posts.length - 1];
    expect(JSON.parse(post.init!.body as string)).toEqual({ quarter: now, score: 85 });
  });

  it('shows the score already given instead of the form', async () => {
    stubFetch(routes(90));
    const wrapper = await mountView();
    expect(wrapper.find('[data-test="already-scored"]').text()).toContain('90');
    expect(wrapper.find('#property-score').exists()).toBe(false);
  });
});
