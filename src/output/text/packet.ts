/**
 * The packet printer (tcpdump's pretty_print_packet): packet number, timestamp, the link printer,
 * the only catch of TRUNCATED (` [|proto]`), then the -x/-X/-A dumps and the newline.
 */
import type { Batch } from '../../capture/batch.js';
import type { PrintOptions } from './options.js';
import { PrintContext, TRUNCATED } from './context.js';
import { TimeFormatter } from './time.js';
import { linkPrinters, type LinkPrinter } from './dispatch.js';
import './printers.js';
import { printUnsupported } from './unsupported.js';
import { hexDump, hexAsciiDump, asciiDump } from './dump.js';
import { Decoder } from '../../decoders/decoder.js';
import type { Packet } from '../../decoders/packet.js';
import { GatheringWriter, TextWriter } from './writer.js';

/** libpcap's MAXIMUM_SNAPLEN: record lengths above it are reported, not printed. */
const MAX_SNAPLEN = 262144;

/** A record header tcpdump refuses to print (pretty_print_packet's checks), worded as it does. */
function invalidHeader(capLen: number, origLen: number): string {
  const parts: string[] = [];
  if (capLen === 0) parts.push(' caplen==0');
  if (origLen === 0) parts.push(' len==0');
  else if (origLen < capLen) parts.push(` len(${origLen}) < caplen(${capLen})`);
  if (capLen > MAX_SNAPLEN) parts.push(` caplen(${capLen}) > ${MAX_SNAPLEN}`);
  if (origLen > MAX_SNAPLEN) parts.push(` len(${origLen}) > ${MAX_SNAPLEN}`);
  return `[Invalid header:${parts.join(',')}]\n`;
}

/** Whether vcap prints frames of link type `linkType` (else tcpdump's UNSUPPORTED line and a hex dump): -L's `(printing not supported)`. */
export function printsLinkType(linkType: number): boolean {
  return linkPrinters[linkType] !== undefined;
}

/** Where finished lines go (TextWriter, or a test's collector). */
export interface LineSink { push(text: string): void }

export class PacketPrinter {
  readonly c: PrintContext;
  readonly #time: TimeFormatter;
  readonly #link: LinkPrinter;
  /** Whether a dump follows each packet's text (-x, -X or -A). */
  readonly #dumps: boolean;
  /** The context writes straight into the output's buffer (the CLI's TextWriter) rather than making a string per packet. */
  readonly #direct: TextWriter | undefined;
  /** Decodes frames given to print() (printPacket() takes frames someone else decoded: the CLI's one decode). */
  #decoder: Decoder | undefined;
  /**
   * Written after the timestamp, before the link layer: the interface name and direction (`veth0 In  `)
   * when several interfaces are printed together, as tcpdump -i any prints them; set per packet by the caller.
   */
  prefix: string | undefined = undefined;

  /**
   * @param numbering the packet count -# prints, shared by the printers of one run (one per link type:
   * tcpdump numbers the packets of the whole run, whatever their link type or file)
   */
  constructor(readonly o: PrintOptions, readonly linkType: number, readonly out: LineSink, readonly numbering: { count: number } = { count: 0 }) {
    this.#link = linkPrinters[linkType] ?? printUnsupported;
    this.#dumps = !!(o.hexAscii || o.hex || o.ascii);
    this.#direct = out instanceof TextWriter && (out.fd >= 0 || out instanceof GatheringWriter) ? out : undefined;
    this.c = new PrintContext(o, this.#direct);
    this.#time = new TimeFormatter(o.timeFormat, o.nano);
  }

  /** Packets printed so far. */
  get count(): number { return this.numbering.count; }

  /** Print frame buf[off .. off+capLen), `origLen` bytes on the wire, captured at sec.nsec (decoded here). */
  print(buf: Uint8Array, off: number, capLen: number, origLen: number, sec: number, nsec: number): void {
    // Every layer is printed: walked within decode(), without the deferral a header-reading loop wants.
    this.#decoder ??= new Decoder({ eager: true });
    this.printPacket(this.#decoder.decode(buf, this.linkType, off, capLen, origLen), origLen, sec, nsec);
  }

  /**
   * Print a frame already decoded (as this printer's link type), `origLen` bytes on the wire: the
   * printers read its layers' views, so a frame is decoded once for every sink that reads it.
   */
  printPacket(pkt: Packet, origLen: number, sec: number, nsec: number): void {
    const c = this.c, o = this.o, capLen = pkt.capLen;
    c.reset(pkt, origLen);
    const n = ++this.numbering.count;
    if (o.packetNumber) c.write(`${String(n).padStart(5)}  `);
    if (capLen === 0 || origLen === 0 || origLen < capLen || capLen > MAX_SNAPLEN || origLen > MAX_SNAPLEN) {
      c.write(invalidHeader(capLen, origLen));
      this.#end();
      return;
    }
    this.#time.write(c, sec, nsec);
    if (this.prefix !== undefined) c.write(this.prefix);
    let hdrlen: number;
    try {
      hdrlen = this.#link(c, origLen);
    } catch (e) {
      if (e !== TRUNCATED) throw e;
      c.truncMark();
      // A read past the end unwinds here: the dump then shows the whole frame, link header included.
      hdrlen = 0;
    }
    c.resetEnds();
    if (this.#dumps) this.#dump(pkt.base, capLen, hdrlen);
    c.ch(10);
    this.#end();
  }

  /** -x/-X/-A (and -xx/-XX/-AA: the link header too) of the frame at `off`, `capLen` bytes captured, after its text. */
  #dump(off: number, capLen: number, hdrlen: number): void {
    const c = this.c, o = this.o;
    if (o.hexAscii) {
      if (o.hexAscii > 1) hexAsciiDump(c, off, capLen);
      else if (capLen > hdrlen) hexAsciiDump(c, off + hdrlen, capLen - hdrlen);
    } else if (o.hex) {
      if (o.hex > 1) hexDump(c, off, capLen);
      else if (capLen > hdrlen) hexDump(c, off + hdrlen, capLen - hdrlen);
    } else if (o.ascii) {
      if (o.ascii > 1) asciiDump(c, off, capLen);
      else if (capLen > hdrlen) asciiDump(c, off + hdrlen, capLen - hdrlen);
    }
  }

  /** The packet's text is complete: hand it on. */
  #end(): void {
    if (this.#direct !== undefined) this.#direct.endPacket();
    else this.out.push(this.c.line);
  }

  /** Print every frame of a batch; `limit` stops after that many packets in total (-c), 0 = none. */
  printBatch(b: Batch, limit = 0): void {
    const n = b.count;
    for (let i = 0; i < n; i++) {
      if (limit && this.numbering.count >= limit) return;
      this.print(b.bytes, b.offset[i]!, b.capLen[i]!, b.origLen[i]!, b.sec[i]!, b.nsec[i]!);
    }
  }
}
