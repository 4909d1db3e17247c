// A clock shared by every countdown on the page, ticking every 30 seconds.
import { onScopeDispose, ref } from 'vue';

const now = ref(Date.now());
let users = 0;
let timer: ReturnType<typeof setInterval> | undefined;

export function useNow() {
  users += 1;
  if (users === 1) {
    now.value = Date.now();
    timer = setInterval(() => (now.value = Date.now()), 30_000);
  }
  onScopeDispose(() => {
    users -= 1;
    if (users === 0 && timer) clearInterval(timer);
  });
  return now;
}
