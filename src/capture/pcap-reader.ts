import type { BatchColumns, RecordParser } from './capture-file.js';
import type { CaptureInterface } from './capture-interface.js';

/** libpcap's max_snaplen_for_dlt() for every link type vcap reads: a bigger caplen is damage. */
export const MAX_SNAPLEN = 262144;

/** libpcap's pcap_adjust_snapshot(): 0 or more than INT_MAX in the header means the maximum. */
export function adjustSnaplen(snaplen: number): number {
  return snaplen === 0 || snaplen > 0x7fffffff ? MAX_SNAPLEN : snaplen;
}

/**
 * Classic pcap (https://www.ietf.org/archive/id/draft-ietf-opsawg-pcap-03.html): a 24-byte file
 * header, then records of a 16-byte header (24 in Kuznetzov's modified format) and the frame.
 * Byte order and precision come from the magic. Behaves as libpcap 1.10: the link type is the
 * low 16 bits of the field; a caplen above the snaplen but within 256 KiB is cut to the snaplen.
 */
export class PcapParser implements RecordParser {
  readonly format = 'pcap' as const;
  linkType = 0;
  snaplen = 0;
  nano = false;
  need = 0;
  error: string | null = null;
  /** The file's one interface, known once the header is read (a pcap file names none). */
  readonly interfaces: CaptureInterface[] = [];
  /** The file header's snaplen field before adjustment. */
  fileSnaplen = 0;
  /** Record number (1-based) of the next record. */
  record = 1;
  #le = true;
  #hdrLen = 16;
  #nsPerTick = 1000;

  parseHeader(_buf: Uint8Array, dv: DataView, pos: number, end: number): number {
    if (end - pos < 24) { this.need = 24; return pos; }
    const magic = dv.getUint32(pos, true);
    this.#le = magic === 0xa1b2c3d4 || magic === 0xa1b23c4d || magic === 0xa1b2cd34;
    const be = dv.getUint32(pos, false);
    this.nano = magic === 0xa1b23c4d || be === 0xa1b23c4d;
    this.#nsPerTick = this.nano ? 1 : 1000;
    this.#hdrLen = magic === 0xa1b2cd34 || be === 0xa1b2cd34 ? 24 : 16;
    const le = this.#le;
    const major = dv.getUint16(pos + 4, le), minor = dv.getUint16(pos + 6, le);
    if (major < 2) { this.error = 'archaic pcap savefile format'; return pos; }
    if (!(major === 2 && minor <= 4) && !(major === 543 && minor === 568)) {
      this.error = `unsupported pcap savefile version ${major}.${minor}`;
      return pos;
    }
    this.fileSnaplen = dv.getUint32(pos + 16, le);
    this.snaplen = adjustSnaplen(this.fileSnaplen);
    this.linkType = dv.getUint32(pos + 20, le) & 0xffff;
    // libpcap assumes a Kuznetzov Ethernet capture was made in cooked mode, with a 14-byte header faked on top.
    if (this.#hdrLen === 24 && this.linkType === 1) this.snaplen = Math.min(this.snaplen + 14, 0x7fffffff);
    this.interfaces.length = 0;
    this.interfaces.push({ linkType: this.linkType, snaplen: this.snaplen });
    this.need = 0;
    return pos + 24;
  }

  parse(_buf: Uint8Array, dv: DataView, pos: number, end: number, batch: BatchColumns, max: number): number {
    const le = this.#le, hl = this.#hdrLen, snap = this.snaplen, mul = this.#nsPerTick;
    const { offset, capLen, origLen, sec, nsec } = batch;
    let p = pos, n = 0;
    batch.iface = this.interfaces[0];
    batch.flags = undefined;
    batch.drops = 0;
    batch.linkType = this.linkType;
    while (n < max) {
      if (end - p < hl) { this.need = hl; break; }
      const cap = dv.getUint32(p + 8, le);
      if (cap > MAX_SNAPLEN) {
        this.error = `record ${this.record}: invalid packet capture length ${cap}, bigger than ` +
          (cap > snap ? `snaplen of ${snap}` : `maximum of ${MAX_SNAPLEN}`);
        break;
      }
      if (end - p - hl < cap) { this.need = hl + cap; break; }
      offset[n] = p + hl;
      capLen[n] = cap > snap ? snap : cap;
      origLen[n] = dv.getUint32(p + 12, le);
      // libpcap reads both fields as signed 32-bit and scales µs to ns without normalising: a
      // damaged record's fraction of a million µs or more reaches the printer as it is, as in tcpdump.
      sec[n] = dv.getInt32(p, le);
      nsec[n] = dv.getInt32(p + 4, le) * mul;
      n++;
      this.record++;
      p += hl + cap;
    }
    batch.count = n;
    return p;
  }

  truncated(_buf: Uint8Array, dv: DataView, pos: number, have: number, inHeader: boolean): string {
    if (inHeader) {
      // libpcap reads the magic first, then reports the whole header size but counts only what followed the magic.
      return `truncated dump file; tried to read 24 file header bytes, only got ${have - 4}`;
    }
    const hl = this.#hdrLen;
    if (have < hl) return `record ${this.record}: truncated dump file; tried to read ${hl} header bytes, only got ${have}`;
    const cap = dv.getUint32(pos + 8, this.#le);
    return `record ${this.record}: truncated dump file; tried to read ${cap} captured bytes, only got ${have - hl}`;
  }
}
