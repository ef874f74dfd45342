import { describe, expect, it } from "vitest";
import { fileNameFromContentDisposition } from "../src/download/content-disposition.ts";

describe("fileNameFromContentDisposition reads RFC 6266 / RFC 8187 names", () => {
  it.each([
    ["filename* (UTF-8) wins over the ASCII fallback", `attachment; filename="r_sum_.pdf"; filename*=UTF-8''r%C3%A9sum%C3%A9.pdf`, "résumé.pdf"],
    ["a quoted filename, with escapes", `inline; filename="to\\-do list.txt"`, "to-do list.txt"],
    ["an unquoted filename", "attachment; filename=pic.jpg", "pic.jpg"],
    ["filename* in ISO-8859-1, which RFC 8187 recipients must read too", `attachment; filename="r_sum_.pdf"; filename*=iso-8859-1''r%E9sum%E9.pdf`, "résumé.pdf"],
    ["a malformed filename* falls back to filename", `attachment; filename="plain.txt"; filename*=UTF-8''bad%E9`, "plain.txt"],
    ["no filename at all", "attachment", undefined],
  ])("%s", (_rule, header, want) => {
    expect(fileNameFromContentDisposition(header)).toBe(want);
  });
  it("no header", () => expect(fileNameFromContentDisposition(null)).toBeUndefined());
});

describe("the name is one file name, never a path (RFC 6266, 4.3)", () => {
  it.each([
    ["a relative path keeps its last segment", `attachment; filename="../escaped.jpg"`, "escaped.jpg"],
    ["an absolute path keeps its last segment", `attachment; filename="/etc/cron.d/job"`, "job"],
    ["a backslash is a separator too (a Windows path)", `attachment; filename="..\\\\..\\\\boot.ini"`, "boot.ini"],
    ["separators encoded in filename* count once decoded", `attachment; filename*=UTF-8''..%2F..%2Fetc%2Fpasswd`, "passwd"],
    ["mixed separators: the last of either", `attachment; filename*=UTF-8''a%5Cb%2Fc.txt`, "c.txt"],
    ["NUL and other control characters become _", `attachment; filename*=UTF-8''a%00b%0D%0Ac%7F%C2%85.txt`, "a_b__c__.txt"],
    ["characters Windows refuses in a name become _ (a drive, a stream)", `attachment; filename*=UTF-8''C%3Aevil%3Cx%3E%7C%3F%2A%22.txt`, "C_evil_x_____.txt"],
    ["surrounding spaces and trailing dots go", `attachment; filename="  report.pdf . "`, "report.pdf"],
    ["a leading dot stays (a dotfile is still inside the folder)", `attachment; filename=".env"`, ".env"],
  ])("%s", (_rule, header, want) => {
    expect(fileNameFromContentDisposition(header)).toBe(want);
  });

  it.each([
    ["..", `attachment; filename=".."`],
    [".", `attachment; filename="."`],
    ["a path ending in ..", `attachment; filename*=UTF-8''a%2F..`],
    ["a path ending in a separator", `attachment; filename="folder/"`],
    ["blanks", `attachment; filename="   "`],
    ["spaces and dots only", `attachment; filename*=UTF-8''%20%2E%20`],
  ])("%s is no name: undefined", (_rule, header) => {
    expect(fileNameFromContentDisposition(header)).toBeUndefined();
  });
});
