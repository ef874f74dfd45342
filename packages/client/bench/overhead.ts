/**
 * Per-request overhead against bare openapi-fetch: sequential small GETs through raw
 * `fetch`, bare openapi-fetch and this client (typed `GET`, and `getFile`), two ways.
 *
 * - On loopback, against the bench server: the figure an integrator sees. A loaded
 *   machine moves a loopback request by several per cent from one second to the next, so
 *   the requests are cut into many short rounds, the variants take turns inside each
 *   round (in alternating order: ABCD, DCBA, …) and each round gives a ratio against the
 *   bare openapi-fetch of the same round. The median of those ratios is the figure; their
 *   quartiles say how far to trust it.
 * - In process, with a `fetch` that answers at once: what the client's own code adds to a
 *   request, in µs of CPU, without the network's noise (median over rounds of the
 *   difference with bare openapi-fetch in the same round).
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
  /** Wall time per request on loopback, in µs: median over rounds. */
  wallUs: number;
  /** Per round, this variant's wall time over bare openapi-fetch's in the same round. */
  ratio: Spread;
  /** The same with this process's CPU time (the server runs in its own). */
  cpuRatio: Spread;
  /** In process, with a fetch that answers at once: µs of CPU per request (median over rounds). */
  inProcessUs: number;
  /** In process: µs of CPU added to bare openapi-fetch's, per request (median over rounds of the difference). */
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
  };
}

interface Sample {
  wallMs: number;
  cpuMs: number;
}

/**
 * Runs every variant `perRound` times in each of `rounds` rounds, taking turns (the order
 * reversed every other round, so that a drift within a round favours no one).
 */
async function interleaved(runs: Record<string, () => Promise<unknown>>, rounds: number, perRound: number): Promise<Record<string, Sample[]>> {
  const names = Object.keys(runs);
  const samples: Record<string, Sample[]> = Object.fromEntries(names.map((name) => [name, []]));
  // Warm: every path compiled and the connection pool filled before anything counts.
  for (const run of Object.values(runs)) for (let i = 0; i < 1_000; i++) await run();
  for (let round = 0; round < rounds; round++) {
    for (const name of round % 2 ? [...names].reverse() : names) {
      const run = runs[name]!;
      const started = performance.now();
      const cpu = process.cpuUsage();
      for (let i = 0; i < perRound; i++) await run();
      const { user, system } = process.cpuUsage(cpu);
      samples[name]!.push({ wallMs: (performance.now() - started) / perRound, cpuMs: (user + system) / 1000 / perRound });
    }
  }
  return samples;
}

/** A File JSON like the bench server's, answered at once: the network taken out. */
function instantFetch(baseUrl: string): typeof fetch {
  const body = JSON.stringify({ id, type: "file", url: `${baseUrl}/lucca-api/files/${id}`, fileName: "big.bin", contentType: "binary/octet-stream", createdAt: "2026-11-27T12:00:00Z", links: { self: { href: `${baseUrl}/lucca-api/files/${id}?token=t` } } });
  const headers = { "Content-Type": "application/json", "Content-Length": String(Buffer.byteLength(body)), ETag: 'W/"1"' };
  return (async () => new Response(body, { status: 200, headers })) as typeof fetch;
}

/**
 * `requests` loopback GETs per variant, in `rounds` interleaved rounds; then at least as
 * many in process. Every ratio and difference is taken against bare openapi-fetch in the same round.
 */
export async function measureOverhead(baseUrl: string, requests: number, rounds = 20): Promise<OverheadReport> {
  const perRound = Math.max(1, Math.round(requests / rounds));
  const loopback = await interleaved(variants(baseUrl), rounds, perRound);
  // A request in process takes some 40 µs: rounds of at least 1,000 keep each one long enough to time.
  const inProcess = await interleaved(variants("http://127.0.0.1:9", instantFetch("http://127.0.0.1:9")), rounds, Math.max(perRound, 1_000));
  const bare = "bare openapi-fetch";
  const perRoundOf = (samples: Record<string, Sample[]>, name: string, value: (mine: Sample, bare: Sample) => number) => samples[name]!.map((sample, round) => value(sample, samples[bare]![round]!));
  return Object.fromEntries(
    Object.keys(loopback).map((name) => [
      name,
      {
        wallUs: spread(loopback[name]!.map((sample) => sample.wallMs * 1000)).median,
        ratio: spread(perRoundOf(loopback, name, (mine, base) => mine.wallMs / base.wallMs)),
        cpuRatio: spread(perRoundOf(loopback, name, (mine, base) => mine.cpuMs / base.cpuMs)),
        inProcessUs: spread(inProcess[name]!.map((sample) => sample.cpuMs * 1000)).median,
        addedUs: spread(perRoundOf(inProcess, name, (mine, base) => (mine.cpuMs - base.cpuMs) * 1000)),
      },
    ]),
  );
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
