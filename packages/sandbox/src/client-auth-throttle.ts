/**
 * Throttles failed client authentications at the token endpoint, per client id and per
 * remote address, as RFC 6749 section 10.10 asks of an authorization server ("MUST
 * prevent attackers from guessing ... client credentials"). Only failures count, so a
 * client that authenticates is never slowed down; once a client id or an address has
 * failed `perMinute` times in its one-minute window, every request for it is refused
 * (a right secret too, or guessing would go on) until the window ends.
 */

/** Windows kept before the expired ones are swept: the map cannot grow without bound. */
const sweepAbove = 10_000;
const windowMs = 60_000;

interface Window {
  start: number;
  failures: number;
}

export interface Lockout {
  /** What is locked, for the message: `client demo` or `address 127.0.0.1`. */
  subject: string;
  retryAfterSeconds: number;
}

export class ClientAuthThrottle {
  readonly #windows = new Map<string, Window>();

  constructor(readonly perMinute: number) {}

  /** How many subjects have a window in memory. */
  get size(): number {
    return this.#windows.size;
  }

  #current(key: string, now: number): Window | undefined {
    const window = this.#windows.get(key);
    if (window && now - window.start >= windowMs) {
      this.#windows.delete(key);
      return undefined;
    }
    return window;
  }

  /** The first of `subjects` that has failed too often in its window, if any. */
  lockout(subjects: readonly string[], now = Date.now()): Lockout | undefined {
    for (const subject of subjects) {
      const window = this.#current(subject, now);
      if (window && window.failures >= this.perMinute)
        return { subject, retryAfterSeconds: Math.max(1, Math.ceil((window.start + windowMs - now) / 1000)) };
    }
    return undefined;
  }

  /** Counts one failed authentication against each of `subjects`. */
  fail(subjects: readonly string[], now = Date.now()): void {
    if (this.#windows.size > sweepAbove) this.#sweep(now);
    for (const subject of subjects) {
      const window = this.#current(subject, now);
      if (window) window.failures += 1;
      else this.#windows.set(subject, { start: now, failures: 1 });
    }
  }

  #sweep(now: number): void {
    for (const [key, window] of this.#windows) if (now - window.start >= windowMs) this.#windows.delete(key);
  }
}
