/**
 * Renders src/generated/constants.ts: the API facts the client and the sandbox need at
 * run time, read from the bundled spec so that none of them is typed twice.
 */
import { generatedHeader } from "./generated-header.ts";

type Json = any; // the bundled OpenAPI document, already validated by redocly lint

const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

/** Follows local `$ref`s (`#/components/...`), as the bundle leaves them. */
function resolver(document: Json) {
  return function resolve(node: Json): Json {
    while (node && typeof node === "object" && typeof node.$ref === "string") {
      const pointer = node.$ref.replace(/^#\//, "").split("/");
      node = pointer.reduce((at: Json, key: string) => at?.[key.replace(/~1/g, "/").replace(/~0/g, "~")], document);
      if (node === undefined) throw new Error(`unresolvable $ref in the bundled spec`);
    }
    return node;
  };
}

/** `Api-Version` -> `apiVersion`, `ETag` -> `eTag`, `If-None-Match` -> `ifNoneMatch`. */
function camelCase(name: string): string {
  const words = name.split(/[^A-Za-z0-9]+/).filter(Boolean);
  return words.map((w, i) => (i === 0 ? w[0]!.toLowerCase() + w.slice(1) : w[0]!.toUpperCase() + w.slice(1))).join("");
}

function required<T>(value: T | undefined, what: string): T {
  if (value === undefined || value === null) throw new Error(`the spec does not state ${what}`);
  return value;
}

export function renderConstants(document: Json): string {
  const resolve = resolver(document);
  const components = document.components ?? {};

  // The gate (scripts/spec-check) also renders the base branch's spec and its own test
  // fixtures with this script: those may still use the components' former names
  // (`ApiVersion` for the parameter, `ContentType` for the schema), which generators
  // mangled (issue 9's follow-up: `ApiVersion2`, a merge with a client's own `ContentType`).
  const apiVersionParameter = resolve(
    required(components.parameters?.ApiVersionHeader ?? components.parameters?.ApiVersion, "components.parameters.ApiVersionHeader"),
  );
  // The schema admits any date; the versions the spec describes are its open list
  // (`x-extensible-enum`). An older spec listed them as a closed `enum`: the spec gate
  // generates the base branch's spec with this script too.
  const apiVersionSchema = resolve(required(apiVersionParameter.schema, "the Api-Version schema"));
  const apiVersions: string[] = [
    ...required(apiVersionSchema["x-extensible-enum"] ?? apiVersionSchema.enum, "the Api-Version schema's x-extensible-enum"),
  ].sort();
  const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const apiVersionPattern: string = apiVersionSchema.pattern ?? `^(${apiVersions.map(escapeRegExp).join("|")})$`;
  const contentTypes: string[] = required(
    resolve(components.schemas?.FileContentType ?? components.schemas?.ContentType)?.enum,
    "components.schemas.FileContentType.enum",
  );
  const includeValues: string[] = required(resolve(components.parameters?.Include)?.schema?.items?.enum, "the include enum");
  const dispositionValues: string[] = required(resolve(components.parameters?.Disposition)?.schema?.enum, "the disposition enum");
  const oauth2 = resolve(required(components.securitySchemes?.oauth2, "components.securitySchemes.oauth2"));
  const flow = required(oauth2.flows?.clientCredentials, "the oauth2 client-credentials flow");
  const limits = required(document.info?.["x-lucca-limits"], "info.x-lucca-limits");

  const parameters: Record<string, { name: string; in: string; style?: string; explode?: boolean }> = {};
  for (const [key, parameter] of Object.entries<Json>(components.parameters ?? {})) {
    const p = resolve(parameter);
    // A header parameter is keyed by its header's name, as `responseHeaders` are
    // (`Api-Version` -> `apiVersion`): its component's name may end in `Header` to stay
    // apart from the schema of its value. Path and query parameters keep their
    // component's name (`FileId` -> `fileId`: the wire's `id` alone says little).
    // style/explode only where the spec states them: they decide how arrays go on the wire.
    parameters[camelCase(p.in === "header" ? p.name : key)] = {
      name: p.name,
      in: p.in,
      ...(p.style === undefined ? {} : { style: p.style }),
      ...(p.explode === undefined ? {} : { explode: p.explode }),
    };
  }
  const responseHeaders: Record<string, string> = {};
  for (const path of Object.values<Json>(document.paths ?? {}))
    for (const method of HTTP_METHODS)
      for (const response of Object.values<Json>(path[method]?.responses ?? {}))
        for (const name of Object.keys(resolve(response).headers ?? {})) responseHeaders[camelCase(name)] = name;

  const operations: Record<string, Json> = {};
  for (const [path, pathItem] of Object.entries<Json>(document.paths ?? {})) {
    for (const method of HTTP_METHODS) {
      const operation = pathItem[method];
      if (!operation) continue;
      const requestContent = resolve(operation.requestBody)?.content ?? {};
      const responses: Record<string, string[]> = {};
      for (const [status, response] of Object.entries<Json>(operation.responses ?? {}))
        responses[status] = Object.keys(resolve(response).content ?? {});
      operations[operation.operationId] = {
        method: method.toUpperCase(),
        path,
        beta: operation["x-lucca-beta"] === true,
        scopes: (operation.security ?? []).map((requirement: Json) => Object.values(requirement).flat()),
        requestMediaTypes: Object.keys(requestContent),
        requestParts: Object.entries<Json>(requestContent).flatMap(([mediaType, media]) =>
          mediaType.startsWith("multipart/") ? Object.keys(resolve(media.schema)?.properties ?? {}) : [],
        ),
        responses,
      };
    }
  }

  // The local sandbox's server: the one plain-HTTP URL on a loopback host. The sandbox
  // rewrites it in the reference it serves when it listens elsewhere; `--sandbox` calls it.
  const loopbackHostNames = ["127.0.0.1", "localhost", "[::1]"];
  const localSandboxServerUrl = (document.servers ?? [])
    .map((server: Json) => String(server.url))
    .find((url: string) => URL.canParse(url) && new URL(url).protocol === "http:" && loopbackHostNames.includes(new URL(url).hostname));

  const problemMediaType = Object.values<Json>(components.responses ?? {})
    .flatMap((response) => Object.keys(resolve(response).content ?? {}))
    .find((mediaType) => mediaType.endsWith("problem+json"));

  const constant = (name: string, value: unknown, doc: string, type?: string) =>
    `/** ${doc} */\nexport const ${name}${type ? `: ${type}` : ""} = ${JSON.stringify(value, null, 2)} as const;\n`;

  // The same facts again as one small export each, which a bundler drops when unused: a
  // browser bundle that needs one header name or one path does not carry whole tables.
  const parameterExports = Object.entries(parameters).map(([key, parameter]) =>
    constant(`${key}Parameter`, parameter, `The \`${parameter.name}\` ${parameter.in} parameter (\`parameters.${key}\`).`),
  );
  const headerExports = Object.entries(responseHeaders).map(([key, name]) => constant(`${key}Header`, name, `The \`${name}\` response header.`));
  const routeExports = Object.entries(operations).map(([operationId, operation]) =>
    constant(
      `${operationId}Route`,
      { method: operation.method, path: operation.path, requestMediaTypes: operation.requestMediaTypes, requestParts: operation.requestParts },
      `How \`${operationId}\` is sent: method, path, request media types and multipart parts (\`endpoints.${operationId}\` without scopes and responses).`,
    ),
  );
  const unexplodedQueryParameters = Object.values(parameters)
    .filter((parameter) => parameter.in === "query" && parameter.explode === false)
    .map((parameter) => parameter.name);
  const limitExports = Object.entries<Json>(limits).map(([key, value]) => constant(key, value, `\`limits.${key}\`.`));

  return [
    generatedHeader,
    constant("apiVersions", apiVersions, "The dated `Api-Version`s the spec describes (the `ApiVersion` schema's `x-extensible-enum`), oldest first. The API accepts any later date too."),
    `/** One of the dated API versions the spec describes. */\nexport type KnownApiVersion = (typeof apiVersions)[number];\n`,
    constant("currentApiVersion", apiVersions.at(-1), "The newest `Api-Version`: the default of the client."),
    constant("apiVersionPattern", apiVersionPattern, "The form of any `Api-Version` (a date), as a regular expression source."),
    constant("contentTypes", contentTypes, "The content types the API accepts for an upload (the `FileContentType` schema's enum), in the spec's order."),
    `/** A content type the API accepts for an upload: one of \`contentTypes\` (the spec's \`FileContentType\` schema). */\nexport type ContentType = (typeof contentTypes)[number];\n`,
    constant("includeValues", includeValues, "The values of the `include` query parameter."),
    `/** A value of the \`include\` query parameter. */\nexport type IncludeValue = (typeof includeValues)[number];\n`,
    constant("dispositionValues", dispositionValues, "The values of the `disposition` query parameter."),
    `/** A value of the \`disposition\` query parameter. */\nexport type Disposition = (typeof dispositionValues)[number];\n`,
    constant("parameters", parameters, "Every shared parameter of the spec: its name on the wire, where it goes and, when stated, its serialization (`style`, `explode`)."),
    constant("responseHeaders", responseHeaders, "The names of the response headers the spec describes."),
    constant("endpoints", operations, "Each operation by operationId: method, path, scopes, media types and statuses."),
    `/** An operationId of the spec. */\nexport type OperationId = keyof typeof endpoints;\n`,
    constant("problemMediaType", required(problemMediaType, "a problem+json media type"), "The media type of error bodies (RFC 7807)."),
    constant("oauth2", { tokenUrl: flow.tokenUrl, scopes: Object.keys(flow.scopes ?? {}) }, "The OAuth 2 client-credentials flow: token URL and scopes."),
    `/** An OAuth 2 scope of the API. */\nexport type Scope = (typeof oauth2.scopes)[number];\n`,
    constant("limits", limits, "The limits the API documents (`info.x-lucca-limits`)."),
    constant(
      "servers",
      (document.servers ?? []).map((s: Json) => ({ url: s.url, description: s.description })),
      "The servers of the spec, with their URL templates.",
    ),
    constant(
      "localSandboxServerUrl",
      required(localSandboxServerUrl, "a server for the local sandbox (an http:// URL on 127.0.0.1, localhost or [::1] in servers)"),
      "The spec's server for the local sandbox of this repository (`npm start`): its plain-HTTP loopback URL among `servers`.",
    ),
    ...parameterExports,
    ...headerExports,
    ...routeExports,
    constant(
      "unexplodedQueryParameters",
      unexplodedQueryParameters,
      "The query parameters whose arrays go comma-joined in one parameter (`style: form`, `explode: false`), where the default repeats them.",
    ),
    ...limitExports,
  ].join("\n");
}
