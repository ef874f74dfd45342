/**
 * Runs `stop` once any of the signals fires (at once if one has); returns the function
 * that stops watching them. Whoever watches a long-lived signal (a caller may pass one
 * to every call) must call it once done, or the listeners pile up on the signal.
 */
export function onAbort(signals: (AbortSignal | null | undefined)[], stop: () => void): () => void {
  if (signals.some((signal) => signal?.aborted)) stop();
  else signals.forEach((signal) => signal?.addEventListener("abort", stop, { once: true }));
  return () => signals.forEach((signal) => signal?.removeEventListener("abort", stop));
}
