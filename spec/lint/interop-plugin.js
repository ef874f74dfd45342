/**
 * Redocly plugin: the interop rules that configurable rules (redocly.yaml) cannot express.
 * Each keeps a fix of issue 9 ("the spec serves every OpenAPI tool"); the tests in
 * spec/test/lint-rules.test.ts show each one firing on an edited copy of the spec.
 *
 * - `no-closed-enum-in-response`: a closed `enum` that a response reaches, unless it sits
 *   in an `anyOf`/`oneOf` beside an open alternative. A value the API adds later would
 *   break every strict parser generated from the spec.
 * - `no-unquoted-date-scalar`: a plain (unquoted) YAML scalar that looks like a date,
 *   which YAML 1.1 loaders read as a date, not a string. Quoting is lost once parsed, so
 *   this rule scans the source text of each file once.
 * - `no-braces-in-ref`: a `$ref` with `{` or `}`, which a URI reference may not contain.
 */
// No import: the spec gate lints a copy of the spec outside this repository, where
// nothing but Redocly itself is installed.

/** True when `schema` (resolved) admits values outside any enum: a plain open string, number... */
function isOpen(schema) {
  return schema.enum === undefined && schema.const === undefined && schema.anyOf === undefined && schema.oneOf === undefined && schema.$ref === undefined;
}

function NoClosedEnumInResponse() {
  /** Enums already reported: one schema reached from several responses is reported once. */
  const reported = new Set();
  /** Walks a response schema; reports each closed enum not guarded by an open alternative. */
  function walk(node, ctx, location, seen) {
    if (node === null || typeof node !== "object") return;
    if (typeof node.$ref === "string") {
      const { node: target, location: targetLocation } = ctx.resolve(node, location.source.absoluteRef);
      if (!target || !targetLocation) return;
      const key = `${targetLocation.source.absoluteRef}${targetLocation.pointer}`;
      if (seen.has(key)) return;
      seen.add(key);
      walk(target, ctx, targetLocation, seen);
      return;
    }
    const enumKey = `${location.source.absoluteRef}${location.pointer}`;
    if (Array.isArray(node.enum) && node.enum.length > 1 && !reported.has(enumKey) && reported.add(enumKey))
      ctx.report({
        message:
          "A closed `enum` in a response breaks strict clients when the API adds a value. Wrap it: `anyOf: [{ $ref: <the enum> }, { type: string }]`, so the known values stay documented and typed while any value parses.",
        location: location.child(["enum"]),
      });
    for (const keyword of ["anyOf", "oneOf"]) {
      const branches = node[keyword];
      if (!Array.isArray(branches)) continue;
      const resolved = branches.map((branch) => (branch && branch.$ref ? ctx.resolve(branch, location.source.absoluteRef).node ?? {} : branch ?? {}));
      // An enum beside an open alternative is documentation of the known values: allowed.
      if (resolved.some(isOpen)) continue;
      branches.forEach((branch, index) => walk(branch, ctx, location.child([keyword, index]), seen));
    }
    for (const keyword of ["allOf", "prefixItems"])
      if (Array.isArray(node[keyword])) node[keyword].forEach((branch, index) => walk(branch, ctx, location.child([keyword, index]), seen));
    for (const keyword of ["items", "additionalProperties", "not", "contains"])
      if (node[keyword] && typeof node[keyword] === "object") walk(node[keyword], ctx, location.child([keyword]), seen);
    for (const [name, property] of Object.entries(node.properties ?? {})) walk(property, ctx, location.child(["properties", name]), seen);
  }
  return {
    Response: {
      MediaType: {
        enter(media, ctx) {
          if (media.schema) walk(ctx.rawNode?.schema ?? media.schema, ctx, ctx.location.child(["schema"]), new Set());
        },
      },
      Header: {
        enter(header, ctx) {
          if (header.schema) walk(header.schema, ctx, ctx.location.child(["schema"]), new Set());
        },
      },
    },
  };
}

/** A YAML 1.1 timestamp, the whole of a plain scalar (yaml.org/type/timestamp.html). */
const yaml11Timestamp = /^\d{4}-\d\d?-\d\d?(?:(?:[Tt]|[ \t]+)\d\d?:\d\d:\d\d(?:\.\d*)?(?:[ \t]*(?:Z|[-+]\d\d?(?::\d\d)?))?)?$/;
/** Where a plain value starts: after `key: `, a `- ` item, or `[`/`,` in a flow sequence. */
const valueStart = /(?:^[ \t]*(?:-[ \t]+)*(?:[^\s#'"\[{][^#]*?:[ \t]+)?|[[,][ \t]*)(?=\d{4}-)/g;

/**
 * The unquoted date-like scalars of a YAML text, with their line numbers. A line scan,
 * not a parser (a parser forgets how a scalar was written): block scalars (`|`, `>`) are
 * skipped, quoted values never match, and a value counts only when the whole plain scalar
 * is a YAML 1.1 timestamp.
 */
function unquotedDates(text) {
  const found = [];
  let blockIndent = -1;
  text.split(/\r?\n/).forEach((line, index) => {
    const indent = line.search(/\S/);
    if (blockIndent >= 0) {
      if (indent === -1 || indent > blockIndent) return;
      blockIndent = -1;
    }
    if (indent === -1 || line.trimStart().startsWith("#")) return;
    const content = line.replace(/[ \t]+#.*$/, "");
    if (/(?:^|[:\s])[|>][-+0-9]*[ \t]*$/.test(content)) blockIndent = indent;
    for (const match of content.matchAll(valueStart)) {
      const rest = content.slice(match.index + match[0].length);
      const scalar = (match[0].trimEnd().endsWith("[") || match[0].trimEnd().endsWith(",") ? rest.split(/[,\]]/)[0] : rest).trim();
      if (yaml11Timestamp.test(scalar)) found.push({ line: index + 1, text: scalar });
    }
  });
  return found;
}

function NoUnquotedDateScalar() {
  const scanned = new Set();
  return {
    any: {
      enter(_node, ctx) {
        const source = ctx.location.source;
        if (scanned.has(source.absoluteRef)) return;
        scanned.add(source.absoluteRef);
        if (!/\.ya?ml$/i.test(source.absoluteRef)) return;
        const fileRoot = ctx.location.child([]);
        fileRoot.pointer = "#/";
        for (const { line, text } of unquotedDates(source.body))
          ctx.report({
            message: `Line ${line}: \`${text}\` is an unquoted date-like scalar: YAML 1.1 loaders read a date, not a string, and some tools refuse the file. Quote it: "${text}".`,
            location: fileRoot,
          });
      },
    },
  };
}

function NoBracesInRef() {
  return {
    ref: {
      enter(ref, ctx) {
        if (typeof ref.$ref === "string" && /[{}]/.test(ref.$ref))
          ctx.report({
            message: `\`$ref: ${ref.$ref}\` contains a brace, which a URI reference may not hold (RFC 3986): rename the file (e.g. \`files-by-id.yaml\`).`,
            location: ctx.location.child(["$ref"]),
          });
      },
    },
  };
}

export default function interopPlugin() {
  return {
    id: "interop",
    rules: {
      oas3: {
        "no-closed-enum-in-response": NoClosedEnumInResponse,
        "no-unquoted-date-scalar": NoUnquotedDateScalar,
        "no-braces-in-ref": NoBracesInRef,
      },
    },
  };
}
