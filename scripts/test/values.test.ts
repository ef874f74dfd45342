import { describe, expect, it } from "vitest";
import { code, differingParts, valueChange } from "../spec-check/values.ts";

describe("a changed value, as the report shows it", () => {
  it.each<[string, unknown, unknown, string]>([
    ["a short value, whole", 10, 12, "`10` → `12`"],
    ["a URL, whole however long it is up to 120 characters", "https://example.test/token", "https://auth.elsewhere.example/oauth2/v2/token", "`https://example.test/token` → `https://auth.elsewhere.example/oauth2/v2/token`"],
    ["a value set where there was none", undefined, "^W/\".+\"$", "nothing → `^W/\".+\"$`"],
    ["a value removed", "json", undefined, "`json` → nothing"],
    ["an enum, by the values it loses and gains", ["a", "b"], ["b", "c"], "−`a` +`c`"],
    ["an enum reordered", ["a", "b"], ["b", "a"], "reordered"],
    ["a text with a backtick, in a code span that survives it", "use `a`", "use `b`", "`` use `a` `` → `` use `b` ``"],
  ])("%s", (_, before, after, want) => {
    expect(valueChange(before, after)).toBe(want);
  });

  it("shows a long text by the part that differs, with context on both sides", () => {
    const start = "Upload a file in order to reference it as the attachment of another resource (e.g. a\nportrait).\n\n";
    const end = "Send multipart/form-data with one part named form holding the file. The body may not exceed 100 MB.";
    const shown = valueChange(start + end, start + "The file is kept until a resource references it.\n\n" + end);
    expect(shown).toBe(
      "`…resource (e.g. a⏎portrait).⏎⏎Send multipart/form-data…` → `…resource (e.g. a⏎portrait).⏎⏎The file is kept until a resource references it.⏎⏎Send multipart/form-data…`",
    );
  });

  it("cuts a very long differing part, saying so (and a word too long to end between words)", () => {
    const [before, after] = differingParts("a".repeat(50) + "x", "a".repeat(50) + "y".repeat(500));
    expect(before).toBe("…" + "a".repeat(40) + "x");
    expect(after).toBe("…" + ("a".repeat(40) + "y".repeat(500)).slice(0, 160) + "…");
  });

  it("keeps a plain text in single backticks", () => {
    expect(code("image/png")).toBe("`image/png`");
  });
});
