import { execFile, spawn } from "node:child_process";
import { createHash, randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { lstat, mkdir, mkdtemp, open, readFile, readdir, readlink, rm, symlink, truncate, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { contentTypes, deprecationHeader, limits, oauth2, sunsetHeader, uploadFileRoute } from "@lucca-api/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startRenamingProxy } from "@lucca-api/scripts/renaming-proxy";
import { exitCodes } from "../src/cli/exit-codes.ts";
import { sandboxStartCommand } from "../src/config/local-sandbox.ts";
import { binPath, cleanEnv, runCli, spawnCli } from "./helpers/run-cli.ts";
import { runMain } from "./helpers/run-main.ts";
import { demoClient, startHeaderProxy, startTestSandbox, type TestSandbox } from "./helpers/sandbox.ts";

let sandbox: TestSandbox;
let folder: string;
let pdf: string;
const content = new Uint8Array(1_500_000).map((_, i) => (i * 31) % 251);
const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

beforeAll(async () => {
  sandbox = await startTestSandbox();
  folder = await mkdtemp(join(tmpdir(), "lucca-cli-"));
  pdf = join(folder, "report.pdf");
  await writeFile(pdf, content);
});
afterAll(async () => {
  await sandbox?.close();
  await rm(folder, { recursive: true, force: true });
});

/**
 * The link of report.pdf, uploaded once in-process by the client (the upload command has
 * its own tests): the download and get tests then run the CLI only for what they test.
 */
let sharedLink: Promise<string> | undefined;
const uploadedLink = (): Promise<string> => (sharedLink ??= sandbox.uploadLink({ path: pdf }));

describe("upload", () => {
  it("prints each file's name, id and link on stdout, and plain progress lines on stderr when not on a terminal", async () => {
    const other = join(folder, "notes.txt");
    await writeFile(other, "hello");
    const { code, stdout, stderr } = await runMain([...sandbox.flags, "upload", pdf, other]);
    expect(code).toBe(exitCodes.ok);
    const lines = stdout.trim().split("\n");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(new RegExp(`^report\\.pdf\\s+[0-9a-f-]{36}\\s+${sandbox.url}/lucca-api/files/[0-9a-f-]{36}\\?token=\\S+$`));
    expect(lines[1]).toMatch(/^notes\.txt\s+[0-9a-f-]{36}\s+http/);
    expect(stderr).toContain("uploaded report.pdf: 1.50 MB");
    expect(stderr).not.toContain("\u001B[");
  });

  it("--json prints the file objects, with the content type the client infers from the name", async () => {
    const { code, stdout } = await runMain([...sandbox.flags, "upload", pdf, "--json"]);
    expect(code).toBe(exitCodes.ok);
    const [file] = JSON.parse(stdout) as [{ fileName: string; contentType: string; links: { self: { href: string } } }];
    expect(file).toMatchObject({ fileName: "report.pdf", contentType: "application/pdf" });
    expect(file.links.self.href).toContain("token=");
  });

  it("--content-type overrides the inference", async () => {
    const override = contentTypes.find((type) => type !== "application/pdf")!;
    const { stdout } = await runMain([...sandbox.flags, "upload", pdf, "--json", "--content-type", override]);
    expect((JSON.parse(stdout) as [{ contentType: string }])[0].contentType).toBe(override);
  });

  it("a content type the API does not accept is a usage error naming --content-type, before anything is sent", async () => {
    const { code, stdout, stderr } = await runMain([...sandbox.flags, "upload", pdf, "--content-type", "image/jpeg"]);
    expect(code).toBe(exitCodes.usage);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/^lucca-files: --content-type: 'image\/jpeg' is not accepted by the API; .*image\/jpg/);
    expect(stderr.trim().split("\n")).toHaveLength(1);
  });

  it("a path in the client's message is left as typed, even one holding an option's word ('baseUrl.bin' was said 'LUCCA_BASE_URL (or --host).bin')", async () => {
    const big = join(folder, "baseUrl.bin");
    await writeFile(big, "");
    await truncate(big, limits.maxRequestBodyBytes + 1);
    const { code, stderr } = await runMain([...sandbox.flags, "upload", big]);
    expect(code).toBe(exitCodes.usage);
    expect(stderr).toContain(`the file to upload: 'baseUrl.bin' (${limits.maxRequestBodyBytes + 1} bytes) is over the API's limit`);
  });

  it("a missing file stops the batch before the first byte, naming the path", async () => {
    const { code, stdout, stderr } = await runMain([...sandbox.flags, "upload", pdf, join(folder, "missing.pdf")]);
    expect(code).toBe(exitCodes.usage);
    expect(stdout).toBe("");
    expect(stderr).toContain("cannot read '");
    expect(stderr).toContain("missing.pdf' (ENOENT): check the path.");
  });

  it("'-' is refused as stdin, which upload does not read, with the way to upload such content", async () => {
    const { code, stdout, stderr } = await runMain([...sandbox.flags, "upload", "-"]);
    expect(code).toBe(exitCodes.usage);
    expect(stdout).toBe("");
    expect(stderr).toBe("lucca-files: upload reads files, not stdin ('-'): the API needs a file name; save the content to a file first (e.g. … > notes.txt, then lucca-files upload notes.txt), or pass ./- for a file named '-'.\n");
  });

  // Refused from its stat alone: nothing is read from the device, nor the FIFO opened.
  it("a device (/dev/null) or a pipe (a FIFO, as /dev/stdin often is) is refused as not a regular file, not told to upload a folder's files", async () => {
    const fifo = join(await mkdtemp(join(folder, "up-")), "pipe");
    await promisify(execFile)("mkfifo", [fifo]);
    for (const path of ["/dev/null", fifo]) {
      const { code, stderr } = await runMain([...sandbox.flags, "upload", path]);
      expect(code).toBe(exitCodes.usage);
      expect(stderr).toBe(`lucca-files: '${path}' is not a regular file (a device or a pipe): upload reads files; save the content to a file first (e.g. … > notes.txt, then lucca-files upload notes.txt).\n`);
    }
  });

  // The client warns once per answer, in its own terms: 55 files uploaded printed 55+ lines
  // telling the user to "move the `apiVersion` option", which the command line does not have.
  it("a deprecated Api-Version (the API's Deprecation and Sunset headers) is said once a run, naming --api-version", async () => {
    const proxy = await startHeaderProxy(sandbox.url, { [deprecationHeader]: "@1767225600", [sunsetHeader]: "Wed, 30 Jun 2027 00:00:00 GMT" });
    try {
      const { code, stdout, stderr } = await runMain(["--sandbox", "--host", proxy.url, "upload", pdf, pdf, pdf]);
      expect(code, stderr).toBe(exitCodes.ok);
      expect(stdout.trim().split("\n")).toHaveLength(3);
      const notes = stderr.split("\n").filter((line) => line.includes("deprecated"));
      expect(notes).toEqual(["[lucca-api/client] this Api-Version is deprecated (@1767225600), served until Wed, 30 Jun 2027 00:00:00 GMT; move --api-version (or LUCCA_API_VERSION) to a newer version."]);
    } finally {
      await proxy.close();
    }
  });

  it("--quiet leaves stderr empty and the results on stdout", async () => {
    const { code, stdout, stderr } = await runMain([...sandbox.flags, "--quiet", "upload", pdf]);
    expect(code).toBe(exitCodes.ok);
    expect(stderr).toBe("");
    expect(stdout).toMatch(/^report\.pdf\s/);
  });
});

describe("download", () => {
  // Without -o the file goes into the current folder: the tests of that spawn the CLI in a
  // folder of their own (the test process's folder is shared, and stays where it is).
  it("writes the file under the name of Content-Disposition, byte for byte, and prints its path", async () => {
    const link = await uploadedLink();
    const into = await mkdtemp(join(folder, "dl-"));
    const { code, stdout } = await runCli([...sandbox.flags, "download", link], { cwd: into });
    expect(code).toBe(exitCodes.ok);
    expect(stdout.trim()).toBe("report.pdf");
    expect(await readdir(into)).toEqual(["report.pdf"]);
    expect(sha256(await readFile(join(into, "report.pdf")))).toBe(sha256(content));
  });

  // Opening a FIFO for writing waits for a reader, and writing into one whose reader stopped
  // reading waits for it, in a worker thread: Ctrl-C, a second one and TERM left the command
  // waiting (only SIGKILL ended it). Spawned: the old command would block a thread for good.
  it("-o a FIFO is a usage error before anything is sent, naming -o - (stdout, which Ctrl-C always stops)", async () => {
    const into = await mkdtemp(join(folder, "fifo-"));
    const fifo = join(into, "pipe");
    await promisify(execFile)("mkfifo", [fifo]);
    const { child, result } = spawnCli([...sandbox.flags, "download", await uploadedLink(), "-o", fifo]);
    // On code that blocks, the test fails by its assertions rather than leaving the command running.
    const stop = setTimeout(() => child.kill("SIGKILL"), 20_000);
    try {
      const { code, stdout, stderr } = await result;
      expect(code).toBe(exitCodes.usage);
      expect(stdout).toBe("");
      expect(stderr).toBe(`lucca-files: -o: '${fifo}' is a pipe (FIFO), which a download could wait on with no way to stop it (Ctrl-C); pass -o - and redirect or pipe stdout instead: -o - > '${fifo}', or -o - | <reader>.\n`);
      expect((await lstat(fifo)).isFIFO()).toBe(true);
      expect(await readdir(into)).toEqual(["pipe"]);
    } finally {
      clearTimeout(stop);
      child.kill("SIGKILL");
    }
  });

  // The atomic write renamed its temporary file over a link, which became a regular file
  // (`/dev/stdout` is a link, to /proc/self/fd/1).
  it("-o a symbolic link replaces the file it points to, and the link stays a link", async () => {
    const link = await uploadedLink();
    const into = await mkdtemp(join(folder, "links-"));
    await writeFile(join(into, "mine.pdf"), "mine");
    await symlink(join(into, "mine.pdf"), join(into, "to-file"));
    const { code, stdout, stderr } = await runMain([...sandbox.flags, "download", link, "-o", join(into, "to-file")]);
    expect(code, stderr).toBe(exitCodes.ok);
    expect(stdout).toBe(`${join(into, "to-file")}\n`);
    expect((await lstat(join(into, "to-file"))).isSymbolicLink()).toBe(true);
    expect(sha256(await readFile(join(into, "mine.pdf")))).toBe(sha256(content));
    expect((await readdir(into)).sort()).toEqual(["mine.pdf", "to-file"]);
  });

  // Following it by hand would pass the system's checks by (a loop; a link in a sticky
  // folder that the system refuses to follow for another user).
  it("-o a symbolic link that names nothing, or a loop, is a usage error before anything is sent, and the links stay", async () => {
    const link = await uploadedLink();
    const into = await mkdtemp(join(folder, "dangling-"));
    await symlink(join(into, "new.pdf"), join(into, "to-nowhere"));
    await symlink(join(into, "loop-b"), join(into, "loop-a"));
    await symlink(join(into, "loop-a"), join(into, "loop-b"));
    const dangling = await runMain([...sandbox.flags, "download", link, "-o", join(into, "to-nowhere")]);
    expect(dangling.code).toBe(exitCodes.usage);
    expect(dangling.stderr).toContain(`-o: '${join(into, "to-nowhere")}' is a symbolic link to '${join(into, "new.pdf")}', which names no file; pass -o <the path of a file>, or create it first.`);
    const loop = await runMain([...sandbox.flags, "download", link, "-o", join(into, "loop-a")]);
    expect(loop.code).toBe(exitCodes.usage);
    expect(loop.stderr).toContain(`-o: cannot write '${join(into, "loop-a")}' (ELOOP); pass -o <a path you can write to>.`);
    expect((await readdir(into)).sort()).toEqual(["loop-a", "loop-b", "to-nowhere"]);
  });

  it("-o a link to /proc/self/fd/1 (what /dev/stdout is) with stdout in a file writes the content into that file, and the link stays", async () => {
    const into = await mkdtemp(join(folder, "stdout-link-"));
    const stdoutLink = join(into, "stdout");
    await symlink("/proc/self/fd/1", stdoutLink);
    const outFile = join(into, "out.pdf");
    const out = await open(outFile, "w");
    try {
      const child = spawn(process.execPath, [binPath, ...sandbox.flags, "--quiet", "download", await uploadedLink(), "-o", stdoutLink], { env: cleanEnv(), stdio: ["ignore", out.fd, "pipe"] });
      let stderr = "";
      child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
      const code = await new Promise((resolve) => child.once("close", resolve));
      expect(code, stderr).toBe(exitCodes.ok);
    } finally {
      await out.close();
    }
    expect(await readlink(stdoutLink)).toBe("/proc/self/fd/1");
    expect(sha256(await readFile(outFile))).toBe(sha256(content));
    expect((await readdir(into)).sort()).toEqual(["out.pdf", "stdout"]);
  });

  // The fix is a command to paste: a name with a space was three words to the shell.
  it("the -o it says to pass for a name already there is one shell word, whatever the name holds", async () => {
    const into = await mkdtemp(join(folder, "names-"));
    for (const name of ["my notes v2.pdf", "it's.pdf"]) {
      const link = await sandbox.uploadLink({ path: pdf }, { fileName: name });
      await writeFile(join(into, name), "mine");
      const refused = await runCli([...sandbox.flags, "download", link], { cwd: into });
      expect(refused.code).toBe(exitCodes.usage);
      const suggested = /pass -o (.+) to replace it/.exec(refused.stderr)![1]!;
      const { stdout } = await promisify(execFile)("sh", ["-c", `printf '%s\\n' ${suggested}`]);
      expect(stdout).toBe(`${name}\n`);
    }
  });

  it("never replaces a file with the server's name; -o chooses the path", async () => {
    const link = await uploadedLink();
    const into = await mkdtemp(join(folder, "dl-"));
    await writeFile(join(into, "report.pdf"), "mine");
    const refused = await runCli([...sandbox.flags, "download", link], { cwd: into });
    expect(refused.code).toBe(exitCodes.usage);
    expect(refused.stderr).toContain("'report.pdf' already exists; pass -o report.pdf to replace it");
    expect(await readFile(join(into, "report.pdf"), "utf8")).toBe("mine");
    // A relative -o is the process's working folder's.
    const { code } = await runCli([...sandbox.flags, "download", link, "-o", "copy.pdf"], { cwd: into });
    expect(code).toBe(exitCodes.ok);
    expect(sha256(await readFile(join(into, "copy.pdf")))).toBe(sha256(content));
    expect((await readdir(into)).sort()).toEqual(["copy.pdf", "report.pdf"]);
  });

  it("-o <folder> saves under the server's name in that folder, and never replaces a file there either", async () => {
    const link = await uploadedLink();
    const into = await mkdtemp(join(folder, "dl-"));
    const saved = await runMain([...sandbox.flags, "download", link, "-o", into]);
    expect(saved.code, saved.stderr).toBe(exitCodes.ok);
    expect(saved.stdout.trim()).toBe(join(into, "report.pdf"));
    expect(sha256(await readFile(join(into, "report.pdf")))).toBe(sha256(content));
    await writeFile(join(into, "report.pdf"), "mine");
    const refused = await runMain([...sandbox.flags, "download", link, "-o", into]);
    expect(refused.code).toBe(exitCodes.usage);
    expect(refused.stderr).toContain(`'${join(into, "report.pdf")}' already exists; pass -o ${join(into, "report.pdf")} to replace it`);
    expect(await readFile(join(into, "report.pdf"), "utf8")).toBe("mine");
    expect(await readdir(into)).toEqual(["report.pdf"]);
    // A link with that name counts, even one that points nowhere (stat would say no file).
    const linked = await mkdtemp(join(folder, "dl-"));
    await symlink(join(linked, "nowhere"), join(linked, "report.pdf"));
    const dangling = await runMain([...sandbox.flags, "download", link, "-o", linked]);
    expect(dangling.code).toBe(exitCodes.usage);
    expect(await readlink(join(linked, "report.pdf"))).toBe(join(linked, "nowhere"));
  });

  it("saves under the client's bare file name, never where a '../' in the server's name points", async () => {
    const link = await uploadedLink();
    // A server between the CLI and the sandbox that names the content "../escaped.pdf".
    const hostile = await startRenamingProxy(sandbox.url, "../escaped.pdf");
    const origin = hostile.url;
    try {
      const parent = await mkdtemp(join(folder, "dl-"));
      const into = join(parent, "here");
      await mkdir(into);
      const { code, stdout, stderr } = await runCli(["--sandbox", "--host", origin, "download", link.replace(sandbox.url, origin)], { cwd: into });
      expect(code, stderr).toBe(exitCodes.ok);
      expect(stdout.trim()).toBe("escaped.pdf");
      expect(await readdir(into)).toEqual(["escaped.pdf"]);
      expect(await readdir(parent)).toEqual(["here"]);
      expect(sha256(await readFile(join(into, "escaped.pdf")))).toBe(sha256(content));
    } finally {
      await hostile.close();
    }
  });

  it("the progress line counts the bytes that arrived before it was drawn (a small file comes whole in the read-ahead)", async () => {
    const link = await sandbox.uploadLink(new Uint8Array(13), { fileName: "small.pdf" });
    const { code, stderr } = await runMain([...sandbox.flags, "download", link, "-o", join(folder, "small-copy.pdf")]);
    expect(code).toBe(exitCodes.ok);
    expect(stderr).toContain("downloaded small-copy.pdf: 13 B in");
  });

  it("-o into a folder that does not exist is a usage error before anything is sent: no 'downloading' line", async () => {
    const link = await uploadedLink();
    // Relative, as typed: the message names the folder as the user wrote it. Nothing can be
    // written there (the folder does not exist), so the test process's folder is safe to use.
    const missing = `nodir-${randomUUID()}`;
    const target = join(missing, "x.pdf");
    const { code, stdout, stderr } = await runMain([...sandbox.flags, "download", link, "-o", target]);
    expect(code).toBe(exitCodes.usage);
    expect(stdout).toBe("");
    expect(stderr).toBe(`lucca-files: -o: cannot write '${target}': its folder '${missing}' does not exist; create it first, or pass -o <a path in an existing folder>.\n`);
    expect(existsSync(missing)).toBe(false);
  });

  it("-o <a path ending with />, a folder that does not exist, is a usage error before anything is sent (the content went beside it, then failed to be renamed)", async () => {
    const link = await uploadedLink();
    const into = await mkdtemp(join(folder, "slash-"));
    const target = `${join(into, "new")}/`;
    const { code, stderr } = await runMain([...sandbox.flags, "download", link, "-o", target]);
    expect(code).toBe(exitCodes.usage);
    expect(stderr).toBe(`lucca-files: -o: cannot write '${target}': its folder '${target}' does not exist; create it first, or pass -o <a path in an existing folder>.\n`);
    expect(await readdir(into)).toEqual([]);
  });

  it("-o under a file is a usage error found before the link is even requested", async () => {
    const closed = await startTestSandbox();
    await closed.close();
    const notAFolder = join(folder, "report.pdf");
    // Nothing listens at the link's address: only a check made before the request can answer.
    const link = (await uploadedLink()).replace(sandbox.url, closed.url);
    const { code, stderr } = await runMain([...closed.flags, "download", link, "-o", join(notAFolder, "x.pdf")]);
    expect(code, stderr).toBe(exitCodes.usage);
    expect(stderr).toBe(`lucca-files: -o: cannot write '${join(notAFolder, "x.pdf")}': '${notAFolder}' is not a folder; pass -o <a path in a folder>.\n`);
  });

  it("-o - writes the content to stdout", async () => {
    const link = await uploadedLink();
    const { code, stdoutBytes } = await runMain([...sandbox.flags, "download", link, "-o", "-"]);
    expect(code).toBe(exitCodes.ok);
    expect(sha256(stdoutBytes)).toBe(sha256(content));
  });
});

describe("get", () => {
  it("shows the metadata as a table, and --json as the API gives it", async () => {
    const link = await uploadedLink();
    const table = await runMain([...sandbox.flags, "get", link]);
    expect(table.code).toBe(exitCodes.ok);
    expect(table.stdout).toMatch(/^id\s+[0-9a-f-]{36}$/m);
    expect(table.stdout).toMatch(/^name\s+report\.pdf$/m);
    expect(table.stdout).toMatch(/^content type\s+application\/pdf$/m);
    expect(table.stdout).toMatch(/^etag\s+\S+$/m);
    const json = await runMain([...sandbox.flags, "get", link, "--json"]);
    expect(JSON.parse(json.stdout)).toMatchObject({ type: "file", fileName: "report.pdf" });
  });

  it("--if-none-match with the current ETag prints 'not modified' and exits 0 (the API's 304)", async () => {
    const link = await uploadedLink();
    const eTag = /^etag\s+(\S+)$/m.exec((await runMain([...sandbox.flags, "get", link])).stdout)![1]!;
    const { code, stdout } = await runMain([...sandbox.flags, "get", link, "--if-none-match", eTag]);
    expect(code).toBe(exitCodes.ok);
    expect(stdout).toBe("not modified\n");
    const stale = await runMain([...sandbox.flags, "get", link, "--if-none-match", '"another"']);
    expect(stale.stdout).toMatch(/^name\s+report\.pdf$/m);
  });

  it("--debug shows the client's request lines with the file token, the access token and the secret redacted", async () => {
    const link = await uploadedLink();
    const { code, stderr } = await runMain([...sandbox.flags, "--debug", "get", link]);
    expect(code).toBe(exitCodes.ok);
    expect(stderr).toMatch(/^\[lucca-api\/client\] → GET .*token=\[redacted\]/m);
    expect(stderr).not.toContain(demoClient.clientSecret);
    expect(stderr).not.toContain("eyJ");
  });

  // The banner says 127.0.0.1, people type localhost: the client withholds the token from
  // a link on another origin, and the API's 401 then spoke of the library's baseUrl.
  it.each(["get", "download"])("%s of a link on another origin than --host is refused before any request, naming the --host to pass", async (command) => {
    const link = await uploadedLink();
    const { origin } = new URL(link);
    const elsewhere = link.replace(origin, origin.replace("127.0.0.1", "localhost"));
    const { code, stdout, stderr } = await runMain([...sandbox.flags, command, elsewhere, ...(command === "download" ? ["-o", "-"] : [])]);
    expect(code).toBe(exitCodes.usage);
    expect(stdout).toBe("");
    expect(stderr).toBe(
      `lucca-files: the link is on ${new URL(elsewhere).origin}, not on the API's ${origin} (--host): the access token goes to the API only. Pass --host ${new URL(elsewhere).origin}, or a link of ${origin}.\n`,
    );
  });

  // The client's fix names its option (`Check baseUrl`); the API's other words, and a path's, stay as they are.
  it("an upload's 404 on a --host that ends with the API's prefix names --host and LUCCA_BASE_URL, and that the client adds the prefix", async () => {
    const prefix = uploadFileRoute.path.slice(0, uploadFileRoute.path.indexOf("/", 1));
    const { code, stderr } = await runMain(["--sandbox", "--host", `${sandbox.url}${prefix}`, "upload", pdf]);
    expect(code).toBe(exitCodes.refused);
    expect(stderr).toContain(`Check LUCCA_BASE_URL (or --host): '${sandbox.url}${prefix}' does not serve the API (the client adds ${prefix} itself).`);
  });

  it("a link with a wrong token is the API's refusal (exit 4), in one line", async () => {
    const link = (await uploadedLink()).replace(/token=[^&]+/, "token=wrong");
    const { code, stderr } = await runMain([...sandbox.flags, "get", link]);
    expect(code).toBe(exitCodes.refused);
    expect(stderr).toMatch(/^lucca-files: 40[134] /);
    expect(stderr.trim().split("\n")).toHaveLength(1);
  });
});

describe("token and credentials", () => {
  const envFor = (secret: string) => ({
    LUCCA_BASE_URL: sandbox.url,
    LUCCA_TOKEN_URL: sandbox.tokenUrl,
    LUCCA_CLIENT_ID: demoClient.clientId,
    LUCCA_CLIENT_SECRET: secret,
  });

  it("shows the scopes and expiry, never the token unless --show-token", async () => {
    const hidden = await runMain(["token"], { env: envFor(demoClient.clientSecret) });
    expect(hidden.code).toBe(exitCodes.ok);
    expect(hidden.stdout).toMatch(new RegExp(`^scopes\\s+${oauth2.scopes.join(" ")}$`, "m"));
    expect(hidden.stdout).toMatch(/^expires\s+in 30m00s, at \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/m);
    expect(hidden.stdout).toMatch(/^token\s+\(hidden; --show-token prints it\)$/m);
    expect(hidden.stdout).toMatch(new RegExp(`^token url\\s+${sandbox.tokenUrl.replaceAll(".", "\\.")}$`, "m"));
    expect(hidden.stdout).not.toMatch(/eyJ/);
    const shown = await runMain(["token", "--show-token", "--json"], { env: envFor(demoClient.clientSecret) });
    expect((JSON.parse(shown.stdout) as { accessToken: string }).accessToken).toMatch(/^eyJ/);
  });

  it("a wrong secret exits 3 with one line naming the variables to fix, and never shows the secret", async () => {
    const { code, stdout, stderr } = await runMain([...["upload", pdf]], { env: envFor("a-wrong-secret") });
    expect(code).toBe(exitCodes.auth);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/^lucca-files: the token endpoint refused the credentials \(401 invalid_client.*\); check LUCCA_CLIENT_ID and LUCCA_CLIENT_SECRET/);
    expect(stderr).not.toContain("a-wrong-secret");
    expect(stderr.trim().split("\n")).toHaveLength(1);
  });

  it("refuses a secret given as a flag, with the reason, before anything else", async () => {
    for (const flag of ["--client-secret=s3cret", "--secret", "--token"]) {
      const { code, stderr } = await runMain([...sandbox.flags, "token", flag]);
      expect(code).toBe(exitCodes.usage);
      expect(stderr).toContain("is refused: a secret given as a flag stays in your shell history and shows in `ps`. Set LUCCA_CLIENT_SECRET in the environment instead.");
      expect(stderr).not.toContain("s3cret");
    }
  });

  it("missing configuration names the variable and the way out", async () => {
    const { code, stderr } = await runMain(["token"], { env: { LUCCA_BASE_URL: sandbox.url, LUCCA_CLIENT_ID: "demo" } });
    expect(code).toBe(exitCodes.usage);
    expect(stderr).toBe("lucca-files: LUCCA_CLIENT_SECRET is not set: export LUCCA_CLIENT_SECRET (your API client's secret) in the environment, or try the local sandbox with --sandbox.\n");
  });

  it("an API version the client refuses is a usage error naming the flag and the variable", async () => {
    const { code, stderr } = await runMain([...sandbox.flags, "--api-version", "2020-01-01", "token"]);
    expect(code).toBe(exitCodes.usage);
    expect(stderr).toMatch(/^lucca-files: --api-version \(or LUCCA_API_VERSION\): '2020-01-01' /);
  });

  // --host and LUCCA_BASE_URL take a host or a URL: the client's "(a URL goes in baseUrl)"
  // became "(a URL goes in LUCCA_BASE_URL (or --host))", after "--host: … must be a host name".
  it("a host that is neither a host name nor a URL names --host and LUCCA_BASE_URL, and that both take a URL", async () => {
    const env = { LUCCA_CLIENT_ID: demoClient.clientId, LUCCA_CLIENT_SECRET: demoClient.clientSecret };
    const byFlag = await runMain(["--host", "exa mple.com", "token"], { env });
    const byVariable = await runMain(["token"], { env: { ...env, LUCCA_BASE_URL: "exa mple.com" } });
    for (const { code, stderr } of [byFlag, byVariable]) {
      expect(code).toBe(exitCodes.usage);
      expect(stderr).toBe("lucca-files: --host (or LUCCA_BASE_URL): 'exa mple.com' must be a host name, e.g. 'example.ilucca.net', or a URL with its scheme, e.g. 'https://example.ilucca.net'.\n");
    }
  });

  it("no server at the address exits 6 and, with --sandbox, says how to start it, naming --host, not the library's tokenUrl", async () => {
    const closed = await startTestSandbox();
    await closed.close();
    const { code, stderr } = await runMain([...closed.flags, "token"]);
    expect(code).toBe(exitCodes.network);
    expect(stderr).toContain(`check the token URL (--host) and the network (ECONNREFUSED). Is the sandbox running? Start it with \`${sandboxStartCommand}\``);
    expect(stderr).not.toContain("tokenUrl");
  });

  it("a local LUCCA_BASE_URL without LUCCA_TOKEN_URL says what to set in the variables' terms, not the library's options", async () => {
    const { code, stderr } = await runMain(["token"], { env: { LUCCA_BASE_URL: sandbox.url, LUCCA_CLIENT_ID: demoClient.clientId, LUCCA_CLIENT_SECRET: demoClient.clientSecret } });
    expect(code).toBe(exitCodes.usage);
    expect(stderr).toContain(`LUCCA_TOKEN_URL=${sandbox.tokenUrl} for the sandbox`);
    expect(stderr).toContain(`while LUCCA_BASE_URL (or --host) is local (${sandbox.url})`);
    expect(stderr).not.toMatch(/tokenUrl|baseUrl/);
  });

  it("no token endpoint at LUCCA_TOKEN_URL names that variable, not the library's tokenUrl", async () => {
    const closed = await startTestSandbox();
    await closed.close();
    const { code, stderr } = await runMain(["token"], { env: { LUCCA_BASE_URL: closed.url, LUCCA_CLIENT_ID: demoClient.clientId, LUCCA_CLIENT_SECRET: demoClient.clientSecret, LUCCA_TOKEN_URL: closed.tokenUrl } });
    expect(code).toBe(exitCodes.network);
    expect(stderr).toContain("check the token URL (LUCCA_TOKEN_URL) and the network (ECONNREFUSED)");
    expect(stderr).not.toContain("tokenUrl");
  });
});

describe("help and version", () => {
  it.each(["upload", "download", "get", "token"])("%s --help starts with what it does, then examples", async (command) => {
    const { code, stdout } = await runMain([command, "--help"]);
    expect(code).toBe(exitCodes.ok);
    expect(stdout).toMatch(new RegExp(`^lucca-files ${command}: .+\\n(.+\\n)*\\nExamples\\n  lucca-files `));
    expect(stdout).toContain("Exit codes");
  });

  it("--version names the CLI, the client and the API version", async () => {
    const { stdout } = await runMain(["--version"]);
    expect(stdout).toMatch(/^lucca-files \d+\.\d+\.\d+ \(@lucca-api\/client \d+\.\d+\.\d+, API \d{4}-\d\d-\d\d\)\n$/);
  });

  it("an unknown option or command is a usage error pointing to --help, the command's own when one was named", async () => {
    expect(await runMain(["upload", "--bogus"])).toMatchObject({ code: exitCodes.usage, stderr: "lucca-files: unknown option --bogus; see lucca-files upload --help.\n" });
    expect(await runMain(["--bogus"])).toMatchObject({ code: exitCodes.usage, stderr: "lucca-files: unknown option --bogus; see lucca-files --help.\n" });
    expect((await runMain(["uplod"])).stderr).toContain("'uplod' is not a command; use one of upload, download, get, token");
    expect((await runMain(["get", "--content-type", "x"])).stderr).toContain("--content-type is an option of upload, not of get");
  });
});

describe("the built command", () => {
  it("gives what main() gives for the same arguments and environment: exit code, stdout through a pipe, stderr", async () => {
    const link = await uploadedLink();
    const eTag = /^etag\s+(\S+)$/m.exec((await runMain([...sandbox.flags, "get", link])).stdout)![1]!;
    const runs: Array<{ args: string[]; env: Record<string, string> }> = [
      // 1.5 MB of content through the process's stdout, a pipe here.
      { args: [...sandbox.flags, "--quiet", "download", link, "-o", "-"], env: {} },
      // A usage error that only the process's environment explains.
      { args: ["token"], env: { LUCCA_BASE_URL: sandbox.url, LUCCA_CLIENT_ID: demoClient.clientId } },
      // A request that ends the command once it printed (a timer or socket left open would
      // hold the process); with the current ETag, so that both print the same.
      { args: [...sandbox.flags, "get", link, "--if-none-match", eTag], env: {} },
    ];
    const [download, token, get] = await Promise.all(
      runs.map(async ({ args, env }) => {
        const [spawned, inProcess] = await Promise.all([runCli(args, { env }), runMain(args, { env })]);
        const seen = ({ code, stdoutBytes, stderr }: typeof spawned) => ({ code, stdout: sha256(stdoutBytes), stderr });
        expect(seen(spawned), args.join(" ")).toEqual(seen(inProcess));
        return spawned;
      }),
    );
    // What they agree on is each command's result, not an empty output or a crash.
    expect(download!.code).toBe(exitCodes.ok);
    expect(sha256(download!.stdoutBytes)).toBe(sha256(content));
    expect(download!.stderr).toBe("");
    expect(token!.code).toBe(exitCodes.usage);
    expect(token!.stderr).toMatch(/^lucca-files: LUCCA_CLIENT_SECRET is not set/);
    expect(get!.code).toBe(exitCodes.ok);
    expect(get!.stdout).toBe("not modified\n");
  });

  it("stops quietly, exit 0, when the reader of its stdout goes away (`… -o - | head -c 1000`)", async () => {
    const link = await uploadedLink();
    const { child, result } = spawnCli([...sandbox.flags, "--quiet", "download", link, "-o", "-"]);
    // The reader takes the first chunk of the 1.5 MB, then closes the pipe, as `head` does.
    child.stdout!.once("data", () => child.stdout!.destroy());
    const { code, signal, stderr } = await result;
    expect({ code, signal, stderr }).toEqual({ code: exitCodes.ok, signal: null, stderr: "" });
  });
});
