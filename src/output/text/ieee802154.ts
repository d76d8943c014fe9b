/** IEEE 802.15.4 (tcpdump's print-802_15_4.c): standard and multipurpose frames, their IEs, beacons and MAC commands. */
import { TRUNCATED, type PrintContext } from './context.js';
import { defaultPrint } from './dump.js';
import { Layer } from '../../decoders/layer.js';
import { WPAN_TAP_HEADER_LENGTH, Wpan, type Ieee802154, type Ieee802154Tap, type WpanFields } from '../../decoders/ieee802154.js';
import { hex2 } from './util-print.js';

const frameTypes = ['Beacon', 'Data', 'ACK', 'Command', 'Reserved', 'Multipurpose', 'Fragment', 'Extended'];
const reserved = (v: number): string => `Reserved 0x${hex2(v)}`;
const headerIeNames: Record<number, string> = {
  0: 'Vendor Specific Header IE', 26: 'LE CSL IE', 27: 'LE RIT IE', 28: 'DSME PAN descriptor IE', 29: 'Rendezvous Time IE',
  30: 'Time Correction IE', 33: 'Extended DSME PAN descriptor IE', 34: 'Fragment Sequence Context Description IE',
  35: 'Simplified Superframe Specification IE', 36: 'Simplified GTS Specification IE', 37: 'LECIM Capabilities IE',
  38: 'TRLE Descriptor IE', 39: 'RCC Capabilities IE', 40: 'RCCN Descriptor IE', 41: 'Global Time IE', 42: 'Omnibus Header IE',
  43: 'DA IE', 126: 'Header Termination 1 IE', 127: 'Header Termination 2 IE',
};
const payloadIeNames: Record<number, string> = {
  0: 'ESDU IE', 1: 'MLME IE', 2: 'Vendor Specific Nested IE', 3: 'Multiplexed IE (802.15.9)', 4: 'Omnibus Payload Group IE',
  5: 'IETF IE', 15: 'List termination',
};
const commandNames: Record<number, string> = {
  1: 'Association Request command', 2: 'Association Response command', 3: 'Disassociation Notification command',
  4: 'Data Request command', 5: 'PAN ID Conflict Notification command', 6: 'Orphan Notification command', 7: 'Beacon Request command',
  8: 'Coordinator realignment command', 9: 'GTS request command', 10: 'TRLE Management Request command',
  11: 'TRLE Management Response command', 19: 'DSME Association Request command', 20: 'DSME Association Response command',
  21: 'DSME GTS Request command', 22: 'DSME GTS Response command', 23: 'DSME GTS Notify command',
  24: 'DSME Information Request command', 25: 'DSME Information Response command',
  26: 'DSME Beacon Allocation Notification command', 27: 'DSME Beacon Collision Notification command',
  28: 'DSME Link Report command', 32: 'RIT Data Request command', 33: 'DBS Request command', 34: 'DBS Response command',
  35: 'RIT Data Response command', 36: 'Vendor Specific command',
};
const assocStatus: Record<number, string> = {
  0: ', Association successful', 1: ', PAN at capacity', 2: ', PAN access denied', 3: ', Hooping sequence offset duplication',
  0x80: ', Fast association successful',
};

/** Bytes `from` to `to` of `f` as `hh ` each (tcpdump's IE and command data dumps). */
function hexBytes(c: PrintContext, f: WpanFields, from: number, to: number): void {
  for (let i = from; i < to; i++) c.write(`${hex2(f.u8(i))} `);
}

/** Bytes of an IE's header, before its content. */
const IE_HEADER_LENGTH = 2;

/**
 * The frame's print state, tcpdump's `p` and `caplen`: how far its walk is (`pos`, bytes from the
 * frame's start, where the view's sub-view is pointed next) and what it has left.
 */
interface Walk { pos: number; caplen: number }

/** Header IEs (tcpdump's ieee802_15_4_print_header_ie_list): false on an error; sets `payloadIes`. */
function printHeaderIes(c: PrintContext, v: Ieee802154, w: Walk, out: { payloadIes: boolean }): boolean {
  out.payloadIes = false;
  do {
    if (w.caplen < 2) { c.write('[ERROR: Truncated header IE]'); return false; }
    const f = v.fieldsAt(w.pos);
    const ie = f.ieHeader;
    if (ie & 0x8000) c.write('[ERROR: Header IE with type 1] ');
    const len = ie & 0x7f, id = (ie >> 7) & 0xff;
    if (id > 127) c.write(`Reserved Element ID ${hex2(id)}, length = ${len} `);
    else {
      const name = headerIeNames[id] ?? reserved(id);
      c.write(len === 0 ? `\n\t${name} [` : `\n\t${name} [ length = ${len}, `);
    }
    if (w.caplen < 2 + len) { c.write('[ERROR: Truncated IE data]'); return false; }
    // The IEs' contents tcpdump decodes at -vvvv; below that their bytes.
    if (len !== 0) { c.write('IE Data = '); hexBytes(c, f, IE_HEADER_LENGTH, IE_HEADER_LENGTH + len); }
    c.write('] ');
    w.pos += 2 + len; w.caplen -= 2 + len;
    if (id === 0x7e) { out.payloadIes = true; break; }
    if (id === 0x7f) break;
  } while (w.caplen !== 0);
  return true;
}

/** Payload IEs (tcpdump's ieee802_15_4_print_payload_ie_list): false on an error. */
function printPayloadIes(c: PrintContext, v: Ieee802154, w: Walk): boolean {
  do {
    if (w.caplen < 2) { c.write('[ERROR: Truncated header IE]'); return false; }
    const f = v.fieldsAt(w.pos);
    const ie = f.ieHeader;
    if (!(ie & 0x8000)) c.write('[ERROR: Payload IE with type 0] ');
    const len = ie & 0x3ff, group = (ie >> 11) & 0x0f;
    const name = payloadIeNames[group] ?? reserved(group);
    c.write(len === 0 ? `\n\t${name} [` : `\n\t${name} [ length = ${len}, `);
    if (w.caplen < 2 + len) { c.write('[ERROR: Truncated IE data]'); return false; }
    if (len !== 0) { c.write('IE Data = '); hexBytes(c, f, IE_HEADER_LENGTH, IE_HEADER_LENGTH + len); }
    c.write(']\n\t');
    w.pos += 2 + len; w.caplen -= 2 + len;
    if (group === 0xf) break;
  } while (w.caplen > 0);
  return true;
}

/** The auxiliary security header (tcpdump's ieee802_15_4_print_aux_sec_header): its security level, or -1 on an error. */
function printAuxSecurity(c: PrintContext, v: Ieee802154, w: Walk): number {
  if (w.caplen < 1) { c.write('[ERROR: Truncated before Aux Security Header]'); return -1; }
  const sc = v.securityControl, level = sc & 7, keyIdMode = (sc >> 3) & 3;
  let caplen = w.caplen - 1, pos = w.pos + 1;
  const vf = c.o.verbose;
  if (vf > 0) c.write(`\n\tSecurity Level ${level}, Key Id Mode ${keyIdMode}, `);
  if (!(sc & 0x20)) {
    if (caplen < 4) { c.write('[ERROR: Truncated before Frame Counter]'); return -1; }
    if (vf > 1) c.write(`Frame Counter 0x${v.frameCounter.toString(16).padStart(8, '0')} `);
    pos += 4; caplen -= 4;
  }
  if (keyIdMode === 0) {
    if (vf > 1) c.write('Implicit');
    w.pos = pos; w.caplen = caplen;
    return level;
  }
  if (keyIdMode === 2 || keyIdMode === 3) {
    const n = keyIdMode === 2 ? 4 : 8;
    if (caplen < n) { c.write('[ERROR: Truncated before Key Source]'); return -1; }
    // tcpdump's format for mode 2 is "0x%04x:%0x4x" (a stray 4x), and it moves on 4 bytes for mode 3's 8.
    if (vf > 1) c.write(keyIdMode === 2 ? `KeySource 0x${v.keySourceWord(0).toString(16).padStart(4, '0')}:${v.keySourceWord(1).toString(16)}4x, ` : `KeySource ${v.keySourceAddress}, `);
    pos += 4; caplen -= 4;
  }
  if (caplen < 1) { c.write('[ERROR: Truncated before Key Index]'); return -1; }
  if (vf > 1) c.write(`KeyIndex 0x${hex2(v.keyIndexAt(pos))}, `);
  w.pos = pos + 1; w.caplen = caplen - 1;
  return level;
}

/** The old beacon's fields (superframe specification, GTS, pending addresses); false where tcpdump stops. */
function printBeaconFields(c: PrintContext, v: Ieee802154, w: Walk): boolean {
  const vf = c.o.verbose;
  if (w.caplen < 2) { c.write('[ERROR: Truncated before beacon information]'); return false; }
  const ss = v.fieldsAt(w.pos).le16(0);
  if (vf >= 1) {
    c.write(`\n\tBeacon order = ${ss & 0xf}, Superframe order = ${(ss >> 4) & 0xf}, Final CAP Slot = ${(ss >> 8) & 0xf}`);
    if (ss & 0x1000) c.write(', BLE enabled');
    if (ss & 0x4000) c.write(', PAN Coordinator');
    if (ss & 0x8000) c.write(', Association Permit');
  }
  w.pos += 2; w.caplen -= 2;
  if (w.caplen < 1) { c.write('[ERROR: Truncated before GTS info]'); return false; }
  let f = v.fieldsAt(w.pos);
  const gtsCount = f.u8(0) & 7;
  let len = 1;
  if (gtsCount === 0) {
    if (vf > 0) c.write(`\n\tGTS Descriptor Count = ${gtsCount}, `);
  } else {
    len = 2 + gtsCount * 3;
    if (w.caplen < len) { c.write(' [ERROR: Truncated GTS Info List]'); return false; }
    if (vf >= 2) {
      c.write(`GTS Descriptor Count = ${gtsCount}, GTS Directions Mask = ${hex2(f.u8(1) & 0x7f)}, [ `);
      for (let i = 0; i < gtsCount; i++) {
        c.write(`[ ${f.le16(2 + i * 3).toString(16).padStart(4, '0')}`);
        const slot = f.u8(2 + i * 3 + 1);
        c.write(`, Start slot = ${slot & 0x0f}, Length = ${(slot >> 4) & 0x0f} ] `);
      }
      c.write(']');
    }
  }
  w.pos += len; w.caplen -= len;
  if (w.caplen < 1) { c.write('[ERROR: Truncated before pending addresses]'); return false; }
  f = v.fieldsAt(w.pos);
  const pas = f.u8(0), shorts = pas & 7, exts = (pas >> 4) & 7;
  len = 1 + shorts * 2 + exts * 8;
  if (vf > 0) c.write(`\n\tPending address list, # short addresses = ${shorts}, # extended addresses = ${exts}`);
  if (w.caplen < len) { c.write(' [ERROR: Pending address list truncated]'); return false; }
  if (vf >= 2) {
    if (shorts !== 0) {
      c.write(', Short address list = [ ');
      for (let i = 0; i < shorts; i++) c.write(`${f.le16(1 + i * 2).toString(16).padStart(4, '0')} `);
      c.write(']');
    }
    if (exts !== 0) {
      c.write(', Extended address list = [ ');
      for (let i = 0; i < exts; i++) c.write(`${f.extendedAddress(1 + shorts * 2 + i * 8)} `);
      c.write(']');
    }
  }
  v.fieldsAt(w.pos).need(len);
  w.pos += len; w.caplen -= len;
  return true;
}

/** A MAC command's data (tcpdump's ieee802_15_4_print_command_data): the bytes it consumed, or -1. */
function printCommandData(c: PrintContext, id: number, f: WpanFields, caplen: number): number {
  switch (id) {
    case 0x01: {
      if (caplen !== 1) { c.write('Invalid Association request command length'); return -1; }
      const ci = f.u8(0);
      c.write(`${ci & 0x02 ? 'FFD, ' : 'RFD, '}${ci & 0x04 ? 'AC powered, ' : ''}${ci & 0x08 ? 'Receiver on when idle, ' : ''}` +
        `${ci & 0x10 ? 'Fast association, ' : ''}${ci & 0x40 ? 'Security supported, ' : ''}${ci & 0x80 ? 'Allocate address, ' : ''}`);
      return caplen;
    }
    case 0x02: {
      if (caplen !== 3) { c.write('Invalid Association response command length'); return -1; }
      c.write(`Short address = ${f.le16(0).toString(16).padStart(4, '0')}`);
      const st = f.u8(2);
      c.write(assocStatus[st] ?? `, Status = 0x${hex2(st)}`);
      return caplen;
    }
    case 0x03: {
      if (caplen !== 1) { c.write('Invalid Disassociation Notification command length'); return -1; }
      const r = f.u8(0);
      // tcpdump prints an unknown reason from the byte two past it.
      c.write(r === 0 ? 'Reserved' : r === 1 ? 'Reason = The coordinator wishes the device to leave PAN'
        : r === 2 ? 'Reason = The device wishes to leave the PAN' : `Reason = 0x${hex2(f.u8(2))}`);
      return caplen;
    }
    case 0x04: case 0x05: case 0x06: case 0x07: return 0;
    case 0x08: {
      if (caplen < 7 || caplen > 8) { c.write('Invalid Coordinator Realignment command length'); return -1; }
      c.write(`Pan ID = 0x${f.le16(0).toString(16).padStart(4, '0')}, Coordinator short address = ${f.le16(2).toString(16).padStart(4, '0')}`);
      let channel = f.u8(4);
      const page = caplen === 8 ? f.u8(7) : 0x80;
      if (page & 0x80) { channel |= (page & 0x7f) << 8; c.write(`, Channel Number = ${channel}`); }
      else c.write(`, Channel Number = ${channel}, page = ${page}`);
      c.write(`, Short address = ${f.le16(5).toString(16).padStart(4, '0')}`);
      return caplen;
    }
    case 0x09: {
      if (caplen !== 1) { c.write('Invalid GTS Request command length'); return -1; }
      const g = f.u8(0);
      c.write(`GTS Length = ${g & 0xf}, ${g & 0x10 ? 'Receive-only GTS' : 'Transmit-only GTS'}, ${g & 0x20 ? 'GTS allocation' : 'GTS deallocations'}`);
      return caplen;
    }
    default:
      c.write('Command Data = ');
      hexBytes(c, f, 0, caplen);
      return 0;
  }
}

/** The MIC (after the payload) and the FCS, with -vvv. */
function printMicAndFcs(c: PrintContext, v: Ieee802154, micAt: number, micLength: number): void {
  if (c.o.verbose <= 2) return;
  if (micLength !== 0) {
    c.write('\n\tMIC ');
    const f = v.fieldsAt(micAt);
    for (let i = 0; i < micLength; i++) c.write(hex2(f.u8(i)));
    c.write(' ');
  }
  if (v.fcsValue === v.fcsComputed) c.write(`FCS ${v.fcsValue.toString(16)} `);
  else c.write(`wrong FCS ${v.fcsValue.toString(16)} vs ${v.fcsComputed.toString(16)} (assume no FCS stored) `);
}

const MIC_LENGTHS = [0, 4, 8, 16, 0, 4, 8, 16];

/**
 * After the addressing: the security header, the MIC's place, the IEs, MIC and FCS (steps shared
 * by standard and multipurpose frames). Returns the MIC's length, or -1 where tcpdump stops.
 */
function printSecurityAndIes(c: PrintContext, v: Ieee802154, w: Walk): number {
  let level = 0;
  if (v.securityEnabled) {
    const at = w.pos;
    level = printAuxSecurity(c, v, w);
    if (level < 0) return -1;
    v.fieldsAt(at).need(w.pos - at);
  }
  const mic = MIC_LENGTHS[level]!;
  let micAt = 0;
  if (mic !== 0) {
    if (w.caplen < mic) { c.write('[ERROR: Truncated before MIC]'); return -1; }
    w.caplen -= mic;
    micAt = w.pos + w.caplen;
  }
  const ies = { payloadIes: false };
  if (v.iePresent && !printHeaderIes(c, v, w, ies)) return -1;
  if (ies.payloadIes) {
    if (level >= 4) c.write('Payload IEs present, but encrypted, cannot print ');
    else if (!printPayloadIes(c, v, w)) return -1;
  }
  printMicAndFcs(c, v, micAt, mic);
  return mic;
}

/** Addressing as tcpdump prints it: `pan:addr < pan:addr ` (`-:` for a PAN ID not in the frame); false on an error. */
function printAddressing(c: PrintContext, v: Ieee802154, w: Walk, multipurpose: boolean): boolean {
  const dstLen = v.dstAddressLength, srcLen = v.srcAddressLength;
  if (srcLen < 0) { c.write('[ERROR: Invalid src address mode]'); return false; }
  if (dstLen < 0) { c.write('[ERROR: Invalid dst address mode]'); return false; }
  const pans = v.panIds;
  if (!multipurpose && v.version < 2 && v.frameControl & 0x40 && (dstLen <= 0 || srcLen <= 0)) {
    c.write('[ERROR: PAN ID Compression != 0, and only one address with frame version < 2]');
  }
  if (pans & 1) {
    if (w.caplen < 2) { c.write('[ERROR: Truncated before dst_pan]'); return false; }
    c.write(`${v.dstPan.toString(16).padStart(4, '0')}:`);
    w.pos += 2; w.caplen -= 2;
  } else c.write('-:');
  if (w.caplen < dstLen) { c.write('[ERROR: Truncated before dst_addr]'); return false; }
  c.write(v.dstAddress);
  w.pos += dstLen; w.caplen -= dstLen;
  c.write(' < ');
  if (multipurpose) c.write(' -:');
  else if (pans & 2) {
    if (w.caplen < 2) { c.write('[ERROR: Truncated before dst_pan]'); return false; }
    c.write(`${v.srcPan.toString(16).padStart(4, '0')}:`);
    w.pos += 2; w.caplen -= 2;
  } else c.write('-:');
  // tcpdump's message for a cut source address names the destination's.
  if (w.caplen < srcLen) { c.write('[ERROR: Truncated before dst_addr]'); return false; }
  c.write(`${v.srcAddress} `);
  w.pos += srcLen; w.caplen -= srcLen;
  return true;
}

/** The frame control bits -vvv names, standard and long multipurpose frames', in tcpdump's order. */
const STANDARD_FLAGS: ReadonlyArray<readonly [number, string]> = [
  [0x08, 'Security Enabled, '], [0x10, 'Frame Pending, '], [0x20, 'AR, '], [0x40, 'PAN ID Compression, '],
  [0x100, 'Sequence Number Suppression, '], [0x200, 'IE present, '],
];
const MULTIPURPOSE_FLAGS: ReadonlyArray<readonly [number, string]> = [
  [0x200, 'Security Enabled, '], [0x800, 'Frame Pending, '], [0x4000, 'AR, '], [0x100, 'PAN ID Present, '],
  [0x400, 'Sequence Number Suppression, '], [0x8000, 'IE present, '],
];
function printFlags(c: PrintContext, fc: number, flags: ReadonlyArray<readonly [number, string]>): void {
  if (c.o.verbose > 2) for (const [bit, text] of flags) if (fc & bit) c.write(text);
}

/** Past the frame control and the sequence number (printed with -v), unless suppressed; false where tcpdump stops cut short. */
function walkSequence(c: PrintContext, v: Ieee802154, w: Walk, suppressed: boolean): boolean {
  const n = suppressed ? 2 : 3;
  if (!suppressed) {
    const seq = v.sequence;
    if (c.o.verbose) c.write(`seq ${hex2(seq)} `);
  }
  if (w.caplen < n) { c.truncMark(); return false; }
  w.pos = n; w.caplen -= n;
  return true;
}

/** Standard frames: beacon, data, ACK, MAC command (tcpdump's ieee802_15_4_std_frames). */
function printStandard(c: PrintContext, v: Ieee802154, fc: number): number {
  const w: Walk = { pos: 0, caplen: v.frameLength };
  const version = v.version, type = fc & 7;
  c.write(`v${version} `);
  printFlags(c, fc, STANDARD_FLAGS);
  if (fc & 0x100) {
    if (version < 2) c.write('[ERROR: Sequence number suppressed on frames where version < 2]');
    if (c.o.verbose) c.write('seq suppressed ');
  }
  if (!walkSequence(c, v, w, (fc & 0x100) !== 0)) return 0;
  if (!printAddressing(c, v, w, false)) return 0;
  if (printSecurityAndIes(c, v, w) < 0) return 0;
  // A beacon's fields that end in an error end the line (tcpdump breaks out before its dump).
  if (type === Wpan.Beacon) {
    if (version < 2 && !printBeaconFields(c, v, w)) return 1;
  } else if (type === Wpan.Command) {
    if (w.caplen < 1) c.write('[ERROR: Truncated before Command ID]');
    else {
      const f = v.fieldsAt(w.pos);
      const id = f.u8(0);
      c.write(`Command ID = ${id >= 0x30 ? reserved(id) : commandNames[id] ?? reserved(id)} `);
      w.pos++; w.caplen--;
      if (w.caplen !== 0) {
        const n = printCommandData(c, id, v.fieldsAt(w.pos), w.caplen);
        if (n >= 0) { w.pos += n; w.caplen -= n; }
      }
    }
  }
  defaultPrint(c, v.off + w.pos, w.caplen);
  return 1;
}

/** Multipurpose frames (tcpdump's ieee802_15_4_mp_frame). */
function printMultipurpose(c: PrintContext, v: Ieee802154, fc: number): number {
  const w: Walk = { pos: 0, caplen: v.frameLength };
  if (fc & 0x08) {
    c.write(`v${v.version} `);
    printFlags(c, fc, MULTIPURPOSE_FLAGS);
    if (!walkSequence(c, v, w, (fc & 0x400) !== 0)) return 0;
  } else {
    // The short frame control: one byte, then the sequence number (tcpdump does not test the length).
    const seq = v.sequence;
    w.pos = 2; w.caplen -= 2;
    if (c.o.verbose) c.write(`seq ${hex2(seq)} `);
  }
  if (!printAddressing(c, v, w, true)) return 0;
  if (printSecurityAndIes(c, v, w) < 0) return 0;
  defaultPrint(c, v.off + w.pos, w.caplen);
  return 1;
}

/**
 * tcpdump's ieee802_15_4_print: the frame `v`, `length` bytes (the capture, or what an encapsulation
 * states); returns its 0/1 result (0: not parsed), or `length` when that is under 2 bytes.
 */
export function printIeee802154Frame(c: PrintContext, v: Ieee802154, length: number): number {
  c.protocol = '802.15.4';
  if (length < 2) { c.truncMark(); return length; }
  const fc = v.frameControl, type = fc & 7;
  c.write(`IEEE 802.15.4 ${frameTypes[type]!} packet `);
  // tcpdump reads the FCS candidates at the frame's stated end before anything else of it.
  if (v.fcsNotCaptured && (type <= Wpan.Command || type === Wpan.Multipurpose)) throw TRUNCATED;
  if (type <= Wpan.Command) return printStandard(c, v, fc);
  if (type === Wpan.Multipurpose) return printMultipurpose(c, v, fc);
  // Reserved, fragment (tcpdump does not reassemble them) and extended frames: the line ends here.
  return 0;
}

/** LINKTYPE_IEEE802_15_4_WITHFCS and _NOFCS. */
export function printIeee802154Link(c: PrintContext, _length: number): number {
  const v = c.pkt.views.table[Layer.Ieee802154] as Ieee802154;
  return printIeee802154Frame(c, v, v.frameBytes);
}

/** LINKTYPE_IEEE802_15_4_TAP: the TAP header (its TLVs skipped), then the frame. */
export function printIeee802154TapLink(c: PrintContext, _length: number): number {
  c.protocol = '802.15.4_tap';
  const v = c.pkt.views.table[Layer.Ieee802154Tap] as Ieee802154Tap;
  const caplen = v.captured;
  if (caplen < WPAN_TAP_HEADER_LENGTH) { c.truncMark(); return caplen; }
  const len = v.headerLengthField;
  if (v.version !== 0 || len < WPAN_TAP_HEADER_LENGTH) { c.invalid(); return 0; }
  if (caplen < len) { c.truncMark(); return caplen; }
  const frame = c.pkt.views.table[Layer.Ieee802154] as Ieee802154;
  return printIeee802154Frame(c, frame, frame.frameBytes) + len;
}
