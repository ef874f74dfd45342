import { parseArgs, type ParseArgsConfig } from "node:util";
import { environmentVariables } from "../config/resolve-config.ts";
import { UsageError } from "./usage-error.ts";

/**
 * The command line, read with Node's own `util.parseArgs` (see the README for why): one
 * table of options, then a check that each option given belongs to the command.
 */
export const commandNames = ["upload", "download", "get", "token"] as const;
export type CommandName = (typeof commandNames)[number];

const options = {
  // every command
  sandbox: { type: "boolean" },
  host: { type: "string" },
  "api-version": { type: "string" },
  quiet: { type: "boolean", short: "q" },
  debug: { type: "boolean" },
  help: { type: "boolean", short: "h" },
  version: { type: "boolean", short: "V" },
  // some commands
  json: { type: "boolean" },
  "content-type": { type: "string", short: "t" },
  output: { type: "string", short: "o" },
  "if-none-match": { type: "string" },
  "show-token": { type: "boolean" },
} as const satisfies ParseArgsConfig["options"];

type OptionName = keyof typeof options;

const globalOptions: readonly OptionName[] = ["sandbox", "host", "api-version", "quiet", "debug", "help", "version"];

/** The options each command takes beyond the global ones. */
export const commandOptions: Record<CommandName, readonly OptionName[]> = {
  upload: ["content-type", "json"],
  download: ["output"],
  get: ["if-none-match", "json"],
  token: ["show-token", "json"],
};

export interface ParsedArguments {
  command: CommandName | undefined;
  operands: string[];
  sandbox: boolean;
  host: string | undefined;
  apiVersion: string | undefined;
  quiet: boolean;
  debug: boolean;
  help: boolean;
  version: boolean;
  json: boolean;
  contentType: string | undefined;
  output: string | undefined;
  ifNoneMatch: string | undefined;
  showToken: boolean;
}

/**
 * Flags that would carry a secret. They are refused by name, with the reason, rather than
 * as unknown options: a secret typed on the command line stays in the shell's history and
 * shows in `ps` to every user of the machine.
 */
const secretFlag = /^--?(client[-_]?secret|secret|password|access[-_]?token|token|bearer)(=.*)?$/i;

export function parseArguments(argv: readonly string[]): ParsedArguments {
  const secret = argv.find((argument) => secretFlag.test(argument));
  if (secret !== undefined) {
    const flag = secret.split("=")[0];
    throw new UsageError(
      `${flag} is refused: a secret given as a flag stays in your shell history and shows in \`ps\`. Set ${environmentVariables.clientSecret} in the environment instead.`,
    );
  }
  let parsed: ReturnType<typeof parseArgs<{ options: typeof options; allowPositionals: true; strict: true }>>;
  try {
    parsed = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
  } catch (error) {
    // The command's own help, when one was named: it lists the options that command takes.
    const named = argv.find((argument) => (commandNames as readonly string[]).includes(argument));
    throw new UsageError(`${parseArgsProblem(error)}; see lucca-files ${named ? `${named} ` : ""}--help.`);
  }
  const { values, positionals } = parsed;
  const [first, ...operands] = positionals;
  const command = first === "help" ? (operands.shift() ?? undefined) : first;
  if (command !== undefined && !(commandNames as readonly string[]).includes(command)) {
    throw new UsageError(`'${command}' is not a command; use one of ${commandNames.join(", ")} (see lucca-files --help).`);
  }
  const known = command as CommandName | undefined;
  if (known !== undefined) {
    for (const name of Object.keys(values) as OptionName[]) {
      if (!globalOptions.includes(name) && !commandOptions[known].includes(name)) {
        const owners = commandNames.filter((candidate) => commandOptions[candidate].includes(name));
        throw new UsageError(`--${name} is an option of ${owners.join(" and ")}, not of ${known}; see lucca-files ${known} --help.`);
      }
    }
  }
  return {
    command: known,
    operands,
    sandbox: values.sandbox ?? false,
    host: values.host,
    apiVersion: values["api-version"],
    quiet: values.quiet ?? false,
    debug: values.debug ?? false,
    help: (values.help ?? false) || first === "help",
    version: values.version ?? false,
    json: values.json ?? false,
    contentType: values["content-type"],
    output: values.output,
    ifNoneMatch: values["if-none-match"],
    showToken: values["show-token"] ?? false,
  };
}

/** parseArgs' messages are long and mention positionals; keep what the user needs. */
function parseArgsProblem(error: unknown): string {
  const { code, message } = error as { code?: string; message?: string };
  const option = /'([^']+)'/.exec(message ?? "")?.[1];
  switch (code) {
    case "ERR_PARSE_ARGS_UNKNOWN_OPTION":
      return `unknown option ${option ?? ""}`.trim();
    case "ERR_PARSE_ARGS_INVALID_OPTION_VALUE":
      return option ? `${option} needs a value` : (message ?? "an option has a wrong value");
    default:
      return message ?? String(error);
  }
}
