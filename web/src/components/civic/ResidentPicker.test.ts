import { afterEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import ResidentPicker from './ResidentPicker.vue';
import { i18nFor, stubFetch } from '../../test/helpers';

function household(id: number, housing: string, tags: string[], address: string) {
  return { id, community_id: 1, building_id: 3, building: '3号楼', code: `03-${id}`, address, housing_type: housing, size: 2, tags, needs: [], skills: [] };
}
function resident(id: number, name: string, householdId: number, year: number) {
  return { id, household_id: householdId, name, sex: 'F', birth_year: year, id_number: null, mobile: null, relation: 'self', registration: 'local' };
}

const rented = household(11, 'tenant', [], '3号楼1单元101室');
const owned = household(12, 'owner', [], '3号楼2单元202室');
const tagged = household(13, 'owner', ['tenant'], '3号楼3单元303室');

function stubRegistry() {
  return stubFetch({
    'GET /api/v1/households': { body: { items: [rented, owned, tagged], total: 3, page: 1, page_size: 12 } },
    'GET /api/v1/households/11': { body: { ...rented, residents: [resident(101, '王慧', 11, 1958), resident(102, '李强', 11, 1960)] } },
    'GET /api/v1/households/12': { body: { ...owned, residents: [resident(201, '王慧敏', 12, 1990)] } },
    'GET /api/v1/households/13': { body: { ...tagged, residents: [resident(301, '王慧', 13, 1975)] } },
  });
}

async function search(props: Record<string, unknown>, text: string) {
  const wrapper = mount(ResidentPicker, { props: { communityId: 1, label: '哪位居民', ...props }, global: { plugins: [i18nFor('zh-CN')] } });
  await wrapper.find('[data-test="picker-query"]').setValue(text);
  await wrapper.find('button').trigger('click');
  await flushPromises();
  return wrapper;
}

describe('ResidentPicker', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('lists only the members whose name matches, each with their door and birth year', async () => {
    const { calls } = stubRegistry();
    const wrapper = await search({}, '王慧');
    const query = new URL(calls[0].url, 'http://x').searchParams;
    expect(Object.fromEntries(query)).toMatchObject({ community_id: '1', q: '王慧' });
    const choices = wrapper.findAll('[data-test="picker-choice"]').map((c) => c.text());
    expect(choices).toEqual(['王慧3号楼1单元101室 · 1958 年生', '王慧敏3号楼2单元202室 · 1990 年生', '王慧3号楼3单元303室 · 1975 年生']);
    await wrapper.findAll('[data-test="picker-choice"]')[2].trigger('click');
    expect(wrapper.emitted('pick')![0][0]).toMatchObject({ id: 301, name: '王慧', household_id: 13 });
    expect(wrapper.findAll('[data-test="picker-choice"]')).toHaveLength(0);
  });

  it('keeps to tenant households and one building, and leaves out those already picked', async () => {
    const { calls } = stubRegistry();
    const wrapper = await search({ tenantOnly: true, buildingId: 3, exclude: [101] }, '王慧');
    expect(new URL(calls[0].url, 'http://x').searchParams.get('building_id')).toBe('3');
    expect(calls.some((c) => c.url.startsWith('/api/v1/households/12'))).toBe(false);
    expect(wrapper.findAll('[data-test="picker-choice"]').map((c) => c.text())).toEqual(['王慧3号楼3单元303室 · 1975 年生']);
  });

  it('says when nobody matches', async () => {
    stubFetch({ 'GET /api/v1/households': { body: { items: [], total: 0, page: 1, page_size: 12 } } });
    const wrapper = await search({ tenantOnly: true }, '没有这个人');
    expect(wrapper.find('[data-test="picker-none"]').text()).toContain('租户家庭里没有找到');
  });
});
