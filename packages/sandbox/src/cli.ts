#!/usr/bin/env node
/**
 * `npm start`, and `npx @lucca-api/sandbox` from the installed package: runs the sandbox
 * on http://127.0.0.1:4010 and prints how to call it.
 * Configuration is read from the environment (see cli-config.ts).
 */
import { optionsFromEnv } from "./cli-config.ts";
import { demoClient } from "./options.ts";
import { startSandbox } from "./server.ts";

const log = (message: string) => console.log(`${new Date().toISOString()} ${message}`);

try {
  // npm runs workspace scripts in the package folder; INIT_CWD is where `npm start` was typed.
  const options = optionsFromEnv(process.env, process.env.INIT_CWD ?? process.cwd());
  const sandbox = await startSandbox({ ...options, logger: { info: log, error: (message) => console.error(message) } });
  const others = (options.clients ?? []).filter((client) => client !== demoClient).map((client) => client.clientId);
  console.log(
    [
      "",
      `Lucca files API sandbox (unofficial) on ${sandbox.url}`,
      `  token endpoint  ${sandbox.tokenUrl}`,
      ...(options.publicUrl ? [`  public URL      ${options.publicUrl} (links are built from it)`] : []),
      `  demo client     client_id=${demoClient.clientId} client_secret=${demoClient.clientSecret} scope="${demoClient.scopes.join(" ")}"`,
      ...(others.length > 0 ? [`  other clients   ${others.join(", ")}`] : []),
      `  data folder     ${options.dataDir}`,
      `  API reference   ${options.docsDir ? `${sandbox.url}/` : "not served (SANDBOX_DOCS_DIR=<a built reference>; in the repository: npm run build -w @lucca-api/docs)"}`,
      "",
    ].join("\n"),
  );
  const stop = () => {
    sandbox.close().then(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
} catch (error) {
  console.error(`sandbox: ${(error as Error).message}`);
  process.exit(1);
}
