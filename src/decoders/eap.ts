// EAP (RFC 3748) and IEEE 802.1X EAPOL (EtherType 0x888E). An EAPOL frame is a version, a type
// and a body length; its type 0 body is an EAP packet: code, identifier, length and, for requests
// and responses, a type byte and type data. RADIUS carries EAP packets in EAP-Message attributes.
import { u16, u32 } from './bytes.js';
import type { Cursor } from './cursor.js';
import { Layer } from './layer.js';
import { LayerView, NOT_CAPTURED } from './view.js';
// Module constants, which V8 folds into the code (an imported `Layer.X` is a load and a shape check per use).
const EAP = Layer.Eap;
const EAPOL = Layer.Eapol;

/** Bytes of the EAP header (code, identifier, length). */
export const EAP_HEADER_LENGTH = 4;
/** Bytes of the EAPOL header (version, type, body length). */
export const EAPOL_HEADER_LENGTH = 4;

/** An EAP packet. `byte(i)` reads type data (identities, notifications) for the text printers. */
export class Eap extends LayerView {
  readonly layer = EAP;

  decode(c: Cursor): number {
    const o = c.off;
    this.off = o; this.end = c.end; this.headerLength = 0;
    if (c.end - o < EAP_HEADER_LENGTH) return c.short(EAP, o, EAP_HEADER_LENGTH);
    this.headerLength = EAP_HEADER_LENGTH;
    c.mark(EAP);
    c.off = o + EAP_HEADER_LENGTH;
    return 0;
  }

  #u8(i: number): number { const o = this.off + i; if (o >= this.end) throw NOT_CAPTURED; return this.cursor.buf[o]!; }
  /** 1 Request, 2 Response, 3 Success, 4 Failure. */
  get code(): number { return this.#u8(0); }
  get identifier(): number { return this.#u8(1); }
  /** The length the header states (header included). */
  get packetLength(): number { const o = this.off + 2; if (o + 2 > this.end) throw NOT_CAPTURED; return u16(this.cursor.buf, o); }
  /** Requests and responses: the type (1 Identity, 2 Notification, 3 Nak, 4 MD5-Challenge, 13 TLS, 21 TTLS…). */
  get type(): number { return this.#u8(4); }
  /** TLS, TTLS, FAST: the flags byte (L 0x80, M 0x40, S 0x20; TTLS/FAST version in the low 3 bits). */
  get tlsFlags(): number { return this.#u8(5); }
  /** TLS, TTLS, FAST with the L flag: the TLS message length. */
  get tlsMessageLength(): number { const o = this.off + 6; if (o + 4 > this.end) throw NOT_CAPTURED; return u32(this.cursor.buf, o); }
  /** SIM, AKA: the subtype. */
  get subtype(): number { return this.#u8(5); }
  /** Nak: the desired authentication type at index `i` of the packet (from 5). */
  nakType(i: number): number { return this.#u8(i); }

  toJSON(): object {
    const code = this.code;
    return {
      offset: this.offset, length: this.length, code, identifier: this.identifier, packetLength: this.packetLength,
      ...((code === 1 || code === 2) && this.has(5) ? { type: this.type } : {}),
    };
  }
}

/** An IEEE 802.1X EAPOL frame; its EAP packet (type 0) is the next layer. */
export class Eapol extends LayerView {
  readonly layer = EAPOL;

  decode(c: Cursor): number {
    const o = c.off;
    this.off = o; this.end = c.end; this.headerLength = 0;
    if (c.end - o < EAPOL_HEADER_LENGTH) return c.short(EAPOL, o, EAPOL_HEADER_LENGTH);
    this.headerLength = EAPOL_HEADER_LENGTH;
    c.mark(EAPOL);
    c.off = o + EAPOL_HEADER_LENGTH;
    return c.buf[o + 1] === 0 && u16(c.buf, o + 2) !== 0 ? EAP : 0;
  }

  get version(): number { const o = this.off; if (o >= this.end) throw NOT_CAPTURED; return this.cursor.buf[o]!; }
  /** 0 EAP packet, 1 start, 2 logoff, 3 key, 4 encapsulated ASF alert. */
  get type(): number { const o = this.off + 1; if (o >= this.end) throw NOT_CAPTURED; return this.cursor.buf[o]!; }
  get bodyLength(): number { const o = this.off + 2; if (o + 2 > this.end) throw NOT_CAPTURED; return u16(this.cursor.buf, o); }
  /** Absolute index of the body (the EAP packet of type 0). */
  get bodyOffset(): number { return this.off + EAPOL_HEADER_LENGTH; }

  toJSON(): object {
    return { offset: this.offset, length: this.length, version: this.version, type: this.type, bodyLength: this.bodyLength };
  }
}
