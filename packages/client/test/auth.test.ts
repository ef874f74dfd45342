import { inspect } from "node:util";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createClientCredentialsProvider } from "../src/auth/client-credentials-provider.ts";
import { defaultRetryPolicy } from "../src/core/backoff.ts";
import { startQueuedDeadline } from "../src/core/deadline.ts";
import { createRedactingLogger } from "../src/core/logger.ts";
import { clientCredentials } from "../src/client-credentials.ts";
import { oauth2 } from "@lucca-api/types";
import { AuthenticationError, createLuccaFilesClient, isAbortError, isConnectionError, isTokenError, requestAccessToken, TokenError } from "../src/index.ts";
import { fastClient, linkOn, recordingLogger } from "./helpers/clients.ts";
import { fileBody, json, problem, startFaultServer, type FaultServer } from "./helpers/fault-server.ts";
import { demoClient as sandboxDemoClient, recordingFetch, startCountingTokenProxy, startTestSandbox, type TestSandbox } from "./helpers/sandbox.ts";

/** The sandbox's demo client, as client credentials (all scopes by default). */
const demoClient = { clientId: sandboxDemoClient.clientId, clientSecret: sandboxDemoClient.clientSecret };
let sandbox: TestSandbox;
let link: string;
beforeAll(async () => {
  sandbox = await startTestSandbox();
  link = (await sandbox.client().uploadFile(new Blob(["x"]), { fileName: "x.txt" })).file.links!.self!.href;
});
afterAll(() => sandbox?.close());

let proxy: Awaited<ReturnType<typeof startCountingTokenProxy>> | undefined;
let server: FaultServer | undefined;
afterEach(async () => {
  await proxy?.close();
  await server?.close();
  proxy = server = undefined;
});

describe("OAuth 2 client credentials against the sandbox's token endpoint", () => {
  it("100 parallel calls on a cold client make exactly one token request", async () => {
    proxy = await startCountingTokenProxy(sandbox.tokenUrl);
    const client = sandbox.client({ auth: { ...demoClient, tokenUrl: proxy.url } });
    const results = await Promise.all(Array.from({ length: 100 }, () => client.getFile(link)));
    expect(results.every((result) => result.modified)).toBe(true);
    expect(proxy.count).toBe(1);
  });

  it("the token is reused until shortly before it expires, then renewed", async () => {
    proxy = await startCountingTokenProxy(sandbox.tokenUrl);
    let clock = 0;
    const provider = createClientCredentialsProvider(
      { ...demoClient, tokenUrl: proxy.url },
      { fetch, policy: defaultRetryPolicy, timeout: 10_000, logger: createRedactingLogger(undefined, () => []), now: () => clock, startDeadline: startQueuedDeadline },
    );
    const first = await provider.getToken();
    clock = 1_800_000 - 60_001; // the sandbox's 1800 s token, one minute and a millisecond before expiry
    expect(await provider.getToken()).toBe(first);
    expect(proxy.count).toBe(1);
    clock = 1_800_000 - 60_000; // within the last minute: renewed
    await provider.getToken();
    expect(proxy.count).toBe(2);
  });

  it("wrong credentials become a TokenError with the endpoint's error and error_description", async () => {
    const client = sandbox.client({ auth: { clientId: "demo", clientSecret: "wrong-secret-value", tokenUrl: sandbox.tokenUrl } });
    const error = await client.getFile(link).catch((e) => e);
    expect(isTokenError(error)).toBe(true);
    expect(error).toBeInstanceOf(TokenError);
    expect(error.error).toBe("invalid_client");
    expect(typeof error.errorDescription).toBe("string");
    expect(error.message).toMatch(/answered 401 invalid_client.*Check `auth.clientId` and `auth.clientSecret`\./);
  });

  it("the secret appears nowhere: not in the error (message, stack, JSON, inspect), the client, nor the logs", async () => {
    const secret = "wrong-secret-value";
    const { lines, logger } = recordingLogger();
    const client = sandbox.client({ auth: { clientId: "demo", clientSecret: secret, tokenUrl: sandbox.tokenUrl }, logger });
    const error = await client.getFile(link).catch((e) => e);
    for (const text of [error.message, error.stack, JSON.stringify(error), inspect(error, { depth: 10, showHidden: true }), inspect(client, { depth: 10 }), lines.join("\n")]) {
      expect(text).not.toContain(secret);
    }
    expect(Object.values(error).join(" ")).not.toContain(secret);
  });

  it("access tokens and file tokens are redacted from the logs", async () => {
    const { lines, logger } = recordingLogger();
    const client = sandbox.client({ logger });
    await client.getFile(link);
    const log = lines.join("\n");
    expect(log).toContain("token=[redacted]");
    expect(log).not.toContain(client.parseFileLink(link).token);
    expect(log).not.toMatch(/eyJ[\w-]+\.[\w-]+\.[\w-]+/);
  });

  it("a 401 with an access-token function asks for a new token and retries once", async () => {
    const tokens = ["revoked-token", await demoToken()];
    const client = createLuccaFilesClient({ baseUrl: sandbox.url, auth: { accessToken: () => tokens.shift()! } });
    expect((await client.getFile(link)).modified).toBe(true);
    expect(tokens).toHaveLength(0);
  });

  it("a fixed access token that gets a 401 fails with AuthenticationError (no retry can help)", async () => {
    const client = createLuccaFilesClient({ baseUrl: sandbox.url, auth: { accessToken: "revoked-token" } });
    const error = await client.getFile(link).catch((e) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error.message).toMatch(/^401 .*Check the `auth` option/);
  });
});

describe("faults of the token dance, through a scripted server", () => {
  it("a 401 drops the cached token: one new token request, one retry, success", async () => {
    let issued = 0;
    server = await startFaultServer((req, res) => {
      if (req.url.startsWith("/connect/token")) return json(res, 200, { access_token: `token-${++issued}`, token_type: "Bearer", expires_in: 1800 });
      if (req.headers.authorization === "Bearer token-1") return json(res, 401, problem(401, "Expired"));
      json(res, 200, fileBody(server!.url));
    });
    const client = fastClient(server.url, { auth: { clientId: "c", clientSecret: "s", tokenUrl: `${server.url}/connect/token` } });
    expect((await client.getFile(linkOn(server.url))).modified).toBe(true);
    expect(issued).toBe(2);
    expect(server.requests.filter((r) => !r.url.startsWith("/connect/token")).map((r) => r.headers.authorization)).toEqual(["Bearer token-1", "Bearer token-2"]);
  });

  it.each([
    ["a Blob upload is re-sent once with a fresh token", () => new Blob(["hello"]), { uploads: 2, tokens: 2, fails: false }],
    ["a stream upload cannot be re-sent: AuthenticationError, sent once", () => new Blob(["hello"]).stream(), { uploads: 1, tokens: 1, fails: true }],
  ])("after a 401, %s", async (_rule, source, want) => {
    let issued = 0;
    server = await startFaultServer((req, res) => {
      if (req.url.startsWith("/connect/token")) return json(res, 200, { access_token: `token-${++issued}`, token_type: "Bearer", expires_in: 1800 });
      if (req.headers.authorization === "Bearer token-1") return json(res, 401, problem(401, "Expired"));
      json(res, 201, fileBody(server!.url));
    });
    const client = fastClient(server.url, { auth: { clientId: "c", clientSecret: "s", tokenUrl: `${server.url}/connect/token` } });
    const result = await client.uploadFile(source(), { fileName: "a.txt" }).catch((e) => e);
    expect(result instanceof AuthenticationError).toBe(want.fails);
    expect(issued).toBe(want.tokens);
    const uploads = server.requests.filter((r) => !r.url.startsWith("/connect/token"));
    expect(uploads).toHaveLength(want.uploads);
    expect(uploads.every((r) => r.bodyBytes > 5)).toBe(true);
  });

  it("a caller that aborts while the shared token request runs leaves it to the others: still one token request", async () => {
    let tokenRequests = 0;
    // The token answer waits for the caller to have left (not for a delay that load could outlast).
    let callerLeft = () => {};
    const left = new Promise<void>((resolve) => (callerLeft = resolve));
    server = await startFaultServer((req, res) => {
      if (!req.url.startsWith("/connect/token")) return json(res, 200, fileBody(server!.url));
      tokenRequests++;
      void left.then(() => json(res, 200, { access_token: "shared-token", token_type: "Bearer", expires_in: 1800 }));
    });
    const client = fastClient(server.url, { auth: { clientId: "c", clientSecret: "s", tokenUrl: `${server.url}/connect/token` } });
    const leaving = new AbortController();
    const calls = Array.from({ length: 10 }, (_, i) => client.getFile(linkOn(server!.url), i === 0 ? { signal: leaving.signal } : {}).catch((e) => e));
    await vi.waitFor(() => expect(tokenRequests).toBe(1));
    leaving.abort(new Error("user left"));
    callerLeft();
    const [aborted, ...others] = await Promise.all(calls);
    expect(isAbortError(aborted)).toBe(true);
    expect(others.map((result) => result.modified)).toEqual(Array(9).fill(true));
    expect(tokenRequests).toBe(1);
    expect(server.requests.filter((r) => !r.url.startsWith("/connect/token")).every((r) => r.headers.authorization === "Bearer shared-token")).toBe(true);
  });

  it("a long-running client remembers only its recent tokens for redaction, not every token it ever had", async () => {
    let issued = 0;
    server = await startFaultServer((_req, res) => json(res, 200, { access_token: `token-${++issued}`, token_type: "Bearer", expires_in: 60 }));
    let clock = 0;
    const provider = createClientCredentialsProvider(
      { clientId: "c", clientSecret: "s", tokenUrl: `${server.url}/connect/token` },
      { fetch, policy: defaultRetryPolicy, timeout: 10_000, logger: createRedactingLogger(undefined, () => []), now: () => clock, startDeadline: startQueuedDeadline },
    );
    for (let i = 0; i < 50; i++, clock += 60_000) await provider.getToken();
    const secrets = [...provider.secrets()];
    expect(issued).toBe(50);
    expect(secrets).toContain("s");
    expect(secrets).toContain("token-50");
    expect(secrets.length).toBeLessThanOrEqual(9);
  });

  it("a token endpoint that is down is retried, then succeeds", async () => {
    server = await startFaultServer((req, res, i) => {
      if (req.url.startsWith("/connect/token")) return i === 0 ? json(res, 503, { error: "temporarily_unavailable" }) : json(res, 200, { access_token: "t", expires_in: 60 });
      json(res, 200, fileBody(server!.url));
    });
    const client = fastClient(server.url, { auth: { clientId: "c", clientSecret: "s", tokenUrl: `${server.url}/connect/token` } });
    expect((await client.getFile(linkOn(server.url))).modified).toBe(true);
  });

  it("a token endpoint error without an RFC 6749 body still gives a TokenError naming the status", async () => {
    server = await startFaultServer((_req, res) => {
      res.writeHead(400, { "Content-Type": "text/html" });
      res.end("<h1>Bad</h1>");
    });
    const error = await fastClient(server.url, { auth: { clientId: "c", clientSecret: "s", tokenUrl: `${server.url}/connect/token` } }).getFile(linkOn(server.url)).catch((e) => e);
    expect(error).toBeInstanceOf(TokenError);
    expect(error.error).toBe("http_400");
  });

  it.each([
    ["a metadata read", (client: ReturnType<TestSandbox["client"]>, href: string) => client.getFile(href)],
    ["a download", async (client: ReturnType<TestSandbox["client"]>, href: string) => (await client.downloadFile(href)).bytes()],
  ])("the bearer token goes only to the configured origin: %s of a link on another host never receives it", async (_what, call) => {
    server = await startFaultServer((_req, res) => json(res, 200, fileBody(server!.url)));
    const client = sandbox.client();
    await call(client, link);
    await call(client, linkOn(server.url));
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]!.headers.authorization).toBeUndefined();
  });

  it("a token endpoint that redirects gets no second request: the secret never reaches the other host", async () => {
    const elsewhere = await startFaultServer((_req, res) => json(res, 200, { access_token: "t", expires_in: 60 }));
    try {
      server = await startFaultServer((_req, res) => {
        res.writeHead(307, { Location: `${elsewhere.url}/connect/token` });
        res.end();
      });
      const client = fastClient(server.url, { auth: { clientId: "c", clientSecret: "the-secret", tokenUrl: `${server.url}/connect/token` }, retry: { maxRetries: 0 } });
      const error = await client.getFile(linkOn(server.url)).catch((e) => e);
      expect(isConnectionError(error)).toBe(true);
      expect(elsewhere.requests).toHaveLength(0);
      expect(server.requests.map((r) => r.url)).toEqual(["/connect/token"]);
    } finally {
      await elsewhere.close();
    }
  });
});

describe("a token request's failures name the token URL, and a local API wants a local one", () => {
  it("a token endpoint that drops the connection: the ConnectionError names auth.tokenUrl, not the base URL", async () => {
    server = await startFaultServer((_req, res) => void res.socket?.destroy());
    const tokenUrl = `${server.url}/connect/token`;
    const error = await fastClient(sandbox.url, { auth: { ...demoClient, tokenUrl }, retry: { maxRetries: 0 } }).getFile(link).catch((e) => e);
    expect(isConnectionError(error)).toBe(true);
    expect(error.message).toMatch(new RegExp(`^POST ${tokenUrl} got no answer; check the token URL \\(auth\\.tokenUrl\\) and the network \\(.+\\)\\.$`));
  });

  it("requestAccessToken's says tokenUrl", async () => {
    server = await startFaultServer((_req, res) => void res.socket?.destroy());
    const error = await requestAccessToken({ ...demoClient, tokenUrl: `${server.url}/connect/token` }).catch((e) => e);
    expect(isConnectionError(error)).toBe(true);
    expect(error.message).toContain("got no answer; check the token URL (tokenUrl) and the network");
  });

  it.each([
    ["127.0.0.1", (url: string) => url],
    ["localhost", (url: string) => url.replace("127.0.0.1", "localhost")],
  ])("a baseUrl on %s with the token URL left out is refused at creation, naming the sandbox's token URL; nothing is sent", (_name, local) => {
    const { calls, fetch } = recordingFetch();
    const baseUrl = local(sandbox.url);
    const create = () => createLuccaFilesClient({ baseUrl, auth: demoClient, fetch });
    expect(create).toThrowError(
      `auth.tokenUrl: is left out while baseUrl is local (${baseUrl}), so the client secret would go to Lucca's ${oauth2.tokenUrl}; pass the local server's, e.g. tokenUrl: '${local(sandbox.tokenUrl)}' for the sandbox (or tokenUrl: '${oauth2.tokenUrl}' to mean Lucca's).`,
    );
    expect(calls).toHaveLength(0);
  });

  it("Lucca's token URL given explicitly is taken with a local baseUrl (a local proxy to Lucca)", () => {
    expect(() => createLuccaFilesClient({ baseUrl: sandbox.url, auth: { ...demoClient, tokenUrl: oauth2.tokenUrl } })).not.toThrow();
  });

  it("a baseUrl that is not local keeps the spec's token URL as the default", () => {
    expect(() => createLuccaFilesClient({ baseUrl: "https://example.ilucca.net", auth: demoClient })).not.toThrow();
  });
});

describe("neither the client secret nor the access token shows in any error, whatever failed", () => {
  const secret = "the-client-secret-value";
  const accessToken = "the-access-token-value";
  const issue = (res: import("node:http").ServerResponse) => json(res, 200, { access_token: accessToken, token_type: "Bearer", expires_in: 1800 });
  it.each([
    ["the API refuses the token (AuthenticationError)", (req: { url: string }, res: import("node:http").ServerResponse) => (req.url.startsWith("/connect/token") ? issue(res) : json(res, 401, problem(401, "Unauthorized")))],
    ["the API drops the connection (ConnectionError)", (req: { url: string }, res: import("node:http").ServerResponse) => (req.url.startsWith("/connect/token") ? issue(res) : void res.socket?.destroy())],
    ["the token endpoint drops the connection (ConnectionError)", (_req: { url: string }, res: import("node:http").ServerResponse) => void res.socket?.destroy()],
    ["the token endpoint answers without a token (InvalidResponseError)", (_req: { url: string }, res: import("node:http").ServerResponse) => json(res, 200, { token_type: "Bearer" })],
    ["the API answers malformed JSON (InvalidResponseError)", (req: { url: string }, res: import("node:http").ServerResponse) => (req.url.startsWith("/connect/token") ? issue(res) : (res.writeHead(200, { "Content-Type": "application/json" }), res.end("{oops")))],
  ])("%s", async (_what, script) => {
    server = await startFaultServer(script);
    const { lines, logger } = recordingLogger();
    const client = fastClient(server.url, { auth: { clientId: "c", clientSecret: secret, tokenUrl: `${server.url}/connect/token` }, logger, retry: { maxRetries: 1, baseDelay: 1 } });
    const error = await client.getFile(linkOn(server.url)).catch((e) => e);
    expect(error).toBeInstanceOf(Error);
    const texts = [error.message, error.stack, JSON.stringify(error), inspect(error, { depth: 20, showHidden: true }), Object.values(error).map(String).join(" "), lines.join("\n")];
    for (const text of texts) {
      expect(text).not.toContain(secret);
      expect(text).not.toContain(accessToken);
    }
  });
});

describe("nor in what a typed call hands back", () => {
  /** Every object reachable from `root` through own properties, symbols included (not what a closure holds). */
  const reachable = (root: object): object[] => {
    const seen = new Set<object>();
    const visit = (value: unknown, depth: number) => {
      if (value === null || (typeof value !== "object" && typeof value !== "function") || seen.has(value) || depth > 8) return;
      seen.add(value);
      for (const key of Reflect.ownKeys(value)) {
        const descriptor = Reflect.getOwnPropertyDescriptor(value, key);
        if (descriptor && "value" in descriptor) visit(descriptor.value, depth + 1);
      }
    };
    visit(root, 0);
    return [...seen];
  };

  it("the Response of a file's content, as a middleware and the caller get it, reaches neither the token provider nor the client secret", async () => {
    const client = sandbox.client();
    const seen: Response[] = [];
    client.use({ onResponse: ({ response }) => void seen.push(response) });
    const { id, token } = client.parseFileLink(link);
    const { response } = await client.GET("/lucca-api/files/{id}", { params: { path: { id }, query: { token, disposition: "attachment" } }, parseAs: "stream" });
    for (const answer of [response, ...seen]) {
      const objects = reachable(answer);
      expect(objects.filter((object) => "secrets" in object || "getToken" in object)).toEqual([]);
      expect(inspect(answer, { depth: 20, showHidden: true })).not.toContain(demoClient.clientSecret);
    }
    await response.body?.cancel();
  });
});

describe("an access-token function that fails is the caller's to fix", () => {
  it.each([
    ["a throwing function gives InvalidInputError with its error as cause, sent nowhere", () => Promise.reject(new Error("vault down")), /^auth\.accessToken: the function threw \(vault down\); fix it to return the access token\.$/],
    ["an empty token is refused", () => "", /^auth\.accessToken: the function must return a non-empty string\.$/],
  ])("%s", async (_rule, accessToken, message) => {
    server = await startFaultServer((_req, res) => json(res, 200, fileBody(server!.url)));
    const error = await fastClient(server.url, { auth: { accessToken } }).getFile(linkOn(server.url)).catch((e) => e);
    expect(error.message).toMatch(message);
    expect(server.requests).toHaveLength(0);
  });
});

describe("a client secret in a browser is refused unless allowed", () => {
  /** Runs `check` where the client sees a page: a document, no Node `process`. */
  const inAPage = (check: () => void) => {
    const scope = globalThis as { document?: unknown; process?: unknown };
    const saved = scope.process;
    try {
      scope.document = {};
      Object.defineProperty(globalThis, "process", { value: undefined, configurable: true, writable: true });
      check();
    } finally {
      Object.defineProperty(globalThis, "process", { value: saved, configurable: true, writable: true });
      delete scope.document;
    }
  };

  it("with a document (a page), the secret is refused naming the opt-in", () => {
    inAPage(() => {
      expect(() => createLuccaFilesClient({ baseUrl: sandbox.url, auth: demoClient })).toThrowError(/auth.clientSecret: a client secret in a browser is readable by anyone.*dangerouslyAllowBrowser: true/);
      expect(() => createLuccaFilesClient({ baseUrl: sandbox.url, auth: { ...demoClient, tokenUrl: sandbox.tokenUrl }, dangerouslyAllowBrowser: true })).not.toThrow();
      expect(() => createLuccaFilesClient({ baseUrl: sandbox.url, auth: { accessToken: "t" } })).not.toThrow();
    });
  });

  it("the browser entry has no client-credentials grant: plain credentials are refused even with the opt-in, naming the import that brings it", async () => {
    const browser = await import("../src/browser.ts");
    expect(() => browser.createLuccaFilesClient({ baseUrl: sandbox.url, auth: demoClient, dangerouslyAllowBrowser: true })).toThrowError(
      /^auth\.clientSecret: a client secret in a browser is readable by anyone who opens the page; get an access token on your server and pass `auth: \{ accessToken \}` \(for a local sandbox only: clientCredentials\(\) of @lucca-api\/client\/client-credentials, with dangerouslyAllowBrowser: true\)\.$/,
    );
  });

  it("clientCredentials() brings the grant to the browser entry, still behind the opt-in in a page", async () => {
    const browser = await import("../src/browser.ts");
    inAPage(() => {
      expect(() => browser.createLuccaFilesClient({ baseUrl: sandbox.url, auth: clientCredentials(demoClient) })).toThrowError(/dangerouslyAllowBrowser: true\)\.$/);
    });
    const client = browser.createLuccaFilesClient({ baseUrl: sandbox.url, auth: clientCredentials({ ...demoClient, tokenUrl: sandbox.tokenUrl }) });
    expect((await client.getFile(link)).modified).toBe(true);
  });

  it("clientCredentials() checks its fields like plain credentials, never echoing the secret", async () => {
    const browser = await import("../src/browser.ts");
    expect(() => browser.createLuccaFilesClient({ baseUrl: sandbox.url, auth: clientCredentials({ clientId: "c", clientSecret: "" }) })).toThrowError(/^auth\.clientSecret: must be a non-empty string\.$/);
    expect(() => browser.createLuccaFilesClient({ baseUrl: sandbox.url, auth: clientCredentials({ clientId: "c", clientSecret: "s", tokenUrl: "/t" }) })).toThrowError(/^auth\.tokenUrl: '\/t' is not an absolute URL/);
  });
});

async function demoToken(): Promise<string> {
  const body = new URLSearchParams({ grant_type: "client_credentials", client_id: demoClient.clientId, client_secret: demoClient.clientSecret, scope: sandboxDemoClient.scopes.join(" ") });
  const answer = await fetch(sandbox.tokenUrl, { method: "POST", body });
  return ((await answer.json()) as { access_token: string }).access_token;
}
