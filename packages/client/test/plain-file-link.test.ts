import { describe, expect, it } from "vitest";
import { resolveFileTarget } from "../src/links/file-target.ts";
import { parseFileLink } from "../src/links/parse-file-link.ts";
import { readPlainFileLink } from "../src/links/plain-file-link.ts";

const id = "2face165-5345-4cf3-ab05-5421a6b19df2";
const base = "https://example.ilucca.net";
const client = { baseUrl: base, apiOrigin: base };
const onBase = (tail: string) => `${base}/lucca-api/files/${tail}`;
/** What `parseFileLink` reads of a link, without the link itself. */
const parsed = (href: string) => {
  const { href: _, ...link } = parseFileLink(href);
  return link;
};

describe("readPlainFileLink reads a link on the client's own API without a URL parser", () => {
  it.each([
    ["a link as the API hands it out", onBase(`${id}?token=eyJhbGciOi.eyJzdWIi.c2lnbmF0dXJl`), base],
    ["a link with other parameters around its token", onBase(`${id}?include=links&token=t_2~x&disposition=json`), base],
    ["a link under the base URL's path prefix", `http://127.0.0.1:4010/proxy/lucca-api/files/${id}?token=t`, "http://127.0.0.1:4010/proxy"],
    ["a base URL whose path contains the route itself", `${base}/lucca-api/files/x/lucca-api/files/${id}?token=t`, `${base}/lucca-api/files/x`],
  ])("%s, with the answer parseFileLink gives", (_rule, href, baseUrl) => {
    expect(readPlainFileLink(href, { baseUrl, apiOrigin: new URL(baseUrl).origin })).toEqual(parsed(href));
  });

  // Each of these is left to parseFileLink (undefined here), which reads it as a URL parser
  // does, or refuses it: a reader by hand would get it wrong.
  it.each([
    ["a link on another host", `https://other.ilucca.net/lucca-api/files/${id}?token=t`],
    ["a host that only begins like the base URL's", `${base}.evil.example/lucca-api/files/${id}?token=t`],
    ["a port that only begins like the base URL's", `${base}0/lucca-api/files/${id}?token=t`],
    ["a path that only begins like the base URL's prefix", `${base}x/lucca-api/files/${id}?token=t`],
    ["a host in upper case (the parser lowers it)", onBase(`${id}?token=t`).replace("example", "EXAMPLE")],
    ["an escaped id (the parser decodes it)", onBase(`${id.slice(0, -1)}%32?token=t`)],
    ["an escaped slash in the id", onBase(`a%2F..?token=t`)],
    ["a dot segment for an id", onBase(`..?token=t`)],
    ["a single dot for an id", onBase(`.?token=t`)],
    ["an escaped dot segment", onBase(`%2e%2e?token=t`)],
    ["a further path segment", onBase(`${id}/x?token=t`)],
    ["a backslash (a separator to the parser)", onBase(`${id}\\..?token=t`)],
    ["a tab in the id (the parser drops it)", onBase(`2face\t165?token=t`)],
    ["a fragment", onBase(`${id}?token=t#top`)],
    ["a `+` in the token (a space to URLSearchParams)", onBase(`${id}?token=a+b`)],
    ["an escape in the token", onBase(`${id}?token=a%3Db`)],
    ["an escaped parameter name", onBase(`${id}?%74oken=t`)],
    ["a bare `token` before a valued one (URLSearchParams takes the first: empty)", onBase(`${id}?token&token=t`)],
    ["an empty token", onBase(`${id}?token=`)],
    ["no token", onBase(`${id}?include=links`)],
    ["no query", onBase(id)],
    ["no id", onBase(`?token=t`)],
    ["a non-ASCII id", onBase(`é?token=t`)],
    ["credentials before the host", `https://user:pass@example.ilucca.net/lucca-api/files/${id}?token=t`],
  ])("leaves %s to parseFileLink", (_rule, href) => {
    expect(readPlainFileLink(href, client)).toBeUndefined();
  });

  it("whatever it reads, it reads as parseFileLink does (20,000 tails made of the characters that matter to a URL parser)", () => {
    // A fixed seed: the same tails on every run.
    let seed = 12;
    const random = (below: number) => ((seed ^= seed << 13), (seed ^= seed >>> 17), (seed ^= seed << 5), (seed >>> 0) % below);
    const pieces = ["a", "Z", "9", "-", ".", "_", "~", "%2e", "%2F", "%", "/", "\\", "?", "&", "=", "#", "+", "\t", "@", ":", "é", "token", "token=", "..", id];
    const some = (most: number) => Array.from({ length: random(most + 1) }, () => pieces[random(pieces.length)]).join("");
    let read = 0;
    for (let i = 0; i < 20_000; i++) {
      const href = onBase(`${some(3)}?${some(2)}${random(2) ? "&token=" : ""}${some(3)}`);
      const plain = readPlainFileLink(href, client);
      if (!plain) continue;
      read++;
      expect(plain, href).toEqual(parsed(href));
    }
    expect(read, "tails read without a URL parser").toBeGreaterThan(100);
  });

  it("a token parameter is found among others by its whole name only", () => {
    const href = onBase(`${id}?tokens=x&a=token&token=t=u`);
    expect(readPlainFileLink(href, client)).toMatchObject({ token: "t=u" });
    expect(parseFileLink(href)).toMatchObject({ token: "t=u" });
  });

  it("a base URL with credentials in it reads no link (parseFileLink's base URL drops them)", () => {
    const withCredentials = { baseUrl: "https://u:p@example.ilucca.net", apiOrigin: base };
    expect(readPlainFileLink(`https://u:p@example.ilucca.net/lucca-api/files/${id}?token=t`, withCredentials)).toBeUndefined();
  });
});

describe("resolveFileTarget reads a link by hand where the platform can, else parses it", () => {
  const onNode = { ...client, readPlainLink: readPlainFileLink };
  it.each([
    ["a link on the client's base URL", onBase(`${id}?token=t`)],
    ["a link on another host keeps its own base URL (the transport sends it no bearer token)", `https://other.example/p/lucca-api/files/${id}?token=t`],
    ["an escaped id is decoded as the URL parser does", onBase(`2face165%2D5345?token=t`)],
  ])("%s", (_rule, href) => {
    expect(resolveFileTarget(href, onNode)).toMatchObject(parsed(href));
    expect(resolveFileTarget(href, client)).toMatchObject(parsed(href));
  });

  it("asks the platform's reader first and takes what it reads", () => {
    const read: string[] = [];
    const marked = { id: "read-by-hand", token: "t", baseUrl: base };
    const spying = { ...client, readPlainLink: (href: string) => (read.push(href), marked) };
    expect(resolveFileTarget(onBase(`${id}?token=t`), spying)).toMatchObject({ id: "read-by-hand" });
    expect(read).toEqual([onBase(`${id}?token=t`)]);
  });
});
