/**
 * -T TYPE (tcpdump's ndo_packettype): print UDP or TCP payloads (and IP protocol 112) as one
 * protocol whatever the ports, as tcpdump 4.99.3's print-udp.c, print-tcp.c and print-ip-demux.c do.
 * A protocol's printer registers for its type with one line in printers.ts (dispatch.ts's `udpForced`,
 * `tcpForced`); until it has one, a packet forced to it prints tcpdump's generic text for its
 * transport (`UDP, length N`; the TCP line alone; `ip-proto-112 N`).
 */
import type { PrintContext } from './context.js';
import { printPort, udpForced, type OffsetPrinter } from './dispatch.js';

/** Every type tcpdump 4.99.3 accepts after -T (matched case-insensitively, as its ascii_strcasecmp). */
export const forcedTypes = [
  'vat', 'wb', 'rpc', 'rtp', 'rtcp', 'snmp', 'cnfp', 'tftp', 'aodv', 'carp', 'radius', 'zmtp1', 'vxlan', 'pgm',
  'pgm_zmtp1', 'lmp', 'resp', 'ptp', 'someip', 'domain',
] as const;
export type ForcedType = (typeof forcedTypes)[number];

/** The -T argument as tcpdump reads it, or undefined when tcpdump would say `unknown packet type`. */
export function forcedType(arg: string): ForcedType | undefined {
  const t = arg.toLowerCase();
  return (forcedTypes as readonly string[]).includes(t) ? (t as ForcedType) : undefined;
}

/**
 * UDP under -T: the cases of print-udp.c's switch, each printed after the addresses (rpc prints its
 * own). carp, zmtp1 and resp have no case there, so tcpdump prints nothing at all for a UDP packet under them.
 */
const udpTypes = new Set<ForcedType>(['vat', 'wb', 'rpc', 'rtp', 'rtcp', 'snmp', 'cnfp', 'tftp', 'aodv', 'radius', 'vxlan', 'pgm',
  'pgm_zmtp1', 'lmp', 'ptp', 'someip', 'domain']);

/** IP protocol 112 under -T carp is CARP, not VRRP (print-ip-demux.c). */
export const carpPrinter: { print?: OffsetPrinter } = {};

/**
 * A UDP payload under -T `type`, after the UDP header checks: `endpoints` prints `a.p > b.q: `;
 * `ulen` is the UDP length field less the header (what the generic line says).
 */
export function printForcedUdp(c: PrintContext, type: ForcedType, off: number, length: number, ulen: number, endpoints: () => void): void {
  if (!udpTypes.has(type)) return;
  const p = udpForced.get(type);
  if (type !== 'rpc' || p === undefined) endpoints();
  if (p !== undefined) printPort(c, p, off, length);
  else { c.write('UDP, length '); c.num(ulen); }
}
