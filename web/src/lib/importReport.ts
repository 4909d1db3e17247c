// The household import's report as a sheet's reader needs it: the server writes each row's
// problem Chinese first and English second ("“收入档次”不认识“很穷”… / unknown value '很穷'");
// the page shows the part of the reader's language. The template's header row is the sheet's
// Chinese column names, in the order the server reads them.

export const TEMPLATE_COLUMNS = [
  '户号',
  '楼栋',
  '地址',
  '住房类型',
  '收入档次',
  '参与意愿',
  '标签',
  '服务需求',
  '技能特长',
  '姓名',
  '性别',
  '出生日期',
  '身份证号',
  '手机号',
  '与户主关系',
  '户籍类型',
] as const;

/** The CSV template: a BOM (so Excel reads it as UTF-8), the header and one example row. */
export function templateCsv(): string {
  const example = [
    '1-1-101',
    '1号楼',
    '1号楼1单元101室',
    '自有',
    '中等收入',
    '一般',
    '独居老人',
    '养老服务',
    '理发',
    '王秀英',
    '女',
    '1948-05-12',
    '',
    '',
    '户主',
    '户籍',
  ];
  return `\uFEFF${TEMPLATE_COLUMNS.join(',')}\r\n${example.join(',')}\r\n`;
}

/**
 * The part of a bilingual message ("中文 / English") for the locale; a message with one part is
 * returned as it is, or null when it is English only and the reader reads Chinese (the caller
 * then uses its own words for the code).
 */
export function messageFor(message: string, locale: string): string | null {
  const at = message.indexOf(' / ');
  const chinese = /[\u4e00-\u9fff]/;
  if (at < 0) return locale.startsWith('zh') && !chinese.test(message) ? null : message;
  const first = message.slice(0, at);
  const second = message.slice(at + 3);
  return locale.startsWith('zh') ? first : second;
}
