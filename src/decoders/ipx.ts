// Novell IPX (EtherType 0x8137, LLC SAP 0xE0, or "raw" 802.3 with no LLC header): the 30-byte
// header (checksum, length, transport control, packet type, destination and source network, node and
// socket). What follows is by destination socket: NCP, SAP, RIP, NetBIOS, diagnostics, NWLink
// datagrams (which may carry SMB), EIGRP.
import { u16, u32 } from './bytes.js';
import type { Cursor } from './cursor.js';
import { Layer } from './layer.js';
import { SmbBytes } from './smb.js';
import { LayerView, NOT_CAPTURED } from './view.js';
// Module constant, which V8 folds into the code (an imported `Layer.X` is a load and a shape check per use).
const IPX = Layer.Ipx;

/** Bytes of the IPX header. */
export const IPX_HEADER_LENGTH = 30;

/** Well-known sockets (destination socket selects what follows). */
export const IpxSocket = { Ncp: 0x0451, Sap: 0x0452, Rip: 0x0453, Netbios: 0x0455, Diagnostics: 0x0456, NwlinkDatagram: 0x0553, Eigrp: 0x85be } as const;

/** An IPX packet: the header's fields; `bytes` for the SAP/RIP entries and the NetBIOS data after it. */
export class Ipx extends LayerView {
  readonly layer = IPX;
  /** For walking what follows the header (SAP and RIP entries, NetBIOS data): the printer points it. */
  readonly bytes: SmbBytes = new SmbBytes(this.cursor);

  decode(c: Cursor): number {
    const o = c.off;
    this.off = o; this.end = c.end; this.headerLength = 0;
    if (c.end - o < IPX_HEADER_LENGTH) return c.short(IPX, o, IPX_HEADER_LENGTH);
    const len = u16(c.buf, o + 2);
    if (len < IPX_HEADER_LENGTH) return c.invalid(IPX, o, `length ${len} < ${IPX_HEADER_LENGTH}`);
    this.headerLength = IPX_HEADER_LENGTH;
    c.mark(IPX);
    c.off = o + IPX_HEADER_LENGTH;
    if (o + len < c.end) c.end = o + len;
    return u16(c.buf, o + 16) === IpxSocket.Eigrp ? Layer.Eigrp : 0;
  }

  #u16(i: number): number { const o = this.off + i; if (o + 2 > this.end) throw NOT_CAPTURED; return u16(this.cursor.buf, o); }
  #u32(i: number): number { const o = this.off + i; if (o + 4 > this.end) throw NOT_CAPTURED; return u32(this.cursor.buf, o); }
  #node(i: number): string {
    const o = this.off + i;
    if (o + 6 > this.end) throw NOT_CAPTURED;
    const b = this.cursor.buf;
    let s = '';
    for (let k = 0; k < 6; k++) s += (k > 0 ? ':' : '') + b[o + k]!.toString(16).padStart(2, '0');
    return s;
  }

  get checksum(): number { return this.#u16(0); }
  /** Bytes of the packet, header included. */
  get packetLength(): number { return this.#u16(2); }
  /** Transport control: the hop count. */
  get transportControl(): number { const o = this.off + 4; if (o >= this.end) throw NOT_CAPTURED; return this.cursor.buf[o]!; }
  /** Packet type (0 unknown, 1 RIP, 4 PEP/SAP, 5 SPX, 17 NCP, 20 NetBIOS broadcast). */
  get packetType(): number { const o = this.off + 5; if (o >= this.end) throw NOT_CAPTURED; return this.cursor.buf[o]!; }
  get dstNet(): number { return this.#u32(6); }
  /** Destination node (a MAC address, `ff:ff:ff:ff:ff:ff` for broadcast). */
  get dstNode(): string { return this.#node(10); }
  get dstSocket(): number { return this.#u16(16); }
  get srcNet(): number { return this.#u32(18); }
  get srcNode(): string { return this.#node(22); }
  get srcSocket(): number { return this.#u16(28); }

  toJSON(): object {
    return {
      offset: this.offset, length: this.length, checksum: this.checksum, packetLength: this.packetLength, transportControl: this.transportControl,
      packetType: this.packetType, dstNet: this.dstNet, dstNode: this.dstNode, dstSocket: this.dstSocket,
      srcNet: this.srcNet, srcNode: this.srcNode, srcSocket: this.srcSocket,
    };
  }
}
