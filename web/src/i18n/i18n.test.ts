import { describe, expect, it } from 'vitest';
import { en, zhCN } from './messages';

function keys(messages: object, prefix = ''): string[] {
  return Object.entries(messages).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null ? keys(value, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

/** The placeholders a message uses, each once (a plural message repeats them per form). */
function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();
}

describe('translations', () => {
  it('are found in their section files', () => {
    expect(Object.keys(zhCN)).toContain('app');
    expect((zhCN.app as Record<string, string>).name).toBe('共治');
  });
  it('have the same keys in Chinese and English', () => {
    expect(keys(en).sort()).toEqual(keys(zhCN).sort());
  });
  it('use the same placeholders in both languages', () => {
    const lookup = (messages: object, key: string) =>
      key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], messages) as string;
    for (const key of keys(zhCN)) {
      expect(placeholders(lookup(en, key)), key).toEqual(placeholders(lookup(zhCN, key)));
    }
  });
  it('contain no characters vue-i18n would read as syntax by accident', () => {
    for (const messages of [zhCN, en]) {
      for (const key of keys(messages)) {
        const text = key.split('.').reduce<unknown>((n, p) => (n as Record<string, unknown>)[p], messages) as string;
        expect(text, key).not.toMatch(/[@$]/);
      }
    }
  });
  it('use | only between the singular and plural forms of an English message', () => {
    for (const key of keys(zhCN)) {
      const text = key.split('.').reduce<unknown>((n, p) => (n as Record<string, unknown>)[p], zhCN) as string;
      expect(text, key).not.toContain('|');
    }
    for (const key of keys(en)) {
      const text = key.split('.').reduce<unknown>((n, p) => (n as Record<string, unknown>)[p], en) as string;
      if (!text.includes('|')) continue;
      const forms = text.split(' | ');
      expect(forms, key).toHaveLength(2);
      expect(placeholders(forms[0]), key).toEqual(placeholders(forms[1]));
    }
  });
});
