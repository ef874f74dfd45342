/**
 * Type-level tests, checked by `npm run typecheck`: each `@ts-expect-error` fails the
 * check if the client's types stop rejecting what it marks.
 */
import { currentApiVersion, unexplodedQueryParameters, type paths } from "@lucca-api/types";
import { createLuccaFilesClient, type FileObject } from "../src/index.ts";

const client = createLuccaFilesClient({ baseUrl: "https://example.ilucca.net", auth: { accessToken: "t" } });
const id = "2face165-5345-4cf3-ab05-5421a6b19df2";

// Api-Version is optional at the call site: the client sends it.
export const typedGet = client.GET("/lucca-api/files/{id}", { params: { path: { id }, query: { token: "t" } } });
// ...and may still be given, typed by the spec's versions.
export const explicitVersion = client.GET("/lucca-api/files/{id}", { params: { path: { id }, query: { token: "t" }, header: { "Api-Version": currentApiVersion } } });

// A later date is a version too: the API resolves it to the closest earlier one.
export const laterVersion = client.GET("/lucca-api/files/{id}", { params: { path: { id }, query: { token: "t" }, header: { "Api-Version": "2025-03-15" } } });

// @ts-expect-error an Api-Version is a string (a date)
export const numericVersion = client.GET("/lucca-api/files/{id}", { params: { path: { id }, query: { token: "t" }, header: { "Api-Version": 20241101 } } });

// A typed GET's data is the file object alone: no union with the content's Blob (the 206
// answer has no JSON media type, so it is not part of `data`).
export async function typedGetData(): Promise<FileObject | undefined> {
  const { data } = await client.GET("/lucca-api/files/{id}", { params: { path: { id }, query: { token: "t" } } });
  if (data === undefined) return undefined;
  const fileName: string = data.fileName;
  // @ts-expect-error data is not a Blob
  data.arrayBuffer();
  return { ...data, fileName };
}

// @ts-expect-error the file token stays required
export const missingToken = client.GET("/lucca-api/files/{id}", { params: { path: { id }, query: {} } });

// @ts-expect-error a path the spec does not have
export const unknownPath = client.GET("/lucca-api/employees", {});

// @ts-expect-error image/jpeg is not an accepted content type (the API wants image/jpg)
export const jpeg = client.uploadFile(new Blob([]), { fileName: "a.jpg", contentType: "image/jpeg" });

// @ts-expect-error include values come from the spec
export const wrongInclude = client.getFile("https://x/lucca-api/files/1?token=t", { include: ["everything"] });

// apiVersion offers the spec's known versions and takes any later date.
export const knownClientVersion = createLuccaFilesClient({ baseUrl: "https://x", auth: { accessToken: "t" }, apiVersion: "2024-11-01" });
export const laterClientVersion = createLuccaFilesClient({ baseUrl: "https://x", auth: { accessToken: "t" }, apiVersion: "2025-03-15" });

// @ts-expect-error the client's FileObject is not the platform's File: it does not shadow it
export const notPlatformFile: File = {} as FileObject;

// Under exactOptionalPropertyTypes (this package's setting), an option may be given as
// `undefined`: an ETag the server did not send goes straight back into the next call.
declare const maybeETag: string | undefined;
declare const maybeInclude: ("links" | "embedded")[] | undefined;
export const revalidate = client.getFile("https://x/lucca-api/files/1?token=t", { ifNoneMatch: maybeETag, ifMatch: maybeETag, include: maybeInclude });
export const upload = client.uploadFile(new Blob([]), { fileName: undefined, ifMatch: maybeETag, onProgress: undefined });
export const download = client.downloadFile("https://x/lucca-api/files/1?token=t", { offset: undefined, ifMatch: maybeETag, signal: undefined });
export const typedWithUndefined = client.GET("/lucca-api/files/{id}", { params: { path: { id }, query: { token: "t", include: maybeInclude }, header: { "If-None-Match": maybeETag } } });
export const retryWithUndefined = createLuccaFilesClient({ baseUrl: "https://x", auth: { accessToken: "t" }, timeout: undefined, retry: { maxRetries: undefined }, logger: { debug: undefined, warn: console.warn } });

// The query serializer is openapi-fetch's, told `include`'s style (create-client.ts): it
// applies it to every array query parameter, so the spec's array query parameters must be
// exactly those it declares unexploded.
type ArrayKeys<Query> = [Query] extends [never] ? never : { [Name in keyof Query]-?: NonNullable<Query[Name]> extends readonly unknown[] ? Name : never }[keyof Query];
type ArrayQueryParameters = Exclude<
  { [Path in keyof paths]: { [Method in keyof paths[Path]]: paths[Path][Method] extends { parameters: { query?: infer Query } } ? ArrayKeys<NonNullable<Query>> : never }[keyof paths[Path]] }[keyof paths],
  undefined
>;
type Unexploded = (typeof unexplodedQueryParameters)[number];
export const onlyUnexplodedArrays: [ArrayQueryParameters] extends [Unexploded] ? ([Unexploded] extends [ArrayQueryParameters] ? true : false) : false = true;
