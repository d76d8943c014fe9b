// UDP (RFC 768). The datagram ends at the UDP length, clamped to what was captured.
import { u16 } from './bytes.js';
import type { Cursor } from './cursor.js';
import { Layer } from './layer.js';
import { byUdpPort } from './registry-tables.js';
import { LayerView } from './view.js';

export class Udp extends LayerView {
  readonly layer = Layer.Udp;
  /** The UDP length promises more bytes than were captured. */
  incomplete = false;

  decode(c: Cursor): number {
    const b = c.buf, o = c.off, have = c.end - o;
    if (have < 8) return c.short(Layer.Udp, o, 8);
    const len = u16(b, o + 4);
    if (len < 8) return c.invalid(Layer.Udp, o, `length ${len} < 8`);
    if (len <= have) {
      c.end = o + len; c.lenSource = 'udp-length'; this.incomplete = false;
    } else {
      if (c.lenSource !== 'caplen') return c.invalid(Layer.Udp, o, `length ${len} > ${have} bytes left in the ${c.lenSource}`);
      this.incomplete = true; c.cut = true;
    }
    this.buf = c.buf; this.base = c.base; this.off = c.off; this.end = c.end; this.headerLength = 8;
    c.packet.udp = this;
    c.off = o + 8;
    c.transport = Layer.Udp;
    // Nothing follows by the lengths: no application layer. Nothing captured of what the lengths promise: let it report the cut.
    if (c.end === c.off && c.lenSource !== 'caplen') return 0;
    const next = byUdpPort[u16(b, o + 2)]!;
    return next !== 0 ? next : byUdpPort[u16(b, o)]!;
  }

  get srcPort(): number { return u16(this.buf, this.off); }
  get dstPort(): number { return u16(this.buf, this.off + 2); }
  /** The UDP length field (header + data), as sent. */
  get datagramLength(): number { return u16(this.buf, this.off + 4); }
  get checksum(): number { return u16(this.buf, this.off + 6); }

  toJSON(): object {
    return {
      offset: this.offset, length: this.length, srcPort: this.srcPort, dstPort: this.dstPort, datagramLength: this.datagramLength,
      checksum: this.checksum, ...(this.incomplete ? { incomplete: true } : {}),
    };
  }
}
