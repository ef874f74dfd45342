import { contentDispositionHeader, contentRangeHeader, deprecationHeader, sunsetHeader } from "@lucca-api/types";
import type { TokenProvider } from "./token-provider.ts";
import { runAttempts, type AttemptConfig, type SendAttempt } from "./attempts.ts";
import type { KeepBody } from "./kept-body.ts";
import { readText } from "./read-answer.ts";
import * as httpStatus from "./http-status.ts";
import type { RedactingLogger } from "./logger.ts";
import { redactUrl } from "./redact.ts";

export interface TransportConfig extends AttemptConfig {
  fetch: typeof fetch;
  /** The origin of the configured API: the only one that receives the bearer token. */
  apiOrigin: string;
  tokens: TokenProvider | undefined;
  totalTimeout: number;
  /** The platform's way to give an answer the body read in its attempt, or guarded. */
  keepBody: KeepBody;
}

/**
 * A request's body: what `fetch` takes, or an async iterable, which Node's fetch streams.
 * Spelled with `RequestInit`, not the DOM's `BodyInit`: a Node project compiled without
 * the DOM library (`lib: ["es2023"]`, as @tsconfig/node20 has it) gets `RequestInit` from
 * @types/node but no `BodyInit`, and these declarations are published.
 */
export type RequestBody = NonNullable<RequestInit["body"]> | AsyncIterable<Uint8Array>;

/** What a helper knows about its request that a `Request` object cannot say. */
export interface SendOptions {
  /**
   * Builds the body anew for each attempt, which makes the request re-sendable. `touch`
   * restarts the attempt's timer; call it as the body makes progress. An async iterable
   * is for Node's fetch, which streams it as it iterates.
   */
  body?: (touch: () => void) => RequestBody;
  /** `body` can be built only once (it reads a caller's stream): no retry. */
  oneShot?: boolean;
  /** The operation may run twice without harm even though its method is not safe. */
  repeatable?: boolean;
  /**
   * The answer is a small JSON body the helper reads whole: read it inside the attempt,
   * so that the timeouts, the retries and the caller's signal cover it to its last byte
   * (a body that stalls after its headers would otherwise wait forever).
   */
  readBody?: boolean;
  /**
   * A typed call, whose answer openapi-fetch reads after `send` returns: read it inside
   * the attempt as with `readBody`, unless it is a file's content, which may be large:
   * that one streams, guarded by the timeouts and the caller's signal.
   */
  guardBody?: boolean;
  /**
   * The caller's own signal, or null for none, when the helper knows it: then only that
   * one is watched (a typed call's `Request` always has a signal, which costs a listener).
   */
  callerSignal?: AbortSignal | null;
}

export interface Transport {
  /** The `fetch` given to openapi-fetch: every typed call goes through it. */
  fetch(request: Request): Promise<Response>;
  send(request: Request, options: SendOptions): Promise<Response>;
}

const safeMethods = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * The one place where requests leave the client: adds the bearer token (only for the
 * API's origin), applies timeouts and retries, and after a 401 drops the token and
 * sends once more with a fresh one when the body can be sent again.
 */
export function createTransport(config: TransportConfig): Transport {
  async function send(request: Request, options: SendOptions): Promise<Response> {
    const startedAt = performance.now();
    let described: string | undefined;
    const describe = () => (described ??= `${request.method} ${redactUrl(request.url)}`);
    // `Request` normalizes its URL as `URL.origin` does, so a prefix test is exact.
    const tokens = request.url.startsWith(config.apiOrigin) && request.url[config.apiOrigin.length] === "/" ? config.tokens : undefined;
    const resendable = options.body ? options.oneShot !== true : request.body === null;
    const safe = safeMethods.has(request.method);
    const repeatable = resendable && (safe || options.repeatable === true);
    let usedToken: string | undefined;
    // The last answer is left unread: a file's content, or a helper's stream.
    let streamed = false;

    const sendAttempt: SendAttempt = async (signal, touch) => {
      if (tokens) {
        // A cached token comes back as it is: no promise to wait for on most requests.
        const token = tokens.getToken(signal);
        usedToken = typeof token === "string" ? token : await token;
        request.headers.set("Authorization", `Bearer ${usedToken}`);
      }
      const response = await (options.body
        ? config.fetch(request.url, { method: request.method, headers: request.headers, body: options.body(touch), signal, redirect: "error", duplex: "half" } as RequestInit)
        : config.fetch(request, { signal }));
      // A small answer is read here, under the attempt's timers, signal and retries; a
      // file's content streams after `send` returns (a typed call's guarded in `finish`).
      streamed = !options.readBody && (!options.guardBody || isContent(response));
      return streamed ? response : config.keepBody(response, await readText(response, touch));
    };
    const typedCall = options.callerSignal === undefined;
    const call = { repeatable, repeatsEffect: !safe, signal: typedCall ? request.signal : options.callerSignal, signalDiesWithCall: typedCall, describe, startedAt };
    const run = () => runAttempts(sendAttempt, call, config);

    const finish = (response: Response) =>
      options.guardBody && streamed && response.body
        ? config.keepBody(response, { original: response.body, guard: { idleTimeout: config.timeout, totalTimeout: config.totalTimeout, startedAt, signal: request.signal, describe, startDeadline: config.startDeadline } })
        : response;

    const response = warnIfDeprecated(await run(), describe, config.logger);
    if (response.status !== httpStatus.unauthorized || !tokens || !usedToken || !resendable) return finish(response);
    if (!tokens.invalidate(usedToken)) return finish(response);
    await response.body?.cancel().catch(() => undefined);
    config.logger.warn(`${describe()} answered 401; retrying once with a fresh access token.`);
    return finish(warnIfDeprecated(await run(), describe, config.logger));
  }

  return { fetch: (request) => send(request, { guardBody: true }), send };
}

/**
 * What a helper hands openapi-fetch for its call to go through `send`: the caller's signal
 * is watched by the transport (`callerSignal`), so the `Request` gets none. `options` is
 * the helper's own object for this call, completed in place: a copy (a spread) cost some
 * 1 µs a request.
 */
export function through(transport: Transport, signal: AbortSignal | undefined, options: SendOptions): { signal: null; fetch: (request: Request) => Promise<Response> } {
  options.callerSignal = signal ?? null;
  return { signal: null, fetch: (request) => transport.send(request, options) };
}

/**
 * A file's content, as the spec marks it: it "comes with `Content-Disposition`", and a
 * part of it (`206`) with `Content-Range`; a file may be JSON, so its type alone does not
 * say. But an answer that is not JSON is not read as text either, whatever its headers:
 * decoding bytes as UTF-8 would corrupt them, and a page often cannot see
 * `Content-Disposition` (CORS), where `Content-Type` is always readable.
 */
function isContent(response: Response): boolean {
  if (!response.ok) return false;
  const { headers } = response;
  return headers.has(contentDispositionHeader) || headers.has(contentRangeHeader) || !JSON_MEDIA_TYPE.test(headers.get("Content-Type") ?? "");
}

/** `application/json`, `application/problem+json` and the like, parameters aside. */
const JSON_MEDIA_TYPE = /^[^;]*[/+]json\s*(;|$)/i;

/** The spec's `Deprecation` and `Sunset` headers say the `apiVersion` is going away: say so once per answer. */
function warnIfDeprecated(response: Response, describe: () => string, logger: RedactingLogger): Response {
  const deprecation = response.headers.get(deprecationHeader);
  if (deprecation !== null) {
    const sunset = response.headers.get(sunsetHeader);
    logger.warn(`${describe()}: this Api-Version is deprecated (${deprecation})${sunset ? `, served until ${sunset}` : ""}; move the \`apiVersion\` option to a newer version.`);
  }
  return response;
}
