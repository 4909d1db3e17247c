// Data a page needs, asked for as soon as the router knows the page is next, so the request
// travels beside the page's code instead of after it (on a phone's slow connection the code
// takes a few hundred milliseconds). The page takes the answer once; a page opened any other way
// (or a second time) asks itself.

const waiting = new Map<string, Promise<unknown>>();

/** Starts `load` now and keeps its answer for the page that takes `key`; replaces an older one. */
export function prefetch<T>(key: string, load: () => Promise<T>): void {
  const promise = load();
  // Whoever takes it handles a failure; one left untaken must not be an unhandled rejection.
  promise.catch(() => undefined);
  waiting.set(key, promise);
}

/** The answer prefetched for `key`, once, or a fresh `load()`. */
export function takePrefetched<T>(key: string, load: () => Promise<T>): Promise<T> {
  const promise = waiting.get(key) as Promise<T> | undefined;
  waiting.delete(key);
  return promise ?? load();
}
