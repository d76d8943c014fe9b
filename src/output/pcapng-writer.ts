import type { Batch } from '../capture/batch.js';
import { OUTPUT_BUFFER_BYTES, OutputBuffer } from './pcap-writer.js';
import type { CaptureWriterOptions } from './pcap-writer.js';

const SHB = 0x0a0d0d0a;
const IDB = 1;
const EPB = 6;
const USER_APPL = 'vcap';

/**
 * pcapng writer: one little-endian section (SHB with shb_userappl), one IDB per link type as
 * frames of that type first appear, and an EPB per frame holding the original bytes.
 */
export class PcapngWriter {
  readonly linkType: number;
  readonly snaplen: number;
  readonly nano: boolean;
  count = 0;
  readonly #out: OutputBuffer;
  /** Interface id by link type; -1 until its IDB is written. Link types are u16. */
  readonly #ifaceOf = new Int32Array(65536).fill(-1);
  #ifaces = 0;
  /** The second #setBase() last worked out, and sec·10^k in two words. */
  #baseSec = NaN;
  #baseLo = 0;
  #baseHi = 0;

  private constructor(out: OutputBuffer, linkType: number, snaplen: number, nano: boolean) {
    this.#out = out;
    this.linkType = linkType;
    this.snaplen = snaplen;
    this.nano = nano;
  }

  static open(path: string, opts: CaptureWriterOptions): PcapngWriter {
    const out = new OutputBuffer(path, opts.bufferSize ?? OUTPUT_BUFFER_BYTES);
    const w = new PcapngWriter(out, opts.linkType, opts.snaplen ?? 262144, opts.nano ?? false);
    w.#writeShb();
    w.#writeIdb(opts.linkType);
    return w;
  }

  /**
   * One frame: `bytes[offset, offset + capLen)`, `origLen` on the wire, timestamp `sec` + `nsec` ns.
   * `linkType` (default: the writer's) picks the interface; a new link type gets its IDB first.
   */
  writeFrame(bytes: Uint8Array, offset: number, capLen: number, origLen: number, sec: number, nsec: number, linkType = this.linkType): void {
    const lt = linkType & 0xffff;
    let id = this.#ifaceOf[lt]!;
    if (id < 0) id = this.#writeIdb(lt);
    this.#frame(id, bytes, offset, capLen, origLen, sec, nsec);
  }

  /** Every frame of a batch, on the interface of its link type (added on first sight). */
  writeBatch(batch: Batch): void {
    const lt = batch.linkType & 0xffff;
    let id = this.#ifaceOf[lt]!;
    if (id < 0) id = this.#writeIdb(lt);
    const { bytes, offset, capLen, origLen, sec, nsec } = batch;
    for (let i = 0; i < batch.count; i++) this.#frame(id, bytes, offset[i]!, capLen[i]!, origLen[i]!, sec[i]!, nsec[i]!);
  }

  flush(): void { this.#out.flush(); }

  close(): void { this.#out.close(); }

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

  #frame(id: number, bytes: Uint8Array, offset: number, capLen: number, origLen: number, sec: number, nsec: number): void {
    const out = this.#out;
    const pad = (4 - (capLen & 3)) & 3;
    const total = 32 + capLen + pad;
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
    dv.setUint32(p + 8, id, true);
    // `| 0`: a word above 2^31 would make TurboFan call the DataView builtin per record.
    dv.setInt32(p + 12, tsHi | 0, true);
    dv.setInt32(p + 16, tsLo | 0, true);
    dv.setUint32(p + 20, capLen, true);
    dv.setUint32(p + 24, origLen, true);
    out.copyIn(bytes, offset, capLen, p + 28);
    for (let k = 0; k < pad; k++) out.buf[p + 28 + capLen + k] = 0;
    dv.setUint32(p + total - 4, total, true);
    out.len = p + total;
    this.count++;
  }

  #writeShb(): void {
    const out = this.#out;
    const appl = new TextEncoder().encode(USER_APPL);
    const optLen = 4 + ((appl.length + 3) & ~3) + 4;
    const total = 28 + optLen;
    out.reserve(total);
    const dv = out.dv, p = out.len;
    dv.setUint32(p, SHB, true);
    dv.setUint32(p + 4, total, true);
    dv.setUint32(p + 8, 0x1a2b3c4d, true);
    dv.setUint16(p + 12, 1, true);
    dv.setUint16(p + 14, 0, true);
    // Section length unknown (-1): the writer streams.
    dv.setInt32(p + 16, -1, true);
    dv.setInt32(p + 20, -1, true);
    dv.setUint16(p + 24, 4, true);
    dv.setUint16(p + 26, appl.length, true);
    out.buf.fill(0, p + 28, p + total);
    out.buf.set(appl, p + 28);
    dv.setUint32(p + total - 4, total, true);
    out.len = p + total;
  }

  #writeIdb(linkType: number): number {
    const out = this.#out;
    const opts = this.nano ? 8 + 4 : 0;
    const total = 20 + opts;
    out.reserve(total);
    const dv = out.dv, p = out.len;
    dv.setUint32(p, IDB, true);
    dv.setUint32(p + 4, total, true);
    dv.setUint16(p + 8, linkType, true);
    dv.setUint16(p + 10, 0, true);
    dv.setUint32(p + 12, this.snaplen, true);
    if (this.nano) {
      dv.setUint16(p + 16, 9, true);
      dv.setUint16(p + 18, 1, true);
      dv.setUint32(p + 20, 9, true); // if_tsresol 9 (10^-9 s), then 3 bytes of padding
      dv.setUint32(p + 24, 0, true); // opt_endofopt
    }
    dv.setUint32(p + total - 4, total, true);
    out.len = p + total;
    const id = this.#ifaces++;
    this.#ifaceOf[linkType] = id;
    return id;
  }
}
