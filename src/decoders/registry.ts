// Which layer follows which: the wire value → Layer tables, and the view for each Layer.
// A new protocol is one view file, one line in `views` below and its lines in the tables.
import { Aoe } from './aoe.js';
import { Arp } from './arp.js';
import { Bfd } from './bfd.js';
import { Hsrp } from './hsrp.js';
import { Rip, Ripng } from './rip.js';
import { Pim, Pimv1 } from './pim.js';
import { Eigrp, Igrp } from './eigrp.js';
import { Bgp } from './bgp.js';
import { Babel } from './babel.js';
import { Ahcp } from './ahcp.js';
import { Olsr } from './olsr.js';
import { Aodv } from './aodv.js';
import { Carp, Vrrp } from './vrrp.js';
import { Ldp } from './ldp.js';
import { Rsvp } from './rsvp.js';
import { Ospf } from './ospf.js';
import { Cdp } from './cdp.js';
import { Cfm } from './cfm.js';
import { Clnp } from './clnp.js';
import { Esis } from './esis.js';
import { Ectp } from './ectp.js';
import { Dccp } from './dccp.js';
import { Sctp } from './sctp.js';
import { Forces } from './forces.js';
import { M3ua } from './m3ua.js';
import { Dhcp6 } from './dhcp6.js';
import { Dns } from './dns.js';
import { Ethernet, Llc } from './ethernet.js';
import { Icmp } from './icmp.js';
import { Icmpv6 } from './icmpv6.js';
import { Ipv4 } from './ipv4.js';
import { Ipv6 } from './ipv6.js';
import { Isis } from './isis.js';
import { Layer } from './layer.js';
import { LinkType } from './link-type.js';
import { MsNlb } from './msnlb.js';
import { Lldp } from './lldp.js';
import { Osi } from './osi.js';
import { byEtherType, byLinkType, byIpProto, byLlcSap, byTcpPort, byUdpPort, setSnap, setTcpPort, setUdpPort } from './registry-tables.js';
import { Lisp } from './lisp.js';
import { NullLink } from './null.js';
import { Pgm } from './pgm.js';
import { Nsh } from './nsh.js';
import { IkeNatT, Isakmp } from './isakmp.js';
import { Radius } from './radius.js';
import { Eap, Eapol } from './eap.js';
import { RpcRecordMark, SunRpc } from './sunrpc.js';
import { Snmp } from './snmp.js';
import { L2tp } from './l2tp.js';
import { Krb } from './krb.js';
import { NetbiosDgm, NetbiosNs, NetbiosSession } from './netbios.js';
import { Smb, Smb2 } from './smb.js';
import { Netbeui } from './netbeui.js';
import { Ipx } from './ipx.js';
import { SomeIp } from './someip.js';
import { Otv } from './otv.js';
import { Openflow } from './openflow.js';
import { Timed } from './timed.js';
import { Zephyr } from './zephyr.js';
import { Lwres } from './lwres.js';
import { Wb } from './wb.js';
import { TextProtocol } from './txtproto.js';
import { Telnet } from './telnet.js';
import { Sflow } from './sflow.js';
import { Lmp } from './lmp.js';
import { Cnfp } from './cnfp.js';
import { BcmLi } from './bcm-li.js';
import { Tipc } from './tipc.js';
import { Dvmrp } from './dvmrp.js';
import { Geonet } from './geonet.js';
import { CalmFast } from './calm-fast.js';
import { RX_PORT_HIGH, RX_PORT_LOW, Rx } from './rx.js';
import { Aarp, Ddp, Llap } from './atalk.js';
import { LWAPP_CONTROL_PORT, LWAPP_DATA_PORT, LwappControl, LwappData } from './lwapp.js';
import { VQP_PORT, Vqp } from './vqp.js';
import { HNCP_PORT, Hncp } from './hncp.js';
import { CISCO_AUTORP_PORT, CiscoAutoRp } from './cisco-autorp.js';
import { ZEP_PORT, Zep } from './zep.js';
import { Ipcomp } from './ipcomp.js';
import { MobileIp } from './mobile-ip.js';
import { Egp } from './egp.js';
import { PPTP_PORT, Pptp } from './pptp.js';
import { Mpcp } from './mpcp.js';
import { Realtek } from './realtek.js';
import { Lspping } from './lspping.js';
import { RpkiRtr } from './rpki-rtr.js';
import { Ptp } from './ptp.js';
import { RawIp } from './raw.js';
import { Resp } from './resp.js';
import { Rtcp, Rtp } from './rtp.js';
import { Sll } from './sll.js';
import { Slip } from './slip.js';
import { Vsock } from './vsock.js';
import { Chdlc, Slarp } from './chdlc.js';
import { DsaTagged } from './dsa.js';
import { BrcmTag } from './brcmtag.js';
import { Macsec } from './macsec.js';
import { Arista } from './arista.js';
import { Ipoib } from './ipoib.js';
import { Ieee80211 } from './ieee80211.js';
import { RadioCaptureHeader, Radiotap } from './radiotap.js';
import { Ppi } from './ppi.js';
import { Ieee802154, Ieee802154Tap } from './ieee802154.js';
import { Ipnet } from './ipnet.js';
import { Arcnet } from './arcnet.js';
import { Nflog } from './nflog.js';
import { Ppp, PppControl } from './ppp.js';
import { Pppoe } from './pppoe.js';
import { Juniper } from './juniper.js';
import { AtmLink, Sunatm } from './atm.js';
import { FrameRelay, Mfr } from './fr.js';
import { Sll2 } from './sll2.js';
import { Slow } from './slow.js';
import { Tcp } from './tcp.js';
import { Udld } from './udld.js';
import { Tftp } from './tftp.js';
import { Udp } from './udp.js';
import { Vat } from './vat.js';
import { VxlanGpe } from './vxlan-gpe.js';
import type { Cursor } from './cursor.js';
import type { LayerView } from './view.js';
import { VlanStack } from './vlan.js';
import { Vtp } from './vtp.js';
import { Zmtp1 } from './zmtp1.js';
import { Igmp } from './igmp.js';
import { Stp } from './stp.js';
import { Ntp } from './ntp.js';
import { Syslog } from './syslog.js';
import { Ssh } from './ssh.js';
import { Mobility } from './mobility.js';
import { Bootp } from './bootp.js';
import { Gre } from './gre.js';
import { Vxlan } from './vxlan.js';
import { Geneve } from './geneve.js';
import { Mpls } from './mpls.js';
import { Esp } from './esp.js';
import { Ah } from './ah.js';

export { byEtherType, byIpProto, byLlcSap, byTcpPort, byUdpPort, setSnap, setTcpPort, setUdpPort };

byEtherType[0x0800] = Layer.Ipv4;
byEtherType[0x86dd] = Layer.Ipv6;
byEtherType[0x0806] = Layer.Arp;
byEtherType[0x8035] = Layer.Arp;    // RARP: same format
byEtherType[0x8100] = Layer.Vlan;   // 802.1Q
byEtherType[0x88a8] = Layer.Vlan;   // 802.1ad
byEtherType[0x9100] = Layer.Vlan;   // pre-standard QinQ
byEtherType[0x9200] = Layer.Vlan;
byEtherType[0x88e5] = Layer.Macsec;
byEtherType[0xd28b] = Layer.Arista;
byEtherType[0x8863] = Layer.Pppoe;
byEtherType[0x8864] = Layer.Pppoe;
byEtherType[0x88cc] = Layer.Lldp;
setSnap(0x00000c, 0x2000, Layer.Cdp);  // Cisco
setSnap(0x00000c, 0x0111, Layer.Udld);
setSnap(0x00000c, 0x2003, Layer.Vtp);
// AppleTalk: DDP and AARP by EtherType, and DDP by SNAP with Apple's OUI (print-llc.c: 0x809b only).
byEtherType[0x809b] = Layer.Ddp;
byEtherType[0x80f3] = Layer.Aarp;
setSnap(0x080007, 0x809b, Layer.Ddp);
byEtherType[0xfefe] = Layer.Osi;      // OSI over Ethernet II: a pad byte, then the NLPID
byLlcSap[0xfe] = Layer.Osi;           // OSI over 802.2: CLNP, ES-IS, IS-IS by their NLPID
byLlcSap[0x42] = Layer.Stp;           // spanning tree BPDUs
byEtherType[0x886f] = Layer.MsNlb;
byEtherType[0x9000] = Layer.Ectp;     // Ethernet loopback
byEtherType[0x8808] = Layer.Mpcp;     // MAC control: PAUSE, and 802.3ah's MPCP
byEtherType[0x8899] = Layer.Realtek;  // RRCP, REP, RLDP
byEtherType[0x8809] = Layer.Slow;     // LACP, Marker, OAM
byEtherType[0x8902] = Layer.Cfm;      // 802.1ag
byEtherType[0xabcd] = Layer.Cfm;      // 802.1ag before its EtherType was assigned
byEtherType[0x88a2] = Layer.Aoe;
byEtherType[0x88ca] = Layer.Tipc;
byEtherType[0x8947] = Layer.Geonet;
byEtherType[0x0707] = Layer.Geonet;
byEtherType[0x1111] = Layer.CalmFast;
byEtherType[0x88f7] = Layer.Ptp;
byEtherType[0x894f] = Layer.Nsh;
byEtherType[0x8847] = Layer.Mpls;     // unicast
byEtherType[0x8848] = Layer.Mpls;     // multicast
byEtherType[0x888e] = Layer.Eapol;    // IEEE 802.1X
byEtherType[0x8137] = Layer.Ipx;      // Novell IPX (Ethernet II)
byLlcSap[0xe0] = Layer.Ipx;           // Novell IPX over 802.2
byLlcSap[0xf0] = Layer.Netbeui;       // NetBEUI (NBF) UI frames

byIpProto[1] = Layer.Icmp;
byIpProto[6] = Layer.Tcp;
byIpProto[17] = Layer.Udp;
byIpProto[58] = Layer.Icmpv6;
byIpProto[103] = Layer.Pim;
byIpProto[88] = Layer.Eigrp;
byIpProto[9] = Layer.Igrp;
byIpProto[112] = Layer.Vrrp;
byIpProto[46] = Layer.Rsvp;
byIpProto[89] = Layer.Ospf;
byIpProto[113] = Layer.Pgm;
byIpProto[33] = Layer.Dccp;
byIpProto[132] = Layer.Sctp;
byIpProto[2] = Layer.Igmp;
byIpProto[135] = Layer.Mobility;   // after IPv6 only (the view checks)
byIpProto[47] = Layer.Gre;
byIpProto[50] = Layer.Esp;
byIpProto[51] = Layer.Ah;
byIpProto[108] = Layer.Ipcomp;
byIpProto[55] = Layer.MobileIp;
byIpProto[8] = Layer.Egp;
// IP in IP (RFC 2003) and IPv6 in IPv4 (RFC 4213): the inner packet is the walk's `inner`.
byIpProto[4] = Layer.InnerIpv4;
byIpProto[41] = Layer.InnerIpv6;

// Ranks (the third argument) are the lines of print-tcp.c / print-udp.c that test the port: where both
// ports of a segment are registered, the decoder takes the one tcpdump prints.
setTcpPort(53, Layer.Dns, 776);
setTcpPort(179, Layer.Bgp);
setUdpPort(53, Layer.Dns, 593);
// BFD control packets (single hop, multihop, micro-BFD); echo packets (3785) are the sender's own format.
setUdpPort(3784, Layer.Bfd);
setUdpPort(4784, Layer.Bfd);
setUdpPort(6784, Layer.Bfd);
setUdpPort(1985, Layer.Hsrp);
setUdpPort(520, Layer.Rip);
setUdpPort(521, Layer.Ripng);
setUdpPort(6696, Layer.Babel);
setUdpPort(6697, Layer.Babel);
setUdpPort(5359, Layer.Ahcp);
setUdpPort(698, Layer.Olsr);
setUdpPort(654, Layer.Aodv);
setUdpPort(646, Layer.Ldp);
setTcpPort(646, Layer.Ldp);
setUdpPort(546, Layer.Dhcp6);
setUdpPort(547, Layer.Dhcp6);
setUdpPort(69, Layer.Tftp);
setTcpPort(6379, Layer.Resp);
setUdpPort(4342, Layer.Lisp);
setUdpPort(319, Layer.Ptp);
setUdpPort(320, Layer.Ptp);
setUdpPort(8472, Layer.Otv);
setUdpPort(4790, Layer.VxlanGpe);
setUdpPort(123, Layer.Ntp, 618);
setUdpPort(514, Layer.Syslog, 698);
setUdpPort(67, Layer.Bootp, 603);
setUdpPort(68, Layer.Bootp, 603);
setTcpPort(22, Layer.Ssh, 755);
setUdpPort(4789, Layer.Vxlan, 702);
setUdpPort(6081, Layer.Geneve, 704);
setUdpPort(500, Layer.Isakmp, 610);
setUdpPort(4500, Layer.IkeNatT, 612);
setUdpPort(7500, Layer.Isakmp, 614);   // tcpdump's ISAKMP_PORT_USER1/2 (nonstandard)
setUdpPort(8500, Layer.Isakmp, 614);
for (const p of [1645, 1646, 1700, 1812, 1813, 3799]) setUdpPort(p, Layer.Radius, 659);
setUdpPort(2049, Layer.SunRpc, 530);    // NFS: tested before the port table
setTcpPort(2049, Layer.RpcRecordMark, 785);
setUdpPort(161, Layer.Snmp, 616);
setUdpPort(162, Layer.Snmp, 616);
setUdpPort(1701, Layer.L2tp, 622);
setUdpPort(88, Layer.Krb, 620);
setUdpPort(750, Layer.Krb, 620);
// NetBIOS and SMB: print-udp.c / print-tcp.c test these ports (tcpdump prints them only when built with --enable-smb).
setUdpPort(137, Layer.NetbiosNs, 626);
setUdpPort(138, Layer.NetbiosDgm, 628);
setTcpPort(139, Layer.NetbiosSsn, 759);
setTcpPort(445, Layer.SmbDirect, 761);
setUdpPort(30490, Layer.SomeIp, 723);
setUdpPort(6635, Layer.Mpls, 712);     // MPLS in UDP (RFC 7510)
setTcpPort(6633, Layer.Openflow);     // before IANA's assignment
setTcpPort(6653, Layer.Openflow);
setUdpPort(525, Layer.Timed);
setUdpPort(2103, Layer.Zephyr);       // server
setUdpPort(2104, Layer.Zephyr);       // client
setUdpPort(921, Layer.Lwres);
setUdpPort(4567, Layer.Wb);
setTcpPort(23, Layer.Telnet);
setTcpPort(25, Layer.Smtp);
setTcpPort(21, Layer.Ftp);
setTcpPort(43, Layer.Whois);
setTcpPort(80, Layer.Http, 770);
setTcpPort(8080, Layer.Http, 770);
setTcpPort(554, Layer.Rtsp);
setTcpPort(8554, Layer.Rtsp);
setUdpPort(5060, Layer.Sip);
setUdpPort(6343, Layer.Sflow);
setUdpPort(701, Layer.Lmp);
setUdpPort(3503, Layer.Lspping);
// Rx (AFS): print-udp.c tests the range 7000-7009 as source or destination (line 638), before VXLAN and the rest.
for (let p = RX_PORT_LOW; p <= RX_PORT_HIGH; p++) setUdpPort(p, Layer.Rx, 638);
// LWAPP: print-udp.c tests `dport == 12223` (690), `sport == 12223` (692), then either port 12222 (694), before VXLAN.
setUdpPort(LWAPP_CONTROL_PORT, Layer.LwappControl, 690);
setUdpPort(LWAPP_DATA_PORT, Layer.LwappData, 694);
setUdpPort(VQP_PORT, Layer.Vqp, 686);    // print-udp.c: after LMP's 701, before sFlow's 6343
setUdpPort(HNCP_PORT, Layer.Hncp, 650);   // print-udp.c: after Babel's 648, before the whiteboard's 655
setUdpPort(CISCO_AUTORP_PORT, Layer.CiscoAutoRp, 657);   // print-udp.c: after the whiteboard's 655, before RADIUS's 659
setUdpPort(ZEP_PORT, Layer.Zep, 710);   // print-udp.c: after VXLAN-GPE's 708, before MPLS's 712
setTcpPort(323, Layer.RpkiRtr);
setTcpPort(PPTP_PORT, Layer.Pptp, 751);  // print-tcp.c: after BGP's 749, before RESP's 753

export { byLinkType };
byLinkType[LinkType.EN10MB] = Layer.Ethernet;
byLinkType[LinkType.RAW] = Layer.Raw;
byLinkType[LinkType.IPV4] = Layer.Ipv4;
byLinkType[LinkType.IPV6] = Layer.Ipv6;
byLinkType[LinkType.LINUX_SLL] = Layer.Sll;
byLinkType[LinkType.LINUX_SLL2] = Layer.Sll2;
byLinkType[LinkType.NULL] = Layer.Null;
byLinkType[LinkType.LOOP] = Layer.Loop;
byLinkType[LinkType.LTALK] = Layer.Llap;
byLinkType[LinkType.SLIP] = Layer.Slip;
byLinkType[LinkType.VSOCK] = Layer.Vsock;
byLinkType[LinkType.C_HDLC] = Layer.Chdlc;
byLinkType[LinkType.IPOIB] = Layer.Ipoib;
byLinkType[LinkType.NFLOG] = Layer.Nflog;
byLinkType[LinkType.PPP] = Layer.Ppp;
byLinkType[LinkType.PPP_SERIAL] = Layer.PppSerial;
byLinkType[LinkType.PPP_ETHER] = Layer.Pppoe;
byLinkType[LinkType.SUNATM] = Layer.Sunatm;
byLinkType[LinkType.FRELAY] = Layer.FrameRelay;
byLinkType[LinkType.MFR] = Layer.Mfr;
byLinkType[LinkType.ATM_RFC1483] = Layer.AtmRfc1483;
byLinkType[LinkType.ATM_CLIP] = Layer.AtmClip;
byLinkType[LinkType.DLT_ATM_RFC1483] = Layer.AtmRfc1483;
byLinkType[LinkType.DLT_ATM_CLIP] = Layer.AtmClip;
for (const lt of [LinkType.JUNIPER_ES, LinkType.JUNIPER_ATM2, LinkType.JUNIPER_SERVICES, LinkType.JUNIPER_ATM1, LinkType.JUNIPER_MONITOR,
  LinkType.JUNIPER_PPPOE, LinkType.JUNIPER_PPPOE_ATM, LinkType.JUNIPER_ETHER, LinkType.JUNIPER_PPP, LinkType.JUNIPER_CHDLC]) byLinkType[lt] = Layer.Juniper;
byLinkType[LinkType.DSA_TAG_DSA] = Layer.Dsa;
byLinkType[LinkType.DSA_TAG_EDSA] = Layer.Edsa;
byLinkType[LinkType.DSA_TAG_BRCM] = Layer.BrcmTag;
byLinkType[LinkType.DSA_TAG_BRCM_PREPEND] = Layer.BrcmTagPrepend;
byLinkType[LinkType.IEEE802_11] = Layer.Ieee80211;
byLinkType[LinkType.IEEE802_11_RADIO] = Layer.Radiotap;
byLinkType[LinkType.PRISM_HEADER] = Layer.Prism;
byLinkType[LinkType.IEEE802_11_RADIO_AVS] = Layer.Avs;
byLinkType[LinkType.PPI] = Layer.Ppi;
byLinkType[LinkType.IEEE802_15_4_WITHFCS] = Layer.Ieee802154;
byLinkType[LinkType.IEEE802_15_4_NOFCS] = Layer.Ieee802154;
byLinkType[LinkType.IEEE802_15_4_TAP] = Layer.Ieee802154Tap;
byLinkType[LinkType.IPNET] = Layer.Ipnet;
byLinkType[LinkType.ARCNET_BSD] = Layer.Arcnet;
byLinkType[LinkType.ARCNET_LINUX] = Layer.ArcnetLinux;

/**
 * The views of the layers without a field of their own in `Views`: a new protocol's view class is
 * one entry here (its constructor takes the cursor; its `layer` says which number it fills).
 */
const OTHER_VIEWS: ReadonlyArray<new (c: Cursor) => LayerView> = [
  Slip, Vsock, Chdlc, Slarp, Macsec, Arista, Ipoib, Nflog, PppControl, Pppoe, Juniper, Sunatm, FrameRelay, Mfr,
  Bfd, Hsrp, Rip, Ripng, Pim, Pimv1, Eigrp, Igrp, Bgp, Babel, Ahcp, Olsr, Aodv, Vrrp, Carp, Ldp, Rsvp, Ospf,
  Lldp, Cdp, MsNlb, Ectp, Udld, Slow, Cfm, Vtp, Osi, Clnp, Esis, Isis,
  Dhcp6, Tftp, Rtp, Rtcp, Vat, Pgm, Dccp, Aoe, Resp, Lisp, Ptp, Otv, VxlanGpe, Nsh, Ppi, Ieee802154, Ieee802154Tap, Ipnet,
  Igmp, Stp, Ntp, Syslog, Ssh, Mobility, Bootp,
  Esp, Ah,
  Isakmp, IkeNatT, Radius, Eap, Eapol, SunRpc, RpcRecordMark, Snmp, L2tp, Krb, SomeIp, NetbiosNs, NetbiosDgm, Smb, Smb2, Netbeui, Ipx,
  Openflow, Timed, Zephyr, Lwres, Wb, Telnet, Sflow, Lmp, Lspping, RpkiRtr, Cnfp, BcmLi,
  Sctp, Forces, M3ua,
  Tipc, Dvmrp, Geonet, CalmFast, Rx, Ddp, Aarp, Llap, LwappControl, LwappData, Vqp, Hncp, CiscoAutoRp, Zep, Ipcomp, MobileIp, Egp, Pptp, Mpcp, Realtek,
];

/**
 * The views of one Decoder (and of each inner packet): the common ones by name, built with it (the
 * decoder's walk and the printers call them from their own call sites, each monomorphic), and every
 * layer's view by Layer number in `table`, built the first time anything asks for it: ~150 views of
 * which a file of TCP and UDP needs none, so a Packet costs a fifteenth of what it did to make
 * (~3 ms of every start).
 */
export class Views {
  readonly ethernet: Ethernet; readonly vlan: VlanStack; readonly arp: Arp; readonly ipv4: Ipv4; readonly ipv6: Ipv6;
  readonly icmp: Icmp; readonly icmpv6: Icmpv6; readonly tcp: Tcp; readonly udp: Udp; readonly dns: Dns;
  readonly llc: Llc; readonly sll: Sll; readonly sll2: Sll2; readonly null: NullLink; readonly loop: NullLink;
  // The tunnels too: a capture of tunnelled traffic has one on nearly every packet, and Packet.viewAt()
  // then reads each from a load site of its own (through `table`, they all met at one). The walk
  // still decodes them through the table: cases of their own in walkSwitch made it more to compile
  // (and compile again after its deopts) than they saved on a capture of 200k packets.
  readonly gre: Gre; readonly vxlan: Vxlan; readonly geneve: Geneve; readonly mpls: Mpls;
  #table: LayerView[] | undefined = undefined;

  constructor(private readonly cursor: Cursor) {
    const c = cursor;
    this.ethernet = new Ethernet(c); this.vlan = new VlanStack(c); this.arp = new Arp(c); this.ipv4 = new Ipv4(c); this.ipv6 = new Ipv6(c);
    this.icmp = new Icmp(c); this.icmpv6 = new Icmpv6(c); this.tcp = new Tcp(c); this.udp = new Udp(c); this.dns = new Dns(c);
    this.llc = new Llc(c); this.sll = new Sll(c); this.sll2 = new Sll2(c); this.null = new NullLink(c, Layer.Null); this.loop = new NullLink(c, Layer.Loop);
    this.gre = new Gre(c); this.vxlan = new Vxlan(c); this.geneve = new Geneve(c); this.mpls = new Mpls(c);
  }

  /** One view of each layer, by Layer number (the named ones above among them): a packed array, no holes. */
  get table(): LayerView[] { return this.#table ?? this.#buildTable(); }

  #buildTable(): LayerView[] {
    const c = this.cursor;
    const table: LayerView[] = [];
    for (const view of [
      this.ethernet, this.llc, this.vlan, this.arp, this.ipv4, this.ipv6, this.icmp, this.icmpv6, this.tcp, this.udp, this.dns,
      this.sll, this.sll2, this.null, this.loop, this.gre, this.vxlan, this.geneve, this.mpls, new RawIp(c),
    ]) table[view.layer] = view;
    for (const View of OTHER_VIEWS) { const view = new View(c); table[view.layer] = view; }
    // Views of two layers each (the layer is a constructor argument).
    for (const view of [new DsaTagged(c, Layer.Dsa), new DsaTagged(c, Layer.Edsa), new BrcmTag(c, Layer.BrcmTag), new BrcmTag(c, Layer.BrcmTagPrepend),
      new NetbiosSession(c, Layer.NetbiosSsn), new NetbiosSession(c, Layer.SmbDirect),
      new Ppp(c, Layer.Ppp), new Ppp(c, Layer.PppSerial), new Arcnet(c, Layer.Arcnet), new Arcnet(c, Layer.ArcnetLinux), new AtmLink(c, Layer.AtmRfc1483), new AtmLink(c, Layer.AtmClip)]) {
      table[view.layer] = view;
    }
    // 802.11 and its radio headers: radiotap hands the frame view the padding and FCS its flags say.
    const wlan = new Ieee80211(c);
    for (const view of [wlan, new Radiotap(c, wlan), new RadioCaptureHeader(c, Layer.Prism), new RadioCaptureHeader(c, Layer.Avs)]) table[view.layer] = view;
    // One view class for the text protocols, a layer each.
    for (const layer of [Layer.Smtp, Layer.Ftp, Layer.Whois, Layer.Http, Layer.Rtsp, Layer.Sip] as const) table[layer] = new TextProtocol(c, layer);
    // One view class, two layers: the stream over TCP and the datagram inside PGM.
    table[Layer.Zmtp1] = new Zmtp1(c, Layer.Zmtp1);
    table[Layer.Zmtp1Datagram] = new Zmtp1(c, Layer.Zmtp1Datagram);
    // No holes, so the table stays a packed array.
    for (let i = 0; i < table.length; i++) table[i] ??= table[Layer.Raw]!;
    this.#table = table;
    return table;
  }
}

const ETHERNET = Layer.Ethernet, VLAN = Layer.Vlan, IPV4 = Layer.Ipv4, IPV6 = Layer.Ipv6, TCP = Layer.Tcp, UDP = Layer.Udp;
const ICMP = Layer.Icmp, ICMPV6 = Layer.Icmpv6, ARP = Layer.Arp, DNS = Layer.Dns, MPLS = Layer.Mpls;
const INNER_ETHERNET = Layer.InnerEthernet, INNER_IPV4 = Layer.InnerIpv4, INNER_IPV6 = Layer.InnerIpv6, INNER_MPLS = Layer.InnerMpls;

/**
 * The walk, from layer `next` on. The stacks nearly every packet has are unrolled first into one
 * straight line, link → VLAN → IP → transport, where V8 inlines each view's decode(); whatever they
 * leave (LLC, ARP, ICMP, the other link types, the application layer a transport finds when its
 * deferred work runs) goes on in walkSwitch(). What IP carries besides the four common protocols
 * is deferred here unless the cursor is eager.
 */
export function walkRest(v: Views, c: Cursor, next: number): void {
  if (next === ETHERNET) next = v.ethernet.decode(c);
  if (next === VLAN) next = v.vlan.decode(c);
  if (next === IPV4 || next === IPV6) {
    next = next === IPV4 ? v.ipv4.decode(c) : v.ipv6.decode(c);
    // What IP carries besides the four common protocols (GRE, a tunnelled packet, ESP, SCTP, OSPF…)
    // waits for first use, as the application layer after TCP or UDP does: a loop that reads the
    // outer headers of tunnelled or routing traffic does not pay for them.
    if (next > UDP || (next < ICMP && next !== 0)) { walkAfterIp(v, c, next); return; }
  }
  if (next === TCP) next = v.tcp.decode(c);
  else if (next === UDP) next = v.udp.decode(c);
  if (next !== 0) walkSwitch(v, c, next);
}

/**
 * What IP carries besides TCP and UDP: ICMP and ICMPv6 walked now, as everything is by an eager
 * cursor; the rest (GRE, a tunnelled packet, ESP, SCTP, OSPF…) deferred to first use. Out of the
 * walk's line (decoder.ts's walk, and walkRest) because V8 counts every byte of bytecode it inlines
 * into the walk against one budget, which the common stack's decoders need.
 */
export function walkAfterIp(v: Views, c: Cursor, next: number): void {
  if (next === ICMP || next === ICMPV6 || c.eager) walkSwitch(v, c, next);
  else c.deferLayer(next);
}

/**
 * walkRest's switch: every layer after the first few, one step at a time. A switch rather than
 * views[next].decode(c): one shared call site would see every view class and go megamorphic.
 */
function walkSwitch(v: Views, c: Cursor, next: number): void {
  while (next !== 0) {
    switch (next) {
      case ICMP: next = v.icmp.decode(c); break;
      case ICMPV6: next = v.icmpv6.decode(c); break;
      case ARP: next = v.arp.decode(c); break;
      case DNS: next = v.dns.decode(c); break;
      case ETHERNET: next = v.ethernet.decode(c); break;
      case VLAN: next = v.vlan.decode(c); break;
      case IPV4: next = v.ipv4.decode(c); break;
      case IPV6: next = v.ipv6.decode(c); break;
      case TCP: next = v.tcp.decode(c); break;
      case UDP: next = v.udp.decode(c); break;
      // An encapsulated packet: the walk goes on in the inner packet's views (Packet.inner).
      case INNER_IPV4: c.walkInner(IPV4); next = 0; break;
      case INNER_IPV6: c.walkInner(IPV6); next = 0; break;
      case INNER_ETHERNET: c.walkInner(ETHERNET); next = 0; break;
      case INNER_MPLS: c.walkInner(MPLS); next = 0; break;
      default: next = v.table[next]!.decode(c);
    }
  }
}
