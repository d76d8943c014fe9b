/**
 * A progress bar on stderr for reading a large file when nothing else shows the reading go on
 * (into -w, or -q with its lines going elsewhere): bytes read of the file's size, packets, the
 * rate and the time left, redrawn in place at most five times a second, and left on screen
 * finished at the end. Only on a terminal: into a pipe or a file stderr gets nothing extra.
 */
import { writeSync } from 'node:fs';

/** Redraw at most this often. */
const INTERVAL_MS = 200;
/** Width kept for the text after the bar ("  1.0 GB / 3.7 GB  12.3M packets  210 MB/s  ETA 12:34"). */
const TAIL = 54;

const units = ['B', 'kB', 'MB', 'GB', 'TB'];
/** 1234567 → "1.2 MB" (decimal units, as ls -h --si and wget show sizes). */
export function formatBytes(n: number): string {
  let i = 0;
  while (n >= 1000 && i < units.length - 1) { n /= 1000; i++; }
  return `${i === 0 ? n : n < 10 ? n.toFixed(1) : n.toFixed(0)} ${units[i]}`;
}

/** 1234567 → "1.23M" (packets). */
export function formatCount(n: number): string {
  if (n < 10000) return String(n);
  if (n < 1e6) return `${(n / 1e3).toFixed(n < 1e5 ? 1 : 0)}k`;
  return `${(n / 1e6).toFixed(n < 1e7 ? 2 : 1)}M`;
}

/** Seconds → "0:07", "12:34", "1:02:03". */
export function formatDuration(s: number): string {
  s = Math.max(0, Math.round(s));
  const h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), sec = s % 60;
  const mm = h > 0 ? String(m).padStart(2, '0') : String(m);
  return `${h > 0 ? `${h}:` : ''}${mm}:${String(sec).padStart(2, '0')}`;
}

export class ProgressBar {
  readonly #start = Date.now();
  #last = 0;

  /**
   * @param total the file's size in bytes (undefined: a pipe, no bar or ETA, only what was read)
   * @param columns the terminal's width
   */
  constructor(readonly total: number | undefined, readonly columns: number, readonly fd = 2) {}

  /** After each batch: redraw when the last drawing is old enough. */
  update(bytes: number, packets: number): void {
    const now = Date.now();
    if (now - this.#last < INTERVAL_MS) return;
    this.#last = now;
    this.#draw(bytes, packets, now, false);
  }

  /** The final state, on a line of its own (the bar stays on screen as a summary). */
  finish(bytes: number, packets: number): void {
    this.#draw(bytes, packets, Date.now(), true);
    writeSync(this.fd, '\n');
  }

  /** The line for a state (without the carriage return), fitted to the terminal's width. */
  line(bytes: number, packets: number, elapsedMs: number, done: boolean): string {
    const secs = Math.max(elapsedMs / 1000, 0.001);
    const rate = bytes / secs;
    const total = this.total;
    const size = total === undefined ? formatBytes(bytes) : `${formatBytes(bytes)} / ${formatBytes(total)}`;
    let tail = `  ${size}  ${formatCount(packets)} packets  ${formatBytes(rate)}/s`;
    if (done) tail += `  ${formatDuration(secs)}`;
    else if (total !== undefined && rate > 0) tail += `  ETA ${formatDuration((total - bytes) / rate)}`;
    if (total === undefined || total === 0) return tail.slice(2).slice(0, this.columns - 1);
    const fraction = Math.min(1, bytes / total);
    const pct = `${Math.floor(fraction * 100)}%`.padStart(4);
    // Room for the longest usual tail, so the bar keeps its width while the numbers change.
    const width = this.columns - 1 - Math.max(tail.length, TAIL) - pct.length - 3;
    if (width < 10) return (pct.trimStart() + tail).slice(0, this.columns - 1);
    const filled = Math.round(fraction * width);
    return `[${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${pct}${tail}`;
  }

  #draw(bytes: number, packets: number, now: number, done: boolean): void {
    // \r and erase-to-end-of-line: the new text replaces the old even when it is shorter.
    writeSync(this.fd, `\r${this.line(bytes, packets, now - this.#start, done)}\x1b[K`);
  }
}
