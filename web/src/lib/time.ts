// The community's time as the server counts it: Asia/Shanghai (UTC+8, no summer time since
// 1991), quarters named "2026Q4". Pure functions over epoch milliseconds; which instant is
// "now" comes from the server's clock (composables/now.ts), never the device's alone.

export const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** The quarter an instant falls in, in Shanghai: "2026Q4". */
export function quarterOf(epochMs: number): string {
  const local = new Date(epochMs + SHANGHAI_OFFSET_MS);
  return `${local.getUTCFullYear()}Q${Math.floor(local.getUTCMonth() / 3) + 1}`;
}

/** `count` quarters after (before, when negative) "2026Q4"; the text itself when not a quarter. */
export function shiftQuarter(quarter: string, count: number): string {
  const match = /^(\d{4})Q([1-4])$/.exec(quarter);
  if (!match) return quarter;
  const index = Number(match[1]) * 4 + Number(match[2]) - 1 + count;
  return `${Math.floor(index / 4)}Q${(((index % 4) + 4) % 4) + 1}`;
}

/** The calendar day of an instant in Shanghai: "2026-12-31". */
export function shanghaiDate(epochMs: number): string {
  return new Date(epochMs + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** An instant as a datetime-local input reads it in Shanghai: "2026-12-31T23:59". */
export function shanghaiLocalInput(epochMs: number): string {
  return new Date(epochMs + SHANGHAI_OFFSET_MS).toISOString().slice(0, 16);
}
