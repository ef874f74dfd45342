/**
 * A real sandbox on 127.0.0.1 (port 0) over a fresh data folder, for running the samples
 * against, with the demo client's credentials in the environment variables the samples read.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { demoClient, startSandbox, type Sandbox } from "@lucca-api/sandbox";
import { currentApiVersion, endpoints, parameters } from "@lucca-api/types";

export interface SampleSandbox {
  sandbox: Sandbox;
  /** LUCCA_BASE_URL, LUCCA_CLIENT_ID, LUCCA_CLIENT_SECRET and LUCCA_TOKEN_URL, as the samples read them. */
  clientEnv: Record<string, string>;
  /** A bearer token of the demo client, from the sandbox's token endpoint. */
  accessToken(): Promise<string>;
  /** Uploads `bytes` as the part `form` with `include=links`, without the client; returns the File JSON. */
  upload(bytes: Uint8Array, fileName: string, contentType: string): Promise<any>;
  /** `GET`s a file's link href as JSON, without the client. */
  read(href: string): Promise<Response>;
  close(): Promise<void>;
}

export async function startSampleSandbox(): Promise<SampleSandbox> {
  const dataDir = await mkdtemp(path.join(tmpdir(), "docs-samples-data-"));
  const sandbox = await startSandbox({ port: 0, dataDir });
  let token: string | undefined;

  async function accessToken(): Promise<string> {
    if (token) return token;
    const form = new URLSearchParams({
      grant_type: "client_credentials",
      client_id: demoClient.clientId,
      client_secret: demoClient.clientSecret,
    });
    const response = await fetch(sandbox.tokenUrl, { method: "POST", body: form });
    if (response.status !== 200) throw new Error(`the sandbox's token endpoint answered ${response.status}`);
    token = ((await response.json()) as { access_token: string }).access_token;
    return token;
  }

  async function headers(): Promise<Record<string, string>> {
    return { authorization: `Bearer ${await accessToken()}`, [parameters.apiVersion.name]: currentApiVersion };
  }

  return {
    sandbox,
    clientEnv: {
      LUCCA_BASE_URL: sandbox.url,
      LUCCA_CLIENT_ID: demoClient.clientId,
      LUCCA_CLIENT_SECRET: demoClient.clientSecret,
      LUCCA_TOKEN_URL: sandbox.tokenUrl,
    },
    accessToken,
    async upload(bytes, fileName, contentType) {
      const body = new FormData();
      body.set("form", new Blob([bytes as BlobPart], { type: contentType }), fileName);
      const response = await fetch(`${sandbox.url}${endpoints.uploadFile.path}?${parameters.include.name}=links`, {
        method: endpoints.uploadFile.method,
        headers: await headers(),
        body,
      });
      if (response.status !== 201) throw new Error(`the sandbox refused the fixture upload: ${response.status} ${await response.text()}`);
      return response.json();
    },
    async read(href) {
      return fetch(href, { headers: await headers() });
    },
    async close() {
      await sandbox.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
