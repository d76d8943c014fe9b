/**
 * `--json`: one JSON object per packet, one per line (JSON Lines), built on the decoder's
 * `Packet.toJSON()`. The schema is `schema/packet.schema.json` in the package; the README
 * documents it. Shape:
 *
 * ```
 * {"number":1,"time":"2024-05-01T12:34:56.123456789Z","sec":1714566896,"nsec":123456789,
 *  "capLen":98,"origLen":98,"interface":"tun0","linkType":"RAW",
 *  "layers":{"ipv4":{…},"icmp":{…}},"payloadOffset":28,"payloadLength":56}
 * ```
 *
 * `layers` holds every decoded layer under the key `Packet.toJSON()` gives it, outermost first;
 * the other keys of `toJSON()` (linkType, capLen, payloadOffset, payloadLength, truncated, stop)
 * stay at the top. Moving `layers`' entries back to the top level gives `toJSON()` exactly, so a
 * layer the decoders learn later appears here without a change to this file. The packet a tunnel
 * carries is `layers.inner`, shaped the same way (its own `layers`, payload and stop).
 */
import { utcDateTime } from './text/time.js';
import { Decoder } from '../decoders/decoder.js';
import type { Packet } from '../decoders/packet.js';
import type { TextWriter } from './text/writer.js';

/** Keys of `Packet.toJSON()` that describe the packet rather than one of its layers. */
const PACKET_KEYS = new Set(['linkType', 'capLen', 'payloadOffset', 'payloadLength', 'truncated', 'stop']);

/** Where the packet came from, when the source knows it. */
export interface JsonSource {
  /** The interface every packet was captured on (`-i eth0`, `--tun tun0`). */
  interface?: string | undefined;
  /** Name of an interface index (for `-i any`, whose cooked header carries the index). */
  interfaceName?: ((index: number) => string | undefined) | undefined;
}

/** Writes each packet as a JSON line into a TextWriter (UTF-8: DNS and other strings may hold any byte). */
export class JsonPrinter {
  readonly #decoder = new Decoder({ eager: true });
  readonly #names = new Map<number, string | undefined>();
  #count = 0;
  /** LINKTYPE_* of the frames print() is given (the CLI sets it per batch). */
  linkType = 1;
  #sec = NaN;
  #secText = '';

  constructor(readonly out: TextWriter, readonly source: JsonSource = {}) {}

  /** Packets written so far. */
  get count(): number { return this.#count; }

  /** Frame buf[off .. off+capLen) of `this.linkType`, `origLen` bytes on the wire, captured at sec.nsec (PacketPrinter's signature). */
  print(buf: Uint8Array, off: number, capLen: number, origLen: number, sec: number, nsec: number): void {
    this.printPacket(this.#decoder.decode(buf, this.linkType, off, capLen, origLen), origLen, sec, nsec);
  }

  /** A frame someone else decoded (the CLI decodes each frame once for every sink), `origLen` bytes on the wire. */
  printPacket(pkt: Packet, origLen: number, sec: number, nsec: number): void {
    if (nsec < 0 || nsec >= 1e9 || sec < 0) {
      // A damaged pcap record (see Batch.nsec): the fraction carried into the seconds, a second
      // count with bit 31 set read unsigned (as Wireshark shows it), so the schema's ranges hold.
      const carry = Math.floor(nsec / 1e9);
      sec += carry;
      nsec -= carry * 1e9;
      if (sec < 0) sec += 4294967296;
    }
    const j = pkt.toJSON() as Record<string, unknown>;
    const layers = layersOf(j);
    const o: Record<string, unknown> = {
      number: ++this.#count, time: this.#time(sec, nsec), sec, nsec, capLen: j['capLen'], origLen,
    };
    const name = this.#interface(layers);
    if (name !== undefined) o['interface'] = name;
    o['linkType'] = j['linkType'];
    o['layers'] = layers;
    o['payloadOffset'] = j['payloadOffset'];
    o['payloadLength'] = j['payloadLength'];
    if (j['truncated'] !== undefined) o['truncated'] = j['truncated'];
    if (j['stop'] !== undefined) o['stop'] = j['stop'];
    const line = JSON.stringify(o);
    const w = this.out;
    // UTF-8 takes at most 3 bytes per UTF-16 unit; +1 for the newline.
    w.ensure(line.length * 3 + 1);
    w.len += w.buf.utf8Write(line, w.len);
    w.buf[w.len++] = 10;
    w.endPacket();
  }

  /** ISO 8601 in UTC with nanoseconds; the text up to the second is built once per second. */
  #time(sec: number, nsec: number): string {
    if (sec !== this.#sec) {
      this.#sec = sec;
      // Dates reach ±8.64e15 ms; a pcapng timestamp may go further (then the year has more digits).
      this.#secText = (Math.abs(sec) < 8.64e12 ? new Date(sec * 1000).toISOString().slice(0, 19) : utcDateTime(sec)) + '.';
    }
    return this.#secText + String(nsec).padStart(9, '0') + 'Z';
  }

  #interface(layers: Record<string, unknown>): string | undefined {
    const s = this.source;
    if (s.interfaceName !== undefined) {
      const sll2 = layers['sll2'] as { interfaceIndex?: number } | undefined;
      const index = sll2?.interfaceIndex;
      if (index !== undefined) {
        if (!this.#names.has(index)) this.#names.set(index, s.interfaceName(index));
        const name = this.#names.get(index);
        if (name !== undefined) return name;
      }
    }
    return s.interface;
  }
}

/**
 * The layers of a `Packet.toJSON()` object; a tunnel's packet (`inner`) takes the shape of a packet
 * line: `{layers, payloadOffset, payloadLength, truncated?, stop?}`.
 */
function layersOf(j: Record<string, unknown>): Record<string, unknown> {
  const layers: Record<string, unknown> = {};
  for (const k in j) {
    if (PACKET_KEYS.has(k)) continue;
    if (k !== 'inner') { layers[k] = j[k]; continue; }
    const inner = j[k] as Record<string, unknown>;
    const o: Record<string, unknown> = { layers: layersOf(inner), payloadOffset: inner['payloadOffset'], payloadLength: inner['payloadLength'] };
    if (inner['truncated'] !== undefined) o['truncated'] = inner['truncated'];
    if (inner['stop'] !== undefined) o['stop'] = inner['stop'];
    layers[k] = o;
  }
  return layers;
}

declare global {
  interface Buffer {
    /** Node's own UTF-8 fast path (Buffer#write with 'utf8' ends in it), not in @types/node. */
    utf8Write(string: string, offset?: number, length?: number): number;
  }
}
