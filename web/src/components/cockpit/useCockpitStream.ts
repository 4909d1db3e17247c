// Live updates of the cockpit through Server-Sent Events. The server answers each connection
// with one `event: snapshot` and a `retry: 15000` line, then ends the response (its HTTP layer
// sends complete responses); EventSource reconnects by itself after 15 s and gets the next
// snapshot. So an error event with readyState CONNECTING is the normal rhythm, and only
// CLOSED (the server refused: 4xx) means the feed is gone.
import { onBeforeUnmount, ref } from 'vue';
import { streamUrl, type CockpitScope, type CockpitSnapshot } from '../../api/cockpit';

export function useCockpitStream(onSnapshot: (snapshot: CockpitSnapshot) => void) {
  const live = ref(false);
  const lastUpdate = ref<string | null>(null);
  /** Snapshots received since the page opened (the server's clock may stand still in tests). */
  const received = ref(0);
  let source: EventSource | null = null;

  function stop() {
    source?.close();
    source = null;
    live.value = false;
  }

  function start(scope: CockpitScope) {
    stop();
    if (typeof EventSource === 'undefined') return;
    const opened = new EventSource(streamUrl(scope), { withCredentials: true });
    source = opened;
    opened.addEventListener('snapshot', (event) => {
      if (source !== opened) return;
      try {
        const snapshot = JSON.parse((event as MessageEvent<string>).data) as CockpitSnapshot;
        live.value = true;
        lastUpdate.value = snapshot.generated_at;
        received.value += 1;
        onSnapshot(snapshot);
      } catch {
        // A garbled event is skipped; the next one arrives after the retry delay.
      }
    });
    opened.addEventListener('error', () => {
      if (source === opened && opened.readyState === EventSource.CLOSED) live.value = false;
    });
  }

  onBeforeUnmount(stop);
  return { live, lastUpdate, received, start, stop };
}
