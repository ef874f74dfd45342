import { describe, expect, it } from "vitest";
import { ClientAuthThrottle, clientsPerAddress } from "../src/client-auth-throttle.ts";

describe("ClientAuthThrottle: failures per client id from an address, and per address, in fixed one-minute windows", () => {
  it("locks a client id from an address at its limit, with the seconds left in its window, and frees it when the window ends", () => {
    const throttle = new ClientAuthThrottle(2);
    throttle.fail({ address: "10.0.0.1", clientId: "a" }, 0);
    expect(throttle.lockout({ address: "10.0.0.1", clientId: "a" }, 1_000)).toBeUndefined();
    throttle.fail({ address: "10.0.0.1", clientId: "a" }, 1_000);
    expect(throttle.lockout({ address: "10.0.0.1", clientId: "a" }, 20_500)).toEqual({ subject: "client a from address 10.0.0.1", limit: 2, retryAfterSeconds: 40 });
    expect(throttle.lockout({ address: "10.0.0.1", clientId: "a" }, 60_000)).toBeUndefined();
  });

  it("never locks a client id from every address: the same id from another address, and another id from the same address, still pass", () => {
    const throttle = new ClientAuthThrottle(2);
    for (let i = 0; i < 5; i++) throttle.fail({ address: "10.0.0.1", clientId: "a" }, 0);
    expect(throttle.lockout({ address: "10.0.0.2", clientId: "a" }, 0)).toBeUndefined();
    expect(throttle.lockout({ address: "10.0.0.1", clientId: "b" }, 0)).toBeUndefined();
  });

  it(`locks an address after ${clientsPerAddress} times the limit, whatever client id it tries, and before its client id is read`, () => {
    const throttle = new ClientAuthThrottle(2);
    for (let i = 0; i < 2 * clientsPerAddress - 1; i++) throttle.fail({ address: "10.0.0.1", clientId: `guess-${i}` }, 0);
    expect(throttle.lockout({ address: "10.0.0.1", clientId: "fresh" }, 0)).toBeUndefined();
    throttle.fail({ address: "10.0.0.1" }, 0);
    expect(throttle.lockout({ address: "10.0.0.1" }, 0)).toMatchObject({ subject: "address 10.0.0.1", limit: 2 * clientsPerAddress });
    expect(throttle.lockout({ address: "10.0.0.1", clientId: "fresh" }, 0)).toMatchObject({ subject: "address 10.0.0.1" });
  });

  it("forgets expired windows, so guessing many client ids cannot grow its memory without bound", () => {
    const throttle = new ClientAuthThrottle(1);
    for (let minute = 0; minute < 5; minute++)
      for (let i = 0; i < 6_000; i++) throttle.fail({ address: `10.0.${minute}.${i % 200}`, clientId: `guess-${i}` }, minute * 60_000);
    // 30,000 failed ids over five minutes; only the last two minutes' windows can be held.
    expect(throttle.size).toBeLessThanOrEqual(2 * (6_000 + 200));
    expect(throttle.lockout({ address: "10.0.4.0", clientId: "guess-0" }, 4 * 60_000)).toMatchObject({ subject: "client guess-0 from address 10.0.4.0" });
  });
});
