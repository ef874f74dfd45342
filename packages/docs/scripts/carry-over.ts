/**
 * `npm run carry-over` (after `npm run build`; docs.yml runs both as `npm run docs:site`):
 * copies the older versions the live site at DOCS_SITE_URL holds into dist/. Without
 * DOCS_SITE_URL (a local build) there is nothing to carry over.
 */
import { carryOverVersions } from "../src/carry-over.ts";
import { defaultOutDir } from "../src/build.ts";

const liveUrl = process.env.DOCS_SITE_URL;
try {
  if (!liveUrl) console.log("carry-over: DOCS_SITE_URL is not set: the site holds the version just built only");
  else {
    const carried = await carryOverVersions(defaultOutDir, liveUrl);
    console.log(
      carried.length > 0
        ? `carry-over: kept ${carried.join(", ")} from ${liveUrl} beside the version just built`
        : `carry-over: ${liveUrl} holds no other version (or is not deployed yet)`,
    );
  }
} catch (error) {
  console.error(`carry-over: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
