import { requestAccessToken } from "@lucca-api/client";
import { exitCodes } from "../cli/exit-codes.ts";
import { formatDuration } from "../output/format.ts";
import { formatTable } from "../output/table.ts";
import type { Command } from "./command-context.ts";

/**
 * `lucca-files token`: checks the credentials by getting a token, and says what it
 * grants and until when. The token itself is a secret: printed only with `--show-token`.
 */
export const token: Command = async ({ args, terminal, config, signal }) => {
  // Without LUCCA_TOKEN_URL the client asks the spec's endpoint, and says which it asked.
  const grant = await requestAccessToken({ clientId: config.clientId, clientSecret: config.clientSecret, tokenUrl: config.tokenUrl }, { signal });
  const { tokenUrl } = grant;
  const expiresAt = new Date(Date.now() + grant.expiresIn * 1000).toISOString().replace(/\.\d+Z$/, "Z");
  if (args.json) {
    const shown = { clientId: config.clientId, tokenUrl, scopes: grant.scopes, expiresIn: grant.expiresIn, expiresAt, ...(args.showToken ? { accessToken: grant.accessToken } : {}) };
    terminal.stdout.write(`${JSON.stringify(shown, null, 2)}\n`);
    return exitCodes.ok;
  }
  const rows: Array<readonly [string, string]> = [
    ["client", config.clientId],
    ["token url", tokenUrl],
    ["scopes", grant.scopes.join(" ")],
    ["expires", `in ${formatDuration(grant.expiresIn)}, at ${expiresAt}`],
    ["token", args.showToken ? grant.accessToken : "(hidden; --show-token prints it)"],
  ];
  terminal.stdout.write(`${formatTable(rows, (label) => terminal.paintOut("dim", label))}\n`);
  return exitCodes.ok;
};
