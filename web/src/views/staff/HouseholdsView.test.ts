import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createMemoryHistory, createRouter } from 'vue-router';
import HouseholdsView from './HouseholdsView.vue';
import { i18nFor, stubFetch } from '../../test/helpers';
import { session } from '../../session';

const household = {
  id: 5,
  community_id: 1,
  building_id: 1,
  building: '1号楼',
  code: '1-101',
  address: '1号楼101室',
  housing_type: 'owner',
  size: 2,
  income_band: 'middle',
  willingness: 'high',
  guide_user_id: null,
  tags: [],
  needs: [],
  skills: [],
};

async function openHousehold(role: string, residents: unknown[]) {
  session.user = { id: 2, username: role, role, community_ids: [1], household_id: null, display_name: '王' } as never;
  stubFetch({
    'GET /api/v1/households': { body: { items: [household], total: 1, page: 1, page_size: 20 } },
    'GET /api/v1/households/5': { body: { ...household, residents } },
    'GET /api/v1/registry/vocabulary': { body: { relations: [{ code: 'self', label_zh: '户主' }] } },
  });
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/:p(.*)*', component: HouseholdsView }] });
  await router.push('/staff/households');
  const wrapper = mount({ template: '<RouterView />' }, { global: { plugins: [i18nFor('zh-CN'), router] } });
  await flushPromises();
  const details = wrapper.find('details.household');
  (details.element as HTMLDetailsElement).open = true;
  await details.trigger('toggle');
  await flushPromises();
  return wrapper;
}

describe('HouseholdsView', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows a guide the birth year the server sends in place of the birth date', async () => {
    const wrapper = await openHousehold('guide', [
      { id: 9, household_id: 5, name: '陈桂英', sex: 'female', birth_year: 1956, id_number: '3301************43', mobile: '138****5678', relation: 'self', registration: 'registered' },
      { id: 10, household_id: 5, name: '陈小明', sex: 'male', birth_year: null, id_number: null, mobile: null, relation: 'child', registration: 'registered' },
    ]);
    const born = wrapper.findAll('[data-test="born"]').map((cell) => cell.text());
    expect(born).toEqual(['1956年', '—']);
    expect(wrapper.text()).toContain('3301************43');
    expect(wrapper.text()).toContain('出生');
    expect(wrapper.text()).not.toContain('staff.');
  });

  it('shows staff the birth date and an ID number waiting to be checked', async () => {
    const wrapper = await openHousehold('staff', [
      {
        id: 11,
        household_id: 5,
        name: '冒名者',
        sex: 'female',
        birth_date: '1956-12-18',
        birth_year: 1956,
        id_number: null,
        mobile: null,
        relation: 'other',
        registration: 'registered',
        id_number_dispute: { id_number: '330106195612186743', holder_resident_id: 9, holder_household_id: 4 },
      },
    ]);
    expect(wrapper.find('[data-test="born"]').text()).toBe('1956-12-18');
    const disputed = wrapper.find('[data-test="id-disputed"]');
    expect(disputed.text()).toContain('330106195612186743');
    expect(disputed.text()).toContain('待核实');
    expect(wrapper.text()).not.toContain('staff.');
  });
});
