import type { createLogUpdate } from "log-update";
import { formatBytes, formatDuration, formatRate } from "./format.ts";
import type { Terminal } from "./terminal.ts";

/** One file moving: what the bar shows. */
export interface TransferSpec {
  label: string;
  /** Bytes, when known (a download learns it from the answer's headers). */
  total: number | undefined;
}

export interface ProgressView {
  start(index: number): void;
  /** Bytes of the file so far. */
  update(index: number, loaded: number): void;
  finish(index: number): void;
  /** Stops drawing; the last frame stays on screen. Safe to call twice. */
  stop(): void;
}

export interface Verbs {
  /** `uploading`, `downloading`. */
  active: string;
  /** `uploaded`, `downloaded`. */
  done: string;
}

interface Transfer extends TransferSpec {
  loaded: number;
  startedAt: number | undefined;
  finishedAt: number | undefined;
}

/** A person sees a redraw within this many ms; more often would only cost CPU. */
const redrawEvery = 100;
const labelWidth = 28;

/**
 * Progress for a set of transfers, drawn the way the terminal allows: bars redrawn in
 * place on a terminal (a line per file, and a total line for several), a plain line as
 * each starts and ends otherwise, nothing with `--quiet`.
 */
export async function createProgressView(terminal: Terminal, specs: readonly TransferSpec[], verbs: Verbs, now: () => number = () => performance.now()): Promise<ProgressView> {
  const transfers: Transfer[] = specs.map((spec) => ({ ...spec, loaded: 0, startedAt: undefined, finishedAt: undefined }));
  if (terminal.progress === "none") return { start() {}, update() {}, finish() {}, stop() {} };
  if (terminal.progress === "lines") return lineView(terminal, transfers, verbs, now);
  // Loaded only for bars: log-update and its dependencies are about 30 of the 110 ms of
  // CPU the command's modules take to load, which a pipe, a log or --quiet does not need.
  const { createLogUpdate } = await import("log-update");
  return barView(terminal, transfers, now, createLogUpdate);
}

/**
 * A line when the first byte moves and one when the file is done: a transfer that fails
 * before sending anything (a refused type, a wrong secret) leaves only its error line.
 */
function lineView(terminal: Terminal, transfers: Transfer[], verbs: Verbs, now: () => number): ProgressView {
  const announced = new Set<number>();
  const announce = (index: number) => {
    if (announced.has(index)) return;
    announced.add(index);
    const transfer = transfers[index]!;
    terminal.say(`${verbs.active} ${transfer.label}${transfer.total !== undefined ? ` (${formatBytes(transfer.total)})` : ""}`);
  };
  return {
    start(index) {
      transfers[index]!.startedAt = now();
    },
    update(index, loaded) {
      transfers[index]!.loaded = loaded;
      if (loaded > 0) announce(index);
    },
    finish(index) {
      announce(index);
      const transfer = transfers[index]!;
      transfer.finishedAt = now();
      const seconds = (transfer.finishedAt - (transfer.startedAt ?? transfer.finishedAt)) / 1000;
      const rate = seconds > 0 ? `, ${formatRate(transfer.loaded / seconds)}` : "";
      terminal.say(`${verbs.done} ${transfer.label}: ${formatBytes(transfer.loaded)} in ${formatDuration(seconds)}${rate}`);
    },
    stop() {},
  };
}

function barView(terminal: Terminal, transfers: Transfer[], now: () => number, logUpdate: typeof createLogUpdate): ProgressView {
  const draw = logUpdate(terminal.stderr);
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const render = () => {
    if (stopped) return;
    const columns = terminal.stderr.columns ?? 80;
    const rows = transfers.length > 1 ? [...transfers, totalOf(transfers)] : transfers;
    const width = Math.min(labelWidth, Math.max(...rows.map(({ label }) => label.length)));
    const lines = rows.map((transfer, index) => barLine(terminal, transfer, { columns, width, at: now(), isTotal: index === transfers.length }));
    draw(lines.join("\n"));
  };
  return {
    start(index) {
      transfers[index]!.startedAt = now();
      terminal.drawing = { clear: () => draw.clear(), redraw: render };
      // Drawn at once, so that even a short transfer shows its bar.
      render();
      timer ??= setInterval(render, redrawEvery).unref();
    },
    update(index, loaded) {
      transfers[index]!.loaded = loaded;
    },
    finish(index) {
      const transfer = transfers[index]!;
      transfer.finishedAt = now();
      if (transfer.total !== undefined) transfer.loaded = Math.max(transfer.loaded, transfer.total);
      render();
    },
    stop() {
      if (stopped) return;
      clearInterval(timer);
      render();
      stopped = true;
      terminal.drawing = undefined;
      draw.done();
    },
  };
}

/** The sum of all transfers, timed from the first start to the last finish. */
function totalOf(transfers: Transfer[]): Transfer {
  const started = transfers.map((t) => t.startedAt).filter((t): t is number => t !== undefined);
  const allDone = transfers.every((t) => t.finishedAt !== undefined);
  const known = transfers.every((t) => t.total !== undefined);
  return {
    label: `total (${transfers.length} files)`,
    total: known ? transfers.reduce((sum, t) => sum + (t.total ?? 0), 0) : undefined,
    loaded: transfers.reduce((sum, t) => sum + t.loaded, 0),
    startedAt: started.length ? Math.min(...started) : undefined,
    finishedAt: allDone ? Math.max(...transfers.map((t) => t.finishedAt!)) : undefined,
  };
}

/** `✓ report.pdf  [██████░░░░]  60%  54.0/90.0 MB  12.1 MB/s  3s left` */
function barLine(terminal: Terminal, transfer: Transfer, layout: { columns: number; width: number; at: number; isTotal: boolean }): string {
  const { paint } = terminal;
  const { columns, width, at, isTotal } = layout;
  const label = fit(transfer.label, width).padEnd(width);
  const mark = transfer.finishedAt !== undefined ? paint("green", "✓") : transfer.startedAt === undefined ? paint("dim", "·") : " ";
  const seconds = transfer.startedAt === undefined ? 0 : ((transfer.finishedAt ?? at) - transfer.startedAt) / 1000;
  const rate = seconds > 0 ? transfer.loaded / seconds : 0;
  const speed = seconds > 0 && transfer.loaded > 0 ? formatRate(rate) : "";
  const name = isTotal ? paint("bold", label) : label;
  if (transfer.total === undefined) return [mark, name, formatBytes(transfer.loaded), speed].filter(Boolean).join("  ");
  const fraction = transfer.total === 0 ? (transfer.finishedAt !== undefined ? 1 : 0) : Math.min(1, transfer.loaded / transfer.total);
  const percent = `${Math.floor(fraction * 100)}%`.padStart(4);
  const sizes = `${formatBytes(transfer.loaded)}/${formatBytes(transfer.total)}`;
  const when =
    transfer.finishedAt !== undefined
      ? `in ${formatDuration(seconds)}`
      : transfer.startedAt === undefined
        ? "waiting"
        : rate > 0
          ? `${formatDuration((transfer.total - transfer.loaded) / rate)} left`
          : "";
  const barWidth = Math.max(10, Math.min(40, columns - label.length - 60));
  const filled = Math.round(fraction * barWidth);
  const bar = `${filled > 0 ? paint("cyan", "█".repeat(filled)) : ""}${filled < barWidth ? paint("dim", "░".repeat(barWidth - filled)) : ""}`;
  return [mark, name, bar, percent, sizes, speed, when].filter(Boolean).join("  ");
}

/** A long name keeps its start and its extension: `a-very-long-rep….pdf`. */
function fit(text: string, width: number): string {
  if (text.length <= width) return text;
  const dot = text.lastIndexOf(".");
  const extension = dot > 0 && text.length - dot <= 8 ? text.slice(dot) : "";
  return `${text.slice(0, width - extension.length - 1)}…${extension}`;
}
