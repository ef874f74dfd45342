import { describe, expect, it } from "vitest";
import { FixedWindowCounter } from "../src/fixed-window.ts";

describe("FixedWindowCounter: events per key in fixed one-minute windows", () => {
  it("counts a key within its window, says the whole seconds left in it, and starts again at 0 when it ends", () => {
    const counter = new FixedWindowCounter();
    counter.add("a", 0);
    counter.add("a", 10_000);
    expect(counter.count("a", 20_500)).toBe(2);
    expect(counter.count("b", 20_500)).toBe(0);
    expect(counter.secondsLeft("a", 20_500)).toBe(40);
    expect(counter.secondsLeft("a", 59_999)).toBe(1);
    expect(counter.count("a", 60_000)).toBe(0);
    counter.add("a", 60_000);
    expect(counter.count("a", 60_000)).toBe(1);
  });

  it("forgets the keys of past windows on its own calls, so memory holds only the keys of the last two minutes", () => {
    const counter = new FixedWindowCounter();
    for (let i = 0; i < 5_000; i++) counter.add(`old-${i}`, 0);
    for (let i = 0; i < 5_000; i++) counter.add(`recent-${i}`, 30_000);
    expect(counter.size).toBe(10_000);
    // The first call of the next minute sweeps the windows that have ended: the old keys' only.
    counter.add("new", 60_000);
    expect(counter.size).toBe(5_001);
    expect(counter.count("recent-0", 60_000)).toBe(1);
  });
});
