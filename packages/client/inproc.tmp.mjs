import createClient from "openapi-fetch";
import { createLuccaFilesClient } from "@lucca-api/client";
const id = "2face165-5345-4cf3-ab05-5421a6b19df2";
const baseUrl = "http://127.0.0.1:1";
const body = JSON.stringify({ id, type: "file", url: `${baseUrl}/lucca-api/files/${id}`, fileName: "big.bin", contentType: "binary/octet-stream", createdAt: "2026-11-27T12:00:00Z", links: { self: { href: `${baseUrl}/lucca-api/files/${id}?token=t` } } });
const instant = async () => new Response(body, { status: 200, headers: { "Content-Type": "application/json", "Content-Length": String(body.length), ETag: 'W/"1"' } });
const bare = createClient({ baseUrl, fetch: instant, headers: { "Api-Version": "2024-11-01", Authorization: "Bearer x" } });
const client = createLuccaFilesClient({ baseUrl, auth: { accessToken: "bench-token" }, fetch: instant, timeout: Number(process.env.TO ?? 60000) });
const link = `${baseUrl}/lucca-api/files/${id}?token=t`;
const variants = {
  bare: () => bare.GET("/lucca-api/files/{id}", { params: { path: { id }, query: { token: "t" }, header: { "Api-Version": "2024-11-01" } } }),
  GET: () => client.GET("/lucca-api/files/{id}", { params: { path: { id }, query: { token: "t" } } }),
  getFile: () => client.getFile(link),
};
const only = process.argv[2];
const n = Number(process.argv[3] ?? 20000);
for (const [name, run] of Object.entries(variants)) for (let i = 0; i < 2000; i++) await run();
const res = {};
for (let round = 0; round < 7; round++) for (const [name, run] of Object.entries(variants)) {
  if (only && only !== "all" && name !== only) continue;
  const t = process.cpuUsage();
  for (let i = 0; i < n; i++) await run();
  const u = process.cpuUsage(t);
  (res[name] ??= []).push((u.user + u.system) / n);
}
for (const [k, v] of Object.entries(res)) { v.sort((a, b) => a - b); console.log(k.padEnd(8), v[3].toFixed(1), "µs cpu (median of 7)", v.map((x) => x.toFixed(1)).join(" ")); }
