/** Reading small request bodies (the token endpoint's form) with a hard cap. */
import type { IncomingMessage } from "node:http";
import { Problem } from "../problem.ts";

/** Reads the whole body, refusing with 413 past `maxBytes` (checked while reading). */
export async function readSmallBody(request: IncomingMessage, maxBytes: number): Promise<string> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    total += chunk.length;
    if (total > maxBytes) throw new Problem(413, { detail: `The request body is over ${maxBytes} bytes.`, field: "body" });
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}
