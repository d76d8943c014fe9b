/** Frame Relay, Q.933 signalling and FRF.15 fragments (tcpdump's print-fr.c). */
import type { PrintContext } from './context.js';
import { printEtherTypePayload, printLayer, viewCall } from './dispatch.js';
import { defaultPrint, hexPrint } from './dump.js';
import { etherTypeName } from './names.js';
import { pppPrint } from './ppp.js';
import { Layer } from '../../decoders/layer.js';
import { FR_SNAP_LENGTH, FrFlag, Nlpid, type FrameRelay, type Mfr } from '../../decoders/fr.js';
import { printSnapBody } from './llc.js';
import { safeChar } from './print-char.js';
import type { FieldView } from '../../decoders/view.js';
import { hex2 } from './util-print.js';

const nlpidNames: Record<number, string> = { 0x00: 'NULL', 0x08: 'Q.933', 0x09: 'LMI', 0x80: 'SNAP', 0x81: 'CLNP', 0x82: 'ES-IS', 0x83: 'IS-IS',
  0x84: 'CONS', 0x85: 'IDRP', 0xc1: 'ISIS_SPB', 0xb1: 'FRF.15', 0xcc: 'IPv4', 0xcf: 'PPP', 0x8a: 'X25 ES-IS', 0x8e: 'IPv6' };
const flagNames: ReadonlyArray<readonly [number, string]> = [[FrFlag.Cr, 'C!'], [FrFlag.De, 'DE'], [FrFlag.Becn, 'BECN'], [FrFlag.Fecn, 'FECN'], [FrFlag.Sdlc, 'sdlcore']];

/** tcpdump's fr_hdr_print (the -e header, and what unknown payloads print without it). */
function header(c: PrintContext, length: number, addrLength: number, dlci: number, flags: number, nlpid: number): void {
  if (c.o.quiet) { c.write(`Q.922, DLCI ${dlci}, length ${length}: `); return; }
  const f = flagNames.filter(([b]) => flags & b).map(([, n]) => n).join(', ') || 'none';
  if (nlpid <= 0xff) c.write(`Q.922, hdr-len ${addrLength}, DLCI ${dlci}, Flags [${f}], NLPID ${nlpidNames[nlpid] ?? 'unknown'} (0x${hex2(nlpid)}), length ${length}: `);
  else c.write(`Q.922, hdr-len ${addrLength}, DLCI ${dlci}, Flags [${f}], cisco-ethertype ${etherTypeName(nlpid) ?? 'unknown'} (0x${nlpid.toString(16).padStart(4, '0')}), length ${length}: `);
}

/** LINKTYPE_FRELAY (tcpdump's fr_if_print): returns the link-header length. */
export function printFrLink(c: PrintContext, length: number): number {
  c.protocol = 'fr';
  const v = c.pkt.views.table[Layer.FrameRelay] as FrameRelay;
  if (v.captured < 4) { c.truncMark(); return v.captured; }
  return frPrint(c, v, length);
}

/** Frame Relay inside another layer. */
export function printFr(c: PrintContext, v: FrameRelay, length: number): void { frPrint(c, v, length); }

/** tcpdump's fr_print: returns the header's length (0 when it stops early). */
function frPrint(c: PrintContext, v: FrameRelay, length: number): number {
  c.protocol = 'fr';
  const addrLength = v.has(1) && length >= 1 ? lengthOfAddress(v, length) : -1;
  if (addrLength === -1) { c.truncMark(); return 0; }
  if (addrLength === 0) { c.write('Q.922, invalid address'); return 0; }
  const dlci = v.dlci, flags = v.flags;
  if (!v.has(addrLength + 1) || length < addrLength + 1) { c.truncMark(); return 0; }
  const control = v.byte(addrLength);
  if (control !== 0x03 && dlci !== 0) {
    if (!v.has(addrLength + 2) || length < addrLength + 2) {
      c.write(`UI ${hex2(control)}! `);
    } else {
      const type = v.ciscoType;
      if (c.o.linkHeader) header(c, length, addrLength, dlci, flags, type);
      if (printEtherTypePayload(c, type, v.off + addrLength + 2, length - addrLength - 2)) return addrLength + 2;
      c.write(`UI ${hex2(control)}! `);
    }
  }
  if (!v.has(addrLength + 2) || length < addrLength + 2) { c.truncMark(); return 0; }
  let hdrLength: number;
  if (v.byte(addrLength + 1) === 0) {
    if (addrLength !== 3) c.write('Pad! ');
    hdrLength = addrLength + 3;
  } else {
    if (addrLength === 3) c.write('No pad! ');
    hdrLength = addrLength + 2;
  }
  if (!v.has(hdrLength) || length < hdrLength) { c.truncMark(); return 0; }
  const nlpid = v.byte(hdrLength - 1);
  if (c.o.linkHeader) header(c, length, addrLength, dlci, flags, nlpid);
  const p = v.off + hdrLength;
  length -= hdrLength;
  switch (nlpid) {
    case Nlpid.Ip: printLayer(c, Layer.Ipv4, p, length); break;
    case Nlpid.Ip6: printLayer(c, Layer.Ipv6, p, length); break;
    // OSI printers read the NLPID again (tcpdump hands isoclns_print the byte before the payload).
    case Nlpid.Clnp: case Nlpid.Esis: case Nlpid.Isis: printLayer(c, Layer.Osi, p - 1, length + 1); break;
    case Nlpid.Snap: {
      c.protocol = 'snap';
      const snap = v.snap.point(p, c.end);
      if (!snap.has(FR_SNAP_LENGTH) || length < FR_SNAP_LENGTH) { c.truncMark(); break; }
      if (!printSnapBody(c, snap.oui, snap.protocol, p + FR_SNAP_LENGTH, length - FR_SNAP_LENGTH, undefined, 0)) {
        // An EtherType or protocol without a printer: the frame from its header, as tcpdump dumps it
        // (its fr_hdr_print gets the whole header's length here, NLPID included, as `hdr-len`).
        if (!c.o.linkHeader) header(c, length + hdrLength, hdrLength, dlci, flags, nlpid);
        defaultPrint(c, v.off, length + hdrLength);
      }
      break;
    }
    case Nlpid.Q933: q933(c, v.data.point(p, c.end), length); break;
    case Nlpid.Mfr: frf15(c, v.data.point(p, c.end), length); break;
    case Nlpid.Ppp: viewCall(c, Layer.Ppp, p, length, undefined, pppPrint); break;
    default:
      if (!c.o.linkHeader) header(c, length + hdrLength, addrLength, dlci, flags, nlpid);
      if (!c.o.hex) {
        // tcpdump's dump of a payload cut short ends in a read past the capture: [|fr], and -X shows the whole frame.
        const n = Math.min(length, Math.max(0, v.captured - hdrLength));
        defaultPrint(c, p, n, true);
        if (n < length) v.need(hdrLength + length);
      }
  }
  return hdrLength;
}

/** parse_q922_header's address length, its checks in tcpdump's order (the view's `has` for ND_TTEST). */
function lengthOfAddress(v: FrameRelay, length: number): number {
  if (v.byte(0) & 1) return 0;
  if (!v.has(2) || length < 2) return -1;
  if (v.byte(1) & 1) return 2;
  if (!v.has(3) || length < 3) return -1;
  let n = 3;
  if ((v.byte(2) & 1) === 0) {
    n = 4;
    if (!v.has(4) || length < 4) return -1;
    if ((v.byte(3) & 1) === 0) return 0;
  }
  return n;
}

/** FRF.15 end-to-end or interface fragmentation (tcpdump's frf15_print). */
function frf15(c: PrintContext, d: FieldView, length: number): void {
  if (length < 2) { c.truncMark(); return; }
  const b0 = d.byte(0);
  const seq = ((b0 & 0x1e) << 7) | d.byte(1);
  const flags = [b0 & 0x80 ? 'Begin' : '', b0 & 0x40 ? 'End' : '', b0 & 0x20 ? 'Control' : ''].filter((s) => s !== '').join(', ') || 'none';
  c.write(`FRF.15, seq 0x${seq.toString(16).padStart(3, '0')}, Flags [${flags}],${b0 & 0x01 ? 'Interface' : 'End-to-End'} Fragmentation, length ${length}`);
}

const q933Messages: Record<number, string> = { 0x00: 'ESC to National', 0x01: 'Alert', 0x02: 'Call proceeding', 0x07: 'Connect', 0x0f: 'Connect ACK',
  0x03: 'Progress', 0x05: 'Setup', 0x45: 'Disconnect', 0x4d: 'Release', 0x5a: 'Release Complete', 0x46: 'Restart', 0x4e: 'Restart ACK',
  0x7d: 'Status Reply', 0x75: 'Status Enquiry' };
const q933Ies: Record<number, string> = { 0x01: 'ANSI Report Type', 0x19: 'ANSI Link Verify', 0x03: 'ANSI Link Verify', 0x07: 'ANSI PVC Status',
  0x51: 'CCITT Report Type', 0x53: 'CCITT Link Verify', 0x57: 'CCITT PVC Status' };
const reportTypes: Record<number, string> = { 0: 'Full Status', 1: 'Link verify', 2: 'Async PVC Status' };

/** Q.933 / LMI signalling (tcpdump's q933_print); `d` is pointed at the message. */
export function q933(c: PrintContext, d: FieldView, length: number): void {
  c.protocol = 'q.933';
  c.write(c.o.linkHeader ? '' : 'Q.933');
  const sep = (): void => { if (!c.o.linkHeader) c.write(', '); };
  if (length === 0 || !d.has(1)) { sep(); c.write(`length ${length}`); c.truncMark(); return; }
  const olen = length;
  let pos = 0;
  const callRefLength = d.byte(pos) & 0x0f;
  pos++; length--;
  const callRef: number[] = [];
  for (let i = 0; i < callRefLength; i++) {
    if (length === 0 || !d.has(pos + 1)) { sep(); c.write(`length ${olen}`); c.truncMark(); return; }
    callRef.push(d.byte(pos)); pos++; length--;
  }
  if (length === 0 || !d.has(pos + 1)) { sep(); c.write(`length ${olen}`); c.truncMark(); return; }
  const msgType = d.byte(pos);
  pos++; length--;
  let codeset = 0, unshift = 0, nonLocking = 0, ansi = false;
  if (length !== 0) {
    if (!d.has(pos + 1)) { sep(); c.write(`length ${olen}`); c.truncMark(); return; }
    const ie = d.byte(pos);
    if ((ie & 0xf0) === 0x90) {
      pos++; length--;
      codeset = ie & 7;
      if ((ie & 8) === 0) { if (codeset === 5) ansi = true; } else { nonLocking = 1; unshift = 0; }
    }
  }
  sep();
  c.write(`${ansi ? 'ANSI' : 'CCITT'}, codeset ${codeset}`);
  if (callRefLength !== 0 && (callRefLength > 1 || d.byte(pos) !== 0)) c.write(`, Call Ref: 0x${callRef.map(hex2).join('')}`);
  if (c.o.verbose) c.write(`, ${q933Messages[msgType] ?? 'unknown message'} (0x${hex2(msgType)}), length ${olen}`);
  else c.write(`, ${q933Messages[msgType] ?? `unknown message 0x${hex2(msgType)}`}`);
  while (length !== 0) {
    if (nonLocking === 1) nonLocking = 2;
    else if (nonLocking === 2) { codeset = unshift; nonLocking = 0; }
    if (!d.has(pos + 1)) { if (!c.o.verbose) c.write(`, length ${olen}`); c.truncMark(); return; }
    const ie = d.byte(pos);
    pos++; length--;
    if (ie & 0x80) {
      if ((ie & 0xf0) === 0x90) {
        if ((ie & 8) === 0) nonLocking = 0; else { nonLocking = 1; unshift = codeset; }
        codeset = ie & 7;
      }
      continue;
    }
    if (length === 0 || !d.has(pos + 1)) { if (!c.o.verbose) c.write(`, length ${olen}`); c.truncMark(); return; }
    const ieLength = d.byte(pos);
    pos++; length--;
    const names = codeset === 0 || codeset === 5 ? q933Ies : undefined;
    if (c.o.verbose) c.write(`\n\t${names?.[ie] ?? 'unknown'} IE (0x${hex2(ie)}), length ${ieLength}: `);
    if (ie === 0 || ieLength === 0) return;
    if (length < ieLength || !d.has(pos + ieLength)) { if (!c.o.verbose) c.write(`, length ${olen}`); c.truncMark(); return; }
    const known = names !== undefined && q933Ie(c, d, ie, ieLength, pos);
    if (known) { if (c.o.verbose > 1) c.write(hexPrint(c, '\n\t  ', d.off + pos, ieLength)); }
    else if (c.o.verbose >= 1) c.write(hexPrint(c, '\n\t', d.off + pos, ieLength));
    length -= ieLength; pos += ieLength;
  }
  if (!c.o.verbose) c.write(`, length ${olen}`);
}

/** The LMI information elements of codesets 0 and 5 (tcpdump's fr_q933_print_ie_codeset_0_5): true when known. */
function q933Ie(c: PrintContext, d: FieldView, ie: number, len: number, pos: number): boolean {
  switch (ie) {
    case 0x01: case 0x51:
      if (c.o.verbose) c.write(`${reportTypes[d.byte(pos)] ?? 'unknown'} (${d.byte(pos)})`);
      return true;
    case 0x03: case 0x53: case 0x19:
      if (!c.o.verbose) c.write(', ');
      if (len < 2) { c.write('Invalid LINK VERIFY IE'); return true; }
      c.write(`TX Seq: ${String(d.byte(pos)).padStart(3)}, RX Seq: ${String(d.byte(pos + 1)).padStart(3)}`);
      return true;
    case 0x07: case 0x57: {
      if (!c.o.verbose) c.write(', ');
      const b = (i: number): number => d.byte(pos + i);
      if (len < 3 || b(0) & 0x80 || (len === 3 && !(b(1) & 0x80)) || (len === 4 && (b(1) & 0x80 || !(b(2) & 0x80))) ||
        (len === 5 && (b(1) & 0x80 || b(2) & 0x80 || !(b(3) & 0x80))) || len > 5 || !(b(len - 1) & 0x80)) {
        c.write('Invalid DLCI in PVC STATUS IE');
        return true;
      }
      let dlci = ((b(0) & 0x3f) << 4) | ((b(1) & 0x78) >> 3);
      if (len === 4) dlci = (dlci << 6) | ((b(2) & 0x7e) >> 1);
      else if (len === 5) dlci = (dlci << 13) | (b(2) & 0x7f) | ((b(3) & 0x7e) >> 1);
      c.write(`DLCI ${dlci}: status ${b(len - 1) & 0x8 ? 'New, ' : ''}${b(len - 1) & 0x2 ? 'Active' : 'Inactive'}`);
      return true;
    }
  }
  return false;
}

const mfrMessages: Record<number, string> = { 1: 'Add Link', 2: 'Add Link ACK', 3: 'Add Link Reject', 4: 'Hello', 5: 'Hello ACK', 6: 'Remove Link', 7: 'Remove Link ACK' };
const mfrIes: Record<number, string> = { 1: 'Bundle ID', 2: 'Link ID', 3: 'Magic Number', 5: 'Timestamp', 6: 'Vendor Extension', 7: 'Cause' };
/** tcpdump prints at most this many characters of a bundle or link ID. */
const MFR_ID_MAX = 50;

function becFlags(f: number): string {
  return [f & 0x80 ? 'Begin' : '', f & 0x40 ? 'End' : '', f & 0x20 ? 'Control' : ''].filter((s) => s !== '').join(', ') || 'none';
}

/** LINKTYPE_MFR (tcpdump's mfr_if_print): returns the link-header length. */
export function printMfrLink(c: PrintContext, length: number): number {
  c.protocol = 'mfr';
  const v = c.pkt.views.table[Layer.Mfr] as Mfr;
  if (v.captured < 2) { c.truncMark(); return v.captured; }
  return mfrPrint(c, v, length);
}

/** tcpdump's mfr_print: returns the header length. */
function mfrPrint(c: PrintContext, v: Mfr, length: number): number {
  c.protocol = 'mfr';
  if (length < 4) { c.write(`[length ${length} < 4]`); c.invalid(); return length; }
  if (!v.has(4)) { c.truncMark(); return length; }
  const flags = v.flags;
  if (v.isControl) {
    const m = v.messageType;
    c.write(`FRF.16 Control, Flags [${becFlags(flags)}], ${mfrMessages[m] ?? `Unknown Message (0x${hex2(m)})`}, length ${length}`);
    if (!c.o.verbose) return 3;
    const d = v.data.point(v.off, c.end);
    let pos = 3, tlen = length - 3;
    while (tlen > 2) {
      if (!d.has(pos + 2)) { c.truncMark(); return length; }
      const type = d.byte(pos);
      let ieLength = d.byte(pos + 1);
      c.write(`\n\tIE ${mfrIes[type] ?? 'Unknown'} (${type}), length ${ieLength}: `);
      if (type === 0 || ieLength <= 2) return 3;
      if (!d.has(pos + ieLength)) { c.truncMark(); return length; }
      pos += 2; ieLength -= 2; tlen -= 2;
      switch (type) {
        case 3:
          if (ieLength !== 4) { c.write(`[IE data length ${ieLength} != 4]`); c.invalid(); break; }
          c.write(`0x${((d.byte(pos) << 24 | d.byte(pos + 1) << 16 | d.byte(pos + 2) << 8 | d.byte(pos + 3)) >>> 0).toString(16).padStart(8, '0')}`);
          break;
        case 1: case 2:
          for (let k = 0; k < ieLength && k < MFR_ID_MAX; k++) {
            const ch = d.byte(pos + k);
            if (ch === 0) break;
            c.write(safeChar(ch));
          }
          break;
        // A timestamp IE (a struct timeval) is printed by tcpdump as a time; vcap dumps it like the others.
        default:
          if (c.o.verbose <= 1) c.write(hexPrint(c, '\n\t  ', d.off + pos, ieLength));
      }
      if (c.o.verbose > 1) c.write(hexPrint(c, '\n\t  ', d.off + pos, ieLength));
      tlen -= ieLength; pos += ieLength;
    }
    return 3;
  }
  const seq = v.sequence;
  if (flags === 0xc0 || flags === 0x80) {
    c.write(`FRF.16 Frag, seq ${seq}, Flags [${becFlags(flags)}], `);
    viewCall(c, Layer.FrameRelay, v.off + MFR_FRAGMENT_HEADER_LENGTH, length - MFR_FRAGMENT_HEADER_LENGTH, undefined, printFr);
    return MFR_FRAGMENT_HEADER_LENGTH;
  }
  c.write(`FRF.16 Frag, seq ${seq}, Flags [${becFlags(flags)}]`);
  c.write(hexPrint(c, '\n\t', v.off, length));
  return 0;
}

/** Bytes of an FRF.16 fragment's header (flags and sequence number). */
const MFR_FRAGMENT_HEADER_LENGTH = 2;
