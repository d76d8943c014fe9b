import { EMPTY } from './bytes.js';
import { Layer } from './layer.js';
import { DecodeStop, Len, lenSourceNames } from './stop.js';
// Module constants, which V8 folds into the code (an imported `Layer.X` is a load and a shape check per use).
const LEN_CAPLEN = Len.Caplen, LEN_TCP_SEGMENT = Len.TcpSegment;
/** How many layers numbered 32 and up one walk records (a longer stack keeps the rest as payload). */
export const EXTRA_LAYERS = 16;

/** A layer the walk left for first use: settle() walks on from it. */
class DeferredLayer {
  layer = 0;
  constructor(private readonly cursor: Cursor) {}
  walk(): void { this.cursor.walkOn(this.layer); }
}

/**
 * The walk's state, shared by the views of one Decoder: where the next layer starts (`off`),
 * how far it may read (`end`) and what set that bound. Offsets are absolute indexes into `buf`;
 * `base` is where the frame starts. `Packet` extends it: the packet a decode() returns is its walk,
 * so nothing is copied from one to the other and the layer getters read `present` in place.
 * @internal
 */
export abstract class Cursor {
  buf: Uint8Array = EMPTY;
  /** LINKTYPE_* of the frame. */
  linkType = 0;
  base = 0;
  off = 0;
  end = 0;
  /** End of the captured bytes (base + capLen). */
  capEnd = 0;
  /**
   * Bytes of the frame on the wire (what the record header says; capLen when not given): where a
   * link header says the frame ends with a checksum (radiotap's FCS flag), whether the capture reached it.
   */
  wireLen = 0;
  /** What bounded `end` (a `Len` value). */
  len = 0;
  /**
   * Bytes a layer states its payload has, where the payload takes that as its own length even past
   * the capture (ZEP's inner length, which tcpdump hands the 802.15.4 printer as the frame's): set
   * just before the walk goes on into that payload, whose decode() takes it and sets -1 again.
   */
  statedLength = -1;
  /**
   * The EtherType (or link protocol) that selected the current layer; VLAN tags report it as their
   * TPID. Set by every layer that dispatches by EtherType, before the layer it selects reads it.
   */
  etherType = 0;
  /** A length field promised more bytes than were captured (the packet is cut short). */
  cut = false;
  stopped = false;
  /** Bit (1 << Layer) for each layer numbered below 32 decoded in full; the Packet's layer getters read it. */
  present = 0;
  /** Layers numbered 32 and up decoded in full, in order (`extraCount` of them): mark() puts them here. */
  readonly extra: Uint8Array = new Uint8Array(EXTRA_LAYERS);
  extraCount = 0;
  /**
   * Work a layer left for first use (TCP options and the application layer after TCP or UDP, DNS
   * records); settle() runs it. A loop that reads only headers' fields never pays for it.
   */
  pending: { walk(): void } | undefined = undefined;
  /** Walk what IP carries and tunnels' inner packets within decode() (DecoderOptions.eager). */
  eager = false;
  /** The pending step deferLayer() sets (one per cursor, re-pointed per packet). */
  private readonly deferred: DeferredLayer = new DeferredLayer(this);
  /** The walk went on into an encapsulated packet (`Packet.inner`). */
  hasInner = false;
  /** Where and why the walk stopped (valid when `stopped`); one object, overwritten by the next stop. */
  readonly stopInfo = new DecodeStop();

  // Only what every walk reads before writing it; etherType is written before use.
  reset(buf: Uint8Array, linkType: number, start: number, capLen: number, wireLen: number): void {
    if (this.buf !== buf) this.buf = buf;
    this.linkType = linkType;
    const end = start + capLen;
    this.base = start; this.off = start; this.end = end; this.capEnd = end; this.wireLen = wireLen;
    this.len = LEN_CAPLEN; this.cut = false; this.stopped = false; this.present = 0; this.extraCount = 0; this.pending = undefined;
    this.hasInner = false;
  }

  /** reset() for a walk that starts inside a frame: at `off`, up to `end`, in the frame that starts at `base`. */
  resetAt(buf: Uint8Array, linkType: number, base: number, off: number, end: number): void {
    if (this.buf !== buf) this.buf = buf;
    this.linkType = linkType;
    this.base = base; this.off = off; this.end = end; this.capEnd = end; this.wireLen = end - base;
    this.len = LEN_CAPLEN; this.cut = false; this.stopped = false; this.present = 0; this.extraCount = 0; this.pending = undefined;
    this.hasInner = false;
  }

  /**
   * Marks `layer` decoded in full: its bit in `present` (layers below 32; the common ones write
   * their literal bit inline instead), or the `extra` list.
   */
  mark(layer: number): void {
    if (layer < 32) this.present |= 1 << layer;
    else if (this.extraCount < EXTRA_LAYERS) this.extra[this.extraCount++] = layer;
  }

  /** True when `layer` was decoded in full (the deferred work that may decode it is run first). */
  decoded(layer: number): boolean {
    if (this.pending) this.settleTo(layer);
    return this.walked(layer);
  }

  /** True when `layer` was decoded in full so far in this walk. */
  walked(layer: number): boolean {
    if (layer < 32) return (this.present & (1 << layer)) !== 0;
    for (let i = 0; i < this.extraCount; i++) if (this.extra[i] === layer) return true;
    return false;
  }

  /** Run the deferred checks of the last layer (they may move the payload and set a stop). */
  settle(): void {
    // A deferred step may decode a layer that defers work of its own (TCP → DNS → its records).
    for (let p = this.pending; p !== undefined; p = this.pending) {
      this.pending = undefined;
      p.walk();
    }
  }

  /**
   * Run deferred steps only until `layer` is decoded in full (or none is left): a printer asking
   * for one layer's view does not pay for the deferred work after it (DNS's record walk).
   */
  settleTo(layer: number): void {
    for (let p = this.pending; p !== undefined && !this.walked(layer); p = this.pending) {
      this.pending = undefined;
      p.walk();
    }
  }

  /** Go on walking from layer `next` (deferred work that found an application layer). */
  abstract walkOn(next: number): void;

  /** The walk of `layer` on waits for first use (settle()): what IP carries besides ICMP, TCP and UDP. */
  deferLayer(layer: number): void {
    const d = this.deferred;
    d.layer = layer;
    this.pending = d;
  }

  /** Go on into the packet an encapsulation carries, from layer `first` at `off` (the inner packet's own walk). */
  abstract walkInner(first: number): void;

  /**
   * A header needs `required` bytes from `at` but only `end - at` are there. Bounded by the
   * capture, that is a truncation; bounded by a length field, the packet lies.
   */
  short(layer: Layer, at: number, required: number, detail = '', source: number = this.len): 0 {
    const s = this.stopInfo;
    s.layer = layer; s.offset = at - this.base; s.required = required;
    s.available = this.end > at ? this.end - at : 0;
    s.lenSource = lenSourceNames[source]!; s.kind = source === LEN_CAPLEN || source === LEN_TCP_SEGMENT ? 'truncated' : 'error'; s.detail = detail;
    if (s.kind === 'truncated') this.cut = true;
    this.stopped = true;
    return 0;
  }

  /** A decoder bug caught by a guard: this packet's error stop, at `at`. */
  internalError(at: number, e: unknown): void {
    this.invalid(Layer.None, at, `internal decoder error: ${e instanceof Error ? e.message : String(e)}`);
  }

  /** A field contradicts the others (`header length 16 < 20`). */
  invalid(layer: Layer, at: number, detail: string): 0 {
    const s = this.stopInfo;
    s.layer = layer; s.offset = at - this.base; s.required = 0; s.available = 0;
    s.lenSource = lenSourceNames[this.len]!; s.kind = 'error'; s.detail = detail;
    this.stopped = true;
    return 0;
  }
}
