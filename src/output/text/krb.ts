/** Kerberos (tcpdump's print-krb.c): the version; v4 messages' names, lifetimes and lengths. */
import type { PrintContext } from './context.js';
import { safeChar } from './print-char.js';
import { tokName, type Tok } from './tok.js';
import type { Krb } from '../../decoders/krb.js';

const TYPES: Tok = [[2, 'KDC_REQUEST'], [4, 'KDC_REPLY'], [6, 'APPL_REQUEST'], [8, 'APPL_REQUEST_MUTUAL'], [10, 'ERR_REPLY'],
  [12, 'PRIVATE'], [14, 'SAFE'], [16, 'APPL_ERR'], [126, 'DIE']];
const ERRORS: Tok = [[0, 'OK'], [1, 'NAME_EXP'], [2, 'SERVICE_EXP'], [3, 'AUTH_EXP'], [4, 'PKT_VER'], [5, 'NAME_MAST_KEY_VER'],
  [6, 'SERV_MAST_KEY_VER'], [7, 'BYTE_ORDER'], [8, 'PRINCIPAL_UNKNOWN'], [9, 'PRINCIPAL_NOT_UNIQUE'], [10, 'NULL_KEY']];

/** A UDP payload on port 88 or 750 (krb_print). */
export function printKrb(c: PrintContext, v: Krb, _length: number): void {
  c.protocol = 'krb';
  if (!v.has(1)) { c.truncMark(); return; }
  const pvno = v.version;
  if (pvno >= 1 && pvno <= 3) c.write(` v${pvno}`);
  else if (pvno === 4) { c.write(` v${pvno}`); krb4(c, v); }
  else if (pvno === 106 || pvno === 107) c.write(' v5');
}

/** c_print: a NUL-terminated name from index `i`; the index after its NUL, or -1 when the capture ends first. */
function name(c: PrintContext, v: Krb, i: number): number {
  let s = '';
  const n = v.captured;
  for (; i < n; i++) {
    const ch = v.byte(i);
    if (ch === 0) { c.write(s); return i + 1; }
    s += safeChar(ch);
  }
  c.write(s);
  return -1;
}

/** krb4_print_hdr: name.instance@realm after the type; -1 (trunc mark written) when cut. */
function header(c: PrintContext, v: Krb): number {
  let i = name(c, v, 2);
  if (i >= 0) { c.write('.'); i = name(c, v, i); }
  if (i >= 0) { c.write('@'); i = name(c, v, i); }
  if (i < 0) c.truncMark();
  return i;
}

function krb4(c: PrintContext, v: Krb): void {
  const type = v.messageType;
  c.write(` ${v.littleEndian ? 'le' : 'be'} ${tokName(TYPES, `#${type}`, type)}: `);
  let i: number;
  switch (type) {
    case 2:                                             // KDC_REQUEST: header, lifetime, service.instance
      if ((i = header(c, v)) < 0) return;
      i += 4;
      c.write(` ${v.byte(i) * 5}min `);
      i++;
      if ((i = name(c, v, i)) < 0) break;
      c.write('.');
      i = name(c, v, i);
      break;
    case 6:                                             // APPL_REQUEST: key version, realm, ticket and request lengths
      c.write(`v${v.byte(2)} `);
      if ((i = name(c, v, 3)) < 0) break;
      c.write(` (${v.byte(i)})`);
      c.write(` (${v.byte(i + 1)})`);
      return;
    case 4:                                             // KDC_REPLY: header, then the cipher's length
      if ((i = header(c, v)) < 0) return;
      c.write(` (${v.u16At(i + 10)})`);
      return;
    case 10:                                            // ERR_REPLY: header, error code, text
      if ((i = header(c, v)) < 0) return;
      i += 4;
      { const e = v.u16At(i); c.write(` ${tokName(ERRORS, `#${e}`, e)} `); }
      i = name(c, v, i + 4);
      break;
    default:
      c.write('(unknown)');
      return;
  }
  if (i < 0) c.truncMark();
}
