import { guardedStream, type BodyGuard } from "./guarded-body.ts";

/**
 * An answer's body once the transport is done with it: the text of a small answer read
 * whole inside its attempt (`readText`), or the guard of a file's content that a typed
 * call hands to openapi-fetch unread.
 */
export type Kept = string | { original: ReadableStream<Uint8Array>; guard: BodyGuard; stream?: ReadableStream<Uint8Array> };

/** Gives an answer the body that was read or guarded: the platform's (`Platform.keepBody`). */
export type KeepBody = (response: Response, body: Kept) => Response;

const kept = Symbol("kept body");
type KeptResponse = Response & { [kept]: Kept };

/**
 * Node's `KeepBody`: the same `Response` comes back, its readers (`body`, `bodyUsed`,
 * `text()`, `json()`, `arrayBuffer()`, `blob()`, `clone()`, which a middleware's
 * `onResponse` may call) taken from a prototype all such answers share, which serves
 * what was read, or reads through the guard. Every request comes here, so
 * this is cheap: a new `Response` would build a web stream (measured at about 60 µs of
 * a 400 µs loopback GET on Node), readers defined on each answer about 20 µs. (A
 * browser builds a new one: `fresh-body.ts`.)
 */
export const keepBody: KeepBody = (response, body) => {
  (response as KeptResponse)[kept] = body;
  return Object.setPrototypeOf(response, KeptBody) as Response;
};

/** The guarded content as a fresh `Response`, for the readers other than `body`; the text read, likewise. */
const again = (response: KeptResponse) => new Response(typeof response[kept] === "string" ? response[kept] : response.body, { headers: response.headers });

// Built by a function so that a bundle without `keepBody` (a browser's) drops it.
const KeptBody: Response = /* @__PURE__ */ keptBodyPrototype();

function keptBodyPrototype(): Response {
  return Object.create(globalThis.Response?.prototype ?? Object.prototype, {
    body: {
      get(this: KeptResponse) {
        const body = this[kept];
        return typeof body === "string" ? again(this).body : (body.stream ??= guardedStream(body.original, body.guard));
      },
    },
    // The native body was read in the attempt: what counts is the kept one. Text read in
    // the attempt can be served again; the guarded content, once a reader took it.
    bodyUsed: {
      get(this: KeptResponse) {
        const body = this[kept];
        return typeof body !== "string" && body.stream?.locked === true;
      },
    },
    clone: {
      value(this: KeptResponse) {
        const body = this[kept];
        let copy: ReadableStream<Uint8Array> | string | null;
        if (typeof body === "string") copy = body || null;
        // The guarded content, teed: one branch stays this answer's, the other is the clone's.
        else [body.stream, copy] = this.body!.tee();
        return Object.defineProperty(new Response(copy, this), "url", { value: this.url });
      },
    },
    text: {
      value(this: KeptResponse) {
        const body = this[kept];
        return typeof body === "string" ? Promise.resolve(body) : again(this).text();
      },
    },
    json: {
      async value(this: Response) {
        return JSON.parse(await this.text()) as unknown;
      },
    },
    arrayBuffer: {
      value(this: KeptResponse) {
        return again(this).arrayBuffer();
      },
    },
    blob: {
      value(this: KeptResponse) {
        return again(this).blob();
      },
    },
  }) as Response;
}
