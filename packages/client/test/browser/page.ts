/**
 * Runs in chromium (bundled by esbuild from the client's browser entry, src/browser.ts): the checks the
 * browser test asks for, each returning plain data the test can compare.
 */
import { createLuccaFilesClient, isAbortError, isInvalidInputError, isLuccaError, isNotFoundError, isTimeoutError, type FileDownload } from "../../src/browser.ts";
import { clientCredentials } from "../../src/client-credentials.ts";

/**
 * The page's window, with the checks this file puts on it. Not a `declare global`: the
 * client's src/ would see it in the type check, which its build (compiled with --noCheck)
 * relies on (scripts/typecheck/unchecked-builds.ts).
 */
export type ChecksWindow = Window & { runChecks?: (baseUrl: string, stallUrl: string) => Promise<Record<string, unknown>> };

(window as ChecksWindow).runChecks = async (baseUrl: string, stallUrl: string) => {
  const results: Record<string, unknown> = {};
  const credentials = { clientId: "demo", clientSecret: "demo-secret", tokenUrl: `${baseUrl}/connect/token` };
  const refusal = (create: () => unknown) => {
    try {
      create();
      return false;
    } catch (error) {
      return isInvalidInputError(error) && (error as Error).message;
    }
  };
  // The browser build has no client-credentials grant: plain credentials are refused even
  // with the opt-in; `clientCredentials()` brings the grant, still behind the opt-in.
  results.secretRefused = refusal(() => createLuccaFilesClient({ baseUrl, auth: credentials, dangerouslyAllowBrowser: true }));
  results.withoutOptIn = refusal(() => createLuccaFilesClient({ baseUrl, auth: clientCredentials(credentials) }));

  const client = createLuccaFilesClient({ baseUrl, auth: clientCredentials(credentials), dangerouslyAllowBrowser: true, retry: { baseDelay: 1 } });
  const bytes = new Uint8Array(200_000).map((_, i) => (i * 17) % 256);
  const progress: number[] = [];
  const { file, eTag } = await client.uploadFile(new File([bytes], "camera.jpg", { type: "image/jpeg" }), { onProgress: ({ loaded }) => progress.push(loaded) });
  results.uploaded = { fileName: file.fileName, contentType: file.contentType, hasLink: Boolean(file.links?.self?.href), lastProgress: progress.at(-1) };

  const streamed = await client.uploadFile(new Blob([bytes]).stream(), { fileName: "stream.bin" });
  results.streamUpload = streamed.file.contentType;
  // The browser frames the multipart body (FormData), file name included.
  results.nonAsciiName = (await client.uploadFile(new Blob(["x"]), { fileName: "reçu été.pdf" })).file.fileName;
  // Without the spec's list in the browser build, a type the API does not accept is its
  // to refuse (400), after sending.
  results.unlistedType = await client.uploadFile(new File([bytes], "clip.mov", { type: "video/quicktime" })).then(
    () => "uploaded",
    (error: Error) => `${error.name}: ${error.message}`,
  );

  results.namelessBlob = await client.uploadFile(new Blob([bytes])).then(
    () => "uploaded",
    (error: Error) => error.message,
  );

  const metadata = await client.getFile(file);
  results.metadata = { modified: metadata.modified, sameETag: metadata.eTag === eTag };
  results.notModified = (await client.getFile(file, { ifNoneMatch: eTag })).modified;

  const download = await client.downloadFile(file);
  const downloaded = await download.bytes();
  results.download = {
    fileName: download.fileName,
    size: download.size,
    identical: downloaded.length === bytes.length && downloaded.every((byte, i) => byte === bytes[i]),
  };

  // A link on another origin than baseUrl goes without the bearer: its 401 says so.
  const elsewhere = createLuccaFilesClient({ baseUrl: baseUrl.replace("127.0.0.1", "localhost"), auth: { accessToken: "token" } });
  results.otherOrigin = await elsewhere.getFile(file).then(
    () => "read",
    (error: Error) => `${error.name}: ${error.message}`,
  );
  results.blobType = (await (await client.downloadFile(file)).blob()).type;

  const nodeOnly = async (call: () => Promise<unknown>) =>
    call().then(
      () => "no error",
      (error: Error) => (isInvalidInputError(error) ? error.message : `${error.name}: ${error.message}`),
    );
  results.nodeOnly = {
    saveTo: await nodeOnly(async () => (await client.downloadFile(file)).saveTo("camera.jpg")),
    path: await nodeOnly(() => client.uploadFile({ path: "camera.jpg" })),
  };

  const link = client.parseFileLink(file.links!.self!.href);
  const { data } = await client.GET("/lucca-api/files/{id}", { params: { path: { id: link.id }, query: { token: link.token, include: ["links"] } } });
  results.typedGet = data?.id === file.id;
  // A file's content through a typed call streams, guarded (core/fresh-body.ts in a browser).
  const content = await client.GET("/lucca-api/files/{id}", { params: { path: { id: link.id }, query: { token: link.token, disposition: "attachment" } }, parseAs: "blob" });
  results.typedContent = (content.data as Blob | undefined)?.size;

  const notFound = await client.getFile({ id: "00000000-0000-4000-8000-000000000000", token: link.token }).then(
    () => undefined,
    (error: Error) => error,
  );
  results.notFound = isNotFoundError(notFound);
  results.notFoundName = notFound?.name;

  // The timeouts run on the browser's own timers (core/timer-deadline.ts): a server that
  // never answers, and one that sends its headers then nothing.
  const stalled = createLuccaFilesClient({ baseUrl: stallUrl, auth: { accessToken: "token" }, timeout: 150, retry: { maxRetries: 0 } });
  const timedOut = (error: unknown) => isTimeoutError(error) && `${error.scope} ${error.timeoutMs}`;
  results.noAnswer = await stalled.getFile({ id: link.id, token: link.token }).then(() => "answered", timedOut);
  results.silentBody = await stalled.GET("/lucca-api/files/{id}", { params: { path: { id: "headers-only" }, query: { token: "t" } } }).then(() => "answered", timedOut);
  // The content's stall needs its headers first: a loaded machine can take over 150 ms to
  // bring them, which timed out before the stall this pins, so this client waits longer.
  const patient = createLuccaFilesClient({ baseUrl: stallUrl, auth: { accessToken: "token" }, timeout: 1_000, retry: { maxRetries: 0 } });
  const silentContent = await patient.GET("/lucca-api/files/{id}", { params: { path: { id: "content-only" }, query: { token: "t" } }, parseAs: "stream" });
  const reader = (silentContent.data as ReadableStream<Uint8Array>).getReader();
  const readAll = async (): Promise<string> => ((await reader.read()).done ? "read" : readAll());
  results.silentContent = await readAll().catch(timedOut);

  // A server that does not let this page's origin call it: the browser says only "Failed
  // to fetch", as for a network down, so the message names CORS besides.
  const withoutCors = createLuccaFilesClient({ baseUrl: `${stallUrl}/no-cors`, auth: { accessToken: "token" }, retry: { maxRetries: 0 } });
  results.corsRefused = await withoutCors.getFile({ id: "x", token: "t" }).then(() => "answered", (error: unknown) => (error as Error).message);

  // The caller's signal ends a read of the content, whichever way it is read, with the
  // library's AbortError (a browser's Response.arrayBuffer() would say "Failed to fetch").
  // The content never ends, and no timer runs: only the abort can end the read.
  const endless = createLuccaFilesClient({ baseUrl: stallUrl, auth: { accessToken: "token" }, timeout: 0, retry: { maxRetries: 0 } });
  const abortedRead = async (read: (download: FileDownload) => Promise<unknown>, reason?: unknown) => {
    const controller = new AbortController();
    const download = await endless.downloadFile({ id: "content-only", token: "t" }, { signal: controller.signal });
    const reading = read(download);
    controller.abort(reason);
    return reading.then(
      () => "read",
      (error: Error) => `${error.name} isAbortError ${isAbortError(error)} isLuccaError ${isLuccaError(error)}`,
    );
  };
  const readBody = async (body: ReadableStream<Uint8Array>): Promise<void> => {
    const reader = body.getReader();
    while (!(await reader.read()).done);
  };
  results.abortedRead = {
    bytes: await abortedRead((download) => download.bytes()),
    blob: await abortedRead((download) => download.blob()),
    bytesWithReason: await abortedRead((download) => download.bytes(), new Error("the user left")),
    body: await abortedRead((download) => readBody(download.body)),
  };
  return results;
};
