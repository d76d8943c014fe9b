/**
 * Prints one chunk of frames of parallel printing (parallel-print.ts) into a text of its own: what
 * a worker thread does with each chunk (print-worker.ts), and what the main thread does with a
 * chunk whose text depended on calls printed in other chunks (see PrintResult.reprint).
 */
import { PacketPrinter } from '../output/text/packet.js';
import type { PrintOptions } from '../output/text/options.js';
import { GatheringWriter } from '../output/text/writer.js';
import { TcpSeqDeferred } from '../output/text/tcp-seq.js';
import { recordCalls, takeCalls } from '../output/text/call-table.js';
import { Decoder } from '../decoders/decoder.js';
import type { PrintJob, PrintResult } from './parallel-print.js';

export class ChunkPrinter {
  readonly #out = new GatheringWriter();
  readonly #printer: PacketPrinter;
  readonly #deferred = new TcpSeqDeferred();
  readonly #decoder = new Decoder({ eager: true });

  /** `worker`: print on a worker thread (which returns the calls its printers' call tables entered, and a chunk where a reply looked one up, for the main thread). */
  constructor(print: PrintOptions, readonly linkType: number, readonly worker: boolean) {
    this.#printer = new PacketPrinter(print, linkType, this.#out);
    this.#printer.c.tcpSeqDeferred = this.#deferred;
    if (worker) recordCalls(this.#printer.c);
  }

  /** The printing context (its call tables are the ones the main thread keeps up to date). */
  get context(): PacketPrinter['c'] { return this.#printer.c; }

  print(j: PrintJob): PrintResult {
    const deferred = this.#deferred, printer = this.#printer, decoder = this.#decoder, linkType = this.linkType;
    deferred.clear();
    const { bytes, offset, capLen, origLen, sec, nsec } = j;
    for (let i = 0; i < j.count; i++) printer.printPacket(decoder.decode(bytes, linkType, offset[i]!, capLen[i]!, origLen[i]!), origLen[i]!, sec[i]!, nsec[i]!);
    const r: PrintResult = {
      text: this.#out.take(j.spare),
      ops: deferred.ops.slice(0, deferred.opCount * 12),
      nums: deferred.nums.slice(0, deferred.numCount * 3),
    };
    if (this.worker) {
      const t = takeCalls(printer.c);
      if (t !== undefined) r.calls = t.calls;
      // A reply printed by the call it answers: that call may be in a chunk another thread printed.
      if (t?.lookedUp === true) r.reprint = j;
    }
    return r;
  }
}

/** A chunk's arrays, to move to a worker (and back) with postMessage. */
export function jobBuffers(j: PrintJob): ArrayBuffer[] {
  const b = [j.bytes.buffer, j.offset.buffer, j.capLen.buffer, j.origLen.buffer, j.sec.buffer, j.nsec.buffer] as ArrayBuffer[];
  if (j.spare !== undefined) b.push(j.spare.buffer as ArrayBuffer);
  return b;
}
