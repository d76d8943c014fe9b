/**
 * A worker thread of parallel printing (parallel-print.ts): decodes and prints the batches the
 * main thread sends, each into a text of its own, and sends the text back with the TCP lookups it
 * left for the main thread (TcpSeqDeferred) and the calls its printers' call tables entered. Text
 * that depends on packets of other batches is not kept: a batch where a reply looked its call up
 * goes back to the main thread, which prints it again knowing every call before it (call-table.ts).
 */
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import type { PrintOptions } from '../output/text/options.js';
import { ChunkPrinter, jobBuffers } from './chunk-printer.js';
import type { PrintJob, PrintResult } from './parallel-print.js';

interface WorkerData { print: PrintOptions; linkType: number; port: MessagePort; signal: Int32Array; index: number; bundle: string | undefined }

const { print, linkType, port, signal, index } = workerData as WorkerData;
const printer = new ChunkPrinter(print, linkType, true);

parentPort!.on('message', (j: PrintJob) => {
  let r: PrintResult;
  try {
    r = printer.print(j);
    // The text given back is the text's now (or, too small, dropped).
    j.spare = undefined;
    // The build's run that writes the workers' code cache: now, while the main thread waits for this chunk (parallel-print.ts).
    (globalThis as { vcapChunkPrinted?: () => void }).vcapChunkPrinted?.();
    const transfer = [r.text.buffer, r.ops.buffer, r.nums.buffer] as ArrayBuffer[];
    // The chunk's arrays go back: to print it again, or to be used for another chunk.
    if (r.reprint === undefined) r.job = j;
    transfer.push(...jobBuffers(j));
    port.postMessage(r, transfer);
  } catch (e) {
    port.postMessage({ error: (e as Error).stack ?? String(e) });
  }
  // The main thread may be blocked waiting for this result (Atomics.wait): wake it.
  Atomics.add(signal, index, 1);
  Atomics.notify(signal, index);
});
