/**
 * The File JSON as the spec's File schema describes it. `url` is built from the public
 * URL when one is configured, else from the host the request came to (one the router has
 * checked is the sandbox's own), so that it works wherever the sandbox is reached;
 * `links.self.href` (with `include=links`) adds the signed, expiring per-file `token`
 * that `GET` needs.
 */
import type { IncomingMessage } from "node:http";
import { endpoints, parameters } from "@lucca-api/types";
import type { StoredFile } from "./file-store.ts";
import type { TokenSigner } from "./signed-token.ts";

export interface RepresentationContext {
  signer: TokenSigner;
  fileTokenTtlSeconds: number;
  /** `http://host:port` of the listening socket, for requests without a Host header. */
  fallbackOrigin: string;
  /** The configured public origin, which links always use when set. */
  publicUrl: string | undefined;
}

/** The origin of the links: the public URL, else `http://<Host>`, else the listening address. */
export function linkOrigin(request: IncomingMessage, context: Pick<RepresentationContext, "fallbackOrigin" | "publicUrl">): string {
  if (context.publicUrl) return context.publicUrl;
  const host = request.headers.host;
  if (!host) return context.fallbackOrigin;
  try {
    return new URL(`http://${host}`).origin;
  } catch {
    return context.fallbackOrigin;
  }
}

export function fileUrl(origin: string, id: string): string {
  return `${origin}${endpoints.retrieveFile.path.replace(`{${parameters.fileId.name}}`, id)}`;
}

/** A URL of the file carrying a fresh access token: the `href` `GET` expects. */
export function signedFileUrl(origin: string, file: StoredFile, context: RepresentationContext): string {
  const exp = Math.floor(Date.now() / 1000) + context.fileTokenTtlSeconds;
  const token = context.signer.sign("file+jwt", { sub: file.id, exp });
  return `${fileUrl(origin, file.id)}?${parameters.fileToken.name}=${encodeURIComponent(token)}`;
}

export function fileRepresentation(
  file: StoredFile,
  origin: string,
  include: readonly string[],
  context: RepresentationContext,
): Record<string, unknown> {
  return {
    id: file.id,
    type: "file",
    url: fileUrl(origin, file.id),
    fileName: file.fileName,
    contentType: file.contentType,
    createdAt: file.createdAt,
    ...(include.includes("links") ? { links: { self: { href: signedFileUrl(origin, file, context) } } } : {}),
    ...(include.includes("embedded") ? { embedded: {} } : {}),
  };
}
