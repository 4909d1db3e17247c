import { describe, expect, it } from 'vitest';
import { addYears, blankQuestion, draftProblems, isCurrentLeader, matchesAll, questionsBody, splitTerms } from './civic';

describe('survey drafts', () => {
  it('are ready with a title and well-formed questions, and become the API body', () => {
    const choice = { ...blankQuestion('single_choice'), prompt: ' 多久去一次食堂 ', optionsText: '每天\n\n 每周 \n很少' };
    const scale = { ...blankQuestion('scale'), prompt: '满意度' };
    const text = { ...blankQuestion('text'), prompt: '其他建议' };
    expect(draftProblems('食堂调查', [choice, scale, text])).toEqual([]);
    expect(questionsBody([choice, scale, text])).toEqual([
      { kind: 'single_choice', prompt: '多久去一次食堂', options: ['每天', '每周', '很少'], required: true },
      { kind: 'scale', prompt: '满意度', required: true },
      { kind: 'text', prompt: '其他建议', required: false },
    ]);
  });
  it('name each problem with its question number', () => {
    const one = { ...blankQuestion('multiple_choice'), prompt: '选项', optionsText: '甲' };
    const two = { ...blankQuestion('single_choice'), prompt: '', optionsText: '甲\n甲' };
    expect(draftProblems(' ', [one, two])).toEqual([
      { key: 'title' },
      { key: 'options', n: 1 },
      { key: 'prompt', n: 2 },
      { key: 'duplicateOption', n: 2 },
    ]);
    expect(draftProblems('x', [])).toEqual([{ key: 'noQuestions' }]);
  });
});

describe('helpers', () => {
  it('compute a three-year term ending the day before', () => {
    expect(addYears('2026-03-15', 3, 1)).toBe('2029-03-14');
    expect(addYears('2024-02-29', 1)).toBe('2025-03-01');
  });
  it('split typed terms and match every word', () => {
    expect(splitTerms('快递柜, 丰巢、智能柜  快递柜')).toEqual(['快递柜', '丰巢', '智能柜']);
    expect(matchesAll('垃圾 几点', '生活垃圾清运时间', '倒垃圾 几点')).toBe(true);
    expect(matchesAll('垃圾 护照', '生活垃圾清运时间')).toBe(false);
    expect(matchesAll('', 'anything')).toBe(true);
  });
  it('tell a current leader from one who stepped down', () => {
    expect(isCurrentLeader({ until: null }, '2026-12-07')).toBe(true);
    expect(isCurrentLeader({ until: '2026-12-08' }, '2026-12-07')).toBe(true);
    expect(isCurrentLeader({ until: '2026-12-07' }, '2026-12-07')).toBe(false);
  });
});
