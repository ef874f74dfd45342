/**
 * Per-request overhead: sequential small GETs on loopback through raw `fetch`, bare
 * openapi-fetch and this client (typed `GET`, and `getFile`), in interleaved rounds so
 * that a drift of the machine hits every variant alike. The client is its build
 * (`@lucca-api/client`, dist/), as an integrator runs it: the bench runs under tsx, whose
 * transform of src/ adds a `__name()` call to every function created, about 5 µs a
 * request here, which the published code does not pay.
 */
import { currentApiVersion, parameters } from "@lucca-api/types";
import createClient from "openapi-fetch";
import type { paths } from "@lucca-api/types";
import { createLuccaFilesClient } from "@lucca-api/client";

export interface Overhead {
  /** Wall time per request, in ms. */
  ms: number;
  /** This process's CPU time per request, in ms: the client's own work, which a loaded machine disturbs less than the wall time. */
  cpuMs: number;
}

export async function measureOverhead(baseUrl: string, requests: number, rounds = 3): Promise<Record<string, Overhead>> {
  const id = "2face165-5345-4cf3-ab05-5421a6b19df2";
  const headers = { [parameters.apiVersion.name]: currentApiVersion, Authorization: "Bearer bench-token" } as const;
  const bare = createClient<paths>({ baseUrl, headers });
  const client = createLuccaFilesClient({ baseUrl, auth: { accessToken: "bench-token" } });
  const link = `${baseUrl}/lucca-api/files/${id}?token=t`;
  const variants: Record<string, () => Promise<unknown>> = {
    "raw fetch": async () => (await fetch(`${baseUrl}/lucca-api/files/${id}?token=t`, { headers })).json(),
    "bare openapi-fetch": () => bare.GET("/lucca-api/files/{id}", { params: { path: { id }, query: { token: "t" }, header: { [parameters.apiVersion.name]: currentApiVersion } } }),
    "client GET": () => client.GET("/lucca-api/files/{id}", { params: { path: { id }, query: { token: "t" } } }),
    "client getFile": () => client.getFile(link),
  };
  const samples: Record<string, Overhead[]> = Object.fromEntries(Object.keys(variants).map((name) => [name, []]));
  for (const run of Object.values(variants)) for (let i = 0; i < 300; i++) await run();
  for (let round = 0; round < rounds; round++) {
    for (const [name, run] of Object.entries(variants)) {
      const started = performance.now();
      const cpu = process.cpuUsage();
      for (let i = 0; i < requests; i++) await run();
      const { user, system } = process.cpuUsage(cpu);
      samples[name]!.push({ ms: (performance.now() - started) / requests, cpuMs: (user + system) / 1000 / requests });
    }
  }
  return Object.fromEntries(
    Object.entries(samples).map(([name, values]) => [name, { ms: median(values.map((value) => value.ms)), cpuMs: median(values.map((value) => value.cpuMs)) }]),
  );
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}
