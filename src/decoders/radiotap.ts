// The radio headers captures put before an 802.11 frame: radiotap (LINKTYPE_IEEE802_11_RADIO,
// 127: a length, presence bitmaps, then the fields they name, each aligned to its size from the
// header's start), and the AVS (LINKTYPE_IEEE802_11_RADIO_AVS, 163) and Prism
// (LINKTYPE_PRISM_HEADER, 119) capture headers, which tcpdump skips by their length. Linux gives
// AVS headers the Prism link type too; their magic cookie tells them apart.
import { u16le, u32, u32le } from './bytes.js';
import type { Cursor } from './cursor.js';
import type { Ieee80211 } from './ieee80211.js';
import { Layer } from './layer.js';
import { FieldView, LayerView, NOT_CAPTURED } from './view.js';
// Module constants, which V8 folds into the code (an imported `Layer.X` is a load and a shape check per use).
const RADIOTAP = Layer.Radiotap, IEEE80211 = Layer.Ieee80211, AVS = Layer.Avs;

/** Bytes of radiotap's fixed header: version, pad, length, the first presence bitmap. */
export const RADIOTAP_HEADER_LENGTH = 8;
/** Bytes of a Prism capture header. */
export const PRISM_HEADER_LENGTH = 144;
/** Bytes of the AVS header's version cookie and length, the least an AVS header has. */
export const AVS_MIN_HEADER_LENGTH = 8;
/** AVS (wlancap) version cookies: a Prism link-type frame that starts with one is AVS. */
const AVS_COOKIE_V1 = 0x80211001, AVS_COOKIE_V2 = 0x80211002;

/** Radiotap field numbers (presence bits). */
export const enum RadiotapField {
  Tsft = 0, Flags = 1, Rate = 2, Channel = 3, Fhss = 4, DbmAntennaSignal = 5, DbmAntennaNoise = 6, LockQuality = 7,
  TxAttenuation = 8, DbTxAttenuation = 9, DbmTxPower = 10, Antenna = 11, DbAntennaSignal = 12, DbAntennaNoise = 13,
  RxFlags = 14, XChannel = 18, Mcs = 19, AmpduStatus = 20, Vht = 21,
}
/** Bits of a presence word that mean the same in every namespace. */
const PRESENCE_NAMESPACE = 29, PRESENCE_VENDOR_NAMESPACE = 30, PRESENCE_EXTENDED = 31;
/** Radiotap flags: the frame has padding after its MAC header, the frame ends with an FCS. */
export const RADIOTAP_FLAG_DATAPAD = 0x20, RADIOTAP_FLAG_FCS = 0x10;

// Each field's size and alignment as tcpdump reads it (its cpack reads; -1: a field tcpdump does not
// know, whose size it cannot skip). DB_TX_ATTENUATION is 2 bytes in the standard; tcpdump reads 1.
const FIELD_SIZE = [8, 1, 1, 4, 2, 1, 1, 2, 2, 1, 1, 1, 1, 1, 2, -1, -1, -1, 8, 3, 8, 12];
const FIELD_ALIGN = [8, 1, 1, 2, 1, 1, 1, 2, 2, 1, 1, 1, 1, 1, 2, 1, 1, 1, 4, 1, 4, 2];

/** What RadiotapFields.next() found. */
export const enum RadiotapStep {
  /** No more fields. */
  End = 0,
  /** A field: `bit` says which, its getters read it. */
  Field = 1,
  /** The next field does not fit in the header: tcpdump prints ` [|802.11_radio]` and stops. */
  Truncated = 2,
  /** A field tcpdump does not know (`bit`): it prints `[bit N]` and stops, as it cannot skip it. */
  Unknown = 3,
  /** A vendor namespace's header does not fit: ` [|802.11_radio]`, and the walk goes on with the next bitmap. */
  VendorTruncated = 4,
}

/**
 * The walk over radiotap's fields in tcpdump's order (print_in_radiotap_namespace, and the
 * namespace switches of ieee802_11_radio_print): each next() moves to the next field present,
 * aligned from the header's start, or says why the walk ends. Vendor namespaces are skipped by
 * their length. Points at the whole header (`off` .. `off` + its length).
 */
export class RadiotapFields extends FieldView {
  /** The current field's number (bit0 + the bit in its presence word). */
  bit = 0;
  /** Absolute index of the current field. */
  at = 0;
  /** The current presence word, whole (channel printing asks it whether MCS is present). */
  presence = 0;
  #next = 0; #word = 0; #lastWord = 0; #remaining = 0; #bit0 = 0; #vendor = false; #skip = 0; #done = true;

  /** Starts the walk; `lastWord` is the absolute index of the last presence bitmap. */
  start(lastWord: number): RadiotapStep {
    this.#lastWord = lastWord;
    this.#next = lastWord + 4;
    this.#word = this.off + 4;
    this.#bit0 = 0; this.#vendor = false; this.#skip = 0; this.#done = false;
    if (!this.#load()) this.#done = true;
    return this.next();
  }

  /** Loads the presence word at #word (a vendor namespace's fields skipped); false: the skip ran out of header. */
  #load(): boolean {
    const w = u32le(this.cursor.buf, this.#word);
    this.presence = w;
    if (this.#vendor) {
      this.#remaining = 0;
      if (this.#next + this.#skip > this.end) return false;
      this.#next += this.#skip;
      this.#skip = 0;
    } else this.#remaining = w;
    return true;
  }

  /** The next read position aligned to `a` bytes from the header's start (tcpdump's cpack). */
  #aligned(a: number): number { return this.off + (((this.#next - this.off) + a - 1) & -a); }

  next(): RadiotapStep {
    while (!this.#done) {
      while (this.#remaining !== 0) {
        const low = (this.#remaining & -this.#remaining) >>> 0;
        this.#remaining = (this.#remaining ^ low) >>> 0;
        const bitno = 31 - Math.clz32(low);
        if (bitno >= PRESENCE_NAMESPACE) { this.#remaining = 0; break; }
        const bit = this.#bit0 + bitno;
        this.bit = bit;
        const size = bit < FIELD_SIZE.length ? FIELD_SIZE[bit]! : -1;
        if (size < 0) { this.#done = true; return RadiotapStep.Unknown; }
        const at = this.#aligned(FIELD_ALIGN[bit]!);
        if (at + size > this.end) { this.#done = true; return RadiotapStep.Truncated; }
        this.at = at;
        this.#next = at + size;
        return RadiotapStep.Field;
      }
      let step = RadiotapStep.End;
      const ns = this.presence & ((1 << PRESENCE_NAMESPACE) | (1 << PRESENCE_VENDOR_NAMESPACE));
      if (ns === 0) this.#bit0 += 32;
      else if (ns === 1 << PRESENCE_NAMESPACE) { this.#bit0 = 0; this.#vendor = false; this.#skip = 0; }
      else if (ns === 1 << PRESENCE_VENDOR_NAMESPACE) {
        // The vendor namespace header: OUI, sub-namespace, the length of its fields (aligned to 2).
        this.#bit0 = 0; this.#vendor = true;
        // tcpdump checks that 2 bytes fit at the aligned position, then reads the 4 bytes of OUI
        // and sub-namespace from where it was (unaligned) and the length aligned.
        if (this.#aligned(2) + 2 > this.end) step = RadiotapStep.VendorTruncated;
        else {
          let k = 0;
          for (; k < 4 && this.#next + 1 <= this.end; k++) this.#next++;
          const at = this.#aligned(2);
          if (k < 4 || at + 2 > this.end) step = RadiotapStep.VendorTruncated;
          else { this.#skip = u16le(this.cursor.buf, at); this.#next = at + 2; }
        }
      }
      this.#word += 4;
      if (this.#word > this.#lastWord || !this.#load()) this.#done = true;
      if (step !== RadiotapStep.End) return step;
    }
    return RadiotapStep.End;
  }

  // The current field's values (the walk proved they are in the header).
  /** TSFT: the MAC's 64-bit timer in microseconds. */
  get tsft(): bigint { const b = this.cursor.buf, o = this.at; return (BigInt(u32le(b, o + 4)) << 32n) | BigInt(u32le(b, o)); }
  get u8(): number { return this.cursor.buf[this.at]!; }
  get s8(): number { return (this.cursor.buf[this.at]! << 24) >> 24; }
  /** Field bytes k, k+1 little-endian (CHANNEL's frequency 0 and flags 2, LOCK_QUALITY, RX_FLAGS). */
  u16(k: number): number { return u16le(this.cursor.buf, this.at + k); }
  s16(k: number): number { return (u16le(this.cursor.buf, this.at + k) << 16) >> 16; }
  u32(k: number): number { return u32le(this.cursor.buf, this.at + k); }
  /** Field byte k (FHSS's hop set and pattern, MCS's known/flags/index, VHT's bytes). */
  byteOf(k: number): number { return this.cursor.buf[this.at + k]!; }
}

export class Radiotap extends LayerView {
  readonly layer = RADIOTAP;
  readonly fields: RadiotapFields;
  /** Absolute index of the last presence bitmap (valid when `bitmapsFit`). */
  lastPresenceWord = 0;
  /** The presence bitmaps end inside the header (tcpdump's check for more extensions than header). */
  bitmapsFit = false;
  /** The radiotap flags field (0 when absent or not reached), which say whether the frame is padded and ends with an FCS. */
  flags = 0;

  constructor(c: Cursor, readonly frame: Ieee80211) { super(c); this.fields = new RadiotapFields(c); }

  decode(c: Cursor): number {
    const o = c.off, b = c.buf;
    this.off = o; this.end = c.end; this.headerLength = 0; this.flags = 0; this.bitmapsFit = false;
    if (c.end - o < RADIOTAP_HEADER_LENGTH) return c.short(RADIOTAP, o, RADIOTAP_HEADER_LENGTH);
    const len = u16le(b, o + 2);
    if (len < RADIOTAP_HEADER_LENGTH) return c.invalid(RADIOTAP, o, `header length ${len} < ${RADIOTAP_HEADER_LENGTH}`);
    if (c.end - o < len) return c.short(RADIOTAP, o, len);
    let w = o + 4;
    while (w + 4 <= o + len && (u32le(b, w) & (1 << PRESENCE_EXTENDED)) !== 0) w += 4;
    if (w + 4 > o + len) return c.invalid(RADIOTAP, o, 'presence bitmaps run past the header');
    this.lastPresenceWord = w;
    this.bitmapsFit = true;
    // The flags field says how to read the frame after the header.
    const f = this.fields;
    f.point(o, o + len);
    for (let s = f.start(w); s !== RadiotapStep.End && s !== RadiotapStep.Truncated && s !== RadiotapStep.Unknown; s = f.next()) {
      if (s === RadiotapStep.Field && f.bit === RadiotapField.Flags) this.flags = f.u8;
    }
    this.headerLength = len;
    c.mark(RADIOTAP);
    c.off = o + len;
    return this.frame.decodeFrame(c, (this.flags & RADIOTAP_FLAG_DATAPAD) !== 0, this.flags & RADIOTAP_FLAG_FCS ? 4 : 0);
  }

  get version(): number { const o = this.off; if (o >= this.end) throw NOT_CAPTURED; return this.cursor.buf[o]!; }
  /** The header's length field: fixed part, bitmaps and fields. */
  get headerLengthField(): number { const o = this.off + 2; if (o + 2 > this.end) throw NOT_CAPTURED; return u16le(this.cursor.buf, o); }
  /** The first presence bitmap. */
  get present(): number { const o = this.off + 4; if (o + 4 > this.end) throw NOT_CAPTURED; return u32le(this.cursor.buf, o); }
  /** Points `fields` at the header and starts the walk over its fields. */
  startFields(): RadiotapStep { this.fields.point(this.off, this.off + this.headerLengthField); return this.fields.start(this.lastPresenceWord); }

  toJSON(): object {
    return { offset: this.offset, length: this.length, version: this.version, present: this.present, flags: this.flags };
  }
}

/**
 * A Prism capture header (144 bytes, LINKTYPE_PRISM_HEADER) or an AVS header (LINKTYPE_IEEE802_11_RADIO_AVS,
 * or a Prism link-type frame that starts with AVS's cookie): tcpdump skips both by their length.
 */
export class RadioCaptureHeader extends LayerView {
  constructor(c: Cursor, readonly layer: typeof Layer.Prism | typeof Layer.Avs) { super(c); }

  decode(c: Cursor): number {
    const o = c.off, layer = this.layer;
    this.off = o; this.end = c.end; this.headerLength = 0;
    let len = PRISM_HEADER_LENGTH;
    if (layer === AVS || (c.end - o >= 4 && this.isAvs)) {
      if (c.end - o < AVS_MIN_HEADER_LENGTH) return c.short(layer, o, AVS_MIN_HEADER_LENGTH);
      len = u32(c.buf, o + 4);
      if (len < AVS_MIN_HEADER_LENGTH) return c.invalid(layer, o, `header length ${len} < ${AVS_MIN_HEADER_LENGTH}`);
    } else if (c.end - o < 4) return c.short(layer, o, 4);
    if (c.end - o < len) return c.short(layer, o, len);
    this.headerLength = len;
    c.mark(layer);
    c.off = o + len;
    return IEEE80211;
  }

  /** The first 4 bytes, big-endian: a Prism message code, or AVS's version cookie. */
  get messageCode(): number { const o = this.off; if (o + 4 > this.end) throw NOT_CAPTURED; return u32(this.cursor.buf, o); }
  /** The header is AVS's (its version cookie), not Prism's. */
  get isAvs(): boolean { const m = this.messageCode; return m === AVS_COOKIE_V1 || m === AVS_COOKIE_V2; }
  /** An AVS header's length field. */
  get avsHeaderLength(): number { const o = this.off + 4; if (o + 4 > this.end) throw NOT_CAPTURED; return u32(this.cursor.buf, o); }

  toJSON(): object { return { offset: this.offset, length: this.length, messageCode: this.messageCode }; }
}
