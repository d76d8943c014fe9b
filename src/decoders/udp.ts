// UDP (RFC 768). The datagram ends at the UDP length, clamped to what was captured.
import { u16 } from './bytes.js';
import { inCksum } from './checksum.js';
import type { Cursor } from './cursor.js';
import { Layer, type LayerBit } from './layer.js';
import { BCM_LI_PORT } from './bcm-li.js';
import { carriesKip } from './atalk.js';
import { appByPort, byUdpPort, portLimit, udpPortRank } from './registry-tables.js';
import { Len, lenSourceNames } from './stop.js';
import { LayerView, NOT_CAPTURED } from './view.js';
// Module constants, which V8 folds into the code (an imported `Layer.X` is a load and a shape check per use).
const UDP = Layer.Udp, BCM_LI = Layer.BcmLi, PTP = Layer.Ptp, SOME_IP = Layer.SomeIp, LLAP = Layer.Llap;
const LEN_CAPLEN = Len.Caplen;
// The registry tables as module constants: V8 then knows each array and skips the import cell load and its checks.
const BY_UDP_PORT = byUdpPort, PORT_LIMIT = portLimit, UDP_RANK = udpPortRank;

/** Bytes of the UDP header. */
export const UDP_HEADER_LENGTH = 8;

/** UDP header. `end` is min(captured end, UDP length); `incomplete` when the UDP length runs past the capture. */
export class Udp extends LayerView {
  readonly layer = UDP;

  decode(c: Cursor): number {
    const b = c.buf, o = c.off, have = c.end - o;
    if (have < 8) return this.cutShort(c);
    const len = (b[o + 4]! << 8) | b[o + 5]!;
    if (len >= 8 && len <= have) {
      c.end = o + len; c.len = 4 satisfies typeof Len.Udp;
    } else if (!this.long(c, len)) return 0;
    this.off = o; this.end = c.end; this.headerLength = 8;
    c.present |= 0x400 satisfies typeof LayerBit.Udp; c.off = o + 8;
    // The application layer is left to walk(), which runs when the packet's stop, payload or DNS
    // layer is first asked for: a loop that reads ports pays nothing for it.
    c.pending = this;
    return 0;
  }

  /** @internal The work decode() deferred: decode the application layer found by port. */
  walk(): void {
    const c = this.cursor, o = this.off;
    // Nothing follows by the lengths: no application layer. Nothing captured of what the lengths promise: let it report the cut.
    // Both tests (and the BCM-LI port's read below) run on every datagram: behind `&&`, each had no
    // type feedback until the first datagram that reached it, and the code that had inlined this
    // was deoptimised there.
    const empty = this.end === o + 8, bounded = c.len !== (0 satisfies typeof Len.Caplen);
    if (empty && bounded) return;
    let next = appByPort(BY_UDP_PORT, PORT_LIMIT[1]!, c.buf, o, UDP_RANK);
    // BCM-LI: from its source port only (tcpdump's one such test), outside the table so its high port
    // does not make every ephemeral port look there. Only where no other port names a layer: 49152 is
    // also the first port of the range BFD and others send from (RFC 5881), and a BFD packet from it
    // is BFD to a library user (the printer still prints BCM-LI there, as print-udp.c's order does).
    const fromBcmLi = u16(c.buf, o) === BCM_LI_PORT;
    if (next === 0 && fromBcmLi) next = BCM_LI;
    if ((next === 0 || next === PTP || next === SOME_IP) && kip(c, o)) next = LLAP;
    if (next !== 0) c.walkOn(next);
  }

  /** A length under 8 or past the bytes there are: false when that is an error. */
  // The cold paths are out of line: the walk inlines decode(), and V8's inlining budget is counted in bytecode.
  private cutShort(c: Cursor): 0 { this.pointCut(c); return c.short(UDP, c.off, 8); }

  private long(c: Cursor, len: number): boolean {
    const o = c.off, have = c.end - o;
    if (len < 8) { this.pointCut(c); c.invalid(UDP, o, `length ${len} < 8`); return false; }
    if (c.len !== LEN_CAPLEN) { this.pointCut(c); c.invalid(UDP, o, `length ${len} > ${have} bytes left in the ${lenSourceNames[c.len]}`); return false; }
    c.cut = true;
    return true;
  }

  /** The UDP length promises more bytes than were captured (`end` is then the capture's). */
  get incomplete(): boolean { return this.datagramLength > this.end - this.off; }
  // Own has()/need()/captured/internetChecksum(): the base class's would see every view class at one load site and go megamorphic.
  override has(n: number): boolean { return this.off + n <= this.end; }
  override need(n: number): void { if (this.off + n > this.end) throw NOT_CAPTURED; }
  override get captured(): number { return this.end > this.off ? this.end - this.off : 0; }
  override internetChecksum(n: number, initial = 0): number { return inCksum(this.cursor.buf, this.off, n, initial); }
  // The fixed header's getters do not check: decode() proved it for a view the Packet hands out, and a
  // printer reading the view of a cut header tests has()/need() first, as tcpdump's ND_TTEST/ND_TCHECK do.
  // (Checks in these getters, on every packet, made printing 10% slower: V8 stops inlining them.)
  // The ports read their two bytes in place rather than through u16(): a user's loop inlines these
  // getters, and V8 counts the bytecode of what they inline against that loop's inlining budget.
  get srcPort(): number { const b = this.cursor.buf, o = this.off; return (b[o]! << 8) | b[o + 1]!; }
  get dstPort(): number { const b = this.cursor.buf, o = this.off; return (b[o + 2]! << 8) | b[o + 3]!; }
  /** True when both ports were captured. */
  get portsCaptured(): boolean { return this.off + 4 <= this.end; }
  /** The UDP length field (header + data), as sent. */
  get datagramLength(): number { return u16(this.cursor.buf, this.off + 4); }
  /** True when the length field was captured. */
  get lengthCaptured(): boolean { return this.off + 6 <= this.end; }
  get checksum(): number { return u16(this.cursor.buf, this.off + 6); }

  toJSON(): object {
    return {
      offset: this.offset, length: this.length, srcPort: this.srcPort, dstPort: this.dstPort, datagramLength: this.datagramLength,
      checksum: this.checksum, ...(this.incomplete ? { incomplete: true } : {}),
    };
  }
}

/**
 * AppleTalk in UDP (print-udp.c's kip), where no port before it in tcpdump's order names a layer:
 * out of line, so that walk() stays small enough for V8 to inline.
 */
function kip(c: Cursor, o: number): boolean {
  const b = c.buf;
  return carriesKip(b, o + 8, c.end, u16(b, o), u16(b, o + 2));
}
