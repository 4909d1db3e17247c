// Labels for registry codes (tags, housing, relations). Chinese labels come from the server's
// vocabulary, so a community's own tags show by name; English ones from en.json, falling back
// to the Chinese label, then to the code.
import { ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { registryApi, type Vocabulary } from '../api/registry';

let cached: Promise<Vocabulary> | null = null;

export function useVocabulary() {
  const { t, te, locale } = useI18n();
  const vocabulary = ref<Vocabulary | null>(null);
  if (!cached) {
    cached = registryApi.vocabulary();
    cached.catch(() => (cached = null));
  }
  cached.then((v) => (vocabulary.value = v)).catch(() => undefined);

  function label(list: string, kind: 'tag' | 'housing' | 'relation', code: string): string {
    const key = `vocab.${kind}.${code}`;
    const fromServer = vocabulary.value?.[list]?.find((entry) => entry.code === code)?.label_zh;
    if (locale.value.startsWith('zh') && fromServer) return fromServer;
    if (te(key)) return t(key);
    return fromServer ?? code;
  }
  return {
    vocabulary,
    tagLabel: (code: string) => label('tags', 'tag', code),
    housingLabel: (code: string) => label('housing_types', 'housing', code),
    relationLabel: (code: string) => label('relations', 'relation', code),
  };
}
