import { linkTypeNames } from './link-type-names.js';

/** pcap link-layer header types (LINKTYPE_*) that vcap decodes. Values are the pcap file header's. */
export const LinkType = {
  NULL: 0,
  EN10MB: 1,
  RAW: 101,
  LOOP: 108,
  LTALK: 114,
  LINUX_SLL: 113,
  IPV4: 228,
  IPV6: 229,
  LINUX_SLL2: 276,
  SLIP: 8,
  VSOCK: 271,
  C_HDLC: 104,
  IPOIB: 242,
  NFLOG: 239,
  PPP: 9,
  PPP_SERIAL: 50,
  PPP_ETHER: 51,
  FRELAY: 107,
  MFR: 182,
  ATM_RFC1483: 100,
  ATM_CLIP: 106,
  /** The DLT values some files carry instead of LINKTYPE_ATM_RFC1483 and LINKTYPE_ATM_CLIP (libpcap maps them). */
  DLT_ATM_RFC1483: 11,
  DLT_ATM_CLIP: 19,
  SUNATM: 123,
  JUNIPER_ES: 132,
  JUNIPER_ATM2: 135,
  JUNIPER_SERVICES: 136,
  JUNIPER_ATM1: 137,
  JUNIPER_MONITOR: 164,
  JUNIPER_PPPOE: 167,
  JUNIPER_PPPOE_ATM: 168,
  JUNIPER_ETHER: 178,
  JUNIPER_PPP: 179,
  JUNIPER_CHDLC: 181,
  DSA_TAG_BRCM: 281,
  DSA_TAG_BRCM_PREPEND: 282,
  DSA_TAG_DSA: 284,
  DSA_TAG_EDSA: 285,
  IEEE802_11: 105,
  PRISM_HEADER: 119,
  IEEE802_11_RADIO: 127,
  IEEE802_11_RADIO_AVS: 163,
  PPI: 192,
  IEEE802_15_4_WITHFCS: 195,
  IEEE802_15_4_NOFCS: 230,
  IEEE802_15_4_TAP: 283,
  IPNET: 226,
  ARCNET_BSD: 7,
  ARCNET_LINUX: 129,
} as const;
export type LinkType = (typeof LinkType)[keyof typeof LinkType];

/** The name tcpdump prints for a link type (`EN10MB`), or its number. */
export function linkTypeName(linkType: number): string {
  return linkTypeNames[linkType]?.[0] ?? `${linkType}`;
}

/** `EN10MB (Ethernet)`, as tcpdump's `reading from file` line says it; the number when libpcap has no name. */
export function linkTypeDescription(linkType: number): string {
  const n = linkTypeNames[linkType];
  return n ? `${n[0]} (${n[1]})` : `${linkType}`;
}
