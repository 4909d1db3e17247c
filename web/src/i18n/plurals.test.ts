import { describe, expect, it } from 'vitest';
import { makeI18n } from './index';
import { en, zhCN } from './messages';

type Translate = (key: string, named: Record<string, unknown>, plural?: number) => string;
/** The composer's t with a plain signature: the typed one is too deep for the checker. */
function translator(locale: 'en' | 'zh-CN'): Translate {
  const global: { t: unknown } = makeI18n(locale, { 'zh-CN': zhCN, en }).global;
  return global.t as Translate;
}

// English counts agree with their nouns ("1 objection", "3 objections"); Chinese has one form.
describe('plural forms in English', () => {
  const t = translator('en');
  const cases: [string, Record<string, number>, number, string, string][] = [
    ['board.objectionTotal', { n: 1 }, 3, '1 objection', '3 objections'],
    ['part.proposals.stalledSummary', { n: 1 }, 2, '1 topic has been discussed three times without a decision; the community is following up.', '2 topics have been discussed three times without a decision; the community is following up.'],
    ['board.daysLeft', { days: 1 }, 4, '1 day of public notice left', '4 days of public notice left'],
    ['part.survey.missing', { n: 1 }, 2, '1 question still needs an answer.', '2 questions still need an answer.'],
    ['photos.uploaded', { count: 1 }, 2, '1 photo uploaded.', '2 photos uploaded.'],
    ['board.households', { n: 1 }, 5, '1 household', '5 households'],
    ['part.surveys.responses', { n: 1 }, 9, '1 response', '9 responses'],
    ['part.results.respondents', { n: 1 }, 9, '1 respondent', '9 respondents'],
    ['planStaff.answeredTogether', { n: 1 }, 2, '1 objection answered.', '2 objections answered.'],
    ['points.price', { points: 1 }, 10, '1 point', '10 points'],
    ['channels.attempts', { count: 1 }, 2, '(1 attempt)', '(2 attempts)'],
    ['board.objectionsCount', { objecting: 1, households: 4500 }, 2, '1 household objected (of 4500)', '2 households objected (of 4500)'],
  ];
  it.each(cases)('%s agrees with its count', (key, named, many, one, other) => {
    // Fresh objects: vue-i18n writes the count into the named values it is given.
    const [name] = Object.keys(named);
    expect(t(key, { ...named }, named[name])).toBe(one);
    expect(t(key, { ...named, [name]: many }, many)).toBe(other);
  });
  it('leaves Chinese in one form', () => {
    const zh = translator('zh-CN');
    expect(zh('board.objectionTotal', { n: 1 }, 1)).toBe(zh('board.objectionTotal', { n: 1 }));
  });
});

