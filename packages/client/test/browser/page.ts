/**
 * Runs in chromium (bundled by esbuild from the client's browser entry, src/browser.ts): the checks the
 * browser test asks for, each returning plain data the test can compare.
 */
import { createLuccaFilesClient, isInvalidInputError, isNotFoundError, isTimeoutError } from "../../src/browser.ts";
import { clientCredentials } from "../../src/client-credentials.ts";

declare global {
  interface Window {
    runChecks(baseUrl: string, stallUrl: string): Promise<Record<string, unknown>>;
  }
}

window.runChecks = async (baseUrl: string, stallUrl: string) => {
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
  const silentContent = await stalled.GET("/lucca-api/files/{id}", { params: { path: { id: "content-only" }, query: { token: "t" } }, parseAs: "stream" });
  const reader = (silentContent.data as ReadableStream<Uint8Array>).getReader();
  const readAll = async (): Promise<string> => ((await reader.read()).done ? "read" : readAll());
  results.silentContent = await readAll().catch(timedOut);
  return results;
};
