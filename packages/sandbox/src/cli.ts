#!/usr/bin/env node
/**
 * `npm start`, and `npx @lucca-api/sandbox` from the installed package: runs the sandbox
 * on http://127.0.0.1:4010 and prints how to call it, stop it and reset its data.
 * Configuration is read from the environment (see cli-config.ts); what it prints is in
 * cli-banner.ts.
 */
import { cliAction } from "./cli-arguments.ts";
import { banner, listenFailure } from "./cli-banner.ts";
import { optionsFromEnv, type CliOptions } from "./cli-config.ts";
import { startSandbox } from "./server.ts";

const log = (message: string) => console.log(`${new Date().toISOString()} ${message}`);
// How the user started it, to write the fix of a taken port as a command they can rerun.
const command =
  process.env.npm_lifecycle_event === "start" ? "npm start" : process.env.npm_command === "exec" ? "npx @lucca-api/sandbox" : "lucca-sandbox";

const action = cliAction(process.argv.slice(2), command);
if (action.kind !== "start") {
  (action.kind === "print" ? process.stdout : process.stderr).write(action.text);
  process.exit(action.kind === "print" ? 0 : 2);
}

let options: CliOptions | undefined;
try {
  // npm runs scripts in the folder of their package.json; INIT_CWD is where `npm start` was typed.
  options = optionsFromEnv(process.env, process.env.INIT_CWD ?? process.cwd());
  const sandbox = await startSandbox({ ...options, logger: { info: log, error: (message) => console.error(message) } });
  console.log(
    banner({
      url: sandbox.url,
      tokenUrl: sandbox.tokenUrl,
      publicUrl: options.publicUrl,
      dataDir: options.dataDir,
      docsDir: options.docsDir,
      clients: options.clients,
    }),
  );
  const stop = () => {
    sandbox.close().then(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
} catch (error) {
  const cannotListen = options && listenFailure(error as NodeJS.ErrnoException, options, command);
  console.error(cannotListen || `sandbox: ${(error as Error).message}`);
  process.exit(1);
}
