/**
 * The built reference in a real chromium (Debian's, driven by playwright-core), served by a
 * plain static file server on 127.0.0.1 (as any static host would serve the folder
 * `npm run build` leaves), opened from disk, and its version's copy at /<version>/ served
 * by the sandbox: it loads nothing from another origin, renders
 * every guide, operation and schema, finds "upload", shows the code samples of samples/,
 * and logs no error. Screenshots go to packages/docs/screenshots/ (git-ignored). Without a
 * Chromium it skips outside CI and fails in CI (scripts/browser-tests/find-chromium.ts).
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { startSandbox, type Sandbox } from "@lucca-api/sandbox";
import { planBrowserTests } from "@lucca-api/scripts/find-chromium";
import { launchChromium, type Chromium } from "@lucca-api/scripts/launch-chromium";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { packageDir, type BuiltReference } from "../src/build.ts";
import { sampleLanguages, type CodeSample } from "../src/code-samples.ts";
import { operationsOf } from "../src/operations.ts";
import { schemasSectionName } from "../src/redoc-options.ts";
import { serveFolder, type StaticServer } from "../src/static-server.ts";
import { localSandboxServerUrl } from "@lucca-api/types";
import {
  headingOf,
  openInSidebar,
  operationSection,
  recordContext,
  schemaSection,
  sidebarOf,
  waitForHeading,
  waitForSearchIndex,
  type Recorder,
} from "./support/reference-page.ts";
import { sharedSite } from "./support/built-site.ts";

const screenshots = path.join(packageDir, "screenshots");
/**
 * A real browser walking the whole reference on 2 cores that other test runs share: each
 * test gets more than the package's 30 s, and each page action 20 s.
 */
const slow = { timeout: 120_000 };
const actionTimeout = 20_000;
const plan = planBrowserTests();
/** The suites below, skipped (with the reference left unbuilt) when there is no Chromium outside CI. */
const inChromium = describe.skipIf(plan.skipReason);

let built: BuiltReference;
let docsSpec: any;
/** One browser for the file: each suite opens its own context (routes, recorder) in it. */
let browser: Chromium;

// The folder holds this run's screenshots only, and never nothing: it is the test task's
// output in turbo.json (restored on a cache hit), and turbo warns about a task that writes
// none of its outputs. A skipped run leaves a note saying why. Here, not in a hook: vitest
// runs no hook of a file whose tests are all skipped.
await rm(screenshots, { recursive: true, force: true });
await mkdir(screenshots, { recursive: true });
if (plan.skipReason) await writeFile(path.join(screenshots, "skipped.txt"), `No screenshots: the browser tests were skipped (${plan.skipReason}).\n`);

beforeAll(async () => {
  if (plan.skipReason) return;
  built = await sharedSite();
  docsSpec = JSON.parse(await readFile(built.specFile, "utf8"));
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** The first line of a sample that says something: how its code block is recognised. */
function firstCodeLine({ source }: CodeSample): string {
  return source.split("\n").find((line) => line.trim() && !/^\s*(\/\/|#)/.test(line))!.trim();
}

/** Opens an operation from the sidebar, unfolding its tag's group first when it is folded. */
async function openOperation(page: Page, operation: any): Promise<void> {
  const entry = (await sidebarOf(page)).getByText(operation.summary, { exact: true }).first();
  // A click and what it redraws cost some 0.07 s of CPU (Chromium's and playwright's): the
  // group is clicked only when it hides the entry.
  if (!(await entry.isVisible())) await openInSidebar(page, operation.tags[0]);
  await entry.click();
  await waitForHeading(page, operation.summary);
}

inChromium("served over HTTP on 127.0.0.1", slow, () => {
  let server: StaticServer;
  let context: BrowserContext;
  let recorder: Recorder;
  let page: Page;

  beforeAll(async () => {
    server = await serveFolder(built.outDir);
    context = await browser.newContext();
    recorder = await recordContext(context, (url) => url.origin === server.url);
    page = await context.newPage();
    page.setDefaultTimeout(actionTimeout);
    await page.goto(`${server.url}/`);
    await sidebarOf(page);
  });
  afterAll(async () => {
    await context?.close();
    await server?.close();
  });

  it("renders the title and writes a screenshot of the landing page", async () => {
    await waitForHeading(page, docsSpec.info.title);
    await waitForSearchIndex(page);
    await page.screenshot({ path: path.join(screenshots, "reference.png") });
  });

  // Redoc routes by `#/…`, but its prerendered sidebar said `/getting-a-token`, which the
  // page kept until a click redrew it: copied, or opened in a new tab, that link was a 404.
  it("links each sidebar entry of the page as loaded to its section, so that a link opened in a new tab shows it", async () => {
    const tab = await context.newPage();
    try {
      await tab.goto(`${server.url}/`);
      const links = await (await sidebarOf(tab)).locator("a[href]").evaluateAll((anchors) => anchors.map((anchor) => (anchor as HTMLAnchorElement).href));
      expect(links.length).toBeGreaterThan(0);
      expect(links.filter((link) => !link.startsWith(`${server.url}/#/`) && new URL(link).origin === server.url)).toEqual([]);
      const guide = docsSpec.tags.find((tag: any) => tag["x-traitTag"]);
      const entry = (await sidebarOf(tab)).locator("a[href]").filter({ hasText: guide.name }).first();
      await tab.goto(await entry.evaluate((anchor) => (anchor as HTMLAnchorElement).href));
      await waitForHeading(tab, guide.name);
    } finally {
      await tab.close();
    }
  });

  it("renders every guide", async () => {
    const guides = docsSpec.tags.filter((tag: any) => tag["x-traitTag"]);
    expect(guides.length).toBeGreaterThan(0);
    const sidebar = await sidebarOf(page);
    // As for the schemas below: clicked only when an earlier click left it unrendered.
    for (const guide of guides) {
      const heading = headingOf(page, guide.name);
      const entry = sidebar.getByText(guide.name, { exact: true }).first();
      await entry.waitFor();
      if (!(await heading.isVisible())) await entry.click();
      await heading.waitFor();
    }
  });

  it("renders every operation with its method, its path and its code samples in every language, as the sample files hold them", async () => {
    const operations = operationsOf(docsSpec);
    for (const { operation } of operations)
      expect(operation["x-codeSamples"].map(({ lang }: CodeSample) => lang)).toEqual(sampleLanguages.map(({ lang }) => lang));
    // Each operation opened once: Redoc keeps the sections it rendered, and the language,
    // chosen once for the whole page from any operation's menu, switches them all.
    for (const { operation, operationId, method, path: route } of operations) {
      const section = operationSection(page, operationId);
      if (!(await headingOf(section, operation.summary).isVisible())) await openOperation(page, operation);
      await section.getByText(route, { exact: true }).first().waitFor();
      await section.getByText(method, { exact: true }).first().waitFor();
    }
    // The last one opened, with its sample in the first language.
    await page.screenshot({ path: path.join(screenshots, "operation.png") });

    for (const [index, { lang }] of sampleLanguages.entries()) {
      if (index > 0) {
        await page.getByRole("button", { name: sampleLanguages[index - 1]!.lang, exact: true }).first().click();
        await page.locator('[data-component-name="Dropdown/DropdownMenuItem"]').filter({ hasText: new RegExp(`^${lang}$`) }).click();
      }
      for (const { operation } of operations) {
        const sample: CodeSample = operation["x-codeSamples"].find((candidate: CodeSample) => candidate.lang === lang);
        const blocks = operationSection(page, operation.operationId).locator('[data-component-name="CodeBlock/CodeBlock"]').filter({ visible: true });
        await blocks.filter({ hasText: firstCodeLine(sample) }).first().waitFor();
        const shown = (await blocks.allTextContents()).map((text) => text.trim());
        expect(shown, `${operation.operationId} in ${lang}`).toContain(sample.source.trim());
      }
    }
  });

  it("renders every schema of components.schemas, with its properties", async () => {
    const schemas = Object.entries<any>(docsSpec.components.schemas);
    expect(schemas.length).toBeGreaterThan(0);
    await openInSidebar(page, schemasSectionName);
    const sidebar = await sidebarOf(page);
    // Redoc renders the sections near the one it scrolls to: a schema is clicked in the
    // sidebar only when an earlier click left it unrendered (0.05-0.4 s of CPU a click), and
    // its properties are looked for in its own section (stricter, and cheaper than the page).
    for (const [name, schema] of schemas) {
      const section = schemaSection(page, name);
      const heading = headingOf(section, name);
      const entry = sidebar.getByText(name, { exact: true }).first();
      await entry.waitFor();
      if (!(await heading.isVisible())) await entry.click();
      await heading.waitFor();
      for (const property of Object.keys(schema.properties ?? {}))
        await section.getByText(property, { exact: true }).filter({ visible: true }).first().waitFor();
    }
  });

  it('finds "upload" with the search box, and opens the upload operation from the result', async () => {
    const upload = operationsOf(docsSpec).find(({ operation }) => /upload/i.test(operation.summary))!.operation;
    await waitForSearchIndex(page);
    await (await sidebarOf(page)).getByText(/^Search/).first().click();
    // The word at once (fill: once the box is there, as a paste would enter it): a key at a
    // time, the index is searched and the results drawn again at each key.
    await page.getByPlaceholder(/^Search/).fill("upload");
    const result = page.locator('[data-component-name="Search/SearchItem"]').filter({ hasText: upload.summary });
    await result.first().waitFor();
    await result.first().click();
    await waitForHeading(page, upload.summary);
  });

  it("requested nothing outside its own origin and logged no error, through all of the above", () => {
    expect(recorder.foreignRequests).toEqual([]);
    expect(recorder.errors).toEqual([]);
  });

  // One page load (about 1 s of Chromium's CPU) for two ways of serving: the version's own
  // copy at /<version>/, opened at the link the page at / makes to an operation, and the
  // sandbox as `npm start` runs it. It serves / and /<version>/ alike (its http-edges tests
  // pin both paths), and the two index.html are the same bytes (build.test.ts).
  describe("the version's own reference at /<version>/, served by the sandbox (what npm start runs)", () => {
    let sandbox: Sandbox;
    let dataDir: string;
    let sandboxContext: BrowserContext;
    let sandboxRecorder: Recorder;
    /** The page opened at the first operation's link: the tests read it as it is. */
    let versionPage: Page;

    beforeAll(async () => {
      // The first operation's link, as the page at / makes it: opened from the sidebar unless
      // the page shows it already (the search above ends on it when it is the upload); the
      // tests below check that the link opens that operation.
      const { operation, operationId } = operationsOf(docsSpec)[0]!;
      if (!(await headingOf(operationSection(page, operationId), operation.summary).isVisible())) await openOperation(page, operation);
      const link = new URL(page.url()).hash;
      expect(link).not.toBe("");
      dataDir = await mkdtemp(path.join(tmpdir(), "docs-sandbox-data-"));
      sandbox = await startSandbox({ port: 0, dataDir, docsDir: built.outDir });
      sandboxContext = await browser.newContext();
      sandboxRecorder = await recordContext(sandboxContext, (url) => url.origin === sandbox.url);
      versionPage = await sandboxContext.newPage();
      versionPage.setDefaultTimeout(actionTimeout);
      await versionPage.goto(`${sandbox.url}/${path.basename(built.versionDir)}/${link}`);
    });
    afterAll(async () => {
      await sandboxContext?.close();
      await sandbox?.close();
      if (dataDir) await rm(dataDir, { recursive: true, force: true });
    });

    it("opens the operation the link points to, with its code sample", async () => {
      const { operation, operationId } = operationsOf(docsSpec)[0]!;
      await waitForHeading(versionPage, operation.summary);
      const [sample] = operation["x-codeSamples"] as CodeSample[];
      await operationSection(versionPage, operationId).locator('[data-component-name="CodeBlock/CodeBlock"]').filter({ hasText: firstCodeLine(sample!), visible: true }).first().waitFor();
    });

    it("lists the local sandbox at the address it listens on, not the spec's default one", async () => {
      // The overview's server panel lists every server of the spec, the local sandbox last. A
      // load at an operation's link renders around that operation only: the overview is
      // opened from the sidebar.
      await openInSidebar(versionPage, docsSpec.info.title);
      const serverNames = versionPage.locator('[data-testid="server-panel-item-name"]').filter({ hasText: "local sandbox" });
      await serverNames.first().waitFor({ state: "attached" });
      // Shown on the page (innerText); named nowhere in it, the spec it embeds included (textContent).
      // Searched in the page: its text with the embedded spec is 2.6 MB to send to the test.
      const found = await versionPage.evaluate(
        ([shown, default_]) => ({ shown: document.body.innerText.includes(shown!), embedded: (document.body.textContent ?? "").includes(default_!) }),
        [sandbox.url, localSandboxServerUrl],
      );
      expect(found, `${sandbox.url} shown, ${localSandboxServerUrl} named nowhere`).toEqual({ shown: true, embedded: false });
    });

    it("requested nothing outside the sandbox's origin and logged no error", () => {
      expect(sandboxRecorder.foreignRequests).toEqual([]);
      expect(sandboxRecorder.errors).toEqual([]);
    });
  });
});

inChromium("opened from disk (file://) with every other request failing", slow, () => {
  let context: BrowserContext;
  let recorder: Recorder;
  let page: Page;

  beforeAll(async () => {
    context = await browser.newContext();
    recorder = await recordContext(context, (url) => url.protocol === "file:");
    page = await context.newPage();
    page.setDefaultTimeout(actionTimeout);
    await page.goto(pathToFileURL(built.indexFile).href);
    await sidebarOf(page);
  });
  afterAll(() => context?.close());

  // The same files as over HTTP, where every guide, operation and schema is walked: from
  // disk only how the page and what it loads are read differs, so one of each kind shows
  // that the page renders and navigates there.
  it("renders the title, then a guide, an operation with its code sample and a schema, each opened from the sidebar", async () => {
    await waitForHeading(page, docsSpec.info.title);
    const guide = docsSpec.tags.find((tag: any) => tag["x-traitTag"]);
    await openInSidebar(page, guide.name);
    await waitForHeading(page, guide.name);
    const { operation, operationId } = operationsOf(docsSpec)[0]!;
    await openOperation(page, operation);
    const [sample] = operation["x-codeSamples"] as CodeSample[];
    await operationSection(page, operationId).locator('[data-component-name="CodeBlock/CodeBlock"]').filter({ hasText: firstCodeLine(sample!), visible: true }).first().waitFor();
    const [schema] = Object.keys(docsSpec.components.schemas);
    await openInSidebar(page, schemasSectionName);
    await openInSidebar(page, schema!);
    await waitForHeading(page, schema!);
  });

  it("made no request but for its own files, and logged no error", () => {
    expect(recorder.foreignRequests).toEqual([]);
    expect(recorder.errors).toEqual([]);
  });
});

inChromium("the recorder the checks above rely on", slow, () => {
  it("catches a request to another origin and a console error", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "docs-recorder-"));
    const context = await browser.newContext();
    try {
      const page = path.join(dir, "leaky.html");
      await writeFile(page, `<img src="https://cdn.example.com/logo.svg"><script>console.error("boom")</script>`);
      const recorder = await recordContext(context, (url) => url.protocol === "file:");
      const tab = await context.newPage();
      await tab.goto(pathToFileURL(page).href);
      await tab.waitForLoadState("load");
      expect(recorder.foreignRequests).toEqual(["https://cdn.example.com/logo.svg"]);
      expect(recorder.errors).toContain("console: boom");
    } finally {
      await context.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
