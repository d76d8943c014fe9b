/** LISP control messages (tcpdump's print-lisp.c): Map-Register and Map-Notify with their records and locators. */
import type { PrintContext } from './context.js';
import { TRUNCATED } from './context.js';
import { LISP_EID_RECORD_LENGTH, LISP_HEADER_LENGTH, LISP_LOCATOR_LENGTH, type Lisp } from '../../decoders/lisp.js';
import { hexPrint } from './dump.js';
import { bitNames } from './tok.js';

const TYPES: Record<number, string> = {
  0: 'LISP-Reserved', 1: 'LISP-Map-Request', 2: 'LISP-Map-Reply', 3: 'LISP-Map-Register', 4: 'LISP-Map-Notify', 8: 'LISP-Encapsulated-Contol-Message',
};
const REGISTER_FLAGS: ReadonlyArray<readonly [number, string]> = [
  [0x08000000, 'P-Proxy-Map-Reply'], [0x04000000, 'S-LISP-SEC-Capable'], [0x02000000, 'I-xTR-ID-Present'], [0x01000000, 'R-Build-For-RTR'],
  [0x00000100, 'M-Want-Map-Notify'],
];
const NOTIFY_FLAGS: ReadonlyArray<readonly [number, string]> = [[0x08000000, 'I-xTR-ID-Present'], [0x04000000, 'R-Build-For-RTR']];
const AUTH = ['None', 'SHA1', 'SHA256'];
const ACTIONS = ['No-Action', 'Natively-Forward', 'Send-Map-Request', 'Drop'];
const LOC_FLAGS: ReadonlyArray<readonly [number, string]> = [[0x0004, 'Local-Locator'], [0x0002, 'RLoc-Probed'], [0x0001, 'Reachable']];

/** hex_print: the dump, and an unwind to ` [|lisp]` when the capture ends before `len` bytes. */
function hex(c: PrintContext, ident: string, from: number, len: number): void {
  c.write(hexPrint(c, ident, from, len));
  if (c.avail(from) < len) throw TRUNCATED;
}

/** A LISP control message of `length` bytes. */
export function printLisp(c: PrintContext, l: Lisp, length: number): void {
  c.protocol = 'lisp';
  if (!l.has(LISP_HEADER_LENGTH)) { c.truncMark(); return; }
  const type = l.type;
  c.write(`${TYPES[type] ?? `unknown-type-${type}`},`);
  if (c.o.verbose) {
    if (type === 3) c.write(` flags [${bitNames(REGISTER_FLAGS, 'none', l.flagsWord)}],`);
    else if (type === 4) c.write(` flags [${bitNames(NOTIFY_FLAGS, 'none', l.flagsWord)}],`);
  }
  if (type !== 3 && type !== 4) return;
  const xtr = l.xtrPresent;
  const authLen = l.authDataLength;
  let pos = LISP_HEADER_LENGTH;                     // tcpdump's packet_offset, a uint16_t
  let records = l.recordCount;
  if (c.o.verbose) {
    const key = l.keyId;
    c.write(`\n    ${records} record(s), `);
    c.write(`Authentication ${AUTH[key] ?? 'unknown-type'},`);
    hex(c, '\n    Authentication-Data: ', l.off + pos, authLen);
  } else c.write(` ${records} record(s),`);
  pos = (pos + authLen) & 0xffff;
  if (records === 0) { c.invalid(); return; }
  while (length > pos && records !== 0) {
    records--;
    if (!l.has(pos + LISP_EID_RECORD_LENGTH)) { c.truncMark(); return; }
    c.write('\n');
    const rec = pos;
    pos = (pos + LISP_EID_RECORD_LENGTH) & 0xffff;
    const mask = l.recordMaskLength(rec), afi = l.recordAfi(rec);
    let locators = l.recordLocatorCount(rec);
    if (c.o.verbose) {
      c.write(`      Record TTL ${l.recordTtl(rec)},`);
      const f = l.recordActionFlags(rec);
      c.write((f >> 4) & 1 ? ' Authoritative,' : ' Non-Authoritative,');
      c.write(` ${ACTIONS[f >> 5] ?? 'unknown'},`);
      c.write(` Map Version: ${l.recordMapVersion(rec)},`);
    }
    if (afi === 1) { c.write(` EID ${l.ipv4At(pos)}/${mask},`); pos = (pos + 4) & 0xffff; }
    else if (afi === 2) { c.write(` EID ${l.ipv6At(pos)}/${mask},`); pos = (pos + 16) & 0xffff; }
    else return;                                    // tcpdump gives up on other families
    c.write(` ${locators} locator(s)`);
    while (locators !== 0) {
      locators--;
      if (!l.has(pos + LISP_LOCATOR_LENGTH)) { c.truncMark(); return; }
      const loc = pos;
      pos = (pos + LISP_LOCATOR_LENGTH) & 0xffff;
      const lafi = l.locatorAfi(loc);
      if (c.o.verbose) c.write('\n       ');
      if (lafi === 1) {
        if (!l.has(pos + 4)) { c.truncMark(); return; }
        c.write(` LOC ${l.ipv4At(loc + LISP_LOCATOR_LENGTH)}`);
        pos = (pos + 4) & 0xffff;
      } else if (lafi === 2) {
        if (!l.has(pos + 16)) { c.truncMark(); return; }
        c.write(` LOC ${l.ipv6At(loc + LISP_LOCATOR_LENGTH)}`);
        pos = (pos + 16) & 0xffff;
      }
      if (c.o.verbose) {
        c.write(`\n          Priority/Weight ${l.locatorPriority(loc)}/${l.locatorWeight(loc)}, Multicast Priority/Weight ${l.locatorMPriority(loc)}/${l.locatorMWeight(loc)},`);
        c.write(` flags [${bitNames(LOC_FLAGS, 'none', l.locatorFlags(loc))}],`);
      }
    }
  }
  if (xtr) {
    if (!l.has(pos + 24)) { c.invalid(); return; }
    hex(c, '\n    xTR-ID: ', l.off + pos, 16);
    c.write(`\n    SITE-ID: ${l.siteId(pos + 16)}`);
  } else if (l.off + pos < c.end) {
    hex(c, '\n    Data: ', l.off + pos, c.end - (l.off + pos));
  }
}
