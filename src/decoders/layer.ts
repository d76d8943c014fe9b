/**
 * Numbers for the layers the decoder knows. They index the registry's sparse arrays and the
 * decoder's view table, so they stay small (< 256).
 */
export const Layer = {
  None: 0,
  Ethernet: 1,
  Llc: 2,
  Vlan: 3,
  Arp: 4,
  Ipv4: 5,
  Ipv6: 6,
  Icmp: 7,
  Icmpv6: 8,
  Tcp: 9,
  Udp: 10,
  Dns: 11,
  Sll: 12,
  Sll2: 13,
  Null: 14,
  Loop: 15,
  /** An IPv6 extension header (hop-by-hop, routing, fragment, destination options, AH). */
  Ipv6Ext: 16,
  /** The link layer itself, for a stop before any header (unknown link type). */
  Link: 17,
  /** Raw IP link type: the version nibble picks IPv4 or IPv6; no header of its own. */
  Raw: 18,
} as const;
export type Layer = (typeof Layer)[keyof typeof Layer];

const names: string[] = [];
names[Layer.None] = 'none';
names[Layer.Ethernet] = 'Ethernet';
names[Layer.Llc] = 'LLC';
names[Layer.Vlan] = '802.1Q';
names[Layer.Arp] = 'ARP';
names[Layer.Ipv4] = 'IPv4';
names[Layer.Ipv6] = 'IPv6';
names[Layer.Icmp] = 'ICMP';
names[Layer.Icmpv6] = 'ICMPv6';
names[Layer.Tcp] = 'TCP';
names[Layer.Udp] = 'UDP';
names[Layer.Dns] = 'DNS';
names[Layer.Sll] = 'Linux cooked';
names[Layer.Sll2] = 'Linux cooked v2';
names[Layer.Null] = 'BSD loopback';
names[Layer.Loop] = 'OpenBSD loopback';
names[Layer.Ipv6Ext] = 'IPv6 extension';
names[Layer.Link] = 'link layer';
names[Layer.Raw] = 'raw IP';

/** Human name of a layer number (`TCP`, `IPv6 extension header`). */
export function layerName(layer: number): string {
  return names[layer] ?? `layer ${layer}`;
}
