// The differential set: every primitive of pcap-filter(7) vcap compiles, with the combinations
// where libpcap's code generation has quirks (vlan offsets, fragments, qualifier carry-over).
export const expressions: string[] = [
  // protocols
  'ip', 'ip6', 'arp', 'rarp', 'tcp', 'udp', 'icmp', 'icmp6', 'sctp', 'igmp', 'igrp', 'pim', 'vrrp', 'carp', 'ah', 'esp',
  'atalk', 'aarp', 'decnet', 'ipx', 'stp', 'netbeui', 'iso', 'lat', 'mopdl', 'moprc', 'sca',
  'ip proto 6', 'ip proto 17', 'ip proto 47', 'ip6 proto 6', 'ip6 proto 17', 'ip6 proto 58', 'ip6 proto 44', 'proto 17', 'proto 132',
  'ip proto \\tcp', 'ip6 proto \\udp', 'proto \\icmp', 'ether proto \\arp', 'ether proto \\ip6', 'ether proto 0x8137', 'ether proto 0x809b',
  'ether proto 0x42', 'ether proto 0xe0', 'ether proto 1', 'ether proto 0xfe', 'ether proto 0x9000', 'link proto 0x800',
  // hosts and networks
  'host 10.0.0.1', 'host 10.0.0.2 or host 1.2.3.4', 'src host 10.0.0.1', 'dst host 192.168.1.10', 'src and dst host 10.0.0.1',
  'src or dst host 8.8.8.8', 'ip host 10.1.2.3', 'arp host 10.0.0.1', 'rarp host 1.2.3.4', 'ip src 172.16.5.4', 'arp dst 10.0.0.2',
  'host 10.1', 'host 192.168.1', 'net 10', 'net 10.0', 'net 192.168.1.0/24', 'net 10.0.0.0 mask 255.255.255.0', 'src net 172.16.0.0/12',
  'dst net 10.0.0.0/8 and not dst host 10.0.0.2', 'net 0.0.0.0/0', 'ip net 192.168.0.0/16', 'net 192.168.1.128/25',
  'host 2001:db8::1', 'ip6 host fe80::1', 'src host ::1', 'dst host ff02::1', 'net 2001:db8::/32', 'ip6 net fe80::/10', 'net ff00::/8',
  'ip6 src net 2001:db8::/64', 'ip6 dst host 2001:db8::2 or ip6 src host fe80::2:3', 'net ::/0',
  'ether host 00:11:22:33:44:55', 'ether src 66:77:88:99:aa:bb', 'ether dst 00:11:22:33:44:55', 'ether src host 00:11:22:33:44:55 and ip',
  'ether dst ff:ff:ff:ff:ff:ff', 'ether host 00-11-22-33-44-55', 'ether host 0011.2233.4455', 'link src 00:11:22:33:44:55',
  'ether src and dst 00:11:22:33:44:55',
  // ports
  'port 80', 'tcp port 80', 'udp port 53', 'sctp port 5000', 'src port 22', 'dst port 443', 'tcp src port 1024', 'udp dst port 123',
  'tcp port 80 or udp port 53', 'port 53 and udp', 'not port 22', 'port 80 or 443', 'tcp port 22 or 80 or 443',
  'port domain', 'port http', 'tcp port https', 'udp port domain', 'port 010', 'port 0x50', 'src or dst port 5000', 'src and dst port 80',
  'portrange 20-80', 'tcp portrange 1000-9000', 'udp portrange 53-123', 'src portrange 1-1024', 'dst portrange 8000-8080',
  'portrange 443-80', 'portrange ftp-data-http', 'sctp portrange 4000-6000',
  // carry-over and boolean structure
  'host 10.0.0.1 or 10.0.0.2', 'src host 10.0.0.1 and not 10.0.0.2', 'host 10.0.0.1 and (10.0.0.2 or 8.8.8.8)', 'net 10 or 192.168',
  'tcp and port 80 or udp', 'tcp or udp and port 53', 'not tcp and not udp', '!ip6 && !arp', 'ip && (tcp || icmp)', 'not (tcp or udp)',
  'ip and not tcp and not udp and not icmp', '(tcp) and (port 80)', 'tcp and (src port 80 or dst port 80)', 'not not tcp',
  'udp and (port 53 or port 123) and not host 8.8.8.8', 'ether dst 00:11:22:33:44:55 or ether dst 66:77:88:99:aa:bb',
  // broadcast/multicast/length
  'broadcast', 'multicast', 'ether broadcast', 'ether multicast', 'ip broadcast', 'ip multicast', 'ip6 multicast',
  'not broadcast and not multicast', 'less 60', 'greater 100', 'less 64 and tcp', 'greater 1000', 'len < 60', 'len >= 80', 'len = 66',
  'len - 14 > 40', 'len > 54 and tcp',
  // vlan
  'vlan', 'vlan 5', 'vlan 100', 'vlan and ip', 'vlan 100 and tcp port 80', 'vlan and vlan 5', 'vlan 3 and vlan 5', 'vlan or ip',
  'not vlan and ip', 'vlan and host 10.0.0.1', 'ip or vlan 5 and udp', 'vlan and ip6 and icmp6', 'vlan (5)', 'vlan and vlan and vlan',
  'vlan and ether[14:2] & 0xfff = 100',
  // packet access and arithmetic
  'tcp[13] & 2 != 0', 'tcp[tcpflags] & tcp-syn != 0', 'tcp[tcpflags] & (tcp-syn|tcp-ack) = tcp-syn', 'tcp[tcpflags] & tcp-rst != 0',
  'tcp[tcpflags] = tcp-fin|tcp-ack', 'tcp[13] & (tcp-ece|tcp-cwr) != 0', 'tcp[0:2] = 80', 'tcp[2:2] > 1000', 'udp[0:2] = 53 or udp[2:2] = 53',
  'udp[4:2] > 16', 'icmp[icmptype] = icmp-echo', 'icmp[icmptype] == icmp-echoreply', 'icmp[0] != 8 and icmp[0] != 0',
  'icmp[icmptype] = icmp-unreach and icmp[icmpcode] = 1', 'icmp6[icmp6type] = icmp6-echo', 'icmp6[0] = icmp6-neighborsolicit',
  'icmp6[icmp6type] >= 133 and icmp6[icmp6type] <= 137', 'ip[0] & 0xf > 5', 'ip[6:2] & 0x1fff != 0', 'ip[6] & 0x20 != 0', 'ip[8] = 64',
  'ip[2:2] > 100', 'ip[16] >= 224', 'ip[9] = 47', 'ip6[6] = 58', 'ip6[40] = 128', 'ip6[24] = 0xff', 'arp[7] = 2', 'arp[6:2] = 1',
  'ether[12:2] = 0x800', 'ether[0] & 1 = 1', 'ether[6:4] = 0x66778899', 'link[12:2] = 0x86dd', 'ether[0:4] = 0xffffffff',
  'ip[2:2] - ((ip[0] & 0xf) << 2) - ((tcp[12] & 0xf0) >> 2) != 0', 'tcp[((tcp[12] & 0xf0) >> 2):1] = 0x61', 'tcp[tcp[12] >> 4] = 0',
  'ip[2:2] * 2 > 200', 'ip[2:2] / 4 = 15', 'ip[2:2] % 7 = 3', 'ip[8] ^ 0xff = 0xbf', 'ip[1] | 4 = 4', '-ip[8] = -64', 'ip[8] + 1 = 65',
  'tcp[0:2] - tcp[2:2] > 0', 'ip[0] ^ 3 | 1 = 0x46', '1 = 1', 'len = len', 'ip[len - 1 - 14] = 0x61', 'ether[len - 1] = 0x61',
  'udp[8:4] = 0x61616161', 'sctp[0:2] = 5000', 'tcp[12] >= 0x50', 'tcp[4:4] = 1000', 'ip[12:4] = 0x0a000001',
  'ip[0:1] & 0xf0 = 0x40', 'ether[2:4] * 0 = 0', 'ip[3] - ip[3] = 0', 'ip[2:2] > 0x7fffffff', '0x45 = ip[0]',
  'ip[0] & 0xf != 5 or tcp port 80',
  // scratch memory: values kept while both sides of an operator are computed
  'tcp[0] == tcp[13] & tcp-syn - tcp[0]', 'tcp[0] >= tcp[13] & tcp-syn * (ip[0] & 0xf)', '(ether[12:2] == tcp[13] & tcp-syn | tcp[0])',
  'not tcp[13] & tcp-syn > tcp[13] & tcp-syn - icmp[icmptype]', 'ip[2:2] - ip[0] * (ip[9] - ip[8]) > ip[3] + len',
  '(ip[0] & 0xf) >= ether[12:2] - (ip[0] & 0xf) or ether[12:2] <= 4',
  // MPLS and PPPoE (later primitives look inside them)
  'mpls', 'mpls 100', 'mpls 5', 'mpls and ip', 'mpls and ip6', 'mpls 100 and tcp port 80', 'mpls and mpls 5 and ip6',
  'mpls and mpls and udp', 'mpls and host 10.0.0.1', 'not mpls and ip', 'mpls and net 10.0.0.0/8 or udp',
  'pppoes', 'pppoes 7', 'pppoes 9 and ip6', 'pppoes and ip', 'pppoes 7 and tcp port 80', 'pppoes and ip6 and udp', 'pppoed',
  'pppoes and mpls', 'pppoes and mpls 100 and ip', 'vlan and pppoes and ip', 'not pppoes and udp', 'pppoes and host 10.0.0.1',
  'pppoes and ether[0:2] = 0x21', 'pppoes and ip[9] = 6',
  // OSI over LLC, LLC itself, interfaces
  'esis', 'isis', 'clnp', 'iso proto 0x82', 'l1', 'l2', 'iih', 'lsp', 'snp', 'csnp', 'psnp', 'isis and not l1', 'llc', 'not llc and not ip',
  'ifindex 2', 'ifindex 3 or arp',
  // link-specific and miscellaneous
  'inbound', 'outbound', 'not inbound and ip', 'byte 9 = 6', 'byte 23 > 10', 'byte 0 < 0x50',
  '', 'ip or not ip',
  // Geneve: later primitives look inside (registers hold the inner offsets); libpcap's optimizer is off
  'geneve', 'geneve 0xb', 'geneve 100', 'geneve 7', 'geneve and tcp', 'geneve && tcp', 'geneve 0xb and tcp port 80', 'geneve and ip',
  'geneve and ip6', 'geneve and arp', 'geneve and udp port 53', 'geneve and ether host 00:11:22:33:44:55', 'geneve and ether src 66:77:88:99:aa:bb',
  'geneve and vlan', 'geneve and vlan 7 and tcp', 'geneve and host 10.9.0.1', 'geneve and net 10.9.0.0/16', 'geneve and ether broadcast',
  'geneve and ether[12:2] = 0x800', 'geneve and ip[9] = 6', 'geneve and tcp[13] & 2 != 0', 'not geneve', 'udp or geneve',
  'tcp or geneve and udp', 'geneve and ip6 host 2001:db8:9::1', 'geneve and ether multicast',
  // Not compared: `geneve or X` where X looks inside. For a packet that is not Geneve, X reads the
  // offset registers Geneve never wrote; libpcap's bpf_filter leaves its scratch memory
  // uninitialised (stack garbage that depends on what ran before), vcap's starts at 0.
  // protochain: the header chain walked at run time (backward jumps)
  'protochain 6', 'protochain 17', 'protochain 58', 'protochain 51', 'protochain 59', 'ip protochain 17', 'ip protochain 6',
  'ip6 protochain 58', 'ip6 protochain 6', 'ip6 protochain \\tcp', 'protochain 6 and port 22', 'protochain 6 or arp', 'not protochain 17',
  // LLC control fields
  'llc i', 'llc s', 'llc u', 'llc rr', 'llc rnr', 'llc rej', 'llc ui', 'llc ua', 'llc disc', 'llc dm', 'llc sabme', 'llc test', 'llc xid',
  'llc frmr', 'stp and llc u', 'llc I',
  // DECnet node addresses
  'decnet host 10.23', 'decnet src 1.2', 'decnet dst 10.23', 'decnet src and dst 10.23', 'decnet host 1.2 or decnet host 17.273',
  // byte's & and | test A as the code before left it (libpcap's behaviour)
  'byte 9 & 6', 'byte 23 | 1', 'tcp and byte 9 & 6', 'byte 0 | 0 or udp',
];
