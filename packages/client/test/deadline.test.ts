/**
 * The waits of a client's `timeout` (an attempt until its headers, a read of an answer)
 * share one platform timer per length. These pin what each wait still promises on its
 * own; the timeouts they serve are pinned end to end in transport-faults and
 * typed-call-body.
 */
import { describe, expect, it } from "vitest";
import { startDeadline } from "../src/core/deadline.ts";

/** Resolves once a platform timer of `ms` set now has fired: after every wait of `ms` or less started before. */
const after = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("waits of one length share a timer, each still runs out on its own", () => {
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
    const restarted = startDeadline(40, () => fired.push("restarted"));
    await after(10);
    startDeadline(40, () => fired.push("started 10 ms later"));
    await after(20);
    restarted.restart();
    await after(100);
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
