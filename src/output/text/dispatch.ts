/**
 * The printers' registry: which printer prints a layer, and the dispatch from one printer to the
 * next through it (tcpdump's print.c table and its ethertype/ip-demux/port switches, as data).
 * No printer imports another: each asks this module, and printers.ts fills the tables — the one
 * place that imports every printer. So the import graph has no circles.
 *
 * What follows what on the wire comes from the decoder's tables (`byEtherType`, `byIpProto`…):
 * a printer reaches the next layer by the Layer number the decoder would, and prints the view
 * the frame's decode pointed at it (`Packet.viewAt`). Where tcpdump goes on and the walk did not
 * (an encapsulated or quoted packet, a layer after a lax stop), the view is decoded there and then.
 */
import type { PrintContext } from './context.js';
import type { LayerView } from '../../decoders/view.js';
import { byEtherType, byIpProto, byLlcSap, snapLayer } from '../../decoders/registry-tables.js';
import type { IpInfo } from './context.js';

/**
 * Prints one layer from its view. `length` is tcpdump's length argument: the bytes the layer below
 * says this one has on the wire (not what was captured: that is the view's `captured`).
 */
export type LayerPrinter<V extends LayerView = LayerView> = (c: PrintContext, v: V, length: number) => void;

/** Prints a whole frame from its first layer; returns the link-header length the -x/-X/-A dumps skip. */
export type LinkPrinter = (c: PrintContext, length: number) => number;

/**
 * A printer not yet moved onto a decoder view (the compatibility path, until its protocol has a
 * decoder): it reads the bytes at `off` through the context's checked reads. `ip` is the IP header
 * for those reached by IP protocol.
 */
export type OffsetPrinter = (c: PrintContext, off: number, length: number, ip: IpInfo) => void;

/** Layer → its printer (dense arrays: no dictionary lookups per packet). */
export const layerPrinters: (LayerPrinter | undefined)[] = new Array<LayerPrinter | undefined>(256).fill(undefined);
/** LINKTYPE_* → the printer of its frames. */
export const linkPrinters: (LinkPrinter | undefined)[] = new Array<LinkPrinter | undefined>(512).fill(undefined);

/**
 * Wire values tcpdump's printers follow that the decoder's walk leaves to `decodeInner()`: an IP
 * or Ethernet packet inside IP. The printer decodes those on demand (printLayer does).
 */
export const ipProtoTunnels: Uint8Array = new Uint8Array(256);

/** Registers the printer of `layer` (printers.ts: one line per protocol). */
export function registerLayer<V extends LayerView>(layer: number, print: LayerPrinter<V>): void {
  layerPrinters[layer] = print as LayerPrinter;
}

/**
 * Prints layer `layer` at absolute offset `off`: the view the frame's decode pointed there, or,
 * where the walk did not reach (tcpdump goes further than the lax decoder in places), the view
 * decoded from `off` now by an inner Decoder, current until the printer returns.
 */
export function printLayer(c: PrintContext, layer: number, off: number, length: number): void {
  const v = c.viewsToEnd ? undefined : c.pkt.viewAt(layer, off);
  if (v !== undefined) layerPrinters[layer]!(c, v, length);
  else innerCall(c, layer, off, length, undefined, layerPrinters[layer]!);
}

/**
 * Calls `f` with the view of `layer` at `off` (found or decoded as printLayer does) and returns
 * what it returns: for a printer that calls the next one itself because it needs an answer back
 * (LLC's header length) or passes it more than a length (`a`).
 */
export function viewCall<V extends LayerView, A, R>(c: PrintContext, layer: number, off: number, length: number, a: A,
  f: (c: PrintContext, v: V, length: number, a: A) => R): R {
  const v = c.viewsToEnd ? undefined : c.pkt.viewAt(layer, off);
  return v !== undefined ? f(c, v as V, length, a) : innerCall(c, layer, off, length, a, f);
}

/** viewCall() where the frame's walk has no view of `layer` at `off`: decoded from there now. */
function innerCall<V extends LayerView, A, R>(c: PrintContext, layer: number, off: number, length: number, a: A,
  f: (c: PrintContext, v: V, length: number, a: A) => R): R {
  const outer = c.pkt;
  c.viewsToEnd = false;
  const inner = c.enterInner(layer, off);
  try {
    return f(c, inner.views.table[layer]! as V, length, a);
  } finally {
    c.leaveInner(outer);
  }
}

/**
 * The packet a tunnel carries, from its first layer `layer` at `off`: GRE's, VXLAN's and Geneve's
 * payload, IP in IP, what follows an MPLS label stack. printLayer() without its first look in the
 * current packet, which never has that layer there (the walk goes on into tunnels in an inner
 * Packet), and with a call site of its own: it sees only what tunnels carry (Ethernet, IPv4, IPv6,
 * MPLS), where printLayer's sees every printer and goes megamorphic.
 */
export function printEncapsulated(c: PrintContext, layer: number, off: number, length: number): void {
  const outer = c.pkt;
  const inner = c.enterInner(layer, off);
  try {
    layerPrinters[layer]!(c, inner.views.table[layer]!, length);
  } finally {
    c.leaveInner(outer);
  }
}

/**
 * Printers llc.ts calls itself with what only it knows (set by printers.ts): IPX after an LLC header
 * or as raw 802.3 (no "(NOV-ETHII) ", which the EtherType path's registered printer prints), and
 * NetBEUI (--smb), which prints the LLC control field.
 */
export const llcPrinters: {
  ipx?: LayerPrinter; netbeui?: (c: PrintContext, v: LayerView, length: number, control: number) => void;
} = {};

/**
 * AppleTalk's DDP printer as GRE and BSD loopback call it (tcpdump's atalk_print): without the `et1 `
 * that the EtherType path's registered printer writes at -v (tcpdump's ethertype_print). Set by printers.ts.
 */
export const atalkPrinters: { ddp?: LayerPrinter } = {};

/** True when `layer` has a printer. */
export function hasPrinter(layer: number): boolean { return layerPrinters[layer] !== undefined; }

/**
 * The payload of EtherType `type` at `off` (tcpdump's ethertype_print). False when no printer
 * claims it: the caller then prints the header and dumps the payload, as tcpdump does.
 */
export function printEtherTypePayload(c: PrintContext, type: number, off: number, length: number): boolean {
  const layer = byEtherType[type]!;
  if (layer === 0 || layerPrinters[layer] === undefined) return false;
  // A call site of its own (as printIpPayload's), which sees only what EtherTypes lead to.
  const v = c.pkt.viewAt(layer, off);
  if (v !== undefined) layerPrinters[layer]!(c, v, length);
  else printLayer(c, layer, off, length);
  return true;
}

/**
 * The payload of a SNAP header whose OUI is not 00-00-00 (Cisco's CDP, VTP, UDLD…: the decoder's
 * SNAP table); false when no printer claims it.
 */
export function printSnapPayload(c: PrintContext, oui: number, pid: number, off: number, length: number): boolean {
  const layer = snapLayer(oui, pid);
  if (layer === 0 || layerPrinters[layer] === undefined) return false;
  printLayer(c, layer, off, length);
  return true;
}

/** The layer a printer follows IP protocol `proto` to (0: none): the decoder's, or an encapsulated packet. */
export function ipProtoLayer(proto: number): number {
  const layer = byIpProto[proto]!;
  return layer !== 0 && layerPrinters[layer] !== undefined ? layer : ipProtoTunnels[proto]!;
}

/** An LLC UI frame's payload by its SAP (DSAP = SSAP); false when no printer claims it. */
export function printLlcSap(c: PrintContext, sap: number, off: number, length: number): boolean {
  const layer = byLlcSap[sap]!;
  if (layer === 0 || layerPrinters[layer] === undefined) return false;
  printLayer(c, layer, off, length);
  return true;
}

/**
 * An application printer reached by TCP or UDP port. tcpdump tests ports in a fixed order (each
 * `IS_SRC_OR_DST_PORT` in turn), so where both ports are registered the lower `rank` wins. Either
 * a layer (its view printed by printLayer) or, on the compatibility path, an offset printer.
 */
export interface PortPrinter {
  readonly rank: number; readonly layer: number; readonly print: OffsetPrinter | undefined;
  /** Matched on the destination port only (tcpdump's `dport == X` tests: HSRP, BFD…), not the source. */
  readonly dstOnly?: boolean;
  /** Only with --smb (NetBIOS and SMB: tcpdump prints them only when built with --enable-smb). */
  readonly smb?: boolean;
}

/**
 * Port → application printer: a 64 KiB index (0: none) into a short list, so a lookup is two loads
 * and the table costs nothing to build. In front of it, one bit per port: whether any printer is
 * registered there. Most segments are between two ports nobody registered (an ephemeral port and a
 * service vcap does not print), and two bit tests in 8 KiB that stays in the L1 cache settle them;
 * the index (a cold line of 64 KiB for a random port) and the entries are read only for a hit.
 */
export class PortTable {
  readonly #index = new Uint8Array(65536);
  /**
   * Bit `port & 31` of word `port >> 5`: set where the index holds a printer (or the source-only
   * port is, or a printer tests the payload: setTested). Public for the UDP printer, which tests it
   * before it calls pick() (see udp.ts).
   */
  readonly registered = new Int32Array(2048);
  /** The printers registered (as given). */
  readonly #given: PortPrinter[] = [];
  /**
   * By index (the #index value; 0: none): the printer in one shape (what lookups return), its rank
   * (none: the highest) and whether it matches only as a destination (DST_ONLY) or only with --smb (SMB).
   */
  readonly #entries: (PortPrinter | undefined)[] = [undefined];
  #ranks = new Int32Array([NO_RANK]);
  #flags = new Uint8Array(1);
  /** tcpdump's one `sport == X` test (BCM-LI's 49152): kept out of the index (a source port only), entry #sourceEntry. */
  #sourcePort = -1;
  #sourceEntry = 0;
  setSourceOnly(port: number, p: PortPrinter): void {
    this.#sourcePort = port; this.#sourceEntry = this.#entry(p);
    this.registered[port >> 5] = this.registered[port >> 5]! | (1 << (port & 31));
  }
  /** A port where a printer tests the payload after the table (kip): pick() goes on to the index, which has none there. */
  setTested(port: number): void {
    this.registered[port >> 5] = this.registered[port >> 5]! | (1 << (port & 31));
  }
  set(port: number, p: PortPrinter): void {
    this.#index[port] = this.#entry(p);
    const bits = this.registered;
    bits[port >> 5] = bits[port >> 5]! | (1 << (port & 31));
  }
  /** The index of `p`'s entry, added when new. */
  #entry(p: PortPrinter): number {
    const i = this.#given.indexOf(p);
    if (i >= 0) return i + 1;
    this.#given.push(p);
    this.#entries.push(uniform(p));
    const n = this.#entries.length;
    const ranks = new Int32Array(n), flags = new Uint8Array(n);
    ranks.set(this.#ranks); flags.set(this.#flags);
    ranks[n - 1] = p.rank; flags[n - 1] = (p.dstOnly === true ? DST_ONLY : 0) | (p.smb === true ? SMB : 0);
    this.#ranks = ranks; this.#flags = flags;
    return n - 1;
  }
  get(port: number): PortPrinter | undefined { return this.#entries[this.#index[port]!]; }
  /**
   * The printer for a segment between `sport` and `dport`: the one tcpdump tests first. Small, so
   * that V8 inlines it into the TCP and UDP printers; a registered port goes on in #registeredPick.
   */
  pick(sport: number, dport: number, smb = false): PortPrinter | undefined {
    const bits = this.registered;
    if (((bits[sport >> 5]! >>> (sport & 31)) & 1 | (bits[dport >> 5]! >>> (dport & 31)) & 1) === 0) return undefined;
    return this.#registeredPick(sport, dport, smb);
  }
  /**
   * pick() where a port is registered. Every load and compare here runs on every call, whichever
   * printer wins, and the outcomes differ only in which index is kept: with a branch per outcome
   * (both ports registered, a destination-only or --smb printer on the source port…), the first
   * segment that took one after V8 had optimised the TCP or UDP printer inlining this met code
   * without type feedback, and the printer was deoptimised and compiled again.
   */
  #registeredPick(sport: number, dport: number, smb: boolean): PortPrinter | undefined {
    const flags = this.#flags, ranks = this.#ranks;
    let s = this.#index[sport]!, d = this.#index[dport]!;
    if ((flags[s]! & (smb ? DST_ONLY : DST_ONLY | SMB)) !== 0) s = 0;
    if ((flags[d]! & (smb ? 0 : SMB)) !== 0) d = 0;
    const source = this.#sourceEntry, isSource = sport === this.#sourcePort;
    if (s === 0 && isSource) s = source;
    // The lower rank wins; none has the highest (both none: none).
    return this.#entries[ranks[d]! < ranks[s]! ? d : s];
  }
}

/** #registeredPick's flags of an entry, and the rank of none. */
const DST_ONLY = 1, SMB = 2, NO_RANK = 0x7fffffff;

/**
 * `p` with every field present, in one order: registrations are object literals of three or four
 * shapes (with or without dstOnly, smb), which made each field load in pick() and printPort()
 * polymorphic (and a deopt when a new shape came by).
 */
function uniform(p: PortPrinter): PortPrinter {
  return { rank: p.rank, layer: p.layer, print: p.print, dstOnly: p.dstOnly === true, smb: p.smb === true };
}

/** TCP / UDP port → application printer. */
export const tcpPortPrinters = new PortTable();
export const udpPortPrinters = new PortTable();
/**
 * -T types (forced-type.ts): the printer a forced type names, for TCP and UDP payloads. TCP prints
 * nothing after its line for a type with none here (print-tcp.c knows only zmtp1, resp and domain).
 */
export const tcpForced = new Map<string, PortPrinter>();
export const udpForced = new Map<string, PortPrinter>();

/** Runs a port or forced-type printer on the payload at `off`. */
export function printPort(c: PrintContext, p: PortPrinter, off: number, length: number): void {
  if (p.print !== undefined) { p.print(c, off, length, c.ip); return; }
  // A call site of its own (as printIpPayload's): it sees only the printers reached by port.
  const layer = p.layer, v = c.viewsToEnd ? undefined : c.pkt.viewAt(layer, off);
  if (v !== undefined) layerPrinters[layer]!(c, v, length);
  else printLayer(c, layer, off, length);
}

/** A TCP segment's payload (`length` bytes at `off`): the -T type, else by port. */
export function printTcpApp(c: PrintContext, sport: number, dport: number, off: number, length: number): void {
  c.srcPort = sport; c.dstPort = dport;
  const p = c.o.forcedType !== '' ? tcpForced.get(c.o.forcedType) : tcpPortPrinters.pick(sport, dport, c.o.smb === true);
  if (p !== undefined) printPort(c, p, off, length);
}

/**
 * What print-udp.c tests before its port table: an NFS call to or reply from port 2049 (Sun RPC's
 * direction word decides). Set by printers.ts; `print` is called only where either port is `port`
 * (the UDP printer tests that itself: no call on every datagram); true when it printed the datagram.
 */
export const udpBeforePorts: {
  port: number; print: ((c: PrintContext, sport: number, dport: number, off: number, length: number) => boolean) | undefined;
} = { port: -1, print: undefined };
