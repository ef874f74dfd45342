/** Hand-built multipart bodies, byte-exact, for the cases `FormData` cannot express. */
import { endpoints } from "@lucca-api/types";

/** The part that carries the file, as the spec names it. */
export const filePart = endpoints.uploadFile.requestParts[0];
export interface Part {
  name: string;
  filename?: string;
  contentType?: string;
  content: Uint8Array | string;
}

export const boundary = "sandbox-test-boundary-7MA4YWxkTrZu0gW";
export const multipartContentType = `multipart/form-data; boundary=${boundary}`;

export function multipartBody(parts: Part[], { close = true } = {}): Uint8Array<ArrayBuffer> {
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const disposition = `form-data; name="${part.name}"${part.filename === undefined ? "" : `; filename="${part.filename}"`}`;
    const type = part.contentType === undefined ? "" : `Content-Type: ${part.contentType}\r\n`;
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}\r\n${type}\r\n`));
    chunks.push(Buffer.from(part.content));
    chunks.push(Buffer.from("\r\n"));
  }
  if (close) chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return new Uint8Array(Buffer.concat(chunks));
}

/** The bytes a body of one file part adds around the content. */
export function overheadOfOnePart(filename: string, contentType: string): number {
  return multipartBody([{ name: filePart, filename, contentType, content: "" }]).length;
}
