/**
 * Every printer, registered: the only module that imports them all (packet.ts loads it). A new
 * protocol's printer is one line here, beside its decoder's line in src/decoders/registry.ts.
 */
import { Layer } from '../../decoders/layer.js';
import { LinkType } from '../../decoders/link-type.js';
import {
  ipProtoTunnels, linkPrinters, offsetByEtherType, offsetByIpProto, offsetByLlcSap, registerLayer,
  tcpForced, tcpPortPrinters, udpForced, udpPortPrinters, viewCall, type OffsetPrinter, type PortPrinter,
} from './dispatch.js';
import { IP_TUNNELS } from './ip-demux.js';
import { printEther, printEtherFrame } from './ether.js';
import { printSll, printSll2 } from './sll.js';
import { printNull } from './null.js';
import { printRaw } from './raw.js';
import { printSlip } from './slip.js';
import { printVsock } from './vsock.js';
import { printChdlc, printChdlcLink, printSlarp } from './chdlc.js';
import { printDsa, printEdsa } from './dsa.js';
import { printBrcmTag, printBrcmTagPrepend } from './brcmtag.js';
import { printIpoib } from './ipoib.js';
import { printNflog } from './nflog.js';
import { printPpp, printPppLink, printPppSerial } from './ppp.js';
import { printPppoe, printPppoeLink } from './pppoe.js';
import { printJuniper } from './juniper.js';
import { printAtmClip, printAtmRfc1483, printSunatm } from './atm.js';
import { printFr, printFrLink, printMfrLink } from './fr.js';
import { printArp } from './arp.js';
import { printIp } from './ip.js';
import { printIp6 } from './ip6.js';
import { printIcmp } from './icmp.js';
import { printTcp } from './tcp.js';
import { printUdp } from './udp.js';
import { printHsrp } from './hsrp.js';
import { printRip, printRipng } from './rip.js';
import { printPim, printPimv1 } from './pim.js';
import { printEigrp, printIgrp } from './eigrp.js';
import { printBgp } from './bgp.js';
import { printBabel } from './babel.js';
import { printAhcp } from './ahcp.js';
import { printOlsr } from './olsr.js';
import { printAodv } from './aodv.js';
import { printCarp, printVrrp } from './vrrp.js';
import { printLdp } from './ldp.js';
import { printRsvp } from './rsvp.js';
import { printOspf } from './ospf.js';
import { carpPrinter } from './forced-type.js';
import { BFD_CONTROL_PORT, BFD_ECHO_PORT, BFD_LAG_PORT, BFD_MULTIHOP_PORT, printBfd } from './bfd.js';
import { printLldp } from './lldp.js';
import { printCdp } from './cdp.js';
import { printMsNlb } from './msnlb.js';
import { printEctp } from './ectp.js';
import { printUdld } from './udld.js';
import { printSlow } from './slow.js';
import { printCfm } from './cfm.js';
import { printVtp } from './vtp.js';
import { printOsi } from './osi.js';
import { printClnp } from './clnp.js';
import { printEsis } from './esis.js';
import { printIsis } from './isis.js';
// The compatibility path: printers that still read bytes at offsets, until their protocols have decoders.
import { printMpls } from './mpls.js';
import { printIgmp } from './igmp.js';
import { printGre } from './gre.js';
import { printEsp } from './esp.js';
import { printAhChain } from './ah.js';
import { printIcmp6 } from './icmp6.js';
import { printStp } from './stp.js';
import { printDns } from './dns.js';
import { printSsh } from './ssh.js';
import { printHttp } from './http.js';
import { printBootp } from './bootp.js';
import { printNtp } from './ntp.js';
import { printVxlan } from './vxlan.js';
import { printGeneve } from './geneve.js';
import { printSyslog } from './syslog.js';

// Link types (tcpdump's print.c table).
linkPrinters[LinkType.NULL] = printNull;
linkPrinters[LinkType.LOOP] = printNull;
linkPrinters[LinkType.EN10MB] = printEtherFrame;
linkPrinters[LinkType.RAW] = printRaw;
linkPrinters[LinkType.IPV4] = printRaw;
linkPrinters[LinkType.IPV6] = printRaw;
linkPrinters[LinkType.LINUX_SLL] = printSll;
linkPrinters[LinkType.LINUX_SLL2] = printSll2;
linkPrinters[LinkType.SLIP] = printSlip;
linkPrinters[LinkType.VSOCK] = printVsock;
linkPrinters[LinkType.C_HDLC] = printChdlcLink;
linkPrinters[LinkType.IPOIB] = printIpoib;
linkPrinters[LinkType.NFLOG] = printNflog;
linkPrinters[LinkType.PPP] = printPppLink;
linkPrinters[LinkType.PPP_SERIAL] = printPppSerial;
linkPrinters[LinkType.PPP_ETHER] = printPppoeLink;
linkPrinters[LinkType.SUNATM] = printSunatm;
linkPrinters[LinkType.FRELAY] = printFrLink;
linkPrinters[LinkType.MFR] = printMfrLink;
linkPrinters[LinkType.ATM_RFC1483] = printAtmRfc1483;
linkPrinters[LinkType.ATM_CLIP] = printAtmClip;
linkPrinters[LinkType.DLT_ATM_RFC1483] = printAtmRfc1483;
linkPrinters[LinkType.DLT_ATM_CLIP] = printAtmClip;
for (const lt of [LinkType.JUNIPER_ES, LinkType.JUNIPER_ATM2, LinkType.JUNIPER_SERVICES, LinkType.JUNIPER_ATM1, LinkType.JUNIPER_MONITOR,
  LinkType.JUNIPER_PPPOE, LinkType.JUNIPER_PPPOE_ATM, LinkType.JUNIPER_ETHER, LinkType.JUNIPER_PPP, LinkType.JUNIPER_CHDLC]) linkPrinters[lt] = printJuniper;
linkPrinters[LinkType.DSA_TAG_DSA] = printDsa;
linkPrinters[LinkType.DSA_TAG_EDSA] = printEdsa;
linkPrinters[LinkType.DSA_TAG_BRCM] = printBrcmTag;
linkPrinters[LinkType.DSA_TAG_BRCM_PREPEND] = printBrcmTagPrepend;

// Layers: what follows what is the decoder's (registry-tables.ts); this says who prints each.
registerLayer(Layer.Ethernet, printEther);
registerLayer(Layer.Arp, printArp);
registerLayer(Layer.Ipv4, printIp);
registerLayer(Layer.Ipv6, printIp6);
registerLayer(Layer.Icmp, printIcmp);
registerLayer(Layer.Tcp, printTcp);
registerLayer(Layer.Udp, printUdp);
registerLayer(Layer.Chdlc, printChdlc);
registerLayer(Layer.Slarp, printSlarp);
registerLayer(Layer.Ppp, printPpp);
registerLayer(Layer.Pppoe, printPppoe);
registerLayer(Layer.FrameRelay, printFr);
registerLayer(Layer.Hsrp, printHsrp);
registerLayer(Layer.Rip, printRip);
registerLayer(Layer.Ripng, printRipng);
registerLayer(Layer.Pim, printPim);
registerLayer(Layer.Pimv1, printPimv1);
registerLayer(Layer.Eigrp, printEigrp);
registerLayer(Layer.Igrp, printIgrp);
registerLayer(Layer.Bgp, printBgp);
registerLayer(Layer.Babel, printBabel);
registerLayer(Layer.Ahcp, printAhcp);
registerLayer(Layer.Olsr, printOlsr);
registerLayer(Layer.Aodv, printAodv);
registerLayer(Layer.Vrrp, printVrrp);
registerLayer(Layer.Ldp, printLdp);
registerLayer(Layer.Rsvp, printRsvp);
registerLayer(Layer.Ospf, printOspf);
// -T carp: IP protocol 112 is CARP (print-ip-demux.c).
carpPrinter.print = (c, off, len) => viewCall(c, Layer.Carp, off, len, undefined, printCarp);
registerLayer(Layer.Lldp, printLldp);
registerLayer(Layer.Cdp, printCdp);
registerLayer(Layer.MsNlb, printMsNlb);
registerLayer(Layer.Ectp, printEctp);
registerLayer(Layer.Udld, printUdld);
registerLayer(Layer.Slow, printSlow);
registerLayer(Layer.Cfm, printCfm);
registerLayer(Layer.Vtp, printVtp);
registerLayer(Layer.Osi, printOsi);
registerLayer(Layer.Clnp, printClnp);
registerLayer(Layer.Esis, printEsis);
registerLayer(Layer.Isis, printIsis);
for (const [proto, layer] of IP_TUNNELS) ipProtoTunnels[proto] = layer;

// Application layers by port, in the order tcpdump tests them (rank), and the -T types. A UDP
// rank is the line of tcpdump 4.99.3's print-udp.c that tests the port, so printers added by
// anyone fall into tcpdump's order without renumbering the others.
const port = (rank: number, print: OffsetPrinter): PortPrinter => ({ rank, layer: 0, print });
const dnsUdp = port(593, (c, off, len) => printDns(c, off, len, false));
const mdns = port(596, (c, off, len) => printDns(c, off, len, false, true));
const bootp = port(603, (c, off, len) => printBootp(c, off, len));
udpPortPrinters.set(53, dnsUdp);
udpPortPrinters.set(5353, mdns);
udpPortPrinters.set(67, bootp);
udpPortPrinters.set(68, bootp);
udpPortPrinters.set(123, port(618, (c, off, len) => printNtp(c, off, len)));
const vxlan = port(702, (c, off, len) => printVxlan(c, off, len));
udpPortPrinters.set(4789, vxlan);
udpPortPrinters.set(6081, port(704, (c, off, len) => printGeneve(c, off, len)));
udpPortPrinters.set(514, port(698, (c, off, len) => printSyslog(c, off, len)));
udpPortPrinters.set(520, { rank: 605, layer: Layer.Rip, print: undefined });
udpPortPrinters.set(521, { rank: 642, layer: Layer.Ripng, print: undefined });
const aodv: PortPrinter = { rank: 607, layer: Layer.Aodv, print: undefined };
udpPortPrinters.set(654, aodv);
udpForced.set('aodv', aodv);
udpPortPrinters.set(646, { rank: 670, layer: Layer.Ldp, print: undefined });
tcpPortPrinters.set(646, { rank: 783, layer: Layer.Ldp, print: undefined });
udpPortPrinters.set(698, { rank: 672, layer: Layer.Olsr, print: undefined });
udpPortPrinters.set(5359, { rank: 646, layer: Layer.Ahcp, print: undefined });
const babel: PortPrinter = { rank: 648, layer: Layer.Babel, print: undefined };
udpPortPrinters.set(6696, babel);
udpPortPrinters.set(6697, babel);
udpPortPrinters.set(1985, { rank: 666, layer: Layer.Hsrp, dstOnly: true, print: undefined });
// BFD: by destination port only; the port tells control (and which kind) from echo.
for (const p of [BFD_CONTROL_PORT, BFD_ECHO_PORT, BFD_MULTIHOP_PORT, BFD_LAG_PORT]) {
  udpPortPrinters.set(p, { rank: 679, layer: 0, dstOnly: true, print: (c, off, len) => viewCall(c, Layer.Bfd, off, len, p, printBfd) });
}
udpForced.set('domain', dnsUdp);
udpForced.set('vxlan', vxlan);
// A TCP rank is the line of print-tcp.c that tests the port, as with UDP.
const dnsTcp = port(776, (c, off, len) => printDns(c, off, len, true));
tcpPortPrinters.set(22, port(755, (c, off, len) => printSsh(c, off, len)));
tcpPortPrinters.set(179, { rank: 749, layer: Layer.Bgp, print: undefined });
const http = port(770, (c, off, len) => { c.write(': '); printHttp(c, off, len); });
tcpPortPrinters.set(80, http);
tcpPortPrinters.set(8080, http);
tcpPortPrinters.set(53, dnsTcp);
tcpForced.set('domain', dnsTcp);

// The compatibility path by EtherType, IP protocol and LLC SAP.
const mpls: OffsetPrinter = (c, off, len) => printMpls(c, off, len);
offsetByEtherType.set(0x8847, mpls);
offsetByEtherType.set(0x8848, mpls);
offsetByIpProto[2] = (c, off, len) => printIgmp(c, off, len);
offsetByIpProto[47] = (c, off, len) => printGre(c, off, len);
offsetByIpProto[50] = (c, off, len) => printEsp(c, off, len);
offsetByIpProto[51] = printAhChain;
offsetByIpProto[58] = printIcmp6;
offsetByLlcSap[0x42] = (c, off, len) => printStp(c, off, len);
