import type { FileObject, Link } from "@lucca-api/types";
import type { ResolvedOptions } from "../core/context.ts";
import { apiPrefix } from "../core/api-prefix.ts";
import * as httpStatus from "../core/http-status.ts";
import { InvalidInputError } from "../errors/invalid-input-error.ts";
import { parseFileLink, type FileLink } from "./parse-file-link.ts";

/**
 * What names a file to read: a link `href`, a `Link`, a `FileObject` that carries its
 * `links.self`, or an id with its access token.
 */
export type FileTarget = string | Link | Pick<FileObject, "id" | "links"> | { id: string; token: string };

/** A target's request: its id, token and base URL, and whether the client built it on `baseUrl` (`{ id, token }`) rather than read it from a link. */
export type ResolvedTarget = Omit<FileLink, "href"> & { onBaseUrl?: true };

/** Resolves a target to the id, token and base URL of its request. */
export function resolveFileTarget(target: FileTarget, client: Pick<ResolvedOptions, "baseUrl" | "apiOrigin" | "readPlainLink">): ResolvedTarget {
  // A link on the client's own API needs no URL parser where the platform reads one by hand.
  const read = (href: string) => client.readPlainLink?.(href, client) || parseFileLink(href);
  if (typeof target === "string") return read(target);
  if (target && typeof target === "object") {
    if ("href" in target && typeof target.href === "string") return read(target.href);
    if ("token" in target && typeof target.token === "string" && typeof target.id === "string") {
      return { id: target.id, token: target.token, baseUrl: client.baseUrl, onBaseUrl: true };
    }
    const self = (target as Pick<FileObject, "links">).links?.self;
    if (self?.href) return read(self.href);
  }
  // One message for every other target (a file object read or uploaded without its links among them).
  throw new InvalidInputError("file", "must be a link href, a Link, a file object with `links.self` (read or upload it with include: ['links']), or { id, token }.");
}

/**
 * The fix for a read's error where the link says more than the status. A 401 to a link on
 * another origin than the client's: the bearer token goes only to `baseUrl`'s origin (a
 * link is data from elsewhere, and may point anywhere), so that request went without one,
 * and the API asks for it; on the client's own origin, a 401 is about the token itself. A
 * 404 of a request the client built on a `baseUrl` that ends with the API's prefix: the
 * prefix may have gone twice.
 */
export const fileReadHint = (link: ResolvedTarget, client: Pick<ResolvedOptions, "apiOrigin" | "baseUrl">) => (status: number): string | undefined => {
  // Only for `{ id, token }`, whose URL the client built: a link is the API's own URL. The id may be wrong too (a gateway may mount the API at the prefix).
  if (status === httpStatus.notFound && link.onBaseUrl && link.baseUrl.endsWith(apiPrefix)) return `Check the id, and baseUrl: the client adds ${apiPrefix} to '${link.baseUrl}' itself.`;
  const origin = status === httpStatus.unauthorized ? new URL(link.baseUrl).origin : client.apiOrigin;
  if (origin === client.apiOrigin) return undefined;
  return `The link's origin ${origin} is not baseUrl's (${client.apiOrigin}), so no access token was sent. Pass { id, token }, or make baseUrl the links' origin (behind a proxy, links must carry the public address: the sandbox's SANDBOX_PUBLIC_URL).`;
};
