/**
 * AppleTalk (tcpdump's print-atalk.c): DDP over Ethernet and SNAP, AARP, LocalTalk's LLAP, and
 * inside DDP the ATP and NBP headers (the other DDP types by name and length). vcap prints
 * addresses and sockets as numbers, as tcpdump does with -n.
 */
import type { PrintContext } from './context.js';
import { printLayer } from './dispatch.js';
import { tokName, type Tok } from './tok.js';
import { Layer } from '../../decoders/layer.js';
import {
  AARP_LENGTH, ATP_HEADER_LENGTH, DDP_HEADER_LENGTH, DDP_SHORT_HEADER_LENGTH, DdpType, LLAP_HEADER_LENGTH, LapType,
  NBP_HEADER_LENGTH, NBP_TUPLE_LENGTH, type Aarp, type Ddp, type DdpData, type DdpHeaderFields, type Llap,
} from '../../decoders/atalk.js';

const ddpTypes: Tok = [[1, 'rtmp'], [5, 'rtmpReq'], [4, 'echo'], [22, 'IP'], [23, 'ARP'], [0x4b, 'KLAP']];

// ATP's control bits.
const ATP_REQ = 0x40, ATP_RSP = 0x80, ATP_REL = 0xc0, ATP_XO = 0x20, ATP_EOM = 0x10, ATP_STS = 0x08;
// NBP's functions (the control byte's high nibble).
const NBP_BRRQ = 0x10, NBP_LKUP = 0x20, NBP_LKUP_REPLY = 0x30;

/** tcpdump's ataddr_string (its names file is never read: "net.node", "net" for node 255). */
const ataddr = (net: number, node: number): string => (node !== 255 ? `${net}.${node}` : `${net}`);

/** DDP from an EtherType (Ethernet, SNAP, ARCNET…): tcpdump's ethertype_print writes `et1 ` at -v first. */
export function printDdpEtherType(c: PrintContext, v: Ddp, length: number): void {
  if (c.o.verbose > 0) c.write('et1 ');
  printAtalk(c, v, length);
}

/** tcpdump's atalk_print: a DDP datagram with the long header, `length` bytes on the wire. */
export function printAtalk(c: PrintContext, v: Ddp, length: number): void {
  c.protocol = 'atalk';
  if (!c.o.linkHeader) c.write('AT ');
  if (length < DDP_HEADER_LENGTH) { c.write(` [|ddp ${length}]`); return; }
  if (!v.has(DDP_HEADER_LENGTH)) { c.write(' [|ddp]'); return; }
  longAddresses(c, v, ': ');
  ddp(c, v.data.point(v.off + DDP_HEADER_LENGTH, v.end), length - DDP_HEADER_LENGTH, v.type, v.srcNet, v.srcNode, v.srcSocket);
}

/** "src > dst" of a long DDP header, then `sep`. */
function longAddresses(c: PrintContext, h: DdpHeaderFields, sep: string): void {
  const snet = h.srcNet;
  c.write(`${ataddr(snet, h.srcNode)}.${h.srcSocket} > ${ataddr(h.dstNet, h.dstNode)}.${h.dstSocket}${sep}`);
}

/** tcpdump's aarp_print. */
export function printAarp(c: PrintContext, v: Aarp, length: number): void {
  c.protocol = 'aarp';
  c.write('aarp ');
  if (!v.has(AARP_LENGTH)) { c.truncMark(); return; }
  if (length < AARP_LENGTH) { c.write(` [|aarp ${length}]`); return; }
  if (v.hardwareType === 1 && v.protocolType === 0x809b && v.hardwareLength === 6 && v.protocolLength === 4) {
    switch (v.op) {
      case 1: c.write(`who-has ${ataddr(v.targetNet, v.targetNode)} tell ${ataddr(v.senderNet, v.senderNode)}`); return;
      case 2: c.write(`reply ${ataddr(v.senderNet, v.senderNode)} is-at ${v.senderMac}`); return;
      case 3: c.write(`probe ${ataddr(v.targetNet, v.targetNode)} tell ${ataddr(v.senderNet, v.senderNode)}`); return;
    }
  }
  const ptype = v.protocolType;
  c.write(`len ${length} op ${v.op} htype ${v.hardwareType} ptype ${ptype === 0 ? '0' : `0x${ptype.toString(16)}`} halen ${v.hardwareLength} palen ${v.protocolLength}`);
}

/** LINKTYPE_LTALK (tcpdump's ltalk_if_print): returns the link-header length the dumps skip. */
export function printLtalkLink(c: PrintContext, length: number): number {
  c.protocol = 'ltalk';
  const v = c.pkt.views.table[Layer.Llap] as Llap;
  const hdrlen = printLlap(c, v, length);
  // Cut short by the snapshot length: tcpdump's dumps skip the whole frame.
  return hdrlen === 0 ? v.captured : hdrlen;
}

/** tcpdump's llap_print: returns the LAP and DDP headers' length (0: cut short by the capture). */
export function printLlap(c: PrintContext, v: Llap, length: number): number {
  c.protocol = 'llap';
  if (length < LLAP_HEADER_LENGTH) { c.write(` [|llap ${length}]`); return length; }
  if (!v.has(LLAP_HEADER_LENGTH)) { c.truncMark(); return 0; }
  length -= LLAP_HEADER_LENGTH;
  const type = v.lapType;
  switch (type) {
    case LapType.ShortDdp: {
      if (length < DDP_SHORT_HEADER_LENGTH) { c.write(` [|sddp ${length}]`); return length; }
      if (!v.has(LLAP_HEADER_LENGTH + DDP_SHORT_HEADER_LENGTH)) { c.write(' [|sddp]'); return 0; }
      const src = v.lapSrc, sskt = v.shortSrcSocket;
      c.write(`${ataddr(0, src)}.${sskt} > ${ataddr(0, v.lapDst)}.${v.shortDstSocket}:`);
      const at = LLAP_HEADER_LENGTH + DDP_SHORT_HEADER_LENGTH;
      ddp(c, v.data.point(v.off + at, v.end), length - DDP_SHORT_HEADER_LENGTH, v.shortType, 0, src, sskt);
      return at;
    }
    case LapType.Ddp: {
      if (length < DDP_HEADER_LENGTH) { c.write(` [|ddp ${length}]`); return length; }
      if (!v.has(LLAP_HEADER_LENGTH + DDP_HEADER_LENGTH)) { c.write(' [|ddp]'); return 0; }
      const h = v.ddp.point(v.off + LLAP_HEADER_LENGTH, v.end);
      longAddresses(c, h, ':');
      const at = LLAP_HEADER_LENGTH + DDP_HEADER_LENGTH;
      ddp(c, v.data.point(v.off + at, v.end), length - DDP_HEADER_LENGTH, h.type, h.srcNet, h.srcNode, h.srcSocket);
      return at;
    }
    default:
      c.write(`${v.lapSrc} > ${v.lapDst} at-lap#${type} ${length}`);
      return LLAP_HEADER_LENGTH;
  }
}

/** tcpdump's ddp_print: what a DDP datagram carries, `length` bytes at `d`. */
function ddp(c: PrintContext, d: DdpData, length: number, type: number, snet: number, snode: number, skt: number): void {
  switch (type) {
    case DdpType.Nbp: nbp(c, d, length, snet, snode, skt); break;
    case DdpType.Atp: atp(c, d, length); break;
    case DdpType.Eigrp: printLayer(c, Layer.Eigrp, d.off, length); break;
    default: c.write(` at-${tokName(ddpTypes, `#${type}`, type)} ${length}`); break;
  }
}

/** tcpdump's atp_print. */
function atp(c: PrintContext, d: DdpData, length: number): void {
  if (!d.has(ATP_HEADER_LENGTH)) { c.truncMark(); return; }
  if (length < ATP_HEADER_LENGTH) { c.write(` [|atp ${length}]`); return; }
  length -= ATP_HEADER_LENGTH;
  const control = d.atpControl;
  switch (control & 0xc0) {
    case ATP_REQ:
      c.write(` atp-req${control & ATP_XO ? ' ' : '*'} ${d.atpTransactionId}`);
      atpBitmap(c, d.atpBitmap);
      if (length !== 0) c.write(` [len=${length}]`);
      switch (control & (ATP_EOM | ATP_STS)) {
        case ATP_EOM: c.write(' [EOM]'); break;
        case ATP_STS: c.write(' [STS]'); break;
        case ATP_EOM | ATP_STS: c.write(' [EOM,STS]'); break;
      }
      break;
    case ATP_RSP:
      c.write(` atp-resp${control & ATP_EOM ? '*' : ' '}${d.atpTransactionId}:${d.atpBitmap} (${length})`);
      switch (control & (ATP_XO | ATP_STS)) {
        case ATP_XO: c.write(' [XO]'); break;
        case ATP_STS: c.write(' [STS]'); break;
        case ATP_XO | ATP_STS: c.write(' [XO,STS]'); break;
      }
      break;
    case ATP_REL: {
      c.write(` atp-rel  ${d.atpTransactionId}`);
      atpBitmap(c, d.atpBitmap);
      if (length) c.write(` [len=${length}]`);
      // A release carries no control flags: any is printed as an anomaly.
      if (control & (ATP_XO | ATP_EOM | ATP_STS)) {
        const names: string[] = [];
        if (control & ATP_XO) names.push('XO');
        if (control & ATP_EOM) names.push('EOM');
        if (control & ATP_STS) names.push('STS');
        c.write(`[${names.join(',')}]`);
      }
      break;
    }
    default:
      c.write(` atp-0x${control.toString(16)}  ${d.atpTransactionId} (${length})`);
      break;
  }
  const data = d.atpUserData;
  if (data !== 0) c.write(` 0x${data.toString(16)}`);
}

/** tcpdump's atp_bitmap_print: the packets a request asks for, as a range when they are contiguous from 0. */
function atpBitmap(c: PrintContext, bm: number): void {
  if (((bm + 1) & bm) !== 0) {
    let s = '', sep = '<';
    for (let i = 0; bm; ++i, bm >>= 1) if (bm & 1) { s += `${sep}${i}`; sep = ','; }
    c.write(`${s}>`);
  } else {
    let i = 0;
    for (; bm; ++i) bm >>= 1;
    c.write(i > 1 ? `<0-${i - 1}>` : '<0>');
  }
}

/** tcpdump's nbp_print. */
function nbp(c: PrintContext, d: DdpData, length: number, snet: number, snode: number, skt: number): void {
  if (length < NBP_HEADER_LENGTH) { c.write(` truncated-nbp ${length}`); return; }
  length -= NBP_HEADER_LENGTH;
  // There must be room for one tuple.
  if (length < 8) { c.write(` truncated-nbp ${length + NBP_HEADER_LENGTH}`); return; }
  if (!d.has(NBP_HEADER_LENGTH)) { c.truncMark(); return; }
  const control = d.nbpControl, fn = control & 0xf0;
  let tp = NBP_HEADER_LENGTH;
  switch (fn) {
    case NBP_BRRQ: case NBP_LKUP: {
      c.write(`${fn === NBP_LKUP ? ' nbp-lkup' : ' nbp-brRq'} ${d.nbpId}:`);
      if (!d.has(tp + NBP_TUPLE_LENGTH)) { c.truncMark(); return; }
      nbpName(c, d, tp);
      // Anomalies: the spec allows one tuple, with the source's address and enumerator 0.
      if ((control & 0xf) !== 1) c.write(` [ntup=${control & 0xf}]`);
      const e = d.tupleEnumerator(tp);
      if (e) c.write(` [enum=${e}]`);
      const net = d.tupleNet(tp), node = d.tupleNode(tp), tskt = d.tupleSocket(tp);
      if (net !== snet || node !== snode || tskt !== skt) c.write(` [addr=${ataddr(net, node)}.${tskt}]`);
      break;
    }
    case NBP_LKUP_REPLY:
      c.write(` nbp-reply ${d.nbpId}:`);
      // Each tuple of the reply, until one is cut short.
      for (let i = control & 0xf; i !== 0 && tp >= 0; i--) tp = nbpTuple(c, d, tp, snet, snode, skt);
      break;
    default:
      c.write(` nbp-0x${control.toString(16)}  ${d.nbpId} (${length})`);
      break;
  }
}

/** tcpdump's nbp_tuple_print: the tuple at `tp`; returns the next one's offset (-1: cut short). */
function nbpTuple(c: PrintContext, d: DdpData, tp: number, snet: number, snode: number, skt: number): number {
  if (!d.has(tp + NBP_TUPLE_LENGTH)) { c.truncMark(); return -1; }
  const next = nbpName(c, d, tp);
  const e = d.tupleEnumerator(tp);
  if (e !== 1) c.write(`(${e})`);
  const tskt = d.tupleSocket(tp);
  if (tskt !== skt) c.write(` ${tskt}`);
  const net = d.tupleNet(tp), node = d.tupleNode(tp);
  if (net !== snet || node !== snode) c.write(` [addr=${ataddr(net, node)}]`);
  return next;
}

/** tcpdump's nbp_name_print: `"object:type@zone"`; returns the offset after it (-1: cut short or a bad length). */
function nbpName(c: PrintContext, d: DdpData, tp: number): number {
  c.write(' "');
  let at = cstring(c, d, tp + NBP_TUPLE_LENGTH);
  if (at < 0) return -1;
  c.write(':');
  at = cstring(c, d, at);
  if (at < 0) return -1;
  c.write('@');
  at = cstring(c, d, at);
  if (at < 0) return -1;
  c.write('"');
  return at;
}

/** tcpdump's print_cstring: the counted string at `at` (at most 32 bytes); the offset after it, -1 if cut short or too long. */
function cstring(c: PrintContext, d: DdpData, start: number): number {
  let i = start;
  if (!d.has(i + 1)) { c.truncMark(); return -1; }
  let n = d.byte(i++);
  if (n > 32) { c.write(`[len=${n}]`); return -1; }
  for (; n !== 0; n--) {
    if (!d.has(i + 1)) { c.truncMark(); return -1; }
    c.safeCh(d.byte(i++));
  }
  return i;
}
