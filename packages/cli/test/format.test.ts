import { describe, expect, it } from "vitest";
import { formatBytes, formatDuration, formatRate } from "../src/output/format.ts";

describe("sizes, rates and durations read at a glance", () => {
  it.each([
    [0, "0 B"],
    [999, "999 B"],
    [1_000, "1.00 kB"],
    [1_500_000, "1.50 MB"],
    [104_857_600, "104.9 MB"],
    [3_200_000_000, "3.20 GB"],
  ])("%d bytes is %s (SI units)", (bytes, want) => {
    expect(formatBytes(bytes)).toBe(want);
  });

  it.each([
    [0.42, "0.4s"],
    [12.4, "12s"],
    [125, "2m05s"],
    [3_720, "1h02m"],
    [Number.POSITIVE_INFINITY, "?"],
  ])("%d s is %s", (seconds, want) => {
    expect(formatDuration(seconds)).toBe(want);
  });

  it("a rate is a size per second", () => {
    expect(formatRate(12_345_678)).toBe("12.3 MB/s");
  });
});
