/** L2TPv2 (tcpdump's print-l2tp.c), from the L2tp view and its AVP sub-view. */
import type { PrintContext } from './context.js';
import { printLayer } from './dispatch.js';
import { safeChar } from './print-char.js';
import { tokName, type Tok } from './tok.js';
import { Layer } from '../../decoders/layer.js';
import { L2TP_AVP_HEADER_LENGTH, L2tpFlag, type L2tp, type L2tpAvp } from '../../decoders/l2tp.js';

const MSG_TYPES: Tok = [[1, 'SCCRQ'], [2, 'SCCRP'], [3, 'SCCCN'], [4, 'StopCCN'], [6, 'HELLO'], [7, 'OCRQ'], [8, 'OCRP'], [9, 'OCCN'],
  [10, 'ICRQ'], [11, 'ICRP'], [12, 'ICCN'], [14, 'CDN'], [15, 'WEN'], [16, 'SLI']];
const AVP_NAMES: Tok = [[0, 'MSGTYPE'], [1, 'RESULT_CODE'], [2, 'PROTO_VER'], [3, 'FRAMING_CAP'], [4, 'BEARER_CAP'], [5, 'TIE_BREAKER'],
  [6, 'FIRM_VER'], [7, 'HOST_NAME'], [8, 'VENDOR_NAME'], [9, 'ASSND_TUN_ID'], [10, 'RECV_WIN_SIZE'], [11, 'CHALLENGE'],
  [12, 'Q931_CC'], [13, 'CHALLENGE_RESP'], [14, 'ASSND_SESS_ID'], [15, 'CALL_SER_NUM'], [16, 'MINIMUM_BPS'], [17, 'MAXIMUM_BPS'],
  [18, 'BEARER_TYPE'], [19, 'FRAMING_TYPE'], [20, 'PACKET_PROC_DELAY'], [21, 'CALLED_NUMBER'], [22, 'CALLING_NUMBER'],
  [23, 'SUB_ADDRESS'], [24, 'TX_CONN_SPEED'], [25, 'PHY_CHANNEL_ID'], [26, 'INI_RECV_LCP'], [27, 'LAST_SENT_LCP'],
  [28, 'LAST_RECV_LCP'], [29, 'PROXY_AUTH_TYPE'], [30, 'PROXY_AUTH_NAME'], [31, 'PROXY_AUTH_CHAL'], [32, 'PROXY_AUTH_ID'],
  [33, 'PROXY_AUTH_RESP'], [34, 'CALL_ERRORS'], [35, 'ACCM'], [36, 'RANDOM_VECTOR'], [37, 'PRIVATE_GRP_ID'], [38, 'RX_CONN_SPEED'],
  [39, 'SEQ_REQUIRED'], [46, 'PPP_DISCON_CC']];
const AUTH_TYPES: Tok = [[0, 'Reserved'], [1, 'Textual'], [2, 'CHAP'], [3, 'PAP'], [4, 'No Auth'], [5, 'MS-CHAPv1']];
const CC_DIRECTIONS: Tok = [[0, 'global error'], [1, 'at peer'], [2, 'at local']];
const SHORT = 'AVP too short';

/** A UDP payload on port 1701 of `length` bytes (l2tp_print). */
export function printL2tp(c: PrintContext, v: L2tp, length: number): void {
  c.protocol = 'l2tp';
  const flags = v.flags;
  const version = flags & 0x0f;
  if (version === 1) { c.write(' l2f:'); return; }
  if (version !== 2) { c.write(' Unknown Version, neither L2F(1) nor L2TP(2)'); return; }
  c.write(` l2tp:[${flags & L2tpFlag.Type ? 'T' : ''}${flags & L2tpFlag.Length ? 'L' : ''}${flags & L2tpFlag.Sequence ? 'S' : ''}`);
  c.write(`${flags & L2tpFlag.Offset ? 'O' : ''}${flags & L2tpFlag.Priority ? 'P' : ''}]`);
  const l2tpLen = v.messageLength ?? 0;
  // One write per field: a cut after the tunnel ID still shows it, as tcpdump's prints do.
  c.write(`(${v.tunnelId}/`);
  c.write(`${v.sessionId})`);
  if (flags & L2tpFlag.Sequence) { c.write(`Ns=${v.ns},`); c.write(`Nr=${v.nr}`); }
  let cnt = v.fixedLength;
  if (flags & L2tpFlag.Offset) {
    const pad = v.offsetSize!;
    if (!v.captured2(cnt - pad, pad)) { c.truncMark(); return; }
  }
  if (flags & L2tpFlag.Length) {
    if (length < l2tpLen) { c.write(` Length ${l2tpLen} larger than packet`); return; }
    length = l2tpLen;
  }
  if (length < cnt) { c.write(` Length ${length} smaller than header length`); return; }
  if (flags & L2tpFlag.Type) {
    if (!(flags & L2tpFlag.Length)) { c.write(' No length'); return; }
    if (length - cnt === 0) { c.write(' ZLB'); return; }
    while (length - cnt !== 0) {
      const n = avp(c, v, v.off + cnt, length - cnt);
      if (n === 0) break;
      cnt += n;
    }
  } else {
    c.write(' {');
    printLayer(c, Layer.Ppp, v.off + cnt, length - cnt);
    c.write('}');
  }
}

/** l2tp_avp_print: one AVP at `at`, `length` bytes left; its length, or 0 (trunc mark written). */
function avp(c: PrintContext, v: L2tp, at: number, length: number): number {
  c.write(' ');
  const a = v.avp.point(at, c.end);
  const len = a.avpLength;
  if (len < L2TP_AVP_HEADER_LENGTH || len > length || !a.has(len)) { c.truncMark(); return 0; }
  if (a.mandatory) c.write('*');
  const hidden = a.hidden;
  if (hidden) c.write('?');
  const n = len - L2TP_AVP_HEADER_LENGTH;
  const vendor = a.vendorId;
  if (vendor) {
    c.write(`VENDOR${hex4(vendor)}:ATTR${hex4(a.attributeType)}(`);
    octets(c, a, 0, n);
    c.write(')');
    return len;
  }
  const type = a.attributeType;
  c.write(`${tokName(AVP_NAMES, `AVP-#${type}`, type)}(`);
  if (hidden) c.write('???');
  else value(c, a, type, n);
  c.write(')');
  return len;
}

const hex4 = (x: number): string => x.toString(16).padStart(4, '0');
const hex8 = (x: number): string => x.toString(16).padStart(8, '0');

function octets(c: PrintContext, a: L2tpAvp, i: number, n: number): void {
  let s = '';
  for (let k = 0; k < n; k++) s += a.valueByte(i + k).toString(16).padStart(2, '0');
  c.write(s);
}
function text(c: PrintContext, a: L2tpAvp, i: number, n: number): void {
  let s = '';
  for (let k = 0; k < n; k++) s += safeChar(a.valueByte(i + k));
  c.write(s);
}
/** Letters for the bits of a 4-byte capability or type: `hi` (0x2) then `lo` (0x1). */
function bits(c: PrintContext, a: L2tpAvp, n: number, hi: string, lo: string): void {
  if (n < 4) { c.write(SHORT); return; }
  const x = a.valueU32(0);
  c.write(`${x & 2 ? hi : ''}${x & 1 ? lo : ''}`);
}

/** The value of an IETF AVP of `type`, `n` bytes. */
function value(c: PrintContext, a: L2tpAvp, type: number, n: number): void {
  switch (type) {
    case 0: c.write(n < 2 ? SHORT : tokName(MSG_TYPES, `MSGTYPE-#${a.valueU16(0)}`, a.valueU16(0))); break;
    case 1:                                             // result code, error code, message
      if (n < 2) { c.write(SHORT); break; }
      c.write(`${a.valueU16(0)}`);
      if (n === 2) break;
      if (n < 4) { c.write(` ${SHORT}`); break; }
      c.write(`/${a.valueU16(2)}`);
      if (n === 4) break;
      c.write(' ');
      text(c, a, 4, n - 4);
      break;
    case 2: c.write(n < 2 ? SHORT : `${a.valueU16(0) >> 8}.${a.valueU16(0) & 0xff}`); break;
    case 3: case 19: bits(c, a, n, 'A', 'S'); break;
    case 4: case 18: bits(c, a, n, 'A', 'D'); break;
    case 5: if (n < 8) c.write(SHORT); else octets(c, a, 0, 8); break;
    case 6: case 9: case 10: case 14: c.write(n < 2 ? SHORT : `${a.valueU16(0)}`); break;
    case 7: case 8: case 22: case 21: case 23: case 30: case 37: text(c, a, 0, n); break;
    case 11: case 26: case 27: case 28: case 31: case 33: case 36: octets(c, a, 0, n); break;
    case 12:                                            // Q.931 cause code
      if (n < 3) { c.write(SHORT); break; }
      c.write(`${a.valueU16(0)}, ${a.valueByte(2).toString(16).padStart(2, '0')}`);
      if (n !== 3) { c.write(' '); text(c, a, 3, n - 3); }
      break;
    case 13: if (n < 16) c.write(SHORT); else octets(c, a, 0, 16); break;
    case 15: case 16: case 17: case 24: case 25: case 38: c.write(n < 4 ? SHORT : `${a.valueU32(0)}`); break;
    case 20: c.write('obsolete'); break;
    case 29: c.write(n < 2 ? SHORT : tokName(AUTH_TYPES, `AuthType-#${a.valueU16(0)}`, a.valueU16(0))); break;
    case 32: c.write(n < 2 ? SHORT : `${a.valueU16(0) & 0xff}`); break;
    case 34: {                                          // call errors: reserved, then six counters
      if (n < 2) { c.write(SHORT); break; }
      const names = ['CRCErr', 'FrameErr', 'HardOver', 'BufOver', 'Timeout', 'AlignErr'];
      let i = 2;
      for (const name of names) {
        if (n - i < 4) { c.write(SHORT); break; }
        c.write(`${name}=${a.valueU32(i)} `);
        i += 4;
      }
      break;
    }
    case 35: {                                          // ACCM: reserved, send, recv
      if (n < 2) { c.write(SHORT); break; }
      if (n - 2 < 4) { c.write(SHORT); break; }
      c.write(`send=${hex8(a.valueU32(2))} `);
      if (n - 6 < 4) { c.write(SHORT); break; }
      c.write(`recv=${hex8(a.valueU32(6))} `);
      break;
    }
    case 39: break;
    case 46: {                                          // PPP disconnect cause code
      if (n < 5) { c.write(SHORT); break; }
      c.write(`${hex4(a.valueU16(0))}, ${hex4(a.valueU16(2))} `);
      const dir = a.valueByte(4);
      c.write(tokName(CC_DIRECTIONS, `Direction-#${dir}`, dir));
      if (n !== 5) { c.write(' '); text(c, a, 5, n - 5); }
      break;
    }
  }
}
