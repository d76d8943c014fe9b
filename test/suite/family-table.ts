// Protocol families of tcpdump's printers, in the order issue 15 gives for the printer work (virtual
// networks first), and which of tcpdump's printers vcap already has a printer for.

export type Group = 'link' | 'tunnels' | 'routing' | 'services' | 'transports' | 'rest';

export const groupTitles: Record<Group, string> = {
  link: 'Link types (item 1)',
  tunnels: 'Overlays and tunnels',
  routing: 'Routing and control (container and VM networks)',
  services: 'Services',
  transports: 'Transports',
  rest: 'The rest of the suite',
};
export const groupOrder: Group[] = ['link', 'tunnels', 'routing', 'services', 'transports', 'rest'];

/** A family: its name, its group, and tcpdump's source files that print it. */
export interface Family { name: string; group: Group; files: string[] }

const f = (group: Group, name: string, ...files: string[]): Family => ({ name, group, files });

export const families: Family[] = [
  // Link types tcpdump prints and vcap does not yet (item 1), and link-layer tags/shims.
  f('link', '802.11 + radiotap/Prism/AVS/PPI', 'print-802_11.c'),
  f('link', '802.15.4', 'print-802_15_4.c'),
  f('link', 'ARCNET', 'print-arcnet.c'),
  f('link', 'ATM / SUNATM / CIP', 'print-atm.c', 'print-sunatm.c', 'print-cip.c'),
  f('link', 'Cisco HDLC', 'print-chdlc.c'),
  f('link', 'Frame Relay / MFR', 'print-fr.c'),
  f('link', 'Juniper', 'print-juniper.c'),
  f('link', 'PPP / PPP_SERIAL / PPPoE', 'print-ppp.c', 'print-pppoe.c'),
  f('link', 'SLIP', 'print-sl.c'),
  f('link', 'IPoIB', 'print-ipoib.c'),
  f('link', 'VSOCK', 'print-vsock.c'),
  f('link', 'NFLOG', 'print-nflog.c'),
  f('link', 'DSA tags', 'print-dsa.c'),
  f('link', 'Broadcom tags / LI', 'print-brcmtag.c', 'print-bcm-li.c'),
  f('link', 'Arista', 'print-arista.c'),
  f('link', 'IPNET', 'print-ipnet.c'),
  f('link', 'D-Bus', 'print-dbus.c'),
  f('link', 'Token Ring / FDDI', 'print-token.c', 'print-fddi.c'),
  f('link', 'Linux cooked (SLL)', 'print-sll.c'),
  f('link', 'Null / loopback / raw IP', 'print-null.c', 'print-raw.c'),
  f('link', 'Ethernet + VLAN', 'print-ether.c'),
  f('link', 'MACsec', 'print-macsec.c'),
  f('link', 'LLC / SNAP', 'print-llc.c'),
  f('link', 'Unknown link type', 'print-unsupported.c'),
  // Overlays and tunnels.
  f('tunnels', 'VXLAN', 'print-vxlan.c'),
  f('tunnels', 'VXLAN-GPE', 'print-vxlan-gpe.c'),
  f('tunnels', 'Geneve', 'print-geneve.c'),
  f('tunnels', 'GRE', 'print-gre.c'),
  f('tunnels', 'L2TP', 'print-l2tp.c'),
  f('tunnels', 'PPTP', 'print-pptp.c'),
  f('tunnels', 'MPLS', 'print-mpls.c'),
  f('tunnels', 'NSH', 'print-nsh.c'),
  f('tunnels', 'OTV', 'print-otv.c'),
  f('tunnels', 'LISP', 'print-lisp.c'),
  f('tunnels', 'IPsec ESP/AH', 'print-esp.c', 'print-ah.c'),
  f('tunnels', 'IKE (ISAKMP)', 'print-isakmp.c'),
  f('tunnels', 'IPComp', 'print-ipcomp.c'),
  // Routing and control.
  f('routing', 'BGP', 'print-bgp.c'),
  f('routing', 'BFD', 'print-bfd.c'),
  f('routing', 'OSPF / OSPFv3', 'print-ospf.c', 'print-ospf6.c'),
  f('routing', 'IS-IS / OSI (CLNP, ES-IS)', 'print-isoclns.c'),
  f('routing', 'RIP / RIPng', 'print-rip.c', 'print-ripng.c'),
  f('routing', 'VRRP', 'print-vrrp.c'),
  f('routing', 'CARP', 'print-carp.c'),
  f('routing', 'LLDP', 'print-lldp.c'),
  f('routing', 'CDP', 'print-cdp.c'),
  f('routing', 'STP / RSTP / MSTP', 'print-stp.c'),
  f('routing', 'PIM', 'print-pim.c'),
  f('routing', 'IGMP', 'print-igmp.c'),
  f('routing', 'HSRP', 'print-hsrp.c'),
  f('routing', 'LDP', 'print-ldp.c'),
  f('routing', 'RSVP', 'print-rsvp.c'),
  f('routing', 'LSP ping (MPLS OAM)', 'print-lspping.c'),
  f('routing', 'Babel', 'print-babel.c'),
  f('routing', 'EIGRP / IGRP', 'print-eigrp.c', 'print-igrp.c'),
  f('routing', 'OLSR', 'print-olsr.c'),
  f('routing', 'AODV', 'print-aodv.c'),
  f('routing', 'DVMRP', 'print-dvmrp.c'),
  f('routing', 'HNCP', 'print-hncp.c'),
  f('routing', 'RPKI-RTR', 'print-rpki-rtr.c'),
  f('routing', 'VTP / UDLD', 'print-vtp.c', 'print-udld.c'),
  f('routing', 'CFM (802.1ag)', 'print-cfm.c'),
  f('routing', 'Slow protocols (LACP, OAM)', 'print-slow.c'),
  f('routing', 'LMP', 'print-lmp.c'),
  f('routing', 'ForCES', 'print-forces.c'),
  f('routing', 'AHCP', 'print-ahcp.c'),
  f('routing', 'MS NLB', 'print-msnlb.c'),
  f('routing', 'EAP / 802.1X', 'print-eap.c'),
  // Services.
  f('services', 'DHCPv6', 'print-dhcp6.c'),
  f('services', 'DHCP / BOOTP', 'print-bootp.c'),
  f('services', 'NTP', 'print-ntp.c', 'ntp.c'),
  f('services', 'SNMP', 'print-snmp.c'),
  f('services', 'Syslog', 'print-syslog.c'),
  f('services', 'RADIUS', 'print-radius.c'),
  f('services', 'TFTP', 'print-tftp.c'),
  f('services', 'RTP / RTCP / VAT (-T)', 'print-udp.c#rtp'),
  f('services', 'SIP', 'print-sip.c'),
  f('services', 'NFS / Sun RPC', 'print-nfs.c', 'print-sunrpc.c'),
  f('services', 'SMB / NetBIOS', 'print-smb.c', 'print-nbt.c'),
  f('services', 'Kerberos', 'print-krb.c'),
  f('services', 'OpenFlow', 'print-openflow.c', 'print-openflow-1.0.c', 'print-openflow-1.3.c'),
  f('services', 'ZeroMQ (ZMTP/1.0)', 'print-zeromq.c'),
  f('services', 'DNS', 'print-domain.c'),
  f('services', 'Redis (RESP)', 'print-resp.c'),
  f('services', 'sFlow', 'print-sflow.c'),
  f('services', 'PTP', 'print-ptp.c'),
  f('services', 'SOME/IP', 'print-someip.c'),
  f('services', 'AFS (Rx)', 'print-rx.c'),
  f('services', 'Telnet / whois / SSH / HTTP', 'print-telnet.c', 'print-whois.c', 'print-ssh.c', 'print-http.c'),
  f('services', 'Zephyr / timed / lwres / wb', 'print-zephyr.c', 'print-timed.c', 'print-lwres.c', 'print-wb.c'),
  f('services', 'ATA over Ethernet', 'print-aoe.c'),
  // Transports.
  f('transports', 'SCTP', 'print-sctp.c'),
  f('transports', 'DCCP', 'print-dccp.c'),
  f('transports', 'PGM', 'print-pgm.c'),
  f('transports', 'TIPC', 'print-tipc.c'),
  f('transports', 'TCP / MPTCP', 'print-tcp.c', 'print-mptcp.c'),
  f('transports', 'UDP', 'print-udp.c'),
  // The rest.
  f('rest', 'IPv4 / ICMP', 'print-ip.c', 'print-ip-demux.c', 'print-icmp.c'),
  f('rest', 'IPv6 / ICMPv6 / extension headers', 'print-ip6.c', 'print-icmp6.c', 'print-ip6opts.c', 'print-frag6.c', 'print-rt6.c', 'print-mobility.c'),
  f('rest', 'ARP', 'print-arp.c'),
  f('rest', 'AppleTalk / DECnet / IPX', 'print-atalk.c', 'print-decnet.c', 'print-ipx.c'),
  f('rest', 'GeoNetworking / CALM FAST', 'print-geonet.c', 'print-calm-fast.c'),
  f('rest', 'Ethernet loopback', 'print-loopback.c'),
  f('rest', 'No packet printed (empty capture, invalid records)', 'print.c'),
];

/** tcpdump's files that vcap has a printer for (src/output/text/), whole or in part. */
export const vcapPrints = new Set([
  'print-ether.c', 'print-llc.c', 'print-sll.c', 'print-null.c', 'print-raw.c', 'print-unsupported.c',
  'print-ip.c', 'print-ip-demux.c', 'print-icmp.c', 'print-ip6.c', 'print-icmp6.c', 'print-ip6opts.c', 'print-frag6.c',
  'print-rt6.c', 'print-mobility.c', 'print-arp.c', 'print-tcp.c', 'print-mptcp.c', 'print-udp.c', 'print-igmp.c',
  'print-vxlan.c', 'print-geneve.c', 'print-gre.c', 'print-mpls.c', 'print-esp.c', 'print-ah.c', 'print-vrrp.c',
  'print-stp.c', 'print-bootp.c', 'print-ntp.c', 'ntp.c', 'print-domain.c', 'print-syslog.c', 'print-ssh.c', 'print-http.c',
  'print-ascii.c', 'print.c', 'print-rx.c', 'print-atalk.c', 'print-lwapp.c',
]);

/** The link types (LINKTYPE_*) vcap prints (src/output/text/link.ts). */
export const vcapLinkTypes = new Set([0, 1, 101, 108, 113, 228, 229, 276, 105, 119, 127, 163, 192, 195, 230, 283, 226, 7, 129]);

/** -T types and the file whose printer they need. */
export const forcedTypeFiles: Record<string, string> = {
  rtp: 'print-udp.c#rtp', rtcp: 'print-udp.c#rtp', vat: 'print-udp.c#rtp', pgm: 'print-pgm.c', pgm_zmtp1: 'print-zeromq.c',
  zmtp1: 'print-zeromq.c', tftp: 'print-tftp.c', lmp: 'print-lmp.c', domain: 'print-domain.c', snmp: 'print-snmp.c',
  radius: 'print-radius.c', vxlan: 'print-vxlan.c', carp: 'print-carp.c', aodv: 'print-aodv.c', cnfp: 'print-cnfp.c',
  wb: 'print-wb.c', rpc: 'print-sunrpc.c', resp: 'print-resp.c', ptp: 'print-ptp.c', someip: 'print-someip.c',
};

/** Files that carry everything (dispatch, hex dumps): a case is about them only when nothing more specific printed it. */
export const carriers = new Set(['print-ether.c', 'print-ip.c', 'print-ip-demux.c', 'print-ip6.c', 'print-udp.c', 'print-tcp.c',
  'print-llc.c', 'print-ascii.c', 'print-null.c', 'print-raw.c', 'print-sll.c']);
