// Words for the guide's casework: a timeline line, a visit's kind, service categories and
// skills, in the page's language.
import { ref } from 'vue';
import { useI18n } from 'vue-i18n';
import type { TimelineItem } from '../api/casework';
import { timelineWords } from '../lib/workbench';
import { useVocabulary } from './vocabulary';
import { useCategories } from './categories';

export function useCaseworkWords() {
  const { t, te, locale } = useI18n();
  const { vocabulary } = useVocabulary();
  const { categoryName } = useCategories();
  const named = (key: string, fallback: string) => (te(key) ? t(key) : fallback);
  /** Rules by code, filled by the page that knows the community's points rules. */
  const rules = ref<Record<string, string>>({});

  function line(item: TimelineItem): { verb: string; detail: string } {
    const words = timelineWords(item, {
      category: (code) => categoryName(code),
      // The community's rule names are Chinese (the server's name_zh): English takes ours.
      rule: (code) =>
        (!locale.value.startsWith('zh') && te(`part.kind.${code}`) ? t(`part.kind.${code}`) : rules.value[code]) ??
        named(`part.kind.${code}`, code),
      dimension: (code) => named(`planning.dimension.${code}`, code),
    });
    const verbKey = `workbench.timeline.${words.verb}`;
    let verb = named(verbKey, t('workbench.timeline.other'));
    if (item.kind.startsWith('activity.')) {
      const kind = item.kind.slice('activity.'.length);
      verb = te(`part.kind.${kind}`) ? t('workbench.timeline.activityOf', { kind: t(`part.kind.${kind}`) }) : verb;
    }
    const detail = words.parts.map((part) => ('text' in part ? part.text : t(part.key, part.values ?? {}))).join(' · ');
    return { verb, detail };
  }
  return {
    line,
    rules,
    kindLabel: (kind: string) => named(`workbench.visit.kinds.${kind}`, kind),
    vocabulary,
    /** A service category (the registry's needs vocabulary): the server's Chinese, else ours. */
    needLabel: (code: string) => {
      const zh = vocabulary.value?.service_categories?.find((entry) => entry.code === code)?.label_zh;
      if (locale.value.startsWith('zh') && zh) return zh;
      return named(`serviceCategory.${code}`, zh ?? code);
    },
  };
}
