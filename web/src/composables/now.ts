// The server's clock, shared by every countdown on the page and ticking every 30 seconds.
// Each API response's Date header tells how far the device's clock is from the server's (a
// phone may be minutes off, a test server may run at another instant); "now" on every page
// is the device's clock corrected by that, so what a page counts down to and what the server
// then accepts agree. Whether something is open, overdue or over is the server's word (the
// fields it sends); this clock only makes the minutes in between move.
import { onScopeDispose, ref } from 'vue';

let offsetMs = 0;
const now = ref(Date.now());
let users = 0;
let timer: ReturnType<typeof setInterval> | undefined;

/** The server's now, in epoch milliseconds. */
export function serverNow(): number {
  return Date.now() + offsetMs;
}

/**
 * Learns the server's time from a response's Date header (whole seconds: the server's clock
 * is somewhere in the second it names). Headers that do not parse are ignored.
 */
export function noteServerDate(header: string | null | undefined): void {
  if (!header) return;
  const serverMs = Date.parse(header);
  if (Number.isNaN(serverMs)) return;
  offsetMs = serverMs - Date.now();
  now.value = serverNow();
}

export function useNow() {
  users += 1;
  if (users === 1) {
    now.value = serverNow();
    timer = setInterval(() => (now.value = serverNow()), 30_000);
  }
  onScopeDispose(() => {
    users -= 1;
    if (users === 0 && timer) clearInterval(timer);
  });
  return now;
}
