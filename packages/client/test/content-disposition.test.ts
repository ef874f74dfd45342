import { describe, expect, it } from "vitest";
import { fileNameFromContentDisposition } from "../src/download/content-disposition.ts";

describe("fileNameFromContentDisposition reads RFC 6266 / RFC 8187 names", () => {
  it.each([
    ["filename* (UTF-8) wins over the ASCII fallback", `attachment; filename="r_sum_.pdf"; filename*=UTF-8''r%C3%A9sum%C3%A9.pdf`, "résumé.pdf"],
    ["a quoted filename, with escapes", `inline; filename="say \\"hi\\".txt"`, `say "hi".txt`],
    ["an unquoted filename", "attachment; filename=pic.jpg", "pic.jpg"],
    ["no filename at all", "attachment", undefined],
  ])("%s", (_rule, header, want) => {
    expect(fileNameFromContentDisposition(header)).toBe(want);
  });
  it("no header", () => expect(fileNameFromContentDisposition(null)).toBeUndefined());
});
