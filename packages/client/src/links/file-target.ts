import type { FileObject, Link } from "@lucca-api/types";
import { InvalidInputError } from "../errors/invalid-input-error.ts";
import { parseFileLink, type FileLink } from "./parse-file-link.ts";

/**
 * What names a file to read: a link `href`, a `Link`, a `FileObject` that carries its
 * `links.self`, or an id with its access token.
 */
export type FileTarget = string | Link | Pick<FileObject, "id" | "links"> | { id: string; token: string };

/** Resolves a target to the id, token and base URL of its request. */
export function resolveFileTarget(target: FileTarget, baseUrl: string): Omit<FileLink, "href"> {
  if (typeof target === "string") return parseFileLink(target);
  if (target && typeof target === "object") {
    if ("href" in target && typeof target.href === "string") return parseFileLink(target.href);
    if ("token" in target && typeof target.token === "string" && typeof target.id === "string") {
      return { id: target.id, token: target.token, baseUrl };
    }
    if ("links" in target || "id" in target) {
      const self = (target as Pick<FileObject, "links">).links?.self;
      if (self?.href) return parseFileLink(self.href);
      throw new InvalidInputError("file", "has no `links.self.href`; read or upload it with include: ['links'].");
    }
  }
  throw new InvalidInputError("file", "must be a link href, a Link, a file object with `links.self`, or { id, token }.");
}
