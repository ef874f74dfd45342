/**
 * Per-request overhead against bare openapi-fetch: sequential small GETs through raw
 * `fetch`, bare openapi-fetch and this client (typed `GET`, and `getFile` of a link, and
 * of `{ id, token }` as bare openapi-fetch is given them), two ways.
 *
 * - On loopback, against the bench server: the figure an integrator sees. A loaded
 *   machine moves a loopback request by several per cent from one second to the next,
 *   and a garbage collection or another process's burst lands on a few requests, so the
 *   variants take turns request by request (ABCD, BCDA, …), each request is timed alone,
 *   and each round of requests gives, per variant, its median request time, and a ratio
 *   to bare openapi-fetch's median in the same round. The median of those ratios is the
 *   figure; their quartiles say how far to trust it.
 * - In process, with a `fetch` that answers at once: what the client's own code adds to a
 *   request, in µs, without the network's noise (median over rounds of the difference
 *   with bare openapi-fetch's median in the same round).
 *
 * The client is its build (`@lucca-api/client`, dist/), as an integrator runs it: the
 * bench runs under tsx, whose transform of src/ adds a `__name()` call to every function
 * created, about 5 µs a request here, which the published code does not pay.
 */
import { currentApiVersion, parameters, type paths } from "@lucca-api/types";
import createClient from "openapi-fetch";
import { createLuccaFilesClient } from "@lucca-api/client";

export interface Spread {
  median: number;
  /** First and third quartiles. */
  low: number;
  high: number;
}

export interface VariantOverhead {
  /** On loopback: µs per request (the median request of each round, median over rounds). */
  loopbackUs: number;
  /** Per round, this variant's median request time over bare openapi-fetch's in the same round. */
  ratio: Spread;
  /** In process, with a fetch that answers at once: µs per request, as above. */
  inProcessUs: number;
  /** In process: µs added to bare openapi-fetch's, per request (per round, the difference of the medians). */
  addedUs: Spread;
}

export type OverheadReport = Record<string, VariantOverhead>;

const id = "2face165-5345-4cf3-ab05-5421a6b19df2";
const token = "bench-token";
const apiVersionHeader = { [parameters.apiVersion.name]: currentApiVersion } as const;

/** The variants, each one request as an application makes it, on `fetchFunction` (the global one by default). */
function variants(baseUrl: string, fetchFunction: typeof fetch = globalThis.fetch): Record<string, () => Promise<unknown>> {
  const headers = { ...apiVersionHeader, Authorization: `Bearer ${token}` };
  const bare = createClient<paths>({ baseUrl, headers, fetch: fetchFunction });
  const client = createLuccaFilesClient({ baseUrl, auth: { accessToken: token }, fetch: fetchFunction });
  const link = `${baseUrl}/lucca-api/files/${id}?token=t`;
  return {
    "raw fetch": async () => (await fetchFunction(link, { headers })).json(),
    "bare openapi-fetch": () => bare.GET("/lucca-api/files/{id}", { params: { path: { id }, query: { token: "t" }, header: apiVersionHeader } }),
    "client GET": () => client.GET("/lucca-api/files/{id}", { params: { path: { id }, query: { token: "t" } } }),
    "client getFile": () => client.getFile(link),
    // The same file named as bare openapi-fetch names it (id and token): without the link's parsing.
    "getFile { id, token }": () => client.getFile({ id, token: "t" }),
  };
}

/**
 * Runs `perRound` requests of every variant in each of `rounds` rounds, the variants
 * taking turns request by request, each request timed alone. The order of each turn is
 * shuffled: a request leaves work behind (its connection's callbacks, garbage) that the
 * next one pays, and a fixed order would always hand one variant's leftovers to the same
 * other. Gives, per variant, each round's median request time in µs.
 */
async function interleaved(runs: Record<string, () => Promise<unknown>>, rounds: number, perRound: number): Promise<Record<string, number[]>> {
  const names = Object.keys(runs);
  const order = names.map((_, index) => index);
  const medians: Record<string, number[]> = Object.fromEntries(names.map((name) => [name, []]));
  // Warm: every path compiled and the connection pool filled before anything counts.
  for (const run of Object.values(runs)) for (let i = 0; i < 1_000; i++) await run();
  for (let round = 0; round < rounds; round++) {
    const times = names.map(() => new Float64Array(perRound));
    for (let i = 0; i < perRound; i++) {
      for (const variant of shuffled(order)) {
        const run = runs[names[variant]!]!;
        const started = performance.now();
        await run();
        times[variant]![i] = (performance.now() - started) * 1000;
      }
    }
    names.forEach((name, variant) => medians[name]!.push(spread([...times[variant]!]).median));
  }
  return medians;
}

/** A File JSON like the bench server's, answered at once: the network taken out. */
function instantFetch(baseUrl: string): typeof fetch {
  const body = JSON.stringify({ id, type: "file", url: `${baseUrl}/lucca-api/files/${id}`, fileName: "big.bin", contentType: "binary/octet-stream", createdAt: "2026-11-27T12:00:00Z", links: { self: { href: `${baseUrl}/lucca-api/files/${id}?token=t` } } });
  const headers = { "Content-Type": "application/json", "Content-Length": String(Buffer.byteLength(body)), ETag: 'W/"1"' };
  return (async () => new Response(body, { status: 200, headers })) as typeof fetch;
}

/**
 * `requests` loopback GETs per variant, in `rounds` interleaved rounds; then as many in
 * process. Every ratio and difference is taken against bare openapi-fetch in the same round.
 */
export async function measureOverhead(baseUrl: string, requests: number, rounds = 20): Promise<OverheadReport> {
  const perRound = Math.max(1, Math.round(requests / rounds));
  const loopback = await interleaved(variants(baseUrl), rounds, perRound);
  const inProcess = await interleaved(variants("http://127.0.0.1:9", instantFetch("http://127.0.0.1:9")), rounds, perRound);
  const bare = "bare openapi-fetch";
  const perRoundOf = (medians: Record<string, number[]>, name: string, value: (mine: number, bare: number) => number) => medians[name]!.map((median, round) => value(median, medians[bare]![round]!));
  return Object.fromEntries(
    Object.keys(loopback).map((name) => [
      name,
      {
        loopbackUs: spread(loopback[name]!).median,
        ratio: spread(perRoundOf(loopback, name, (mine, base) => mine / base)),
        inProcessUs: spread(inProcess[name]!).median,
        addedUs: spread(perRoundOf(inProcess, name, (mine, base) => mine - base)),
      },
    ]),
  );
}

/** Fisher–Yates, in place: the same array each turn, so that shuffling allocates nothing. */
function shuffled(order: number[]): number[] {
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

function spread(values: number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (fraction: number) => {
    const position = (sorted.length - 1) * fraction;
    const below = sorted[Math.floor(position)]!;
    return below + (sorted[Math.ceil(position)]! - below) * (position - Math.floor(position));
  };
  return { median: at(0.5), low: at(0.25), high: at(0.75) };
}
