/**
 * This project's rules on top of Redocly's ratings: changes Redocly rates a patch (or
 * does not rate) that break clients of this API all the same. Each rule reads one change
 * of Redocly's diff and returns its id when it applies; the reasons are in
 * breaking-reasons.ts, the table in CONTRIBUTING.md ("How changes are classed").
 */
import {
  COMPONENT_RENAMED,
  DEFAULT_CHANGED,
  LIMIT_LOWERED,
  RESPONSE_ENUM_NARROWED,
  RESPONSE_HEADER_OPTIONAL,
  COMPONENT_REMOVED,
  SECURITY_URL_MOVED,
  SERVER_VARIABLE_NARROWED,
  type Direction,
} from "./breaking-reasons.ts";
import { isInEncoding } from "./encoding-rules.ts";
import type { RedoclyChange } from "./redocly-diff.ts";
import { same } from "./values.ts";

interface Rule {
  id: string;
  applies(change: RedoclyChange, tokens: string[], direction: Direction): boolean;
}

const before = (change: RedoclyChange) => change.base?.value;
const after = (change: RedoclyChange) => change.revision?.value;

/** The values an enum loses: empty unless the change is an `enum` that lost some. */
export function removedEnumValues(change: RedoclyChange): unknown[] {
  const [old, now] = [before(change), after(change)];
  if (change.property !== "enum" || !Array.isArray(old) || !Array.isArray(now)) return [];
  return old.filter((value) => !now.some((other) => same(other, value)));
}

/** The component kinds openapi-typescript names in the generated `components` (examples, links and the like are not typed). */
const TYPED_COMPONENT_KINDS = ["schemas", "responses", "parameters", "requestBodies", "headers", "pathItems"];

/** The URLs of an OAuth 2 flow: where clients get (and send their secret for) tokens. */
const SECURITY_URLS = ["tokenUrl", "authorizationUrl", "refreshUrl", "openIdConnectUrl"];

const rules: Rule[] = [
  {
    // Redocly rates a value removed from a response enum a patch: a reader accepts fewer values.
    id: RESPONSE_ENUM_NARROWED,
    applies: (change, _, direction) => change.impact !== "major" && direction === "response" && removedEnumValues(change).length > 0,
  },
  {
    // A documented limit (`info.x-lucca-limits`) made smaller: fewer requests are accepted.
    id: LIMIT_LOWERED,
    applies: (change, tokens) => {
      const [old, now] = [before(change), after(change)];
      return tokens.includes("x-lucca-limits") && typeof old === "number" && typeof now === "number" && now < old;
    },
  },
  {
    // Redocly rates `required: true → false` on a response header a patch, as it does for any header.
    // A multipart part's headers are encoding-rules.ts's.
    id: RESPONSE_HEADER_OPTIONAL,
    applies: (change, tokens, direction) =>
      direction === "response" && tokens.includes("headers") && !isInEncoding(tokens) && change.property === "required" && before(change) === true && after(change) !== true,
  },
  {
    // A server variable's `enum` lists the hosts the API is on: a value removed is a server removed.
    id: SERVER_VARIABLE_NARROWED,
    applies: (change, tokens) => tokens[0] === "servers" && tokens.includes("variables") && removedEnumValues(change).length > 0,
  },
  {
    // What the API assumes when the client sends nothing: changed or dropped, callers that omit it get another answer.
    // A default added where there was none only writes down what was unspecified.
    id: DEFAULT_CHANGED,
    applies: (change, tokens, direction) =>
      change.property === "default" &&
      (direction === "request" || tokens[0] === "servers") &&
      before(change) !== undefined &&
      !same(before(change), after(change)),
  },
  {
    // Redocly reports a moved token URL as an edit, with no rating.
    id: SECURITY_URL_MOVED,
    applies: (change, tokens) =>
      tokens.includes("securitySchemes") && SECURITY_URLS.includes(change.property ?? "") && before(change) !== undefined && !same(before(change), after(change)),
  },
  {
    // The wire does not change, but the generated types lose the name (File renamed FileObject;
    // the Range parameter renamed RangeHeader, which Redocly reports as one removed, one added).
    id: COMPONENT_REMOVED,
    applies: (change, tokens) => change.kind === "removed" && tokens.length === 3 && tokens[0] === "components" && TYPED_COMPONENT_KINDS.includes(tokens[1]!),
  },
  {
    // Redocly matches a component renamed in place with its old self and reports the key as
    // edited, unrated (`ContentType` renamed `FileContentType`): the generated types lose the name.
    id: COMPONENT_RENAMED,
    applies: (change, tokens) =>
      change.property === "key" && tokens.length === 3 && tokens[0] === "components" && TYPED_COMPONENT_KINDS.includes(tokens[1]!) && !same(before(change), after(change)),
  },
];

/** The ids of this project's rules that rate the change breaking. */
export function projectRulesBroken(change: RedoclyChange, tokens: string[], direction: Direction): string[] {
  return rules.filter((rule) => rule.applies(change, tokens, direction)).map((rule) => rule.id);
}
