// Which layer follows which: the wire value → Layer tables, and the view for each Layer.
// A new protocol is one view file, one line in `views` below and its lines in the tables.
import { Arp } from './arp.js';
import { Dns } from './dns.js';
import { Ethernet, Llc } from './ethernet.js';
import { Icmp } from './icmp.js';
import { Icmpv6 } from './icmpv6.js';
import { Ipv4 } from './ipv4.js';
import { Ipv6 } from './ipv6.js';
import { Layer } from './layer.js';
import { LinkType } from './link-type.js';
import { NullLink } from './null.js';
import { RawIp } from './raw.js';
import { byEtherType, byIpProto, byTcpPort, byUdpPort } from './registry-tables.js';
import { Sll } from './sll.js';
import { Sll2 } from './sll2.js';
import { Tcp } from './tcp.js';
import { Udp } from './udp.js';
import type { LayerView } from './view.js';
import { VlanStack } from './vlan.js';

export { byEtherType, byIpProto, byTcpPort, byUdpPort };

byEtherType[0x0800] = Layer.Ipv4;
byEtherType[0x86dd] = Layer.Ipv6;
byEtherType[0x0806] = Layer.Arp;
byEtherType[0x8035] = Layer.Arp;    // RARP: same format
byEtherType[0x8100] = Layer.Vlan;   // 802.1Q
byEtherType[0x88a8] = Layer.Vlan;   // 802.1ad
byEtherType[0x9100] = Layer.Vlan;   // pre-standard QinQ
byEtherType[0x9200] = Layer.Vlan;

byIpProto[1] = Layer.Icmp;
byIpProto[6] = Layer.Tcp;
byIpProto[17] = Layer.Udp;
byIpProto[58] = Layer.Icmpv6;

byTcpPort[53] = Layer.Dns;
byUdpPort[53] = Layer.Dns;

/** Link type → first layer (0: not supported). */
export const byLinkType = new Map<number, Layer>([
  [LinkType.EN10MB, Layer.Ethernet],
  [LinkType.RAW, Layer.Raw],
  [LinkType.IPV4, Layer.Ipv4],
  [LinkType.IPV6, Layer.Ipv6],
  [LinkType.LINUX_SLL, Layer.Sll],
  [LinkType.LINUX_SLL2, Layer.Sll2],
  [LinkType.NULL, Layer.Null],
  [LinkType.LOOP, Layer.Loop],
]);

/** One view of each layer, for one Decoder, indexed by Layer. */
export function createViews(): LayerView[] {
  const views: LayerView[] = [];
  for (const v of [
    new Ethernet(), new Llc(), new VlanStack(), new Arp(), new Ipv4(), new Ipv6(), new Icmp(), new Icmpv6(),
    new Tcp(), new Udp(), new Dns(), new Sll(), new Sll2(), new NullLink(Layer.Null), new NullLink(Layer.Loop), new RawIp(),
  ]) views[v.layer] = v;
  for (let i = 0; i < views.length; i++) if (!views[i]) views[i] = views[Layer.Raw]!;
  return views;
}
