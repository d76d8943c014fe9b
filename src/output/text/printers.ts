/**
 * Every printer, registered: the only module that imports them all (packet.ts loads it). A new
 * protocol's printer is one line here, beside its decoder's line in src/decoders/registry.ts.
 */
import { Layer } from '../../decoders/layer.js';
import { LinkType } from '../../decoders/link-type.js';
import {
  ipProtoTunnels, linkPrinters, offsetByEtherType, offsetByIpProto, offsetByLlcSap, registerLayer,
  tcpForced, tcpPortPrinters, udpForced, udpPortPrinters, type OffsetPrinter, type PortPrinter,
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
// The compatibility path: printers that still read bytes at offsets, until their protocols have decoders.
import { printMpls } from './mpls.js';
import { printIgmp } from './igmp.js';
import { printGre } from './gre.js';
import { printEsp } from './esp.js';
import { printAhChain } from './ah.js';
import { printIcmp6 } from './icmp6.js';
import { printVrrp } from './vrrp.js';
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
for (const [proto, layer] of IP_TUNNELS) ipProtoTunnels[proto] = layer;

// Application layers by port, in the order tcpdump tests them (rank), and the -T types.
const port = (rank: number, print: OffsetPrinter): PortPrinter => ({ rank, layer: 0, print });
const dnsUdp = port(1, (c, off, len) => printDns(c, off, len, false));
const mdns = port(2, (c, off, len) => printDns(c, off, len, false, true));
const bootp = port(3, (c, off, len) => printBootp(c, off, len));
udpPortPrinters.set(53, dnsUdp);
udpPortPrinters.set(5353, mdns);
udpPortPrinters.set(67, bootp);
udpPortPrinters.set(68, bootp);
udpPortPrinters.set(123, port(4, (c, off, len) => printNtp(c, off, len)));
const vxlan = port(5, (c, off, len) => printVxlan(c, off, len));
udpPortPrinters.set(4789, vxlan);
udpPortPrinters.set(6081, port(6, (c, off, len) => printGeneve(c, off, len)));
udpPortPrinters.set(514, port(7, (c, off, len) => printSyslog(c, off, len)));
udpForced.set('domain', dnsUdp);
udpForced.set('vxlan', vxlan);
const dnsTcp = port(3, (c, off, len) => printDns(c, off, len, true));
tcpPortPrinters.set(22, port(1, (c, off, len) => printSsh(c, off, len)));
const http = port(2, (c, off, len) => { c.write(': '); printHttp(c, off, len); });
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
offsetByIpProto[112] = printVrrp;
offsetByLlcSap[0x42] = (c, off, len) => printStp(c, off, len);
