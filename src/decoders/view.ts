import type { Cursor } from './cursor.js';
import type { Layer } from './layer.js';

/**
 * Base of every layer view: a window onto the packet's bytes, re-pointed by each decode().
 * `off`/`end` are absolute indexes into `buf`; the public `offset` is relative to the frame.
 * A view is valid until the next decode() of its Decoder and only while the bytes are.
 */
export abstract class LayerView {
  /** Which layer this is (see `Layer`). */
  abstract readonly layer: Layer;
  /** Absolute index of the header's first byte in `buf`. */
  off = 0;
  /** Absolute index one past the last byte this layer may use (its header and payload). */
  end = 0;
  /** Bytes of this layer's header (options and extension headers included). */
  headerLength = 0;

  /** @param cursor the walk of the Decoder this view belongs to (the frame's bytes and start). */
  constructor(/** @internal */ readonly cursor: Cursor) {}

  // The frame's bytes and start are the walk's: a decode() re-points a view with off/end/headerLength only.
  /** The bytes the frame lives in (the whole batch region when decoding a batch). */
  get buf(): Uint8Array { return this.cursor.buf; }
  /** Absolute index of the frame's first byte in `buf`. */
  get base(): number { return this.cursor.base; }

  /**
   * Walk step: check the header at `c.off`, point the view at it, advance the cursor past it
   * and return the next layer (0: none). A stop is recorded on the cursor, never thrown.
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
  /** Offset of what follows the header, from the start of the frame. */
  get payloadOffset(): number { return this.off + this.headerLength - this.base; }
  /** Bytes after the header that were captured and belong to this layer (padding excluded where a length says so). */
  get payloadSize(): number { const n = this.end - this.off - this.headerLength; return n > 0 ? n : 0; }
  /** The header's bytes (a view, not a copy). */
  get header(): Uint8Array { return this.buf.subarray(this.off, this.off + this.headerLength); }
  /** What follows the header (a view, not a copy). */
  get payload(): Uint8Array { return this.buf.subarray(this.off + this.headerLength, this.off + this.headerLength + this.payloadSize); }
}
