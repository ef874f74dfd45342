/**
 * Where the browser tests find a Chromium (they drive it with playwright-core and never
 * download one): `CHROMIUM_PATH` when set, otherwise the first of
 * `chromium-headless-shell`, `chromium` (Debian's), `chromium-browser` or `google-chrome`
 * on `PATH`.
 */
import { accessSync, constants, statSync } from "node:fs";
import path from "node:path";

type Env = Record<string, string | undefined>;

/**
 * The commands looked for on `PATH`, in order, when `CHROMIUM_PATH` is not set. Debian's
 * `chromium-headless-shell` first: the same Blink and V8 as its `chromium`, without the
 * full browser's windowing layers (it is what playwright runs headless by default), it
 * cut the docs' browser tests from 25-33 to 18-22 CPU s (Chromium's renderers counted)
 * (CONTRIBUTING.md, "Test time").
 */
export const chromiumCommands = ["chromium-headless-shell", "chromium", "chromium-browser", "google-chrome"] as const;

/** How to get a Chromium, for the messages below. */
export const installHint =
  "install Debian's (apt-get install --no-install-recommends chromium-headless-shell fonts-liberation) or set CHROMIUM_PATH to a Chromium or Chrome executable";

export type ChromiumSearch = { found: true; executablePath: string } | { found: false; why: string };

function isExecutableFile(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/**
 * An explicit `CHROMIUM_PATH` is the only place looked at: a wrong value is a mistake to
 * report, not a reason to quietly pick another browser.
 */
export function findChromium(env: Env = process.env): ChromiumSearch {
  const explicit = env.CHROMIUM_PATH;
  if (explicit) {
    return isExecutableFile(explicit)
      ? { found: true, executablePath: explicit }
      : { found: false, why: `CHROMIUM_PATH=${explicit} is not an executable file` };
  }
  const dirs = (env.PATH ?? "").split(path.delimiter).filter(Boolean);
  for (const command of chromiumCommands) {
    for (const dir of dirs) {
      const candidate = path.join(dir, command);
      if (isExecutableFile(candidate)) return { found: true, executablePath: candidate };
    }
  }
  return { found: false, why: `no CHROMIUM_PATH, and none of ${chromiumCommands.join(", ")} is on PATH` };
}

/** True in CI (`CI=true`, or any value but `false`/`0`), where a missing browser must fail the run. */
export function isCI(env: Env = process.env): boolean {
  const ci = env.CI?.toLowerCase();
  return ci !== undefined && ci !== "" && ci !== "false" && ci !== "0";
}

export interface BrowserTestsPlan {
  /** The Chromium to launch; undefined when the tests skip. */
  executablePath?: string;
  /** Why the tests skip (for their title); undefined when they run. */
  skipReason?: string;
}

/**
 * What a browser test file does: run with the Chromium found; without one, skip outside
 * CI (a newcomer's `npm test` passes and says so) and fail in CI, naming what is missing.
 */
export function planBrowserTests(env: Env = process.env): BrowserTestsPlan {
  const search = findChromium(env);
  if (search.found) return { executablePath: search.executablePath };
  if (isCI(env)) throw new Error(`the browser tests need a Chromium, and in CI (CI=${env.CI}) they do not skip: ${search.why}; ${installHint}.`);
  return { skipReason: search.why };
}
