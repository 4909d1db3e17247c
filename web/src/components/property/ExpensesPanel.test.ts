import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { i18nFor, stubFetch } from '../../test/helpers';
import ExpensesPanel from './ExpensesPanel.vue';
import type { FundExpense } from '../../api/property';

const pending: FundExpense = {
  id: 120, amount_fen: 123450, category: 'repairs', payee_category: 'supplier', receipt_ref: 'FP-1', purpose: '单元门禁维修',
  spent_on: '2026-12-01', status: 'pending', approved_by_committee: false, decided_at: null, created_at: '',
  community_id: 1, approvals: 0, rejections: 0, approvals_needed: 3, committee_size: 5, decision_note: null,
  my_vote: null, posting_id: null,
};

function mountPanel(props: { manager: boolean; committee: boolean }, expenses: FundExpense[] = [pending]) {
  return mount(ExpensesPanel, {
    props: { communityId: 1, expenses, ...props },
    global: { plugins: [i18nFor()] },
  });
}

describe('ExpensesPanel', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('sends typed 元 as exact fen and refuses three decimals', async () => {
    const { calls } = stubFetch({ 'POST /api/v1/property/expenses': { status: 201, body: { ...pending, id: 121, amount_fen: 10 } } });
    const wrapper = mountPanel({ manager: true, committee: false });
    await wrapper.find('#ps-exp-amount').setValue('1.234');
    await wrapper.find('#ps-exp-receipt').setValue('FP-2');
    await wrapper.find('#ps-exp-purpose').setValue('灯泡');
    await wrapper.find('[data-test="expense-form"]').trigger('submit');
    await flushPromises();
    expect(calls).toHaveLength(0);
    expect(wrapper.text()).toContain('最多两位小数');
    await wrapper.find('#ps-exp-amount').setValue('0.1');
    await wrapper.find('[data-test="expense-form"]').trigger('submit');
    await flushPromises();
    expect(JSON.parse(String(calls[0].init?.body)).amount_fen).toBe(10);
    expect(wrapper.emitted('changed')).toHaveLength(1);
    // Staff do not decide.
    expect(wrapper.find('[data-test="approve"]').exists()).toBe(false);
  });

  it('lets a committee member approve, and asks a reason to reject', async () => {
    const { calls } = stubFetch({
      'POST /api/v1/property/expenses/120/decision': { body: { ...pending, status: 'approved', approved_by_committee: true } },
    });
    const wrapper = mountPanel({ manager: false, committee: true });
    expect(wrapper.find('[data-test="expense-form"]').exists()).toBe(false);
    await wrapper.find('[data-test="reject"]').trigger('click');
    await flushPromises();
    expect(calls).toHaveLength(0);
    expect(wrapper.text()).toContain('驳回请写明理由');
    await wrapper.find('#ps-note-120').setValue('核对无误');
    await wrapper.find('[data-test="approve"]').trigger('click');
    await flushPromises();
    expect(calls[0].url).toContain('/property/expenses/120/decision');
    expect(JSON.parse(String(calls[0].init?.body))).toEqual({ decision: 'approve', note: '核对无误' });
    expect(wrapper.emitted('changed')).toHaveLength(1);
  });

  it('shows the committee\'s votes and, once a member voted, waits for the others', async () => {
    const voted: FundExpense = { ...pending, approvals: 1, rejections: 0, committee_size: 3, approvals_needed: 2, my_vote: 'approve' };
    const wrapper = mountPanel({ manager: false, committee: true }, [voted]);
    expect(wrapper.find('[data-test="expense-votes"]').text()).toBe(
      '业委会 3 名委员：同意 1 票、反对 0 票，须 2 票同意才批准。',
    );
    expect(wrapper.find('[data-test="my-vote"]').text()).toContain('您已投同意票');
    expect(wrapper.find('[data-test="approve"]').exists()).toBe(false);
    // A member who has not voted still gets the buttons.
    const other = mountPanel({ manager: false, committee: true }, [{ ...voted, my_vote: null }]);
    expect(other.find('[data-test="approve"]').exists()).toBe(true);
  });

  it('tells a resident off the committee that only members decide', async () => {
    stubFetch({
      'POST /api/v1/property/expenses/120/decision': {
        status: 403,
        body: { error: { code: 'forbidden', message: "only a member of the owners' committee approves an expense" } },
      },
    });
    const wrapper = mountPanel({ manager: false, committee: true });
    await wrapper.find('[data-test="approve"]').trigger('click');
    await flushPromises();
    expect(wrapper.text()).toContain('只有业主委员会委员可以审批支出');
  });
});
