/** What the CLI writes to, and how: bars and colour only where a person is watching. */
export interface Terminal {
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  /** Progress drawing: `bars` on a terminal with a size, `lines` in a pipe, a log or a terminal of 0 columns or rows, `none` with `--quiet`. */
  progress: "bars" | "lines" | "none";
  /** Messages (not results) on stderr; off with `--quiet`. */
  say(message: string): void;
  /**
   * A message while progress may be drawn (the client's notes: a retry's wait, a resumed
   * download): written above the bars, which are then drawn again below it; off with `--quiet`.
   */
  note(message: string): void;
  /** The bars being drawn, for `note` to clear and draw again; `undefined` when none are. */
  drawing: { clear(): void; redraw(): void } | undefined;
  /** Colour for what goes to stderr (progress, messages). */
  paint: Painter;
  /** Colour for what goes to stdout (result tables): plain when stdout is redirected, whatever stderr is. */
  paintOut: Painter;
}

export type Painter = (style: keyof typeof styles, text: string) => string;

const styles = { red: 31, green: 32, yellow: 33, cyan: 36, dim: 2, bold: 1 } as const;

type Env = Record<string, string | undefined>;

/**
 * Colour follows https://no-color.org: any non-empty `NO_COLOR` turns it off, and so does
 * a stream that is not a terminal or `TERM=dumb`. Progress and messages go to stderr, so
 * that stdout carries results only (`lucca-files get … --json | jq` works).
 */
export function createTerminal(streams: { stdout: NodeJS.WriteStream; stderr: NodeJS.WriteStream }, env: Env, quiet: boolean): Terminal {
  const interactive = isInteractive(streams.stderr, env);
  const paint = painter(streams.stderr, env);
  const terminal: Terminal = {
    ...streams,
    progress: quiet ? "none" : interactive && hasSize(streams.stderr) ? "bars" : "lines",
    say: (message) => {
      if (!quiet) streams.stderr.write(`${message}\n`);
    },
    note: (message) => {
      if (quiet) return;
      terminal.drawing?.clear();
      streams.stderr.write(`${message}\n`);
      terminal.drawing?.redraw();
    },
    drawing: undefined,
    paint,
    paintOut: painter(streams.stdout, env),
  };
  return terminal;
}

/** A person is watching this stream: it is a terminal that can redraw. */
function isInteractive(stream: NodeJS.WriteStream, env: Env): boolean {
  return stream.isTTY === true && env.TERM !== "dumb";
}

/**
 * Bars are laid out in the terminal's width and height: one that reports no width (0 or
 * undefined columns, as `script` gives a pseudo-terminal with no terminal around it) or
 * no height (0 rows: log-update keeps a frame's last `rows` lines) would show nothing at
 * all, not even the finished line, so it gets the plain lines instead.
 */
function hasSize(stream: NodeJS.WriteStream): boolean {
  return (stream.columns ?? 0) > 0 && (stream.rows ?? 0) > 0;
}

/** Paints text for `stream`, or leaves it plain where colour is off. */
export function painter(stream: NodeJS.WriteStream, env: Env): Painter {
  const colour = isInteractive(stream, env) && !env.NO_COLOR;
  return (style, text) => (colour ? `\u001B[${styles[style]}m${text}\u001B[0m` : text);
}
