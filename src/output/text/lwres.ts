/** lwres (tcpdump's print-lwres.c): the opcode, direction and flags, then the request's or response's names and addresses. */
import type { PrintContext } from './context.js';
import {
  LWRES_ADDR_HEADER_LENGTH, LWRES_GABN_REQUEST_LENGTH, LWRES_GABN_RESPONSE_LENGTH, LWRES_GNBA_REQUEST_LENGTH,
  LWRES_GNBA_RESPONSE_LENGTH, LWRES_GRBN_REQUEST_LENGTH, LWRES_GRBN_RESPONSE_LENGTH, LWRES_HEADER_LENGTH, LwresOpcode, type Lwres,
} from '../../decoders/lwres.js';
import { CLASS_NAMES, TYPE_NAMES } from './dns.js';
import { printN } from './print-char.js';
import { relts } from './util-print.js';

const OPCODES = new Map<number, string>([
  [LwresOpcode.Noop, 'noop'], [LwresOpcode.GetAddrsByName, 'getaddrsbyname'], [LwresOpcode.GetNameByAddr, 'getnamebyaddr'],
  [LwresOpcode.GetRdataByName, 'getrdatabyname'],
]);
const hex2 = (b: number): string => b.toString(16).padStart(2, '0');

/** lwres_printname: ` name` (`n` bytes at index `i`), and whether a NUL follows; returns the bytes used. */
function printName(c: PrintContext, l: Lwres, n: number, i: number): number {
  c.write(' ');
  printN(c, l, i, n);
  if (l.byte(i + n) !== 0) c.write(' (not NUL-terminated!)');
  return n + 1;
}
/** lwres_printnamelen: a name after its 16-bit length. */
function printNameLen(c: PrintContext, l: Lwres, i: number): number { return 2 + printName(c, l, l.itemAt(i).length, i + 2); }
/** lwres_printbinlen: bytes after their 16-bit length, as hex. */
function printBinLen(c: PrintContext, l: Lwres, i: number): number {
  const n = l.itemAt(i).length;
  for (let k = 0; k < n; k++) c.write(hex2(l.byte(i + 2 + k)));
  return 2 + n;
}
/** lwres_printaddr: an address; -1 when its length is too short for its family. */
function printAddr(c: PrintContext, l: Lwres, i: number): number {
  const a = l.itemAt(i);
  const n = a.addressLength;
  a.need(LWRES_ADDR_HEADER_LENGTH + n);
  const family = a.addressFamily;
  if (family === 1) {
    if (n < 4) return -1;
    c.write(` ${a.ipv4}`);
    return LWRES_ADDR_HEADER_LENGTH + 4;
  }
  if (family === 2) {
    if (n < 16) return -1;
    c.write(` ${a.ipv6}`);
    return LWRES_ADDR_HEADER_LENGTH + 16;
  }
  c.write(` ${family}/`);
  for (let k = 0; k < n; k++) c.write(hex2(a.byte(LWRES_ADDR_HEADER_LENGTH + k)));
  return LWRES_ADDR_HEADER_LENGTH + n;
}
function typeAndClass(c: PrintContext, l: Lwres): void {
  const type = l.rdataType;
  c.write(` ${TYPE_NAMES.get(type) ?? `Type${type}`}`);
  const cls = l.rdataClass;
  if (cls !== 1) c.write(` ${CLASS_NAMES.get(cls) ?? `Class${cls}`}`);
}

/** An lwres packet of `length` bytes (the UDP payload). */
export function printLwres(c: PrintContext, l: Lwres, length: number): void {
  c.protocol = 'lwres';
  l.need(LWRES_HEADER_LENGTH);
  c.write(' lwres');
  const version = l.version;
  if (c.o.verbose || version !== 0) c.write(` v${version}`);
  let s: number, unsupported = false;
  if (version !== 0) {
    s = l.packetLength;
  } else {
    const response = (l.flags & 1) !== 0;
    const opcode = l.opcode;
    c.write(` ${OPCODES.get(opcode) ?? `#0x${opcode.toString(16)}`}${response ? '' : '?'}`);
    const flags = l.flags;
    if (flags & ~1) c.write(`[0x${flags.toString(16)}]`);
    if (c.o.verbose > 1) {
      c.write(` (serial:0x${l.serial.toString(16)} result:0x${l.result.toString(16)} recvlen:${l.receiveLength}`);
      if (c.o.verbose > 2) c.write(` authtype:0x${l.authType.toString(16)} authlen:${l.authLength}`);
      c.write(')');
    }
    const r = response ? printResponse(c, l, opcode) : printRequest(c, l, opcode);
    if (r === INVALID) { c.invalid(); return; }
    if (r === UNSUPPORTED) { unsupported = true; s = LWRES_HEADER_LENGTH; } else s = r;
  }
  // tail: a length that disagrees, and bytes after what was printed.
  const stated = l.packetLength;
  if (stated !== length) c.write(` [len: ${stated} != ${length}]`);
  if (!unsupported && s < stated) c.write('[extra]');
}

const INVALID = -1, UNSUPPORTED = -2;

/** A body's fixed part (`n` bytes after the header) checked, and with -vvv its flags. */
function fixedPart(c: PrintContext, l: Lwres, n: number): void {
  l.need(LWRES_HEADER_LENGTH + n);
  if (c.o.verbose > 2) c.write(` flags:0x${l.bodyFlags.toString(16)}`);
}

/** A request's body: the index after what was printed, INVALID or UNSUPPORTED. */
function printRequest(c: PrintContext, l: Lwres, opcode: number): number {
  const p = LWRES_HEADER_LENGTH;
  switch (opcode) {
    case LwresOpcode.Noop:
      return p;
    case LwresOpcode.GetAddrsByName: {
      fixedPart(c, l, LWRES_GABN_REQUEST_LENGTH);
      const types = l.addressTypes;
      const both = types & 3;
      if (both === 1) c.write(' IPv4'); else if (both === 2) c.write(' IPv6'); else if (both === 3) c.write(' IPv4/6');
      if (types & ~3) c.write(`[0x${(types >>> 0).toString(16)}]`);
      const s = p + LWRES_GABN_REQUEST_LENGTH;
      return s + printName(c, l, l.requestNameLength, s);
    }
    case LwresOpcode.GetNameByAddr: {
      fixedPart(c, l, LWRES_GNBA_REQUEST_LENGTH);
      const s = p + LWRES_GNBA_REQUEST_LENGTH;
      const n = printAddr(c, l, s);
      return n < 0 ? INVALID : s + n;
    }
    case LwresOpcode.GetRdataByName: {
      fixedPart(c, l, LWRES_GRBN_REQUEST_LENGTH);
      typeAndClass(c, l);
      const s = p + LWRES_GRBN_REQUEST_LENGTH;
      return s + printName(c, l, l.requestNameLength, s);
    }
  }
  return UNSUPPORTED;
}

/** A response's body, as printRequest. */
function printResponse(c: PrintContext, l: Lwres, opcode: number): number {
  const p = LWRES_HEADER_LENGTH;
  switch (opcode) {
    case LwresOpcode.Noop:
      return p;
    case LwresOpcode.GetAddrsByName: {
      fixedPart(c, l, LWRES_GABN_RESPONSE_LENGTH);
      c.write(` ${l.aliasCount}/${l.addressCount}`);
      let s = p + LWRES_GABN_RESPONSE_LENGTH;
      s += printName(c, l, l.gabnRealNameLength, s);
      for (let k = 0, n = l.aliasCount; k < n; k++) s += printNameLen(c, l, s);
      for (let k = 0, n = l.addressCount; k < n; k++) {
        const a = printAddr(c, l, s);
        if (a < 0) return INVALID;
        s += a;
      }
      return s;
    }
    case LwresOpcode.GetNameByAddr: {
      fixedPart(c, l, LWRES_GNBA_RESPONSE_LENGTH);
      c.write(` ${l.aliasCount}`);
      let s = p + LWRES_GNBA_RESPONSE_LENGTH;
      s += printName(c, l, l.gnbaRealNameLength, s);
      for (let k = 0, n = l.aliasCount; k < n; k++) s += printNameLen(c, l, s);
      return s;
    }
    case LwresOpcode.GetRdataByName: {
      fixedPart(c, l, LWRES_GRBN_RESPONSE_LENGTH);
      typeAndClass(c, l);
      c.write(` TTL ${relts(l.ttl)}`);
      c.write(` ${l.rdataCount}/${l.signatureCount}`);
      let s = p + LWRES_GRBN_RESPONSE_LENGTH;
      s += printNameLen(c, l, s);
      for (let k = 0, n = l.rdataCount; k < n; k++) s += printBinLen(c, l, s);
      for (let k = 0, n = l.signatureCount; k < n; k++) s += printBinLen(c, l, s);
      return s;
    }
  }
  return UNSUPPORTED;
}
