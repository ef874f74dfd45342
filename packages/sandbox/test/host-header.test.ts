import { hostname, networkInterfaces } from "node:os";
import { parameters, responseHeaders } from "@lucca-api/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listenedHostNames } from "../src/http/host-names.ts";
import { resolveOptions } from "../src/options.ts";
import { rawRequest } from "./support/http-request.ts";
import { filePart, multipartBody, multipartContentType } from "./support/multipart.ts";
import { authHeaders, startHarness, uploadPath, type Harness } from "./support/sandbox.ts";

const body = () => multipartBody([{ name: filePart, filename: "a.txt", contentType: "text/plain", content: "a" }]);

/** An upload with `Host` set by hand (fetch will not send one), answer checked against the spec. */
async function uploadWithHost(harness: Harness, host: string) {
  return rawRequest("uploadFile", `${harness.sandbox.url}${uploadPath}?include=links`, {
    method: "POST",
    headers: await authHeaders(harness, { "Content-Type": multipartContentType, Host: host }),
    body: body(),
  });
}

describe("without a public URL, only the host names the sandbox listens for are answered", () => {
  let harness: Harness;
  let port: string;
  beforeAll(async () => {
    harness = await startHarness({ rateLimitPerMinute: 1000 });
    port = new URL(harness.sandbox.url).port;
  });
  afterAll(() => harness.close());

  it.each(["evil.example", "127.0.0.1.evil.example", "localhost@evil.example", "evil.example:80/x"])(
    "Host %s gets 400 naming the Host and the fix, and nothing is stored",
    async (name) => {
      const answer = await uploadWithHost(harness, name.includes(":") ? name : `${name}:${port}`);
      expect(answer.status).toBe(400);
      expect(Object.keys(answer.json().errors)).toEqual(["Host"]);
      expect(answer.json().detail).toContain("SANDBOX_PUBLIC_URL");
      expect(answer.body.toString()).not.toMatch(/"url"|Location/);
    },
  );

  it.each(["127.0.0.1", "localhost", "files.localhost", "LOCALHOST"])("Host %s is answered, and the links carry it", async (name) => {
    const answer = await uploadWithHost(harness, `${name}:${port}`);
    expect(answer.status).toBe(201);
    const origin = `http://${name.toLowerCase()}:${port}`;
    expect(answer.json().url.startsWith(`${origin}${uploadPath}/`)).toBe(true);
    expect(answer.json().links.self.href.startsWith(`${origin}${uploadPath}/`)).toBe(true);
    expect(answer.headers.location).toBe(answer.json().url);
  });

  it("the token endpoint and the docs check Host too", async () => {
    const answer = await rawRequest(undefined, harness.sandbox.tokenUrl, { method: "POST", headers: { Host: "evil.example" } });
    expect(answer.status).toBe(400);
  });
});

describe("with a public URL, links are built from it whatever Host came", () => {
  const publicUrl = "https://files.example.test";
  let harness: Harness;
  beforeAll(async () => {
    harness = await startHarness({ rateLimitPerMinute: 1000, publicUrl });
  });
  afterAll(() => harness.close());

  it.each(["files.example.test", new URL("http://127.0.0.1").host])("Host %s gets links on the public URL", async (host) => {
    const answer = await uploadWithHost(harness, host);
    expect(answer.status).toBe(201);
    expect(answer.headers[responseHeaders.location.toLowerCase()]).toBe(`${publicUrl}${uploadPath}/${answer.json().id}`);
    expect(answer.json().links.self.href).toMatch(new RegExp(`^${publicUrl}${uploadPath}/[0-9a-f-]{36}\\?${parameters.fileToken.name}=`));
  });

  it("another Host is still refused (400)", async () => {
    expect((await uploadWithHost(harness, "evil.example")).status).toBe(400);
  });
});

describe("publicUrl must be an origin", () => {
  it.each(["files.example.test", "ftp://files.example.test", "https://files.example.test/api", "https://user:pw@files.example.test", "https://files.example.test/?a=1"])(
    "%s is refused, naming the option and an example",
    (publicUrl) => {
      expect(() => resolveOptions({ publicUrl })).toThrowError(/SandboxOptions\.publicUrl .* must be an http\(s\) origin.*e\.g\. https:\/\//);
    },
  );

  it("a trailing slash is dropped", () => {
    expect(resolveOptions({ publicUrl: "https://files.example.test:8443/" }).publicUrl).toBe("https://files.example.test:8443");
  });
});

describe("the host names a listening address is reached by", () => {
  const interfaceAddresses = Object.values(networkInterfaces()).flatMap((list) => (list ?? []).map(({ address }) => (address.includes(":") ? `[${address}]` : address)));

  it.each<[string, string, string | undefined, string[], string[]]>([
    ["loopback: the loopback names", "127.0.0.1", undefined, ["127.0.0.1", "localhost", "[::1]"], []],
    ["IPv6 loopback: the same", "::1", undefined, ["[::1]", "localhost", "127.0.0.1"], []],
    ["every interface: the loopback names, the machine's name and every interface address", "0.0.0.0", undefined, ["localhost", hostname().toLowerCase(), ...interfaceAddresses], []],
    ["one address: that address only, plus the public URL's name", "192.0.2.10", "https://files.example.test", ["192.0.2.10", "files.example.test"], ["localhost"]],
  ])("%s", (_rule, listenHost, publicUrl, accepted, refused) => {
    const names = listenedHostNames(listenHost, publicUrl);
    for (const name of accepted) expect(names).toContain(name);
    for (const name of refused) expect(names).not.toContain(name);
  });
});
