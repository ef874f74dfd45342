import { describe, expect, it } from "vitest";
import { parseChangeset } from "../spec-check/changesets.ts";
import { SpecCheckError } from "../spec-check/errors.ts";

describe("a changeset file", () => {
  it.each([
    ["gives each package its bump", '---\n"@lucca-api/client": major\n"@lucca-api/types": minor\n---\n\nRemove image/png.\n', { "@lucca-api/client": "major", "@lucca-api/types": "minor" }, "Remove image/png."],
    ["may release nothing (an empty changeset)", "---\n---\n\nDocs only.\n", {}, "Docs only."],
  ])("%s", (_, text, releases, summary) => {
    expect(parseChangeset(".changeset/x.md", text)).toEqual({ file: ".changeset/x.md", releases, summary });
  });

  it.each([
    ["without front matter", "Just text.\n", /x\.md is not a changeset.*npx changeset/],
    ["with a bump that is not one", '---\n"@lucca-api/client": huge\n---\n', /x\.md: '@lucca-api\/client' has bump 'huge'; a bump is one of patch, minor, major, none/],
  ])("is refused %s, naming the file and the fix", (_, text, message) => {
    expect(() => parseChangeset(".changeset/x.md", text)).toThrow(SpecCheckError);
    expect(() => parseChangeset(".changeset/x.md", text)).toThrow(message);
  });
});
