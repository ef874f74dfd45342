/**
 * A request through `node:http`, for what `fetch` refuses to send (a `Host` header,
 * huge headers, a body cut short), with the answer checked against the spec.
 */
import { request as httpRequest, type IncomingHttpHeaders } from "node:http";
import type { OperationId } from "@lucca-api/types";
import { assertResponseMatchesSpec } from "../../src/contract/index.ts";

export interface RawAnswer {
  status: number;
  /** The status line's reason phrase. */
  statusMessage: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
  json(): any;
}

export function rawRequest(
  operationId: OperationId | undefined,
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: Uint8Array | string; localAddress?: string } = {},
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, { method: init.method ?? "GET", headers: init.headers, localAddress: init.localAddress }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => {
        const answer = { status: response.statusCode!, statusMessage: response.statusMessage ?? "", headers: response.headers, body: Buffer.concat(chunks), method: init.method };
        try {
          if (operationId) assertResponseMatchesSpec(operationId, answer);
          resolve({ ...answer, json: () => JSON.parse(answer.body.toString("utf8")) });
        } catch (error) {
          reject(error);
        }
      });
      response.on("error", reject);
    });
    request.on("error", reject);
    request.end(init.body);
  });
}
