/**
 * Throttles failed client authentications at the token endpoint, per client id and per
 * remote address, as RFC 6749 section 10.10 asks of an authorization server ("MUST
 * prevent attackers from guessing ... client credentials"). Only failures count, so a
 * client that authenticates is never slowed down; once a client id or an address has
 * failed `perMinute` times in its one-minute window, every request for it is refused
 * (a right secret too, or guessing would go on) until the window ends.
 */
import { FixedWindowCounter } from "./fixed-window.ts";

export interface Lockout {
  /** What is locked, for the message: `client demo` or `address 127.0.0.1`. */
  subject: string;
  retryAfterSeconds: number;
}

export class ClientAuthThrottle {
  readonly #failures = new FixedWindowCounter();

  constructor(readonly perMinute: number) {}

  /** How many subjects have a window in memory. */
  get size(): number {
    return this.#failures.size;
  }

  /** The first of `subjects` that has failed too often in its window, if any. */
  lockout(subjects: readonly string[], now = Date.now()): Lockout | undefined {
    const subject = subjects.find((candidate) => this.#failures.count(candidate, now) >= this.perMinute);
    return subject === undefined ? undefined : { subject, retryAfterSeconds: this.#failures.secondsLeft(subject, now) };
  }

  /** Counts one failed authentication against each of `subjects`. */
  fail(subjects: readonly string[], now = Date.now()): void {
    for (const subject of subjects) this.#failures.add(subject, now);
  }
}
