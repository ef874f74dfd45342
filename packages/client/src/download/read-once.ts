import { InvalidInputError } from "../errors/invalid-input-error.ts";

/**
 * A download's content streams from the network once: a second read (`body`, `blob()`,
 * `bytes()` or `saveTo()`) would find the stream taken. Say so, with the fix, rather
 * than let the platform's "ReadableStream is locked" surface.
 */
export function readOnce(body: ReadableStream<Uint8Array>): ReadableStream<Uint8Array> {
  if (body.locked) {
    throw new InvalidInputError("download", "its content can be read once (body, blob(), bytes() or saveTo()); call downloadFile again.");
  }
  return body;
}
