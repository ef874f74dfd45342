import { fileTokenParameter } from "@lucca-api/types";
import type { ReadPlainLink } from "../core/context.ts";
import { pathAfter, pathBefore } from "./parse-file-link.ts";

const tokenName = fileTokenParameter.name;

/** By character code: 1 for RFC 3986's unreserved characters, which a URL parser keeps as they are anywhere; 2 for a query's `=` and `&`. */
const plain = new Uint8Array(128);
for (const char of "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~") plain[char.charCodeAt(0)] = 1;
plain["=".charCodeAt(0)] = plain["&".charCodeAt(0)] = 2;

/**
 * Node's `Platform.readPlainLink`: reads a link on the client's own API without a URL
 * parser. Such a link is the client's `baseUrl` (as the options normalized it) +
 * `/lucca-api/files/{id}?…`, its id and query made of characters a URL parser keeps as
 * they are (no escape, no dot segment, no fragment): the links the API hands out for its
 * own files. For them `parseFileLink` gives the same answer, at the cost of Node's `URL`,
 * its `URLSearchParams` and their garbage, some 2 µs of a 260 µs loopback request.
 * Anything else gives undefined: `parseFileLink` reads it, or refuses it. (A `baseUrl`
 * with credentials in it, which does not begin with its origin, leaves every link to
 * `parseFileLink`, whose base URL has none.)
 */
export const readPlainFileLink: ReadPlainLink = (href, { baseUrl: base, apiOrigin }) => {
  if (!base.startsWith(apiOrigin)) return undefined;
  const start = base.length + pathBefore.length;
  const query = href.indexOf("?", start);
  const idEnd = query - pathAfter.length;
  if (idEnd <= start || !href.startsWith(base) || !href.startsWith(pathBefore, base.length) || !href.startsWith(pathAfter, idEnd)) return undefined;
  for (let at = start; at < idEnd; at++) if (plain[href.charCodeAt(at)] !== 1) return undefined;
  for (let at = query + 1; at < href.length; at++) if (!plain[href.charCodeAt(at)]) return undefined;
  const id = href.slice(start, idEnd);
  if (id === "." || id === "..") return undefined;
  // The first parameter of that name, as `URLSearchParams.get` finds it (a bare `token` counts, without a value).
  for (let at = query + 1; ; ) {
    const next = href.indexOf("&", at);
    const end = next < 0 ? href.length : next;
    if (href.startsWith(tokenName, at) && (at + tokenName.length === end || href[at + tokenName.length] === "=")) {
      const token = href.slice(at + tokenName.length + 1, end);
      return token ? { id, token, baseUrl: base } : undefined;
    }
    if (next < 0) return undefined;
    at = next + 1;
  }
};
