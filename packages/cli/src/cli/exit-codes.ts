/**
 * The exit codes, one per class of failure, so that a script can tell "fix your command"
 * from "try again later" without reading messages. The README lists them; keep both in step.
 */
export const exitCodes = {
  /** Done; `get --if-none-match` with a current copy too. */
  ok: 0,
  /** Something unexpected (a bug: please report it with `--debug`'s output). */
  unexpected: 1,
  /** Your command: an unknown command or option, a missing argument, a secret as a flag, missing configuration, a file that cannot be read or written. */
  usage: 2,
  /** Your credentials: the token endpoint refused them, or the API refused the token (401) or its scopes (403). */
  auth: 3,
  /** The API refused the request: 400, 404, 412, 413, 429 and other 4xx. */
  refused: 4,
  /** The server failed (5xx, after the client's retries) or answered what the spec does not allow. */
  server: 5,
  /** No answer: the connection was refused or dropped, or it timed out. */
  network: 6,
  /** Cancelled with Ctrl-C (128 + SIGINT, as shells report it). */
  cancelled: 130,
} as const;

export type ExitCode = (typeof exitCodes)[keyof typeof exitCodes];
