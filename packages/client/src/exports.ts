/**
 * The public surface both entry points share (`index.ts` for Node and by default,
 * `browser.ts` for browsers); each adds `createLuccaFilesClient` for its platform.
 *
 * Exports, by module: the factory and its options (core), the file helpers' types
 * (upload, download, files, links), and the error hierarchy with its guards (errors).
 * Not exported on purpose: the transport, the token providers and the multipart
 * encoder, which are how the client works, not what it promises.
 */

// core
export type { LuccaFilesClient, FileHelpers } from "./create-client.ts";
export type { LuccaFilesClientOptions } from "./options.ts";
export type { RetryOptions } from "./core/backoff.ts";
export type { Logger } from "./core/logger.ts";
export type { ClientPaths } from "./core/client-paths.ts";
export { unwrap } from "./core/unwrap.ts";

// auth
export type { ClientCredentials } from "./auth/client-credentials-provider.ts";
export type { AccessTokenSource } from "./auth/static-token-provider.ts";

// upload, download, metadata, links
export type { UploadSource } from "./upload/upload-source.ts";
export type { UploadFileOptions, UploadedFile, UploadProgress } from "./upload/upload-file.ts";
export type { DownloadFileOptions, DownloadProgress, FileDownload } from "./download/download-file.ts";
export type { GetFileOptions, GetFileResult } from "./files/get-file.ts";
export type { FileTarget } from "./links/file-target.ts";
export { parseFileLink, type FileLink } from "./links/parse-file-link.ts";

// errors
export * from "./errors/index.ts";

// the API's own types, re-exported for convenience
export type { FileObject, Link, ProblemDetails, ContentType, ApiVersion, KnownApiVersion, IncludeValue, Scope, JsonPaths } from "@lucca-api/types";
