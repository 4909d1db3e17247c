// The communities the logged-in user may look at, with their names and streets: staff see
// their own, street supervisors their street's, admins all. The insight pages use it to name a
// warning's community and to offer "all communities" or "the whole street".
import { computed, ref } from 'vue';
import { registryApi, type Community } from '../api/registry';
import { session } from '../session';

export function useVisibleCommunities() {
  const communities = ref<Community[]>([]);
  const loaded = ref(false);

  async function load(): Promise<Community[]> {
    const mine = session.user?.community_ids ?? [];
    const listed = await registryApi.communities();
    communities.value = listed.items.filter((c) => mine.length === 0 || mine.includes(c.id));
    loaded.value = true;
    return communities.value;
  }

  const nameOf = (id: number) => communities.value.find((c) => c.id === id)?.name ?? '';
  const streets = computed(() => [...new Set(communities.value.map((c) => c.street).filter((s): s is string => !!s))]);
  /** Street supervisors and admins may read a whole street's figures. */
  const mayReadStreet = computed(() => ['street', 'admin'].includes(session.user?.role ?? ''));

  return { communities, loaded, load, nameOf, streets, mayReadStreet };
}
