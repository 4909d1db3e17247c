// A voucher's code as people read it aloud and type it: eight characters from the server's
// readable alphabet (no 0/O, 1/I/L), shown as "K7QM-4XPD". A guide may type it in lower
// case, with or without the dash or spaces; the server accepts it the same way.

/** The server's alphabet (src/core/codes.hpp kReadableAlphabet). */
export const VOUCHER_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** What was typed, upper case, without dashes, spaces or other separators. */
export function normalizeVoucherCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s\-–—_.·]/g, '');
}

/** Whether the typed text is a whole code (eight characters of the alphabet). */
export function isCompleteVoucherCode(typed: string): boolean {
  const code = normalizeVoucherCode(typed);
  return code.length === 8 && [...code].every((c) => VOUCHER_ALPHABET.includes(c));
}

/** Characters of the typed text that cannot be in a code (O, 0, I, 1, L…), for a hint. */
export function foreignVoucherChars(typed: string): string[] {
  return [...new Set([...normalizeVoucherCode(typed)].filter((c) => !VOUCHER_ALPHABET.includes(c)))];
}

/** "K7QM-4XPD", whatever the typing; the text unchanged when it is not eight characters. */
export function formatVoucherCode(typed: string): string {
  const code = normalizeVoucherCode(typed);
  return code.length === 8 ? `${code.slice(0, 4)}-${code.slice(4)}` : code;
}

/** The code in two groups of four for reading aloud at the counter: ["K7QM", "4XPD"]. */
export function voucherCodeGroups(code: string): string[] {
  const normalized = normalizeVoucherCode(code);
  return normalized.length === 8 ? [normalized.slice(0, 4), normalized.slice(4)] : [normalized];
}
