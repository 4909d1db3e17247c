import { describe, expect, it } from 'vitest';
import { messageFor, templateCsv, TEMPLATE_COLUMNS } from './importReport';

describe('the import report', () => {
  it('shows the part of a bilingual message in the reader’s language', () => {
    const message = '“收入档次”不认识“很穷”，请从可填的值中选 / unknown value \'很穷\'';
    expect(messageFor(message, 'zh-CN')).toBe('“收入档次”不认识“很穷”，请从可填的值中选');
    expect(messageFor(message, 'en')).toBe("unknown value '很穷'");
  });
  it('leaves an English-only message to the page’s own words in Chinese', () => {
    expect(messageFor('birth_date must be a past date YYYY-MM-DD', 'zh-CN')).toBeNull();
    expect(messageFor('birth_date must be a past date YYYY-MM-DD', 'en')).toBe('birth_date must be a past date YYYY-MM-DD');
    expect(messageFor('户号为空', 'zh-CN')).toBe('户号为空');
  });
  it('offers a template with the sheet’s Chinese columns, readable by Excel', () => {
    const csv = templateCsv();
    expect(csv.startsWith('\uFEFF户号,楼栋,地址')).toBe(true);
    const [header, example] = csv.slice(1).trim().split('\r\n');
    expect(header.split(',')).toEqual([...TEMPLATE_COLUMNS]);
    expect(example.split(',')).toHaveLength(TEMPLATE_COLUMNS.length);
  });
});
