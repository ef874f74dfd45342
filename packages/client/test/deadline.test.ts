/**
 * The waits of a client's `timeout` (an attempt until its headers, a read of an answer):
 * on Node they share one platform timer per length, in a browser each has its own. These
 * pin what each wait promises either way; the timeouts they serve are pinned end to end
 * in transport-faults and typed-call-body (Node) and browser.test.ts (chromium).
 */
import { describe, expect, it, vi } from "vitest";
import { queuedEntries, startQueuedDeadline } from "../src/core/deadline.ts";
import { startTimerDeadline } from "../src/core/timer-deadline.ts";

/** Resolves once a platform timer of `ms` set now has fired: after every wait of `ms` or less started before. */
const after = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each([
  ["Node's waits (one shared timer a length)", startQueuedDeadline],
  ["a browser's waits (a timer each)", startTimerDeadline],
])("%s: each runs out on its own", (_platform, startDeadline) => {
  it("waits run out in the order they started, each firing once", async () => {
    const fired: string[] = [];
    const first = startDeadline(25, () => fired.push("first"));
    await after(5);
    const second = startDeadline(25, () => fired.push("second"));
    await after(60);
    expect(fired).toEqual(["first", "second"]);
    expect([first.fired, second.fired]).toEqual([true, true]);
  });

  it("a stopped wait never fires, and does not hold back the one behind it", async () => {
    const fired: string[] = [];
    const stopped = startDeadline(26, () => fired.push("stopped"));
    const running = startDeadline(26, () => fired.push("running"));
    stopped.stop();
    await after(60);
    expect(fired).toEqual(["running"]);
    expect(stopped.fired).toBe(false);
  });

  it("a restarted wait counts again from its restart (an upload making progress)", async () => {
    const fired: string[] = [];
    // Lengths with room for a busy machine: the restart must come before the first runs out.
    const restarted = startDeadline(300, () => fired.push("restarted"));
    await after(10);
    startDeadline(300, () => fired.push("started 10 ms later"));
    await after(20);
    restarted.restart();
    await after(400);
    // Counted from its start, the first would have run out first; from its restart, it comes second.
    expect(fired).toEqual(["started 10 ms later", "restarted"]);
  });

  it("a wait that fired cannot be restarted", async () => {
    let count = 0;
    const wait = startDeadline(15, () => count++);
    await after(40);
    wait.restart();
    await after(40);
    expect(count).toBe(1);
  });
});

it("Node's queue does not keep an entry per restart while an older wait runs (a fast download restarts it every chunk)", () => {
  const ms = 987_654; // a length no other test uses: its own queue
  const older = startQueuedDeadline(ms, () => undefined);
  const download = startQueuedDeadline(ms, () => undefined);
  for (let chunk = 0; chunk < 10_000; chunk++) download.restart();
  expect(queuedEntries(ms)).toBeLessThanOrEqual(2 * 65 + 2);
  download.stop();
  older.stop();
  expect(queuedEntries(ms)).toBe(0);
});

describe("Node's queue outlives a test runner's fake timers (vitest's, Jest's), which replace setTimeout and performance for a while", () => {
  // Captured before any faking: the real timers, to let real time pass while they are faked.
  const realSetTimeout = globalThis.setTimeout;
  const realAfter = (ms: number) => new Promise((resolve) => realSetTimeout(resolve, ms));
  const fakeTimers = () => vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "performance"] });

  it("a wait started once the real timers are back fires, though the queue's timer was armed by a fake one", async () => {
    const ms = 31; // a length no other test uses: its own queue
    fakeTimers();
    try {
      startQueuedDeadline(ms, () => undefined).stop();
    } finally {
      vi.useRealTimers();
    }
    let fired = false;
    startQueuedDeadline(ms, () => (fired = true));
    await after(ms + 60);
    expect(fired).toBe(true);
  });

  it("a wait whose real timer fires while performance.now() is faked still fires once the real timers are back", async () => {
    const ms = 33; // a length no other test uses: its own queue
    const fired: string[] = [];
    startQueuedDeadline(ms, () => fired.push("started before"));
    fakeTimers();
    try {
      // The queue's real timer fires now, reads a faked clock near 0 and re-arms with the fake setTimeout.
      await realAfter(ms + 30);
    } finally {
      vi.useRealTimers();
    }
    startQueuedDeadline(ms, () => fired.push("started after"));
    await after(ms + 60);
    expect(fired).toEqual(["started before", "started after"]);
  });
});
