/**
 * The File JSON as the spec's File schema describes it. `url` is built from the host the
 * request came to, so that it works wherever the sandbox is reached; `links.self.href`
 * (with `include=links`) adds the signed, expiring per-file `token` that `GET` needs.
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
}

/** `http://<Host header>`, or the listening address when the request has none. */
export function originOf(request: IncomingMessage, fallbackOrigin: string): string {
  const host = request.headers.host;
  return host && /^[A-Za-z0-9.\-[\]:]+$/.test(host) ? `http://${host}` : fallbackOrigin;
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
