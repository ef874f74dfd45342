/**
 * This project's rules for a change inside an Encoding Object (a multipart or form part's
 * `contentType`, `headers`, `style`, `explode`, `allowReserved`): Redocly reports these
 * changes but rates none of them. What a request part accepts works like a request enum
 * (narrowing it refuses callers, widening it does not); what a response part may come as
 * works like a response enum (widening it surprises readers). The table is in
 * CONTRIBUTING.md ("How changes are classed"), the reasons in breaking-reasons.ts.
 */
import {
  ENCODING_CONTENT_TYPE_NARROWED,
  ENCODING_CONTENT_TYPE_WIDENED,
  ENCODING_HEADER_NO_LONGER_REQUIRED,
  ENCODING_HEADER_REQUIRED,
  ENCODING_SERIALIZATION_CHANGED,
  type Direction,
} from "./breaking-reasons.ts";
import { deref, type Json } from "./document.ts";
import { acceptedMediaTypes, FORM_MEDIA_TYPES, hasPart, requiredHeaders, serialization, uncovered, type Serialization } from "./encoding.ts";
import type { Documents } from "./locate.ts";
import type { RedoclyChange } from "./redocly-diff.ts";
import { code, valueChange } from "./values.ts";

export interface EncodingVerdict {
  /** The ids of the rules that rate the change breaking. */
  rules: string[];
  /** One "Found:" sentence per rule. */
  findings: string[];
  /** For a `contentType` edit: the media types the list lost and gained, instead of two long strings. */
  detail?: string;
  /** The media types a request part no longer accepts (a fact an enum may also state: see same-fact.ts). */
  noLongerAccepted: string[];
}

const NONE: EncodingVerdict = { rules: [], findings: [], noLongerAccepted: [] };
/** A list of 93 content types is one fact: show its start. */
const SHOWN = 6;
const SERIALIZATION_KEYS = ["style", "explode", "allowReserved"] as const;

const list = (values: string[]) =>
  values.slice(0, SHOWN).map(code).join(", ") + (values.length > SHOWN ? ` and ${values.length - SHOWN} more` : "");
const plural = (count: number, word: string) => (count === 1 ? word : word + "s");

/** Where the encoding sits in the change's path: `…/content/<media type>/encoding/<part>/<below>`. */
function encodingIn(tokens: string[]): { mediaTypePath: string[]; mediaType: string; part?: string; below: string[] } | undefined {
  const index = tokens.findIndex(
    (token, i) => token === "content" && tokens[i + 2] === "encoding" && (tokens[i - 1] === "requestBody" || ["responses", "requestBodies"].includes(tokens[i - 2] ?? "")),
  );
  if (index < 0) return undefined;
  return { mediaTypePath: tokens.slice(0, index + 2), mediaType: tokens[index + 1]!, part: tokens[index + 3], below: tokens.slice(index + 4) };
}

/** True when the change's path is inside an Encoding Object (a part's headers are not the answer's). */
export const isInEncoding = (tokens: string[]) => encodingIn(tokens) !== undefined;

const walk = (document: Json, tokens: string[]) => tokens.reduce((node: Json, token) => deref(document, node)?.[token], document);

/** Which aspects of the part the change is about: a `contentType` edit is not a header's. */
function aspectsOf(change: RedoclyChange, below: string[]): { media: boolean; headers: boolean; serialization: (typeof SERIALIZATION_KEYS)[number][] } {
  if (below[0] === "headers") return { media: false, headers: true, serialization: [] };
  const property = change.kind === "modified" && below.length === 0 ? change.property : undefined;
  if (property === "contentType") return { media: true, headers: false, serialization: [] };
  const key = SERIALIZATION_KEYS.find((name) => name === property);
  if (key) return { media: false, headers: false, serialization: [key] };
  if (property === "headers") return { media: false, headers: true, serialization: [] };
  return { media: true, headers: true, serialization: [...SERIALIZATION_KEYS] };
}

function serializationChange(key: keyof Serialization, before: Serialization, after: Serialization): string {
  return `${code(key)} ${code(String(before[key]))} → ${code(String(after[key]))}`;
}

/** The rules a change inside an encoding breaks, what was found, and how to show a `contentType` edit. */
export function encodingVerdict(change: RedoclyChange, documents: Documents, tokens: string[], direction: Direction): EncodingVerdict {
  const where = encodingIn(tokens);
  if (!where || direction === "both") return NONE;
  const [mediaTypeBefore, mediaTypeAfter] = [walk(documents.base, where.mediaTypePath), walk(documents.revision, where.mediaTypePath)];
  if (!mediaTypeBefore || !mediaTypeAfter) return NONE;
  const parts = where.part !== undefined ? [where.part] : [...new Set([...Object.keys(mediaTypeBefore.encoding ?? {}), ...Object.keys(mediaTypeAfter.encoding ?? {})])];
  const aspects = aspectsOf(change, where.below);
  const verdict: EncodingVerdict = { rules: [], findings: [], noLongerAccepted: [] };
  const found = (rule: string, finding: string) => {
    if (!verdict.rules.includes(rule)) verdict.rules.push(rule);
    verdict.findings.push(finding);
  };

  // A part the body did not have is new: no client sends or reads it yet, whatever its encoding says.
  for (const part of parts.filter((name) => hasPart(documents.base, mediaTypeBefore, name))) {
    const named = `Part ${code(part)} of ${code(where.mediaType)}`;
    const [encodingBefore, encodingAfter] = [deref(documents.base, mediaTypeBefore.encoding?.[part]), deref(documents.revision, mediaTypeAfter.encoding?.[part])];

    if (aspects.media) {
      const before = acceptedMediaTypes(documents.base, mediaTypeBefore, part);
      const after = acceptedMediaTypes(documents.revision, mediaTypeAfter, part);
      const now = `${after.byDefault ? "its default, " : ""}${list(after.types)}`;
      const lost = uncovered(before.types, after.types);
      const gained = uncovered(after.types, before.types);
      if (direction === "request" && lost.length > 0) {
        verdict.noLongerAccepted.push(...lost);
        found(ENCODING_CONTENT_TYPE_NARROWED, `${named} no longer accepts ${list(lost)}${before.byDefault ? " (its default content type, the encoding gave none)" : ""}: it accepts ${now}.`);
      }
      if (direction === "response" && gained.length > 0) found(ENCODING_CONTENT_TYPE_WIDENED, `${named} may now come as ${list(gained)}: it may come as ${now}.`);
      if (where.part !== undefined && change.property === "contentType") {
        verdict.detail = `encoding/${part}/contentType: ${valueChange(before.types, after.types)}`;
      }
    }

    if (aspects.headers) {
      const inScope = (name: string) => where.below[1] === undefined || name === where.below[1];
      const before = requiredHeaders(documents.base, encodingBefore).filter(inScope);
      const after = requiredHeaders(documents.revision, encodingAfter).filter(inScope);
      const nowRequired = after.filter((name) => !before.includes(name));
      const noLonger = before.filter((name) => !after.includes(name));
      if (direction === "request" && nowRequired.length > 0) found(ENCODING_HEADER_REQUIRED, `${named} now requires ${plural(nowRequired.length, "header")} ${list(nowRequired)}.`);
      if (direction === "response" && noLonger.length > 0)
        found(ENCODING_HEADER_NO_LONGER_REQUIRED, `${named} no longer promises ${plural(noLonger.length, "header")} ${list(noLonger)}.`);
    }

    if (aspects.serialization.length > 0 && FORM_MEDIA_TYPES.includes(where.mediaType)) {
      const [before, after] = [serialization(documents.base, encodingBefore), serialization(documents.revision, encodingAfter)];
      const changed = aspects.serialization.filter((key) => before[key] !== after[key]);
      if (changed.length > 0) found(ENCODING_SERIALIZATION_CHANGED, `${named} is serialized differently: ${changed.map((key) => serializationChange(key, before, after)).join(", ")} (defaults filled in).`);
    }
  }
  return verdict;
}
