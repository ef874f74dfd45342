/**
 * `npm run bench` (second part): a hostile multipart body — the file part followed by
 * 400,000 tiny extra parts with distinct names, about 27 MB — against a body of the same size with one file
 * part (the baseline), each sent to a fresh sandbox process so that each peak RSS is its
 * own. Reports the server's peak RSS, the answer's status and size, and the time.
 * The hostile body must be refused with a small answer, in flat memory.
 */
import { fork, type ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { currentApiVersion, endpoints, parameters } from "@lucca-api/types";
import { demoClient } from "../src/options.ts";
import { tokenPath } from "../src/token-endpoint.ts";

const MB = 1_000_000;
const extraParts = Number(process.env.SANDBOX_BENCH_EXTRA_PARTS ?? 400_000);
const boundary = "xyz";
const [filePart] = endpoints.uploadFile.requestParts;

const fileHead = `--${boundary}\r\nContent-Disposition: form-data; name="${filePart}"; filename="a.txt"\r\nContent-Type: text/plain\r\n\r\na\r\n`;
const extraPart = (index: number) => `--${boundary}\r\nContent-Disposition: form-data; name="x${index}"\r\n\r\na\r\n`;
const closing = `--${boundary}--\r\n`;

/** The file part, then `extraParts` one-byte fields, generated as it is sent. */
function hostileBody(): { stream: Readable; length: number } {
  let length = Buffer.byteLength(fileHead) + Buffer.byteLength(closing);
  for (let index = 0; index < extraParts; index++) length += Buffer.byteLength(extraPart(index));
  function* chunks() {
    yield fileHead;
    let batch = "";
    for (let index = 0; index < extraParts; index++) {
      batch += extraPart(index);
      if (batch.length > 64 * 1024) {
        yield batch;
        batch = "";
      }
    }
    yield batch + closing;
  }
  return { stream: Readable.from(chunks()), length };
}

/** One file part whose content makes the body as long as the hostile one. */
function baselineBody(length: number): { stream: Readable; length: number } {
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="${filePart}"; filename="a.bin"\r\nContent-Type: binary/octet-stream\r\n\r\n`;
  const tail = `\r\n--${boundary}--\r\n`;
  const contentBytes = length - Buffer.byteLength(head) - Buffer.byteLength(tail);
  function* chunks() {
    yield head;
    const block = Buffer.alloc(64 * 1024, 0x61);
    for (let sent = 0; sent < contentBytes; sent += block.length) yield block.subarray(0, Math.min(block.length, contentBytes - sent));
    yield tail;
  }
  return { stream: Readable.from(chunks()), length };
}

/**
 * Sends the whole body, even after an early answer (the server drains a refused body), and
 * resolves once both the body is sent and the answer received: the server's peak RSS then
 * covers the whole body.
 */
function send(url: string, headers: Record<string, string | number>, body: Readable): Promise<{ status: number; bytes: number; text: string }> {
  return new Promise((resolve, reject) => {
    let sent = false;
    let answer: { status: number; bytes: number; text: string } | undefined;
    const done = () => sent && answer && resolve(answer);
    const req = request(url, { method: "POST", headers }, (response) => {
      let bytes = 0;
      const head: Buffer[] = [];
      response.on("data", (chunk: Buffer) => {
        bytes += chunk.length;
        if (bytes < 64 * 1024) head.push(chunk);
      });
      response.on("end", () => {
        answer = { status: response.statusCode!, bytes, text: Buffer.concat(head).toString("utf8") };
        done();
      });
      response.on("error", reject);
    });
    // After an early answer the server drains the body, or closes the connection past its timeout.
    const ended = () => {
      sent = true;
      done();
    };
    req.on("error", (error) => (answer ? ended() : reject(error)));
    req.on("finish", ended);
    req.on("close", ended);
    body.pipe(req);
  });
}

async function withSandbox<T>(dir: string, work: (url: string, auth: Record<string, string>) => Promise<T>): Promise<T & { peakRssMB: number }> {
  const dataDir = await mkdtemp(join(dir, "sandbox-"));
  const child: ChildProcess = fork(new URL("./server-process.ts", import.meta.url).pathname, ["sandbox", dataDir], { execArgv: ["--import", "tsx"] });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      child.once("message", (message: { url: string }) => resolve(message.url));
      child.once("exit", (code) => reject(new Error(`sandbox exited with ${code}`)));
    });
    const form = new URLSearchParams({ grant_type: "client_credentials", client_id: demoClient.clientId, client_secret: demoClient.clientSecret });
    const token = await send(`${url}${tokenPath}`, { "Content-Type": "application/x-www-form-urlencoded" }, Readable.from([form.toString()]));
    const auth = { Authorization: `Bearer ${JSON.parse(token.text).access_token}`, [parameters.apiVersion.name]: currentApiVersion };
    const result = await work(url, auth);
    const stats = await new Promise<{ maxRssBytes: number }>((resolve) => {
      child.once("message", resolve);
      child.send("stats");
    });
    return { ...result, peakRssMB: stats.maxRssBytes / MB };
  } finally {
    child.removeAllListeners("exit");
    child.kill();
    await rm(dataDir, { recursive: true, force: true });
  }
}

async function upload(dir: string, body: { stream: Readable; length: number }) {
  return withSandbox(dir, async (url, auth) => {
    const start = process.hrtime.bigint();
    const answer = await send(`${url}${endpoints.uploadFile.path}`, { ...auth, "Content-Type": `multipart/form-data; boundary=${boundary}`, "Content-Length": body.length }, body.stream);
    return { status: answer.status, answerBytes: answer.bytes, seconds: Number(process.hrtime.bigint() - start) / 1e9 };
  });
}

const dir = await mkdtemp(join(tmpdir(), "lucca-sandbox-bench-parts-"));
try {
  const hostile = hostileBody();
  const baseline = await upload(dir, baselineBody(hostile.length));
  const attack = await upload(dir, hostile);
  const row = (name: string, measure: typeof baseline) =>
    `| ${name} | ${measure.status} | ${measure.answerBytes} B | ${measure.peakRssMB.toFixed(0)} MB | ${measure.seconds.toFixed(2)} s |`;
  console.log(
    [
      `A ${(hostile.length / MB).toFixed(1)} MB multipart body, Node ${process.version}`,
      "",
      "| body | status | answer | server peak RSS | time |",
      "|---|---|---|---|---|",
      row("one file part (baseline)", baseline),
      row(`the file part + ${extraParts} extra parts`, attack),
      "",
      `peak RSS, hostile / baseline: ${(attack.peakRssMB / baseline.peakRssMB).toFixed(2)}×`,
    ].join("\n"),
  );
} finally {
  await rm(dir, { recursive: true, force: true });
}
