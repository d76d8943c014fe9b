// Ad hoc On-Demand Distance Vector routing (RFC 3561, and draft-perkins-manet-aodv6-01's IPv6
// messages) on UDP 654: route requests, replies, errors and acknowledgements. Where a field is
// depends on the type and on the IP version: RFC 3561's messages sent over IPv6 carry IPv6
// addresses in RFC 3561's order; the draft's own types (16-18) put the sequence numbers first.
// Getters of the addressed fields take `v6`, the IP version of the datagram carrying the message.
import { ipv4ToString, ipv6ToString } from './addr.js';
import type { Cursor } from './cursor.js';
import { Layer } from './layer.js';
import { readU32, readU8 } from './reads.js';
import { FieldView, LayerView, NOT_CAPTURED } from './view.js';
// Module constants, which V8 folds into the code (an imported `Layer.X` is a load and a shape check per use).
const AODV = Layer.Aodv;

/** Message types. */
export const AodvType = { Rreq: 1, Rrep: 2, Rerr: 3, RrepAck: 4, Rreq6: 16, Rrep6: 17, Rerr6: 18, RrepAck6: 19 } as const;
/** Bytes of a route error's header before its unreachable destinations. */
export const AODV_RERR_HEADER_LENGTH = 4;
/** Bytes of an extension's type and length. */
export const AODV_EXTENSION_HEADER_LENGTH = 2;

/** An extension after a route request or reply, pointed at its type byte. */
export class AodvExtension extends FieldView {
  /** 1 HELLO. */
  get type(): number { return readU8(this, 0); }
  get valueLength(): number { return readU8(this, 1); }
  /** HELLO: the hello interval in ms. */
  get helloInterval(): number { return readU32(this, 2); }
}

/** An AODV message. */
export class Aodv extends LayerView {
  readonly layer = AODV;
  /** A sub-view for the extension after a request or reply (pointed by the printer; reused). */
  readonly extension: AodvExtension = new AodvExtension(this.cursor);

  decode(c: Cursor): number {
    const o = c.off;
    this.off = o; this.end = c.end; this.headerLength = 0;
    if (c.end - o < 1) return c.short(AODV, o, 1);
    this.headerLength = 1;
    c.mark(AODV);
    c.off = o + 1;
    return 0;
  }

  /** 1 RREQ, 2 RREP, 3 RERR, 4 RREP-ACK; 16-19 the same for the IPv6 draft. */
  get type(): number { return readU8(this, 0); }
  /** Flags: RREQ J R G D U (0x80…0x08), RREP R A (0x80, 0x40), RERR N (0x80). */
  get flags(): number { return readU8(this, 1); }
  /** RREP: prefix size (low 5 bits). */
  get prefixSize(): number { return readU8(this, 2) & 0x1f; }
  /** RREQ, RREP: hop count. */
  get hopCount(): number { return readU8(this, 3); }
  /** RREQ: RREQ ID. */
  get requestId(): number { return readU32(this, 4); }
  /** RERR: destination count. */
  get destinationCount(): number { return readU8(this, 3); }

  /** True for the IPv6 draft's own types (16-19). */
  get isDraft(): boolean { return this.type >= 16; }
  /** Bytes of a RREQ / RREP before any extension. */
  messageSize(v6: boolean): number { const rreq = this.type === 1 || this.type === 16; return rreq ? (v6 ? 48 : 24) : (v6 ? 44 : 20); }
  /** Points `extension` at what follows a RREQ / RREP (messageSize). */
  firstExtension(v6: boolean): AodvExtension { return this.extension.point(this.off + this.messageSize(v6), this.end); }
  /** RREQ, RREP: destination address and sequence number. */
  destination(v6: boolean): string { return this.address(this.rreq ? this.layout(v6, 8, 8, 16) : this.layout(v6, 4, 4, 8), v6); }
  destinationSequence(v6: boolean): number { return readU32(this, this.rreq ? this.layout(v6, 12, 24, 8) : this.layout(v6, 8, 20, 4)); }
  /** RREQ, RREP: originator address. */
  originator(v6: boolean): string { return this.address(this.rreq ? this.layout(v6, 16, 28, 32) : this.layout(v6, 12, 24, 24), v6); }
  /** RREQ: originator sequence number. */
  originatorSequence(v6: boolean): number { return readU32(this, this.layout(v6, 20, 44, 12)); }
  /** RREP: lifetime in ms. */
  lifetime(v6: boolean): number { return readU32(this, this.layout(v6, 16, 40, 40)); }
  /** RERR: bytes of an unreachable destination (address and sequence number). */
  static unreachableSize(v6: boolean): number { return v6 ? 20 : 8; }
  /** RERR: unreachable destination `i` (from 0) and its sequence number. */
  unreachable(i: number, v6: boolean): string { return this.address(AODV_RERR_HEADER_LENGTH + i * Aodv.unreachableSize(v6), v6); }
  unreachableSequence(i: number, v6: boolean): number { return readU32(this, AODV_RERR_HEADER_LENGTH + (i + 1) * Aodv.unreachableSize(v6) - 4); }

  private get rreq(): boolean { const t = this.type; return t === 1 || t === 16; }
  /** Where a field is in the IPv4 message, RFC 3561's message over IPv6, the draft's. */
  private layout(v6: boolean, v4At: number, v6At: number, draftAt: number): number { return !v6 ? v4At : this.isDraft ? draftAt : v6At; }
  private address(i: number, v6: boolean): string {
    const o = this.off + i;
    if (o + (v6 ? 16 : 4) > this.end) throw NOT_CAPTURED;
    return v6 ? ipv6ToString(this.cursor.buf, o) : ipv4ToString(this.cursor.buf, o);
  }

  toJSON(): object { return { offset: this.offset, length: this.length, type: this.type }; }
}
