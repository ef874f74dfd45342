/**
 * `npm run bench`: per-request overhead (5,000 loopback GETs) against raw fetch and bare
 * openapi-fetch; upload and download of `--size` bytes (default 1 GiB) through the client
 * against raw streaming fetch, each case in its own process for its peak RSS; and the
 * bundle size. Every figure is printed beside its baseline from the same run.
 *
 *   npm run bench -- --size=1g --requests=5000 --overhead-rounds=20 --rounds=3
 *   npm run bench -- --only=overhead      (or streaming, bundle)
 */
import { spawn } from "node:child_process";
import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { cpus, loadavg, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { measureBreakdown } from "./bundle-breakdown.ts";
import { bundleBudget, measureBundles } from "./bundle-size.ts";
import { measureOverhead, type Spread } from "./overhead.ts";

const here = dirname(fileURLToPath(import.meta.url));
const tsx = join(here, "../../../node_modules/.bin/tsx");
const flags = Object.fromEntries(process.argv.slice(2).map((arg) => arg.replace(/^--/, "").split("=") as [string, string]));
const size = parseSize(flags.size ?? "1g");
const requests = Number(flags.requests ?? 5_000);
const rounds = Number(flags.rounds ?? 3);
const overheadRounds = Number(flags["overhead-rounds"] ?? 20);
const only = flags.only;
const part = (name: "overhead" | "streaming" | "bundle") => only === undefined || only === name;

function parseSize(text: string): number {
  const match = /^(\d+(?:\.\d+)?)([kmg]?)$/i.exec(text);
  if (!match) throw new Error(`--size: '${text}' is not a size; use e.g. 1g, 256m or 1000000`);
  return Math.round(Number(match[1]) * 1024 ** " kmg".indexOf((match[2] || " ").toLowerCase()));
}

/**
 * Bundles a case to plain JavaScript first and runs it with `node`: a process started
 * through tsx carries the compiler in its RSS, which would swamp what is measured.
 */
async function run(script: string, args: string[]): Promise<string> {
  const bundled = join(folder, script.replace(/\.ts$/, ".mjs"));
  await build({ entryPoints: [join(here, script)], bundle: true, platform: "node", format: "esm", outfile: bundled, logLevel: "error" });
  const child = spawn(process.execPath, [bundled, ...args], { stdio: ["ignore", "pipe", "inherit"] });
  let output = "";
  child.stdout.on("data", (data) => (output += data));
  const [code] = await once(child, "exit");
  if (code !== 0) throw new Error(`${script} ${args.join(" ")} exited with ${code}`);
  return output.trim();
}

async function startServer() {
  const child = spawn(tsx, [join(here, "bench-server.ts"), String(size)], { stdio: ["ignore", "pipe", "inherit"] });
  const [line] = (await once(createInterface({ input: child.stdout }), "line")) as [string];
  return { url: (JSON.parse(line) as { url: string }).url, stop: () => child.kill("SIGTERM") };
}

async function writeSourceFile(path: string): Promise<void> {
  const out = createWriteStream(path);
  const block = Buffer.alloc(1024 * 1024, 3);
  for (let written = 0; written < size; written += block.length) {
    const part = size - written >= block.length ? block : block.subarray(0, size - written);
    if (!out.write(part)) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
}

const ratio = (value: number, baseline: number) => `${(value / baseline).toFixed(2)}×`;
const server = await startServer();
const folder = await mkdtemp(join(tmpdir(), "lucca-bench-"));
try {
  // The load average says how much the figures can be trusted on a shared machine.
  console.log(`Node ${process.version}, ${cpus().length} cores, load average ${loadavg()[0]!.toFixed(1)}; ${requests} sequential GETs, streaming ${size} bytes (${(size / 1024 ** 3).toFixed(2)} GiB)\n`);

  if (part("overhead")) await printOverhead();
  if (part("streaming")) await printStreaming();
  if (part("bundle")) await printBundle();
  console.log(`\nload average at the end: ${loadavg()[0]!.toFixed(1)}`);
} finally {
  server.stop();
  await rm(folder, { recursive: true, force: true });
}

async function printOverhead() {
  const overhead = await measureOverhead(server.url, requests, overheadRounds);
  const times = (value: number) => `${value.toFixed(3)}×`;
  const micro = (value: number) => `${value >= 0 ? "+" : ""}${value.toFixed(1)}`;
  const spread = ({ median, low, high }: Spread, format: (value: number) => string) => `${format(median)} (${format(low)} to ${format(high)})`;
  console.log(`per-request overhead against bare openapi-fetch: ${requests} sequential GETs per variant, taking turns request by request, in ${overheadRounds} rounds;`);
  console.log("each round's median request, and its ratio to bare openapi-fetch's in the same round: median over rounds (interquartile range)");
  for (const [name, { loopbackUs, ratio: ratioOfRounds, inProcessUs, addedUs }] of Object.entries(overhead)) {
    const added = name === "bare openapi-fetch" ? "" : `, ${spread(addedUs, micro)} µs`;
    console.log(`  ${name.padEnd(20)} loopback ${loopbackUs.toFixed(0).padStart(4)} µs, ${spread(ratioOfRounds, times)}   in process (a fetch that answers at once) ${inProcessUs.toFixed(1).padStart(5)} µs${added}`);
  }
}

async function printStreaming() {
  const source = join(folder, "source.bin");
  await writeSourceFile(source);
  console.log(`\nstreaming (each case in its own process, best time and highest peak RSS of ${rounds} rounds)`);
  for (const direction of ["upload", "download"] as const) {
    // Interleaved rounds; the fastest time and the highest peak RSS of each variant count.
    const results: Record<string, { ms: number; bytes: number; maxRssMb: number }> = {};
    for (let round = 0; round < rounds; round++) {
      for (const variant of ["raw-fetch", "client"]) {
        const result = JSON.parse(await run("stream-case.ts", [`${direction}-${variant}`, server.url, source])) as { ms: number; bytes: number; maxRssMb: number };
        const best = results[variant];
        results[variant] = best ? { ms: Math.min(best.ms, result.ms), bytes: result.bytes, maxRssMb: Math.max(best.maxRssMb, result.maxRssMb) } : result;
      }
    }
    const raw = results["raw-fetch"]!;
    for (const [variant, result] of Object.entries(results)) {
      if (result.bytes !== size) throw new Error(`${direction}-${variant} moved ${result.bytes} bytes, not ${size}`);
      const mbps = size / 1024 ** 2 / (result.ms / 1000);
      console.log(
        `  ${`${direction} ${variant}`.padEnd(20)} ${mbps.toFixed(0).padStart(5)} MiB/s (${ratio(raw.ms, result.ms)} of raw throughput)   peak RSS ${result.maxRssMb.toFixed(0).padStart(4)} MB (${ratio(result.maxRssMb, raw.maxRssMb)} of raw)`,
      );
    }
  }
}

async function printBundle() {
  const bundles = await measureBundles(join(here, ".."));
  console.log(`\nbrowser bundle (the package's build as a browser app imports it; esbuild, minified; gzip -9); budget ${bundleBudget} bytes, ${(bundleBudget / 1024).toFixed(2)} KiB (test/bundle-size.test.ts)`);
  for (const [name, { min, gzip }] of Object.entries(bundles)) {
    console.log(`  ${name.padEnd(24)} ${(min / 1024).toFixed(1).padStart(6)} KiB min   ${(gzip / 1024).toFixed(1).padStart(5)} KiB min+gzip (${gzip} bytes)   ${ratio(gzip, bundles["bare openapi-fetch"].gzip)} bare openapi-fetch`);
  }
  const parts = await measureBreakdown(join(here, ".."));
  // Each part is a difference within the breakdown's own bundle; taken off the figure above, it says what the client would weigh without it.
  console.log(`  of which openapi-fetch adds ${parts.openapiFetch} bytes, the text of the client's ${parts.messageCount} messages ${parts.messages}: with every message a two-character code, the client would weigh ${bundles.client.gzip - parts.messages} bytes`);
}
