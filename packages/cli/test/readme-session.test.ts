/**
 * The README's "A session, as run" was captured by hand: what of it the sandbox decides
 * (here, the form of its ETags) is checked against what the sandbox sends now, so that
 * the session cannot drift from it unnoticed.
 */
import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exitCodes } from "../src/cli/exit-codes.ts";
import { runMain } from "./helpers/run-main.ts";
import { startTestSandbox, type TestSandbox } from "./helpers/sandbox.ts";

const readme = await readFile(new URL("../README.md", import.meta.url), "utf8");
const session = /## A session, as run\n([\s\S]*?)\n## /.exec(readme)?.[1] ?? "";

let sandbox: TestSandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(async () => {
  await sandbox?.close();
});

/** A tag's form: its text, each run of hash characters standing for any run of that length. */
function formOf(tag: string): RegExp {
  const escaped = tag.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
  return new RegExp(`^${escaped.replace(/[A-Za-z0-9_-]{16,}/g, (run) => `[A-Za-z0-9_-]{${run.length}}`)}$`);
}

describe("the README's session", () => {
  it("shows ETags of the form the sandbox sends, and revalidates with the tag get printed", async () => {
    const path = new URL("../README.md", import.meta.url).pathname;
    const upload = await runMain([...sandbox.flags, "upload", path, "--quiet"]);
    expect(upload.code, upload.stderr).toBe(exitCodes.ok);
    const link = upload.stdout.trim().split(/\s+/)[2]!;
    const got = await runMain([...sandbox.flags, "get", link]);
    const sent = /^etag\s+(\S+)$/m.exec(got.stdout)?.[1];
    expect(sent, got.stdout).toBeDefined();

    const shown = /^etag\s+(\S+)$/m.exec(session)?.[1];
    const revalidated = /--if-none-match '([^']+)'/.exec(session)?.[1];
    expect(shown, "the session's get shows an etag line").toBeDefined();
    expect(shown).toMatch(formOf(sent!));
    expect(revalidated).toBe(shown);
  });
});
