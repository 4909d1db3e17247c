// Whether the window is wide enough for the desktop menu (a row of group buttons with
// dropdowns); below it, phones get a menu button or the resident's bottom tab bar. Media
// queries measure rem in the browser's default 16 px, so large type does not move the line.
import { onBeforeUnmount, ref, type Ref } from 'vue';

export const WIDE_QUERY = '(min-width: 60rem)';

export function useWideScreen(): Ref<boolean> {
  const wide = ref(false);
  if (typeof window === 'undefined' || typeof window.matchMedia !== 'function') return wide;
  const query = window.matchMedia(WIDE_QUERY);
  wide.value = query.matches;
  const onChange = (event: MediaQueryListEvent) => (wide.value = event.matches);
  query.addEventListener('change', onChange);
  onBeforeUnmount(() => query.removeEventListener('change', onChange));
  return wide;
}
