import { importNode, type NodeOnlyUse } from "../core/node-builtins.ts";
import { InvalidInputError } from "../errors/invalid-input-error.ts";
import type { PreparedSource } from "./upload-source.ts";

const nodeOnly: NodeOnlyUse = { field: "source.path", instead: 'upload a File or Blob (e.g. from an <input type="file">)' };

/**
 * A file on disk: its size and name up front, and a fresh read stream for each attempt
 * (re-sendable). Node's fs stream reads faster than a file-backed Blob's stream.
 */
export async function openPath(path: string): Promise<PreparedSource> {
  const [{ openAsBlob, createReadStream }, { basename }] = await Promise.all([importNode("node:fs", nodeOnly), importNode("node:path", nodeOnly)]);
  try {
    const blob = await openAsBlob(path);
    const open = () => createReadStream(path, { highWaterMark: 256 * 1024 }) as AsyncIterable<Uint8Array>;
    return { kind: "blob", blob, size: blob.size, name: basename(path), type: undefined, open };
  } catch (cause) {
    const code = (cause as { code?: string }).code ?? String(cause);
    throw new InvalidInputError("source.path", `'${path}' cannot be read (${code}); check the path.`);
  }
}

