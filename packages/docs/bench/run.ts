/**
 * `npm run bench`: the built reference (packages/docs/dist) served on 127.0.0.1 and
 * loaded cold in chromium, straight to its first operation: bytes transferred and time
 * until the operation's heading shows. The baseline, measured in the same run by the same
 * code, is a blank page holding only that heading.
 *
 *   npm run bench -- --runs=5
 */
import { mkdtemp, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { launchChromium } from "@lucca-api/scripts/launch-chromium";
import { defaultOutDir } from "../src/build.ts";
import { operationsOf } from "../src/operations.ts";
import { serveFolder } from "../src/static-server.ts";
import { measureLoad, median, type PageLoad } from "./measure-page.ts";

const { values: args } = parseArgs({ options: { runs: { type: "string", default: "5" } } });
const runs = Number(args.runs);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs: '${args.runs}' is not a positive whole number`);

const indexFile = path.join(defaultOutDir, "index.html");
if (!(await stat(indexFile).catch(() => undefined))) throw new Error(`${indexFile} is missing: run \`npm run build\` first`);
const docsSpec = (await import(path.join(defaultOutDir, "openapi.json"), { with: { type: "json" } })).default;
const first = operationsOf(docsSpec)[0]!.operation;
const heading = new RegExp(`^${first.summary.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`);

const blankDir = await mkdtemp(path.join(tmpdir(), "docs-bench-blank-"));
await writeFile(path.join(blankDir, "index.html"), `<!DOCTYPE html><html lang="en"><title>blank</title><h2>${first.summary}</h2></html>`);
const reference = await serveFolder(defaultOutDir);
const blank = await serveFolder(blankDir);
const browser = await launchChromium();

try {
  // The deep link to the first operation, as the sidebar makes it.
  const probe = await browser.context.newPage();
  await probe.goto(`${reference.url}/`);
  const sidebar = probe.locator(".menu-content");
  await sidebar.getByText(first.tags[0], { exact: true }).first().click();
  await sidebar.getByText(first.summary, { exact: true }).first().click();
  await probe.getByRole("heading").filter({ hasText: heading, visible: true }).first().waitFor();
  const deepLink = probe.url();
  await probe.close();

  const measured: { reference: PageLoad[]; blank: PageLoad[] } = { reference: [], blank: [] };
  for (let run = 0; run < runs; run++) {
    measured.blank.push(await measureLoad(browser.context, `${blank.url}/`, heading));
    measured.reference.push(await measureLoad(browser.context, deepLink, heading));
  }

  const summary = (loads: PageLoad[]) => ({
    bytes: median(loads.map((load) => load.bytes)),
    requests: median(loads.map((load) => load.requests)),
    milliseconds: median(loads.map((load) => load.milliseconds)),
  });
  const ref = summary(measured.reference);
  const base = summary(measured.blank);
  const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
  const rows = [
    ["", "reference", "blank page", "ratio"],
    ["page weight", `${kib(ref.bytes)} (${ref.requests} req.)`, `${kib(base.bytes)} (${base.requests} req.)`, `×${(ref.bytes / base.bytes).toFixed(0)}`],
    ["time to first operation", `${ref.milliseconds.toFixed(0)} ms`, `${base.milliseconds.toFixed(0)} ms`, `×${(ref.milliseconds / base.milliseconds).toFixed(1)}`],
  ];
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  console.log(`docs: the reference on loopback, cold cache, median of ${runs} runs; baseline: a blank page with the same heading`);
  for (const row of rows) console.log("  " + row.map((cell, column) => cell.padEnd(widths[column]!)).join("   "));
} finally {
  await browser.close();
  await reference.close();
  await blank.close();
  await rm(blankDir, { recursive: true, force: true });
}
