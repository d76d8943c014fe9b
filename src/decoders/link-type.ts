/** pcap link-layer header types (LINKTYPE_*) that vcap decodes. Values are the pcap file header's. */
export const LinkType = {
  NULL: 0,
  EN10MB: 1,
  RAW: 101,
  LOOP: 108,
  LINUX_SLL: 113,
  IPV4: 228,
  IPV6: 229,
  LINUX_SLL2: 276,
} as const;
export type LinkType = (typeof LinkType)[keyof typeof LinkType];

/** The name and description tcpdump prints: `link-type EN10MB (Ethernet)`. */
const linkTypeNames: Record<number, [string, string]> = {
  0: ['NULL', 'BSD loopback'],
  1: ['EN10MB', 'Ethernet'],
  101: ['RAW', 'Raw IP'],
  108: ['LOOP', 'OpenBSD loopback'],
  113: ['LINUX_SLL', 'Linux cooked v1'],
  228: ['IPV4', 'Raw IPv4'],
  229: ['IPV6', 'Raw IPv6'],
  276: ['LINUX_SLL2', 'Linux cooked v2'],
};

export function linkTypeName(linkType: number): string {
  return linkTypeNames[linkType]?.[0] ?? `${linkType}`;
}

export function linkTypeDescription(linkType: number): string {
  const n = linkTypeNames[linkType];
  return n ? `${n[0]} (${n[1]})` : `${linkType}`;
}
