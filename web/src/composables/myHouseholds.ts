// The guide's own households (GET /households?guide=me), all of them, loaded once per page:
// which buildings they are in, which are mine (to intersect the needs ranking with), and the
// skills their residents offer. About 900 households: two pages of 500.
import { ref } from 'vue';
import { registryApi, type Household } from '../api/registry';

export function useMyHouseholds() {
  const all = ref<Household[] | null>(null);
  const error = ref<unknown>(null);

  async function load(communityId: number): Promise<Household[]> {
    error.value = null;
    const items: Household[] = [];
    try {
      for (let page = 1; ; page += 1) {
        const answer = await registryApi.households({ guide: 'me', community_id: communityId, page, page_size: 500 });
        items.push(...answer.items);
        if (answer.items.length === 0 || page * 500 >= answer.total) break;
      }
    } catch (caught) {
      error.value = caught;
      throw caught;
    }
    all.value = items;
    return items;
  }
  return { all, error, load };
}

