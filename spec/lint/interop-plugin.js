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
 * - `no-component-name-shared-across-kinds`: two components of different kinds (a schema
 *   and a parameter, say) with one name. Generators put every component in one namespace
 *   and rename one of them: hey-api emitted `ApiVersion2` for the `Api-Version` parameter.
 * - `no-generator-runtime-name`: a component named like a declaration a widely used
 *   generator writes beside the components' types (swagger-typescript-api's `ContentType`
 *   enum): TypeScript merges the two declarations without a word.
 * - `no-platform-global-name`: a component of any kind a generator types (schema,
 *   parameter, response, request body, header), or a schema's title, named like a global
 *   of browsers, Node or the language (`File`, `Range`...): its generated type shadows it.
 *   Names come from files here, so the rule reads them as `redocly bundle` makes them.
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

/**
 * The component kinds of OpenAPI 3, by the Redocly node type that `redocly bundle` files
 * under each (as its bundler maps them; it keeps a security scheme where it is declared,
 * under `components.securitySchemes` of the root, which the rules read there).
 */
const componentKinds = {
  Schema: "schemas",
  Parameter: "parameters",
  Response: "responses",
  Example: "examples",
  RequestBody: "requestBodies",
  Header: "headers",
  SecurityScheme: "securitySchemes",
  Link: "links",
  Callback: "callbacks",
};
const kindNames = {
  schemas: "schema",
  parameters: "parameter",
  responses: "response",
  examples: "example",
  requestBodies: "request body",
  headers: "header",
  securitySchemes: "security scheme",
  links: "link",
  callbacks: "callback",
};

/** The last segment of a JSON pointer, or the file's base name when it points at the whole file. */
function componentNameOf(location) {
  const segment = location.pointer.split("/").at(-1);
  if (segment) return segment.replace(/~1/g, "/").replace(/~0/g, "~");
  return location.source.absoluteRef.split(/[/\\]/).at(-1).replace(/\.[^.]+$/, "");
}

/**
 * Visitors that gather the components the bundle will have, by name, then hand them to
 * `check` once the document is walked. The names are those `redocly bundle` gives (as
 * the reference's openapi.json has them): a component declared in the root document
 * keeps its key; a `$ref` into another file becomes a component of the kind of the node
 * it stands for, named after its pointer's last segment, or after the file when it
 * points at a whole file (`parameters/ApiVersionHeader.yaml` -> `ApiVersionHeader`).
 */
function bundledComponents(check) {
  let root;
  /** name -> (kind -> where it is declared), the first place of each kind. */
  const byName = new Map();
  const add = (name, kind, location) => {
    const kinds = byName.get(name) ?? new Map();
    if (!kinds.has(kind)) kinds.set(kind, location);
    byName.set(name, kinds);
  };
  /** Where a component is, for a message: its file relative to the root's folder, and the pointer when not the whole file. */
  const where = (location) => {
    const rootFolder = root.source.absoluteRef.replace(/[^/\\]*$/, "");
    const file = location.source.absoluteRef.startsWith(rootFolder) ? location.source.absoluteRef.slice(rootFolder.length) : location.source.absoluteRef;
    return location.pointer === "#/" || location.pointer === "" ? file : `${file}${location.pointer}`;
  };
  return {
    Root: {
      enter(document, ctx) {
        root = ctx.location;
        for (const [kind, map] of Object.entries(document.components ?? {}))
          if (kindNames[kind] && map && typeof map === "object")
            for (const name of Object.keys(map)) add(name, kind, ctx.location.child(["components", kind, name]));
      },
      leave(_document, ctx) {
        check(byName, ctx, where);
      },
    },
    ref: {
      enter(_ref, ctx, resolved) {
        const kind = componentKinds[ctx.type?.name];
        if (!kind || !resolved?.location || resolved.location.source === root?.source) return;
        add(componentNameOf(resolved.location), kind, resolved.location);
      },
    },
  };
}

/** "request body" -> "RequestBody": the suffix a renamed component could take. */
const pascal = (words) => words.replace(/(?:^| )(.)/g, (_, letter) => letter.toUpperCase());
const kindOrder = Object.keys(kindNames);
const withArticle = (words) => `${/^[aeiou]/.test(words) ? "an" : "a"} ${words}`;

function NoComponentNameSharedAcrossKinds() {
  return bundledComponents((byName, ctx, where) => {
    for (const [name, kinds] of byName) {
      if (kinds.size < 2) continue;
      // Reported on each kind after the first in `kindNames`' order: the schema keeps the name.
      const [[firstKind, firstLocation], ...others] = [...kinds].sort(([a], [b]) => kindOrder.indexOf(a) - kindOrder.indexOf(b));
      for (const [kind, location] of others)
        ctx.report({
          message:
            `\`${name}\` names both ${withArticle(kindNames[firstKind])} (${where(firstLocation)}) and ${withArticle(kindNames[kind])} (${where(location)}). ` +
            `Generators put the components of every kind in one namespace (hey-api, orval, swagger-typescript-api, openapi-generator) and rename one ` +
            `(hey-api made \`ApiVersion2\` of an \`ApiVersion\` parameter beside the \`ApiVersion\` schema). ` +
            `Rename the ${kindNames[kind]} (its file, or its key under \`components\`) to say what it is: \`${name}${pascal(kindNames[kind])}\`, say.`,
          location,
        });
    }
  });
}

/**
 * Names a generator declares in the code it writes beside the components' types, checked
 * in its templates (keep this list short, and say where each name comes from).
 * swagger-typescript-api 13.x, templates/base/http-clients/fetch-http-client.ejs (and
 * axios-http-client.ejs): `QueryParamsType`, `ResponseFormat`, `FullRequestParams`,
 * `RequestParams`, `ApiConfig`, `HttpResponse`, the `ContentType` enum of the request
 * body kinds, the `HttpClient` class; templates/default/api.ejs: the `Api` class (its
 * default name). A component named so shares the generated module with it: two enums or
 * interfaces merge without a word, a type alias beside them does not compile.
 */
const generatorRuntimeNames = new Map(
  ["QueryParamsType", "ResponseFormat", "FullRequestParams", "RequestParams", "ApiConfig", "HttpResponse", "ContentType", "HttpClient", "Api"].map(
    (name) => [name, "swagger-typescript-api"],
  ),
);

function NoGeneratorRuntimeName() {
  return bundledComponents((byName, ctx, where) => {
    for (const [name, kinds] of byName) {
      const generator = generatorRuntimeNames.get(name);
      if (!generator) continue;
      for (const [kind, location] of kinds)
        ctx.report({
          message:
            `The ${kindNames[kind]} \`${name}\` (${where(location)}) is named like a declaration of the client ${generator} generates beside the components' types: ` +
            `TypeScript merges the two (a \`ContentType\` schema of file types became one enum with its request body kinds) or refuses the module. ` +
            `Name it for what it is (\`FileContentType\`, not \`ContentType\`), renaming its file or its key under \`components\`.`,
          location,
        });
    }
  });
}

/**
 * Globals a generated module would shadow with a type of the same name: the DOM's
 * (typescript/lib/lib.dom.d.ts), the language's (lib.es5.d.ts and later) and Node's
 * (`Buffer`, @types/node), kept to those an API could well name a component.
 * spec/test/lint-rules.test.ts checks that TypeScript's and Node's typings declare each.
 */
export const platformGlobalNames = [
  // Fetch, files and streams: what a client of this API handles next to its types.
  ...["File", "Blob", "Response", "Request", "Headers", "URL", "URLSearchParams", "FormData", "ReadableStream", "WritableStream", "AbortSignal", "Buffer"],
  // The language's own.
  ...["Error", "Date", "Object", "Array", "String", "Number", "Boolean", "Symbol", "Map", "Set", "Promise", "RegExp", "Function", "JSON", "Math", "Record"],
  // The DOM's, named like things an API describes (hey-api wrote `export type Range = string;` for a `Range` parameter).
  ...["Event", "Image", "Document", "Element", "Node", "Location", "Storage", "Text", "Range", "Comment", "Notification", "Selection", "History", "Report", "Credential", "Lock", "Option"],
];
const platformGlobals = new Set(platformGlobalNames);
/** The kinds of component a generator declares a type for (examples, links, callbacks, security schemes get none). */
const typedKinds = new Set(["schemas", "parameters", "responses", "requestBodies", "headers"]);

function NoPlatformGlobalName() {
  const fix = (name, words) => `Name it for what it is: \`${name}${pascal(words)}\`, say (the \`File\` schema became \`FileObject\`).`;
  const shadows =
    "shadows the global in the module a generator writes (hey-api, orval, openapi-generator declare a type per component), so code there meaning the global gets the component (an upload typed `Blob | File` accepted the file's metadata object).";
  const components = bundledComponents((byName, ctx, where) => {
    for (const [name, kinds] of byName) {
      if (!platformGlobals.has(name)) continue;
      for (const [kind, location] of kinds)
        if (typedKinds.has(kind))
          ctx.report({
            message: `The ${kindNames[kind]} \`${name}\` (${where(location)}) is named like a platform global: its generated type ${shadows} ${fix(name, kindNames[kind] === "schema" ? "object" : kindNames[kind])} Rename its file, or its key under \`components\`.`,
            location,
          });
    }
  });
  return {
    ...components,
    Schema: {
      enter(schema, ctx) {
        if (typeof schema.title === "string" && platformGlobals.has(schema.title))
          ctx.report({
            message: `A schema titled \`${schema.title}\`, named like a platform global: generators that name types by title (openapi-generator, orval) write a type that ${shadows} ${fix(schema.title, "object")}`,
            location: ctx.location.child(["title"]),
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
        "no-component-name-shared-across-kinds": NoComponentNameSharedAcrossKinds,
        "no-generator-runtime-name": NoGeneratorRuntimeName,
        "no-platform-global-name": NoPlatformGlobalName,
      },
    },
  };
}
