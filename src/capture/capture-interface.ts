// The interface frames were captured on, and what a capture file records about it: a pcapng
// Interface Description Block (if_* options), its Interface Statistics Blocks, and the section.

/**
 * One capture interface. A live source makes one per device it captures; the pcapng reader makes
 * one per IDB; a pcap file has one without a name. Batches point at theirs (`Batch.iface`), and the
 * pcapng writer gives each object it sees an IDB of its own.
 */
export interface CaptureInterface {
  /** LINKTYPE_* of its frames. */
  readonly linkType: number;
  /** Snapshot length. */
  readonly snaplen: number;
  /** if_name: the device ('veth0', 'any'); undefined when nobody recorded it. */
  name?: string;
  /** if_description. */
  description?: string;
  /** if_filter: the capture filter expression as the user gave it. */
  filter?: string;
  /** if_os: the system the interface was captured on. */
  os?: string;
  /** if_hardware. */
  hardware?: string;
  /** opt_comment of the IDB (as read from a file). */
  comments?: string[];
  /** The last Interface Statistics Block read for it (files only). */
  statistics?: InterfaceStatistics;
}

/**
 * An Interface Statistics Block: counters since the capture started (pcapng's definition), each
 * optional. Times are seconds since the epoch plus nanoseconds.
 */
export interface InterfaceStatistics {
  /** When the statistics were taken (the ISB's own timestamp). */
  sec: number;
  nsec: number;
  /** isb_starttime / isb_endtime. */
  startSec?: number;
  startNsec?: number;
  endSec?: number;
  endNsec?: number;
  /** isb_ifrecv: packets the interface received (or sent) during the capture. */
  ifRecv?: number;
  /** isb_ifdrop: packets the interface itself dropped. */
  ifDrop?: number;
  /** isb_filteraccept: packets the capture filter accepted (the kernel's "received by filter"). */
  filterAccept?: number;
  /** isb_osdrop: packets the operating system dropped (the kernel's "dropped by kernel": ring full). */
  osDrop?: number;
  /** isb_usrdeliv: packets delivered to vcap. */
  usrDeliv?: number;
}

/** A pcapng Section Header Block's options. */
export interface SectionInfo {
  /** shb_hardware. */
  hardware?: string;
  /** shb_os. */
  os?: string;
  /** shb_userappl. */
  userAppl?: string;
  /** opt_comment (any number of them). */
  comments: string[];
}

// ---------------------------------------------------------------- packet flags (epb_flags)

/** epb_flags bits 0-1: the direction. */
export const FLAG_INBOUND = 1;
export const FLAG_OUTBOUND = 2;
/** epb_flags bits 2-4: the reception type. */
export const RECEPTION_UNICAST = 1 << 2;
export const RECEPTION_MULTICAST = 2 << 2;
export const RECEPTION_BROADCAST = 3 << 2;
export const RECEPTION_PROMISCUOUS = 4 << 2;

/**
 * epb_flags for each Linux packet type (sll_pkttype, the SLL/SLL2 header's packet type): host,
 * broadcast, multicast, other host, outgoing; 0 (unknown) for the rest.
 */
export const FLAGS_OF_PACKET_TYPE: Uint8Array = (() => {
  const t = new Uint8Array(256);
  t[0] = FLAG_INBOUND | RECEPTION_UNICAST;      // PACKET_HOST
  t[1] = FLAG_INBOUND | RECEPTION_BROADCAST;    // PACKET_BROADCAST
  t[2] = FLAG_INBOUND | RECEPTION_MULTICAST;    // PACKET_MULTICAST
  t[3] = FLAG_INBOUND | RECEPTION_PROMISCUOUS;  // PACKET_OTHERHOST
  t[4] = FLAG_OUTBOUND;                         // PACKET_OUTGOING
  return t;
})();

/**
 * The word tcpdump -i any prints for a packet type (`In`, `B`, `M`, `P`, `Out`), from epb_flags:
 * outbound is `Out`; inbound by its reception type (unicast or unstated: `In`); no direction `?`.
 */
export function directionWord(flags: number): string {
  const dir = flags & 3;
  if (dir === FLAG_OUTBOUND) return 'Out';
  if (dir !== FLAG_INBOUND) return '?';
  switch (flags & (7 << 2)) {
    case RECEPTION_BROADCAST: return 'B';
    case RECEPTION_MULTICAST: return 'M';
    case RECEPTION_PROMISCUOUS: return 'P';
    default: return 'In';
  }
}
