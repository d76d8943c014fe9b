// The dispatch tables: sparse arrays indexed by the value on the wire, holding a Layer number
// (0: no decoder, the rest is payload). Kept apart from registry.ts, which imports every view,
// so that views can import the tables without a cycle.
import { Layer } from './layer.js';

/**
 * Link type → first layer (0: not supported); indexed by LINKTYPE_* values below 512. Here rather
 * than in registry.ts (which fills it) for the headers that name the link type of what follows (PPI).
 */
export const byLinkType: Uint8Array = new Uint8Array(512);
/** EtherType (and SLL protocol, SNAP type) → Layer. */
export const byEtherType: Uint8Array = new Uint8Array(65536);
/** IP protocol / IPv6 upper-layer next header → Layer. */
export const byIpProto: Uint8Array = new Uint8Array(256);
/**
 * SNAP protocol IDs of organisations other than 00-00-00 (whose IDs are EtherTypes, `byEtherType`):
 * OUI × 65536 + PID → Layer (Cisco's CDP, VTP, UDLD…). A Map: only frames with such a SNAP header look here.
 */
export const bySnap = new Map<number, number>();
/** Registers a layer by SNAP OUI and protocol ID. */
export function setSnap(oui: number, pid: number, layer: number): void { bySnap.set(oui * 65536 + pid, layer); }
/** The layer of SNAP OUI `oui`, protocol ID `pid` (0: none). */
export function snapLayer(oui: number, pid: number): number { return bySnap.get(oui * 65536 + pid) ?? 0; }

/** LLC SAP (UI frames whose DSAP and SSAP are this SAP) → Layer. */
export const byLlcSap: Uint8Array = new Uint8Array(256);

/** TCP port (source or destination) → application Layer. */
export const byTcpPort: Uint8Array = new Uint8Array(65536);
/** UDP port (source or destination) → application Layer. */
export const byUdpPort: Uint8Array = new Uint8Array(65536);

/**
 * Highest registered TCP [0] and UDP [1] port. Ports above it skip the table: a random ephemeral
 * port would otherwise touch a cold line of the 64 KiB table on every packet.
 */
export const portLimit: Int32Array = new Int32Array(2);

/**
 * The rank of a port's layer where both ports of a segment have one: tcpdump's order of port tests
 * (the line of print-tcp.c / print-udp.c that tests it), so the decoder picks what tcpdump prints
 * (DNS from port 53 to ISAKMP's 500 is DNS). Unranked ports (0xffff) keep the destination first.
 */
export const tcpPortRank: Uint16Array = new Uint16Array(65536).fill(0xffff);
export const udpPortRank: Uint16Array = new Uint16Array(65536).fill(0xffff);

/** Registers an application layer on a TCP port (matched as source or destination); `rank` as tcpPortRank. */
export function setTcpPort(port: number, layer: number, rank = 0xffff): void {
  byTcpPort[port] = layer;
  tcpPortRank[port] = rank;
  if (layer !== 0 && port > portLimit[0]!) portLimit[0] = port;
}

/** Registers an application layer on a UDP port (matched as source or destination); `rank` as udpPortRank. */
export function setUdpPort(port: number, layer: number, rank = 0xffff): void {
  byUdpPort[port] = layer;
  udpPortRank[port] = rank;
  if (layer !== 0 && port > portLimit[1]!) portLimit[1] = port;
}

/**
 * The application layer registered on the destination or else the source port of the TCP/UDP
 * header at `o` (0: none). Ports above `limit` (the highest registered) skip the table.
 */
export function appByPort(table: Uint8Array, limit: number, b: Uint8Array, o: number, rank: Uint16Array): number {
  const dst = (b[o + 2]! << 8) | b[o + 3]!;
  const src = (b[o]! << 8) | b[o + 1]!;
  const next = dst <= limit ? table[dst]! : 0;
  const other = src <= limit ? table[src]! : 0;
  if (next === 0) return other;
  // Both ports registered: the one tcpdump tests first. The ranks are compared for every segment
  // (of port 0, which has none, when only one port is registered): a compare that ran only when
  // both were had no type feedback when the first such segment came after V8 had optimised the
  // walk, which was then deoptimised with everything it inlines.
  const both = other !== 0;
  return rank[both ? src : 0]! < rank[both ? dst : 0]! ? other : next;
}

const INNER_ETHERNET = Layer.InnerEthernet, INNER_IPV4 = Layer.InnerIpv4, INNER_IPV6 = Layer.InnerIpv6, INNER_MPLS = Layer.InnerMpls;

/**
 * The walk's step into the packet a tunnel carries, by the EtherType its header names (GRE's and
 * Geneve's protocol type): 0 for a payload the walk does not go into. Printers follow the same
 * step (`innerFirstLayer`), so the two cannot disagree on what a tunnel carries.
 */
export function tunnelStep(etherType: number): number {
  switch (etherType) {
    case 0x0800: return INNER_IPV4;
    case 0x86dd: return INNER_IPV6;
    case 0x6558: return INNER_ETHERNET;
    case 0x8847: case 0x8848: return INNER_MPLS;
    default: return 0;
  }
}

/** The first layer of the inner packet a walk step goes into (Layer.InnerIpv4 → Layer.Ipv4); 0 for any other step. */
export function innerFirstLayer(step: number): number {
  switch (step) {
    case INNER_IPV4: return Layer.Ipv4;
    case INNER_IPV6: return Layer.Ipv6;
    case INNER_ETHERNET: return Layer.Ethernet;
    case INNER_MPLS: return Layer.Mpls;
    default: return 0;
  }
}
