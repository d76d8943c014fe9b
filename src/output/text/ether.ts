/** Ethernet II, 802.3 and 802.1Q/802.1ad VLAN tags, and the EtherType demux (tcpdump's print-ether.c). */
import type { PrintContext } from './context.js';
import { etherTypeName } from './names.js';
import { printEtherTypePayload, viewCall } from './dispatch.js';
import { printLlc } from './llc.js';
import { printMacsec, type EtherWalk } from './macsec.js';
import { printArista } from './arista.js';
import { defaultPrint } from './dump.js';
import { ETHERNET_HEADER_LENGTH, type Ethernet, type EthernetFraming } from '../../decoders/ethernet.js';
import { Layer } from '../../decoders/layer.js';
import { VLAN_TAG_LENGTH } from '../../decoders/vlan.js';

/** `ethertype IPv4 (0x0800)`, or with -q `IPv4` (tcpdump's ether_type_print). */
export function etherTypeText(c: PrintContext, t: number): string {
  // Made once per type: -e prints one or more on every line.
  const cache = c.o.quiet ? quietTypeTexts : typeTexts;
  let text = cache.get(t);
  if (text === undefined) {
    const name = etherTypeName(t);
    const hex = t.toString(16).padStart(4, '0');
    text = !c.o.quiet ? `ethertype ${name ?? 'Unknown'} (0x${hex})` : name ?? `Unknown Ethertype (0x${hex})`;
    cache.set(t, text);
  }
  return text;
}
const typeTexts = new Map<number, string>(), quietTypeTexts = new Map<number, string>();

/** `vlan 200, p 0` (+ `, DEI`): tcpdump's ieee8021q_tci_string. */
export function vlanTciText(tci: number): string {
  let text = tciTexts.get(tci);
  if (text === undefined) {
    text = `vlan ${tci & 0xfff}, p ${tci >>> 13}${tci & 0x1000 ? ', DEI' : ''}`;
    tciTexts.set(tci, text);
  }
  return text;
}
/** At most 65536 (a 16-bit field), mostly a handful per capture. */
const tciTexts = new Map<number, string>();

function isVlanType(t: number): boolean { return t === 0x8100 || t === 0x9100 || t === 0x9200 || t === 0x88a8; }

/** The walk printMacsec moves on (one per module: it is read back before anything else can use it). */
const walk: EtherWalk = { p: 0, length: 0, caplen: 0, hdrlen: 0, type: 0, frame: undefined! };

/** The frame's Ethernet header (LINKTYPE_EN10MB); returns the link-header length the dumps skip. */
export function printEtherFrame(c: PrintContext, length: number): number {
  const eth = c.pkt.ethernetView;
  c.protocol = 'ether';
  return etherPrint(c, eth, length, c.avail(eth.off), 0, undefined, undefined);
}

/** An Ethernet frame inside another packet (Ethernet over IP, VXLAN, GRE): tcpdump's ether_print. */
export function printEther(c: PrintContext, eth: Ethernet, length: number): void {
  printEtherCounted(c, eth, length);
}

/** printEther for a link printer with a header of its own before the frame: returns the Ethernet header's length the dumps skip. */
export function printEtherCounted(c: PrintContext, eth: Ethernet, length: number): number {
  c.protocol = 'ether';
  return etherPrint(c, eth, length, c.avail(eth.off), 0, undefined, undefined);
}

/**
 * An Ethernet frame after an encapsulation's header that tcpdump prints once the frame is long
 * enough (LANE's LEC ID; tcpdump's ether_print with print_encap_header). Returns the Ethernet
 * header's length the dumps skip.
 */
export function printEtherEncapsulated(c: PrintContext, eth: Ethernet, length: number, printEncap: (c: PrintContext) => void): number {
  c.protocol = 'ether';
  return etherPrint(c, eth, length, c.avail(eth.off), 0, undefined, printEncap);
}

/**
 * An Ethernet frame with a switch's tag of `tagLength` bytes between the addresses and the type
 * (DSA, EDSA, Broadcom; tcpdump's ether_switch_tag_print): `printTag` prints the tag where tcpdump
 * does, after the addresses of -e. Returns the link-header length the dumps skip.
 */
export function printSwitchTagged<F extends EthernetFraming>(c: PrintContext, frame: F, length: number, tagLength: number,
  printTag: (c: PrintContext, frame: F) => void): number {
  return etherPrint(c, frame, length, c.avail(frame.off), tagLength, printTag as (c: PrintContext, frame: EthernetFraming) => void, undefined);
}

/** `, length N: ` after the link header (-e). */
function writeLength(c: PrintContext, length: number): void {
  c.write(', length ');
  if (length >= 0) c.num(length); else c.write(String(length));
  c.write(': ');
}

/**
 * The Ethernet frame `eth`, `length` bytes on the wire and `caplen` captured (tcpdump's
 * ether_common_print). `caplen` is what can be read from the frame's start, not the view's end: the
 * decoder ends an 802.3 frame where its length field says, and tcpdump compares `length` (an
 * encapsulation's, for an inner frame) with what was captured. Returns the link-header length the -x/-X/-A dumps skip.
 */
function etherPrint(c: PrintContext, eth: EthernetFraming, length: number, caplen: number, tagLength: number,
  printTag: ((c: PrintContext, frame: EthernetFraming) => void) | undefined, printEncap: ((c: PrintContext) => void) | undefined): number {
  if (length < caplen) {
    c.write(`[length ${length} < caplen ${caplen}]`);
    c.invalid();
    return length;
  }
  // Too short for the header: tcpdump marks it and keeps what there is as link header (no dump).
  if (caplen < ETHERNET_HEADER_LENGTH + tagLength) { c.truncMark(); return caplen; }
  if (printEncap !== undefined) printEncap(c);
  const origLength = length;
  // The addresses as bytes into the output (their 12 bytes are captured: checked above), not as two
  // strings per frame: -e printed every frame's MACs through template strings, and the garbage
  // collector was a fifth of -n -e.
  if (c.o.linkHeader) { c.macAt(eth.srcOffset); c.write(' > '); c.macAt(eth.dstOffset); c.write(', '); }
  if (printTag !== undefined) printTag(c, eth);
  const hdrlen0 = ETHERNET_HEADER_LENGTH + tagLength;
  return etherType(c, eth, eth.etherType, eth.off + hdrlen0, length - hdrlen0, caplen - hdrlen0, hdrlen0, length);
}

/**
 * What follows the addresses (and a switch tag): the type/length field `type`, the VLAN tags, the
 * payload. tcpdump's `recurse` label: a header that ends in another type (Arista's) comes back here.
 */
function etherType(c: PrintContext, eth: EthernetFraming, type: number, p: number, length: number, caplen: number, hdrlen: number,
  origLength: number): number {
  let printedLength = false;
  if (type === 0x88e5) {
    // MACsec's SecTAG (and ICV) around the protected frame, whose type follows it.
    if (c.o.linkHeader) { c.write(etherTypeText(c, type)); c.write(`, length ${origLength}: `); printedLength = true; }
    const w = walk;
    w.p = p; w.length = length; w.caplen = caplen; w.hdrlen = hdrlen; w.frame = eth;
    const r = viewCall(c, Layer.Macsec, p, length, w, printMacsec);
    p = w.p; length = w.length; caplen = w.caplen; hdrlen = w.hdrlen;
    if (r === 0) { defaultPrint(c, p, caplen); return hdrlen; }
    if (r > 0) return r;
    type = w.type;
    if (caplen < 2) return hdrlen;
    p += 2; length -= 2; caplen -= 2; hdrlen += 2;
  }
  while (isVlanType(type)) {
    if (caplen < VLAN_TAG_LENGTH || length < VLAN_TAG_LENGTH) {
      c.write(' [|vlan]');
      return hdrlen + Math.min(caplen, length);
    }
    // Tags are walked here (tcpdump's loop has no depth limit; the decoder keeps VLAN_CAPACITY).
    const tag = c.pkt.views.vlan.spare.point(p, c.end);
    if (c.o.linkHeader) {
      c.write(etherTypeText(c, type));
      if (!printedLength) { writeLength(c, origLength); printedLength = true; } else c.write(', ');
      c.write(vlanTciText(tag.tci)); c.write(', ');
    }
    type = tag.etherType;
    p += VLAN_TAG_LENGTH; length -= VLAN_TAG_LENGTH; caplen -= VLAN_TAG_LENGTH; hdrlen += VLAN_TAG_LENGTH;
  }
  if (type <= 1500) {
    // 802.3: a length field. Use it when it is not larger than what follows.
    if (type < length) {
      length = type;
      if (caplen > length) caplen = length;
    }
    c.pushEnd(p + length);
    if (c.o.linkHeader) {
      c.write('802.3');
      if (!printedLength) writeLength(c, length);
    }
    hdrlen += llc(c, eth, p, length, caplen);
    c.popEnd();
    return hdrlen;
  }
  // Alteon jumbo frames: an LLC header follows the type field.
  if (type === 0x8870) return hdrlen + llc(c, eth, p, length, caplen);
  if (type === 0xd28b) return arista(c, eth, p, length, caplen, hdrlen, origLength);
  if (c.o.linkHeader) {
    c.write(etherTypeText(c, type));
    if (!printedLength) writeLength(c, origLength); else c.write(', ');
  }
  c.linkAddresses = eth; c.linkAddressesAt = p;
  if (!printEtherTypePayload(c, type, p, length)) {
    if (!c.o.linkHeader) { c.write(eth.src); c.write(' > '); c.write(eth.dst); c.write(`, ${etherTypeText(c, type)}, length ${origLength}: `); }
    defaultPrint(c, p, caplen);
  }
  return hdrlen;
}

/** Arista's vendor header (EtherType 0xd28b), then the frame's own type from the start (tcpdump's goto recurse). */
function arista(c: PrintContext, eth: EthernetFraming, p: number, length: number, caplen: number, hdrlen: number, origLength: number): number {
  const type = 0xd28b;
  if (caplen < 2 || length < 2) { c.write('[|arista]'); return hdrlen + Math.min(caplen, length); }
  c.write(`${etherTypeText(c, type)}, length ${origLength}: `);
  const n = viewCall(c, Layer.Arista, p, length, walk, printArista);
  if (n > 0) {
    const next = walk.type;
    return etherType(c, eth, next, p + n + 2, length - n - 2, caplen - n - 2, hdrlen + n + 2, origLength);
  }
  if (!c.o.linkHeader) { c.write(eth.src); c.write(' > '); c.write(eth.dst); c.write(`, ${etherTypeText(c, type)}, length ${origLength}: `); }
  defaultPrint(c, p, caplen);
  return hdrlen;
}

/** The LLC header at `p` and its payload; returns the bytes the dumps count as link header. */
function llc(c: PrintContext, eth: EthernetFraming, p: number, length: number, caplen: number): number {
  const n = viewCall(c, Layer.Llc, p, length, eth, printLlc);
  if (n >= 0) return n;
  defaultPrint(c, p, caplen);
  return -n;
}
