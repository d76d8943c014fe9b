/**
 * A worker thread of parallel printing (parallel-print.ts): decodes and prints the batches the
 * main thread sends, each into a text of its own, and sends the text back with the TCP lookups it
 * left for the main thread (TcpSeqDeferred). It keeps no state from one batch to the next that
 * the text depends on.
 */
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { PacketPrinter } from '../output/text/packet.js';
import type { PrintOptions } from '../output/text/options.js';
import { GatheringWriter } from '../output/text/writer.js';
import { TcpSeqDeferred } from '../output/text/tcp-seq.js';
import { Decoder } from '../decoders/decoder.js';
import type { PrintJob, PrintResult } from './parallel-print.js';

interface WorkerData { print: PrintOptions; linkType: number; port: MessagePort; signal: Int32Array; index: number }

const { print, linkType, port, signal, index } = workerData as WorkerData;
const out = new GatheringWriter();
const printer = new PacketPrinter(print, linkType, out);
const deferred = new TcpSeqDeferred();
printer.c.tcpSeqDeferred = deferred;
const decoder = new Decoder({ eager: true });

function printJob(j: PrintJob): PrintResult {
  deferred.clear();
  const { bytes, offset, capLen, origLen, sec, nsec } = j;
  for (let i = 0; i < j.count; i++) printer.printPacket(decoder.decode(bytes, linkType, offset[i]!, capLen[i]!, origLen[i]!), origLen[i]!, sec[i]!, nsec[i]!);
  return {
    text: out.take(),
    ops: deferred.ops.slice(0, deferred.opCount * 12),
    nums: deferred.nums.slice(0, deferred.numCount * 3),
  };
}

parentPort!.on('message', (j: PrintJob) => {
  let r: PrintResult;
  try {
    r = printJob(j);
    port.postMessage(r, [r.text.buffer, r.ops.buffer, r.nums.buffer] as ArrayBuffer[]);
  } catch (e) {
    port.postMessage({ error: (e as Error).stack ?? String(e) });
  }
  // The main thread may be blocked waiting for this result (Atomics.wait): wake it.
  Atomics.add(signal, index, 1);
  Atomics.notify(signal, index);
});
