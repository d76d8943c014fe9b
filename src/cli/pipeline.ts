/**
 * Builds and runs the pipeline the options ask for: source (capture file or live) → filter →
 * sinks (text printer, pcap/pcapng writer). Returns the exit status.
 */
import { fstatSync, readFileSync, statSync, writeSync } from 'node:fs';
import { isatty } from 'node:tty';
import type { Batch, CaptureStats } from '../capture/batch.js';
import type { CliOptions } from './options.js';
import { errnoText, openCaptureFile } from '../capture/capture-file.js';
import type { CaptureFile } from '../capture/capture-file.js';
import type { CaptureInterface, InterfaceStatistics } from '../capture/capture-interface.js';
import { directionWord } from '../capture/capture-interface.js';
import type { LiveSource } from '../capture/live.js';
import type { MergedSource } from '../capture/merge.js';
import type { FilterProgram } from '../filter/index.js';
import { PcapWriter } from '../output/pcap-writer.js';
import type { WriteCommitter } from '../output/pcap-writer.js';
import { PcapngWriter, systemDescription } from '../output/pcapng-writer.js';
import { RotatingWriter } from '../output/rotation.js';
import type { FrameSink } from '../output/rotation.js';
import type { PacketPrinter } from '../output/text/packet.js';
import type { JsonPrinter, JsonSource } from '../output/json.js';
import { TextWriter } from '../output/text/writer.js';
import { ProgressBar } from './progress.js';
import { linkTypeDescription, linkTypeName, LinkType } from '../decoders/link-type.js';
import { filterCompilerKnows } from '../decoders/link-type-names.js';
import type { Decoder } from '../decoders/decoder.js';
import { VcapError } from '../errors.js';
import { formatInterfaceSpec } from '../capture/interface-spec.js';
import type { ParallelPrinter } from './parallel-print.js';

/** Where the command's text goes: the process's stdout and stderr, or other descriptors when run in-process. */
export interface Stdio { readonly out: number; readonly err: number }
export const processStdio: Stdio = { out: 1, err: 2 };

function stderr(io: Stdio, line: string): void { writeSync(io.err, line + '\n'); }

/** Text written at once to the command's stdout (-d, -D): through a TextWriter, so a closed pipe is EPIPE as for packets. */
function writeOut(io: Stdio, text: string): void {
  const w = new TextWriter(io.out, false, Math.max(text.length, 1));
  w.write(text);
  w.flush();
}

type FilterModule = typeof import('../filter/index.js');
let filterModule: FilterModule | undefined;
/** The filter compiler, loaded only when there is an expression to compile (it is a sizable graph of modules). */
async function loadFilter(): Promise<FilterModule> {
  filterModule ??= await import('../filter/index.js');
  return filterModule;
}
function compileFilter(expression: string, linkType: number, snaplen: number): FilterProgram {
  // Callers awaited loadFilter() first whenever the expression is not empty.
  return filterModule!.compileFilter(expression, linkType, snaplen);
}
function formatProgram(program: FilterProgram, level: 1 | 2 | 3): string { return filterModule!.formatProgram(program, level); }

type PrinterModule = typeof import('../output/text/packet.js');
let printerModule: PrinterModule | undefined;
type JsonModule = typeof import('../output/json.js');
let jsonModule: JsonModule | undefined;
type DecoderModule = typeof import('../decoders/decoder.js');
let decoderModule: DecoderModule | undefined;
/** The run prints packets (as lines or --json): without -w, or with --print; never with --count. */
function printsPackets(o: CliOptions): boolean {
  return (o.write === undefined || o.printToo) && !o.countOnly;
}

/** The decoders and the printers (every protocol's, or --json's), loaded only for output that reads layers: -w alone never needs them. */
async function loadPrinters(o: CliOptions): Promise<void> {
  if (o.json) jsonModule ??= await import('../output/json.js');
  else if (printsPackets(o)) printerModule ??= await import('../output/text/packet.js');
  else return;
  decoderModule ??= await import('../decoders/decoder.js');
}
const plural = (n: number): string => (n === 1 ? '' : 's');

/** The filter expression: -F file wins over trailing arguments, as in tcpdump. */
function expressionOf(o: CliOptions): string {
  if (o.filterFile === undefined) return o.expression;
  try {
    return readFileSync(o.filterFile, 'latin1').replace(/#.*$/gm, ' ').trim();
  } catch (e) {
    throw new VcapError(`can't open ${o.filterFile}: ${(e as Error).message.replace(/^[A-Z]+: /, '').replace(/, open .*$/, '')}`, 'ENOENT');
  }
}

/** What the sinks need to know about where frames come from. */
interface SourceInfo {
  /** The interfaces known so far (a pcapng file may describe more as it goes). */
  interfaces: () => readonly CaptureInterface[];
  /** Counters for an interface's ISB at close (live capture; a file's own ISBs when rewriting one). */
  statistics?: (iface: CaptureInterface) => InterfaceStatistics | undefined;
  /**
   * Nanosecond timestamps in what is written (with --nano always). pcap is written as tcpdump -w
   * writes it, in µs unless --nano, whatever the source; pcapng keeps a file's own precision (a µs
   * pcap becomes a µs pcapng, an ns one ns) and is ns from live capture (if_tsresol 9).
   */
  pcapNano: boolean;
  pcapngNano: boolean;
  /** Several interfaces captured together: every text line names its interface. */
  multi: boolean;
  /** The pcapng section's comments to carry over when there is no --comment (rewriting a file). */
  comments?: readonly string[];
  /** Told how much of the file is whole after each write (the kill -9 guard, live capture). */
  committer?: WriteCommitter;
}

/**
 * The -w file, or with -C/-G the series of them, as tcpdump names them. pcapng files describe
 * every interface up front (each rotated file again, in the same order) and end with their ISBs.
 */
function openFrameSink(o: CliOptions, first: CaptureInterface, snaplen: number, src: SourceInfo, io: Stdio): FrameSink {
  const path = o.write!;
  const open = (file: string, previous: FrameSink | undefined): FrameSink => {
    if (!o.pcapng) return PcapWriter.open(file, { linkType: first.linkType, snaplen, nano: src.pcapNano || o.nano, committer: src.committer });
    const interfaces = previous instanceof PcapngWriter ? previous.interfaces : src.interfaces();
    return PcapngWriter.open(file, {
      linkType: first.linkType, snaplen, nano: src.pcapngNano || o.nano, interfaces, committer: src.committer, statistics: src.statistics,
      comment: o.comment ?? src.comments,
    });
  };
  if (o.fileSize === 0 && o.rotateSeconds === 0) return open(path, undefined);
  if (path === '-') throw new VcapError('-C and -G need a file to write (-w FILE), not the standard output', 'EINVAL');
  return new RotatingWriter(path, { fileSize: o.fileSize, seconds: o.rotateSeconds, fileCount: o.fileCount, postRotate: o.postRotate },
    open, undefined, (m) => stderr(io, `vcap: ${m}`), performance.timeOrigin / 1000);
}

/**
 * Everything downstream of the source: the filter (per link type), the printer (per link type,
 * so a file that mixes link types prints each frame as tcpdump would print its part alone), the
 * writer, -c. One instance serves a whole run; `batch` is the per-packet hot path.
 */
class Sinks {
  /**
   * Decodes each frame once, for every sink that reads layers (the text printer, --json): they
   * read the same Packet and its views. -w alone never decodes.
   */
  #decoder: Decoder | undefined;
  #printer: PacketPrinter | JsonPrinter | undefined;
  #printers = new Map<number, PacketPrinter>();
  /** -#'s count, across the printers of every link type and file. */
  readonly #numbering = { count: 0 };
  /** --json: one printer for every link type (it numbers the packets of the whole run). */
  #json: JsonPrinter | undefined;
  #filter: FilterProgram | undefined;
  #filters = new Map<number, FilterProgram | undefined>();
  #linkType = -1;
  #iface: CaptureInterface | undefined;
  /** The interface of batches that name none (TUN/TAP, libpcap): the source's one. */
  #first: CaptureInterface | undefined;
  /** Text prefixes of the current interface by epb_flags (direction bits and reception type), or none. */
  #prefixes: string[] | undefined;
  /** How many interfaces the source had described when #prefixes was worked out. */
  #interfaceCount = 0;
  readonly #prefixCache = new Map<CaptureInterface, string[]>();
  #writer: FrameSink | undefined;
  #text: TextWriter | undefined;
  /** epb_dropcount waiting for the next frame written (its own frame was filtered out). */
  #drops = 0;
  /** Text printed on worker threads (a large capture file), or none. */
  #parallel: ParallelPrinter | undefined;
  /** The frames of a batch that pass the filter and -c, for #parallel. */
  #chosen = new Uint32Array(0);
  /** Packets that passed the filter and went to the sinks. */
  captured = 0;
  done = false;

  constructor(readonly o: CliOptions, readonly expression: string, readonly snaplen: number, readonly filterInSource: boolean, readonly src: SourceInfo,
    readonly json: JsonSource = {}, readonly io: Stdio = processStdio) {}

  /** Open the sinks once the first interface is known. */
  open(first: CaptureInterface, snaplen: number, textFd: number, lineBuffered: boolean): void {
    // The filter first, as tcpdump does: a bad expression leaves no -w file behind.
    this.#filterFor(first.linkType);
    if (this.o.write !== undefined) this.#writer = openFrameSink(this.o, first, snaplen, this.src, this.io);
    if (printsPackets(this.o)) {
      this.#text = new TextWriter(textFd, lineBuffered);
      if (this.o.json) this.#json = new jsonModule!.JsonPrinter(this.#text, this.json);
      this.#decoder = new decoderModule!.Decoder({ eager: true });
    }
    this.#first = first;
    this.#use(first.linkType, first);
  }

  /**
   * Print on `workers` worker threads from now on (a capture file of one link type, text output):
   * they decode and print, this thread filters, counts and writes their text in order.
   */
  printInParallel(workers: number, Printer: typeof ParallelPrinter): void {
    this.#parallel = new Printer(workers, this.o.print, this.#linkType, this.#text!);
  }

  /** A batch for the worker threads: the filter and -c here, the rest there. */
  #parallelBatch(b: Batch, par: ParallelPrinter): void {
    const n = b.count, bytes = b.bytes, limit = this.o.count, filter = this.#filter;
    if (this.#chosen.length < n) this.#chosen = new Uint32Array(Math.max(n, 2 * this.#chosen.length));
    const chosen = this.#chosen;
    let k = 0;
    for (let i = 0; i < n; i++) {
      if (filter !== undefined && !filter.matches(bytes, b.offset[i]!, b.capLen[i]!, b.origLen[i]!)) continue;
      chosen[k++] = i;
      this.captured++;
      if (limit !== 0 && this.captured >= limit) { this.done = true; break; }
    }
    if (k > 0) par.add(b, chosen, k);
  }

  /** The filter for frames of `linkType` (compiled once per link type; undefined: no expression or filtered in the source). */
  #filterFor(linkType: number): FilterProgram | undefined {
    if (this.filterInSource) return undefined;
    if (!this.#filters.has(linkType)) {
      this.#filters.set(linkType, this.expression === '' ? undefined : compileFilter(this.expression, linkType, this.snaplen));
    }
    return this.#filters.get(linkType);
  }

  /**
   * The next file of a -V list: its frames without an interface of their own are `first`'s, and -c
   * counts again from 0 (tcpdump hands each file its own pcap_loop and count).
   */
  nextFile(first: CaptureInterface): void {
    this.#first = first;
    this.captured = 0;
    this.done = false;
  }

  /** The -C/-G series, when there is one. */
  get rotation(): RotatingWriter | undefined { return this.#writer instanceof RotatingWriter ? this.#writer : undefined; }

  /** The file being written (-w, or the current one of a series). */
  get outputPath(): string | undefined { return this.rotation?.path ?? this.o.write; }

  /** Switch to frames of `linkType` from `iface`. */
  #use(linkType: number, iface: CaptureInterface | undefined): void {
    if (linkType !== this.#linkType) {
      if (this.#writer !== undefined && !this.o.pcapng && this.#linkType !== -1) {
        // A pcap file has one link type for all records; pcapng gives each interface its own block.
        throw new VcapError(`${this.o.write}: frames of link type ${linkTypeName(linkType)} after ${linkTypeName(this.#linkType)}: a pcap file holds one link type, write pcapng (--pcapng or a .pcapng name)`, 'ELINKTYPE');
      }
      this.#linkType = linkType;
      if (!this.filterInSource) this.#filter = this.#filterFor(linkType);
      if (this.#json) {
        this.#json.linkType = linkType;
        this.#printer = this.#json;
      } else if (this.#text) {
        let p = this.#printers.get(linkType);
        if (!p) { p = new printerModule!.PacketPrinter(this.o.print, linkType, this.#text, this.#numbering); this.#printers.set(linkType, p); }
        this.#printer = p;
      }
    }
    // Several interfaces: each JSON object names its own.
    if (this.#json !== undefined && this.src.multi && iface?.name !== undefined) this.json.interface = iface.name;
    this.#iface = iface;
    if (iface !== undefined) this.#writer?.useInterface(iface);
    this.#interfaceCount = this.src.interfaces().length;
    this.#prefixes = this.#text !== undefined && this.#json === undefined ? this.#prefixesOf(iface, linkType) : undefined;
  }

  /**
   * The interface name and direction before each line, padded as tcpdump -i any prints them
   * (`veth0 In  `): with several interfaces captured together, with --print-interface, and with -e
   * when the file describes more than one interface. Never for cooked v2 frames: their line
   * already starts with both (the `any` device).
   */
  #prefixesOf(iface: CaptureInterface | undefined, linkType: number): string[] | undefined {
    const o = this.o;
    if (linkType === LinkType.LINUX_SLL2) return undefined;
    if (!o.printInterface && !this.src.multi && !(o.print.linkHeader && this.src.interfaces().length > 1)) return undefined;
    const key = iface ?? NO_INTERFACE;
    let p = this.#prefixCache.get(key);
    if (p === undefined) {
      const name = (iface?.name ?? '?').padEnd(5);
      p = Array.from({ length: 32 }, (_, flags) => `${name} ${directionWord(flags).padEnd(3)} `);
      this.#prefixCache.set(key, p);
    }
    return p;
  }

  batch(b: Batch): void {
    if (this.done) return;
    if (this.#parallel !== undefined) { this.#parallelBatch(b, this.#parallel); return; }
    const iface = b.iface ?? this.#first;
    // A pcapng file may describe another interface as it goes: -e then starts naming them.
    if (b.linkType !== this.#linkType || iface !== this.#iface || this.src.interfaces().length !== this.#interfaceCount) this.#use(b.linkType, iface);
    // -w of a live ring's frames, nothing else to do with them: the kernel writes them from the ring.
    const writer = this.#writer;
    if (writer?.writeInPlace !== undefined && this.#filter === undefined && this.#decoder === undefined && (b.headroom ?? 0) > 0 && this.#writeInPlace(b, writer)) return;
    const prefixes = this.#prefixes;
    this.#drops = this.#frames(b, this.#drops + (b.drops ?? 0), prefixes);
    if (prefixes !== undefined) (this.#printer as PacketPrinter).prefix = undefined;
    // -G with -W alone: the last file is done, and so is the capture (tcpdump exits there).
    if (this.rotation?.limitReached) this.done = true;
  }

  /**
   * batch()'s loop over the frames; returns the drops not yet written. V8 optimises the loop while
   * it runs the first batch (on-stack replacement), and the first call ran its code before and
   * after the loop with no type feedback (a function's feedback is allocated only after a few
   * calls' worth of running): the code after the loop in that optimised code, and the code before
   * it in the next call's, deoptimised the whole loop with the decode and printers it inlines, and
   * it was compiled again. So there is nothing after the loop, and what does not change from frame
   * to frame is read in the loop, where the first batch gives it feedback (V8 keeps it in a register).
   */
  #frames(b: Batch, drops: number, prefixes: string[] | undefined): number {
    for (let i = 0; i < b.count; i++) {
      const bytes = b.bytes, limit = this.o.count, flags = b.flags, linkType = b.linkType;
      const filter = this.#filter, printer = this.#printer, writer = this.#writer, decoder = this.#decoder;
      const off = b.offset[i]!, cap = b.capLen[i]!, len = b.origLen[i]!;
      if (filter !== undefined && !filter.matches(bytes, off, cap, len)) continue;
      this.captured++;
      const f = flags === undefined ? 0 : flags[i]!;
      if (decoder !== undefined && printer !== undefined) {
        if (prefixes !== undefined) (printer as PacketPrinter).prefix = prefixes[f & 31];
        // One decode per frame; every sink that reads layers reads this Packet.
        printer.printPacket(decoder.decode(bytes, linkType, off, cap, len), len, b.sec[i]!, b.nsec[i]!);
      }
      if (writer !== undefined) {
        writer.writePacket(bytes, off, cap, len, b.sec[i]!, b.nsec[i]!, f, drops);
        drops = 0;
        if (this.o.packetBuffered) writer.flush();
      }
      if (limit !== 0 && this.captured >= limit) { this.done = true; break; }
    }
    return drops;
  }

  /**
   * The batch's frames up to -c, written in place (pcap from a live ring): nothing is buffered, so
   * -U's every frame in the file before the next wait holds too. False: the writer cannot (pcapng).
   */
  #writeInPlace(b: Batch, writer: FrameSink): boolean {
    const limit = this.o.count;
    const k = limit === 0 ? b.count : Math.min(b.count, limit - this.captured);
    if (k > 0 && writer.writeInPlace!(b, 0, k) < 0) return false;
    this.captured += k;
    // pcap records have no drop count (pcapng's epb_dropcount): nothing waits for the next frame.
    this.#drops = 0;
    if (limit !== 0 && this.captured >= limit) this.done = true;
    if (this.rotation?.limitReached) this.done = true;
    return true;
  }

  flush(): void {
    this.#parallel?.finish();
    this.#text?.flush();
    this.#writer?.flush();
  }

  close(): void {
    try {
      this.#parallel?.finish();
    } finally {
      this.#parallel?.close();
      this.#parallel = undefined;
    }
    this.#text?.flush();
    this.#writer?.close();
  }
}

/** The prefix cache's key for frames whose source names no interface. */
const NO_INTERFACE: CaptureInterface = { linkType: -1, snaplen: 0 };

/**
 * -Z: the source and the first output file are open; become the user (its own module: it loads
 * the addon). `file` is that first file (with -C/-G not the -w name itself); later ones are
 * created as the user.
 */
async function relinquish(o: CliOptions, file: string | undefined): Promise<void> {
  if (o.user === undefined) return;
  const { relinquishPrivileges } = await import('../capture/privileges.js');
  relinquishPrivileges(o.user, file !== undefined && file !== '-' ? [file] : []);
}

/** tcpdump's packet buffer timeout (the 1000 ms it passes to libpcap), for output nobody watches. */
const FILE_TIMEOUT_MS = 1000;
/** Buffered output to a regular file goes out with the first block this long after the last write (2× without one). */
const FILE_FLUSH_MS = 1000;

/**
 * Output to a regular file is not read while it is written (-U is for those who do), so ring blocks
 * may wait as long as tcpdump lets them and the buffer goes out once a second, not after each block:
 * fewer wakeups and writes per frame when traffic is sparse or mostly filtered out. A pipe or a
 * terminal gets every block as it comes.
 */
function outputIsRegularFile(o: CliOptions): boolean {
  try {
    if (o.write !== undefined && o.write !== '-') return statSync(o.write, { throwIfNoEntry: false })?.isFile() ?? true;
    return fstatSync(1).isFile();
  } catch {
    return false;
  }
}

function textIsTty(io: Stdio): boolean {
  try { return isatty(io.out); } catch { return false; }
}

/**
 * The progress bar for reading a file, when stderr is a terminal and nothing else shows progress:
 * the frames go to -w, or -q prints its lines somewhere other than a terminal.
 */
function progressBar(o: CliOptions, size: number | undefined, io: Stdio): ProgressBar | undefined {
  try {
    // isatty(2), not process.stderr.isTTY: that makes Node build a stream for stderr (and load its
    // modules) at every start, for the few runs that show a bar.
    if (!isatty(2)) return undefined;
    if (o.write === undefined && !(o.print.quiet && !textIsTty(io))) return undefined;
    if (o.write === '-' && textIsTty(io)) return undefined;
    return new ProgressBar(size, process.stderr.columns || 80);
  } catch {
    return undefined;
  }
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;


/**
 * -V: the capture files the list names, one per line; only the newline is taken off each, as tcpdump's
 * get_next_file does (an empty line names a file called '').
 */
function listedFiles(list: string): string[] {
  let text: string;
  try {
    text = readFileSync(list === '-' ? 0 : list, 'latin1');
  } catch (e) {
    throw new VcapError(`Unable to open file: ${errnoText(e)}`, 'EBADFILE');
  }
  const paths = text.split('\n');
  if (paths.at(-1) === '') paths.pop();
  if (paths.length === 0) throw new VcapError(`Nothing in ${list}`, 'EBADFILE');
  return paths;
}

/** tcpdump's line for each file it opens. */
function announceFile(io: Stdio, path: string, file: CaptureFile): void {
  stderr(io, `reading from file ${path}, link-type ${linkTypeDescription(file.linkType)}, snapshot length ${file.snaplen}`);
}

/**
 * libpcap compiles a filter, even an empty one, for every file tcpdump reads, and its compiler
 * refuses link types it has no entry for, whatever the command line.
 */
function checkLinkType(file: CaptureFile): void {
  if (!filterCompilerKnows(file.linkType)) throw new VcapError(`unknown data link type ${file.linkType} (min 104, max 289)`, 'ELINKTYPE');
}

/** -r FILE, or -V's files one after another into the same sinks. */
async function runFile(o: CliOptions, paths: string[], io: Stdio): Promise<number> {
  let file: CaptureFile = openCaptureFile(paths[0]!);
  let stopped = false;
  const stop = (): void => { stopped = true; file.stop(); };
  try {
    // tcpdump's order: this line as soon as the file is open, then the filter (read from -F, compiled),
    // then -d or the output; so a bad expression follows the line, and -w creates no file.
    announceFile(io, paths[0]!, file);
    checkLinkType(file);
    const expression = expressionOf(o);
    if (expression !== '' || o.dumpProgram) await loadFilter();
    if (o.dumpProgram) {
      const prog = compileFilter(expression, file.linkType, file.snaplen);
      writeOut(io, formatProgram(prog, o.dumpProgram));
      return 0;
    }
    await loadPrinters(o);
    // Rewriting a file keeps what it says: its interfaces (names, filters), its comments, its
    // statistics, and its timestamps' precision.
    const sinks = new Sinks(o, expression, file.snaplen, false, {
      // The file being read (-V: each in turn).
      interfaces: () => file.interfaces, statistics: (iface) => iface.statistics, pcapNano: false, pcapngNano: file.nano, multi: false,
      comments: file.section?.comments,
    }, {}, io);
    // -U makes printed output packet-buffered too. -Z once -w is open, as tcpdump does.
    const lineBuffered = o.lineBuffered || o.packetBuffered || textIsTty(io);
    sinks.open(file.interfaces[0] ?? { linkType: file.linkType, snaplen: file.snaplen }, file.snaplen, io.out, lineBuffered);
    // A large pcap file printed as text is decoded and printed on two threads, or as many as
    // VCAP_PRINT_WORKERS asks (parallel-print.ts); when that depends on how many packets the file
    // holds, the first batch tells. pcapng may change link type or interface from block to block: one thread.
    let threads: ((b: Batch) => void) | undefined;
    if (o.write === undefined && !o.json && !o.countOnly && !lineBuffered && file.format === 'pcap' && paths.length === 1) {
      const { printPlan, canPrintInParallel, worthThreads, ParallelPrinter } = await import('./parallel-print.js');
      const size = file.size ?? 0, plan = printPlan(size, o.count);
      if (plan.workers > 0 && canPrintInParallel(o.print)) {
        if (!plan.auto) sinks.printInParallel(plan.workers, ParallelPrinter);
        else threads = (b) => { if (worthThreads(b, size)) sinks.printInParallel(plan.workers, ParallelPrinter); };
      }
    }
    await relinquish(o, sinks.outputPath);
    const progress = paths.length === 1 ? progressBar(o, file.size, io) : undefined;
    let packets = 0, counted = 0;
    const firstLinkType = file.linkType;
    // A signal stops the reading; what was read is written and the file closed whole.
    for (const s of SIGNALS) process.on(s, stop);
    try {
      for (let k = 1; ; k++) {
        await file.run((b) => {
          if (threads !== undefined) { threads(b); threads = undefined; }
          sinks.batch(b);
          packets += b.count;
          progress?.update(file.bytesRead, packets);
          if (sinks.done) file.stop();
        });
        if (k === paths.length || stopped || sinks.rotation?.limitReached) break;
        // -V's next file (an error opening it ends the run with what came before printed or written).
        const next = openCaptureFile(paths[k]!);
        file.close();
        file = next;
        // A pcap file holds one link type (tcpdump writes nothing else). The checks come before the
        // line, as tcpdump announces a file once its filter is set.
        if (o.write !== undefined && file.linkType !== firstLinkType) throw new VcapError(`${paths[k]}: new dlt does not match original`, 'ELINKTYPE');
        checkLinkType(file);
        announceFile(io, paths[k]!, file);
        counted += sinks.captured;
        sinks.nextFile(file.interfaces[0] ?? { linkType: file.linkType, snaplen: file.snaplen });
      }
    } finally {
      // Whatever was read before damage is printed or written before the error line.
      sinks.close();
      progress?.finish(file.bytesRead, packets);
      // --count: the packets that passed the filter (up to -c), on stdout, as tcpdump words it;
      // after damage, those before it (tcpdump prints them after its error line, on stderr).
      counted += sinks.captured;
      if (o.countOnly) writeOut(io, `${counted} packet${counted === 1 ? '' : 's'}\n`);
    }
    if (sinks.rotation?.limitReached) stderr(io, `Maximum file limit reached: ${o.fileCount}`);
    return 0;
  } finally {
    for (const s of SIGNALS) process.off(s, stop);
    file.close();
  }
}

/** --json's interface: the source's, or for `-i any` the one each cooked v2 header names by index. */
async function jsonSourceOf(src: LiveSource): Promise<JsonSource> {
  if (src.name !== 'any') return { interface: src.name };
  // In another namespace the names are that namespace's (the source asks over netlink), not vcap's.
  if (src.netns !== undefined && src.interfaceName !== undefined) return { interface: src.name, interfaceName: (index) => src.interfaceName!(index) };
  const { native } = await import('../capture/native.js');
  return { interface: src.name, interfaceName: (index) => native().ifName(index) };
}

/** Block timeout with several interfaces: the merge holds frames until every ring has handed over what came before them. */
const MULTI_TIMEOUT_MS = 100;

/** pcapng's ISB for a live source's counters. */
function interfaceStatistics(st: CaptureStats): InterfaceStatistics {
  const end = st.endMs ?? Date.now();
  const t = (ms: number): [number, number] => [Math.floor(ms / 1000), (ms % 1000) * 1000000];
  const [sec, nsec] = t(end);
  const isb: InterfaceStatistics = { sec, nsec, endSec: sec, endNsec: nsec, usrDeliv: st.delivered, ifRecv: st.ifRecv, ifDrop: st.ifDrop };
  if (st.startMs !== undefined) [isb.startSec, isb.startNsec] = t(st.startMs);
  // The libpcap backend's two counts are vcap's own, not the kernel's: left out.
  if (st.unavailable === undefined) {
    isb.filterAccept = st.received;
    isb.osDrop = st.dropped;
  }
  return isb;
}

/**
 * The process that cuts the capture file back to whole records if vcap is killed (file-guard.ts),
 * started before any socket or ring exists so the fork copies little. Without it (no addon, a
 * failed fork) capture goes on unguarded.
 */
async function startGuard(o: CliOptions): Promise<WriteCommitter | undefined> {
  if (o.write === undefined || o.write === '-') return undefined;
  try {
    const [{ native }, { FileGuard }] = await Promise.all([import('../capture/native.js'), import('../output/file-guard.js')]);
    return new FileGuard(native().fileGuard());
  } catch {
    return undefined;
  }
}

async function runLive(o: CliOptions, io: Stdio): Promise<number> {
  const expression = expressionOf(o);
  if (expression !== '' || o.dumpProgram) await loadFilter();
  await loadPrinters(o);
  const tty = textIsTty(io);
  const toFile = !o.packetBuffered && outputIsRegularFile(o);
  const specs = o.interfaces;
  const multi = specs.length > 1;
  if (multi && (o.tun !== undefined || o.tap !== undefined)) throw new VcapError('several -i cannot be combined with --tun or --tap', 'EINVAL');
  if (multi && specs.some((i) => i.name === 'any')) throw new VcapError('-i any already captures every interface: it cannot be combined with other -i', 'EINVAL');
  const where = (spec: { name: string; netns?: string | undefined }): string => formatInterfaceSpec({ name: spec.name, netns: spec.netns ?? o.netns });
  const twice = specs.find((x, i) => specs.findIndex((y) => where(y) === where(x)) !== i);
  if (twice !== undefined) throw new VcapError(`-i ${where(twice)} is given twice (each frame would be captured twice)`, 'EINVAL');
  const committer = o.dumpProgram ? undefined : await startGuard(o);
  // Loaded only here: reading files never touches the native addon.
  const [{ openLive }, { MergedSource }] = await Promise.all([import('../capture/live.js'), import('../capture/merge.js')]);
  const immediate = o.immediate || o.lineBuffered || (tty && o.write === undefined);
  const sources: LiveSource[] = [];
  try {
    for (const spec of specs.length > 0 ? specs : [undefined]) {
      sources.push(await openLive({
        // --netns is the namespace of every -i that names none of its own.
        interface: spec?.name, netns: spec?.netns ?? o.netns, tun: o.tun, tap: o.tap, addr: o.addr, snaplen: o.snaplen, bufferKiB: o.bufferKiB,
        promiscuous: o.promiscuous, direction: o.direction, immediate,
        timeoutMs: multi ? MULTI_TIMEOUT_MS : toFile ? FILE_TIMEOUT_MS : undefined, backend: o.backend, filter: expression, reply: o.reply,
        linkType: o.linkType,
      }));
    }
  } catch (e) {
    for (const s of sources) s.close();
    throw e;
  }
  const os = systemDescription().os;
  const ifaces = sources.map((s): CaptureInterface => {
    const iface = s.iface ?? { linkType: s.linkType, snaplen: s.snaplen };
    // veth0@vb in another namespace: two containers may both have an eth0.
    iface.name = formatInterfaceSpec(s);
    if (expression !== '') iface.filter = expression;
    iface.os = os;
    return iface;
  });
  const capture: LiveSource | MergedSource = multi ? new MergedSource(sources, ifaces) : sources[0]!;
  // tcpdump's word that -y took, once the device is open as that link type.
  if (o.linkType !== undefined) stderr(io, `vcap: data link type ${linkTypeName(o.linkType)}`);
  let interrupted = false;
  const stop = (): void => { interrupted = true; capture.stop(); };
  let sinks: Sinks | undefined;
  try {
    if (expression !== '' || o.dumpProgram) {
      for (const src of sources) {
        const prog = compileFilter(expression, src.linkType, src.snaplen);
        if (o.dumpProgram) {
          writeOut(io, formatProgram(prog, o.dumpProgram));
          return 0;
        }
        src.setFilter(prog);
      }
    }
    for (const s of SIGNALS) process.on(s, stop);
    const snaplen = Math.max(...sources.map((s) => s.snaplen));
    // -i any in another namespace: its interface names, not those of vcap's /sys.
    const names = sources.length === 1 ? sources[0]!.interfaceName?.bind(sources[0]) : undefined;
    const so = names && sources[0]!.netns !== undefined ? { ...o, print: { ...o.print, interfaceName: names } } : o;
    const opened = new Sinks(so, expression, snaplen, true, {
      interfaces: () => ifaces, pcapNano: false, pcapngNano: true, multi, committer,
      statistics: (iface) => {
        const i = ifaces.indexOf(iface);
        return i < 0 ? undefined : interfaceStatistics(sources[i]!.stats());
      },
    }, o.json ? await jsonSourceOf(sources[0]!) : {}, io);
    opened.open(ifaces[0]!, snaplen, io.out, o.lineBuffered || o.packetBuffered || tty);
    // A -Z failure is the only output, as with tcpdump (no counters: nothing was captured).
    await relinquish(o, opened.outputPath);
    sinks = opened;
    if (!o.print.verbose && o.write === undefined && !o.json) stderr(io, 'vcap: verbose output suppressed, use -v[v]... for full protocol decode');
    for (const src of sources) stderr(io, `listening on ${formatInterfaceSpec(src)}, link-type ${linkTypeDescription(src.linkType)}, snapshot length ${src.snaplen} bytes`);
    const s = sinks;
    let flushed = Date.now();
    let backstop: NodeJS.Timeout | undefined;
    let flushError: unknown;
    const flushFile = (): void => {
      if (backstop !== undefined) { clearTimeout(backstop); backstop = undefined; }
      s.flush();
      flushed = Date.now();
    };
    try {
      await capture.run((b) => {
        s.batch(b);
        if (!toFile) {
          // A block holds what arrived in up to ~100 ms: hand it on so a reader of our pipe sees it now.
          s.flush();
        } else if (Date.now() - flushed >= FILE_FLUSH_MS) {
          flushFile();
        } else if (backstop === undefined) {
          // No further block may come for a while (sparse traffic): the file is still written soon.
          backstop = setTimeout(() => {
            backstop = undefined;
            try { flushFile(); } catch (e) { flushError = e; capture.stop(); }
          }, 2 * FILE_FLUSH_MS).unref();
        }
        if (s.done) capture.stop();
      });
    } finally {
      if (backstop !== undefined) clearTimeout(backstop);
    }
    if (flushError !== undefined) throw flushError;
    return 0;
  } finally {
    for (const s of SIGNALS) process.off(s, stop);
    try {
      // pcapng: each interface's ISB goes in before the file closes (the sources' counters are final).
      sinks?.close();
      // Interrupted mid-capture, tcpdump ends the text with a newline in case a line was cut.
      // JSON lines never end cut: no blank line.
      if (interrupted && o.write === undefined && !o.json) writeSync(io.out, '\n');
    } finally {
      const st = capture.stats();
      const captured = sinks?.captured ?? 0;
      capture.close();
      if (sinks) {
        if (sinks.rotation?.limitReached) stderr(io, `Maximum file limit reached: ${o.fileCount}`);
        stderr(io, `${captured} packet${plural(captured)} captured`);
        if (st.unavailable !== undefined) stderr(io, st.unavailable);
        else {
          stderr(io, `${st.received} packet${plural(st.received)} received by filter`);
          stderr(io, `${st.dropped} packet${plural(st.dropped)} dropped by kernel`);
        }
      }
    }
  }
}

/** -D: one interface a line, as tcpdump lists them (--netns: another namespace's); --json: the same with every detail. */
/** -L: tcpdump's list of the link types -y may pick for the device -i names (or the default one), on stderr as tcpdump prints it. */
async function printLinkTypes(o: CliOptions, io: Stdio): Promise<number> {
  if (o.interfaces.length > 1) throw new VcapError('-L lists the link types of one device: give one -i', 'EUSAGE');
  const [{ deviceLinkTypeList }, { printsLinkType }] = await Promise.all([import('../capture/live.js'), import('../output/text/packet.js')]);
  const spec = o.interfaces[0];
  const { name, linkTypes } = deviceLinkTypeList(spec === undefined ? undefined : formatInterfaceSpec(spec), o.netns);
  stderr(io, `Data link types for ${name} (use option -y to set):`);
  for (const lt of linkTypes) stderr(io, `  ${linkTypeDescription(lt)}${printsLinkType(lt) ? '' : ' (printing not supported)'}`);
  return 0;
}

async function printInterfaces(o: CliOptions, io: Stdio): Promise<number> {
  const { listInterfaces } = await import('../capture/live.js');
  const list = listInterfaces(o.netns);
  let s = '';
  if (o.json) s = `${JSON.stringify(list, null, 2)}\n`;
  else for (const i of list) s += `${i.index}.${i.name}${i.description ? ` (${i.description})` : ''} [${i.flags.join(', ')}]\n`;
  writeOut(io, s);
  return 0;
}

export async function runPipeline(o: CliOptions, io: Stdio = processStdio): Promise<number> {
  if (o.listInterfaces) return printInterfaces(o, io);
  if (o.listLinkTypes) return printLinkTypes(o, io);
  if (o.read !== undefined) return runFile(o, [o.read], io);
  if (o.readList !== undefined) return runFile(o, listedFiles(o.readList), io);
  if (o.dumpProgram && o.interfaces.length === 0 && o.tun === undefined && o.tap === undefined) {
    // No source named: compile for Ethernet, as tcpdump -d does for its default device.
    await loadFilter();
    writeOut(io, formatProgram(compileFilter(expressionOf(o), LinkType.EN10MB, o.snaplen || 262144), o.dumpProgram));
    return 0;
  }
  return runLive(o, io);
}
