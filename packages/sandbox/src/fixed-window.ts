/**
 * Counts events per key in fixed one-minute windows: the simplest scheme that gives an
 * honest `Retry-After` (the seconds left in the window). It serves the API's rate limit
 * and the token endpoint's throttle of failed authentications.
 *
 * Expired windows are swept at most once a window, on a call (no timer keeps the process
 * alive): each window is deleted once, so the sweep costs O(1) a call amortised, and the
 * map holds only the keys counted in the last two windows, however many keys come by.
 */
const windowMs = 60_000;

interface Window {
  start: number;
  count: number;
}

export class FixedWindowCounter {
  readonly #windows = new Map<string, Window>();
  #nextSweep = 0;

  /** How many keys have a window in memory. */
  get size(): number {
    return this.#windows.size;
  }

  /** How many times `key` was counted in its current window (0 when it has none). */
  count(key: string, now = Date.now()): number {
    return this.#current(key, now)?.count ?? 0;
  }

  /** Whole seconds until `key`'s current window ends, at least 1 (for `Retry-After`). */
  secondsLeft(key: string, now = Date.now()): number {
    const start = this.#current(key, now)?.start ?? now;
    return Math.max(1, Math.ceil((start + windowMs - now) / 1000));
  }

  /** Counts one event of `key`, opening a window for it when it has none. */
  add(key: string, now = Date.now()): void {
    const window = this.#current(key, now);
    if (window) window.count += 1;
    else this.#windows.set(key, { start: now, count: 1 });
  }

  #current(key: string, now: number): Window | undefined {
    if (now >= this.#nextSweep) this.#sweep(now);
    const window = this.#windows.get(key);
    return window && now - window.start < windowMs ? window : undefined;
  }

  #sweep(now: number): void {
    for (const [key, window] of this.#windows) if (now - window.start >= windowMs) this.#windows.delete(key);
    this.#nextSweep = now + windowMs;
  }
}
