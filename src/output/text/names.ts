/**
 * Value-to-name tables the printers share, worded as tcpdump 4.99's `struct tok` tables
 * (print-ether.c ethertype_values, ipproto.c ipproto_values, print-tcp.c tcp_flag_values …).
 * Lookups are sparse arrays indexed by the wire value: no hashing in the hot path.
 */

function table(size: number, entries: ReadonlyArray<readonly [number, string]>): (string | undefined)[] {
  const t: (string | undefined)[] = new Array<string | undefined>(size).fill(undefined);
  // The first entry for a value wins, as with tcpdump's tok2str.
  for (const [v, name] of entries) if (t[v] === undefined) t[v] = name;
  return t;
}

const etherTypes = table(65536, [
  [0x0800, 'IPv4'], [0x8847, 'MPLS unicast'], [0x8848, 'MPLS multicast'], [0x86dd, 'IPv6'],
  [0x8100, '802.1Q'], [0x9100, '802.1Q-9100'], [0x88a8, '802.1Q-QinQ'], [0x9200, '802.1Q-9200'],
  [0x88e5, '802.1AE MACsec'], [0x0200, 'PUP'], [0x0806, 'ARP'], [0x8035, 'Reverse ARP'],
  [0x0600, 'NS'], [0x0500, 'Sprite'], [0x1000, 'Trail'], [0x6001, 'MOP DL'], [0x6002, 'MOP RC'],
  [0x6003, 'DN'], [0x6004, 'LAT'], [0x6007, 'SCA'], [0x6558, 'TEB'], [0x8038, 'Lanbridge'],
  [0x803c, 'DEC DNS'], [0x803e, 'DEC DTS'], [0x805b, 'VEXP'], [0x805c, 'VPROD'],
  [0x809b, 'Appletalk'], [0x80f3, 'Appletalk ARP'], [0x8137, 'IPX'], [0x880b, 'PPP'],
  [0x8808, 'MPCP'], [0x8809, 'Slow Protocols'], [0x8863, 'PPPoE D'], [0x8864, 'PPPoE S'],
  [0x888e, 'EAPOL'], [0x8899, 'Realtek protocols'], [0x886f, 'MS NLB heartbeat'], [0x8870, 'Jumbo'],
  [0x894f, 'NSH'], [0x9000, 'Loopback'], [0xfefe, 'OSI'], [0x00fe, 'GRE-OSI'], [0xabcd, 'CFM (old)'],
  [0x8902, 'CFM'], [0x893a, 'IEEE1905.1'], [0x88cc, 'LLDP'], [0x88ca, 'TIPC'], [0x0707, 'GeoNet (old)'],
  [0x8947, 'GeoNet'], [0x1111, 'CALM FAST'], [0x88a2, 'AoE'], [0x88f7, 'PTP'],
  [0xd28b, 'Arista Vendor Specific Protocol'],
]);

/** tcpdump's ethertype_values name, or undefined. */
export function etherTypeName(t: number): string | undefined { return etherTypes[t]; }

const ipProtos = table(256, [
  [0, 'Options'], [1, 'ICMP'], [2, 'IGMP'], [4, 'IPIP'], [6, 'TCP'], [8, 'EGP'], [9, 'IGRP'],
  [17, 'UDP'], [33, 'DCCP'], [41, 'IPv6'], [43, 'Routing'], [44, 'Fragment'], [46, 'RSVP'],
  [47, 'GRE'], [50, 'ESP'], [51, 'AH'], [55, 'Mobile IP'], [58, 'ICMPv6'], [62, 'Mobile IP (old)'],
  [88, 'EIGRP'], [89, 'OSPF'], [103, 'PIM'], [108, 'Compressed IP'], [112, 'VRRP'], [113, 'PGM'],
  [132, 'SCTP'], [135, 'Mobility'], [143, 'Ethernet'],
]);

/** tcpdump's ipproto_values name (`TCP`, `ICMPv6` …), or `unknown` as ip_print words it. */
export function ipProtoName(p: number): string { return ipProtos[p] ?? 'unknown'; }

/** TCP flag letters in tcpdump's order (FIN SYN RST PUSH ACK URG ECE CWR): `Flags [S.]`. */
const flagLetters = ['F', 'S', 'R', 'P', '.', 'U', 'E', 'W'];
const tcpFlagStrings: string[] = Array.from({ length: 256 }, (_, f) => {
  let s = '';
  for (let i = 0; i < 8; i++) if (f & (1 << i)) s += flagLetters[i];
  return s === '' ? 'none' : s;
});

/** `S.`, `FSRP.UEW`, `none` for the 8-bit flags byte. */
export function tcpFlagsString(flags: number): string { return tcpFlagStrings[flags & 0xff]!; }

const tcpOptions = table(256, [
  [0, 'eol'], [1, 'nop'], [2, 'mss'], [3, 'wscale'], [4, 'sackOK'], [5, 'sack'], [6, 'echo'],
  [7, 'echoreply'], [8, 'TS'], [11, 'cc'], [12, 'ccnew'], [13, ''], [19, 'md5'], [20, 'scps'],
  [28, 'uto'], [29, 'tcp-ao'], [30, 'mptcp'], [34, 'tfo'], [254, 'exp'],
]);

/** tcpdump's tcp_option_values name, or `unknown-N`. */
export function tcpOptionName(kind: number): string { return tcpOptions[kind] ?? `unknown-${kind}`; }

const hex2: string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
/** Two lower-case hex digits. */
export function hex8(v: number): string { return hex2[v & 0xff]!; }
/** Four lower-case hex digits (`%04x`). */
export function hex16(v: number): string { return hex2[(v >>> 8) & 0xff]! + hex2[v & 0xff]!; }

const ouis = new Map<number, string>([
  [0x000000, 'Ethernet'], [0x00000c, 'Cisco'], [0x00005e, 'IANA'], [0x000081, 'Nortel Networks SONMP'],
  [0x0000f8, 'Cisco bridged'], [0x0080c2, 'Ethernet bridged'], [0x00a03e, 'ATM Forum'],
  [0x00e02f, 'DOCSIS Spanning Tree'], [0x080007, 'Appletalk'], [0x009069, 'Juniper'], [0x080009, 'Hewlett-Packard'],
  // 0x0080c2 is also "IEEE 802.1 Private" in tcpdump's table; its first entry, "Ethernet bridged", wins.
  [0x00120f, 'IEEE 802.3 Private'], [0x0012bb, 'ANSI/TIA'], [0x001b21, 'DCBX'], [0x002320, 'Nicira Networks'],
  [0x5c16c7, 'Big Switch Networks'], [0xb0d2f5, 'Vello Systems'], [0x002481, 'HP'], [0x0004ea, 'HP-Labs'],
  [0x748771, 'Infoblox Inc'], [0xa42305, 'Open Networking Lab'], [0x00049f, 'Freescale'], [0x0015ad, 'Netronome'],
  [0x001018, 'Broadcom'], [0x00e004, 'PMC-Sierra'], [0xd0f0db, 'Ericsson'],
]);

/** tcpdump's smi_values (oui.c): SMI network management private enterprise codes (RADIUS vendor attributes, LSP ping). */
const smiValues = new Map<number, string>([
  [0, 'IETF (reserved)'], [5, 'ACC'], [9, 'Cisco'], [11, 'Hewlett Packard'], [42, 'Sun Microsystems'], [61, 'Merit'],
  [74, 'AT&T'], [161, 'Motorola'], [166, 'Shiva'], [193, 'Ericsson AB'], [255, 'Cisco VPN 5000'], [307, 'Livingston'],
  [311, 'Microsoft'], [429, '3Com'], [529, 'Ascend'], [1584, 'Bay Networks'], [1991, 'Foundry'], [2180, 'Versanet'],
  [2352, 'Redback'], [2636, 'Juniper Networks'], [2637, 'Aptis'], [2937, 'Deutsche Telekom AG'],
  [3054, 'Ixia Communications'], [3076, 'Cisco VPN 3000'], [3085, 'CoSine Communications'], [3224, 'Netscreen'],
  [3199, 'Shasta'], [3309, 'Nomadix'], [3414, 'T-Mobile'], [3561, 'The Broadband Forum'], [3902, 'ZTE'],
  [4329, 'Siemens'], [4491, 'CableLabs'], [4874, 'Unisphere Networks'], [5263, 'Cisco BBSM'],
  [5535, '3rd Generation Partnership Project 2 (3GPP2)'], [5806, 'SK Telecom'], [5925, 'ipUnplugged'],
  [5948, 'Issanni Communications'], [5951, 'Netscaler'], [6490, 'T-Mobile'], [6618, 'Quintum'], [6728, 'Interlink'],
  [7951, 'CNCTC'], [8164, 'Starent Networks'], [8744, 'Colubris'], [10415, '3GPP'], [10529, 'Gemtek-Systems'],
  [10704, 'Barracuda Networks'], [10923, 'Ericsson AB - Packet Core Networks'], [11665, 'dacom'],
  [11862, 'Columbia University'], [12356, 'Fortinet'], [12951, 'Verizon Wireless'], [13745, 'Plixer'],
  [14122, 'Wi-Fi Alliance'], [16787, 'T-Systems Nova'], [20942, 'China Telecom - Guangzhou Research Institute'],
  [26866, 'Gigamon Systems'], [32622, 'CACE Technologies'], [35632, 'ntop'], [46098, 'Ericsson Canada'],
]);

/** The enterprise's name, or `Unknown`. */
export function smiName(code: number): string { return smiValues.get(code) ?? 'Unknown'; }

/** tcpdump's oui_values name of an IEEE OUI, or `Unknown`. */
export function ouiName(oui: number): string { return ouis.get(oui) ?? 'Unknown'; }

const addressFamilies = table(256, [
  [0, 'Reserved'], [1, 'IPv4'], [2, 'IPv6'], [3, 'NSAP'], [4, 'HDLC'], [5, 'BBN 1822'], [6, '802'], [7, 'E.163'],
  [8, 'E.164'], [9, 'F.69'], [10, 'X.121'], [11, 'Novell IPX'], [12, 'Appletalk'], [13, 'Decnet IV'],
  [14, 'Banyan Vines'], [15, 'E.164 with NSAP subaddress'], [196, 'Layer-2 VPN'], [25, 'VPLS'],
]);

/** tcpdump's af_values name of an IANA address family number (RFC 1700), or `Unknown`. */
export function addressFamilyName(af: number): string { return addressFamilies[af] ?? 'Unknown'; }
