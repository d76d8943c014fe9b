/**
 * Printing a capture file on several threads (tcpdump uses one; here for a large pcap file, or
 * when VCAP_PRINT_WORKERS asks, see printPlan()): the main thread reads the file,
 * runs the filter and -c, and hands the chosen frames on in chunks to worker threads
 * (print-worker.ts), which decode and print them; when every worker has its fill of chunks, the
 * main thread prints the next chunk itself, the way a worker does, rather than wait. It writes the
 * texts in the order of the file. The text is byte for byte what one thread prints: the state
 * printing carries from packet to packet stays on the main thread — tcpdump's table of TCP
 * conversations for relative sequence numbers (the workers leave those numbers for it to fill in,
 * see TcpSeqDeferred), and the printers' tables of calls that replies are printed by (the workers
 * report the calls they print; a chunk where a reply looked its call up is printed again on the
 * main thread, see call-table.ts); output that needs other state (-#, -ttt, -ttttt) is printed on
 * one thread.
 *
 * Memory is bounded: at most IN_FLIGHT chunks per worker are out at once, and as many texts the
 * main thread printed wait behind them; then the main thread waits (Atomics.wait, no event loop
 * turn) for the oldest before going on.
 */
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker, MessageChannel, receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import type { Batch } from '../capture/batch.js';
import type { PrintOptions } from '../output/text/options.js';
import { PrintContext } from '../output/text/context.js';
import type { TextWriter } from '../output/text/writer.js';
import { TcpSeqFiller } from '../output/text/tcp-seq.js';
import { enterCalls, type LoggedCalls } from '../output/text/call-table.js';
import { ChunkPrinter, jobBuffers } from './chunk-printer.js';

/**
 * Frames of one chunk of the file, copied out of the reader's buffer (it is reused). The arrays
 * may be longer than the chunk: they go back and forth between the threads and are used again.
 */
export interface PrintJob {
  count: number;
  /** A text buffer given back, for the chunk's text (GatheringWriter.take). */
  spare?: Uint8Array;
  bytes: Uint8Array;
  offset: Uint32Array;
  capLen: Uint32Array;
  origLen: Uint32Array;
  sec: Float64Array;
  nsec: Float64Array;
}

/**
 * A chunk's text and the TCP lookups and numbers it left to fill in (TcpSeqDeferred's arrays); from
 * a worker, the calls its printers' call tables entered (which the main thread keeps for the whole
 * file) and, where a reply looked its call up, the chunk itself: the main thread prints that one
 * again (its text may depend on calls in chunks another thread printed); and the chunk's arrays, to
 * be used again.
 */
export interface PrintResult { text: Uint8Array; ops: Uint32Array; nums: Uint32Array; calls?: LoggedCalls; reprint?: PrintJob; job?: PrintJob }

/**
 * A chunk ends at this many frames or this many bytes of them, whichever comes first: several ms
 * of printing, so that handing it over (a message, a thread woken, which takes ms on a busy
 * machine) costs little beside it; small enough that the chunks out stay a few MB.
 */
const CHUNK_FRAMES = 16384, CHUNK_BYTES = 1 << 20;
/** Chunks out at once per worker: one being printed, two waiting (a worker never waits for the main thread). */
const IN_FLIGHT = 3;

/**
 * When a capture file is printed on more than one thread (see printPlan()): below this many
 * packets it does not win on the project's 2-core machine. A second thread costs ~0.4 s of CPU and
 * ~0.2 s of wall time before it helps (it starts a Node environment, and V8 compiles the printers
 * again for it), and the main thread then copies every chunk and fills in the TCP numbers the
 * worker left, 1.4–1.7× one thread's CPU in all: at 1M packets the wall time was 0.9–1.2× one
 * thread's depending on the capture, at 2M 0.89–0.97×, at 3M–10M 0.79–1.00× (BENCHMARKS.md,
 * "Printing a large file on two threads").
 */
export const AUTO_MIN_PACKETS = 3_000_000;

/**
 * How to print a pcap file of `fileSize` bytes: on how many worker threads beside the main thread
 * (0: the main thread alone), and whether that waits for the first batch, which tells how many
 * packets the file holds (`auto`). VCAP_PRINT_WORKERS=N asks for N worker threads (0: none); unset,
 * one worker when the machine has two cores or more and the file holds AUTO_MIN_PACKETS or more
 * (fewer with -c are not worth it either).
 */
export function printPlan(fileSize: number, count: number, env = process.env.VCAP_PRINT_WORKERS, cores = availableParallelism()): { workers: number; auto: boolean } {
  if (env !== undefined && env !== '') {
    const n = Number(env);
    return { workers: Number.isInteger(n) && n > 0 ? Math.min(n, 16) : 0, auto: false };
  }
  // The smallest record is a 16-byte header and a few bytes of frame: a smaller file cannot have enough.
  const enough = fileSize >= AUTO_MIN_PACKETS * 20 && (count === 0 || count >= AUTO_MIN_PACKETS);
  return { workers: cores >= 2 && enough ? 1 : 0, auto: true };
}

/** With printPlan()'s `auto`: whether a file of `fileSize` bytes holds enough packets, from how large its first batch's are. */
export function worthThreads(b: Batch, fileSize: number): boolean {
  const n = b.count;
  if (n === 0) return false;
  // The frames lie in the file's bytes, each after its record's 16-byte header.
  const bytes = b.offset[n - 1]! + b.capLen[n - 1]! - b.offset[0]! + 16;
  return (fileSize * n) / bytes >= AUTO_MIN_PACKETS;
}

/** Whether printing with these options can be split into independent chunks (see the file comment). */
export function canPrintInParallel(o: PrintOptions): boolean {
  // --smb: a trans2 reply prints what its request said (tcpdump keeps it from packet to packet).
  return !o.packetNumber && o.timeFormat !== 3 && o.timeFormat !== 5 && o.interfaceName === undefined && o.smb !== true;
}

/**
 * What a worker of the bundled CLI runs first (bin/vcap's way with the CLI's bundle): the worker's
 * bundle, a script compiled from the code cache beside it when that is not older than it (V8 checks
 * only the source's length), so that the worker neither parses it nor compiles what the cache holds.
 * The build's run that writes the cache (scripts/bundle-cli.mjs) writes it after every chunk, once
 * the chunk's printers have run and are compiled, before the chunk's text goes back (the main
 * thread may exit as soon as it has it).
 */
const WORKER_LOADER = `'use strict';
const { readFileSync, statSync, writeFileSync } = require('node:fs');
const { Script } = require('node:vm');
const { createRequire } = require('node:module');
const { dirname } = require('node:path');
const { workerData } = require('node:worker_threads');
const bundle = workerData.bundle, cache = bundle.replace(/[.]cjs$/, '.code-cache');
const mtime = (f) => { try { return statSync(f).mtimeMs; } catch { return -1; } };
const cachedData = mtime(cache) >= mtime(bundle) ? readFileSync(cache) : undefined;
const script = new Script(readFileSync(bundle, 'latin1'), { filename: bundle, cachedData });
const module = { exports: {} };
script.runInThisContext()(module.exports, createRequire(bundle), module, bundle, dirname(bundle));
if (process.env.VCAP_WRITE_WORKER_CODE_CACHE === '1') globalThis.vcapChunkPrinted = () => writeFileSync(cache, script.createCachedData());
`;

interface Lane { worker: Worker; port: MessagePort; index: number; received: number; out: number }

export class ParallelPrinter {
  readonly #lanes: Lane[] = [];
  /** Per lane: results posted so far (the worker adds one and wakes us). */
  readonly #signal: Int32Array;
  /**
   * The chunks not written yet, oldest first: a worker's lane (its text to come) or the text of a
   * chunk this thread printed.
   */
  readonly #queue: (Lane | PrintResult)[] = [];
  #next = 0;
  /** Prints, on this thread, a chunk that no worker has room for (as a worker would: see ChunkPrinter). */
  readonly #here: ChunkPrinter;
  /** Chunks printed by this thread and by the workers (for the tests: both must have printed some). */
  readonly printed = { here: 0, workers: 0 };
  /**
   * Chunks' arrays and texts back from the workers and written, to be used again: new ones, many MB
   * a second, would make V8 collect its old generation every few chunks (external memory).
   */
  readonly #freeJobs: PrintJob[] = [];
  readonly #freeTexts: Uint8Array[] = [];
  readonly #filler = new TcpSeqFiller();
  /** Numbers filled in go through a context's digit writer into the output. */
  readonly #ctx: PrintContext;
  readonly #print: PrintOptions;
  readonly #linkType: number;
  /** The main thread's printer of chunks (made at the first call a worker reports): its context's call tables have every call so far. */
  #local: ChunkPrinter | undefined = undefined;

  /** `chunkFrames`: frames per chunk at most (tests make chunks small, so that conversations cross them). */
  constructor(workers: number, print: PrintOptions, linkType: number, readonly out: TextWriter, readonly chunkFrames = CHUNK_FRAMES) {
    this.#ctx = new PrintContext(print, out);
    this.#print = print; this.#linkType = linkType;
    this.#here = new ChunkPrinter(print, linkType, true);
    this.#signal = new Int32Array(new SharedArrayBuffer(4 * workers));
    // The bundled CLI starts its workers from their bundle, through its code cache (WORKER_LOADER); the modules, from theirs.
    const bundle = import.meta.url.endsWith('.bundle.cjs') ? fileURLToPath(new URL('./print-worker.bundle.cjs', import.meta.url)) : undefined;
    for (let i = 0; i < workers; i++) {
      const { port1, port2 } = new MessageChannel();
      const worker = new Worker(bundle !== undefined ? WORKER_LOADER : new URL('./print-worker.js', import.meta.url), {
        eval: bundle !== undefined,
        workerData: { print, linkType, port: port2, signal: this.#signal, index: i, bundle },
        transferList: [port2],
        // The main thread's V8 flags (bin/vcap's), not the CLI's arguments.
        argv: [],
      });
      worker.unref();
      this.#lanes.push({ worker, port: port1, index: i, received: 0, out: 0 });
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
      this.#send(copyJob(b, chosen, start, end, this.#freeJobs.pop(), this.chunkFrames));
      start = end;
    }
  }

  #send(job: PrintJob): void {
    const lanes = this.#lanes, queue = this.#queue;
    // Memory stays bounded: the texts this thread printed wait behind the oldest worker's.
    while (queue.length >= IN_FLIGHT * (lanes.length + 1)) this.#writeOldest(true);
    while (queue.length > 0 && this.#writeOldest(false));
    for (let k = 0; k < lanes.length; k++) {
      const lane = lanes[this.#next]!;
      this.#next = (this.#next + 1) % lanes.length;
      if (lane.out < IN_FLIGHT) {
        job.spare = this.#freeTexts.pop();
        lane.worker.postMessage(job, jobBuffers(job));
        lane.out++;
        queue.push(lane);
        this.printed.workers++;
        return;
      }
    }
    // Every worker has a chunk being printed and more waiting: waiting for them would leave this core idle.
    job.spare = this.#freeTexts.pop();
    const r = this.#here.print(job);
    job.spare = undefined;
    if (r.reprint === undefined) this.#freeJobs.push(job);
    queue.push(r);
    this.printed.here++;
  }

  /**
   * Write the text of the oldest chunk out, waiting for it if `wait`; false when it was not back
   * (and `wait` was false).
   */
  #writeOldest(wait: boolean): boolean {
    const head = this.#queue[0]!;
    let r: PrintResult;
    if ('port' in head) {
      let m: { message: PrintResult | { error: string } } | undefined;
      while ((m = receiveMessageOnPort(head.port)) === undefined) {
        if (!wait) return false;
        Atomics.wait(this.#signal, head.index, head.received, 100);
      }
      head.received++; head.out--;
      if ('error' in m.message) throw new Error(`print worker: ${m.message.error}`);
      r = m.message;
    } else {
      r = head;
    }
    this.#queue.shift();
    if (r.job !== undefined) this.#freeJobs.push(r.job);
    if (r.reprint !== undefined) {
      this.#freeTexts.push(new Uint8Array(r.text.buffer));
      const job = r.reprint;
      r = (this.#local ??= new ChunkPrinter(this.#print, this.#linkType, false)).print(job);
      this.#freeJobs.push(job);
    } else {
      if (r.calls !== undefined) enterCalls((this.#local ??= new ChunkPrinter(this.#print, this.#linkType, false)).context, r.calls);
    }
    this.#write(r);
    this.#freeTexts.push(new Uint8Array(r.text.buffer));
    return true;
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
    while (this.#queue.length > 0) this.#writeOldest(true);
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

/**
 * Frames chosen[start..end) of `b`, copied: the span of the file buffer they lie in, and their
 * columns; into `reuse`'s arrays when they are large enough.
 */
function copyJob(b: Batch, chosen: Uint32Array, start: number, end: number, reuse: PrintJob | undefined, frames: number): PrintJob {
  const count = end - start;
  const first = chosen[start]!, last = chosen[end - 1]!;
  const from = b.offset[first]!, to = b.offset[last]! + b.capLen[last]!;
  let j: PrintJob;
  if (reuse !== undefined && reuse.bytes.length >= to - from && reuse.offset.length >= count) {
    j = reuse;
    j.count = count;
  } else {
    const n = Math.max(count, frames);
    // Its own ArrayBuffer (to transfer), not zeroed first: the bytes used are written over at once.
    // Room for a chunk of CHUNK_BYTES and a large last frame, so that the arrays serve again.
    j = { count, bytes: Buffer.allocUnsafeSlow(Math.max(to - from, CHUNK_BYTES + (CHUNK_BYTES >> 2))), offset: new Uint32Array(n), capLen: new Uint32Array(n), origLen: new Uint32Array(n), sec: new Float64Array(n), nsec: new Float64Array(n) };
  }
  j.bytes.set(b.bytes.subarray(from, to));
  const { offset, capLen, origLen, sec, nsec } = j;
  if (last - first === count - 1) {
    // Every frame of the run (no filter, or it kept them all): the columns copied whole.
    capLen.set(b.capLen.subarray(first, last + 1)); origLen.set(b.origLen.subarray(first, last + 1));
    sec.set(b.sec.subarray(first, last + 1)); nsec.set(b.nsec.subarray(first, last + 1));
    offset.set(b.offset.subarray(first, last + 1));
    for (let k = 0; k < count; k++) offset[k]! -= from;
    return j;
  }
  for (let k = 0; k < count; k++) {
    const i = chosen[start + k]!;
    offset[k] = b.offset[i]! - from; capLen[k] = b.capLen[i]!; origLen[k] = b.origLen[i]!;
    sec[k] = b.sec[i]!; nsec[k] = b.nsec[i]!;
  }
  return j;
}
