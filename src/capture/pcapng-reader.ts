import type { BatchColumns, RecordParser } from './capture-file.js';
import type { CaptureInterface, InterfaceStatistics, SectionInfo } from './capture-interface.js';
import { adjustSnaplen } from './pcap-reader.js';

const SHB = 0x0a0d0d0a;
const IDB = 1;
const OPB = 2;
const SPB = 3;
const ISB = 5;
const EPB = 6;
const BOM = 0x1a2b3c4d;
/** libpcap's initial limit on a block; a larger length is taken as damage, not allocated. */
const MAX_BLOCK = 16 * 1024 * 1024;

const latin1 = new TextDecoder('latin1');

/** One Interface Description Block, as the packet blocks of its section refer to it. */
interface Iface {
  /** What the IDB says, as batches and CaptureFile.interfaces give it. */
  info: CaptureInterface;
  linkType: number;
  snaplen: number;
  /** Timestamp units per second (if_tsresol); 0 marks an unsupported resolution. */
  units: number;
  /** ns = remainder * mulNs (units ≤ 1e9 and a power of ten), else remainder * 1e9 / units. */
  mulNs: number;
  /** if_tsoffset, seconds added to every timestamp. */
  offset: number;
}

/**
 * pcapng (https://www.ietf.org/archive/id/draft-ietf-opsawg-pcapng-02.html): sections (SHB, either
 * byte order, with its options), interfaces (IDB with if_tsresol, if_tsoffset, if_name and the
 * other descriptive options), packets (EPB with epb_flags and epb_dropcount, SPB, obsolete OPB),
 * interface statistics (ISB); every other block (NRB, DSB, custom, unknown) is skipped by its
 * length. A batch holds frames of one interface only.
 */
export class PcapngParser implements RecordParser {
  readonly format = 'pcapng' as const;
  linkType = 0;
  snaplen = 0;
  nano = false;
  need = 0;
  error: string | null = null;
  /** Block number (1-based, over the whole file) of the next block. */
  block = 1;
  /** Interfaces of the current section, in IDB order: packet blocks refer to them by position. */
  readonly #ifaces: Iface[] = [];
  /** Every interface of every section so far, in file order. */
  readonly interfaces: CaptureInterface[] = [];
  section: SectionInfo | undefined;
  /** epb_flags of each frame of the batch being filled (0 without the option). */
  #flags = new Uint32Array(0);
  #le = true;
  /** Where parseHeader() stopped, relative to its start: a truncation inside the header is reported there. */
  #stopAt = 0;

  /** Reads blocks until the first IDB, as libpcap does at open, so the file's link type is known. */
  parseHeader(buf: Uint8Array, dv: DataView, pos: number, end: number): number {
    let p = pos;
    const firstBlock = this.block;
    while (this.#ifaces.length === 0) {
      const len = this.#blockLen(dv, p, end);
      if (len < 0) {
        // Start over from the SHB once more bytes are in: nothing before the first IDB is kept.
        this.#stopAt = p - pos;
        this.block = firstBlock;
        this.#le = true;
        return pos;
      }
      const type = dv.getUint32(p, this.#le);
      if (type === EPB || type === SPB || type === OPB) {
        this.error = `block ${this.block}: the capture file has a packet block before any Interface Description Blocks`;
        return pos;
      }
      if (p === pos && type !== SHB) { this.error = 'unknown file format'; return pos; }
      this.#control(buf, dv, p, len, type);
      if (this.error !== null) return pos;
      p += len;
      this.block++;
    }
    const first = this.#ifaces[0]!;
    this.linkType = first.linkType;
    this.snaplen = first.snaplen;
    this.nano = first.units > 1e6;
    this.need = 0;
    return p;
  }

  parse(buf: Uint8Array, dv: DataView, pos: number, end: number, batch: BatchColumns, max: number): number {
    const { offset, capLen, origLen, sec, nsec } = batch;
    if (this.#flags.length < offset.length) this.#flags = new Uint32Array(offset.length);
    const flags = this.#flags;
    batch.flags = flags;
    batch.drops = 0;
    let p = pos, n = 0;
    while (n < max) {
      const len = this.#blockLen(dv, p, end);
      if (len < 0) break;
      const le = this.#le;
      const type = dv.getUint32(p, le);
      if (type === EPB || type === OPB || type === SPB) {
        let ifId: number, cap: number, orig: number, data: number;
        let hi = 0, lo = 0, drops = 0;
        if (type === SPB) {
          if (len < 16) { this.error = `block ${this.block}: block of type 3 in pcapng dump file is too short`; break; }
          ifId = 0;
          orig = dv.getUint32(p + 8, le);
          data = p + 12;
          cap = Math.min(orig, len - 16);
        } else {
          if (len < 32) { this.error = `block ${this.block}: block of type ${type} in pcapng dump file is too short`; break; }
          ifId = type === EPB ? dv.getUint32(p + 8, le) : dv.getUint16(p + 8, le);
          // An OPB has its drop count as a fixed field, 0xffff when unknown.
          if (type === OPB) { drops = dv.getUint16(p + 10, le); if (drops === 0xffff) drops = 0; }
          hi = dv.getUint32(p + 12, le);
          lo = dv.getUint32(p + 16, le);
          cap = dv.getUint32(p + 20, le);
          orig = dv.getUint32(p + 24, le);
          data = p + 28;
          if (cap > len - 32) {
            this.error = `block ${this.block}: block of type ${type} in pcapng dump file is too short (capture length ${cap}, ${len - 32} bytes of data)`;
            break;
          }
        }
        const iface = this.#ifaces[ifId];
        if (iface === undefined) {
          this.error = `block ${this.block}: a packet arrived on interface ${ifId}, but there's no Interface Description Block for that interface`;
          break;
        }
        if (iface.units === 0) {
          this.error = `block ${this.block}: unsupported if_tsresol of interface ${ifId}`;
          break;
        }
        let f = 0;
        // Options follow the padded data (epb_flags, epb_dropcount; the OPB's pack_flags).
        const optAt = data + ((cap + 3) & ~3);
        if (type !== SPB && optAt + 4 <= p + len - 4) {
          this.#packetOptions(dv, optAt, p + len - 4, le);
          f = this.#packetFlags;
          if (this.#packetDrops !== 0) drops = this.#packetDrops;
        }
        // A batch holds one interface, and a drop count only on its first frame.
        if (n > 0 && (iface.info !== batch.iface || drops !== 0)) break;
        if (n === 0) {
          batch.linkType = iface.linkType;
          batch.iface = iface.info;
          batch.drops = drops;
        }
        offset[n] = data;
        capLen[n] = cap > iface.snaplen ? iface.snaplen : cap;
        origLen[n] = orig;
        flags[n] = f;
        if (type === SPB) {
          sec[n] = 0;
          nsec[n] = 0;
        } else {
          this.#timestamp(iface, hi, lo, sec, nsec, n);
        }
        n++;
      } else {
        this.#control(buf, dv, p, len, type);
        if (this.error !== null) break;
      }
      p += len;
      this.block++;
    }
    batch.count = n;
    return p;
  }

  /** epb_flags and epb_dropcount of the packet block whose options are [o, end). */
  #packetFlags = 0;
  #packetDrops = 0;
  #packetOptions(dv: DataView, o: number, end: number, le: boolean): void {
    this.#packetFlags = 0;
    this.#packetDrops = 0;
    while (o + 4 <= end) {
      const code = dv.getUint16(o, le), olen = dv.getUint16(o + 2, le);
      if (code === 0) break;
      const v = o + 4;
      if (v + olen > end) break;
      if (code === 2 && olen === 4) this.#packetFlags = dv.getUint32(v, le);
      else if (code === 4 && olen === 8) this.#packetDrops = u64(dv, v, le);
      o = v + ((olen + 3) & ~3);
    }
  }

  truncated(_buf: Uint8Array, dv: DataView, pos: number, have: number, inHeader: boolean): string {
    let block = this.block, le = this.#le;
    if (inHeader) {
      // parseHeader() rewound to the SHB: walk the whole blocks it had seen to name the cut one.
      const stop = pos + this.#stopAt;
      for (le = true; pos < stop; block++) {
        if (dv.getUint32(pos, true) === SHB) le = dv.getUint32(pos + 8, true) === BOM;
        const len = dv.getUint32(pos + 4, le);
        pos += len;
        have -= len;
      }
      if (have === 0) return 'the capture file has no Interface Description Blocks';
    }
    if (have >= 12 && dv.getUint32(pos, true) === SHB) le = dv.getUint32(pos + 8, true) === BOM;
    // libpcap reads the 8-byte block header, then the rest, and counts only the rest.
    if (have < 8) return `block ${block}: truncated pcapng dump file; tried to read 8 bytes, only got ${have}`;
    const want = have < 12 ? 12 : dv.getUint32(pos + 4, le);
    return `block ${block}: truncated pcapng dump file; tried to read ${want - 8} bytes, only got ${have - 8}`;
  }

  /** Length of the block at p if it is whole in the buffer; -1 with `need` or `error` set otherwise. */
  #blockLen(dv: DataView, p: number, end: number): number {
    if (end - p < 12) { this.need = 12; return -1; }
    let le = this.#le;
    if (dv.getUint32(p, true) === SHB) {
      // The byte order of a section is that of its own SHB, known only from its byte-order magic.
      const bom = dv.getUint32(p + 8, true);
      if (bom === BOM) le = true;
      else if (dv.getUint32(p + 8, false) === BOM) le = false;
      else { this.error = `block ${this.block}: unknown byte-order magic in Section Header Block`; return -1; }
    }
    const len = dv.getUint32(p + 4, le);
    if (len < 12) { this.error = `block ${this.block}: block in pcapng dump file has a length of ${len} < 12`; return -1; }
    if (len % 4 !== 0) { this.error = `block ${this.block}: block in pcapng dump file has a length of ${len} that is not a multiple of 4`; return -1; }
    if (len > MAX_BLOCK) { this.error = `block ${this.block}: pcapng block size ${len} > maximum ${MAX_BLOCK}`; return -1; }
    if (end - p < len) { this.need = len; return -1; }
    return len;
  }

  /** Section, interface and statistics blocks; everything else that is not a packet is skipped. */
  #control(buf: Uint8Array, dv: DataView, p: number, len: number, type: number): void {
    if (type === SHB) {
      const le = dv.getUint32(p + 8, true) === BOM;
      if (len < 28) { this.error = `block ${this.block}: Section Header Block has a length of ${len} < 28`; return; }
      const major = dv.getUint16(p + 12, le), minor = dv.getUint16(p + 14, le);
      if (major !== 1) { this.error = `block ${this.block}: unsupported pcapng savefile version ${major}.${minor}`; return; }
      this.#le = le;
      this.#ifaces.length = 0;
      const section: SectionInfo = { comments: [] };
      forOptions(buf, dv, p + 24, p + len - 4, le, (code, v, olen) => {
        if (code === 1) section.comments.push(text(buf, v, olen));
        else if (code === 2) section.hardware = text(buf, v, olen);
        else if (code === 3) section.os = text(buf, v, olen);
        else if (code === 4) section.userAppl = text(buf, v, olen);
      });
      this.section = section;
      return;
    }
    if (type === IDB) {
      const le = this.#le;
      if (len < 20) { this.error = `block ${this.block}: Interface Description Block has a length of ${len} < 20`; return; }
      const linkType = dv.getUint16(p + 8, le), snaplen = adjustSnaplen(dv.getUint32(p + 12, le));
      const info: CaptureInterface = { linkType, snaplen };
      const iface: Iface = { info, linkType, snaplen, units: 1e6, mulNs: 1000, offset: 0 };
      forOptions(buf, dv, p + 16, p + len - 4, le, (code, v, olen) => {
        if (code === 9 && olen >= 1) {
          const r = dv.getUint8(v);
          const exp = r & 0x7f;
          // A resolution past 2^-63 or 10^-18 cannot be represented; libpcap refuses it too.
          if (r & 0x80) iface.units = exp <= 63 ? 2 ** exp : 0;
          else iface.units = exp <= 18 ? 10 ** exp : 0;
          iface.mulNs = !(r & 0x80) && exp <= 9 ? 10 ** (9 - exp) : 0;
        } else if (code === 14 && olen >= 8) {
          const hi = dv.getInt32(v + (le ? 4 : 0), le), lo = dv.getUint32(v + (le ? 0 : 4), le);
          iface.offset = hi * 4294967296 + lo;
        } else if (code === 1) (info.comments ??= []).push(text(buf, v, olen));
        else if (code === 2) info.name = text(buf, v, olen);
        else if (code === 3) info.description = text(buf, v, olen);
        // if_filter: a type byte (0: a libpcap filter string), then the filter.
        else if (code === 11 && olen >= 1 && buf[v] === 0) info.filter = text(buf, v + 1, olen - 1);
        else if (code === 12) info.os = text(buf, v, olen);
        else if (code === 15) info.hardware = text(buf, v, olen);
      });
      this.#ifaces.push(iface);
      this.interfaces.push(info);
      return;
    }
    if (type === ISB && len >= 24) {
      const iface = this.#ifaces[dv.getUint32(p + 8, this.#le)];
      if (iface === undefined || iface.units === 0) return;
      const le = this.#le;
      const cols = { sec: new Float64Array(1), nsec: new Float64Array(1) };
      const at = (v: number): [number, number] => {
        this.#timestamp(iface, dv.getUint32(v, le), dv.getUint32(v + 4, le), cols.sec, cols.nsec, 0);
        return [cols.sec[0]!, cols.nsec[0]!];
      };
      const [sec, nsec] = at(p + 12);
      const st: InterfaceStatistics = { sec, nsec };
      forOptions(buf, dv, p + 20, p + len - 4, le, (code, v, olen) => {
        if ((code === 2 || code === 3) && olen === 8) {
          const [s, ns] = at(v);
          if (code === 2) { st.startSec = s; st.startNsec = ns; } else { st.endSec = s; st.endNsec = ns; }
        } else if (code >= 4 && code <= 8 && olen === 8) {
          const value = u64(dv, v, le);
          if (code === 4) st.ifRecv = value;
          else if (code === 5) st.ifDrop = value;
          else if (code === 6) st.filterAccept = value;
          else if (code === 7) st.osDrop = value;
          else st.usrDeliv = value;
        }
      });
      iface.info.statistics = st;
    }
  }

  /** Splits a 64-bit count of `units` into seconds and ns without losing precision past 2^53. */
  #timestamp(iface: Iface, hi: number, lo: number, sec: Float64Array, nsec: Float64Array, i: number): void {
    const u = iface.units;
    let s: number, r: number;
    if (hi < 0x200000) {
      const ts = hi * 4294967296 + lo;
      s = Math.floor(ts / u);
      r = ts - s * u;
    } else if (u <= 2 ** 36) {
      // Long division: hi first (exact, < 2^32), then the low word in two 16-bit digits, so each
      // partial dividend stays below 2^52.
      s = Math.floor(hi / u);
      r = hi - s * u;
      let cur = r * 65536 + (lo >>> 16);
      let q = Math.floor(cur / u);
      r = cur - q * u;
      s = s * 65536 + q;
      cur = r * 65536 + (lo & 0xffff);
      q = Math.floor(cur / u);
      r = cur - q * u;
      s = s * 65536 + q;
    } else {
      const big = (BigInt(hi) << 32n) | BigInt(lo), bu = BigInt(u);
      s = Number(big / bu);
      r = Number(big % bu);
    }
    sec[i] = s + iface.offset;
    nsec[i] = iface.mulNs !== 0 ? r * iface.mulNs : u > 1e9 && iface.units % 1e9 === 0 ? Math.floor(r / (u / 1e9)) : Math.floor((r * 1e9) / u);
  }
}

/** A little- or big-endian unsigned 64-bit value (exact up to 2^53). */
function u64(dv: DataView, v: number, le: boolean): number {
  const lo = dv.getUint32(v + (le ? 0 : 4), le), hi = dv.getUint32(v + (le ? 4 : 0), le);
  return hi * 4294967296 + lo;
}

/** Option text: UTF-8 by the specification; bytes that are not UTF-8 are kept as Latin-1. */
function text(buf: Uint8Array, v: number, len: number): string {
  let end = v + len;
  // Some writers count a terminating NUL in the length.
  while (end > v && buf[end - 1] === 0) end--;
  const bytes = buf.subarray(v, end);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return latin1.decode(bytes);
  }
}

/** Calls `each` for the options in [o, end) until opt_endofopt or one that runs past the end. */
function forOptions(_buf: Uint8Array, dv: DataView, o: number, end: number, le: boolean, each: (code: number, v: number, len: number) => void): void {
  while (o + 4 <= end) {
    const code = dv.getUint16(o, le), olen = dv.getUint16(o + 2, le);
    if (code === 0) break;
    const v = o + 4;
    if (v + olen > end) break;
    each(code, v, olen);
    o = v + ((olen + 3) & ~3);
  }
}
