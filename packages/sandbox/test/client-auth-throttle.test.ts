import { describe, expect, it } from "vitest";
import { ClientAuthThrottle } from "../src/client-auth-throttle.ts";

describe("ClientAuthThrottle: a fixed one-minute window of failures per subject", () => {
  it("locks a subject at its limit, with the seconds left in its window, and frees it when the window ends", () => {
    const throttle = new ClientAuthThrottle(2);
    throttle.fail(["client a"], 0);
    expect(throttle.lockout(["client a"], 1_000)).toBeUndefined();
    throttle.fail(["client a"], 1_000);
    expect(throttle.lockout(["client b", "client a"], 20_500)).toEqual({ subject: "client a", retryAfterSeconds: 40 });
    expect(throttle.lockout(["client a"], 60_000)).toBeUndefined();
  });

  it("forgets expired windows, so guessing many client ids cannot grow its memory without bound", () => {
    const throttle = new ClientAuthThrottle(1);
    for (let minute = 0; minute < 5; minute++)
      for (let i = 0; i < 6_000; i++) throttle.fail([`client guess-${minute}-${i}`], minute * 60_000);
    // 30,000 failed ids over five minutes; only the last two minutes' windows can be held.
    expect(throttle.size).toBeLessThanOrEqual(2 * 6_000);
    expect(throttle.lockout(["client guess-4-0"], 4 * 60_000)).toMatchObject({ subject: "client guess-4-0" });
  });
});
