/**
 * The Redoc options of the reference, passed to `redocly build-docs --openapi`. Telemetry
 * is off twice over: `telemetry: off` in the root redocly.yaml (read by the CLI) and
 * `disableTelemetry` here (read by the page in the reader's browser).
 */
import { sampleLanguages } from "./code-samples.ts";

/** The name of the sidebar section that lists every schema of `components.schemas`. */
export const schemasSectionName = "Schemas";

/** The file name of the docs copy of the spec, next to index.html, offered for download. */
export const specFileName = "openapi.json";

export const redocOptions = {
  disableTelemetry: true,
  schemaDefinitionsTagName: schemasSectionName,
  // Redoc shows only the listed languages; a sample in another language would be dropped.
  codeSamples: { languages: sampleLanguages.map(({ lang }) => ({ lang })) },
  downloadUrls: [{ title: specFileName, url: specFileName }],
  sortRequiredPropsFirst: true,
};
