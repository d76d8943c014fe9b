// Linux vsock monitor frames (LINKTYPE_VSOCK, 271, from the vsockmon device): the af_vsockmon
// header (little-endian: CIDs, ports, operation, transport) and, for virtio, the transport's own
// header, then the payload.
import { u16le, u32le } from './bytes.js';
import type { Cursor } from './cursor.js';
import { Layer } from './layer.js';
import { LayerView, NOT_CAPTURED } from './view.js';
// Module constants, which V8 folds into the code (an imported `Layer.X` is a load and a shape check per use).
const VSOCK = Layer.Vsock;

/** Bytes of the af_vsockmon header. */
export const VSOCK_HEADER_LENGTH = 32;
/** Bytes of the virtio transport header (struct virtio_vsock_hdr). */
export const VIRTIO_VSOCK_HEADER_LENGTH = 44;

/** af_vsockmon_transport. */
export const enum VsockTransport { Unknown = 0, NoInfo = 1, Virtio = 2 }
/** af_vsockmon_op. */
export const enum VsockOp { Unknown = 0, Connect = 1, Disconnect = 2, Control = 3, Payload = 4 }

/** Bytes of the transport header `transport` puts after the vsockmon header (0: none known). */
export function vsockTransportHeaderLength(transport: number): number {
  return transport === VsockTransport.Virtio ? VIRTIO_VSOCK_HEADER_LENGTH : 0;
}

/** The af_vsockmon header, and the virtio header after it (getters `virtio…`, checked). */
export class Vsock extends LayerView {
  readonly layer = VSOCK;

  decode(c: Cursor): number {
    const o = c.off;
    this.off = o; this.end = c.end; this.headerLength = 0;
    if (c.end - o < VSOCK_HEADER_LENGTH) return c.short(VSOCK, o, VSOCK_HEADER_LENGTH);
    const n = VSOCK_HEADER_LENGTH + vsockTransportHeaderLength(u16le(c.buf, o + 26));
    if (c.end - o < n) return c.short(VSOCK, o, n);
    this.headerLength = n;
    c.mark(VSOCK);
    c.off = o + n;
    return 0;
  }

  #u64(i: number): bigint {
    const o = this.off + i;
    if (o + 8 > this.end) throw NOT_CAPTURED;
    return BigInt(u32le(this.cursor.buf, o)) | (BigInt(u32le(this.cursor.buf, o + 4)) << 32n);
  }
  #u32(i: number): number { const o = this.off + i; if (o + 4 > this.end) throw NOT_CAPTURED; return u32le(this.cursor.buf, o); }
  #u16(i: number): number { const o = this.off + i; if (o + 2 > this.end) throw NOT_CAPTURED; return u16le(this.cursor.buf, o); }

  get srcCid(): bigint { return this.#u64(0); }
  get dstCid(): bigint { return this.#u64(8); }
  get srcPort(): number { return this.#u32(16); }
  get dstPort(): number { return this.#u32(20); }
  /** VsockOp. */
  get op(): number { return this.#u16(24); }
  /** VsockTransport. */
  get transport(): number { return this.#u16(26); }
  /** Bytes of the transport header (as the monitor says). */
  get transportLength(): number { return this.#u16(28); }

  // The virtio transport header (transport 2), after the vsockmon header.
  get virtioSrcCid(): bigint { return this.#u64(32); }
  get virtioDstCid(): bigint { return this.#u64(40); }
  get virtioSrcPort(): number { return this.#u32(48); }
  get virtioDstPort(): number { return this.#u32(52); }
  /** Payload bytes the virtio header announces. */
  get virtioLength(): number { return this.#u32(56); }
  /** 1: stream. */
  get virtioType(): number { return this.#u16(60); }
  /** virtio_vsock_op: 1 request, 2 response, 3 reset, 4 shutdown, 5 data, 6 credit update, 7 credit request. */
  get virtioOp(): number { return this.#u16(62); }
  get virtioFlags(): number { return this.#u32(64); }
  get virtioBufAlloc(): number { return this.#u32(68); }
  get virtioFwdCnt(): number { return this.#u32(72); }

  toJSON(): object {
    const o: Record<string, unknown> = {
      offset: this.offset, length: this.length, srcCid: Number(this.srcCid), dstCid: Number(this.dstCid), srcPort: this.srcPort,
      dstPort: this.dstPort, op: this.op, transport: this.transport,
    };
    if (this.transport === VsockTransport.Virtio) {
      o.virtio = { length: this.virtioLength, type: this.virtioType, op: this.virtioOp, flags: this.virtioFlags,
        bufAlloc: this.virtioBufAlloc, fwdCnt: this.virtioFwdCnt };
    }
    return o;
  }
}
