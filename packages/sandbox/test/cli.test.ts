import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { demoClient } from "../src/options.ts";

/** The built command, as `npm start` and `npx lucca-sandbox` run it (turbo builds it before these tests). */
const cli = new URL("../dist/cli.js", import.meta.url).pathname;

describe("the CLI (npm start)", () => {
  let dataDir: string | undefined;
  afterEach(async () => {
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it("listens on loopback and prints the banner alone: the URL, the demo credentials, how to stop and how to reset the data", async () => {
    dataDir = await mkdtemp(join(tmpdir(), "lucca-sandbox-cli-"));
    const child = spawn(process.execPath, [cli], {
      env: { ...process.env, PORT: "0", HOST: "", SANDBOX_DATA_DIR: dataDir, SANDBOX_DOCS_DIR: "" },
      stdio: ["ignore", "pipe", "inherit"],
    });
    try {
      let output = "";
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on("data", (chunk: Buffer) => {
          output += chunk.toString();
          const match = /sandbox \(unofficial\) on (http:\/\/\S+)/.exec(output);
          if (match && output.includes("reset the data")) resolve(match[1]!);
        });
        child.once("exit", (code) => reject(new Error(`the CLI exited with ${code}: ${output}`)));
      });
      expect(new URL(url).hostname).toBe("127.0.0.1");
      // The banner is all it prints on start: no log line before it (npm start's build lines
      // come before, and the banner must end the screen).
      expect(output).toMatch(/^\n?Lucca files API sandbox \(unofficial\) on /);
      expect(output).toContain(`client_id=${demoClient.clientId} client_secret=${demoClient.clientSecret}`);
      expect(output).toMatch(/^ {2}stop {12}Ctrl\+C$/m);
      expect(output).toContain(`reset the data  stop, then delete the data folder: rm -r '${dataDir}'`);
      const token = await fetch(`${url}/connect/token`, {
        method: "POST",
        body: new URLSearchParams({ grant_type: "client_credentials", client_id: demoClient.clientId, client_secret: demoClient.clientSecret }),
      });
      expect(token.status).toBe(200);
    } finally {
      child.kill("SIGTERM");
    }
  });

  it("says in one line that the port is taken and how to choose another, when something listens there", async () => {
    dataDir = await mkdtemp(join(tmpdir(), "lucca-sandbox-cli-"));
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, "127.0.0.1", resolve));
    const { port } = taken.address() as { port: number };
    try {
      const child = spawn(process.execPath, [cli], {
        env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", SANDBOX_DATA_DIR: dataDir, SANDBOX_DOCS_DIR: "", npm_lifecycle_event: "start" },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
      const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));

      expect(code).toBe(1);
      expect(stderr).toBe(`sandbox: port ${port} is taken (something already listens on 127.0.0.1:${port}): stop it, or choose another port with PORT, e.g. PORT=${port + 1} npm start\n`);
      expect(stdout).not.toContain("sandbox (unofficial) on");
    } finally {
      taken.close();
    }
  });

  /** Runs the command with arguments and no server expected: its exit code and output. */
  const run = (args: string[], npm: Record<string, string> = {}) =>
    new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [cli, ...args], {
        // Run as its bin, not through npm (whose variables make it say `npm start` or `npx …`).
        env: { ...process.env, PORT: "0", SANDBOX_DOCS_DIR: "", npm_lifecycle_event: "", npm_command: "", ...npm },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
      // A command that starts a server instead would never exit: stopped, the test fails on its output.
      const stop = setTimeout(() => child.kill("SIGKILL"), 15_000);
      child.once("exit", (code) => (clearTimeout(stop), resolve({ code, stdout, stderr })));
    });

  it("--help prints what it does and the variables that configure it, and starts nothing (it started a server)", async () => {
    const { code, stdout, stderr } = await run(["--help"]);
    expect(code).toBe(0);
    expect(stderr).toBe("");
    expect(stdout).toMatch(/^lucca-sandbox: a local server of the Lucca API's file resource/);
    for (const variable of ["PORT, HOST", "SANDBOX_DATA_DIR", "SANDBOX_CLIENTS", "SANDBOX_CONFIG", "SANDBOX_DOCS_DIR", "SANDBOX_PUBLIC_URL", "SANDBOX_MAX_BODY_BYTES"]) expect(stdout).toContain(variable);
    expect(stdout).not.toContain("sandbox (unofficial) on");
  });

  it("--version prints the package's name and version", async () => {
    const manifest = JSON.parse(await readFile(new URL("../package.json", import.meta.url), "utf8")) as { name: string; version: string };
    expect(await run(["--version"])).toEqual({ code: 0, stdout: `${manifest.name} ${manifest.version}\n`, stderr: "" });
  });

  it("run by npm start, it says to pass its arguments after --, as npm keeps --help for itself", async () => {
    const { code, stderr } = await run(["--port", "5000"], { npm_lifecycle_event: "start" });
    expect(code).toBe(2);
    expect(stderr).toBe("sandbox: '--port 5000' is not an argument of npm start, which is configured by environment variables (e.g. PORT=5000 npm start); see npm start -- --help.\n");
  });

  it("an argument it does not take is refused (exit 2), naming the variables, where --port 5000 listened on 4010 all the same", async () => {
    const { code, stdout, stderr } = await run(["--port", "5000"]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toBe("sandbox: '--port 5000' is not an argument of lucca-sandbox, which is configured by environment variables (e.g. PORT=5000 lucca-sandbox); see lucca-sandbox --help.\n");
  });
});
