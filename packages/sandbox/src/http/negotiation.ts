/**
 * What `GET /lucca-api/files/{id}` answers with, as the operation describes it:
 * `disposition` first, then the `Accept` header by quality, else 406.
 */
import { endpoints, type Disposition } from "@lucca-api/types";
import { echoed, Problem } from "../problem.ts";

const okMediaTypes: readonly string[] = endpoints.retrieveFile.responses["200"];
/** The JSON representation's media type, as the spec's 200 response lists it. */
export const jsonMediaType = okMediaTypes.find((type) => type.endsWith("/json"))!;
/** The raw-content media type the spec offers besides the file's own. */
export const octetStreamMediaType = okMediaTypes.find((type) => type.endsWith("/octet-stream"))!;

/** The standard request header (RFC 9110, section 12.5.1) that negotiation reads. */
export const acceptHeader = "Accept";

export type Representation =
  | { kind: "json" }
  | { kind: "content"; mediaType: string; disposition: "inline" | "attachment" };

interface AcceptEntry {
  type: string;
  q: number;
}

/** `Accept` entries with q > 0, best first (RFC 9110, section 12.5.1). */
function parseAccept(header: string): AcceptEntry[] {
  return header
    .split(",")
    .map((part) => {
      const [type = "", ...params] = part.split(";").map((piece) => piece.trim().toLowerCase());
      const q = params.find((param) => param.startsWith("q="));
      return { type, q: q ? Number(q.slice(2)) : 1 };
    })
    .filter((entry) => entry.type !== "" && entry.q > 0 && !Number.isNaN(entry.q))
    .sort((a, b) => b.q - a.q);
}

function matchEntry(type: string, fileType: string): Representation | undefined {
  const own = fileType.toLowerCase();
  const [family] = own.split("/");
  if (type === "*/*" || type === jsonMediaType || type === "application/*") return { kind: "json" };
  if (type === octetStreamMediaType) return { kind: "content", mediaType: octetStreamMediaType, disposition: "attachment" };
  if (type === own) return { kind: "content", mediaType: fileType, disposition: "attachment" };
  // `images/*` is the spelling of Lucca's documentation; the preview of an image is the image.
  if ((type === "images/*" || type === "image/*") && family === "image") return { kind: "content", mediaType: fileType, disposition: "inline" };
  if (type === `${family}/*`) return { kind: "content", mediaType: fileType, disposition: "attachment" };
  return undefined;
}

export function negotiate(disposition: Disposition | undefined, accept: string | undefined, fileType: string): Representation {
  if (disposition === "json") return { kind: "json" };
  if (disposition === "inline" || disposition === "attachment") return { kind: "content", mediaType: fileType, disposition };
  if (accept === undefined || accept.trim() === "") return { kind: "json" };
  for (const entry of parseAccept(accept)) {
    const representation = matchEntry(entry.type, fileType);
    if (representation) return representation;
  }
  throw new Problem(406, {
    field: acceptHeader,
    detail: `Accept '${echoed(accept)}' matches neither the JSON representation (${jsonMediaType}) nor the file's content (${octetStreamMediaType} or ${fileType}); or use the disposition query parameter.`,
  });
}
