import { InvalidResponseError } from "../errors/invalid-response-error.ts";
import { redactUrl } from "./redact.ts";

/** Parses a success body that the spec says is JSON; anything else is the server's fault, said plainly. */
export function readJson<T>(text: string, response: Response, what: string): T {
  try {
    return JSON.parse(text) as T;
  } catch (cause) {
    const type = response.headers.get("Content-Type") ?? "no Content-Type";
    throw new InvalidResponseError(response.status, `${redactUrl(response.url)} answered ${response.status} (${type}) ${JSON.stringify(text.slice(0, 60))}, not the JSON of ${what}: a server or proxy fault.`, { cause });
  }
}
