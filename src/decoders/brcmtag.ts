// Broadcom switch tags (LINKTYPE_DSA_TAG_BRCM 281, DSA_TAG_BRCM_PREPEND 282): a 4-byte tag
// between a frame's MAC addresses and its type, or before the whole Ethernet header. The opcode
// says ingress (to the switch: traffic class, tag enforcement, destination port map) or egress
// (from it: class id, reason code, traffic class, source port).
import { macToString } from './addr.js';
import { u16 } from './bytes.js';
import type { Cursor } from './cursor.js';
import { etherTypeOrLength, type EthernetFraming } from './ethernet.js';
import { Layer } from './layer.js';
import { LayerView, NOT_CAPTURED } from './view.js';
// Module constants, which V8 folds into the code (an imported `Layer.X` is a load and a shape check per use).
const BRCM_TAG = Layer.BrcmTag, ETHERNET = Layer.Ethernet;

/** Bytes of the tag. */
export const BRCM_TAG_LENGTH = 4;

/** The Broadcom tag: inside an Ethernet header (BrcmTag) or before one (BrcmTagPrepend). */
export class BrcmTag extends LayerView implements EthernetFraming {
  readonly layer: typeof Layer.BrcmTag | typeof Layer.BrcmTagPrepend;
  /** Offset of the tag from the view's start: 12 inside the Ethernet header, 0 before it. */
  readonly #tagAt: number;

  constructor(c: Cursor, layer: typeof Layer.BrcmTag | typeof Layer.BrcmTagPrepend) {
    super(c);
    this.layer = layer;
    this.#tagAt = layer === BRCM_TAG ? 12 : 0;
  }

  decode(c: Cursor): number {
    const o = c.off, n = this.#tagAt === 0 ? BRCM_TAG_LENGTH : 12 + BRCM_TAG_LENGTH + 2;
    this.off = o; this.end = c.end; this.headerLength = 0;
    if (c.end - o < n) return c.short(this.layer, o, n);
    this.headerLength = n;
    c.mark(this.layer);
    c.off = o + n;
    if (this.#tagAt === 0) return ETHERNET;
    const next = etherTypeOrLength(c, u16(c.buf, o + n - 2));
    this.end = c.end;
    return next;
  }

  /** The Ethernet addresses and type around an inline tag. */
  get dst(): string { const o = this.off; if (o + 6 > this.end) throw NOT_CAPTURED; return macToString(this.cursor.buf, o); }
  get src(): string { const o = this.off + 6; if (o + 6 > this.end) throw NOT_CAPTURED; return macToString(this.cursor.buf, o); }
  /** Where the MACs start in the buffer (unchecked: see EthernetFraming). */
  get dstOffset(): number { return this.off; }
  get srcOffset(): number { return this.off + 6; }
  get etherType(): number { const o = this.off + 12 + BRCM_TAG_LENGTH; if (o + 2 > this.end) throw NOT_CAPTURED; return u16(this.cursor.buf, o); }

  /** Byte `i` of the tag. */
  #tag(i: number): number { const o = this.off + this.#tagAt + i; if (o >= this.end) throw NOT_CAPTURED; return this.cursor.buf[o]!; }
  /** Where the tag ends, from the view's start (tcpdump reads all four bytes before printing any: `need(tagEnd)`). */
  get tagEnd(): number { return this.#tagAt + BRCM_TAG_LENGTH; }
  /** The first byte: non-zero for ingress ("IG"). */
  get opcodeByte(): number { return this.#tag(0); }
  /** Ingress tag (opcode 1): to the switch. */
  get ingress(): boolean { return (this.#tag(0) & 0x20) !== 0; }
  /** Ingress: traffic class, tag enforcement (0 none, 1 untag, 2 header), timestamp request, destination port map. */
  get ingressTrafficClass(): number { return (this.#tag(1) >> 2) & 7; }
  get tagEnforcement(): number { return this.#tag(1) & 3; }
  get timestamp(): number { return this.#tag(1) >> 7; }
  get destinationMap(): number { return ((this.#tag(2) << 8) | this.#tag(3)) & 0x1ff; }
  /** Egress: class id, reason code (bits: mirror, MAC learning, switching, …), traffic class, source port. */
  get classId(): number { return this.#tag(1); }
  get reasonCode(): number { return this.#tag(2); }
  get egressTrafficClass(): number { return (this.#tag(3) >> 5) & 7; }
  get sourcePort(): number { return this.#tag(3) & 0x1f; }

  toJSON(): object {
    const tag = this.ingress
      ? { ingress: true, trafficClass: this.ingressTrafficClass, tagEnforcement: this.tagEnforcement, destinationMap: this.destinationMap }
      : { ingress: false, classId: this.classId, reasonCode: this.reasonCode, trafficClass: this.egressTrafficClass, sourcePort: this.sourcePort };
    return this.#tagAt === 0
      ? { offset: this.offset, length: this.length, ...tag }
      : { offset: this.offset, length: this.length, dst: this.dst, src: this.src, ...tag, etherType: this.etherType };
  }
}
