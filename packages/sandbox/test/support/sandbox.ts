/**
 * Starts a real sandbox on 127.0.0.1 (port 0) over a fresh temporary data folder, and
 * talks to it with `fetch`, checking every answer of an operation against the spec.
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { currentApiVersion, endpoints, parameters, type OperationId } from "@lucca-api/types";
import { assertFetchResponseMatchesSpec } from "../../src/contract/index.ts";
import { demoClient, type SandboxOptions } from "../../src/options.ts";
import { startSandbox, type Sandbox } from "../../src/server.ts";
import { TokenSigner } from "../../src/signed-token.ts";

export interface Harness {
  sandbox: Sandbox;
  dataDir: string;
  /** A bearer token of the demo client (or of `clientId`/`secret`). */
  accessToken(client?: { clientId: string; clientSecret: string }, scope?: string): Promise<string>;
  /** Calls an operation and checks the answer against the spec; returns it with its body. */
  call(operationId: OperationId, pathAndQuery: string, init?: RequestInit): Promise<{ response: Response; body: Uint8Array; json(): any }>;
  /** Uploads `content` as the part `form`; returns the File JSON (with `include=links`). */
  upload(content: Uint8Array, fileName?: string, contentType?: string): Promise<any>;
  /** A signer with the sandbox's own key, to forge expired tokens. */
  signer(): Promise<TokenSigner>;
  restart(): Promise<void>;
  close(): Promise<void>;
}

export const uploadPath = endpoints.uploadFile.path;
export const apiVersionHeader = parameters.apiVersion.name;

export async function startHarness(options: SandboxOptions = {}, dataDir?: string): Promise<Harness> {
  const folder = dataDir ?? (await mkdtemp(join(tmpdir(), "lucca-sandbox-test-")));
  const start = (port = 0) => startSandbox({ port, ...options, dataDir: folder });
  let sandbox = await start();
  let cachedToken: string | undefined;

  const harness: Harness = {
    get sandbox() {
      return sandbox;
    },
    dataDir: folder,
    async accessToken(client = demoClient, scope) {
      if (client === demoClient && scope === undefined && cachedToken) return cachedToken;
      const form = new URLSearchParams({ grant_type: "client_credentials", client_id: client.clientId, client_secret: client.clientSecret });
      if (scope) form.set("scope", scope);
      const response = await fetch(sandbox.tokenUrl, { method: "POST", body: form });
      if (response.status !== 200) throw new Error(`token endpoint answered ${response.status}: ${await response.text()}`);
      const token = ((await response.json()) as { access_token: string }).access_token;
      if (client === demoClient && scope === undefined) cachedToken = token;
      return token;
    },
    async call(operationId, pathAndQuery, init = {}) {
      const url = pathAndQuery.startsWith("http") ? pathAndQuery : `${sandbox.url}${pathAndQuery}`;
      const response = await fetch(url, { redirect: "error", ...init });
      const body = await assertFetchResponseMatchesSpec(operationId, response, { method: init.method });
      return { response, body, json: () => JSON.parse(Buffer.from(body).toString("utf8")) };
    },
    async upload(content, fileName = "file.bin", contentType = "binary/octet-stream") {
      const form = new FormData();
      form.set("form", new Blob([new Uint8Array(content)], { type: contentType }), fileName);
      const { response, json } = await harness.call("uploadFile", `${uploadPath}?include=links`, {
        method: "POST",
        headers: await authHeaders(harness),
        body: form,
      });
      if (response.status !== 201) throw new Error(`upload answered ${response.status}: ${JSON.stringify(json())}`);
      return json();
    },
    async signer() {
      return new TokenSigner(await readFile(join(folder, "signing.key")));
    },
    async restart() {
      // Same port, so that the URLs handed out before the restart still point here.
      await sandbox.close();
      sandbox = await start(Number(new URL(sandbox.url).port));
    },
    async close() {
      await sandbox.close();
      if (!dataDir) await rm(folder, { recursive: true, force: true });
    },
  };
  return harness;
}

/** `Authorization` and `Api-Version`, the headers every API call needs. */
export async function authHeaders(harness: Harness, extra: Record<string, string> = {}): Promise<Record<string, string>> {
  return { Authorization: `Bearer ${await harness.accessToken()}`, [apiVersionHeader]: currentApiVersion, ...extra };
}
