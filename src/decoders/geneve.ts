// Geneve (RFC 8926), UDP port 6081, the OVN/OVS tunnel: version and options length, flags (O: OAM,
// C: critical options), the protocol type (an EtherType), a 24-bit VNI, then the options (class,
// type, length, data) and the packet carried.
import { u16, u32 } from './bytes.js';
import type { Cursor } from './cursor.js';
import { Layer } from './layer.js';
import { tunnelStep } from './registry-tables.js';
import { FieldView, LayerView, NOT_CAPTURED } from './view.js';
// Module constant, which V8 folds into the code (an imported `Layer.X` is a load and a shape check per use).
const GENEVE = Layer.Geneve;

/** Bytes of the Geneve header before its options. */
export const GENEVE_HEADER_LENGTH = 8;
/** Bytes of an option's header (class, type, length) before its data. */
export const GENEVE_OPTION_HEADER_LENGTH = 4;

/** One Geneve option. */
export class GeneveOption extends FieldView {
  /** The option class (0x0100 Linux, 0x0101 Open vSwitch, 0x0102 OVN…). */
  get optionClass(): number { const o = this.off; if (o + 2 > this.end) throw NOT_CAPTURED; return u16(this.cursor.buf, o); }
  /** The type; 0x80 marks a critical option. */
  get type(): number { const o = this.off; if (o + 3 > this.end) throw NOT_CAPTURED; return this.cursor.buf[o + 2]!; }
  /** Bytes of the option, its header included (the 5-bit length field is in 4-byte words of data). */
  get length(): number { const o = this.off; if (o + 4 > this.end) throw NOT_CAPTURED; return (this.cursor.buf[o + 3]! & 0x1f) * 4 + GENEVE_OPTION_HEADER_LENGTH; }
  /** The 4-byte word at byte `i` of the option (i ≥ 4: the data). */
  word(i: number): number { const o = this.off + i; if (o + 4 > this.end) throw NOT_CAPTURED; return u32(this.cursor.buf, o); }
  /** Points the view at the option after this one. */
  next(): this { this.off += this.length; return this; }
}

/** A Geneve header; `headerLength` covers the options. An encapsulation: the packet of the protocol type (IPv4, IPv6, MPLS, Ethernet) is the walk's `Packet.inner`. */
export class Geneve extends LayerView {
  readonly layer = GENEVE;

  decode(c: Cursor): number {
    const o = c.off, b = c.buf;
    this.off = o; this.end = c.end; this.headerLength = 0;
    if (c.end - o < GENEVE_HEADER_LENGTH) return c.short(GENEVE, o, GENEVE_HEADER_LENGTH);
    const version = b[o]! >> 6;
    if (version !== 0) return c.invalid(GENEVE, o, `version ${version} != 0`);
    const len = GENEVE_HEADER_LENGTH + (b[o]! & 0x3f) * 4;
    if (c.end - o < len) return c.short(GENEVE, o, len);
    this.headerLength = len;
    c.mark(GENEVE);
    c.off = o + len;
    return tunnelStep(u16(b, o + 2));
  }

  get version(): number { const o = this.off; if (o >= this.end) throw NOT_CAPTURED; return this.cursor.buf[o]! >> 6; }
  /** Bytes of the options (the 6-bit field is in 4-byte words). */
  get optionsLength(): number { const o = this.off; if (o >= this.end) throw NOT_CAPTURED; return (this.cursor.buf[o]! & 0x3f) * 4; }
  /** Flags: 0x80 (O) OAM frame, 0x40 (C) critical options present. */
  get flags(): number { const o = this.off; if (o + 2 > this.end) throw NOT_CAPTURED; return this.cursor.buf[o + 1]!; }
  /** The protocol type: the EtherType of the packet carried (0x6558: an Ethernet frame). */
  get protocol(): number { const o = this.off; if (o + 4 > this.end) throw NOT_CAPTURED; return u16(this.cursor.buf, o + 2); }
  /** The Virtual Network Identifier. */
  get vni(): number { const o = this.off + 4; if (o + 3 > this.end) throw NOT_CAPTURED; const b = this.cursor.buf; return (b[o]! << 16) | (b[o + 1]! << 8) | b[o + 2]!; }
  get reserved(): number { const o = this.off; if (o + 8 > this.end) throw NOT_CAPTURED; return this.cursor.buf[o + 7]!; }

  /** A view of the options: `firstOption()` points it at the first, `next()` at each after. */
  readonly option: GeneveOption = new GeneveOption(this.cursor);
  firstOption(): GeneveOption { return this.option.point(this.off + GENEVE_HEADER_LENGTH, this.end); }

  toJSON(): object {
    const options: object[] = [];
    const end = this.off + this.headerLength;
    for (let opt = this.firstOption(); opt.off < end; opt.next()) {
      const data: number[] = [];
      const len = opt.length;
      for (let i = GENEVE_OPTION_HEADER_LENGTH; i < len && opt.off + i + 4 <= end; i += 4) data.push(opt.word(i));
      options.push({ class: opt.optionClass, type: opt.type, length: len, data });
    }
    return {
      offset: this.offset, length: this.length, version: this.version, flags: this.flags, protocol: this.protocol, vni: this.vni,
      options,
    };
  }
}
