/**
 * SNMP (tcpdump's print-snmp.c, built without libsmi, as tcpdump -n prints it), from
 * the Snmp view's BER element sub-view: each element parsed where tcpdump's asn1_parse is called,
 * printed as asn1_print prints it.
 */
import type { PrintContext } from './context.js';
import { printN } from './tok.js';
import { BER_CLASSES, BerType, type BerElement, type Snmp } from '../../decoders/snmp.js';

const GETREQ = 0, GETNEXTREQ = 1, GETRESP = 2, SETREQ = 3, TRAP = 4, GETBULKREQ = 5, INFORMREQ = 6, V2TRAP = 7, REPORT = 8;
const VERSIONS = ['SNMPv1', 'SNMPv2c', 'SNMPv2u', 'SNMPv3'];
const ERROR_STATUS = ['noError', 'tooBig', 'noSuchName', 'badValue', 'readOnly', 'genErr', 'noAccess', 'wrongType', 'wrongLength',
  'wrongEncoding', 'wrongValue', 'noCreation', 'inconsistentValue', 'resourceUnavailable', 'commitFailed', 'undoFailed',
  'authorizationError', 'notWritable', 'inconsistentName'];
const GENERIC_TRAPS = ['coldStart', 'warmStart', 'linkDown', 'linkUp', 'authenticationFailure', 'egpNeighborLoss', 'enterpriseSpecific'];
const errorStatus = (e: number): string => (e >= 0 && e < ERROR_STATUS.length ? ERROR_STATUS[e]! : `err=${e >>> 0}`);

/** An element that failed to parse: tcpdump's message, or its trunc mark when the value was not captured. */
function failed(c: PrintContext, e: BerElement): void {
  if (e.error !== '') c.write(e.error);
  else c.truncMark();
}

/** asn1_parse: parse the element at `at` and print any notice; -1 (message printed) on failure. */
function parse(c: PrintContext, v: Snmp, at: number, len: number): number {
  const e = v.element.point(at, c.end);
  const n = e.parse(at, len);
  if (n < 0) { failed(c, e); return -1; }
  if (e.notice !== '') c.write(e.notice);
  return n;
}

/** asn1_print_octets: `_xx` per byte. */
function printOctets(c: PrintContext, e: BerElement): boolean {
  if (!e.valueCaptured(e.asnlen)) { c.truncMark(); return false; }
  let s = '';
  for (let i = 0; i < e.asnlen; i++) s += `_${e.valueByte(i).toString(16).padStart(2, '0')}`;
  c.write(s);
  return true;
}

/** asn1_print_string: quoted when every byte is printable, else hex bytes joined by `_`. */
function printString(c: PrintContext, e: BerElement): boolean {
  const n = e.asnlen;
  if (!e.valueCaptured(n)) { c.truncMark(); return false; }
  let printable = true;
  for (let i = 0; printable && i < n; i++) { const ch = e.valueByte(i); printable = ch >= 0x20 && ch < 0x7f; }
  if (printable) {
    c.write('"');
    printN(c, { byte: (i: number) => e.valueByte(i) }, 0, n);
    c.write('"');
  } else {
    let s = '';
    for (let i = 0; i < n; i++) s += `${i === 0 ? '' : '_'}${e.valueByte(i).toString(16).padStart(2, '0')}`;
    c.write(s);
  }
  return true;
}

/** asn1_print: the element as tcpdump shows it; false on a cut. */
function print(c: PrintContext, e: BerElement): boolean {
  switch (e.type) {
    case BerType.Octet: return printOctets(c, e);
    case BerType.Null: return true;
    case BerType.Oid: printOid(c, e); return true;
    case BerType.Int: c.write(`${e.integer}`); return true;
    case BerType.Uns: c.write(`${e.uns}`); return true;
    case BerType.Uns64: c.write(`${e.uns64}`); return true;
    case BerType.Str: return printString(c, e);
    case BerType.Seq: c.write(`Seq(${e.asnlen})`); return true;
    case BerType.InetAddr: {
      if (e.asnlen !== 4) c.write('[inetaddr len!=4]');
      if (!e.valueCaptured(e.asnlen)) { c.truncMark(); return false; }
      let s = '';
      for (let i = 0; i < e.asnlen; i++) s += `${i === 0 ? '' : '.'}${e.valueByte(i)}`;
      c.write(s);
      return true;
    }
    case BerType.NoSuchObject: case BerType.NoSuchInstance: case BerType.EndOfMibView:
      c.write(`[${BER_CLASSES[4]![1][e.id]}]`);
      return true;
    case BerType.Pdu: c.write(`${BER_CLASSES[2]![1][e.id]}(${e.asnlen})`); return true;
    case BerType.Any: c.write('[BE_ANY!?]'); return true;
    default: c.write('[be!?]'); return true;
  }
}

/**
 * An OID as tcpdump -n prints it: every sub-identifier after a dot, the first byte split into the
 * first two (X.690 8.19). vcap never resolves names, so neither mib.h's names nor its `E:`/`X:`
 * abbreviations (tcpdump without -n) apply.
 */
function printOid(c: PrintContext, e: BerElement): void {
  let s = '', o = 0, first = true;
  for (let i = 0; i < e.asnlen; i++) {
    const b = e.valueByte(i);
    o = ((o << 7) + (b & 0x7f)) | 0;
    if (b & 0x80) continue;
    if (first) {
      first = false;
      let x = Math.trunc(o / 40);
      if (x > 2) x = 2;
      s += `.${x}`;
      o -= x * 40;
    }
    s += `.${o >>> 0}`;
    o = 0;
  }
  c.write(s);
}

/** A UDP payload to or from ports 161/162, or under -T snmp (snmp_print). */
export function printSnmp(c: PrintContext, v: Snmp, length: number): void {
  c.protocol = 'snmp';
  c.write(' ');
  let np = v.off;
  let count = parse(c, v, np, length);
  if (count < 0) return;
  const e = v.element;
  if (!e.is(BerType.Seq)) { c.write('[!init SEQ]'); print(c, e); return; }
  if (count < length) c.write(`[${length - count} extra after iSEQ]`);
  length = e.asnlen;
  np = e.valueOffset;
  if ((count = parse(c, v, np, length)) < 0) return;
  if (!e.is(BerType.Int)) { c.write('[version!=INT]'); print(c, e); return; }
  const version = e.integer;
  if (version !== 0 && version !== 1 && version !== 3) { c.write(`SNMP [version = ${version}]`); return; }
  if (c.o.verbose) c.write(`{ ${VERSIONS[version]} `);
  length -= count;
  np += count;
  if (version === 3) v3Message(c, v, np, length);
  else community(c, v, np, length, version);
  if (c.o.verbose) c.write('} ');
}

/** community_print: the community unless it is "public", then the PDU. */
function community(c: PrintContext, v: Snmp, np: number, length: number, version: number): void {
  const count = parse(c, v, np, length);
  if (count < 0) return;
  const e = v.element;
  if (!e.is(BerType.Str)) { c.write('[comm!=STR]'); print(c, e); return; }
  let isPublic = e.asnlen === 6;
  for (let i = 0; isPublic && i < 6; i++) isPublic = e.valueByte(i) === 'public'.charCodeAt(i);
  if (!isPublic) {
    c.write('C=');
    if (!printString(c, e)) return;
    c.write(' ');
  }
  pdu(c, v, np + count, length - count, version);
}

/** pdu_print. */
function pdu(c: PrintContext, v: Snmp, np: number, length: number, version: number): void {
  const count = parse(c, v, np, length);
  if (count < 0) return;
  const e = v.element;
  if (!e.is(BerType.Pdu)) { c.write('[no PDU]'); return; }
  if (count < length) c.write(`[${length - count} extra after PDU]`);
  if (c.o.verbose) c.write('{ ');
  if (!print(c, e)) return;
  c.write(' ');
  const id = e.id;
  length = e.asnlen;
  np = e.valueOffset;
  if (version === 0 && (id === GETBULKREQ || id === INFORMREQ || id === V2TRAP || id === REPORT)) { c.write('[v2 PDU in v1 message]'); return; }
  if (version === 1 && id === TRAP) { c.write('[v1 PDU in v2 message]'); return; }
  if (id === TRAP) trapPdu(c, v, np, length);
  else if (id <= REPORT) snmpPdu(c, v, id, np, length);
  if (c.o.verbose) c.write(' } ');
}

/** Parse an element that must be of `type`; prints `[what]` and the element otherwise. -1 when not. */
function expect(c: PrintContext, v: Snmp, np: number, length: number, type: number, what: string): number {
  const count = parse(c, v, np, length);
  if (count < 0) return -1;
  if (!v.element.is(type)) { c.write(what); print(c, v.element); return -1; }
  return count;
}

/** snmppdu_print: request id, error status and index, the variable bindings. */
function snmpPdu(c: PrintContext, v: Snmp, id: number, np: number, length: number): void {
  const e = v.element;
  let count = expect(c, v, np, length, BerType.Int, '[reqId!=INT]');
  if (count < 0) return;
  if (c.o.verbose) c.write(`R=${e.integer} `);
  length -= count; np += count;
  if ((count = expect(c, v, np, length, BerType.Int, '[errorStatus!=INT]')) < 0) return;
  const strict = id === GETREQ || id === GETNEXTREQ || id === SETREQ || id === INFORMREQ || id === V2TRAP || id === REPORT;
  let errStatus = 0;
  if (strict && e.integer !== 0) c.write(`[errorStatus(${errorStatus(e.integer)})!=0]`);
  else if (id === GETBULKREQ) c.write(` N=${e.integer}`);
  else if (e.integer !== 0) { c.write(` ${errorStatus(e.integer)}`); errStatus = e.integer; }
  length -= count; np += count;
  if ((count = expect(c, v, np, length, BerType.Int, '[errorIndex!=INT]')) < 0) return;
  if (strict && e.integer !== 0) c.write(`[errorIndex(${e.integer})!=0]`);
  else if (id === GETBULKREQ) c.write(` M=${e.integer}`);
  else if (e.integer !== 0) c.write(errStatus === 0 ? `[errorIndex(${e.integer}) w/o errorStatus]` : `@${e.integer}`);
  else if (errStatus !== 0) c.write('[errorIndex==0]');
  length -= count; np += count;
  varbinds(c, v, id, np, length);
}

/** trappdu_print: enterprise, agent address, generic and specific trap, time stamp, bindings. */
function trapPdu(c: PrintContext, v: Snmp, np: number, length: number): void {
  const e = v.element;
  c.write(' ');
  let count = expect(c, v, np, length, BerType.Oid, '[enterprise!=OID]');
  if (count < 0 || !print(c, e)) return;
  length -= count; np += count;
  c.write(' ');
  if ((count = expect(c, v, np, length, BerType.InetAddr, '[agent-addr!=INETADDR]')) < 0 || !print(c, e)) return;
  length -= count; np += count;
  if ((count = expect(c, v, np, length, BerType.Int, '[generic-trap!=INT]')) < 0) return;
  const generic = e.integer;
  c.write(` ${generic >= 0 && generic < GENERIC_TRAPS.length ? GENERIC_TRAPS[generic] : `gt=${generic}`}`);
  length -= count; np += count;
  if ((count = expect(c, v, np, length, BerType.Int, '[specific-trap!=INT]')) < 0) return;
  if (generic !== 6) { if (e.integer !== 0) c.write(`[specific-trap(${e.integer})!=0]`); }
  else c.write(` s=${e.integer}`);
  length -= count; np += count;
  c.write(' ');
  if ((count = expect(c, v, np, length, BerType.Uns, '[time-stamp!=TIMETICKS]')) < 0 || !print(c, e)) return;
  length -= count; np += count;
  varbinds(c, v, TRAP, np, length);
}

/** varbind_print: ` name=value` for each binding (requests: the name, and a value only when not NULL). */
function varbinds(c: PrintContext, v: Snmp, id: number, np: number, length: number): void {
  const e = v.element;
  let count = parse(c, v, np, length);
  if (count < 0) return;
  if (!e.is(BerType.Seq)) { c.write('[!SEQ of varbind]'); print(c, e); return; }
  if (count < length) c.write(`[${length - count} extra after SEQ of varbind]`);
  length = e.asnlen;
  np = e.valueOffset;
  const request = id === GETREQ || id === GETNEXTREQ || id === GETBULKREQ;
  while (length) {
    c.write(' ');
    if ((count = parse(c, v, np, length)) < 0) return;
    if (!e.is(BerType.Seq)) { c.write('[!varbind]'); print(c, e); return; }
    const vbend = np + count, vblength = length - count;
    length = e.asnlen;
    np = e.valueOffset;
    if ((count = parse(c, v, np, length)) < 0) return;
    if (!e.is(BerType.Oid)) { c.write('[objName!=OID]'); print(c, e); return; }
    if (!print(c, e)) return;
    length -= count; np += count;
    if (!request) c.write('=');
    if ((count = parse(c, v, np, length)) < 0) return;
    if (!e.is(BerType.Null)) {
      if (request) c.write('[objVal!=NULL]');
      if (!print(c, e)) return;
    }
    length = vblength;
    np = vbend;
  }
}

/** v3msg_print: the header, the USM parameters, the scoped PDU. */
function v3Message(c: PrintContext, v: Snmp, np: number, length: number): void {
  const e = v.element;
  const xnp = np, xlength = length;
  let count = expect(c, v, np, length, BerType.Seq, '[!message]');
  if (count < 0) return;
  length = e.asnlen;
  np = e.valueOffset;
  if (c.o.verbose) c.write('{ ');
  if ((count = expect(c, v, np, length, BerType.Int, '[msgID!=INT]')) < 0) return;
  length -= count; np += count;
  if ((count = expect(c, v, np, length, BerType.Int, '[msgMaxSize!=INT]')) < 0) return;
  length -= count; np += count;
  if ((count = expect(c, v, np, length, BerType.Str, '[msgFlags!=STR]')) < 0) return;
  if (e.asnlen !== 1) { c.write(`[msgFlags size ${e.asnlen}]`); return; }
  const flags = e.valueByte(0);
  if (flags !== 0 && flags !== 1 && flags !== 3 && flags !== 4 && flags !== 5 && flags !== 7) {
    c.write(`[msgFlags=0x${flags.toString(16).toUpperCase().padStart(2, '0')}]`);
    return;
  }
  length -= count; np += count;
  c.write(`F=${flags & 1 ? 'a' : ''}${flags & 2 ? 'p' : ''}${flags & 4 ? 'r' : ''} `);
  if ((count = expect(c, v, np, length, BerType.Int, '[msgSecurityModel!=INT]')) < 0) return;
  const model = e.integer;
  length -= count; np += count;
  if (count < length) c.write(`[${length - count} extra after message SEQ]`);
  if (c.o.verbose) c.write('} ');
  if (model !== 3) { c.write(`[security model ${model}]`); return; }
  if (c.o.verbose) c.write('{ USM ');
  length = xlength - (np - xnp);
  if ((count = expect(c, v, np, length, BerType.Str, '[msgSecurityParameters!=STR]')) < 0) return;
  length -= count; np += count;
  usm(c, v, e.valueOffset, e.asnlen);
  if (c.o.verbose) c.write('} ');
  if (c.o.verbose) c.write('{ ScopedPDU ');
  scopedPdu(c, v, np, length);
  if (c.o.verbose) c.write('} ');
}

/** usm_print: engine boots and time (-v), the user name. */
function usm(c: PrintContext, v: Snmp, np: number, length: number): void {
  const e = v.element;
  let count = expect(c, v, np, length, BerType.Seq, '[!usm]');
  if (count < 0) return;
  length = e.asnlen;
  np = e.valueOffset;
  if ((count = expect(c, v, np, length, BerType.Str, '[msgAuthoritativeEngineID!=STR]')) < 0) return;
  length -= count; np += count;
  if ((count = expect(c, v, np, length, BerType.Int, '[msgAuthoritativeEngineBoots!=INT]')) < 0) return;
  if (c.o.verbose) c.write(`B=${e.integer} `);
  length -= count; np += count;
  if ((count = expect(c, v, np, length, BerType.Int, '[msgAuthoritativeEngineTime!=INT]')) < 0) return;
  if (c.o.verbose) c.write(`T=${e.integer} `);
  length -= count; np += count;
  if ((count = expect(c, v, np, length, BerType.Str, '[msgUserName!=STR]')) < 0) return;
  length -= count; np += count;
  c.write('U=');
  if (!printString(c, e)) return;
  c.write(' ');
  if ((count = expect(c, v, np, length, BerType.Str, '[msgAuthenticationParameters!=STR]')) < 0) return;
  length -= count; np += count;
  if ((count = expect(c, v, np, length, BerType.Str, '[msgPrivacyParameters!=STR]')) < 0) return;
  length -= count; np += count;
  if (count < length) c.write(`[${length - count} extra after usm SEQ]`);
}

/** scopedpdu_print: context engine ID and name, the PDU. */
function scopedPdu(c: PrintContext, v: Snmp, np: number, length: number): void {
  const e = v.element;
  let count = expect(c, v, np, length, BerType.Seq, '[!scoped PDU]');
  if (count < 0) return;
  length = e.asnlen;
  np = e.valueOffset;
  if ((count = expect(c, v, np, length, BerType.Str, '[contextEngineID!=STR]')) < 0) return;
  length -= count; np += count;
  c.write('E=');
  if (!printOctets(c, e)) return;
  c.write(' ');
  if ((count = expect(c, v, np, length, BerType.Str, '[contextName!=STR]')) < 0) return;
  length -= count; np += count;
  c.write('C=');
  if (!printString(c, e)) return;
  c.write(' ');
  pdu(c, v, np, length, 3);
}
