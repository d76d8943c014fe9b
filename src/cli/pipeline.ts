/**
 * Builds and runs the pipeline the options ask for: source (capture file or live) → filter →
 * sinks (text printer, pcap/pcapng writer). Returns the exit status.
 */
import { fstatSync, readFileSync, statSync, writeSync } from 'node:fs';
import { isatty } from 'node:tty';
import type { Batch } from '../capture/batch.js';
import type { CliOptions } from './options.js';
import { openCaptureFile } from '../capture/capture-file.js';
import type { LiveSource } from '../capture/live.js';
import type { FilterProgram } from '../filter/index.js';
import { PcapWriter } from '../output/pcap-writer.js';
import { PcapngWriter } from '../output/pcapng-writer.js';
import type { PacketPrinter } from '../output/text/packet.js';
import type { JsonPrinter, JsonSource } from '../output/json.js';
import { TextWriter } from '../output/text/writer.js';
import { ProgressBar } from './progress.js';
import { linkTypeDescription, linkTypeName, LinkType } from '../decoders/link-type.js';
import { filterCompilerKnows } from '../decoders/link-type-names.js';
import { VcapError } from '../errors.js';
import { formatInterfaceSpec } from '../capture/interface-spec.js';

interface FrameWriter {
  /** `linkType` picks the pcapng interface; a pcap writer has one link type (checked in Sinks.use). */
  writeFrame(bytes: Uint8Array, offset: number, capLen: number, origLen: number, sec: number, nsec: number, linkType?: number): void;
  flush(): void;
  close(): void;
}

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
/** The printers (every protocol's), loaded only for text output: -w and --json never need them. */
async function loadPrinters(o: CliOptions): Promise<void> {
  if (o.json) jsonModule ??= await import('../output/json.js');
  else if (o.write === undefined) printerModule ??= await import('../output/text/packet.js');
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

/**
 * Everything downstream of the source, per link type: the filter, the printer or the writer, -c.
 * One instance serves a whole run; `frame` is the per-packet hot path.
 */
class Sinks {
  #printer: PacketPrinter | JsonPrinter | undefined;
  #printers = new Map<number, PacketPrinter>();
  /** --json: one printer for every link type (it numbers the packets of the whole run). */
  #json: JsonPrinter | undefined;
  #filter: FilterProgram | undefined;
  #filters = new Map<number, FilterProgram | undefined>();
  #linkType = -1;
  #writer: FrameWriter | undefined;
  #text: TextWriter | undefined;
  /** Packets that passed the filter and went to the sinks. */
  captured = 0;
  done = false;

  constructor(readonly o: CliOptions, readonly expression: string, readonly snaplen: number, readonly filterInSource: boolean,
    readonly source: JsonSource = {}) {}

  /** Open the sinks once the first link type is known. */
  open(linkType: number, snaplen: number, textFd: number, lineBuffered: boolean): void {
    // The filter first, as tcpdump does: a bad expression leaves no -w file behind.
    this.#filterFor(linkType);
    if (this.o.write !== undefined) {
      const opts = { linkType, snaplen, nano: this.o.nano };
      this.#writer = this.o.pcapng ? PcapngWriter.open(this.o.write, opts) : PcapWriter.open(this.o.write, opts);
    } else {
      this.#text = new TextWriter(textFd, lineBuffered);
      if (this.o.json) this.#json = new jsonModule!.JsonPrinter(this.#text, this.source);
    }
    this.use(linkType);
  }

  /** The filter for frames of `linkType` (compiled once per link type; undefined: no expression or filtered in the source). */
  #filterFor(linkType: number): FilterProgram | undefined {
    if (this.filterInSource) return undefined;
    if (!this.#filters.has(linkType)) {
      this.#filters.set(linkType, this.expression === '' ? undefined : compileFilter(this.expression, linkType, this.snaplen));
    }
    return this.#filters.get(linkType);
  }

  /** Switch to frames of `linkType` (a pcapng file may mix interfaces). */
  use(linkType: number): void {
    if (linkType === this.#linkType) return;
    if (this.#writer !== undefined && !this.o.pcapng && this.#linkType !== -1) {
      // A pcap file has one link type for all records; pcapng gives each its own interface block.
      throw new VcapError(`${this.o.write}: frames of link type ${linkTypeName(linkType)} after ${linkTypeName(this.#linkType)}: a pcap file holds one link type, write pcapng (--pcapng or a .pcapng name)`, 'ELINKTYPE');
    }
    this.#linkType = linkType;
    if (!this.filterInSource) this.#filter = this.#filterFor(linkType);
    if (this.#json) {
      this.#json.linkType = linkType;
      this.#printer = this.#json;
    } else if (this.#text) {
      let p = this.#printers.get(linkType);
      if (!p) { p = new printerModule!.PacketPrinter(this.o.print, linkType, this.#text); this.#printers.set(linkType, p); }
      this.#printer = p;
    }
  }

  batch(b: Batch): void {
    if (b.linkType !== this.#linkType) this.use(b.linkType);
    const n = b.count, bytes = b.bytes, limit = this.o.count;
    const filter = this.#filter, printer = this.#printer, writer = this.#writer, perPacket = this.o.packetBuffered;
    for (let i = 0; i < n; i++) {
      const off = b.offset[i]!, cap = b.capLen[i]!, len = b.origLen[i]!;
      if (filter !== undefined && !filter.matches(bytes, off, cap, len)) continue;
      this.captured++;
      if (printer !== undefined) printer.print(bytes, off, cap, len, b.sec[i]!, b.nsec[i]!);
      if (writer !== undefined) {
        writer.writeFrame(bytes, off, cap, len, b.sec[i]!, b.nsec[i]!, b.linkType);
        if (perPacket) writer.flush();
      }
      if (limit !== 0 && this.captured >= limit) { this.done = true; return; }
    }
  }

  flush(): void {
    this.#text?.flush();
    this.#writer?.flush();
  }

  close(): void {
    this.#text?.flush();
    this.#writer?.close();
  }
}

/** -Z: the source and the first output file are open; become the user (its own module: it loads the addon). */
async function relinquish(o: CliOptions): Promise<void> {
  if (o.user === undefined) return;
  const { relinquishPrivileges } = await import('../capture/privileges.js');
  relinquishPrivileges(o.user, o.write !== undefined && o.write !== '-' ? [o.write] : []);
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
function progressBar(o: CliOptions, path: string, io: Stdio): ProgressBar | undefined {
  try {
    if (process.stderr.isTTY !== true) return undefined;
    if (o.write === undefined && !(o.print.quiet && !textIsTty(io))) return undefined;
    if (o.write === '-' && textIsTty(io)) return undefined;
    const st = path === '-' ? fstatSync(0) : statSync(path);
    return new ProgressBar(st.isFile() ? st.size : undefined, process.stderr.columns || 80);
  } catch {
    return undefined;
  }
}

async function runFile(o: CliOptions, path: string, io: Stdio): Promise<number> {
  const file = openCaptureFile(path);
  try {
    // tcpdump's order: this line as soon as the file is open, then the filter (read from -F, compiled),
    // then -d or the output; so a bad expression follows the line, and -w creates no file.
    stderr(io, `reading from file ${path}, link-type ${linkTypeDescription(file.linkType)}, snapshot length ${file.snaplen}`);
    // libpcap compiles a filter, even an empty one, for every file tcpdump reads, and its compiler
    // refuses link types it has no entry for, whatever the command line.
    if (!filterCompilerKnows(file.linkType)) throw new VcapError(`unknown data link type ${file.linkType} (min 104, max 289)`, 'ELINKTYPE');
    const expression = expressionOf(o);
    if (expression !== '' || o.dumpProgram) await loadFilter();
    if (o.dumpProgram) {
      const prog = compileFilter(expression, file.linkType, file.snaplen);
      writeOut(io, formatProgram(prog, o.dumpProgram));
      return 0;
    }
    await loadPrinters(o);
    const sinks = new Sinks(o, expression, file.snaplen, false);
    // -U makes printed output packet-buffered too. -Z once -w is open, as tcpdump does.
    sinks.open(file.linkType, file.snaplen, io.out, o.lineBuffered || o.packetBuffered || textIsTty(io));
    await relinquish(o);
    const progress = progressBar(o, path, io);
    let packets = 0;
    try {
      for (let b = file.next(); b !== null && !sinks.done; b = file.next()) {
        sinks.batch(b);
        packets += b.count;
        progress?.update(file.bytesRead, packets);
      }
    } finally {
      // Whatever was read before damage is printed or written before the error line.
      sinks.close();
      progress?.finish(file.bytesRead, packets);
    }
    return 0;
  } finally {
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

async function runLive(o: CliOptions, io: Stdio): Promise<number> {
  const expression = expressionOf(o);
  if (expression !== '' || o.dumpProgram) await loadFilter();
  await loadPrinters(o);
  const tty = textIsTty(io);
  const toFile = !o.packetBuffered && outputIsRegularFile(o);
  // Loaded only here: reading files never touches the native addon.
  const { openLive } = await import('../capture/live.js');
  const src: LiveSource = await openLive({
    interface: o.interface, tun: o.tun, tap: o.tap, addr: o.addr, snaplen: o.snaplen, bufferKiB: o.bufferKiB,
    promiscuous: o.promiscuous, direction: o.direction, immediate: o.immediate || o.lineBuffered || (tty && o.write === undefined),
    timeoutMs: toFile ? FILE_TIMEOUT_MS : undefined, backend: o.backend, filter: expression, reply: o.reply, netns: o.netns,
  });
  let interrupted = false;
  const stop = (): void => { interrupted = true; src.stop(); };
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  let sinks: Sinks | undefined;
  try {
    if (expression !== '' || o.dumpProgram) {
      const prog = compileFilter(expression, src.linkType, src.snaplen);
      if (o.dumpProgram) {
        writeOut(io, formatProgram(prog, o.dumpProgram));
        return 0;
      }
      src.setFilter(prog);
    }
    for (const s of signals) process.on(s, stop);
    // -i any in another namespace: its interface names, not those of vcap's /sys.
    const names = src.interfaceName?.bind(src);
    const so = names && src.netns !== undefined ? { ...o, print: { ...o.print, interfaceName: names } } : o;
    const opened = new Sinks(so, expression, src.snaplen, true, o.json ? await jsonSourceOf(src) : {});
    opened.open(src.linkType, src.snaplen, io.out, o.lineBuffered || o.packetBuffered || tty);
    // A -Z failure is the only output, as with tcpdump (no counters: nothing was captured).
    await relinquish(o);
    sinks = opened;
    if (!o.print.verbose && o.write === undefined && !o.json) stderr(io, 'vcap: verbose output suppressed, use -v[v]... for full protocol decode');
    stderr(io, `listening on ${formatInterfaceSpec(src)}, link-type ${linkTypeDescription(src.linkType)}, snapshot length ${src.snaplen} bytes`);
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
      await src.run((b) => {
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
            try { flushFile(); } catch (e) { flushError = e; src.stop(); }
          }, 2 * FILE_FLUSH_MS).unref();
        }
        if (s.done) src.stop();
      });
    } finally {
      if (backstop !== undefined) clearTimeout(backstop);
    }
    if (flushError !== undefined) throw flushError;
    return 0;
  } finally {
    for (const s of signals) process.off(s, stop);
    try {
      sinks?.close();
      // Interrupted mid-capture, tcpdump ends the text with a newline in case a line was cut.
      // JSON lines never end cut: no blank line.
      if (interrupted && o.write === undefined && !o.json) writeSync(io.out, '\n');
    } finally {
      const st = src.stats();
      const captured = sinks?.captured ?? 0;
      src.close();
      if (sinks) {
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
  if (o.read !== undefined) return runFile(o, o.read, io);
  if (o.dumpProgram && o.interface === undefined && o.tun === undefined && o.tap === undefined) {
    // No source named: compile for Ethernet, as tcpdump -d does for its default device.
    await loadFilter();
    writeOut(io, formatProgram(compileFilter(expressionOf(o), LinkType.EN10MB, o.snaplen || 262144), o.dumpProgram));
    return 0;
  }
  return runLive(o, io);
}
