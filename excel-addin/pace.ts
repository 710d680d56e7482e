/**
 * Keeping the task pane's thread free: long loops on it (handing rows to the engine worker, queueing
 * a workbook's writes) give the browser a turn every few milliseconds, so no task on the pane's
 * thread comes near 100 ms and the spinner, typing and scrolling go on during a 5,000-line build.
 */

/** Lets the pane's thread paint and take input: scheduler.yield where there is one (Edge WebView2, Chrome), else a zero-delay timer. */
export function yieldToPane(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((r) => setTimeout(r, 0));
}

/** Work per turn on the pane's thread, in ms: far under 100 ms even on a slow or busy machine. */
export const SLICE_MS = 12;

/** Call between steps of a long loop: yields once the current turn has run `sliceMs`. */
export function pacer(sliceMs = SLICE_MS): () => Promise<void> {
  let start = performance.now();
  return async () => {
    if (performance.now() - start < sliceMs) return;
    await yieldToPane();
    start = performance.now();
  };
}
