import type { BatchColumns, RecordParser } from './capture-file.js';
import { adjustSnaplen } from './pcap-reader.js';

const SHB = 0x0a0d0d0a;
const IDB = 1;
const OPB = 2;
const SPB = 3;
const EPB = 6;
const BOM = 0x1a2b3c4d;
/** libpcap's initial limit on a block; a larger length is taken as damage, not allocated. */
const MAX_BLOCK = 16 * 1024 * 1024;

/** One Interface Description Block, as the packet blocks of its section refer to it. */
interface Iface {
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
 * byte order), interfaces (IDB with if_tsresol and if_tsoffset), packets (EPB, SPB, obsolete OPB);
 * other block types are skipped. A batch holds frames of one link type only.
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
  /** Interfaces of the current section, in IDB order. */
  readonly interfaces: Iface[] = [];
  #le = true;
  /** Where parseHeader() stopped, relative to its start: a truncation inside the header is reported there. */
  #stopAt = 0;

  /** Reads blocks until the first IDB, as libpcap does at open, so the file's link type is known. */
  parseHeader(buf: Uint8Array, dv: DataView, pos: number, end: number): number {
    let p = pos;
    const firstBlock = this.block;
    while (this.interfaces.length === 0) {
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
    const first = this.interfaces[0]!;
    this.linkType = first.linkType;
    this.snaplen = first.snaplen;
    this.nano = first.units > 1e6;
    this.need = 0;
    return p;
  }

  parse(buf: Uint8Array, dv: DataView, pos: number, end: number, batch: BatchColumns, max: number): number {
    const { offset, capLen, origLen, sec, nsec } = batch;
    let p = pos, n = 0;
    while (n < max) {
      const len = this.#blockLen(dv, p, end);
      if (len < 0) break;
      const le = this.#le;
      const type = dv.getUint32(p, le);
      if (type === EPB || type === OPB || type === SPB) {
        let ifId: number, cap: number, orig: number, data: number;
        let hi = 0, lo = 0;
        if (type === SPB) {
          if (len < 16) { this.error = `block ${this.block}: block of type 3 in pcapng dump file is too short`; break; }
          ifId = 0;
          orig = dv.getUint32(p + 8, le);
          data = p + 12;
          cap = Math.min(orig, len - 16);
        } else {
          if (len < 32) { this.error = `block ${this.block}: block of type ${type} in pcapng dump file is too short`; break; }
          ifId = type === EPB ? dv.getUint32(p + 8, le) : dv.getUint16(p + 8, le);
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
        const iface = this.interfaces[ifId];
        if (iface === undefined) {
          this.error = `block ${this.block}: a packet arrived on interface ${ifId}, but there's no Interface Description Block for that interface`;
          break;
        }
        if (iface.units === 0) {
          this.error = `block ${this.block}: unsupported if_tsresol of interface ${ifId}`;
          break;
        }
        if (n > 0 && iface.linkType !== batch.linkType) break;
        batch.linkType = iface.linkType;
        offset[n] = data;
        capLen[n] = cap > iface.snaplen ? iface.snaplen : cap;
        origLen[n] = orig;
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

  /** Section and interface blocks; everything else that is not a packet is skipped. */
  #control(_buf: Uint8Array, dv: DataView, p: number, len: number, type: number): void {
    if (type === SHB) {
      const le = dv.getUint32(p + 8, true) === BOM;
      if (len < 28) { this.error = `block ${this.block}: Section Header Block has a length of ${len} < 28`; return; }
      const major = dv.getUint16(p + 12, le), minor = dv.getUint16(p + 14, le);
      if (major !== 1) { this.error = `block ${this.block}: unsupported pcapng savefile version ${major}.${minor}`; return; }
      this.#le = le;
      this.interfaces.length = 0;
      return;
    }
    if (type === IDB) {
      const le = this.#le;
      if (len < 20) { this.error = `block ${this.block}: Interface Description Block has a length of ${len} < 20`; return; }
      const iface: Iface = {
        linkType: dv.getUint16(p + 8, le),
        snaplen: adjustSnaplen(dv.getUint32(p + 12, le)),
        units: 1e6, mulNs: 1000, offset: 0,
      };
      const optEnd = p + len - 4;
      for (let o = p + 16; o + 4 <= optEnd;) {
        const code = dv.getUint16(o, le), olen = dv.getUint16(o + 2, le);
        if (code === 0) break;
        const v = o + 4;
        if (v + olen > optEnd) break;
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
        }
        o = v + ((olen + 3) & ~3);
      }
      this.interfaces.push(iface);
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
