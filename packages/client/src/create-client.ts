import { apiVersionParameter, includeParameter } from "@lucca-api/types";
import createClient, { type Client } from "openapi-fetch";
import { broughtProvider, type CreateCredentialsProvider } from "./auth/credentials-provider-key.ts";
import { createStaticTokenProvider } from "./auth/static-token-provider.ts";
import type { ClientPaths, JsonMediaType } from "./core/client-paths.ts";
import type { ClientContext, ReadPlainLink, ResolvedOptions } from "./core/context.ts";
import type { StartDeadline } from "./core/deadline.ts";
import type { KeepBody } from "./core/kept-body.ts";
import { createRedactingLogger } from "./core/logger.ts";
import type { TokenProvider } from "./core/token-provider.ts";
import { createTransport } from "./core/transport.ts";
import { downloadFile, type DownloadFileOptions, type FileDownload, type SaveToPath } from "./download/download-file.ts";
import { getFile, type GetFileOptions, type GetFileResult } from "./files/get-file.ts";
import type { FileTarget } from "./links/file-target.ts";
import { parseFileLink, type FileLink } from "./links/parse-file-link.ts";
import { resolveOptions, type LuccaFilesClientOptions } from "./options.ts";
import { uploadFile, type UploadedFile, type UploadFileOptions, type UploadPlatform } from "./upload/upload-file.ts";
import type { UploadSource } from "./upload/upload-source.ts";

/** The file helpers added to openapi-fetch's typed client. */
export interface FileHelpers {
  /** Uploads a file (`POST /lucca-api/files`); throws a typed error on failure. */
  uploadFile(source: UploadSource, options?: UploadFileOptions): Promise<UploadedFile>;
  /** Reads a file's JSON representation, with ETag revalidation. */
  getFile(target: FileTarget, options?: GetFileOptions): Promise<GetFileResult>;
  /** Downloads a file's content as a stream, Blob, bytes or to a path. */
  downloadFile(target: FileTarget, options?: DownloadFileOptions): Promise<FileDownload>;
  /** Takes a link `href` apart: id, access token and base URL. */
  parseFileLink(href: string): FileLink;
}

/** openapi-fetch's client typed by the spec (`GET`, `POST`, ... with `{ data, error }`), plus the file helpers. */
export type LuccaFilesClient = Client<ClientPaths, JsonMediaType> & FileHelpers;

/** What differs between Node and a browser: the entry points (`index.ts`, `browser.ts`) each give theirs. */
export interface Platform {
  upload: UploadPlatform;
  saveToPath: SaveToPath;
  /**
   * For `auth: { clientId, clientSecret }`: Node's makes the token provider; a browser's
   * refuses (there the provider comes only with `clientCredentials()`, which a browser
   * app imports on purpose, for a local sandbox).
   */
  clientCredentials: CreateCredentialsProvider;
  /** The waits of the timeouts: Node's share a timer per length, a browser's are plain timers. */
  startDeadline: StartDeadline;
  /** An answer's body read in its attempt, or guarded: Node's shares a prototype, a browser's is a new `Response`. */
  keepBody: KeepBody;
  /**
   * Node's reads a link on the client's own API by hand, without the cost of its `URL`
   * and `URLSearchParams`; a browser's `URL` is native, and its bundle carries none.
   */
  readPlainLink?: ReadPlainLink;
  /**
   * Added to the message of a request that got no answer: a browser's names CORS, which
   * refuses a page's request with the same bare "Failed to fetch" as a network down.
   */
  unansweredHint?: string;
}

/**
 * The factory for a platform. The client it creates: every request, typed call or
 * helper, carries `Api-Version`, the bearer token (to the configured origin only),
 * timeouts and retries.
 */
export function createClientFactory(platform: Platform): (options: LuccaFilesClientOptions) => LuccaFilesClient {
  return (options) => {
    const resolved: ResolvedOptions = { ...resolveOptions(options), startDeadline: platform.startDeadline, keepBody: platform.keepBody, readPlainLink: platform.readPlainLink, unansweredHint: platform.unansweredHint };
    let tokens: TokenProvider | undefined;
    const logger = createRedactingLogger(options.logger, () => tokens?.secrets() ?? []);
    const { auth } = options;
    tokens =
      "accessToken" in auth
        ? createStaticTokenProvider(auth.accessToken)
        : // A token request is bounded by its attempts' timeout; the call waiting for it, by its own.
          (broughtProvider(auth) ?? platform.clientCredentials)(auth, { ...resolved, totalTimeout: 0, logger, dangerouslyAllowBrowser: options.dangerouslyAllowBrowser });
    const transport = createTransport({ ...resolved, tokens, logger });
    const api = createClient<ClientPaths, JsonMediaType>({
      baseUrl: resolved.baseUrl,
      fetch: transport.fetch,
      headers: { [apiVersionParameter.name]: resolved.apiVersion },
      // The spec's one array query parameter, `include`, goes comma-joined (`style: form`,
      // `explode: false`: `include=a,b`), where openapi-fetch's default repeats it; its
      // serializer applies this to every array, which a type test pins to be only `include`.
      querySerializer: { array: { style: includeParameter.style, explode: includeParameter.explode } },
      // Redirects are refused: Node 20's fetch buffers whole request bodies while it may
      // follow one, and a redirect could carry the bearer token to another host.
      redirect: "error",
    });
    const context: ClientContext = { api, transport, options: resolved, logger };
    const helpers: FileHelpers = {
      uploadFile: (source, uploadOptions) => uploadFile(context, platform.upload, source, uploadOptions),
      getFile: (target, getOptions) => getFile(context, target, getOptions),
      downloadFile: (target, downloadOptions) => downloadFile(context, platform.saveToPath, target, downloadOptions),
      parseFileLink,
    };
    return Object.assign(api, helpers);
  };
}
