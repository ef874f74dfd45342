import { fileTokenParameter, retrieveFileRoute } from "@lucca-api/types";
import { describe, expect, it } from "vitest";
import { resolveFileTarget } from "../src/links/file-target.ts";
import { parseFileLink } from "../src/links/parse-file-link.ts";
import { readPlainFileLink } from "../src/links/plain-file-link.ts";

/** The spec's file path up to the id (`/lucca-api/files/`), and the name of a link's token. */
const filesPath = retrieveFileRoute.path.slice(0, retrieveFileRoute.path.indexOf("{"));
const tokenName = fileTokenParameter.name;
const id = "2face165-5345-4cf3-ab05-5421a6b19df2";
const base = "https://example.ilucca.net";
const client = { baseUrl: base, apiOrigin: base };
const onBase = (tail: string) => `${base}${filesPath}${tail}`;
/** What `parseFileLink` reads of a link, without the link itself. */
const parsed = (href: string) => {
  const { href: _, ...link } = parseFileLink(href);
  return link;
};

describe("readPlainFileLink reads a link on the client's own API without a URL parser", () => {
  it.each([
    ["a link as the API hands it out", onBase(`${id}?${tokenName}=eyJhbGciOi.eyJzdWIi.c2lnbmF0dXJl`), base],
    ["a link with other parameters around its token", onBase(`${id}?include=links&${tokenName}=t_2~x&disposition=json`), base],
    ["a link under the base URL's path prefix", `http://127.0.0.1:4010/proxy${filesPath}${id}?${tokenName}=t`, "http://127.0.0.1:4010/proxy"],
    ["a base URL whose path contains the route itself", `${base}${filesPath}x${filesPath}${id}?${tokenName}=t`, `${base}${filesPath}x`],
  ])("%s, with the answer parseFileLink gives", (_rule, href, baseUrl) => {
    expect(readPlainFileLink(href, { baseUrl, apiOrigin: new URL(baseUrl).origin })).toEqual(parsed(href));
  });

  // Each of these is left to parseFileLink (undefined here), which reads it as a URL parser
  // does, or refuses it: a reader by hand would get it wrong.
  it.each([
    ["a link on another host", `https://other.ilucca.net${filesPath}${id}?${tokenName}=t`],
    ["a host that only begins like the base URL's", `${base}.evil.example${filesPath}${id}?${tokenName}=t`],
    ["a port that only begins like the base URL's", `${base}0${filesPath}${id}?${tokenName}=t`],
    ["a path that only begins like the base URL's prefix", `${base}x${filesPath}${id}?${tokenName}=t`],
    ["a host in upper case (the parser lowers it)", onBase(`${id}?${tokenName}=t`).replace("example", "EXAMPLE")],
    ["an escaped id (the parser decodes it)", onBase(`${id.slice(0, -1)}%32?${tokenName}=t`)],
    ["an escaped slash in the id", onBase(`a%2F..?${tokenName}=t`)],
    ["a dot segment for an id", onBase(`..?${tokenName}=t`)],
    ["a single dot for an id", onBase(`.?${tokenName}=t`)],
    ["an escaped dot segment", onBase(`%2e%2e?${tokenName}=t`)],
    ["a further path segment", onBase(`${id}/x?${tokenName}=t`)],
    ["a backslash (a separator to the parser)", onBase(`${id}\\..?${tokenName}=t`)],
    ["a tab in the id (the parser drops it)", onBase(`2face\t165?${tokenName}=t`)],
    ["a fragment", onBase(`${id}?${tokenName}=t#top`)],
    ["a `+` in the token (a space to URLSearchParams)", onBase(`${id}?${tokenName}=a+b`)],
    ["an escape in the token", onBase(`${id}?${tokenName}=a%3Db`)],
    ["an escaped parameter name", onBase(`${id}?%74oken=t`)],
    ["a bare `token` before a valued one (URLSearchParams takes the first: empty)", onBase(`${id}?token&${tokenName}=t`)],
    ["an empty token", onBase(`${id}?${tokenName}=`)],
    ["no token", onBase(`${id}?include=links`)],
    ["no query", onBase(id)],
    ["no id", onBase(`?${tokenName}=t`)],
    ["a non-ASCII id", onBase(`é?${tokenName}=t`)],
    ["credentials before the host", `https://user:pass@example.ilucca.net${filesPath}${id}?${tokenName}=t`],
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
      const href = onBase(`${some(3)}?${some(2)}${random(2) ? `&${tokenName}=` : ""}${some(3)}`);
      const plain = readPlainFileLink(href, client);
      if (!plain) continue;
      read++;
      expect(plain, href).toEqual(parsed(href));
    }
    expect(read, "tails read without a URL parser").toBeGreaterThan(100);
  });

  it("a token parameter is found among others by its whole name only", () => {
    const href = onBase(`${id}?tokens=x&a=token&${tokenName}=t=u`);
    expect(readPlainFileLink(href, client)).toMatchObject({ token: "t=u" });
    expect(parseFileLink(href)).toMatchObject({ token: "t=u" });
  });

  it("a base URL with credentials in it reads no link (parseFileLink's base URL drops them)", () => {
    const withCredentials = { baseUrl: "https://u:p@example.ilucca.net", apiOrigin: base };
    expect(readPlainFileLink(`https://u:p@example.ilucca.net${filesPath}${id}?${tokenName}=t`, withCredentials)).toBeUndefined();
  });
});

describe("resolveFileTarget reads a link by hand where the platform can, else parses it", () => {
  const onNode = { ...client, readPlainLink: readPlainFileLink };
  it.each([
    ["a link on the client's base URL", onBase(`${id}?${tokenName}=t`)],
    ["a link on another host keeps its own base URL (the transport sends it no bearer token)", `https://other.example/p${filesPath}${id}?${tokenName}=t`],
    ["an escaped id is decoded as the URL parser does", onBase(`2face165%2D5345?${tokenName}=t`)],
  ])("%s", (_rule, href) => {
    expect(resolveFileTarget(href, onNode)).toMatchObject(parsed(href));
    expect(resolveFileTarget(href, client)).toMatchObject(parsed(href));
  });

  it("asks the platform's reader first and takes what it reads", () => {
    const read: string[] = [];
    const marked = { id: "read-by-hand", token: "t", baseUrl: base };
    const spying = { ...client, readPlainLink: (href: string) => (read.push(href), marked) };
    expect(resolveFileTarget(onBase(`${id}?${tokenName}=t`), spying)).toMatchObject({ id: "read-by-hand" });
    expect(read).toEqual([onBase(`${id}?${tokenName}=t`)]);
  });
});
