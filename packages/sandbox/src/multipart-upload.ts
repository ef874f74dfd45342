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
import { echoed, Problem } from "./problem.ts";
import { loadSpecDocument, operationOf } from "./spec-document.ts";

const operation = endpoints.uploadFile;
const [multipartMediaType] = operation.requestMediaTypes;
/** The part that carries the file: the request body's one `format: binary` property. */
const [filePart] = operation.requestParts;

function bodySchemaPointer(): string {
  const { pointer } = operationOf(loadSpecDocument(), "uploadFile");
  return `${pointer}/requestBody/content/${multipartMediaType.replace(/\//g, "~1")}/schema`;
}

/** The component schema that lists the content types an upload's part may have. */
const contentTypeSchema = "FileContentType";
const contentTypePointer = `/components/schemas/${contentTypeSchema}`;

/** Media types are case-insensitive; the spec's list has its own casing (`macroEnabled`). */
function canonicalContentType(mimeType: string): string {
  const accepted: string[] = loadSpecDocument().components.schemas[contentTypeSchema].enum;
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
      detail: `Content-Type '${echoed(mediaType) || "(none)"}' is not accepted: send ${multipartMediaType} with one part named '${filePart}' holding the file.`,
      field: "Content-Type",
    });
}

/**
 * Why the part `name`, after the parts already `seen`, cannot be in the body: a part sent
 * twice, or one the request-body schema does not allow. Checked as each part begins, so
 * that a body of many parts is refused at the first unexpected one, with one message.
 */
function unexpectedPart(name: string, seen: ReadonlySet<string>): Problem | undefined {
  // String(): busboy gives `undefined` for a part without a name.
  const shown = echoed(String(name));
  if (seen.has(name)) return Problem.invalid({ [shown]: [`Part '${shown}' is sent 2 times: send exactly one part named '${shown}'.`] });
  const validate = validatorAt(bodySchemaPointer());
  if (validate({ [name]: "" })) return undefined;
  const extra = (validate.errors ?? []).some((error) => (error.params as { additionalProperty?: string }).additionalProperty === name);
  if (!extra) return undefined;
  // A misnamed file part is the usual mistake: say which part is still missing as well.
  return Problem.invalid({ [shown]: [`Part '${shown}' is not expected: send only one part, named '${filePart}'.`], ...missingParts(seen)?.errors });
}

/** Once the body has ended: a required part that never came. */
function missingParts(seen: ReadonlySet<string>): Problem | undefined {
  const validate = validatorAt(bodySchemaPointer());
  if (validate(Object.fromEntries([...seen].map((name) => [name, ""])))) return undefined;
  const errors: Record<string, string[]> = {};
  for (const error of validate.errors ?? []) {
    const missing = (error.params as { missingProperty?: string }).missingProperty;
    if (missing) errors[missing] = [`Part '${missing}' is missing: send the file in a part named '${missing}'.`];
    else (errors.body ??= []).push(describeErrors(validate).join("; "));
  }
  return Problem.invalid(errors);
}

/**
 * The name of the uploaded file without any folder (browsers send the base name; other
 * clients may send a path). A name that is only dots or a folder names no file: refused.
 */
function baseFileName(raw: string): string | undefined {
  const base = raw.split(/[\\/]/).pop() ?? "";
  return base === "" || base === "." || base === ".." ? undefined : base;
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
        // The name as sent: busboy would turn ".." into "", which is checked here instead.
        preservePath: true,
        // Bigger chunks than the 16 KiB default: fewer writes to disk on large files.
        highWaterMark: 256 * 1024,
        fileHwm: 256 * 1024,
        // A plain field is held in memory; no field is expected, so keep them small.
        limits: { fieldSize: 64 * 1024 },
      });
    } catch (error) {
      reject(Problem.invalid({ "Content-Type": [`${echoed((error as Error).message)}: send a ${multipartMediaType} Content-Type with its boundary.`] }));
      return;
    }
    let settled = false;
    let received = 0;
    const seen = new Set<string>();
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

    /** Records a part as it begins; refuses the body at the first part that cannot be in it. */
    const admit = (name: string): boolean => {
      // After a refusal the parser still reads the chunk that caused it (unpipe does not
      // take back a chunk being delivered): a part it starts then is ignored.
      if (settled) return false;
      const problem = unexpectedPart(name, seen);
      seen.add(name);
      if (problem) fail(problem);
      return !problem;
    };

    parser.on("file", (name, stream, info) => {
      if (!admit(name) || name !== filePart) {
        stream.resume();
        return;
      }
      const fileName = baseFileName(info.filename ?? "");
      if (fileName === undefined) {
        stream.resume();
        fail(
          Problem.invalid({
            [filePart]: [`Part '${filePart}' has the file name ${JSON.stringify(echoed(info.filename ?? ""))}, which names no file: send the file's own name, e.g. filename="report.pdf".`],
          }),
        );
        return;
      }
      const contentType = canonicalContentType(info.mimeType);
      const validate = validatorAt(contentTypePointer);
      if (!validate(contentType)) {
        stream.resume();
        fail(
          Problem.invalid({
            [filePart]: [
              // Named where an installed sandbox's user finds the list: the package carries openapi.json, not the repository's YAML.
              `Part '${filePart}' has the content type '${echoed(info.mimeType)}', which the API does not accept: send one of the values ` +
                `of the spec's ${contentTypeSchema} schema (components.schemas.${contentTypeSchema} in the sandbox's openapi.json; ` +
                `"Content types" in the API reference).`,
            ],
          }),
        );
        return;
      }
      upload = { stream, done: store.receive(stream).then((pending) => ({ pending, fileName, contentType })) };
      upload.done.catch(() => undefined);
    });
    parser.on("field", (name) => {
      if (admit(name) && name === filePart)
        fail(
          Problem.invalid({
            [filePart]: [`Part '${filePart}' must be a file: give its Content-Disposition a filename (form-data; name="${filePart}"; filename="…").`],
          }),
        );
    });
    parser.on("error", (error: Error) =>
      fail(Problem.invalid({ body: [`The multipart body is malformed (${echoed(error.message)}): send one part named '${filePart}', ended by the closing boundary.`] })),
    );
    parser.on("close", async () => {
      if (settled) return;
      const missing = missingParts(seen);
      if (missing) {
        fail(missing);
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
