// -C / -G / -W / -z: a capture file that turns into a series of files, named and cut as tcpdump
// (tcpdump.c: MakeFilename, dump_packet_and_trunc) does it.
import { spawn } from 'node:child_process';
import { setPriority } from 'node:os';
import type { Batch } from '../capture/batch.js';
import type { CaptureInterface } from '../capture/capture-interface.js';
import { strftime } from './strftime.js';

/** What the pipeline writes frames through: one capture file, or a series of them. */
export interface FrameSink {
  /** Frames that follow come from `iface`. */
  useInterface(iface: CaptureInterface): void;
  /** One frame on the current interface, with its epb_flags and epb_dropcount (pcap leaves them out). */
  writePacket(bytes: Uint8Array, offset: number, capLen: number, origLen: number, sec: number, nsec: number, flags: number, drops: number): void;
  /**
   * Frames `from`..`to` of a batch with Batch.headroom, each record's header written in that room
   * and the records handed to the kernel without a copy (pcap only), stopping before the first
   * frame after `from` that would start past `sizeLimit` bytes of file (-C). Returns the frames
   * written, or -1 (nothing written) when this sink or the batch cannot.
   */
  writeInPlace?(batch: Batch, from: number, to: number, sizeLimit?: number): number;
  /** Bytes of the current file so far, buffered ones included. */
  readonly size: number;
  flush(): void;
  close(): void;
}

export interface RotationOptions {
  /** -C: start a new file before a frame once the current one is larger than this many bytes (0: never). */
  fileSize: number;
  /** -G: start a new file once this many seconds have passed (0: never); the name goes through strftime. */
  seconds: number;
  /** -W: with -C, a ring of this many files; with -G alone, stop after this many (0: no limit). */
  fileCount: number;
  /** -z: a program run with each closed file's name. */
  postRotate?: string;
}

/** tcpdump's getWflagChars(): digits for numbers up to W - 1. */
export function countDigits(w: number): number {
  let c = 0;
  for (let x = w - 1; x > 0; x = Math.floor(x / 10)) c++;
  return c;
}

/**
 * tcpdump's MakeFilename(): the -w name through strftime when -G is on (at `epoch`), then, unless
 * both are 0, the file number `n` padded to `digits` (`%0*d`).
 */
export function makeFilename(template: string, epoch: number, strftimeOn: boolean, n: number, digits: number): string {
  const name = strftimeOn ? strftime(template, epoch) : template;
  return n === 0 && digits === 0 ? name : name + String(n).padStart(digits, '0');
}

/**
 * The start of the -G period holding `epoch`: periods are whole multiples of `seconds` of local
 * time (a -G 3600 file starts on the hour, a -G 86400 one at local midnight), where tcpdump starts
 * each one at the first packet after the last one ended and so drifts later with every file.
 */
export function periodStart(epoch: number, seconds: number): number {
  const offset = -new Date(epoch * 1000).getTimezoneOffset() * 60;
  return Math.floor((epoch + offset) / seconds) * seconds - offset;
}

/**
 * A series of capture files, cut as tcpdump cuts them. Before each frame: with -G, once the clock
 * has reached the end of the current period, the file is closed and the next one opened, named
 * through strftime at the new period's start (the first file: at the start of the capture, as
 * tcpdump); with -G and -W alone, the W-th such close ends the capture (`limitReached`). Then with
 * -C, once the file is larger than the limit, the next number (wrapping at -W) is opened. -z runs
 * on every file closed, the last one too. Each file starts with its own header (pcapng: SHB and
 * every interface's IDB again, in the same order).
 */
export class RotatingWriter implements FrameSink {
  readonly #template: string;
  readonly #o: RotationOptions;
  readonly #open: (path: string, previous: FrameSink | undefined) => FrameSink;
  readonly #now: () => number;
  readonly #digits: number;
  #current: FrameSink | undefined;
  #currentClosed = false;
  #path: string;
  #iface: CaptureInterface | undefined;
  /** Start of the current -G period (s), what the name's strftime uses, and when the next begins. */
  #periodTime: number;
  #nextPeriod: number;
  /** tcpdump's Gflag_count and Cflag_count. */
  #periods = 0;
  #fileNumber = 0;
  /** Set when -G with -W has made its last file: nothing more is written. */
  limitReached = false;
  /** Names of the files opened, in order (for the caller's report and for tests). */
  readonly opened: string[] = [];

  /**
   * `start` (s) names the first -G file: tcpdump takes the time as it reads its options, so the
   * caller passes when vcap started rather than when the capture got going.
   */
  constructor(template: string, o: RotationOptions, open: (path: string, previous: FrameSink | undefined) => FrameSink,
    now: () => number = () => Date.now() / 1000, private readonly onError: (message: string) => void = () => {}, startTime = now()) {
    this.#template = template;
    this.#o = o;
    this.#open = open;
    this.#now = now;
    this.#digits = o.fileCount > 0 ? countDigits(o.fileCount) : 0;
    const start = Math.floor(startTime);
    this.#periodTime = start;
    this.#nextPeriod = o.seconds > 0 ? periodStart(start, o.seconds) + o.seconds : Infinity;
    this.#path = this.#name(0);
    this.#openFile();
  }

  get size(): number { return this.#current?.size ?? 0; }

  /** The file being written. */
  get path(): string { return this.#path; }

  useInterface(iface: CaptureInterface): void {
    this.#iface = iface;
    this.#current?.useInterface(iface);
  }

  writePacket(bytes: Uint8Array, offset: number, capLen: number, origLen: number, sec: number, nsec: number, flags: number, drops: number): void {
    if (!this.#rotateIfDue()) return;
    this.#current!.writePacket(bytes, offset, capLen, origLen, sec, nsec, flags, drops);
  }

  /**
   * writePacket() for a run of frames, written in place: the same checks before the run's first
   * frame and again wherever -C cuts it (-G's clock is read once per run: the frames of one ring
   * block are handled within microseconds of each other).
   */
  writeInPlace(batch: Batch, from: number, to: number): number {
    for (let i = from; i < to;) {
      if (!this.#rotateIfDue()) return to - from;
      const n = this.#current!.writeInPlace?.(batch, i, to, this.#o.fileSize > 0 ? this.#o.fileSize : Infinity) ?? -1;
      if (n < 0) {
        if (i === from) return -1;
        // Every file of a series is of one format: not reached.
        throw new Error('a capture file of the series cannot be written in place');
      }
      i += n;
    }
    return to - from;
  }

  /** Before a frame: start the next file if -G's period or -C's size says so; false once -G -W has made its last file. */
  #rotateIfDue(): boolean {
    if (this.limitReached) return false;
    if (this.#o.seconds > 0) {
      const t = this.#now();
      if (t >= this.#nextPeriod) {
        this.#closeFile();
        this.#periods++;
        if (this.#o.fileSize === 0 && this.#o.fileCount > 0 && this.#periods >= this.#o.fileCount) {
          this.limitReached = true;
          return false;
        }
        this.#periodTime = periodStart(Math.floor(t), this.#o.seconds);
        this.#nextPeriod = this.#periodTime + this.#o.seconds;
        this.#fileNumber = 0;
        this.#path = this.#name(0);
        this.#openFile();
      }
    }
    if (this.#o.fileSize > 0 && this.#current!.size > this.#o.fileSize) {
      this.#closeFile();
      this.#fileNumber++;
      if (this.#o.fileCount > 0 && this.#fileNumber >= this.#o.fileCount) this.#fileNumber = 0;
      this.#path = this.#name(this.#fileNumber);
      this.#openFile();
    }
    return true;
  }

  flush(): void { this.#current?.flush(); }

  close(): void { this.#closeFile(); }

  /** With -C, numbered even the first time (tcpdump: MakeFilename(…, 0, WflagChars)); with -G alone, never. */
  #name(n: number): string {
    return makeFilename(this.#template, this.#periodTime, this.#o.seconds > 0, n, this.#o.fileSize > 0 ? this.#digits : 0);
  }

  #openFile(): void {
    const previous = this.#current;
    this.#current = this.#open(this.#path, previous);
    this.#currentClosed = false;
    this.opened.push(this.#path);
    if (this.#iface !== undefined) this.#current.useInterface(this.#iface);
  }

  #closeFile(): void {
    const f = this.#current;
    if (f === undefined || this.#currentClosed) return;
    // Kept (closed) so the next file can repeat its interfaces.
    this.#currentClosed = true;
    f.close();
    if (this.#o.postRotate !== undefined) this.#postRotate(this.#path);
  }

  /** -z: `CMD FILE`, in parallel with the capture, at the lowest priority (as tcpdump's compress_savefile). */
  #postRotate(path: string): void {
    const cmd = this.#o.postRotate!;
    try {
      const child = spawn(cmd, [path], { stdio: ['ignore', 'inherit', 'inherit'], detached: true });
      child.on('error', (e) => this.onError(`-z ${cmd} ${path}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'No such file or directory' : e.message}`));
      if (child.pid !== undefined) {
        try { setPriority(child.pid, 19); } catch { /* it may have finished already */ }
      }
      child.unref();
    } catch (e) {
      this.onError(`-z ${cmd} ${path}: ${(e as Error).message}`);
    }
  }
}
