/**
 * Printing a capture file on several threads (tcpdump uses one; here only when VCAP_PRINT_WORKERS
 * asks, see printWorkers()): the main thread reads the file,
 * runs the filter and -c, and hands the chosen frames on in chunks to worker threads
 * (print-worker.ts), which decode and print them; it writes their texts in the order of the
 * file. The text is byte for byte what one thread prints: the state printing carries from
 * packet to packet stays on the main thread — tcpdump's table of TCP conversations for relative
 * sequence numbers (the workers leave those numbers for it to fill in, see TcpSeqDeferred), and
 * tcpdump's cache of Rx calls and its map of NFS calls by xid (the workers report the calls they
 * print; a chunk with an Rx or NFS reply, printed by its call, is printed again on the main thread,
 * see ChunkPrinter); output that needs other state (-#, -ttt, -ttttt) is printed on one thread.
 *
 * Memory is bounded: at most IN_FLIGHT chunks per worker are out at once; the main thread waits
 * (Atomics.wait, no event loop turn) for the oldest before sending more.
 */
import { Worker, MessageChannel, receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import type { Batch } from '../capture/batch.js';
import type { PrintOptions } from '../output/text/options.js';
import { PrintContext } from '../output/text/context.js';
import type { TextWriter } from '../output/text/writer.js';
import { TcpSeqFiller } from '../output/text/tcp-seq.js';
import { enterRxCalls } from '../output/text/rx.js';
import { enterNfsCalls } from '../output/text/nfs.js';
import { ChunkPrinter } from './chunk-printer.js';

/** Frames of one chunk of the file, copied out of the reader's buffer (it is reused). */
export interface PrintJob {
  count: number;
  bytes: Uint8Array;
  offset: Uint32Array;
  capLen: Uint32Array;
  origLen: Uint32Array;
  sec: Float64Array;
  nsec: Float64Array;
}

/**
 * A chunk's text and the TCP lookups and numbers it left to fill in (TcpSeqDeferred's arrays); from
 * a worker, the Rx and NFS calls it printed (tcpdump's caches of calls, which the main thread keeps
 * for the whole file) and, where a reply looked its call up, the chunk itself: the main thread prints
 * that one again (its text may depend on calls in chunks another thread printed).
 */
export interface PrintResult { text: Uint8Array; ops: Uint32Array; nums: Uint32Array; rxCalls?: Uint32Array; nfsCalls?: (number | string)[]; reprint?: PrintJob }

/**
 * A chunk ends at this many frames or this many bytes of them, whichever comes first: several ms
 * of printing, so that handing it over (a message, a thread woken, which takes ms on a busy
 * machine) costs little beside it; small enough that the chunks out stay a few MB.
 */
const CHUNK_FRAMES = 16384, CHUNK_BYTES = 1 << 20;
/** Chunks out at once per worker: one being printed, two waiting (a worker never waits for the main thread). */
const IN_FLIGHT = 3;

/**
 * How many worker threads to print a file with: VCAP_PRINT_WORKERS (2 or more; unset, 0 or 1: one
 * thread, the default). Not on by default because it did not win where it was measured
 * (BENCHMARKS.md, "Printing on worker threads", 2026-12-06: the project's 2-core machine at load
 * 20–40): the workers and the main thread together took ~1.6× the CPU of one thread (each worker
 * compiles the printers again, the main thread copies chunks and fills in sequence numbers), and
 * with the other cores busy the wall time was longer too.
 */
export function printWorkers(): number {
  const env = process.env.VCAP_PRINT_WORKERS;
  if (env === undefined || env === '') return 0;
  const n = Number(env);
  return Number.isInteger(n) && n > 1 ? Math.min(n, 16) : 0;
}

/** Whether printing with these options can be split into independent chunks (see the file comment). */
export function canPrintInParallel(o: PrintOptions): boolean {
  // --smb: a trans2 reply prints what its request said (tcpdump keeps it from packet to packet).
  return !o.packetNumber && o.timeFormat !== 3 && o.timeFormat !== 5 && o.interfaceName === undefined && o.smb !== true;
}

interface Lane { worker: Worker; port: MessagePort; index: number; received: number }

export class ParallelPrinter {
  readonly #lanes: Lane[] = [];
  /** Per lane: results posted so far (the worker adds one and wakes us). */
  readonly #signal: Int32Array;
  /** Lanes of the chunks out, oldest first. */
  readonly #queue: number[] = [];
  #next = 0;
  readonly #filler = new TcpSeqFiller();
  /** Numbers filled in go through a context's digit writer into the output. */
  readonly #ctx: PrintContext;
  readonly #print: PrintOptions;
  readonly #linkType: number;
  /** The main thread's printer of chunks (made at the first Rx or NFS call): its context has every such call so far. */
  #local: ChunkPrinter | undefined = undefined;

  /** `chunkFrames`: frames per chunk at most (tests make chunks small, so that conversations cross them). */
  constructor(workers: number, print: PrintOptions, linkType: number, readonly out: TextWriter, readonly chunkFrames = CHUNK_FRAMES) {
    this.#ctx = new PrintContext(print, out);
    this.#print = print; this.#linkType = linkType;
    this.#signal = new Int32Array(new SharedArrayBuffer(4 * workers));
    const url = new URL(import.meta.url.endsWith('.bundle.cjs') ? './print-worker.bundle.js' : './print-worker.js', import.meta.url);
    for (let i = 0; i < workers; i++) {
      const { port1, port2 } = new MessageChannel();
      const worker = new Worker(url, {
        workerData: { print, linkType, port: port2, signal: this.#signal, index: i },
        transferList: [port2],
        // The main thread's V8 flags (bin/vcap's), not the CLI's arguments.
        argv: [],
      });
      worker.unref();
      this.#lanes.push({ worker, port: port1, index: i, received: 0 });
    }
  }

  /**
   * Print frames `chosen[0..n)` (indexes into `b`) after everything sent before: they go out in
   * chunks of up to CHUNK frames; text of earlier chunks is written as it comes back.
   */
  add(b: Batch, chosen: Uint32Array, n: number): void {
    const offset = b.offset;
    for (let start = 0; start < n;) {
      const limit = Math.min(n, start + this.chunkFrames), from = offset[chosen[start]!]!;
      let end = start + 1;
      while (end < limit && offset[chosen[end]!]! - from < CHUNK_BYTES) end++;
      this.#send(copyJob(b, chosen, start, end));
      start = end;
    }
  }

  #send(job: PrintJob): void {
    const lane = this.#next;
    this.#next = (this.#next + 1) % this.#lanes.length;
    while (this.#queue.length >= IN_FLIGHT * this.#lanes.length) this.#writeOldest();
    this.#lanes[lane]!.worker.postMessage(job, [job.bytes.buffer, job.offset.buffer, job.capLen.buffer, job.origLen.buffer, job.sec.buffer, job.nsec.buffer] as ArrayBuffer[]);
    this.#queue.push(lane);
  }

  /** Wait for the oldest chunk out and write its text. */
  #writeOldest(): void {
    const lane = this.#lanes[this.#queue.shift()!]!;
    let m: { message: PrintResult | { error: string } } | undefined;
    while ((m = receiveMessageOnPort(lane.port)) === undefined) Atomics.wait(this.#signal, lane.index, lane.received, 100);
    lane.received++;
    let r = m.message;
    if ('error' in r) throw new Error(`print worker: ${r.error}`);
    if (r.reprint !== undefined) r = (this.#local ??= new ChunkPrinter(this.#print, this.#linkType, false)).print(r.reprint);
    else {
      if (r.rxCalls !== undefined) enterRxCalls((this.#local ??= new ChunkPrinter(this.#print, this.#linkType, false)).context, r.rxCalls);
      if (r.nfsCalls !== undefined) enterNfsCalls((this.#local ??= new ChunkPrinter(this.#print, this.#linkType, false)).context, r.nfsCalls);
    }
    this.#write(r);
  }

  /** A chunk's text, with the relative sequence numbers it left out filled in. */
  #write(r: PrintResult): void {
    const { text, ops, nums } = r, out = this.out, filler = this.#filler, base = filler.base, ctx = this.#ctx;
    let at = 0, replayed = 0;
    for (let k = 0; k < nums.length; k += 3) {
      const pos = nums[k]!, raw = nums[k + 1]!, tag = nums[k + 2]!, op = tag >>> 2;
      while (replayed <= op) filler.replay(ops, replayed++);
      out.writeBytes(text, at, pos);
      at = pos;
      ctx.num((raw - base[tag & 3]!) >>> 0);
    }
    const opCount = ops.length / 12;
    while (replayed < opCount) filler.replay(ops, replayed++);
    out.writeBytes(text, at, text.length);
  }

  /** Write everything still out, in order. */
  finish(): void {
    while (this.#queue.length > 0) this.#writeOldest();
  }

  /** Stop the workers (after finish(), or on an error: what was out is dropped). */
  close(): void {
    for (const l of this.#lanes) {
      l.port.close();
      void l.worker.terminate();
    }
    this.#lanes.length = 0;
    this.#queue.length = 0;
  }
}

/** Frames chosen[start..end) of `b`, copied: the span of the file buffer they lie in, and their columns. */
function copyJob(b: Batch, chosen: Uint32Array, start: number, end: number): PrintJob {
  const count = end - start;
  const first = chosen[start]!, last = chosen[end - 1]!;
  const from = b.offset[first]!, to = b.offset[last]! + b.capLen[last]!;
  const bytes = new Uint8Array(to - from);
  bytes.set(b.bytes.subarray(from, to));
  const offset = new Uint32Array(count), capLen = new Uint32Array(count), origLen = new Uint32Array(count);
  const sec = new Float64Array(count), nsec = new Float64Array(count);
  if (last - first === count - 1) {
    // Every frame of the run (no filter, or it kept them all): the columns copied whole.
    capLen.set(b.capLen.subarray(first, last + 1)); origLen.set(b.origLen.subarray(first, last + 1));
    sec.set(b.sec.subarray(first, last + 1)); nsec.set(b.nsec.subarray(first, last + 1));
    offset.set(b.offset.subarray(first, last + 1));
    for (let k = 0; k < count; k++) offset[k]! -= from;
    return { count, bytes, offset, capLen, origLen, sec, nsec };
  }
  for (let k = 0; k < count; k++) {
    const i = chosen[start + k]!;
    offset[k] = b.offset[i]! - from; capLen[k] = b.capLen[i]!; origLen[k] = b.origLen[i]!;
    sec[k] = b.sec[i]!; nsec[k] = b.nsec[i]!;
  }
  return { count, bytes, offset, capLen, origLen, sec, nsec };
}
