import type { FileObject, LuccaFilesClient } from "@lucca-api/client";
import { endpoints } from "@lucca-api/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseArguments } from "../src/cli/arguments.ts";
import { exitCodes } from "../src/cli/exit-codes.ts";
import { get } from "../src/commands/get.ts";
import { token } from "../src/commands/token.ts";
import type { ResolvedConfig } from "../src/config/resolve-config.ts";
import { createTerminal } from "../src/output/terminal.ts";
import { demoClient, startTestSandbox, type TestSandbox } from "./helpers/sandbox.ts";

// `lucca-files get "$LINK" > meta.txt` from a terminal: stderr is a TTY, stdout a file.
// The result table goes to stdout, so it must carry no colour codes.
const escape = "\u001b[";

function fakeStream(isTTY: boolean) {
  const chunks: string[] = [];
  const stream = { isTTY, columns: 80, write: (chunk: string | Uint8Array) => (chunks.push(String(chunk)), true) } as unknown as NodeJS.WriteStream;
  return { stream, text: () => chunks.join("") };
}

function terminalWith(stdoutIsTTY: boolean) {
  const stdout = fakeStream(stdoutIsTTY);
  const stderr = fakeStream(true);
  const terminal = createTerminal({ stdout: stdout.stream, stderr: stderr.stream }, { TERM: "xterm-256color" }, false);
  return { terminal, stdout };
}

const file: FileObject = {
  type: "file",
  id: "0d3c5a0e-8f2b-4c1e-9a57-3b7f2f6c1d10",
  fileName: "report.pdf",
  contentType: "application/pdf",
  createdAt: "2026-01-01T00:00:00Z",
  url: `http://127.0.0.1${endpoints.uploadFile.path}/0d3c5a0e-8f2b-4c1e-9a57-3b7f2f6c1d10`,
} as FileObject;
const client = { getFile: async () => ({ modified: true, file, eTag: '"v1"' }) } as unknown as LuccaFilesClient;

let sandbox: TestSandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(async () => {
  await sandbox?.close();
});

const config = (): ResolvedConfig => ({
  target: { baseUrl: sandbox.url },
  clientId: demoClient.clientId,
  clientSecret: demoClient.clientSecret,
  tokenUrl: sandbox.tokenUrl,
  apiVersion: undefined,
  sandbox: true,
});

describe("tables on stdout are coloured by stdout's terminal, not stderr's", () => {
  it("get: plain when stdout is redirected, though stderr is a terminal", async () => {
    const { terminal, stdout } = terminalWith(false);
    const code = await get({ args: parseArguments(["get", `${sandbox.url}/link`]), terminal, config: config(), client, signal: new AbortController().signal });
    expect(code).toBe(exitCodes.ok);
    expect(stdout.text()).toMatch(/^name\s+report\.pdf$/m);
    expect(stdout.text()).not.toContain(escape);
  });

  it("get: coloured labels when stdout is a terminal", async () => {
    const { terminal, stdout } = terminalWith(true);
    await get({ args: parseArguments(["get", `${sandbox.url}/link`]), terminal, config: config(), client, signal: new AbortController().signal });
    expect(stdout.text()).toContain(escape);
  });

  it("token: plain when stdout is redirected, though stderr is a terminal", async () => {
    const { terminal, stdout } = terminalWith(false);
    const code = await token({ args: parseArguments(["token"]), terminal, config: config(), client, signal: new AbortController().signal });
    expect(code).toBe(exitCodes.ok);
    expect(stdout.text()).toMatch(/^scopes\s+\S/m);
    expect(stdout.text()).not.toContain(escape);
  });
});
