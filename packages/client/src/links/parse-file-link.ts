import { fileIdParameter, fileTokenParameter, retrieveFileRoute } from "@lucca-api/types";
import { redactUrl } from "../core/redact.ts";
import { InvalidInputError } from "../errors/invalid-input-error.ts";

/** A file link taken apart: what `GET /lucca-api/files/{id}` needs, and where to send it. */
export interface FileLink {
  /** The link as given. */
  href: string;
  id: string;
  /** The file's access token (a credential: do not log it). */
  token: string;
  /** Everything before the API path: the origin (and any prefix) the link points to. */
  baseUrl: string;
}

/** The API path of a file around its id: `/lucca-api/files/` and what follows the id. */
export const [pathBefore = "", pathAfter = ""] = retrieveFileRoute.path.split(`{${fileIdParameter.name}}`);

/**
 * Parses a link `href` as the API hands it out (`links.self.href` of a file, or the
 * link of a resource that references one): `https://host/lucca-api/files/{id}?token=…`.
 */
export function parseFileLink(href: string): FileLink {
  // An href that is no URL is no file link either: refused below.
  const url = URL.canParse(href) ? new URL(href) : undefined;
  // Each read of a URL's part builds a new string: read each once.
  const pathname = url?.pathname ?? "";
  const at = pathname.lastIndexOf(pathBefore);
  let id = "";
  try {
    if (at >= 0) id = decodeURIComponent(pathname.slice(at + pathBefore.length, pathname.length - pathAfter.length || undefined));
  } catch {
    // A malformed escape (`%E0`): no id, refused below like any other non-link.
  }
  const token = url?.searchParams.get(fileTokenParameter.name);
  if (!url || at < 0 || !pathname.endsWith(pathAfter) || id === "" || id.includes("/") || !token) {
    // Redacted before shortening: a link cut inside its token must not show the token's start.
    const shown = redactUrl(href);
    throw new InvalidInputError(
      "href",
      `'${shown.length > 80 ? `${shown.slice(0, 77)}...` : shown}' is not a file link (https://…${retrieveFileRoute.path}?${fileTokenParameter.name}=…); pass the whole \`href\` of a file's \`links\` (include: ['links']).`,
    );
  }
  return { href, id, token, baseUrl: `${url.origin}${pathname.slice(0, at)}` };
}
