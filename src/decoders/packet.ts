import type { Arp } from './arp.js';
import type { Dns } from './dns.js';
import type { Ethernet, Llc } from './ethernet.js';
import type { Icmp } from './icmp.js';
import type { Icmpv6 } from './icmpv6.js';
import type { Ipv4 } from './ipv4.js';
import type { Ipv6 } from './ipv6.js';
import type { NullLink } from './null.js';
import type { Sctp } from './sctp.js';
import type { Sll } from './sll.js';
import type { Sll2 } from './sll2.js';
import type { DecodeStop } from './stop.js';
import type { LayerView } from './view.js';
import { Cursor } from './cursor.js';
import type { Tcp } from './tcp.js';
import type { Udp } from './udp.js';
import type { Vlan } from './vlan.js';
import { Layer, layerKey } from './layer.js';
import { linkTypeName } from './link-type.js';
import { Views, walkRest } from './registry.js';
// Module constants, which V8 folds into the code (an imported `Layer.X` is a load and a shape check per use).
const LLC = Layer.Llc, VLAN = Layer.Vlan, SLL = Layer.Sll, SLL2 = Layer.Sll2, NULL = Layer.Null, LOOP = Layer.Loop;
const IPV4 = Layer.Ipv4, IPV6 = Layer.Ipv6, TCP = Layer.Tcp, UDP = Layer.Udp, DNS = Layer.Dns;
const GRE = Layer.Gre, VXLAN = Layer.Vxlan, GENEVE = Layer.Geneve, MPLS = Layer.Mpls;
/**
 * How deep the walk follows tunnels inside tunnels: each level is a Packet with its own views. A
 * printer goes deeper still, decoding on demand, as tcpdump does.
 */
export const MAX_INNER_DEPTH = 8;

/**
 * One decoded frame. `Decoder.decode()` returns the same Packet object every time, with every
 * layer re-pointed at the new bytes: a Packet and its layers are valid until the next decode()
 * of that Decoder, and only while the bytes are unchanged. Keep one with `clone()` or `toJSON()`.
 *
 * A layer is set only when its header was decoded in full; absent layers are `undefined`.
 */
export class Packet extends Cursor {
  /** @internal The Decoder's views, one per layer, pointed at each frame by the walk. */
  readonly views: Views = new Views(this);
  // The views the layer getters return, as fields of the packet itself: a getter is then one load,
  // a test and one more load, small enough for V8 to inline into any caller.
  /** @internal */ readonly ethernetView: Ethernet = this.views.ethernet;
  /** @internal */ readonly ipv4View: Ipv4 = this.views.ipv4;
  /** @internal */ readonly ipv6View: Ipv6 = this.views.ipv6;
  /** @internal */ readonly tcpView: Tcp = this.views.tcp;
  /** @internal */ readonly udpView: Udp = this.views.udp;
  /** @internal */ readonly icmpView: Icmp = this.views.icmp;
  /** @internal */ readonly icmpv6View: Icmpv6 = this.views.icmpv6;
  /** @internal */ readonly dnsView: Dns = this.views.dns;
  /** @internal */ readonly arpView: Arp = this.views.arp;

  // `buf` (the bytes the frame lives in: for a batch, the whole batch region) and `linkType`
  // (LINKTYPE_* the frame was decoded as) are the walk's own fields.

  /** Where the frame starts in `buf`; every layer's `offset` is relative to it. */
  get frameOffset(): number { return this.base; }
  /** Bytes captured. */
  get capLen(): number { return this.capEnd - this.base; }

  // Layers are getters over one bitmask (bit 1 << Layer.X), so decode() resets one number instead
  // of every field. The bits are literals: a module constant would make these getters too big for
  // V8 to inline everywhere.
  get ethernet(): Ethernet | undefined { return (this.present & 0x2) !== 0 ? this.ethernetView : undefined; }
  /** 802.2 LLC (and SNAP) after an 802.3 length field or an SLL protocol 4. */
  get llc(): Llc | undefined { return (this.present & (1 << LLC)) !== 0 ? this.views.llc : undefined; }
  /** Every VLAN tag, outermost first (a reused array). */
  get vlan(): readonly Vlan[] | undefined { return (this.present & (1 << VLAN)) !== 0 ? this.views.vlan.lists[this.views.vlan.count] : undefined; }
  get sll(): Sll | undefined { return (this.present & (1 << SLL)) !== 0 ? this.views.sll : undefined; }
  get sll2(): Sll2 | undefined { return (this.present & (1 << SLL2)) !== 0 ? this.views.sll2 : undefined; }
  /** BSD loopback header (link types NULL and LOOP). */
  get loopback(): NullLink | undefined {
    const present = this.present;
    return (present & (1 << NULL)) !== 0 ? this.views.null : (present & (1 << LOOP)) !== 0 ? this.views.loop : undefined;
  }
  get arp(): Arp | undefined { return (this.present & 0x10) !== 0 ? this.arpView : undefined; }
  get ipv4(): Ipv4 | undefined { return (this.present & 0x20) !== 0 ? this.ipv4View : undefined; }
  get ipv6(): Ipv6 | undefined { return (this.present & 0x40) !== 0 ? this.ipv6View : undefined; }
  get icmp(): Icmp | undefined { return (this.present & 0x80) !== 0 ? this.icmpView : undefined; }
  get icmpv6(): Icmpv6 | undefined { return (this.present & 0x100) !== 0 ? this.icmpv6View : undefined; }
  get tcp(): Tcp | undefined { return (this.present & 0x200) !== 0 ? this.tcpView : undefined; }
  get udp(): Udp | undefined { return (this.present & 0x400) !== 0 ? this.udpView : undefined; }
  /** SCTP (Layer.Sctp, 24): the common header; `chunkCount` chunks follow, walked with its `chunk` sub-view. */
  get sctp(): Sctp | undefined { if (this.pending) this.settle(); return (this.present & 0x1000000) !== 0 ? this.views.table[24] as Sctp : undefined; }
  /**
   * Any layer by number (`Layer.X`), when decoded in full: the same view as its named getter, and
   * the way to reach layers without one. Application layers are found when first asked for.
   */
  layer(layer: number): LayerView | undefined {
    if (this.pending) this.settle();
    return this.decoded(layer) ? this.views.table[layer] : undefined;
  }
  /** DNS (the application layer is found when first asked for: here, or by stop/payload). */
  get dns(): Dns | undefined { if (this.pending) this.settle(); return (this.present & 0x800) !== 0 ? this.dnsView : undefined; }

  /** @internal */
  walkOn(next: number): void { walkRest(this.views, this, next); }

  /** @internal The inner packet's Packet (its views), created when a walk first needs it and reused. */
  innerPacket: Packet | undefined = undefined;
  /** @internal Tunnels around this packet (0: the frame itself). */
  depth = 0;
  /** @internal For an inner packet: the layer its walk started with, and where (absolute). */
  firstLayer = 0;
  startOff = 0;

  /** @internal This inner packet is pointed at its bytes but not walked yet (walkInner defers the walk). */
  walkDue = false;

  /**
   * @internal The walk goes on into the encapsulated packet at `off`, into `inner`. Its own walk waits
   * until something asks for it (`inner`, `truncated`, a printer): a loop that reads the outer
   * headers of tunnelled traffic does not pay for decoding what they carry.
   */
  walkInner(first: number): void {
    if (this.depth >= MAX_INNER_DEPTH) return;
    let p = this.innerPacket;
    if (p === undefined) { p = new Packet(); p.depth = this.depth + 1; p.eager = this.eager; this.innerPacket = p; }
    p.resetAt(this.buf, this.linkType, this.base, this.off, this.end);
    p.firstLayer = first; p.startOff = this.off;
    this.hasInner = true;
    if (this.eager) walkRest(p.views, p, first);
    else p.walkDue = true;
  }

  /** The inner packet, walked (it was pointed at its bytes by walkInner). */
  #walkedInner(): Packet {
    const p = this.innerPacket!;
    if (p.walkDue) {
      p.walkDue = false;
      // Outside decode()'s guard now: a decoder bug stops the inner packet instead of reaching the caller.
      try { walkRest(p.views, p, p.firstLayer); } catch (e) { p.internalError(p.off, e); }
    }
    return p;
  }

  /**
   * The packet an encapsulation carries — IPv4 or IPv6 in IP, GRE's, VXLAN's and Geneve's payload, the
   * IP packet after an MPLS label stack — decoded by the same walk, with views of its own (its offsets
   * are from the start of the frame too); undefined when there is none. Valid as long as this packet.
   */
  get inner(): Packet | undefined { if (this.pending) this.settle(); return this.hasInner ? this.#walkedInner() : undefined; }

  /** @internal The inner packet when the walk started it with `layer` at absolute offset `off` and read up to `end`. */
  innerAt(layer: number, off: number, end: number): Packet | undefined {
    if (this.pending) this.settle();
    const p = this.innerPacket;
    return this.hasInner && p !== undefined && p.firstLayer === layer && p.startOff === off && p.capEnd === end ? this.#walkedInner() : undefined;
  }

  /**
   * @internal The view of `layer` if this packet's walk pointed it at absolute offset `off`: decoded
   * in full, or the layer the walk stopped in (a cut or broken header, for printers); else undefined.
   */
  viewAt(layer: number, off: number): LayerView | undefined {
    // The common layers and the tunnels by name: each `.off` load then sees one view class (one load
    // site for all would go megamorphic, which printing pays on every packet). A layer after a
    // transport is decoded when first asked for, so its view may still point at the last frame's:
    // the deferred work runs, and the view is tested again.
    let v: LayerView | undefined;
    switch (layer) {
      case IPV4: if (this.ipv4View.off !== off) return undefined; v = this.ipv4View; break;
      case IPV6: if (this.ipv6View.off !== off) return undefined; v = this.ipv6View; break;
      case TCP: if (this.tcpView.off !== off) return undefined; v = this.tcpView; break;
      case UDP: if (this.udpView.off !== off) return undefined; v = this.udpView; break;
      case DNS: {
        const d = this.dnsView;
        if (d.off !== off && (this.pending === undefined || !this.#settledTo(layer) || d.off !== off)) return undefined;
        v = d; break;
      }
      case GRE: {
        const g = this.views.gre;
        if (g.off !== off && (this.pending === undefined || !this.#settledTo(layer) || g.off !== off)) return undefined;
        v = g; break;
      }
      case VXLAN: {
        const x = this.views.vxlan;
        if (x.off !== off && (this.pending === undefined || !this.#settledTo(layer) || x.off !== off)) return undefined;
        v = x; break;
      }
      case GENEVE: {
        const g = this.views.geneve;
        if (g.off !== off && (this.pending === undefined || !this.#settledTo(layer) || g.off !== off)) return undefined;
        v = g; break;
      }
      case MPLS: {
        const m = this.views.mpls;
        if (m.off !== off && (this.pending === undefined || !this.#settledTo(layer) || m.off !== off)) return undefined;
        v = m; break;
      }
      default:
        v = this.views.table[layer];
        if (v === undefined) return undefined;
        if (v.off !== off && (this.pending === undefined || !this.#settledTo(layer) || v.off !== off)) return undefined;
    }
    if (this.walked(layer)) return v;
    // Layers after a transport are decoded when first asked for (only as far as this one: DNS's
    // record walk stays deferred); the stop may move with them.
    if (this.pending) { this.settleTo(layer); if (this.walked(layer)) return v; }
    return this.stopped && this.stopInfo.layer === layer ? v : undefined;
  }

  /** viewAt()'s deferred work up to `layer` (true: so the caller tests its view again, in one expression). */
  #settledTo(layer: number): true { this.settleTo(layer); return true; }

  /** Where and why decoding stopped early; undefined when every header was decoded. */
  get stop(): DecodeStop | undefined { if (this.pending) this.settle(); return this.stopped ? this.stopInfo : undefined; }
  /**
   * The capture cut the packet short: a header was cut (`stop.kind === 'truncated'`) or a
   * length field promises more bytes than were captured.
   */
  get truncated(): boolean { if (this.pending) this.settle(); return this.cut || (this.hasInner && this.#walkedInner().truncated); }
  /** Start of the bytes after the last decoded layer, relative to the frame start. */
  get payloadOffset(): number { if (this.pending) this.settle(); return this.off - this.base; }
  /** How many bytes follow the last decoded layer (within the innermost length field). */
  get payloadLength(): number { if (this.pending) this.settle(); return this.end > this.off ? this.end - this.off : 0; }

  /** A field contradicts the others: the stop's description (undefined otherwise). */
  get error(): string | undefined { return this.stop?.kind === 'error' ? this.stop.toString() : undefined; }

  /** The captured frame (a view, not a copy). */
  get bytes(): Uint8Array { return this.buf.subarray(this.frameOffset, this.frameOffset + this.capLen); }
  /** The bytes after the last decoded layer (a view, not a copy). */
  get payload(): Uint8Array {
    const o = this.frameOffset + this.payloadOffset;
    return this.buf.subarray(o, o + this.payloadLength);
  }
  /** IPv4 or IPv6, whichever is present. */
  get ip(): Ipv4 | Ipv6 | undefined { return this.ipv4 ?? this.ipv6; }

  /** An independent copy: its own bytes and its own Decoder, valid for as long as it is kept. */
  clone(): Packet { return cloneHook(this); }

  /**
   * A plain object with every decoded layer's fields, the stop and the payload size (owned, JSON-safe).
   * The packet a tunnel carries is under `inner`, in the same form (without linkType and capLen).
   */
  toJSON(): object { return this.#json({ linkType: linkTypeName(this.linkType), capLen: this.capLen }); }

  #json(o: Record<string, unknown>): object {
    if (this.pending) this.settle();
    if (this.sll) o.sll = this.sll.toJSON();
    if (this.sll2) o.sll2 = this.sll2.toJSON();
    if (this.loopback) o.loopback = this.loopback.toJSON();
    if (this.ethernet) o.ethernet = this.ethernet.toJSON();
    if (this.llc) o.llc = this.llc.toJSON();
    if (this.vlan) o.vlan = this.vlan.map((t) => t.toJSON());
    if (this.arp) o.arp = this.arp.toJSON();
    if (this.ipv4) o.ipv4 = this.ipv4.toJSON();
    if (this.ipv6) o.ipv6 = this.ipv6.toJSON();
    if (this.icmp) o.icmp = this.icmp.toJSON();
    if (this.icmpv6) o.icmpv6 = this.icmpv6.toJSON();
    if (this.tcp) o.tcp = this.tcp.toJSON();
    if (this.udp) o.udp = this.udp.toJSON();
    if (this.sctp) o.sctp = this.sctp.toJSON();
    if (this.dns) o.dns = this.dns.toJSON();
    // Layers without a getter of their own, under their key (`layerKey`), in the order decoded.
    for (let i = 0; i < this.extraCount; i++) {
      const l = this.extra[i]!;
      o[layerKey(l)] = this.views.table[l]!.toJSON();
    }
    const inner = this.inner;
    if (inner !== undefined) o.inner = inner.#json({});
    o.payloadOffset = this.payloadOffset;
    o.payloadLength = this.payloadLength;
    if (this.truncated) o.truncated = true;
    if (this.stop) o.stop = this.stop.toJSON();
    return o;
  }
}

// decoder.ts installs the real clone (it needs a Decoder; this keeps packet.ts free of a cycle).
let cloneHook: (p: Packet) => Packet = () => { throw new Error('Decoder not loaded'); };
export function setCloneHook(f: (p: Packet) => Packet): void { cloneHook = f; }
