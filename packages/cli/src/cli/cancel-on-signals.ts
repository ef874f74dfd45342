import { AbortError } from "@lucca-api/client";

const signals = ["SIGINT", "SIGTERM"] as const;

/**
 * Ctrl-C (SIGINT) or a TERM (a CI job stopped) aborts the returned signal: requests stop
 * and a download's temporary file is removed before the exit. The first one also gives
 * both signals back their default action, so that a second one ends the process at once,
 * by the system, whatever JavaScript is doing: `process.exit` waits for Node's worker
 * threads, one of which may be blocked for good in a write (a terminal on hold), and no
 * handler of ours runs while it waits.
 */
export function cancelOnSignals(): AbortSignal {
  const cancel = new AbortController();
  const onSignal = () => {
    for (const each of signals) process.off(each, onSignal);
    cancel.abort(new AbortError("cancelled"));
  };
  for (const signal of signals) process.on(signal, onSignal);
  return cancel.signal;
}
