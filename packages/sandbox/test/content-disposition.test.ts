import { describe, expect, it } from "vitest";
import { contentDisposition } from "../src/http/content-disposition.ts";

describe("contentDisposition keeps the quoted file name safe (RFC 6266, RFC 8187)", () => {
  it.each([
    ["a plain ASCII name is quoted as it is", "inline", "report.pdf", 'inline; filename="report.pdf"'],
    ["quotes cannot close the quoted name", "attachment", 'say "hi".txt', `attachment; filename="say _hi_.txt"; filename*=UTF-8''say%20%22hi%22.txt`],
    ["a backslash is a path separator, not an escape", "attachment", "C:\\temp\\a.txt", 'attachment; filename="a.txt"'],
    ["control characters never reach the header", "attachment", "a\r\nSet-Cookie: x.txt", `attachment; filename="a__Set-Cookie: x.txt"; filename*=UTF-8''a%0D%0ASet-Cookie%3A%20x.txt`],
    ["percent signs are replaced in the fallback, encoded in filename*", "attachment", "100%.txt", `attachment; filename="100_.txt"; filename*=UTF-8''100%25.txt`],
    ["RFC 8187 reserved characters are percent-encoded", "attachment", "l'été (1)*.txt", `attachment; filename="l'ete (1)*.txt"; filename*=UTF-8''l%27%C3%A9t%C3%A9%20%281%29%2A.txt`],
    ["an empty name becomes file", "attachment", "", 'attachment; filename="file"'],
  ])("%s", (_rule, type, name, want) => {
    expect(contentDisposition(type as "inline" | "attachment", name)).toBe(want);
  });
});
