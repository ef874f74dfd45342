/**
 * Which `Host` the sandbox answers to. Links (`Location`, `url`, `links.self.href`) are
 * built from the request's `Host` unless a public URL is configured, and the demo
 * credentials are public: a name outside the sandbox's own would let a page on another
 * site (DNS rebinding) or a poisoned cache put a foreign host in them. So only the
 * names it listens for are accepted, plus the public URL's, and any port (a container
 * may publish the sandbox on another one).
 */
import type { IncomingMessage } from "node:http";
import { hostname, networkInterfaces } from "node:os";
import { echoed, Problem } from "../problem.ts";

/** The names of this machine's loopback interface, as `URL.hostname` writes them. */
export const loopbackNames: readonly string[] = ["localhost", "127.0.0.1", "[::1]"];

const bracketed = (address: string) => (address.includes(":") ? `[${address}]` : address);

function isLoopback(name: string): boolean {
  return name === "localhost" || name === "[::1]" || name === "::1" || /^127\.\d+\.\d+\.\d+$/.test(name);
}

/**
 * A name of this machine's loopback interface, as `URL.hostname` writes it: `localhost`
 * and the names under it (RFC 6761, section 6.3), `127.0.0.0/8`, `[::1]`.
 */
export function isLoopbackName(name: string): boolean {
  return isLoopback(name) || name.endsWith(".localhost");
}

/** The host names a server bound to `listenHost` is reached by, lower case, IPv6 in brackets. */
export function listenedHostNames(listenHost: string, publicUrl: string | undefined): Set<string> {
  const names = new Set<string>([bracketed(listenHost.toLowerCase())]);
  if (isLoopback(listenHost)) loopbackNames.forEach((name) => names.add(name));
  if (listenHost === "0.0.0.0" || listenHost === "::" || listenHost === "") {
    loopbackNames.forEach((name) => names.add(name));
    names.add(hostname().toLowerCase());
    for (const addresses of Object.values(networkInterfaces())) for (const { address } of addresses ?? []) names.add(bracketed(address.toLowerCase()));
  }
  if (publicUrl) names.add(new URL(publicUrl).hostname);
  return names;
}

/** The `Host` header's name without its port, or `undefined` when it is not a host. */
function hostNameOf(host: string): string | undefined {
  if (!/^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+)(:\d{1,5})?$/.test(host)) return undefined;
  try {
    return new URL(`http://${host}`).hostname;
  } catch {
    return undefined;
  }
}

/** Refuses (400) a request whose `Host` is not one of `allowed`; a request without one passes. */
export function checkHost(request: IncomingMessage, allowed: ReadonlySet<string>): void {
  const host = request.headers.host;
  if (host === undefined) return;
  const name = hostNameOf(host);
  // Names under .localhost are loopback by definition (RFC 6761, section 6.3): no DNS can rebind them.
  if (name !== undefined && (allowed.has(name) || (allowed.has("localhost") && name.endsWith(".localhost")))) return;
  throw new Problem(400, {
    field: "Host",
    detail:
      // The names are not listed: bound to all interfaces they include the machine's name
      // and addresses, which a caller sending a bogus Host has no business learning.
      `Host ${JSON.stringify(echoed(host))} is not a name this sandbox listens for: ` +
      `call it by the address it was started on, or start it with SANDBOX_PUBLIC_URL (the publicUrl option) set to the URL clients use.`,
  });
}
