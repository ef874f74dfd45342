import type { FileObject } from "@lucca-api/client";
import { exitCodes } from "../cli/exit-codes.ts";
import { UsageError } from "../cli/usage-error.ts";
import { formatTable } from "../output/table.ts";
import type { Command } from "./command-context.ts";
import { checkLinkOrigin } from "./link-origin.ts";

/**
 * `lucca-files get <link>`: the file's metadata as a table, or raw with `--json`. With
 * `--if-none-match <etag>`, a current copy is a success (`not modified`, exit 0), as the
 * API's 304 means.
 */
export const get: Command = async ({ args, terminal, client, config, signal }) => {
  const [link, ...extra] = args.operands;
  if (link === undefined) throw new UsageError("get needs the file's link: lucca-files get <link> (see lucca-files get --help).");
  if (extra.length > 0) throw new UsageError(`get takes one link; '${extra[0]}' is one too many (quote a link that holds '&').`);
  checkLinkOrigin(link, config);
  const result = await client.getFile(link, { ...(args.ifNoneMatch !== undefined ? { ifNoneMatch: args.ifNoneMatch } : {}), include: ["links"], signal });
  if (!result.modified) {
    terminal.stdout.write(args.json ? `${JSON.stringify({ modified: false, eTag: result.eTag ?? null })}\n` : "not modified\n");
    return exitCodes.ok;
  }
  if (args.json) {
    terminal.stdout.write(`${JSON.stringify(result.file, null, 2)}\n`);
    return exitCodes.ok;
  }
  terminal.stdout.write(`${formatTable(rowsOf(result.file, result.eTag), (label) => terminal.paintOut("dim", label))}\n`);
  return exitCodes.ok;
};

function rowsOf(file: FileObject, eTag: string | undefined): Array<readonly [string, string]> {
  const rows: Array<readonly [string, string]> = [
    ["id", file.id],
    ["name", file.fileName],
    ["content type", file.contentType],
    ["created", file.createdAt],
    ["url", file.url],
  ];
  if (file.links?.self?.href) rows.push(["link", file.links.self.href]);
  if (eTag !== undefined) rows.push(["etag", eTag]);
  return rows;
}
