import { inCksum } from './checksum.js';
import type { Cursor } from './cursor.js';
import type { Layer } from './layer.js';

/**
 * Thrown by a checked read of a field the capture did not reach (tcpdump's GET_* past the
 * snapshot end). A frozen singleton without a stack, cheap to throw. A view the library hands out
 * (`p.tcp`, `p.ipv4`…) is decoded in full, so its header getters never throw it: only the text
 * printers, which also read the views of cut and broken headers, see it, and their packet printer
 * turns it into tcpdump's ` [|proto]`.
 */
export const NOT_CAPTURED: { readonly notCaptured: true } = Object.freeze({ notCaptured: true });

// A checked read throws it in place (`if (…) throw NOT_CAPTURED;`), not through a function: a call
// that has never run has no type feedback, and V8 deoptimises optimised code when it reaches one —
// every printer that had inlined a getter, at the first cut header after it was optimised. A
// throw needs no feedback, and is no more bytecode than the call.

/**
 * Base of every layer view: a window onto the packet's bytes, re-pointed by each decode().
 * `off`/`end` are absolute indexes into `buf`; the public `offset` is relative to the frame.
 * A view is valid until the next decode() of its Decoder and only while the bytes are.
 *
 * decode() points the view at its layer (before it checks anything, or in the path that stops), so
 * the view of the layer where decoding stopped (a header cut short, or a field that contradicts
 * the others) still shows what there is: `captured` says how much, `has(n)` whether the first n
 * bytes are there, and a getter of a field that was not captured throws NOT_CAPTURED. The Packet's
 * layer getters only return views decoded in full; the partial one is for printers, which print as
 * far as tcpdump does.
 */
export abstract class LayerView {
  /** Which layer this is (see `Layer`). */
  abstract readonly layer: Layer;
  /** Absolute index of the header's first byte in `buf`. */
  off = 0;
  /**
   * Absolute index one past the last byte this layer may use (its header and payload): the
   * captured end, or where an outer length field or the layer's own ends it, if that is sooner.
   */
  end = 0;
  /** Bytes of this layer's header (options and extension headers included); 0 until decoded in full. */
  headerLength = 0;

  /**
   * The stop path of a decode() that points the view only once the header checks out: the view of
   * the header the walk stops in, at the cursor (not yet moved past it), nothing of it decoded in full.
   * The common stack's decoders leave this pointing to their cold paths: a store less in the line V8
   * inlines into the walk, where bytes of bytecode are the budget (registry.ts's walkAfterIp).
   */
  protected pointCut(c: Cursor): void { this.off = c.off; this.end = c.end; this.headerLength = 0; }

  /** @param cursor the walk of the Decoder this view belongs to (the frame's bytes and start). */
  constructor(/** @internal */ readonly cursor: Cursor) {}

  // The frame's bytes and start are the walk's: a decode() re-points a view with off/end/headerLength only.
  // Views' own getters read `this.cursor.buf`, not `this.buf`: this shared getter's load of `cursor`
  // sees every view class and goes megamorphic, which made printing 1.5× slower.
  /** The bytes the frame lives in (the whole batch region when decoding a batch). */
  get buf(): Uint8Array { return this.cursor.buf; }
  /** Absolute index of the frame's first byte in `buf`. */
  get base(): number { return this.cursor.base; }

  /**
   * Walk step: point the view at the header at `c.off`, check it, advance the cursor past it and
   * return the next layer (0: none). A stop is recorded on the cursor, never thrown.
   */
  abstract decode(c: Cursor): number;

  /** Plain object with the decoded fields (an owned copy: safe to keep). */
  abstract toJSON(): object;

  // Each view sets off/end/headerLength itself, inline: a shared helper here would see
  // every view class at one store site and make those stores megamorphic (a 2× slower decode).

  /** Offset of the header from the start of the frame. */
  get offset(): number { return this.off - this.base; }
  /** Header length in bytes. */
  get length(): number { return this.headerLength; }
  /** Bytes of this layer that were captured (within `end`), from its first byte. */
  get captured(): number { return this.end > this.off ? this.end - this.off : 0; }
  /** True when the first `n` bytes of the layer were captured (tcpdump's ND_TTEST_LEN from the layer's start). */
  has(n: number): boolean { return this.off + n <= this.end; }
  /** Throws NOT_CAPTURED unless the first `n` bytes were captured (tcpdump's ND_TCHECK_LEN → longjmp). */
  need(n: number): void { if (this.off + n > this.end) throw NOT_CAPTURED; }
  /**
   * Byte `i` of the layer, checked (NOT_CAPTURED past `end`). For data a printer walks byte by
   * byte (hex strings, text, cookies), not for fields: those have getters.
   */
  byte(i: number): number { const o = this.off + i; if (o >= this.end || i < 0) throw NOT_CAPTURED; return this.cursor.buf[o]!; }
  /**
   * The Internet checksum (RFC 1071) over the layer's first `n` bytes, starting from `initial` (a
   * pseudo-header's sum): 0 when it verifies. The caller checks `has(n)` first.
   */
  internetChecksum(n: number, initial = 0): number { return inCksum(this.cursor.buf, this.off, n, initial); }
  /** Offset of what follows the header, from the start of the frame. */
  get payloadOffset(): number { return this.off + this.headerLength - this.base; }
  /** Bytes after the header that were captured and belong to this layer (padding excluded where a length says so). */
  get payloadSize(): number { const n = this.end - this.off - this.headerLength; return n > 0 ? n : 0; }
  /** The header's bytes (a view, not a copy). */
  get header(): Uint8Array { return this.buf.subarray(this.off, this.off + this.headerLength); }
  /** What follows the header (a view, not a copy). */
  get payload(): Uint8Array { return this.buf.subarray(this.off + this.headerLength, this.off + this.headerLength + this.payloadSize); }
}

/**
 * A window onto a structure inside a layer — an option, a TLV, a tag, an extension header — that
 * a printer points at each one as it walks them (`point()`), with the same checked reads as a
 * LayerView. One per layer view, reused: nothing is allocated per option.
 */
export class FieldView {
  /** Absolute index of the structure's first byte in `buf`. */
  off = 0;
  /** Absolute index past the last byte that may be read (the end of what was captured, or an outer length). */
  end = 0;

  constructor(/** @internal */ readonly cursor: Cursor) {}

  get buf(): Uint8Array { return this.cursor.buf; }
  /** Points the view at `off`, readable up to `end`. */
  point(off: number, end: number): this { this.off = off; this.end = end; return this; }
  /** Bytes from `off` that may be read. */
  get captured(): number { return this.end > this.off ? this.end - this.off : 0; }
  /** True when the first `n` bytes were captured. */
  has(n: number): boolean { return this.off + n <= this.end; }
  /** Throws NOT_CAPTURED unless the first `n` bytes were captured. */
  need(n: number): void { if (this.off + n > this.end) throw NOT_CAPTURED; }
  /** Byte `i`, checked: for data walked byte by byte (hex strings, text), not for fields. */
  byte(i: number): number { const o = this.off + i; if (o >= this.end || i < 0) throw NOT_CAPTURED; return this.cursor.buf[o]!; }
}
