// The request categories and departments, loaded once per community and named in the page's
// language.
import { computed, ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { requestsApi, type Category, type Department } from '../api/requests';

interface Catalogue {
  categories: Category[];
  departments: Department[];
}

const cache = new Map<string, Promise<Catalogue>>();

export function loadCategories(communityId?: number): Promise<Catalogue> {
  const key = String(communityId ?? '');
  let entry = cache.get(key);
  if (!entry) {
    entry = requestsApi.categories(communityId);
    entry.catch(() => cache.delete(key));
    cache.set(key, entry);
  }
  return entry;
}

export function useCategories(communityId?: number) {
  const { locale } = useI18n();
  const categories = ref<Category[]>([]);
  const departments = ref<Department[]>([]);
  const loaded = ref(false);
  const error = ref<unknown>(null);

  async function load() {
    error.value = null;
    try {
      const answer = await loadCategories(communityId);
      categories.value = answer.categories;
      departments.value = answer.departments;
      loaded.value = true;
    } catch (caught) {
      error.value = caught;
    }
  }

  const english = computed(() => !locale.value.startsWith('zh'));
  function nameOf(entry: { name_zh: string; name_en: string } | undefined, fallback: string) {
    if (!entry) return fallback;
    return english.value ? entry.name_en || entry.name_zh : entry.name_zh;
  }
  const categoryName = (code: string) =>
    nameOf(categories.value.find((c) => c.code === code), code);
  const departmentName = (code: string) =>
    nameOf(departments.value.find((d) => d.code === code), code);

  void load();
  return { categories, departments, loaded, error, load, categoryName, departmentName, nameOf };
}
