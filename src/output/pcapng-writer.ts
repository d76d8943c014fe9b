import { arch, cpus, release, type } from 'node:os';
import type { Batch } from '../capture/batch.js';
import type { CaptureInterface, InterfaceStatistics } from '../capture/capture-interface.js';
import { OUTPUT_BUFFER_BYTES, OutputBuffer } from './pcap-writer.js';
import type { CaptureWriterOptions, RecordEnd } from './pcap-writer.js';
import { vcapVersion } from '../version.js';

const SHB = 0x0a0d0d0a;
const IDB = 1;
const ISB = 5;
const EPB = 6;
// Option codes (draft-ietf-opsawg-pcapng).
const OPT_ENDOFOPT = 0, OPT_COMMENT = 1;
const SHB_HARDWARE = 2, SHB_OS = 3, SHB_USERAPPL = 4;
const IF_NAME = 2, IF_DESCRIPTION = 3, IF_TSRESOL = 9, IF_FILTER = 11, IF_OS = 12, IF_HARDWARE = 15;
const EPB_FLAGS = 2, EPB_DROPCOUNT = 4;
const ISB_STARTTIME = 2, ISB_ENDTIME = 3, ISB_IFRECV = 4, ISB_IFDROP = 5, ISB_FILTERACCEPT = 6, ISB_OSDROP = 7, ISB_USRDELIV = 8;

export interface PcapngWriterOptions extends CaptureWriterOptions {
  /**
   * The interfaces to describe up front, an IDB each, in this order (ids 0, 1, …). Without them the
   * file starts with one interface of `linkType`. Interfaces first seen later get their IDB then.
   */
  interfaces?: readonly CaptureInterface[];
  /** opt_comment of the section (`--comment`); several become several options. */
  comment?: string | readonly string[];
  /** shb_userappl (default "vcap VERSION"), shb_os (default the kernel's name and release), shb_hardware (default the CPU model). */
  userAppl?: string;
  os?: string;
  hardware?: string;
  /** Counters for an interface's Interface Statistics Block, written at close; none when undefined. */
  statistics?: (iface: CaptureInterface) => InterfaceStatistics | undefined;
}

/** A pcapng block ends where its total length (its second word) says. */
const blockEnd: RecordEnd = (_buf, dv, at) => at + dv.getUint32(at + 4, true);

let system: { os: string; hardware: string } | undefined;
/** What shb_os / if_os and shb_hardware say about this machine (worked out once). */
export function systemDescription(): { os: string; hardware: string } {
  if (system === undefined) {
    let model = '';
    try { model = cpus()[0]?.model.trim() ?? ''; } catch { /* no /proc/cpuinfo */ }
    system = { os: `${type()} ${release()}`, hardware: model !== '' ? `${model} (${arch()})` : arch() };
  }
  return system;
}

const utf8 = new TextEncoder();

/** Options of a block, encoded: code, length, value padded to 4 bytes; opt_endofopt after the last. */
class Options {
  readonly parts: Uint8Array[] = [];
  length = 0;
  add(code: number, value: Uint8Array): this {
    const b = new Uint8Array(4 + ((value.length + 3) & ~3));
    const dv = new DataView(b.buffer);
    dv.setUint16(0, code, true);
    dv.setUint16(2, value.length, true);
    b.set(value, 4);
    this.parts.push(b);
    this.length += b.length;
    return this;
  }
  text(code: number, value: string | undefined): this {
    return value === undefined || value === '' ? this : this.add(code, utf8.encode(value));
  }
  u64(code: number, value: number | undefined): this {
    if (value === undefined) return this;
    const v = new Uint8Array(8);
    new DataView(v.buffer).setBigUint64(0, BigInt(Math.max(0, Math.floor(value))), true);
    return this.add(code, v);
  }
  /** A timestamp in nanoseconds (if_tsresol 9) or microseconds, high word first as in an EPB. */
  time(code: number, sec: number | undefined, nsec: number | undefined, nano: boolean): this {
    if (sec === undefined) return this;
    const ts = tsUnits(sec, nsec ?? 0, nano);
    const v = new Uint8Array(8);
    const dv = new DataView(v.buffer);
    dv.setUint32(0, Number(ts >> 32n), true);
    dv.setUint32(4, Number(ts & 0xffffffffn), true);
    return this.add(code, v);
  }
  /** The options and opt_endofopt, or nothing when there are none. */
  bytes(): Uint8Array {
    if (this.parts.length === 0) return new Uint8Array(0);
    const out = new Uint8Array(this.length + 4);
    let at = 0;
    for (const p of this.parts) { out.set(p, at); at += p.length; }
    new DataView(out.buffer).setUint16(at, OPT_ENDOFOPT, true);
    return out;
  }
}

function tsUnits(sec: number, nsec: number, nano: boolean): bigint {
  return BigInt(Math.floor(sec)) * (nano ? 1000000000n : 1000000n) + BigInt(nano ? nsec : Math.floor(nsec / 1000));
}

/**
 * pcapng writer: one little-endian section (SHB with shb_userappl, shb_os, shb_hardware and the
 * comment), one IDB per capture interface (if_name, if_tsresol, snaplen, if_filter, if_os…), an
 * EPB per frame holding the original bytes, with epb_flags (direction) and epb_dropcount when
 * known, and an ISB per interface at close when the caller has counters for it.
 */
export class PcapngWriter {
  readonly linkType: number;
  readonly snaplen: number;
  readonly nano: boolean;
  count = 0;
  readonly #out: OutputBuffer;
  readonly #opts: PcapngWriterOptions;
  /** Interfaces with an IDB in this file, in id order. */
  readonly #ifaces: CaptureInterface[] = [];
  readonly #ids = new Map<CaptureInterface, number>();
  /** Interfaces made up for frames that name only a link type (a library caller's batches). */
  readonly #byLinkType = new Map<number, CaptureInterface>();
  #current: CaptureInterface | undefined;
  #id = 0;
  /** The second #setBase() last worked out, and sec·10^k in two words. */
  #baseSec = NaN;
  #baseLo = 0;
  #baseHi = 0;
  #closed = false;

  private constructor(out: OutputBuffer, opts: PcapngWriterOptions) {
    this.#out = out;
    this.#opts = opts;
    this.linkType = opts.linkType;
    this.snaplen = opts.snaplen ?? 262144;
    this.nano = opts.nano ?? true;
  }

  static open(path: string, opts: PcapngWriterOptions): PcapngWriter {
    const out = new OutputBuffer(path, opts.bufferSize ?? OUTPUT_BUFFER_BYTES, blockEnd, opts.committer);
    const w = new PcapngWriter(out, opts);
    w.#writeShb();
    const declared = opts.interfaces ?? [];
    for (const iface of declared) w.#addInterface(iface);
    if (declared.length === 0) w.useLinkType(opts.linkType);
    else w.useInterface(declared[0]!);
    // The header goes out at once: from now on the file opens in any reader, even if vcap is killed.
    out.flush();
    return w;
  }

  /** The interfaces this file describes, in IDB order (a rotated file repeats them in the same order). */
  get interfaces(): readonly CaptureInterface[] { return this.#ifaces; }

  /** Bytes of the file so far, buffered ones included (for -C). */
  get size(): number { return this.#out.position; }

  /** Frames that follow come from `iface`: its IDB is written on first sight. Returns its interface id. */
  useInterface(iface: CaptureInterface): number {
    if (iface !== this.#current) {
      this.#id = this.#ids.get(iface) ?? this.#addInterface(iface);
      this.#current = iface;
    }
    return this.#id;
  }

  /** Frames that follow are of `linkType`, on an interface with no more said about it than that. */
  useLinkType(linkType: number): number {
    let iface = this.#byLinkType.get(linkType);
    if (iface === undefined) {
      iface = { linkType, snaplen: this.snaplen };
      this.#byLinkType.set(linkType, iface);
    }
    return this.useInterface(iface);
  }

  /**
   * One frame: `bytes[offset, offset + capLen)`, `origLen` on the wire, timestamp `sec` + `nsec` ns.
   * `linkType`, if given, picks an interface of that link type (one with no more said about it than
   * that, made on first use) unless the current interface has it.
   */
  writeFrame(bytes: Uint8Array, offset: number, capLen: number, origLen: number, sec: number, nsec: number, linkType?: number): void {
    if (linkType !== undefined && linkType !== this.#current!.linkType) this.useLinkType(linkType);
    this.writePacket(bytes, offset, capLen, origLen, sec, nsec, 0, 0);
  }

  /**
   * One frame on the current interface (useInterface), with its epb_flags (direction and reception
   * type; 0: none written) and epb_dropcount (frames lost just before it; 0: none written).
   */
  writePacket(bytes: Uint8Array, offset: number, capLen: number, origLen: number, sec: number, nsec: number, flags = 0, drops = 0): void {
    const out = this.#out;
    const pad = (4 - (capLen & 3)) & 3;
    const opts = flags === 0 && drops === 0 ? 0 : (flags !== 0 ? 8 : 0) + (drops !== 0 ? 12 : 0) + 4;
    const total = 32 + capLen + pad + opts;
    out.reserve(total);
    const dv = out.dv, p = out.len;
    // Timestamp in if_tsresol units, as two 32-bit halves: sec·10^k + frac can pass 2^53 at ns.
    // sec·10^k is worked out once per second of capture; frac < 10^9 < 2^32 carries at most once.
    let frac = this.nano ? nsec : (nsec / 1000) | 0;
    if (frac < 0 || frac >= (this.nano ? 1e9 : 1e6)) {
      // A damaged pcap record's fraction out of range (see Batch.nsec): pcapng has one count, so it carries into the seconds.
      const per = this.nano ? 1e9 : 1e6, units = this.nano ? nsec : Math.trunc(nsec / 1000);
      sec += Math.floor(units / per);
      frac = units - Math.floor(units / per) * per;
    }
    if (sec !== this.#baseSec) this.#setBase(sec);
    let tsLo = this.#baseLo + frac, tsHi = this.#baseHi;
    if (tsLo >= 4294967296) { tsLo -= 4294967296; tsHi = (tsHi + 1) % 4294967296; }
    dv.setUint32(p, EPB, true);
    dv.setUint32(p + 4, total, true);
    dv.setUint32(p + 8, this.#id, true);
    // `| 0`: a word above 2^31 would make TurboFan call the DataView builtin per record.
    dv.setInt32(p + 12, tsHi | 0, true);
    dv.setInt32(p + 16, tsLo | 0, true);
    dv.setUint32(p + 20, capLen, true);
    dv.setUint32(p + 24, origLen, true);
    out.copyIn(bytes, offset, capLen, p + 28);
    let q = p + 28 + capLen;
    for (let k = 0; k < pad; k++) out.buf[q + k] = 0;
    q += pad;
    if (opts !== 0) q = this.#packetOptions(dv, q, flags, drops);
    dv.setUint32(q, total, true);
    out.len = p + total;
    this.count++;
  }

  /** Every frame of a batch, on its interface (or one for its link type), with its flags and drop count. */
  writeBatch(batch: Batch): void {
    if (batch.iface !== undefined) this.useInterface(batch.iface);
    else this.useLinkType(batch.linkType);
    const { bytes, offset, capLen, origLen, sec, nsec } = batch;
    const flags = batch.flags;
    for (let i = 0; i < batch.count; i++) {
      this.writePacket(bytes, offset[i]!, capLen[i]!, origLen[i]!, sec[i]!, nsec[i]!, flags === undefined ? 0 : flags[i]!, i === 0 ? batch.drops ?? 0 : 0);
    }
  }

  flush(): void { this.#out.flush(); }

  /** An ISB for every interface the caller has counters for, then the file is flushed and closed. Safe twice. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    try {
      const stats = this.#opts.statistics;
      if (stats !== undefined) {
        for (let id = 0; id < this.#ifaces.length; id++) {
          const s = stats(this.#ifaces[id]!);
          if (s !== undefined) this.#writeIsb(id, s);
        }
      }
    } finally {
      this.#out.close();
    }
  }

  #packetOptions(dv: DataView, q: number, flags: number, drops: number): number {
    if (flags !== 0) {
      dv.setUint16(q, EPB_FLAGS, true);
      dv.setUint16(q + 2, 4, true);
      dv.setUint32(q + 4, flags, true);
      q += 8;
    }
    if (drops !== 0) {
      dv.setUint16(q, EPB_DROPCOUNT, true);
      dv.setUint16(q + 2, 8, true);
      dv.setUint32(q + 4, drops % 4294967296, true);
      dv.setUint32(q + 8, Math.floor(drops / 4294967296), true);
      q += 12;
    }
    dv.setUint32(q, OPT_ENDOFOPT, true);
    return q + 4;
  }

  /** sec·10^k (k = 6 or 9) as two 32-bit words, exact: 16-bit partial products stay below 2^53. */
  #setBase(sec: number): void {
    const per = this.nano ? 1e9 : 1e6;
    const secHi = Math.floor(sec / 4294967296), secLo = sec - secHi * 4294967296;
    const loLo = (secLo % 65536) * per;
    const loHi = Math.floor(secLo / 65536) * per + Math.floor(loLo / 65536);
    this.#baseLo = (loHi % 65536) * 65536 + (loLo % 65536);
    this.#baseHi = (secHi * per + Math.floor(loHi / 65536)) % 4294967296;
    this.#baseSec = sec;
  }

  /** A block of `type` with a fixed part and options, into the buffer. */
  #block(type: number, fixed: Uint8Array, options: Uint8Array): void {
    const out = this.#out;
    const total = 12 + fixed.length + options.length;
    out.reserve(total);
    const dv = out.dv, p = out.len;
    dv.setUint32(p, type, true);
    dv.setUint32(p + 4, total, true);
    out.buf.set(fixed, p + 8);
    out.buf.set(options, p + 8 + fixed.length);
    dv.setUint32(p + total - 4, total, true);
    out.len = p + total;
  }

  #writeShb(): void {
    const o = this.#opts, sys = systemDescription();
    const fixed = new Uint8Array(16);
    const dv = new DataView(fixed.buffer);
    dv.setUint32(0, 0x1a2b3c4d, true);
    dv.setUint16(4, 1, true);
    dv.setUint16(6, 0, true);
    // Section length unknown (-1): the writer streams.
    dv.setInt32(8, -1, true);
    dv.setInt32(12, -1, true);
    const opts = new Options();
    for (const c of typeof o.comment === 'string' ? [o.comment] : o.comment ?? []) opts.text(OPT_COMMENT, c);
    opts
      .text(SHB_HARDWARE, o.hardware ?? sys.hardware)
      .text(SHB_OS, o.os ?? sys.os)
      .text(SHB_USERAPPL, o.userAppl ?? `vcap ${vcapVersion()}`);
    this.#block(SHB, fixed, opts.bytes());
  }

  #addInterface(iface: CaptureInterface): number {
    const fixed = new Uint8Array(8);
    const dv = new DataView(fixed.buffer);
    dv.setUint16(0, iface.linkType, true);
    dv.setUint16(2, 0, true);
    dv.setUint32(4, iface.snaplen, true);
    const opts = new Options().text(IF_NAME, iface.name).text(IF_DESCRIPTION, iface.description);
    for (const c of iface.comments ?? []) opts.text(OPT_COMMENT, c);
    // if_tsresol 6 (µs) is the default and goes unsaid.
    if (this.nano) opts.add(IF_TSRESOL, new Uint8Array([9]));
    // if_filter: the first byte 0 says "a libpcap filter string".
    if (iface.filter !== undefined && iface.filter !== '') opts.add(IF_FILTER, new Uint8Array([0, ...utf8.encode(iface.filter)]));
    opts.text(IF_OS, iface.os).text(IF_HARDWARE, iface.hardware);
    this.#block(IDB, fixed, opts.bytes());
    const id = this.#ifaces.length;
    this.#ifaces.push(iface);
    this.#ids.set(iface, id);
    return id;
  }

  #writeIsb(id: number, s: InterfaceStatistics): void {
    const fixed = new Uint8Array(12);
    const dv = new DataView(fixed.buffer);
    const ts = tsUnits(s.sec, s.nsec, this.nano);
    dv.setUint32(0, id, true);
    dv.setUint32(4, Number(ts >> 32n), true);
    dv.setUint32(8, Number(ts & 0xffffffffn), true);
    const opts = new Options()
      .time(ISB_STARTTIME, s.startSec, s.startNsec, this.nano)
      .time(ISB_ENDTIME, s.endSec, s.endNsec, this.nano)
      .u64(ISB_IFRECV, s.ifRecv)
      .u64(ISB_IFDROP, s.ifDrop)
      .u64(ISB_FILTERACCEPT, s.filterAccept)
      .u64(ISB_OSDROP, s.osDrop)
      .u64(ISB_USRDELIV, s.usrDeliv);
    this.#block(ISB, fixed, opts.bytes());
  }
}
