// LWAPP, Cisco's Light Weight Access Point Protocol (RFC 5412): UDP port 12223 carries control
// messages, 12222 data (an 802.11 frame). Both start with a 6-byte transport header (version,
// radio id, C/F/L flags, fragment id, length, status/WLANs); a control packet sent to port 12223
// has the AP's MAC address in front of it, as tcpdump's print-lwapp.c reads it. The control
// messages (type, sequence number, length, session id, elements) follow the transport header,
// read through `message`, a sub-view the printer points at each one.
import type { Cursor } from './cursor.js';
import { Layer } from './layer.js';
import { readMac, readU16, readU32, readU8 } from './reads.js';
import { FieldView, LayerView } from './view.js';
// Module constants, which V8 folds into the code (an imported `Layer.X` is a load and a shape check per use).
const LWAPP_CONTROL = Layer.LwappControl;
const LWAPP_DATA = Layer.LwappData;

/** The UDP ports of LWAPP's data and control packets (RFC 5412). */
export const LWAPP_DATA_PORT = 12222, LWAPP_CONTROL_PORT = 12223;
/** Bytes of the transport header. */
export const LWAPP_TRANSPORT_HEADER_LENGTH = 6;
/** Bytes of the AP identity (a MAC address) before the transport header of a control packet sent to port 12223. */
export const LWAPP_AP_IDENTITY_LENGTH = 6;
/** Bytes of a control message's header (type, sequence number, element length, session id). */
export const LWAPP_CONTROL_HEADER_LENGTH = 8;
/** The version tcpdump decodes (the top two bits of the first byte). */
export const LWAPP_VERSION = 0;
/** The transport header's flag bits (the low three bits of its first byte). */
export const LwappFlag = { LastFragment: 0x01, Fragment: 0x02, Control: 0x04 } as const;

/** A control message's header, at the offset the printer points it at. */
export class LwappMessage extends FieldView {
  /** Message type (1 discovery request … 40 mobile config response). */
  get type(): number { return readU8(this, 0); }
  get seqNum(): number { return readU8(this, 1); }
  /** Bytes of message elements after this 8-byte header. */
  get elementLength(): number { return readU16(this, 2); }
  get sessionId(): number { return readU32(this, 4); }
}

/**
 * The transport header, common to both ports: at `transportOffset` from the view's first byte (6
 * when the AP identity comes first). Checked getters.
 */
abstract class LwappTransport extends LayerView {
  /** Whether the AP's MAC address comes before the transport header (a control packet to port 12223). */
  apIdentity = false;
  /** Bytes before the transport header: the AP identity's, or none. */
  get transportOffset(): number { return this.apIdentity ? LWAPP_AP_IDENTITY_LENGTH : 0; }
  /** The AP's MAC address (undefined when the packet has none). */
  get apMac(): string | undefined { return this.apIdentity ? readMac(this, 0) : undefined; }
  /** The transport header's first byte: version (2 bits), radio id (3), C, F, L flags. */
  get firstByte(): number { return readU8(this, this.transportOffset); }
  get version(): number { return readU8(this, this.transportOffset) >> 6; }
  get radioId(): number { return (readU8(this, this.transportOffset) >> 3) & 7; }
  /** The C (control), F (fragment) and L (last fragment) bits (LwappFlag). */
  get flags(): number { return readU8(this, this.transportOffset) & 7; }
  get fragId(): number { return readU8(this, this.transportOffset + 1); }
  /** The transport header's length field: bytes of payload after it. */
  get payloadLength(): number { return readU16(this, this.transportOffset + 2); }
  /** Status (data) or WLANs (control). */
  get status(): number { return readU16(this, this.transportOffset + 4); }

  /** Points the view and checks that the header (with the AP identity, if any) was captured. */
  protected decodeHeader(c: Cursor, layer: number): number {
    const o = c.off;
    const need = this.transportOffset + LWAPP_TRANSPORT_HEADER_LENGTH;
    if (c.end - o < need) return c.short(layer as Layer, o, need);
    this.headerLength = need;
    c.mark(layer);
    c.off = o + need;
    return 0;
  }

  toJSON(): object {
    const o: Record<string, unknown> = { offset: this.offset, length: this.length };
    if (this.apIdentity) o.apMac = this.apMac;
    o.version = this.version; o.radioId = this.radioId; o.flags = this.flags; o.fragId = this.fragId;
    o.payloadLength = this.payloadLength; o.status = this.status;
    return o;
  }
}

/** An LWAPP control packet (UDP port 12223). */
export class LwappControl extends LwappTransport {
  readonly layer = LWAPP_CONTROL;
  /** The control message header the printer points at each message in turn. */
  readonly message: LwappMessage;
  constructor(c: Cursor) { super(c); this.message = new LwappMessage(c); }
  decode(c: Cursor): number {
    const o = c.off;
    this.off = o; this.end = c.end; this.headerLength = 0;
    // print-udp.c passes has_ap_ident for a packet to port 12223 (not from it): the UDP header is
    // the 8 bytes before (LWAPP is reached by UDP port only), its destination port at bytes 2-3.
    const b = c.buf;
    this.apIdentity = o - 6 >= 0 && ((b[o - 6]! << 8) | b[o - 5]!) === LWAPP_CONTROL_PORT;
    return this.decodeHeader(c, LWAPP_CONTROL);
  }
}

/** An LWAPP data packet (UDP port 12222): the transport header, then an 802.11 frame. */
export class LwappData extends LwappTransport {
  readonly layer = LWAPP_DATA;
  decode(c: Cursor): number {
    const o = c.off;
    this.off = o; this.end = c.end; this.headerLength = 0;
    this.apIdentity = false;
    return this.decodeHeader(c, LWAPP_DATA);
  }
}
