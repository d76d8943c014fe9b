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
  // Link types beyond Ethernet, cooked and loopback (numbered from 64, clear of the protocols').
  /** SLIP's 16-byte BPF header (direction, compressed-header copy). */
  Slip: 64,
  /** Linux vsock monitor header (af_vsockmon) and its transport's header. */
  Vsock: 65,
  /** Cisco HDLC (C-HDLC): address, control, an EtherType. */
  Chdlc: 66,
  /** Cisco's Serial Line ARP, over C-HDLC. */
  Slarp: 67,
  /** Ethernet with a Marvell DSA tag (4 bytes) or EDSA tag (8 bytes) before the type. */
  Dsa: 68,
  Edsa: 69,
  /** Ethernet with a Broadcom switch tag before the type, or the tag before the Ethernet header. */
  BrcmTag: 70,
  BrcmTagPrepend: 71,
  /** IEEE 802.1AE MACsec: the SecTAG (and the EtherType of the protected frame, when not encrypted). */
  Macsec: 72,
  /** Arista's vendor EtherType 0xd28b: a TapAgg timestamp before the frame's own type. */
  Arista: 73,
  /** IP over InfiniBand (RFC 4391) as Linux captures it: a 44-byte pseudo-header with the EtherType at 40. */
  Ipoib: 74,
  /** Linux netfilter log messages (NFLOG): a header, then TLVs, one of them the logged packet. */
  Nflog: 75,
  /** PPP (RFC 1661): address and control (optional), protocol. PppSerial: PPP in HDLC-like framing (PPP_SERIAL). */
  Ppp: 76,
  PppSerial: 77,
  /** A PPP control or authentication packet (LCP, IPCP, IP6CP, CCP, BACP…, PAP, CHAP): code, identifier, length, data. */
  PppControl: 78,
  /** PPP over Ethernet (RFC 2516): discovery (EtherType 0x8863) and session (0x8864) stages. */
  Pppoe: 79,
  /** Juniper's capture header (magic "MGC", flags, extension TLVs, the PIC's cookie) before the frame of the interface. */
  Juniper: 80,
  /** ATM: Sun's raw ATM pseudo-header (SUNATM), RFC 1483 LLC encapsulation (ATM_RFC1483), classical IP (ATM_CLIP). */
  Sunatm: 81,
  AtmRfc1483: 82,
  AtmClip: 83,
  /** Frame Relay (Q.922 address, then an NLPID or Cisco's EtherType). */
  FrameRelay: 84,
  /** FRF.16 multilink Frame Relay: control frames and fragments (a Frame Relay frame in the first). */
  Mfr: 85,
  /** An IEEE 802.11 MAC frame (its management body's fixed fields and elements are the view's). */
  Ieee80211: 86,
  /** Radiotap's radio header before an 802.11 frame. */
  Radiotap: 87,
  /** The Prism and AVS capture headers before an 802.11 frame (skipped by their length). */
  Prism: 88,
  Avs: 89,
  /** Per-Packet Information: a header and TLVs, then a frame of the link type it names. */
  Ppi: 90,
  /** An IEEE 802.15.4 MAC frame, and the TAP header some captures put before it. */
  Ieee802154: 91,
  Ieee802154Tap: 92,
  /** Solaris IPnet's header before an IPv4 or IPv6 packet. */
  Ipnet: 93,
  /** ARCNET: BSD's header (RFC 1201 fragmentation fields) and Linux's (an offset before the system code). */
  Arcnet: 94,
  ArcnetLinux: 95,
  // Routing and control protocols (numbers from 120 on).
  Bfd: 120,
  Hsrp: 121,
  Rip: 122,
  Ripng: 123,
  Pim: 124,
  Pimv1: 125,
  Eigrp: 126,
  Igrp: 127,
  Bgp: 128,
  Babel: 129,
  Ahcp: 130,
  Olsr: 131,
  Aodv: 132,
  Vrrp: 133,
  Carp: 134,
  Ldp: 135,
  Rsvp: 136,
  Ospf: 137,
  Lldp: 32,
  Cdp: 33,
  MsNlb: 34,
  Ectp: 35,
  Udld: 36,
  Slow: 37,
  Cfm: 38,
  Vtp: 39,
  Osi: 40,
  Clnp: 41,
  Esis: 42,
  Isis: 43,
  /** DHCPv6 (UDP 546/547). */
  Dhcp6: 150,
  /** TFTP (UDP 69). */
  Tftp: 151,
  /** RTP, RTCP and vat (-T rtp, -T rtcp, -T vat; vat also to UDP port 3456). */
  Rtp: 152,
  Rtcp: 153,
  Vat: 154,
  /** PGM (IP protocol 113; -T pgm over UDP). */
  Pgm: 155,
  /** ZeroMQ ZMTP/1.0: frames over TCP (-T zmtp1), and in a PGM datagram (-T pgm_zmtp1). */
  Zmtp1: 156,
  Zmtp1Datagram: 157,
  /** DCCP (IP protocol 33). */
  Dccp: 158,
  /** ATA over Ethernet (EtherType 0x88A2). */
  Aoe: 159,
  /** Redis RESP (TCP 6379, -T resp). */
  Resp: 160,
  /** LISP control messages (UDP 4342). */
  Lisp: 161,
  /** PTP (UDP 319/320, EtherType 0x88F7). */
  Ptp: 162,
  /** OTV (UDP 8472), VXLAN-GPE (UDP 4790), NSH (EtherType 0x894F, VXLAN-GPE next protocol 4). */
  Otv: 163,
  VxlanGpe: 164,
  Nsh: 165,
  // Protocols whose printers read bytes themselves until issue 14 (numbers from 180 on).
  /** IGMP v1/v2/v3 and mtrace (IP protocol 2). */
  Igmp: 180,
  /** Spanning tree BPDUs: 802.1D, RSTP, MSTP (LLC SAP 0x42). */
  Stp: 181,
  /** NTP (UDP 123). */
  Ntp: 182,
  /** BOOTP and DHCP (UDP 67/68). */
  Bootp: 183,
  /** BSD syslog (UDP 514). */
  Syslog: 184,
  /** SSH (TCP 22): the identification string; the binary packets after it are opaque. */
  Ssh: 186,
  /** The Mobile IPv6 mobility header (IPv6 next header 135). */
  Mobility: 187,
  // Tunnels and IPsec (numbers from 170 on).
  /** GRE (IP protocol 47): versions 0 and 1 (PPTP). */
  Gre: 170,
  /** VXLAN (UDP 4789). */
  Vxlan: 171,
  /** Geneve (UDP 6081). */
  Geneve: 172,
  /** An MPLS label stack (EtherTypes 0x8847/0x8848, GRE). */
  Mpls: 173,
  /** IPsec ESP (IP protocol 50) and AH (51; after IPv6 AH is an extension header of the IPv6 layer). */
  Esp: 174,
  Ah: 175,
  /** IPComp (IP protocol 108). */
  Ipcomp: 176,
  /** Minimal encapsulation within IP, RFC 2004 (IP protocol 55; tcpdump's "mobile"). */
  MobileIp: 177,
  /** EGP, the Exterior Gateway Protocol (IP protocol 8). */
  Egp: 178,
  /** PPTP's control connection (TCP port 1723). */
  Pptp: 179,
  /** MPCP, the Multi-Point Control Protocol of 802.3ah (EtherType 0x8808, MAC control). */
  Mpcp: 185,
  /** Realtek's switch protocols, RRCP, REP and RLDP (EtherType 0x8899). */
  Realtek: 188,
  // Walk steps, not layers (no view, never in `present`): what follows is an encapsulated packet,
  // starting with this layer, which the walk decodes into `Packet.inner` with views of its own.
  InnerEthernet: 190,
  InnerIpv4: 191,
  InnerIpv6: 192,
  InnerMpls: 193,
  // Services from issue 15's services branch (numbers from 200 on, clear of the other branches').
  /** ISAKMP/IKE (UDP 500, 7500, 8500; after RFC 3948's non-ESP marker on UDP 4500). */
  Isakmp: 200,
  /** UDP 4500 (RFC 3948): NAT keepalive, non-ESP marker + IKE, or ESP. */
  IkeNatT: 201,
  /** RADIUS (UDP 1645, 1646, 1700, 1812, 1813, 3799; -T radius). */
  Radius: 202,
  /** EAP (in EAPOL frames and RADIUS EAP-Message attributes); IEEE 802.1X EAPOL (EtherType 0x888E). */
  Eap: 203,
  Eapol: 204,
  /** Sun RPC (NFS: UDP 2049; TCP 2049 after the record mark), and the record mark on TCP. */
  SunRpc: 205,
  RpcRecordMark: 206,
  /** SNMP (UDP 161, 162; -T snmp). */
  Snmp: 207,
  /** L2TPv2 (UDP 1701). */
  L2tp: 208,
  /** Kerberos (UDP 88, 750). */
  Krb: 209,
  /** SOME/IP (UDP 30490; -T someip). */
  SomeIp: 210,
  /** NetBIOS over TCP/IP: name service (UDP 137), datagram service (UDP 138), session service (TCP 139). */
  NetbiosNs: 212,
  NetbiosDgm: 213,
  NetbiosSsn: 214,
  /** SMB over TCP 445 (direct hosting): the 4-byte length prefix. */
  SmbDirect: 215,
  /** SMBv1 ("\xffSMB") and SMB2/3 ("\xfeSMB") headers. */
  Smb: 216,
  Smb2: 217,
  /** NetBEUI (NBF) over 802.2 LLC SAP 0xF0; Novell IPX (EtherType 0x8137, LLC SAP 0xE0, raw 802.3). */
  Netbeui: 218,
  Ipx: 219,
  // Issue 15's further services, routing and transports (numbers from 220 on).
  /** OpenFlow 1.0-1.5 messages (TCP 6633, 6653). */
  Openflow: 220,
  /** timed's TSP (UDP 525), Zephyr (UDP 2103/2104), BIND's lwres (UDP 921), wb (UDP 4567, -T wb). */
  Timed: 221,
  Zephyr: 222,
  Lwres: 223,
  Wb: 224,
  /** The text protocols (one view class, TextProtocol): SMTP, FTP, whois, HTTP, RTSP over TCP, SIP over UDP. */
  Smtp: 225,
  Ftp: 226,
  Whois: 227,
  Http: 228,
  Rtsp: 229,
  Sip: 230,
  /** Telnet (TCP 23). */
  Telnet: 231,
  /** sFlow (UDP 6343). */
  Sflow: 232,
  /** LMP (UDP 701, -T lmp). */
  Lmp: 233,
  /** LSP ping (UDP 3503). */
  Lspping: 234,
  /** RPKI to router protocol (TCP 323). */
  RpkiRtr: 235,
  /** SCTP (IP protocol 132): the common header; its chunks are walked by a sub-view. */
  Sctp: 24,
  /** ForCES (RFC 5810) in SCTP DATA chunks (ports 6704-6706, PPIDs 21-23). */
  Forces: 211,
  /** M3UA (RFC 4666) in SCTP DATA chunks of payload protocol 3. */
  M3ua: 236,
  /** Cisco NetFlow v1, v5, v6 (no port; -T cnfp). */
  Cnfp: 240,
  /** Broadcom's lawful-intercept shim (UDP source port 49152). */
  BcmLi: 241,
  // breadth5's layers (242-249).
  /** TIPC (EtherType 0x88CA). */
  Tipc: 242,
  /** DVMRP (IGMP type 0x13; its header is IGMP's). */
  Dvmrp: 243,
  /** ETSI GeoNetworking (EtherTypes 0x8947, 0x0707), BTP included. */
  Geonet: 244,
  /** ISO CALM FAST (EtherType 0x1111). */
  CalmFast: 245,
  /** Rx, AFS's RPC (UDP ports 7000-7009). */
  Rx: 246,
  /** AppleTalk DDP, long header (EtherType 0x809b, SNAP 08-00-07 0x809b). */
  Ddp: 247,
  /** AppleTalk ARP (EtherType 0x80f3). */
  Aarp: 248,
  /** LocalTalk LLAP (LINKTYPE_LTALK): a 3-byte LAP header, then a short or long DDP header. */
  Llap: 249,
  /** LWAPP control packets (UDP port 12223). */
  LwappControl: 250,
  /** LWAPP data packets (UDP port 12222). */
  LwappData: 251,
  /** Cisco's VLAN Query Protocol (UDP port 1589). */
  Vqp: 252,
  /** HNCP, the Home Networking Control Protocol (UDP port 8231). */
  Hncp: 253,
  /** Cisco's auto-RP (UDP port 496). */
  CiscoAutoRp: 254,
  /** ZEP, the ZigBee Encapsulation Protocol (UDP port 17754). */
  Zep: 255,
} as const;
export type Layer = (typeof Layer)[keyof typeof Layer];

/**
 * `1 << Layer.X`, as literals: the hot decode paths write `0x200 satisfies typeof LayerBit.Tcp`,
 * which the compiler checks against this table and V8 sees as a number in the bytecode (a module
 * constant costs a context load and a hole check there, and makes small functions too big to
 * inline). The table itself is checked against `Layer` when this module loads.
 */
export const LayerBit = {
  Ethernet: 0x2, Llc: 0x4, Vlan: 0x8, Arp: 0x10, Ipv4: 0x20, Ipv6: 0x40, Icmp: 0x80, Icmpv6: 0x100, Tcp: 0x200, Udp: 0x400, Dns: 0x800,
} as const;
for (const k of Object.keys(LayerBit) as (keyof typeof LayerBit)[]) {
  if (LayerBit[k] !== 1 << Layer[k]) throw new Error(`LayerBit.${k} is not 1 << Layer.${k}`);
}

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
names[Layer.Slip] = 'SLIP';
names[Layer.Vsock] = 'vsock';
names[Layer.Chdlc] = 'Cisco HDLC';
names[Layer.Slarp] = 'SLARP';
names[Layer.Dsa] = 'Marvell DSA';
names[Layer.Edsa] = 'Marvell EDSA';
names[Layer.BrcmTag] = 'Broadcom tag';
names[Layer.BrcmTagPrepend] = 'Broadcom tag prepended';
names[Layer.Macsec] = 'MACsec';
names[Layer.Arista] = 'Arista';
names[Layer.Ipoib] = 'IPoIB';
names[Layer.Nflog] = 'NFLOG';
names[Layer.Ppp] = 'PPP';
names[Layer.PppSerial] = 'PPP serial';
names[Layer.PppControl] = 'PPP control';
names[Layer.Pppoe] = 'PPPoE';
names[Layer.Juniper] = 'Juniper';
names[Layer.Sunatm] = 'SunATM';
names[Layer.AtmRfc1483] = 'ATM RFC 1483';
names[Layer.AtmClip] = 'ATM classical IP';
names[Layer.FrameRelay] = 'Frame Relay';
names[Layer.Mfr] = 'FRF.16';
names[Layer.Ieee80211] = '802.11';
names[Layer.Radiotap] = 'radiotap';
names[Layer.Prism] = 'Prism';
names[Layer.Avs] = 'AVS';
names[Layer.Ppi] = 'PPI';
names[Layer.Ieee802154] = '802.15.4';
names[Layer.Ieee802154Tap] = '802.15.4 TAP';
names[Layer.Ipnet] = 'IPnet';
names[Layer.Arcnet] = 'ARCNET';
names[Layer.ArcnetLinux] = 'ARCNET Linux';
names[Layer.Bfd] = 'BFD';
names[Layer.Hsrp] = 'HSRP';
names[Layer.Rip] = 'RIP';
names[Layer.Ripng] = 'RIPng';
names[Layer.Pim] = 'PIM';
names[Layer.Pimv1] = 'PIMv1';
names[Layer.Eigrp] = 'EIGRP';
names[Layer.Igrp] = 'IGRP';
names[Layer.Bgp] = 'BGP';
names[Layer.Babel] = 'Babel';
names[Layer.Ahcp] = 'AHCP';
names[Layer.Olsr] = 'OLSR';
names[Layer.Aodv] = 'AODV';
names[Layer.Vrrp] = 'VRRP';
names[Layer.Carp] = 'CARP';
names[Layer.Ldp] = 'LDP';
names[Layer.Rsvp] = 'RSVP';
names[Layer.Ospf] = 'OSPF';
names[Layer.Lldp] = 'LLDP';
names[Layer.Cdp] = 'CDP';
names[Layer.MsNlb] = 'MS NLB';
names[Layer.Ectp] = 'ECTP';
names[Layer.Udld] = 'UDLD';
names[Layer.Slow] = 'Slow Protocols';
names[Layer.Cfm] = 'CFM';
names[Layer.Vtp] = 'VTP';
names[Layer.Osi] = 'OSI';
names[Layer.Clnp] = 'CLNP';
names[Layer.Esis] = 'ES-IS';
names[Layer.Isis] = 'IS-IS';
names[Layer.Dhcp6] = 'DHCPv6';
names[Layer.Tftp] = 'TFTP';
names[Layer.Rtp] = 'RTP';
names[Layer.Rtcp] = 'RTCP';
names[Layer.Vat] = 'vat';
names[Layer.Pgm] = 'PGM';
names[Layer.Zmtp1] = 'ZMTP/1.0';
names[Layer.Zmtp1Datagram] = 'ZMTP/1.0 datagram';
names[Layer.Dccp] = 'DCCP';
names[Layer.Sctp] = 'SCTP';
names[Layer.Forces] = 'ForCES';
names[Layer.M3ua] = 'M3UA';
names[Layer.Aoe] = 'AoE';
names[Layer.Resp] = 'RESP';
names[Layer.Lisp] = 'LISP';
names[Layer.Ptp] = 'PTP';
names[Layer.Otv] = 'OTV';
names[Layer.VxlanGpe] = 'VXLAN-GPE';
names[Layer.Nsh] = 'NSH';
names[Layer.Igmp] = 'IGMP';
names[Layer.Stp] = 'STP';
names[Layer.Ntp] = 'NTP';
names[Layer.Bootp] = 'BOOTP';
names[Layer.Syslog] = 'syslog';
names[Layer.Ssh] = 'SSH';
names[Layer.Mobility] = 'Mobility';
names[Layer.Gre] = 'GRE';
names[Layer.Vxlan] = 'VXLAN';
names[Layer.Geneve] = 'Geneve';
names[Layer.Mpls] = 'MPLS';
names[Layer.Esp] = 'ESP';
names[Layer.Ah] = 'AH';
names[Layer.InnerEthernet] = 'inner Ethernet';
names[Layer.InnerIpv4] = 'inner IPv4';
names[Layer.InnerIpv6] = 'inner IPv6';
names[Layer.InnerMpls] = 'inner MPLS';
names[Layer.Isakmp] = 'ISAKMP';
names[Layer.IkeNatT] = 'IKE NAT-T';
names[Layer.Radius] = 'RADIUS';
names[Layer.Eap] = 'EAP';
names[Layer.Eapol] = 'EAPOL';
names[Layer.SunRpc] = 'Sun RPC';
names[Layer.RpcRecordMark] = 'RPC record mark';
names[Layer.Snmp] = 'SNMP';
names[Layer.L2tp] = 'L2TP';
names[Layer.Krb] = 'Kerberos';
names[Layer.SomeIp] = 'SOME/IP';
names[Layer.NetbiosNs] = 'NetBIOS-NS';
names[Layer.NetbiosDgm] = 'NetBIOS-DGM';
names[Layer.NetbiosSsn] = 'NetBIOS-SSN';
names[Layer.SmbDirect] = 'SMB-direct';
names[Layer.Smb] = 'SMB';
names[Layer.Smb2] = 'SMB2';
names[Layer.Netbeui] = 'NetBEUI';
names[Layer.Ipx] = 'IPX';
names[Layer.Openflow] = 'OpenFlow';
names[Layer.Timed] = 'timed';
names[Layer.Zephyr] = 'Zephyr';
names[Layer.Lwres] = 'lwres';
names[Layer.Wb] = 'wb';
names[Layer.Smtp] = 'SMTP';
names[Layer.Ftp] = 'FTP';
names[Layer.Whois] = 'whois';
names[Layer.Http] = 'HTTP';
names[Layer.Rtsp] = 'RTSP';
names[Layer.Sip] = 'SIP';
names[Layer.Telnet] = 'Telnet';
names[Layer.Sflow] = 'sFlow';
names[Layer.Lmp] = 'LMP';
names[Layer.Lspping] = 'LSP ping';
names[Layer.RpkiRtr] = 'RPKI-RTR';
names[Layer.Cnfp] = 'NetFlow';
names[Layer.BcmLi] = 'BCM-LI';
names[Layer.Tipc] = 'TIPC';
names[Layer.Dvmrp] = 'DVMRP';
names[Layer.Geonet] = 'GeoNet';
names[Layer.CalmFast] = 'CALM FAST';
names[Layer.Rx] = 'RX';
names[Layer.Ddp] = 'DDP';
names[Layer.Aarp] = 'AARP';
names[Layer.Llap] = 'LLAP';
names[Layer.LwappControl] = 'LWAPP control';
names[Layer.LwappData] = 'LWAPP data';
names[Layer.Vqp] = 'VQP';
names[Layer.Hncp] = 'HNCP';
names[Layer.CiscoAutoRp] = 'auto-RP';
names[Layer.Zep] = 'ZEP';
names[Layer.Ipcomp] = 'IPComp';
names[Layer.MobileIp] = 'Mobile IP';
names[Layer.Egp] = 'EGP';
names[Layer.Pptp] = 'PPTP';
names[Layer.Mpcp] = 'MPCP';
names[Layer.Realtek] = 'Realtek';

/**
 * The property a layer has in `Packet.toJSON()` (`tcp`, `ipv6`): for the common layers their getter's
 * name; for the others this table, or the name in lower case.
 */
const keys: string[] = [];
export function layerKey(layer: number): string { return keys[layer] ?? layerName(layer).toLowerCase().replace(/[^a-z0-9]+/g, ''); }

/** Human name of a layer number (`TCP`, `IPv6 extension header`). */
export function layerName(layer: number): string {
  return names[layer] ?? `layer ${layer}`;
}
