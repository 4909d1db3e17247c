// The elderly-friendly mode as shared state: one switch in the header, read by pages that
// offer fewer choices per step when it is on.
import { readonly, ref } from 'vue';
import { applyElderlyMode, saveElderlyMode, savedElderlyMode } from '../lib/prefs';

const elderly = ref(savedElderlyMode());

export function setElderlyMode(on: boolean): void {
  elderly.value = on;
  saveElderlyMode(on);
  applyElderlyMode(on);
}

export function useElderlyMode() {
  return {
    elderly: readonly(elderly),
    setElderlyMode,
    toggle: () => setElderlyMode(!elderly.value),
  };
}
