import { stat } from "node:fs/promises";
import { basename } from "node:path";
import type { ContentType, FileObject } from "@lucca-api/client";
import { exitCodes } from "../cli/exit-codes.ts";
import { UsageError } from "../cli/usage-error.ts";
import { createProgressView } from "../output/progress-view.ts";
import type { Command } from "./command-context.ts";

/**
 * `lucca-files upload <path…>`: one file after the other (the API's rate limit is per
 * client), a bar per file and a total, then each file's id and link on stdout. The
 * content type is the client's inference unless `--content-type` says otherwise; the
 * client checks either against the spec before sending.
 */
export const upload: Command = async ({ args, terminal, client, signal }) => {
  if (args.operands.length === 0) throw new UsageError("upload needs at least one file: lucca-files upload <path…> (see lucca-files upload --help).");
  const sizes = await Promise.all(args.operands.map(sizeOfFile));
  const view = await createProgressView(
    terminal,
    args.operands.map((path, index) => ({ label: basename(path), total: sizes[index] })),
    { active: "uploading", done: "uploaded" },
  );
  const uploaded: FileObject[] = [];
  try {
    for (const [index, path] of args.operands.entries()) {
      view.start(index);
      const { file } = await client.uploadFile(
        { path },
        {
          ...(args.contentType !== undefined ? { contentType: args.contentType as ContentType } : {}),
          onProgress: ({ loaded }) => view.update(index, loaded),
          signal,
        },
      );
      view.finish(index);
      uploaded.push(file);
    }
  } finally {
    view.stop();
    // Printed after the bars (stdout and stderr may be the same terminal); on a failure,
    // the files uploaded before it are still reported.
    printUploaded(terminal.stdout, uploaded, args.json);
  }
  return exitCodes.ok;
};

function printUploaded(stdout: NodeJS.WriteStream, files: FileObject[], json: boolean): void {
  if (json) {
    stdout.write(`${JSON.stringify(files, null, 2)}\n`);
    return;
  }
  const width = Math.max(0, ...files.map((file) => file.fileName.length));
  for (const file of files) stdout.write(`${file.fileName.padEnd(width)}  ${file.id}  ${file.links?.self?.href ?? file.url}\n`);
}

/** What stdout means for `download -o`, and stdin for most commands: upload reads files only. */
const stdinOperand = "-";
const saveFirst = "save the content to a file first (e.g. … > notes.txt, then lucca-files upload notes.txt)";

/** Each file is checked before the first byte is sent, so that a typo does not stop a batch half-way. */
async function sizeOfFile(path: string): Promise<number> {
  if (path === stdinOperand)
    throw new UsageError(
      `upload reads files, not stdin ('${stdinOperand}'): the API needs a file name; ${saveFirst}, or pass ./${stdinOperand} for a file named '${stdinOperand}'.`,
    );
  const stats = await stat(path).catch((cause: { code?: string }) => {
    throw new UsageError(`cannot read '${path}' (${cause.code ?? String(cause)}): check the path.`);
  });
  if (stats.isDirectory()) throw new UsageError(`'${path}' is not a file: upload files one by one (e.g. lucca-files upload ${path}/*).`);
  // A device or a FIFO has no size to check and no end the client can count on.
  if (!stats.isFile()) throw new UsageError(`'${path}' is not a regular file (a device or a pipe): upload reads files; ${saveFirst}.`);
  return stats.size;
}
