import { describe, expect, it } from 'vitest';
import { bracketed } from './format';

describe('a note in brackets', () => {
  it('uses full-width brackets in Chinese and a space with ASCII brackets in English', () => {
    expect(bracketed('社区食堂意见征集', '进行中', 'zh-CN')).toBe('社区食堂意见征集（进行中）');
    expect(bracketed('社区食堂意见征集', 'open', 'en')).toBe('社区食堂意见征集 (open)');
    expect(bracketed('', 'until 12/03', 'en')).toBe('(until 12/03)');
  });
});
