/**
 * A wait of the client's `timeout` (an attempt until its headers, a read of an answer's
 * body): `expire` runs when it runs out, and `fired` remembers it did; `restart` starts
 * the wait again (an upload making progress, the next read), `stop` ends it.
 */
export interface Deadline {
  fired: boolean;
  restart(): void;
  stop(): void;
}

/** Starts a wait of `ms`, after which `expire` runs unless the wait stopped first: the platform's (`Platform.startDeadline`). */
export type StartDeadline = (ms: number, expire: () => void) => Deadline;

/**
 * Node's waits: those of one length run out in the order they started, so they share a
 * queue and one platform timer, re-armed only when it fires. A timer per wait, set and
 * cleared within a loopback request of some 300 µs, cost about 2 µs each on Node, which
 * creates and drops its list of timers of that length each time. (A browser's timers
 * have no such cost: `timer-deadline.ts`.)
 */
class QueuedDeadline implements Deadline {
  fired = false;
  /** Its place in the queue while it waits. */
  entry: Entry | undefined;

  constructor(
    private readonly queue: DeadlineQueue,
    readonly expire: () => void,
  ) {
    this.entry = queue.add(this);
  }

  restart(): void {
    if (this.fired) return;
    if (this.entry) this.queue.leave(this.entry);
    this.entry = this.queue.add(this);
  }

  stop(): void {
    if (!this.entry) return;
    this.queue.leave(this.entry);
    this.entry = undefined;
    this.queue.trim();
  }
}

/** A place in the queue: its deadline leaves it (undefined) when it stops before running out. */
interface Entry {
  at: number;
  deadline: QueuedDeadline | undefined;
}

/** The waits of one length, in the order they run out. */
class DeadlineQueue {
  private entries: Entry[] = [];
  /** Entries left behind a wait still running (a restart leaves one a body chunk): swept when they are most of the queue. */
  private left = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /**
   * The `setTimeout` that armed `timer`. Test runners' fake timers (vitest's, Jest's)
   * replace the global one for a while: a timer armed by a fake never fires once the real
   * one is back, and would leave every later wait of this length waiting forever.
   */
  private armedBy: typeof setTimeout | undefined;

  /** How many entries the queue holds, left ones included (for tests). */
  get size(): number {
    return this.entries.length;
  }

  /** `entry`'s wait left it (restarted or stopped): it no longer runs out. */
  leave(entry: Entry): void {
    entry.deadline = undefined;
    this.left += 1;
  }

  constructor(private readonly ms: number) {}

  add(deadline: QueuedDeadline): Entry {
    this.trim();
    const entry = { at: performance.now() + this.ms, deadline };
    this.entries.push(entry);
    if (!this.timer || this.armedBy !== setTimeout) this.arm(this.ms);
    else (this.timer as { ref?: () => void }).ref?.();
    return entry;
  }

  private arm(ms: number): void {
    this.armedBy = setTimeout;
    this.timer = setTimeout(this.expire, ms);
  }

  /**
   * Drops the left entries at the head, and all of them once they are most of the queue
   * (a live wait at the head would keep them otherwise, one a chunk of a fast download);
   * with none pending, the timer keeps no Node process alive.
   */
  trim(): void {
    while (this.entries.length && !this.entries[0]!.deadline) this.drop();
    if (this.left > 64 && this.left * 2 > this.entries.length) {
      this.entries = this.entries.filter((entry) => entry.deadline);
      this.left = 0;
    }
    if (!this.entries.length) (this.timer as { unref?: () => void } | undefined)?.unref?.();
  }

  private drop(): void {
    if (!this.entries.shift()!.deadline) this.left -= 1;
  }

  private readonly expire = () => {
    this.timer = undefined;
    const now = performance.now();
    for (let head = this.entries[0]; head; head = this.entries[0]) {
      if (head.deadline && head.at > now) {
        // At most the length of a wait: a `performance.now()` faked while the timer ran
        // (it restarts near 0) must not push the next wake-up days away.
        this.arm(Math.min(this.ms, Math.max(1, Math.ceil(head.at - now))));
        return;
      }
      this.drop();
      const { deadline } = head;
      if (!deadline) continue;
      deadline.fired = true;
      deadline.entry = undefined;
      deadline.expire();
    }
  };
}

/** One queue a length (a client's `timeout`), shared by the clients that have it. */
const queues = new Map<number, DeadlineQueue>();

/** Node's `StartDeadline`: one queue, and one platform timer, a length. */
export const startQueuedDeadline: StartDeadline = (ms, expire) => {
  let queue = queues.get(ms);
  if (!queue) queues.set(ms, (queue = new DeadlineQueue(ms)));
  return new QueuedDeadline(queue, expire);
};

/** How many entries the queue of `ms` holds (for tests: restarts must not pile up). */
export function queuedEntries(ms: number): number {
  return queues.get(ms)?.size ?? 0;
}
