/**
 * `startSandbox`: opens the data folder, binds the HTTP server and returns its URLs.
 * Headers over the spec's limit are refused by Node's parser itself (`maxHeaderSize`);
 * that refusal is rewritten as the spec's 431 problem instead of Node's empty answer.
 */
import { createServer, STATUS_CODES } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { resolve } from "node:path";
import { limits, problemMediaType } from "@lucca-api/types";
import { ClientAuthThrottle } from "./client-auth-throttle.ts";
import { FileStore } from "./file-store.ts";
import { listenedHostNames } from "./http/host-names.ts";
import { newTraceId } from "./http/respond.ts";
import { resolveOptions, type SandboxOptions } from "./options.ts";
import { Problem } from "./problem.ts";
import { RateLimiter } from "./rate-limit.ts";
import { route, type RouterContext } from "./router.ts";
import { TokenSigner } from "./signed-token.ts";
import { tokenPath } from "./token-endpoint.ts";

export interface Sandbox {
  /** The origin it listens on, e.g. `http://127.0.0.1:4010`. */
  url: string;
  /** Its token endpoint: `url` + the path of the spec's token URL. */
  tokenUrl: string;
  /** Stops accepting connections, ends open ones and resolves once closed. */
  close(): Promise<void>;
}

/** A complete HTTP answer written on a socket Node's parser has already given up on. */
function rawProblem(status: number, detail: string): string {
  const body = JSON.stringify(new Problem(status, { detail }).toBody("", newTraceId()));
  return (
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: ${problemMediaType}; charset=utf-8\r\n` +
    `Content-Length: ${Buffer.byteLength(body)}\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n${body}`
  );
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const resolved = resolveOptions(options);
  const store = await FileStore.open(resolve(resolved.dataDir));
  const signer = new TokenSigner(await store.signingKey());
  const context: RouterContext = {
    options: resolved,
    store,
    signer,
    fileTokenTtlSeconds: resolved.fileTokenTtlSeconds,
    fallbackOrigin: "",
    publicUrl: resolved.publicUrl,
    allowedHostNames: new Set(),
    rateLimiter: new RateLimiter(resolved.rateLimitPerMinute),
    clientAuthThrottle: new ClientAuthThrottle(resolved.clientAuthFailuresPerMinute),
  };

  const server = createServer({ maxHeaderSize: limits.maxRequestHeaderBytes }, (request, response) => {
    // The path only: the query may carry a file token.
    response.once("finish", () => resolved.logger.info(`${request.method} ${request.url?.split("?")[0]} ${response.statusCode}`));
    route(request, response, context).catch((error: Error) => {
      resolved.logger.error(`unhandled: ${error.stack ?? error.message}`);
      response.destroy();
    });
  });
  // Node closes an idle keep-alive connection after 5 s by default, and fetch (undici) reuses
  // pooled connections until about then: on a loaded machine a request sent on a connection
  // the server is closing at that moment fails with ECONNRESET. A longer idle limit (the
  // usual 65 s of servers behind load balancers) keeps that race out of reach of any client
  // that pauses a few seconds; close() still ends every connection at once.
  server.keepAliveTimeout = 65_000;
  server.on("clientError", (error: NodeJS.ErrnoException, socket: Socket) => {
    if (!socket.writable) return socket.destroy();
    if (error.code === "HPE_HEADER_OVERFLOW")
      socket.end(rawProblem(431, `The request headers are over ${limits.maxRequestHeaderBytes} bytes.`));
    else socket.end(rawProblem(400, `The request is not valid HTTP/1.1 (${error.code ?? "parse error"}).`));
  });

  await new Promise<void>((done, fail) => {
    server.once("error", fail);
    server.listen(resolved.port, resolved.host, () => {
      server.off("error", fail);
      done();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;
  context.fallbackOrigin = url;
  context.allowedHostNames = listenedHostNames(resolved.host, resolved.publicUrl);
  context.allowedHostNames.add(host.toLowerCase());
  // No "listening on" line: the caller has `url`, and the CLI's banner, which must be the
  // last thing `npm start` prints, says it already.

  return {
    url,
    tokenUrl: `${url}${tokenPath}`,
    close: () =>
      new Promise<void>((done, fail) => {
        server.close((error) => (error ? fail(error) : done()));
        server.closeAllConnections();
      }),
  };
}
