import { InvalidInputError } from "../errors/invalid-input-error.ts";

/**
 * Writes a stream to `path` atomically: into a temporary file beside it, flushed to
 * disk, then renamed over `path`. A failure removes the temporary file, so `path` is
 * either the whole content or untouched. Node only.
 */
export async function saveToPath(body: ReadableStream<Uint8Array>, path: string): Promise<{ path: string; bytes: number }> {
  const [{ open, rename, rm }, { dirname, basename, join }] = await Promise.all([import("node:fs/promises"), import("node:path")]);
  const temporary = join(dirname(path), `.${basename(path)}.${crypto.randomUUID()}.part`);
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(temporary, "wx");
  } catch (cause) {
    throw new InvalidInputError("path", `cannot write beside '${path}' (${(cause as { code?: string }).code ?? cause}); check that its folder exists and is writable.`);
  }
  let bytes = 0;
  try {
    const reader = body.getReader();
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      await handle.write(value);
      bytes += value.byteLength;
    }
    await handle.sync();
    await handle.close();
    await rename(temporary, path);
    return { path, bytes };
  } catch (error) {
    await handle.close().catch(() => undefined);
    await rm(temporary, { force: true });
    throw error;
  }
}
