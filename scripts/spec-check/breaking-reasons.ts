/**
 * Why each kind of breaking change breaks a client, in words a reviewer can weigh. Keyed
 * by the id of Redocly's diff rule that found it; `direction` says whether the changed
 * part is sent by the client (request) or read by it (response).
 */
export type Direction = "request" | "response" | "both";

/** This project's own rule: Redocly rates a value removed from a response enum as a patch. */
export const RESPONSE_ENUM_NARROWED = "enum-values-removed-from-response";

/** This project's own rule: Redocly rates any change of an `x-` extension a patch, limits included. */
export const LIMIT_LOWERED = "limit-lowered";

/** This project's own rule: Redocly rates a response header made optional a patch. */
export const RESPONSE_HEADER_OPTIONAL = "response-header-became-optional";

/** This project's own rule: Redocly rates a value removed from a server variable's enum a patch. */
export const SERVER_VARIABLE_NARROWED = "server-variable-values-removed";

/** This project's own rule: Redocly rates a changed or removed default a patch. */
export const DEFAULT_CHANGED = "default-changed";

/** This project's own rule: Redocly does not rate a moved token (or authorization) URL at all. */
export const SECURITY_URL_MOVED = "security-url-changed";

/** This project's own rule: Redocly rates a component removed (or renamed, as one removed and one added) a patch. */
export const COMPONENT_REMOVED = "component-removed";

/** This project's own rule: Redocly reports a component renamed in place as its key edited, unrated. */
export const COMPONENT_RENAMED = "component-renamed";

/** This project's rules for a multipart or form part's Encoding Object, which Redocly reports but does not rate (encoding-rules.ts). */
export const ENCODING_CONTENT_TYPE_NARROWED = "encoding-content-type-narrowed";
export const ENCODING_CONTENT_TYPE_WIDENED = "encoding-content-type-widened";
export const ENCODING_HEADER_REQUIRED = "encoding-header-required";
export const ENCODING_HEADER_NO_LONGER_REQUIRED = "encoding-header-no-longer-required";
export const ENCODING_SERIALIZATION_CHANGED = "encoding-serialization-changed";

const reasons: Record<string, (direction: Direction) => string> = {
  "operation-removed": () => "calls to the operation fail, and the generated client loses its types: code that calls it stops compiling.",
  "path-removed": () => "every call to the path fails, and its generated types disappear.",
  "operation-id-changed": () => "the generated types are keyed by operationId: code that names the old id stops compiling.",
  "parameter-removed": () => "calls that send it are refused or ignored, and the generated parameter type loses it: code that sets it stops compiling.",
  "parameter-became-required": () => "existing calls that omit it are refused (400), and code that omits it stops compiling.",
  "parameter-serialization-changed": () => "clients keep serializing it the old way, which the API now reads differently.",
  "request-body-removed": () => "clients that send a body send what the API no longer reads.",
  "request-body-became-required": () => "existing calls without a body are refused.",
  "response-removed": () =>
    "the generated types lose the status: code that reads its body or headers stops compiling. And code written for that answer (a `304` after `If-None-Match`, a `201` with its `Location`) no longer gets it, so it never takes that path.",
  "response-header-removed": () => "clients that read the header get nothing.",
  [RESPONSE_HEADER_OPTIONAL]: () =>
    "clients read the header on every such answer, as the spec promised; it may now be missing, and code that uses it (to revalidate, to make an update conditional) gets `undefined`.",
  "media-type-removed": (direction) =>
    direction === "response"
      ? "clients that ask for that media type get 406 Not Acceptable, or content they cannot parse."
      : "clients that send that media type are refused (415 Unsupported Media Type).",
  "security-requirement-changed": () => "tokens issued for the old scopes are refused (403): every integration must request new scopes and be re-consented.",
  "security-scheme-changed": () => "clients obtain or send credentials the old way, which the API no longer accepts.",
  "server-removed": () => "clients configured with that server address can no longer reach the API.",
  [SERVER_VARIABLE_NARROWED]: () =>
    "the variable's values name the hosts the API is on: clients configured with a removed value (an account hosted there) lose their server.",
  [DEFAULT_CHANGED]: () =>
    "callers that omit the value now get another answer: the API assumes the new default, or with the default removed none the spec promises.",
  [COMPONENT_REMOVED]: () =>
    'the generated types name each component (`components["schemas"]["…"]`, `components["parameters"]["…"]`…), and client code names them: code that names the removed one stops compiling. A rename is a removal and an addition.',
  [COMPONENT_RENAMED]: () =>
    'the wire is the same, but the generated types name each component (`components["schemas"]["…"]`, `components["parameters"]["…"]`…) and client code names them: code that names the old one stops compiling.',
  [SECURITY_URL_MOVED]: () =>
    "clients configured with the old URL ask it for tokens and fail. And a client that reads the URL from this spec (`@lucca-api/client` does, from the generated `oauth2` constant) sends the client secret to the new URL once upgraded: integrators must check where their secret goes before they take the release.",
  [ENCODING_CONTENT_TYPE_NARROWED]: () =>
    "clients that send the part as a media type no longer listed are refused (415, or 400 naming the part); and tools that read the list (generated clients, validating proxies, fuzzers) refuse such a part before it is sent.",
  [ENCODING_CONTENT_TYPE_WIDENED]: () =>
    "clients parse each part by the media types the spec listed: a part may now come as one they do not expect, or cannot parse.",
  [ENCODING_HEADER_REQUIRED]: () => "requests whose part lacks the header are refused, and no existing client sends it.",
  [ENCODING_HEADER_NO_LONGER_REQUIRED]: () => "clients read the part's header on every answer, as the spec promised; it may now be missing.",
  [ENCODING_SERIALIZATION_CHANGED]: (direction) =>
    direction === "response" ? "clients parse the part the old way, and misread what now comes." : "clients keep serializing the part the old way, which the API now reads differently.",
  "schema-type-changed": (direction) =>
    direction === "request" ? "values of the old type are refused." : "clients parse or type the value as the old type and misread it.",
  "enum-values-removed": () => "requests that send a removed value are refused, and code that passes it stops compiling.",
  "enum-values-added": () =>
    "a client that handles every known value (an exhaustive `switch`, a `Record` keyed by the union) meets a value its types say cannot occur.",
  [RESPONSE_ENUM_NARROWED]: () =>
    "the generated union loses the value: client code that compares with it stops compiling. And an enum read in a response often also lists what the API accepts (as the files' content types do): requests with the value are then refused.",
  [LIMIT_LOWERED]: () =>
    "requests within the old limit are now refused (413, 431, 429 or 408), and clients that size or pace their requests by it (as the generated `limits` constant invites) go over it.",
  "required-properties-added": () => "requests without the property are refused, and code that builds them stops compiling.",
  "required-properties-removed": () => "clients rely on the property being present; it may now be missing, and reading it gives `undefined`.",
  "property-removed": (direction) =>
    direction === "request" ? "requests that send the property send what the API no longer reads." : "clients that read the property get nothing, and code that reads it stops compiling.",
  "schema-constraint-changed": (direction) =>
    direction === "request" ? "values that were accepted are now refused." : "values outside what clients were told to expect may now come back.",
  "schema-combinator-changed": () => "the set of valid shapes changed: values built or parsed for the old shapes may no longer fit.",
};

export function whyItBreaks(ruleId: string, direction: Direction, fallback: string): string {
  const reason = reasons[ruleId]?.(direction) ?? fallback;
  return reason.charAt(0).toUpperCase() + reason.slice(1);
}
