/**
 * Type-level tests, checked by `npm run typecheck`: each `@ts-expect-error` fails the
 * check if the client's types stop rejecting what it marks.
 */
import { currentApiVersion } from "@lucca-api/types";
import { createLuccaFilesClient } from "../src/index.ts";

const client = createLuccaFilesClient({ baseUrl: "https://example.ilucca.net", auth: { accessToken: "t" } });
const id = "2face165-5345-4cf3-ab05-5421a6b19df2";

// Api-Version is optional at the call site: the client sends it.
export const typedGet = client.GET("/lucca-api/files/{id}", { params: { path: { id }, query: { token: "t" } } });
// ...and may still be given, typed by the spec's versions.
export const explicitVersion = client.GET("/lucca-api/files/{id}", { params: { path: { id }, query: { token: "t" }, header: { "Api-Version": currentApiVersion } } });

// @ts-expect-error a version the spec does not list is rejected
export const wrongVersion = client.GET("/lucca-api/files/{id}", { params: { path: { id }, query: { token: "t" }, header: { "Api-Version": "2023-01-01" } } });

// @ts-expect-error the file token stays required
export const missingToken = client.GET("/lucca-api/files/{id}", { params: { path: { id }, query: {} } });

// @ts-expect-error a path the spec does not have
export const unknownPath = client.GET("/lucca-api/employees", {});

// @ts-expect-error image/jpeg is not an accepted content type (the API wants image/jpg)
export const jpeg = client.uploadFile(new Blob([]), { fileName: "a.jpg", contentType: "image/jpeg" });

// @ts-expect-error include values come from the spec
export const wrongInclude = client.getFile("https://x/lucca-api/files/1?token=t", { include: ["everything"] });

// @ts-expect-error apiVersion is typed from the spec's versions
export const wrongClientVersion = createLuccaFilesClient({ baseUrl: "https://x", auth: { accessToken: "t" }, apiVersion: "2020-01-01" });

// Under exactOptionalPropertyTypes (this package's setting), an option may be given as
// `undefined`: an ETag the server did not send goes straight back into the next call.
declare const maybeETag: string | undefined;
declare const maybeInclude: ("links" | "embedded")[] | undefined;
export const revalidate = client.getFile("https://x/lucca-api/files/1?token=t", { ifNoneMatch: maybeETag, ifMatch: maybeETag, include: maybeInclude });
export const upload = client.uploadFile(new Blob([]), { fileName: undefined, ifMatch: maybeETag, onProgress: undefined });
export const download = client.downloadFile("https://x/lucca-api/files/1?token=t", { offset: undefined, ifMatch: maybeETag, signal: undefined });
export const typedWithUndefined = client.GET("/lucca-api/files/{id}", { params: { path: { id }, query: { token: "t", include: maybeInclude }, header: { "If-None-Match": maybeETag } } });
export const retryWithUndefined = createLuccaFilesClient({ baseUrl: "https://x", auth: { accessToken: "t" }, timeout: undefined, retry: { maxRetries: undefined }, logger: { debug: undefined, warn: console.warn } });
