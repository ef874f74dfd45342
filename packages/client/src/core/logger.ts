import { redactSecrets } from "./redact.ts";

/** What the client logs to: `console` fits, and so do most logging libraries. */
export interface Logger {
  debug?: ((message: string) => void) | undefined;
  info?: ((message: string) => void) | undefined;
  warn?: ((message: string) => void) | undefined;
  error?: ((message: string) => void) | undefined;
}

export interface RedactingLogger {
  /** False without a logger: callers skip building lines nobody reads. */
  enabled: boolean;
  debug(message: string): void;
  warn(message: string): void;
}

/**
 * Wraps the caller's logger so that no message carries a secret: the client secret and
 * every access token the client has held are replaced before the logger sees the text.
 * URLs are already logged with their file `token` redacted (see `redact.ts`).
 */
export function createRedactingLogger(logger: Logger | undefined, secrets: () => Iterable<string>): RedactingLogger {
  const emit = (level: "debug" | "warn", message: string) => {
    const write = logger?.[level];
    if (write) write.call(logger, `[lucca-api/client] ${redactSecrets(message, secrets())}`);
  };
  return { enabled: logger !== undefined, debug: (message) => emit("debug", message), warn: (message) => emit("warn", message) };
}
