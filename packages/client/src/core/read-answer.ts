/**
 * What `readText` throws when an answer fails after its headers (it breaks off, or the
 * attempt's timer or a signal ends it): the platform's error as `cause`, and the status
 * the answer had, which tells the attempts that the server took the request.
 */
export interface BrokenAnswer {
  answered: number;
  cause: unknown;
}

/** A small answer, read whole inside its attempt: each chunk restarts the attempt's timer (`touch`), so its silence is what counts. */
export async function readText(response: Response, touch: () => void): Promise<string> {
  const reader = response.body?.getReader();
  if (!reader) return "";
  // Most answers come in one chunk, decoded at once by the shared decoder; a decoder of
  // its own carries a character split between two chunks.
  let decoder: TextDecoder | undefined;
  let text = "";
  let last: Uint8Array | undefined;
  try {
    for (let chunk; !(chunk = await reader.read()).done; touch()) {
      if (last) text += (decoder ??= new TextDecoder()).decode(last, { stream: true });
      last = chunk.value;
    }
  } catch (cause) {
    throw { answered: response.status, cause } satisfies BrokenAnswer;
  }
  return last ? text + (decoder ?? utf8).decode(last) : text;
}

/** Stateless when not streaming: one for every answer that comes in one chunk. */
const utf8 = new TextDecoder();
