/**
 * Compiled by the release rehearsal in its scratch app, against the packages installed
 * from the registry, with `strict` under `nodenext` and again under `bundler`: the
 * published declarations must resolve and type-check as an integrator's project sees
 * them. Compiled only; the README example is what runs.
 */
import { createLuccaFilesClient, isNotFoundError, type LuccaFilesClientOptions } from "@lucca-api/client";
import { demoClient, startSandbox, type SandboxOptions } from "@lucca-api/sandbox";
import { assertFetchResponseMatchesSpec } from "@lucca-api/sandbox/contract";
import { endpoints, type paths } from "@lucca-api/types";

export async function typedRoundTrip(): Promise<number> {
  const sandboxOptions: SandboxOptions = { port: 0, dataDir: ".sandbox-typed" };
  const sandbox = await startSandbox(sandboxOptions);
  const options: LuccaFilesClientOptions = {
    baseUrl: sandbox.url,
    auth: { clientId: demoClient.clientId, clientSecret: demoClient.clientSecret, tokenUrl: sandbox.tokenUrl },
  };
  const lucca = createLuccaFilesClient(options);
  // The generated constants and the generated path types agree.
  const uploadPath: keyof paths = endpoints.uploadFile.path;
  // @ts-expect-error the typed client knows the spec's paths, and this is not one of them
  void lucca.GET("/not-a-path-of-the-spec");
  try {
    const { file } = await lucca.uploadFile(new Blob(["typed"]), { fileName: "typed.txt", contentType: "text/plain" });
    const fileName: string = file.fileName;
    const body = await assertFetchResponseMatchesSpec("uploadFile", await fetch(`${sandbox.url}${uploadPath}`, { method: "POST" }));
    return fileName.length + body.byteLength;
  } catch (error) {
    if (isNotFoundError(error)) return -1;
    throw error;
  } finally {
    await sandbox.close();
  }
}
