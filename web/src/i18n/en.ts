// English, every section, loaded as one chunk when English is chosen (index.ts): Chinese is the
// default, and most phones never need these.
import { bySection } from './sections';

export const en = bySection(import.meta.glob('./en/*.json', { eager: true, import: 'default' }));
