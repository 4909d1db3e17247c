// Every translation of both languages at once, for the unit tests (test/helpers.ts). The page
// itself loads them by area (index.ts): public-zh-CN.ts with the page, the rest on demand.
import { bySection, type Messages } from './sections';

export type { Messages };

export const zhCN = bySection(import.meta.glob<Messages>('./zh-CN/*.json', { eager: true, import: 'default' }));
export const en = bySection(import.meta.glob<Messages>('./en/*.json', { eager: true, import: 'default' }));
