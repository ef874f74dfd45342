/**
 * Routes a request: the `Host` check, CORS preflight, the token endpoint, the spec's
 * operations, the docs, the spec's copy. Each operation runs the same checks in the same
 * order: bearer token and scope (401, 403), rate limit (429), the spec's parameters (400),
 * then the handler. `HEAD` is answered wherever `GET` is, by the `GET` handler without the body
 * (RFC 9110, section 9.3.2). Every refusal is a `Problem`, answered as problem details.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { fileURLToPath } from "node:url";
import { endpoints, limits, type OperationId } from "@lucca-api/types";
import { authorize } from "./bearer.ts";
import { applyCors } from "./http/cors.ts";
import { checkHost } from "./http/host-names.ts";
import { sendProblem } from "./http/respond.ts";
import { sendFile, serveStatic } from "./http/static-files.ts";
import { echoed, isProblem, Problem } from "./problem.ts";
import type { ClientAuthThrottle } from "./client-auth-throttle.ts";
import type { RateLimiter } from "./rate-limit.ts";
import { validateParameters, type ParameterValues } from "./request-parameters.ts";
import { retrieveFile } from "./retrieve-file.ts";
import type { RouteContext } from "./route-context.ts";
import { bundledSpecFile, servedSpecPath } from "./spec-document.ts";
import { handleTokenRequest, tokenPath } from "./token-endpoint.ts";
import { uploadFile } from "./upload-file.ts";

type Handler = (request: IncomingMessage, response: ServerResponse, values: ParameterValues, context: RouteContext) => Promise<void>;

/** By operationId: `HEAD` on the file URL (`retrieveFileHeaders`) runs `GET`'s handler, which sends no body for it. */
const handlers: Record<OperationId, Handler> = { uploadFile, retrieveFile, retrieveFileHeaders: retrieveFile };

interface Route {
  operationId: OperationId;
  method: string;
  pattern: RegExp;
  names: string[];
}

/** `/lucca-api/files/{id}` → `^/lucca-api/files/([^/]+)$`, from the spec's paths. */
const routes: Route[] = (Object.keys(endpoints) as OperationId[]).map((operationId) => {
  const { method, path } = endpoints[operationId];
  const names: string[] = [];
  const source = path
    .split("/")
    .map((segment) => {
      const template = /^\{(.+)\}$/.exec(segment);
      if (!template) return segment.replace(/[.*+?^$()|[\]\\{}]/g, "\\$&");
      names.push(template[1]!);
      return "([^/]+)";
    })
    .join("/");
  return { operationId, method, pattern: new RegExp(`^${source}$`), names };
});

export interface RouterContext extends RouteContext {
  /** The host names `Host` may carry (see http/host-names.ts). */
  allowedHostNames: Set<string>;
  rateLimiter: RateLimiter;
  clientAuthThrottle: ClientAuthThrottle;
}

function match(pathname: string): { routes: Route[]; path: Record<string, string> } {
  const found = routes.map((route) => ({ route, groups: route.pattern.exec(pathname) })).filter((entry) => entry.groups);
  const path: Record<string, string> = {};
  const first = found[0];
  if (first) first.route.names.forEach((name, index) => (path[name] = safeDecode(first.groups![index + 1]!)));
  return { routes: found.map((entry) => entry.route), path };
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** The methods a path takes: its operations', plus `HEAD` wherever `GET` is. */
function methodsOf(candidates: Route[]): string[] {
  const methods = candidates.map((candidate) => candidate.method);
  return methods.includes("GET") && !methods.includes("HEAD") ? [...methods, "HEAD"] : methods;
}

/** The route of `method` among a path's routes; `HEAD` falls back to the path's `GET`. */
function routeFor(candidates: Route[], method: string | undefined): Route | undefined {
  return candidates.find((candidate) => candidate.method === method) ?? (method === "HEAD" ? candidates.find((candidate) => candidate.method === "GET") : undefined);
}

async function runOperation(route: Route, request: IncomingMessage, response: ServerResponse, url: URL, path: Record<string, string>, context: RouterContext) {
  const caller = authorize(request, route.operationId, context.signer);
  context.rateLimiter.take(caller.clientId);
  const values = validateParameters(route.operationId, { headers: request.headers, query: url.searchParams, path });
  // A path whose `GET` the spec gives no `HEAD` still answers it (RFC 9110, section 9.3.2), with `GET`'s handler.
  await handlers[route.operationId](request, response, values, context);
}

/**
 * After a refusal sent before the body was read (413, a bad part), the rest of the body
 * is read and dropped so the client receives the answer; a client that keeps sending
 * past the server timeout is cut off.
 */
function drain(request: IncomingMessage): void {
  if (request.complete) return;
  request.resume();
  const timer = setTimeout(() => request.socket.destroy(), limits.serverTimeoutSeconds * 1000);
  timer.unref();
  request.once("end", () => clearTimeout(timer));
  request.once("close", () => clearTimeout(timer));
}

export async function route(request: IncomingMessage, response: ServerResponse, context: RouterContext): Promise<void> {
  response.setHeader("X-Content-Type-Options", "nosniff");
  try {
    checkHost(request, context.allowedHostNames);
    if (applyCors(request, response)) return;
    const url = new URL(request.url ?? "/", "http://sandbox.invalid");
    if (url.pathname === tokenPath) {
      await handleTokenRequest(request, response, {
        clients: context.options.clients,
        signer: context.signer,
        accessTokenTtlSeconds: context.options.accessTokenTtlSeconds,
        throttle: context.clientAuthThrottle,
      });
      return;
    }
    const { routes: candidates, path } = match(url.pathname);
    if (candidates.length > 0) {
      const route = routeFor(candidates, request.method);
      if (!route)
        throw new Problem(405, {
          detail: `${echoed(url.pathname)} takes ${methodsOf(candidates).join(", ")}, not ${request.method}.`,
          headers: { Allow: methodsOf(candidates).join(", ") },
        });
      await runOperation(route, request, response, url, path, context);
      return;
    }
    const readsDocs = request.method === "GET" || request.method === "HEAD";
    const origin = context.publicUrl ?? context.fallbackOrigin;
    const served = { origin, headOnly: request.method === "HEAD" };
    if (context.options.docsDir && readsDocs && (await serveStatic(context.options.docsDir, url.pathname, response, served))) return;
    if (readsDocs && url.pathname === servedSpecPath && (await sendFile(fileURLToPath(bundledSpecFile), response, served))) return;
    if (readsDocs && url.pathname === "/" && !context.options.docsDir)
      throw new Problem(404, {
        detail: `No API reference is served here: start the sandbox with a built one (docsDir, or SANDBOX_DOCS_DIR for lucca-sandbox). The spec it implements is at ${servedSpecPath}.`,
      });
    throw new Problem(404, { detail: `Nothing is served at ${request.method} ${echoed(url.pathname)}.` });
  } catch (error) {
    const problem = isProblem(error) ? error : new Problem(500, { detail: "An unexpected error occurred; see the sandbox's log." });
    if (!isProblem(error)) context.options.logger.error(`${request.method} ${request.url?.split("?")[0]}: ${(error as Error)?.stack ?? String(error)}`);
    if (response.headersSent) {
      response.destroy();
      return;
    }
    sendProblem(request, response, problem);
    drain(request);
  }
}
