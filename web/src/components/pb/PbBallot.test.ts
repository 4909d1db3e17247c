import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { i18nFor } from '../../test/helpers';
import { session } from '../../session';
import type { Election } from '../../api/pb';
import PbBallot from './PbBallot.vue';

const ELECTION: Election = {
  id: 4,
  community_id: 1,
  name: '2027 微更新',
  budget: 100000,
  amount_decimals: 0,
  vote_type: 'approval',
  rule: 'equal-shares-add1',
  voting_opens_at: '2026-12-01T09:00:00+08:00',
  voting_closes_at: '2026-12-21T18:00:00+08:00',
  voting: 'open',
  projects: 3,
  ballots: 0,
  created_by_user_id: 3,
  created_at: '2026-12-01T08:00:00+08:00',
  limits: { min_length: null, max_length: 2, max_sum_cost: 80000 },
  my_ballot_at: null,
};
const PROJECTS = [
  { id: 11, project_key: '1', name: '楼道扶手', cost: 30000, votes: 0, selected: 0 },
  { id: 12, project_key: '2', name: '单元门禁', cost: 40000, votes: 0, selected: 0 },
  { id: 13, project_key: '3', name: '儿童沙坑', cost: 50000, votes: 0, selected: 0 },
];
const EXPORT = `META\nkey;value\nbudget;100000\nmax_length;2\nmax_sum_cost;80000\nPROJECTS\nproject_id;cost;name;votes\nVOTES\nvoter_id;vote\n`;

/** The server: results, the .pb export, and the ballot desk answering `ballot`. */
function stubServer(ballot: { status: number; body: unknown }) {
  const posted: unknown[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      const path = url.split('?')[0];
      if (path.endsWith('/results')) {
        return new Response(JSON.stringify({ election_id: 4, rule: 'greedy', projects: PROJECTS, selected: [] }), { status: 200 });
      }
      if (path.endsWith('/export')) return new Response(EXPORT, { status: 200 });
      if (path.endsWith('/ballots') && init?.method === 'POST') {
        posted.push(JSON.parse(String(init.body)));
        return new Response(JSON.stringify(ballot.body), { status: ballot.status });
      }
      return new Response('{}', { status: 404 });
    }),
  );
  return posted;
}

async function mountBallot() {
  const wrapper = mount(PbBallot, { props: { election: ELECTION }, global: { plugins: [i18nFor()], stubs: { RouterLink: true } } });
  await flushPromises();
  return wrapper;
}

describe('PbBallot', () => {
  beforeEach(() => {
    localStorage.clear();
    session.user = { id: 9, username: 'resident', role: 'resident', community_ids: [1], household_id: 5, display_name: '张文博' };
  });
  afterEach(() => vi.unstubAllGlobals());

  it('keeps the choice within the election’s limits, then sends it after a confirmation', async () => {
    const posted = stubServer({
      status: 201,
      body: { id: 1, election_id: 4, household_id: 5, projects: [11], created_at: '2026-12-07T10:00:00+08:00' },
    });
    const wrapper = await mountBallot();
    expect(wrapper.find('.pb-rules').text()).toBe('预算 100,000 元。最多选 2 个。所选项目合计不超过 80,000 元。');
    const box = (key: string) => wrapper.find(`[data-project="${key}"] input`);
    await box('2').setValue(true);
    await box('3').setValue(true);
    expect(wrapper.text()).toContain('所选项目合计超过 80,000 元，请去掉一些。');
    await wrapper.find('[data-test="pb-vote-submit"]').trigger('click');
    expect(wrapper.find('[data-test="pb-vote-confirm"]').exists()).toBe(false);
    await box('3').setValue(false);
    expect(wrapper.find('[data-test="pb-total"]').text()).toBe('已选 1 个，合计 40,000 元');
    await wrapper.find('[data-test="pb-vote-submit"]').trigger('click');
    expect(posted).toEqual([]);
    await wrapper.find('[data-test="pb-vote-yes"]').trigger('click');
    await flushPromises();
    expect(posted).toEqual([{ projects: [12] }]);
    expect(wrapper.find('[data-test="pb-voted"]').text()).toContain('您家已投票');
    // Coming back on this device, the household is shown as having voted.
    expect((await mountBallot()).find('[data-test="pb-voted"]').exists()).toBe(true);
  });

  it('says in Chinese that the household already voted when the server refuses a second ballot', async () => {
    stubServer({ status: 409, body: { error: { code: 'already_voted', message: 'your household has already voted' } } });
    const wrapper = await mountBallot();
    await wrapper.find('[data-project="1"] input').setValue(true);
    await wrapper.find('[data-test="pb-vote-submit"]').trigger('click');
    await wrapper.find('[data-test="pb-vote-yes"]').trigger('click');
    await flushPromises();
    expect(wrapper.find('[data-test="pb-voted"]').text()).toContain('您家已经投过票了，每户只能投一次。');
    expect(wrapper.text()).not.toContain('already');
  });
});
