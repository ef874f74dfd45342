/**
 * Throttles failed client authentications at the token endpoint, as RFC 6749 section
 * 10.10 asks of an authorization server ("MUST prevent attackers from guessing ... client
 * credentials"). Only failures count, so a client that authenticates is never slowed
 * down; once a subject has failed as often as its limit in its one-minute window, every
 * request for it is refused (a right secret too, or guessing would go on) until the
 * window ends.
 *
 * The subjects are a client id from an address (`perMinute` failures) and an address
 * (`clientsPerAddress` times as many): never a client id alone, which would let anyone who
 * knows it lock its owner out from every address (a denial of service). A guesser locks
 * out only himself: the pair caps his guesses at one client id, his address caps them
 * across client ids; the owner, from another address, still gets tokens, and the clients
 * sharing an address (a NAT, a proxy) are not all locked out by one misconfigured client.
 */
import { FixedWindowCounter } from "./fixed-window.ts";

/** An address may fail as often as this many client ids at their limit. */
export const clientsPerAddress = 10;

/** Who asked for a token: the remote address, and the client id once it is read. */
export interface AuthAttempt {
  address: string;
  clientId?: string | undefined;
}

export interface Lockout {
  /** What is locked, for the message: `client demo from address 127.0.0.1` or `address 127.0.0.1`. */
  subject: string;
  /** Its limit a minute. */
  limit: number;
  retryAfterSeconds: number;
}

export class ClientAuthThrottle {
  readonly #failures = new FixedWindowCounter();

  constructor(readonly perMinute: number) {}

  /** How many subjects have a window in memory. */
  get size(): number {
    return this.#failures.size;
  }

  /** The subject of `attempt` that has failed too often in its window, if any. */
  lockout(attempt: AuthAttempt, now = Date.now()): Lockout | undefined {
    for (const [subject, limit] of this.#subjects(attempt))
      if (this.#failures.count(subject, now) >= limit) return { subject, limit, retryAfterSeconds: this.#failures.secondsLeft(subject, now) };
    return undefined;
  }

  /** Counts one failed authentication against each subject of `attempt`. */
  fail(attempt: AuthAttempt, now = Date.now()): void {
    for (const [subject] of this.#subjects(attempt)) this.#failures.add(subject, now);
  }

  #subjects({ address, clientId }: AuthAttempt): Array<[subject: string, limit: number]> {
    const from = `address ${address}`;
    const perAddress: [string, number] = [from, this.perMinute * clientsPerAddress];
    return clientId === undefined ? [perAddress] : [[`client ${clientId} from ${from}`, this.perMinute], perAddress];
  }
}
