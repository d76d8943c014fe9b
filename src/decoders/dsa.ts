// Marvell switch tags (LINKTYPE_DSA_TAG_DSA 284, DSA_TAG_EDSA 285): Ethernet frames between a
// switch and its CPU port carry a 4-byte DSA tag — or an 8-byte EDSA tag, the DSA tag behind an
// EtherType of its own — after the MAC addresses, before the frame's type.
import { macToString } from './addr.js';
import { u16 } from './bytes.js';
import type { Cursor } from './cursor.js';
import { etherTypeOrLength, type EthernetFraming } from './ethernet.js';
import { Layer } from './layer.js';
import { LayerView, NOT_CAPTURED } from './view.js';
// Module constants, which V8 folds into the code (an imported `Layer.X` is a load and a shape check per use).
const DSA = Layer.Dsa, EDSA = Layer.Edsa;

/** Bytes of the tags. */
export const DSA_TAG_LENGTH = 4;
export const EDSA_TAG_LENGTH = 8;
/** Where the tag starts: after the two MAC addresses. */
const TAG_OFFSET = 12;

/** DSA tag modes (the top two bits). */
export const enum DsaMode { ToCpu = 0, FromCpu = 1, ToSniffer = 2, Forward = 3 }

/** An Ethernet header with a DSA or EDSA tag (`layer` says which). */
export class DsaTagged extends LayerView implements EthernetFraming {
  readonly layer: typeof Layer.Dsa | typeof Layer.Edsa;
  /** Bytes of the tag: 4 (DSA) or 8 (EDSA). */
  readonly tagLength: number;
  /** Offset of the DSA part of the tag from the frame's start (behind EDSA's EtherType and reserved bytes). */
  readonly #dsaAt: number;

  constructor(c: Cursor, layer: typeof Layer.Dsa | typeof Layer.Edsa) {
    super(c);
    this.layer = layer;
    this.tagLength = layer === DSA ? DSA_TAG_LENGTH : EDSA_TAG_LENGTH;
    this.#dsaAt = TAG_OFFSET + this.tagLength - DSA_TAG_LENGTH;
  }

  decode(c: Cursor): number {
    const o = c.off, n = TAG_OFFSET + this.tagLength + 2;
    this.off = o; this.end = c.end; this.headerLength = 0;
    if (c.end - o < n) return c.short(this.layer, o, n);
    this.headerLength = n;
    c.mark(this.layer);
    c.off = o + n;
    const next = etherTypeOrLength(c, u16(c.buf, o + n - 2));
    this.end = c.end;
    return next;
  }

  get dst(): string { const o = this.off; if (o + 6 > this.end) throw NOT_CAPTURED; return macToString(this.cursor.buf, o); }
  get src(): string { const o = this.off + 6; if (o + 6 > this.end) throw NOT_CAPTURED; return macToString(this.cursor.buf, o); }
  /** Where the MACs start in the buffer (unchecked: see EthernetFraming). */
  get dstOffset(): number { return this.off; }
  get srcOffset(): number { return this.off + 6; }
  /** The frame's type/length field, after the tag. */
  get etherType(): number { const o = this.off + TAG_OFFSET + this.tagLength; if (o + 2 > this.end) throw NOT_CAPTURED; return u16(this.cursor.buf, o); }
  /** EDSA: the tag's own EtherType, and its two reserved bytes. */
  get edsaEtherType(): number { const o = this.off + TAG_OFFSET; if (o + 2 > this.end) throw NOT_CAPTURED; return u16(this.cursor.buf, o); }
  get edsaReserved1(): number { return this.#tagByte(-2); }
  get edsaReserved2(): number { return this.#tagByte(-1); }

  /** Byte `i` of the DSA part of the tag (negative: EDSA's header before it). */
  #tagByte(i: number): number { const o = this.off + this.#dsaAt + i; if (o >= this.end) throw NOT_CAPTURED; return this.cursor.buf[o]!; }
  /** DsaMode. */
  get mode(): number { return this.#tagByte(0) >> 6; }
  /** The frame was VLAN-tagged on the wire. */
  get tagged(): boolean { return (this.#tagByte(0) & 0x20) !== 0; }
  /** Source or target switch device. */
  get device(): number { return this.#tagByte(0) & 0x1f; }
  get port(): number { return this.#tagByte(1) >> 3; }
  /** Forward: the source is a trunk; to sniffer: received (ingress) rather than sent. */
  get trunk(): boolean { return (this.#tagByte(1) & 0x04) !== 0; }
  get rxSniff(): boolean { return this.trunk; }
  get cfi(): boolean { return (this.#tagByte(1) & 0x01) !== 0; }
  get priority(): number { return this.#tagByte(2) >> 5; }
  get vid(): number { return ((this.#tagByte(2) & 0x0f) << 8) | this.#tagByte(3); }
  /** To CPU: why the switch sent it (0 BPDU trap … 5 policy mirror). */
  get code(): number { return (((this.#tagByte(1) & 0x06) >> 1) << 1) | ((this.#tagByte(2) & 0x10) >> 4); }

  toJSON(): object {
    const o: Record<string, unknown> = { offset: this.offset, length: this.length, dst: this.dst, src: this.src };
    if (this.layer === EDSA) o.edsaEtherType = this.edsaEtherType;
    Object.assign(o, { mode: this.mode, tagged: this.tagged, device: this.device, port: this.port, vid: this.vid, priority: this.priority, etherType: this.etherType });
    return o;
  }
}
