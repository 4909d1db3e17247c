// Which community the console is looking at. Most staff belong to one; street supervisors and
// administrators may see several and pick one, and the choice holds across console pages.
import { computed, ref } from 'vue';
import { registryApi, type Community } from '../api/registry';
import { session } from '../session';

const chosen = ref<number | null>(null);
const communities = ref<Community[]>([]);
let loading: Promise<void> | null = null;

function loadCommunities(): Promise<void> {
  if (!loading) {
    loading = registryApi
      .communities()
      .then((answer) => {
        communities.value = answer.items;
      })
      .catch(() => {
        loading = null;
      });
  }
  return loading;
}

/** Reads the list again, after a community was added (the administration pages). */
export function refreshCommunities(): Promise<void> {
  loading = null;
  return loadCommunities();
}

export function useCommunity() {
  const mine = session.user?.community_ids ?? [];
  if (mine.length !== 1) void loadCommunities();
  const communityId = computed<number | undefined>(() => {
    const own = session.user?.community_ids ?? [];
    if (chosen.value && (own.length === 0 || own.includes(chosen.value))) return chosen.value;
    return own[0] ?? communities.value[0]?.id;
  });
  return {
    communityId,
    /** The communities to choose from; empty when the user has only one. */
    choices: computed(() => (communities.value.length > 1 ? communities.value : [])),
    choose: (id: number) => (chosen.value = id),
    /** Resolves once the list is known, for pages that need an id before their first call. */
    ready: () => (communityId.value ? Promise.resolve() : loadCommunities()),
  };
}
