// SOME/IP (AUTOSAR Scalable service-Oriented MiddlewarE over IP), UDP port 30490 and -T someip: a
// 16-byte header (message ID: service and method/event; length; request ID: client and session;
// protocol and interface versions; message type; return code), then the payload.
import { u16, u32 } from './bytes.js';
import type { Cursor } from './cursor.js';
import { Layer } from './layer.js';
import { LayerView, NOT_CAPTURED } from './view.js';
// Module constant, which V8 folds into the code (an imported `Layer.X` is a load and a shape check per use).
const SOMEIP = Layer.SomeIp;

/** Bytes of the SOME/IP header. */
export const SOMEIP_HEADER_LENGTH = 16;

/** A SOME/IP message header. */
export class SomeIp extends LayerView {
  readonly layer = SOMEIP;

  decode(c: Cursor): number {
    const o = c.off;
    this.off = o; this.end = c.end; this.headerLength = 0;
    if (c.end - o < SOMEIP_HEADER_LENGTH) return c.short(SOMEIP, o, SOMEIP_HEADER_LENGTH);
    this.headerLength = SOMEIP_HEADER_LENGTH;
    c.mark(SOMEIP);
    c.off = o + SOMEIP_HEADER_LENGTH;
    return 0;
  }

  #u8(i: number): number { const o = this.off + i; if (o >= this.end) throw NOT_CAPTURED; return this.cursor.buf[o]!; }
  #u16(i: number): number { const o = this.off + i; if (o + 2 > this.end) throw NOT_CAPTURED; return u16(this.cursor.buf, o); }
  get serviceId(): number { return this.#u16(0); }
  /** True when the message ID names an event (its top bit), false for a method. */
  get isEvent(): boolean { return (this.#u16(2) & 0x8000) !== 0; }
  get methodOrEventId(): number { return this.#u16(2) & 0x7fff; }
  /** The length field: bytes after it (request ID onwards). */
  get messageLength(): number { const o = this.off + 4; if (o + 4 > this.end) throw NOT_CAPTURED; return u32(this.cursor.buf, o); }
  get clientId(): number { return this.#u16(8); }
  get sessionId(): number { return this.#u16(10); }
  get protocolVersion(): number { return this.#u8(12); }
  get interfaceVersion(): number { return this.#u8(13); }
  /** 0x00 request, 0x01 request without return, 0x02 notification, 0x80 response, 0x81 error; 0x20 bit: TP (segmented). */
  get messageType(): number { return this.#u8(14); }
  get returnCode(): number { return this.#u8(15); }

  toJSON(): object {
    return {
      offset: this.offset, length: this.length, serviceId: this.serviceId, event: this.isEvent, methodOrEventId: this.methodOrEventId,
      messageLength: this.messageLength, clientId: this.clientId, sessionId: this.sessionId, protocolVersion: this.protocolVersion,
      interfaceVersion: this.interfaceVersion, messageType: this.messageType, returnCode: this.returnCode,
    };
  }
}
