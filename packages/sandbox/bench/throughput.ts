/**
 * `npm run bench`: upload and download throughput of a 100 MB file on loopback, and the
 * server's peak RSS, for the sandbox beside a bare node:http server that pipes the body
 * to disk (the baseline), both measured in this run with the same client. The sandbox's
 * peak RSS is also measured for a 10 MB file: it must not grow with the file's size.
 */
import { randomBytes } from "node:crypto";
import { fork, type ChildProcess } from "node:child_process";
import { createReadStream } from "node:fs";
import { mkdtemp, open, rm, stat } from "node:fs/promises";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { currentApiVersion, endpoints, parameters } from "@lucca-api/types";
import { demoClient } from "../src/options.ts";
import { tokenPath } from "../src/token-endpoint.ts";

const MB = 1_000_000;
const runs = Number(process.env.SANDBOX_BENCH_RUNS ?? 5);
const boundary = "bench-boundary-1b2c3d";
const [filePart] = endpoints.uploadFile.requestParts;

async function makeFile(dir: string, bytes: number): Promise<string> {
  const path = join(dir, `input-${bytes}.bin`);
  const handle = await open(path, "w");
  const chunk = randomBytes(MB);
  for (let written = 0; written < bytes; written += MB) await handle.write(chunk, 0, Math.min(MB, bytes - written));
  await handle.close();
  return path;
}

interface Server {
  child: ChildProcess;
  url: string;
}

function startServer(mode: "baseline" | "sandbox", dataDir: string): Promise<Server> {
  const child = fork(new URL("./server-process.ts", import.meta.url).pathname, [mode, dataDir], { execArgv: ["--import", "tsx"] });
  return new Promise((resolve, reject) => {
    child.once("message", (message: { url: string }) => resolve({ child, url: message.url }));
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`${mode} server exited with ${code}`)));
  });
}

async function stopServer(server: Server): Promise<number> {
  const stats = await new Promise<{ maxRssBytes: number }>((resolve) => {
    server.child.once("message", resolve);
    server.child.send("stats");
  });
  server.child.removeAllListeners("exit");
  server.child.send("exit");
  return stats.maxRssBytes;
}

/** Sends one request, streaming `body`, and drains the answer; resolves with status and bytes received. */
function send(url: string, method: string, headers: Record<string, string | number>, body?: Readable): Promise<{ status: number; bytes: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers }, (response) => {
      let bytes = 0;
      const head: Buffer[] = [];
      response.on("data", (chunk: Buffer) => {
        bytes += chunk.length;
        if (bytes < 64 * 1024) head.push(chunk);
      });
      response.on("end", () => resolve({ status: response.statusCode!, bytes, text: Buffer.concat(head).toString("utf8") }));
      response.on("error", reject);
    });
    req.on("error", reject);
    if (body) body.pipe(req);
    else req.end();
  });
}

/** The file as the one part of a multipart body, streamed, with its exact length. */
function multipart(path: string, size: number): { stream: Readable; length: number } {
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${filePart}"; filename="bench.bin"\r\nContent-Type: binary/octet-stream\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  async function* parts() {
    yield head;
    yield* createReadStream(path, { highWaterMark: 256 * 1024 });
    yield tail;
  }
  return { stream: Readable.from(parts()), length: head.length + size + tail.length };
}

const timed = async <T>(work: () => Promise<T>): Promise<[T, number]> => {
  const start = process.hrtime.bigint();
  const result = await work();
  return [result, Number(process.hrtime.bigint() - start) / 1e9];
};
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

interface Measure {
  uploadMBps: number;
  downloadMBps: number;
  peakRssMB: number;
}

/** A started server and how to call it: the sandbox needs a token and hands out the download URL. */
interface Target {
  mode: "baseline" | "sandbox";
  server: Server;
  dataDir: string;
  auth: Record<string, string>;
  uploads: number[];
  downloads: number[];
}

async function startTarget(mode: "baseline" | "sandbox", dir: string): Promise<Target> {
  const dataDir = await mkdtemp(join(dir, `${mode}-`));
  const server = await startServer(mode, dataDir);
  let auth: Record<string, string> = {};
  if (mode === "sandbox") {
    const form = new URLSearchParams({ grant_type: "client_credentials", client_id: demoClient.clientId, client_secret: demoClient.clientSecret });
    const answer = await send(`${server.url}${tokenPath}`, "POST", { "Content-Type": "application/x-www-form-urlencoded" }, Readable.from([form.toString()]));
    auth = { Authorization: `Bearer ${JSON.parse(answer.text).access_token}`, [parameters.apiVersion.name]: currentApiVersion };
  }
  return { mode, server, dataDir, auth, uploads: [], downloads: [] };
}

/** One upload then one download of `path`, timed. */
async function roundTrip(target: Target, path: string, size: number): Promise<void> {
  const { mode, server, auth } = target;
  const body = multipart(path, size);
  const [uploaded, upSeconds] = await timed(() =>
    send(`${server.url}${endpoints.uploadFile.path}?include=links`, "POST", { ...auth, "Content-Type": `multipart/form-data; boundary=${boundary}`, "Content-Length": body.length }, body.stream),
  );
  if (uploaded.status !== 201) throw new Error(`${mode} upload answered ${uploaded.status}: ${uploaded.text}`);
  const downloadUrl = mode === "sandbox" ? JSON.parse(uploaded.text).links.self.href : `${server.url}/`;
  const [downloaded, downSeconds] = await timed(() => send(downloadUrl, "GET", { ...auth, Accept: "application/octet-stream" }));
  // The baseline stores the raw multipart body; the sandbox, the file it carries.
  const expected = mode === "baseline" ? body.length : size;
  if (downloaded.status !== 200 || downloaded.bytes !== expected) throw new Error(`${mode} download answered ${downloaded.status} with ${downloaded.bytes} bytes`);
  target.uploads.push(size / MB / upSeconds);
  target.downloads.push(size / MB / downSeconds);
}

async function stopTarget(target: Target): Promise<Measure> {
  try {
    const peakRssMB = (await stopServer(target.server)) / MB;
    return { uploadMBps: median(target.uploads), downloadMBps: median(target.downloads), peakRssMB };
  } finally {
    if (target.server.child.exitCode === null) target.server.child.kill();
    await rm(target.dataDir, { recursive: true, force: true });
  }
}

/** Runs alternate between the two servers, so that neither gets a warmer disk or a quieter machine. */
async function compare(path: string, size: number, dir: string): Promise<{ baseline: Measure; sandbox: Measure }> {
  const baseline = await startTarget("baseline", dir);
  const sandbox = await startTarget("sandbox", dir);
  try {
    for (let run = 0; run < runs; run++) {
      const order = run % 2 === 0 ? [baseline, sandbox] : [sandbox, baseline];
      for (const target of order) await roundTrip(target, path, size);
    }
  } catch (error) {
    baseline.server.child.kill();
    sandbox.server.child.kill();
    throw error;
  }
  return { baseline: await stopTarget(baseline), sandbox: await stopTarget(sandbox) };
}

async function sandboxAlone(path: string, size: number, dir: string): Promise<Measure> {
  const target = await startTarget("sandbox", dir);
  try {
    for (let run = 0; run < runs; run++) await roundTrip(target, path, size);
  } catch (error) {
    target.server.child.kill();
    throw error;
  }
  return stopTarget(target);
}

const dir = await mkdtemp(join(tmpdir(), "lucca-sandbox-bench-"));
try {
  const big = await makeFile(dir, 100 * MB);
  const small = await makeFile(dir, 10 * MB);
  const bigSize = (await stat(big)).size;
  const { baseline, sandbox } = await compare(big, bigSize, dir);
  const sandboxSmall = await sandboxAlone(small, 10 * MB, dir);
  const row = (name: string, base: number, value: number, unit: string) =>
    `| ${name} | ${base.toFixed(0)} ${unit} | ${value.toFixed(0)} ${unit} | ${(value / base).toFixed(2)}× |`;
  console.log(
    [
      `100 MB file (${bigSize} bytes) on loopback, median of ${runs} alternating runs, Node ${process.version}`,
      "",
      "| measure | baseline (bare node:http → disk) | sandbox | sandbox / baseline |",
      "|---|---|---|---|",
      row("upload throughput", baseline.uploadMBps, sandbox.uploadMBps, "MB/s"),
      row("download throughput", baseline.downloadMBps, sandbox.downloadMBps, "MB/s"),
      row("server peak RSS", baseline.peakRssMB, sandbox.peakRssMB, "MB"),
      "",
      `sandbox peak RSS: ${sandboxSmall.peakRssMB.toFixed(0)} MB with a 10 MB file, ${sandbox.peakRssMB.toFixed(0)} MB with a 100 MB file ` +
        `(${(sandbox.peakRssMB / sandboxSmall.peakRssMB).toFixed(2)}× for 10× the bytes)`,
    ].join("\n"),
  );
} finally {
  await rm(dir, { recursive: true, force: true });
}
