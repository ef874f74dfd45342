import { createLuccaFilesClient, type LuccaFilesClientOptions } from "../../src/index.ts";

/** A client with fast retries, so that fault tests do not wait for real backoff. */
export function fastClient(baseUrl: string, options: Partial<LuccaFilesClientOptions> = {}) {
  return createLuccaFilesClient({
    baseUrl,
    auth: { accessToken: "static-access-token" },
    retry: { baseDelay: 1, maxDelay: 5 },
    ...options,
  });
}

/** A logger that keeps every line, to check what it was told (and what it was not). */
export function recordingLogger() {
  const lines: string[] = [];
  const record = (message: string) => void lines.push(message);
  return { lines, logger: { debug: record, info: record, warn: record, error: record } };
}

export const fileId = "2face165-5345-4cf3-ab05-5421a6b19df2";
export const linkOn = (baseUrl: string, token = "file-token-1") => `${baseUrl}/lucca-api/files/${fileId}?token=${token}`;

/** The options of a typed `client.POST` upload of a one-byte file (openapi-fetch needs FormData for it). */
export const rawUploadOptions = {
  body: { form: new Blob(["x"]) },
  bodySerializer: (body: { form: Blob }) => {
    const form = new FormData();
    form.append("form", body.form, "x.txt");
    return form;
  },
};
