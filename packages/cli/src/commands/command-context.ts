import type { LuccaFilesClient } from "@lucca-api/client";
import type { ParsedArguments } from "../cli/arguments.ts";
import type { ExitCode } from "../cli/exit-codes.ts";
import type { ResolvedConfig } from "../config/resolve-config.ts";
import type { Terminal } from "../output/terminal.ts";

/** What every command gets. */
export interface CommandContext {
  args: ParsedArguments;
  terminal: Terminal;
  config: ResolvedConfig;
  client: LuccaFilesClient;
  /** Fires on Ctrl-C: the command passes it to every request. */
  signal: AbortSignal;
}

export type Command = (context: CommandContext) => Promise<ExitCode>;
