/**
 * Receives the multipart body of `uploadFile` as a stream (busboy): the file part goes
 * straight to a temporary file, the body's size is counted as it arrives and refused
 * past the limit, and the parts are checked against the spec's request-body schema
 * before anything becomes visible.
 */
import type { IncomingMessage } from "node:http";
import busboy, { type Busboy } from "busboy";
import { endpoints } from "@lucca-api/types";
import { describeErrors, validatorAt } from "./ajv.ts";
import type { FileStore, PendingFile } from "./file-store.ts";
import { Problem } from "./problem.ts";
import { loadSpecDocument, operationOf } from "./spec-document.ts";

const operation = endpoints.uploadFile;
const [multipartMediaType] = operation.requestMediaTypes;
/** The part that carries the file: the request body's one `format: binary` property. */
const [filePart] = operation.requestParts;

function bodySchemaPointer(): string {
  const { pointer } = operationOf(loadSpecDocument(), "uploadFile");
  return `${pointer}/requestBody/content/${multipartMediaType.replace(/\//g, "~1")}/schema`;
}

/** Pointer of the schema that lists the content types an upload's part may have. */
const contentTypePointer = "/components/schemas/ContentType";

/** Media types are case-insensitive; the spec's list has its own casing (`macroEnabled`). */
function canonicalContentType(mimeType: string): string {
  const accepted: string[] = loadSpecDocument().components.schemas.ContentType.enum;
  return accepted.find((value) => value.toLowerCase() === mimeType.toLowerCase()) ?? mimeType;
}

export interface ReceivedUpload {
  pending: PendingFile;
  fileName: string;
  contentType: string;
}

function tooLarge(maxBodyBytes: number): Problem {
  return new Problem(413, { detail: `The request body is over ${maxBodyBytes} bytes.`, field: "body" });
}

/** Refuses what can be refused from the headers alone, before reading the body. */
export function checkUploadHeaders(request: IncomingMessage, maxBodyBytes: number): void {
  const declared = Number(request.headers["content-length"]);
  if (Number.isFinite(declared) && declared > maxBodyBytes) throw tooLarge(maxBodyBytes);
  const mediaType = (request.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();
  if (mediaType !== multipartMediaType)
    throw new Problem(415, {
      detail: `Content-Type '${mediaType || "(none)"}' is not accepted: send ${multipartMediaType} with one part named '${filePart}' holding the file.`,
      field: "Content-Type",
    });
}

/** Maps Ajv's errors on the parts object to the part they are about. */
function partErrors(names: string[]): Record<string, string[]> | undefined {
  const errors: Record<string, string[]> = {};
  const add = (field: string, message: string) => (errors[field] ??= []).push(message);
  const seen = new Map<string, number>();
  for (const name of names) seen.set(name, (seen.get(name) ?? 0) + 1);
  for (const [name, count] of seen)
    if (count > 1) add(name, `Part '${name}' is sent ${count} times: send exactly one part named '${name}'.`);
  const validate = validatorAt(bodySchemaPointer());
  if (!validate(Object.fromEntries(names.map((name) => [name, ""])))) {
    for (const error of validate.errors ?? []) {
      const params = error.params as { missingProperty?: string; additionalProperty?: string };
      if (params.missingProperty) add(params.missingProperty, `Part '${params.missingProperty}' is missing: send the file in a part named '${params.missingProperty}'.`);
      else if (params.additionalProperty)
        add(params.additionalProperty, `Part '${params.additionalProperty}' is not expected: send only one part, named '${filePart}'.`);
      else add("body", describeErrors(validate).join("; "));
    }
  }
  return Object.keys(errors).length > 0 ? errors : undefined;
}

/**
 * Streams the upload to a temporary file. Resolves once the whole body has been read
 * and validated; rejects with a `Problem` (the temporary file already removed) as soon
 * as something is wrong, leaving the rest of the body to be drained by the caller.
 */
export function receiveUpload(request: IncomingMessage, store: FileStore, maxBodyBytes: number): Promise<ReceivedUpload> {
  return new Promise((resolve, reject) => {
    let parser: Busboy;
    try {
      parser = busboy({
        headers: request.headers,
        // Browsers and undici send file names as raw UTF-8.
        defParamCharset: "utf8",
        // Bigger chunks than the 16 KiB default: fewer writes to disk on large files.
        highWaterMark: 256 * 1024,
        fileHwm: 256 * 1024,
        // A plain field is held in memory; no field is expected, so keep them small.
        limits: { fieldSize: 64 * 1024 },
      });
    } catch (error) {
      reject(Problem.invalid({ "Content-Type": [`${(error as Error).message}: send a ${multipartMediaType} Content-Type with its boundary.`] }));
      return;
    }
    let settled = false;
    let received = 0;
    const names: string[] = [];
    let upload: { stream: NodeJS.ReadableStream & { destroy(error?: Error): void }; done: Promise<ReceivedUpload> } | undefined;

    const fail = (problem: Problem) => {
      if (settled) return;
      settled = true;
      request.unpipe(parser);
      upload?.stream.destroy(problem);
      // Whatever was already received is removed before the refusal is answered.
      const cleanup = upload?.done.then((done) => store.discard(done.pending)).catch(() => undefined) ?? Promise.resolve();
      cleanup.then(() => reject(problem));
    };

    request.on("data", (chunk: Buffer) => {
      received += chunk.length;
      if (received > maxBodyBytes) fail(tooLarge(maxBodyBytes));
    });
    request.on("close", () => {
      if (!request.complete) fail(new Problem(400, { detail: "The client closed the connection before the body was complete." }));
    });

    parser.on("file", (name, stream, info) => {
      names.push(name);
      // After a refusal the parser still reads the chunk that caused it (unpipe does not
      // take back a chunk being delivered): a part it starts then must not reach the disk.
      if (settled || name !== filePart || upload) {
        stream.resume();
        return;
      }
      const contentType = canonicalContentType(info.mimeType);
      const validate = validatorAt(contentTypePointer);
      if (!validate(contentType)) {
        stream.resume();
        fail(
          Problem.invalid({
            [filePart]: [
              `Part '${filePart}' has the content type '${info.mimeType}', which the API does not accept. ` +
                `The accepted values are listed in the spec's ContentType schema (spec/components/schemas/ContentType.yaml, ` +
                `and the ContentType section of the API reference).`,
            ],
          }),
        );
        return;
      }
      const fileName = info.filename ?? "";
      upload = { stream, done: store.receive(stream).then((pending) => ({ pending, fileName, contentType })) };
      upload.done.catch(() => undefined);
    });
    parser.on("field", (name) => {
      names.push(name);
      if (name === filePart)
        fail(
          Problem.invalid({
            [filePart]: [`Part '${filePart}' must be a file: give its Content-Disposition a filename (form-data; name="${filePart}"; filename="…").`],
          }),
        );
    });
    parser.on("error", (error: Error) =>
      fail(Problem.invalid({ body: [`The multipart body is malformed (${error.message}): send one part named '${filePart}', ended by the closing boundary.`] })),
    );
    parser.on("close", async () => {
      if (settled) return;
      const errors = partErrors(names);
      if (errors) {
        fail(Problem.invalid(errors));
        return;
      }
      try {
        const done = await upload!.done;
        if (settled) return;
        settled = true;
        resolve(done);
      } catch (error) {
        fail(new Problem(500, { detail: `The upload could not be stored: ${(error as Error).message}.` }));
      }
    });
    request.pipe(parser);
  });
}
