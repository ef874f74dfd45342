/**
 * Prism's request validation in this process, through its library entry point
 * (`createAndCallPrismInstanceWithSpec`, the code `prism proxy` runs), for any copy of the
 * spec: a test can show that the spec decides what Prism accepts, without starting one
 * `prism` process a spec (each takes seconds).
 */
import { createLogger } from "@stoplight/prism-core";
import { createAndCallPrismInstanceWithSpec, type IHttpRequest } from "@stoplight/prism-http";
import { currentApiVersion, endpoints } from "@lucca-api/types";
import { assertPatchesApplied } from "./prism-patches.ts";
import { apiVersionHeader, uploadPath } from "./sandbox.ts";

export interface PrismDiagnostic {
  path?: string[];
  message: string;
}

const silentLogger = createLogger("prism-validator", { level: "silent" });

/** The request violations Prism finds in `form` sent as an upload, judged against `spec` (a parsed OpenAPI document). */
export async function uploadViolations(spec: object, form: FormData): Promise<PrismDiagnostic[]> {
  await assertPatchesApplied();
  const request = new Request(`http://127.0.0.1${uploadPath}`, { method: endpoints.uploadFile.method, body: form });
  const result = await createAndCallPrismInstanceWithSpec(
    spec,
    { mock: { dynamic: false }, validateRequest: true, validateResponse: false, checkSecurity: false, errors: false, upstreamProxy: undefined, isProxy: false },
    {
      method: endpoints.uploadFile.method.toLowerCase() as IHttpRequest["method"],
      url: { path: uploadPath },
      headers: { "content-type": request.headers.get("content-type")!, [apiVersionHeader.toLowerCase()]: currentApiVersion },
      body: await request.text(),
    },
    silentLogger,
  );
  if (result.result === "error") throw result.error;
  return result.response.validations.input;
}
