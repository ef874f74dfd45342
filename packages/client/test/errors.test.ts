import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";
import { beforeAll, describe, expect, it } from "vitest";
import { createApiError } from "../src/core/create-api-error.ts";
import * as client from "../src/index.ts";

const packageDir = join(dirname(fileURLToPath(import.meta.url)), "..");
/** The error classes and guards of one copy of the package, by name. */
type Exports = Record<string, ((value: unknown) => boolean) & { prototype: object }>;

const problemResponse = (status: number, headers: Record<string, string> = {}) =>
  Object.defineProperty(new Response(null, { status, headers: { "Content-Type": "application/problem+json", ...headers } }), "url", { value: "https://x.ilucca.net/lucca-api/files/1?token=secret-file-token" });

describe("each error status becomes its class of the hierarchy, recognised by its guard", () => {
  it.each([
    [400, "BadRequestError", client.isApiError],
    [401, "AuthenticationError", client.isAuthenticationError],
    [403, "PermissionDeniedError", client.isApiError],
    [404, "NotFoundError", client.isNotFoundError],
    [412, "PreconditionFailedError", client.isPreconditionFailedError],
    [413, "ContentTooLargeError", client.isApiError],
    [429, "RateLimitError", client.isRateLimitError],
    [500, "ServerError", client.isApiError],
    [503, "ServerError", client.isApiError],
    [406, "ApiError", client.isApiError],
  ] as const)("%i → %s", (status, name, guard) => {
    const error = createApiError(problemResponse(status), { title: "T", status, traceId: "trace-1" }, "GET");
    expect(error.name).toBe(name);
    expect(error).toBeInstanceOf((client as unknown as Record<string, new (...args: never[]) => Error>)[name]!);
    expect(guard(error)).toBe(true);
    expect(client.isLuccaError(error)).toBe(true);
    expect(error.requestId).toBe("trace-1");
    expect(error.message).not.toContain("secret-file-token");
  });

  it("the guards tell errors apart, and reject plain errors", () => {
    const timeout = new client.TimeoutError("attempt", 10, "GET x");
    expect([client.isTimeoutError(timeout), client.isConnectionError(timeout), client.isAbortError(timeout)]).toEqual([true, true, false]);
    expect(client.isLuccaError(new Error("plain"))).toBe(false);
    expect(client.isApiError({ name: "ApiError", status: 400 })).toBe(false);
  });

  const errorClasses = Object.entries(client).filter(([name, value]) => typeof value === "function" && /Error$/.test(name) && !name.startsWith("is"));

  /** Another copy of the error classes and guards, as a second bundle of the package carries them (esbuild, as an app's bundler). */
  let otherCopy: Exports;
  beforeAll(async () => {
    const folder = await mkdtemp(join(tmpdir(), "lucca-errors-copy-"));
    const file = join(folder, "errors.mjs");
    await build({ entryPoints: [join(packageDir, "src/errors/index.ts")], bundle: true, format: "esm", platform: "neutral", outfile: file, logLevel: "silent" });
    otherCopy = (await import(/* @vite-ignore */ pathToFileURL(file).href)) as Exports;
    await rm(folder, { recursive: true });
  });

  it.each(errorClasses.map(([name]) => [name]))("%s has its guard, which recognises the class's errors from another copy of the package, both ways", (name) => {
    const ours = client as unknown as Exports;
    expect(typeof ours[`is${name}`]).toBe("function");
    const theirs = Object.create(otherCopy[name]!.prototype) as Error;
    // Another copy's class: instanceof cannot tell, the guard must.
    expect(theirs).not.toBeInstanceOf(ours[name]!);
    expect(ours[`is${name}`]!(theirs)).toBe(true);
    expect(otherCopy[`is${name}`]!(Object.create(ours[name]!.prototype))).toBe(true);
    expect(ours[`is${name}`]!(Object.create(otherCopy.LuccaError!.prototype))).toBe(name === "LuccaError");
  });

  it("an InvalidInputError's reason is its message without the field, and not an enumerable field of it", () => {
    const error = new client.InvalidInputError("contentType", "'image/jpeg' is not accepted; pass contentType: 'image/jpg'.");
    expect(error.message).toBe(`contentType: ${error.reason}`);
    expect(error.reason).toBe("'image/jpeg' is not accepted; pass contentType: 'image/jpg'.");
    expect(Object.keys(error)).not.toContain("reason");
  });

  it("names live on the prototype: not an own field, so JSON of an error shows only its data", () => {
    const error = createApiError(problemResponse(404), { title: "Not Found", status: 404 }, "GET");
    expect(Object.keys(error)).not.toContain("name");
    expect(String(error)).toMatch(/^NotFoundError: 404 Not Found\./);
  });
});
