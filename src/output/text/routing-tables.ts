/**
 * Value names several routing printers share, worded as tcpdump 4.99.3's af.c, gmpls.c and
 * l2vpn.c tables (BGP, LDP, RSVP, OSPF, AHCP…).
 */
import { TokTable, type Tok } from './util-print.js';

/** af_values: IANA address family numbers. */
export const afNames = new TokTable([
  [0, 'Reserved'], [1, 'IPv4'], [2, 'IPv6'], [3, 'NSAP'], [4, 'HDLC'], [5, 'BBN 1822'], [6, '802'], [7, 'E.163'], [8, 'E.164'], [9, 'F.69'],
  [10, 'X.121'], [11, 'Novell IPX'], [12, 'Appletalk'], [13, 'Decnet IV'], [14, 'Banyan Vines'], [15, 'E.164 with NSAP subaddress'],
  [196, 'Layer-2 VPN'], [25, 'VPLS'],
]);

/** bsd_af_values: BSD address families (RIP's AFI field). */
export const bsdAfNames = new TokTable([[2, 'IPv4'], [6, 'NS'], [7, 'ISO'], [16, 'Appletalk'], [23, 'IPX'], [24, 'IPv6'], [28, 'IPv6'], [30, 'IPv6']]);

/** gmpls_encoding_values. */
export const gmplsEncodings = new TokTable([
  [1, 'Packet'], [2, 'Ethernet V2/DIX'], [3, 'ANSI/ETSI PDH'], [4, 'Reserved'], [5, 'SDH ITU-T G.707/SONET ANSI T1.105'], [6, 'Reserved'],
  [7, 'Digital Wrapper'], [8, 'Lambda (photonic)'], [9, 'Fiber'], [10, 'Reserved'], [11, 'FiberChannel'],
]);
/** gmpls_switch_cap_values. */
export const gmplsSwitchCaps = new TokTable([
  [1, 'Packet-Switch Capable-1'], [2, 'Packet-Switch Capable-2'], [3, 'Packet-Switch Capable-3'], [4, 'Packet-Switch Capable-4'],
  [51, 'Layer-2 Switch Capable'], [100, 'Time-Division-Multiplex'], [150, 'Lambda-Switch Capable'], [200, 'Fiber-Switch Capable'],
]);
/** gmpls_payload_values. */
export const gmplsPayloads = new TokTable(([
  'Unknown', 'Reserved', 'Reserved', 'Reserved', 'Reserved', 'Asynchronous mapping of E4', 'Asynchronous mapping of DS3/T3', 'Asynchronous mapping of E3',
  'Bit synchronous mapping of E3', 'Byte synchronous mapping of E3', 'Asynchronous mapping of DS2/T2', 'Bit synchronous mapping of DS2/T2', 'Reserved',
  'Asynchronous mapping of E1', 'Byte synchronous mapping of E1', 'Byte synchronous mapping of 31 * DS0', 'Asynchronous mapping of DS1/T1',
  'Bit synchronous mapping of DS1/T1', 'Byte synchronous mapping of DS1/T1', 'VC-11 in VC-12', 'Reserved', 'Reserved', 'DS1 SF Asynchronous',
  'DS1 ESF Asynchronous', 'DS3 M23 Asynchronous', 'DS3 C-Bit Parity Asynchronous', 'VT/LOVC', 'STS SPE/HOVC', 'POS - No Scrambling, 16 bit CRC',
  'POS - No Scrambling, 32 bit CRC', 'POS - Scrambling, 16 bit CRC', 'POS - Scrambling, 32 bit CRC', 'ATM mapping', 'Ethernet PHY', 'SONET/SDH',
  'Reserved (SONET deprecated)', 'Digital Wrapper', 'Lambda', 'ANSI/ETSI PDH', 'Reserved', 'Link Access Protocol SDH (X.85 and X.86)', 'FDDI',
  'DQDB (ETSI ETS 300 216)', 'FiberChannel-3 (Services)', 'HDLC', 'Ethernet V2/DIX (only)', 'Ethernet 802.3 (only)', 'G.709 ODUj', 'G.709 OTUk(v)',
  'CBR/CBRa', 'CBRb', 'BSOT', 'BSNT', 'IP/PPP (GFP)', 'Ethernet MAC (framed GFP)', 'Ethernet PHY (transparent GFP)', 'ESCON', 'FICON', 'Fiber Channel',
] as const).map((s, i) => [i, s] as const));
/** gmpls_link_prot_values (bits). */
export const gmplsLinkProtections: Tok = [
  [0x01, 'Extra Traffic'], [0x02, 'Unprotected'], [0x04, 'Shared'], [0x08, 'Dedicated 1:1'], [0x10, 'Dedicated 1+1'], [0x20, 'Enhanced'],
  [0x40, 'Reserved'], [0x80, 'Reserved'],
];
/** diffserv_te_bc_values. */
export const diffservBcModels = new TokTable([[0, 'Russian dolls'], [1, 'Maximum allocation'], [254, 'Maximum allocation with E-LSP support']]);

/** l2vpn_encaps_values. */
export const l2vpnEncaps = new TokTable([
  [0, 'Reserved'], [1, 'Frame Relay'], [2, 'ATM AAL5 SDU VCC transport'], [3, 'ATM transparent cell transport'], [4, 'Ethernet (VLAN) Tagged Mode'],
  [5, 'Ethernet Raw Mode'], [6, 'Cisco HDLC'], [7, 'PPP'], [8, 'SONET/SDH Circuit Emulation Service over MPLS'], [9, 'ATM n-to-one VCC cell transport'],
  [10, 'ATM n-to-one VPC cell transport'], [11, 'IP layer 2 transport'], [15, 'Frame Relay Port mode'], [17, 'Structure-agnostic E1 over packet'],
  [18, 'Structure-agnostic T1 (DS1) over packet'], [19, 'VPLS'], [20, 'Structure-agnostic T3 (DS3) over packet'],
  [21, 'Nx64kbit/s Basic Service using Structure-aware'], [25, 'Frame Relay DLCI'], [40, 'Structure-agnostic E3 over packet'],
  [41, 'Octet-aligned playload for Structure-agnostic DS1 circuits'], [42, 'E1 Nx64kbit/s with CAS using Structure-aware'],
  [43, 'DS1 (ESF) Nx64kbit/s with CAS using Structure-aware'], [44, 'DS1 (SF) Nx64kbit/s with CAS using Structure-aware'],
]);
/** mpls_pw_types_values (l2vpn.c). */
export const pwTypes = new TokTable([
  [0x0000, 'Reserved'], [0x0001, 'Frame Relay DLCI (Martini Mode)'], [0x0002, 'ATM AAL5 SDU VCC transport'], [0x0003, 'ATM transparent cell transport'],
  [0x0004, 'Ethernet VLAN'], [0x0005, 'Ethernet'], [0x0006, 'Cisco-HDLC'], [0x0007, 'PPP'], [0x0008, 'SONET/SDH Circuit Emulation Service over MPLS'],
  [0x0009, 'ATM n-to-one VCC cell transport'], [0x000a, 'ATM n-to-one VPC cell transport'], [0x000b, 'IP Layer2 Transport'],
  [0x000c, 'ATM one-to-one VCC Cell Mode'], [0x000d, 'ATM one-to-one VPC Cell Mode'], [0x000e, 'ATM AAL5 PDU VCC transport'],
  [0x000f, 'Frame-Relay Port mode'], [0x0010, 'SONET/SDH Circuit Emulation over Packet'], [0x0011, 'Structure-agnostic E1 over Packet'],
  [0x0012, 'Structure-agnostic T1 (DS1) over Packet'], [0x0013, 'Structure-agnostic E3 over Packet'], [0x0014, 'Structure-agnostic T3 (DS3) over Packet'],
  [0x0015, 'CESoPSN basic mode'], [0x0016, 'TDMoIP basic mode'], [0x0017, 'CESoPSN TDM with CAS'], [0x0018, 'TDMoIP TDM with CAS'],
  [0x0019, 'Frame Relay DLCI'], [0x0040, 'IP-interworking'],
]);
