import { createLuccaFilesClient } from "@lucca-api/client";
import { commandNames, parseArguments, type CommandName, type ParsedArguments } from "./cli/arguments.ts";
import { exitCodeOf } from "./cli/classify-error.ts";
import { describeError } from "./cli/describe-error.ts";
import { exitCodes, type ExitCode } from "./cli/exit-codes.ts";
import { helpText } from "./cli/help.ts";
import { UsageError } from "./cli/usage-error.ts";
import { versionText } from "./cli/version.ts";
import type { Command } from "./commands/command-context.ts";
import { download } from "./commands/download.ts";
import { get } from "./commands/get.ts";
import { token } from "./commands/token.ts";
import { upload } from "./commands/upload.ts";
import { clientOptions, resolveConfig } from "./config/resolve-config.ts";
import { createTerminal, painter } from "./output/terminal.ts";

const commands: Record<CommandName, Command> = { upload, download, get, token };

export interface MainOptions {
  argv: readonly string[];
  env: Record<string, string | undefined>;
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  /** Fires on Ctrl-C. */
  signal: AbortSignal;
}

/** Runs one command line; returns the exit code. Errors end here, as one line on stderr. */
export async function main({ argv, env, stdout, stderr, signal }: MainOptions): Promise<ExitCode> {
  let args: ParsedArguments | undefined;
  try {
    args = parseArguments(argv);
    if (args.version) {
      stdout.write(versionText());
      return exitCodes.ok;
    }
    if (args.help) {
      stdout.write(helpText(args.command));
      return exitCodes.ok;
    }
    if (args.command === undefined) throw new UsageError(`no command given; use one of ${commandNames.join(", ")} (see lucca-files --help).`);
    const terminal = createTerminal({ stdout, stderr }, env, args.quiet);
    const config = resolveConfig({ sandbox: args.sandbox, host: args.host, apiVersion: args.apiVersion }, env);
    // --debug shows the client's own lines (requests, retries, resumes), secrets redacted by
    // it; otherwise its notes (a retry's wait, a resumed download), so that a wait for the
    // API's rate limit, up to a minute, is not a silent stall; --quiet drops them.
    const logger = args.debug
      ? { debug: (line: string) => stderr.write(`${line}\n`), warn: (line: string) => stderr.write(`${line}\n`) }
      : { debug: () => undefined, warn: (line: string) => terminal.note(line) };
    const client = createLuccaFilesClient({ ...clientOptions(config), logger });
    return await commands[args.command]({ args, terminal, config, client, signal });
  } catch (error) {
    const failure = signal.aborted ? signal.reason : error;
    stderr.write(`${painter(stderr, env)("red", "lucca-files:")} ${describeError(failure, { sandbox: args?.sandbox ?? false })}\n`);
    if (args?.debug && failure instanceof Error && failure.stack) stderr.write(`${failure.stack}\n`);
    return exitCodeOf(failure);
  }
}
