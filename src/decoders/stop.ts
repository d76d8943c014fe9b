import { Layer, layerName } from './layer.js';

/**
 * What bounded the bytes a layer could use: the captured length, or a length field of an
 * outer header. A length stop bounded by `caplen` is a truncation (the capture was cut short);
 * one bounded by a length field is an error (the packet lies about its lengths).
 */
export type LenSource =
  | 'caplen'
  | '802.3-length'
  | 'ipv4-total-length'
  | 'ipv6-payload-length'
  | 'udp-length'
  | 'tcp-header-length'
  | 'dns-tcp-length'
  | 'icmpv6-length'
  /** The end of a TCP segment: a message continued in the next segment, not a lie. */
  | 'tcp-segment';

/** LenSource as a number, for the cursor (a number store costs less than a string store per packet). */
export const Len = { Caplen: 0, Ieee8023: 1, Ipv4: 2, Ipv6: 3, Udp: 4, TcpHeader: 5, DnsTcp: 6, Icmpv6: 7, TcpSegment: 8 } as const;
export const lenSourceNames: readonly LenSource[] = [
  'caplen', '802.3-length', 'ipv4-total-length', 'ipv6-payload-length', 'udp-length', 'tcp-header-length', 'dns-tcp-length', 'icmpv6-length',
  'tcp-segment',
];

/** `truncated`: the capture ended inside a header. `error`: a field contradicts the others. */
export type StopKind = 'truncated' | 'error';

/**
 * Where and why decoding stopped. One object per Decoder, overwritten by the next decode();
 * `Packet.clone()` copies it.
 */
export class DecodeStop {
  /** The layer that could not be decoded. */
  layer: Layer = Layer.None;
  /** Where that layer starts, relative to the start of the frame. */
  offset = 0;
  kind: StopKind = 'truncated';
  /** Length stops: bytes the layer needed from `offset`; 0 for content errors. */
  required = 0;
  /** Length stops: bytes there were from `offset`, within `lenSource`. */
  available = 0;
  /** What bounded `available`. */
  lenSource: LenSource = 'caplen';
  /** Content errors: the field and its value (`data offset 4 < 5`); length stops: empty. */
  detail = '';

  /** Name of `layer` (`TCP`). */
  get layerName(): string { return layerName(this.layer); }

  /** One sentence: `TCP header: 20 bytes needed, 14 captured (caplen), at byte 34`. */
  toString(): string { return describeStop(this); }

  toJSON(): object {
    return {
      layer: this.layerName, offset: this.offset, kind: this.kind, required: this.required,
      available: this.available, lenSource: this.lenSource, detail: this.detail,
    };
  }

  copyFrom(s: DecodeStop): this {
    this.layer = s.layer; this.offset = s.offset; this.kind = s.kind; this.required = s.required;
    this.available = s.available; this.lenSource = s.lenSource; this.detail = s.detail;
    return this;
  }
}

/** The stop as one sentence, for logs and error lines. */
export function describeStop(s: DecodeStop): string {
  const name = layerName(s.layer);
  if (s.required > 0) {
    const where = s.lenSource === 'caplen' ? 'captured (caplen)' : `within the ${s.lenSource}`;
    const tail = s.detail ? ` (${s.detail})` : '';
    return `${name} header: ${s.required} bytes needed, ${s.available} ${where}, at byte ${s.offset}${tail}`;
  }
  return `${name} at byte ${s.offset}: ${s.detail}`;
}
