import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { demoClient } from "../src/options.ts";

describe("the CLI (npm start)", () => {
  let dataDir: string | undefined;
  afterEach(async () => {
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it("listens on loopback and prints the URL and the demo credentials", async () => {
    dataDir = await mkdtemp(join(tmpdir(), "lucca-sandbox-cli-"));
    const child = spawn(process.execPath, ["--import", "tsx", new URL("../src/cli.ts", import.meta.url).pathname], {
      env: { ...process.env, PORT: "0", HOST: "", SANDBOX_DATA_DIR: dataDir, SANDBOX_DOCS_DIR: "" },
      stdio: ["ignore", "pipe", "inherit"],
    });
    try {
      let output = "";
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on("data", (chunk: Buffer) => {
          output += chunk.toString();
          const match = /sandbox \(unofficial\) on (http:\/\/\S+)/.exec(output);
          if (match && output.includes("demo client")) resolve(match[1]!);
        });
        child.once("exit", (code) => reject(new Error(`the CLI exited with ${code}: ${output}`)));
      });
      expect(new URL(url).hostname).toBe("127.0.0.1");
      expect(output).toContain(`client_id=${demoClient.clientId} client_secret=${demoClient.clientSecret}`);
      const token = await fetch(`${url}/connect/token`, {
        method: "POST",
        body: new URLSearchParams({ grant_type: "client_credentials", client_id: demoClient.clientId, client_secret: demoClient.clientSecret }),
      });
      expect(token.status).toBe(200);
    } finally {
      child.kill("SIGTERM");
    }
  });
});
