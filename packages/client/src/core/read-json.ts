import { InvalidResponseError } from "../errors/invalid-response-error.ts";
import { redactUrl } from "./redact.ts";

/** Parses a success body that the spec says is JSON; anything else is the server's fault, said plainly. */
export function readJson<T>(text: string, response: Response, what: string): T {
  try {
    return JSON.parse(text) as T;
  } catch (cause) {
    const type = response.headers.get("Content-Type") ?? "no Content-Type";
    throw invalidResponse(response, `(${type}) ${JSON.stringify(text.slice(0, 60))}, not the JSON of ${what}: a server or proxy fault.`, cause);
  }
}

/** `<url> answered <status> <what was wrong>`, the URL's file token redacted. */
export function invalidResponse(response: Response, wrong: string, cause?: unknown): InvalidResponseError {
  return new InvalidResponseError(response.status, `${redactUrl(response.url)} answered ${response.status} ${wrong}`, { cause });
}
