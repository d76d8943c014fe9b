/** Zephyr (tcpdump's print-zephyr.c): the kind, the sender and what the notice asks, from its header fields. */
import type { PrintContext } from './context.js';
import type { Zephyr, ZephyrFields } from '../../decoders/zephyr.js';
import { safeChar } from './print-char.js';
import { tokName, type Tok } from './tok.js';

const KINDS: Tok = ['unsafe', 'unacked', 'acked', 'hm-ack', 'hm-ctl', 'serv-ack', 'serv-nak', 'client-ack', 'stat'].map((s, k) => [k, s] as const);
const SERVACK = 5;

/** fn_print_str: a C string, each byte as fn_print_char shows it. */
function str(s: string): string { let o = ''; for (let i = 0; i < s.length; i++) o += safeChar(s.charCodeAt(i)); return o; }
/** str_to_lower, into tcpdump's 256-byte buffer (255 characters kept). */
function lower(s: string): string {
  let o = '';
  for (let i = 0; i < s.length && i < 255; i++) { const ch = s.charCodeAt(i); o += String.fromCharCode(ch >= 0x41 && ch <= 0x5a ? ch + 32 : ch); }
  return o;
}
/** z_triple: `<class,inst,recipient>` (an empty recipient is `*`), into the same 256-byte buffer. */
function triple(cls: string, inst: string, recipient: string): string { return `<${cls},${inst},${recipient === '' ? '*' : recipient}>`.slice(0, 255); }

/** strtol(s, 0, 16) stored in an int: leading space and sign, an optional 0x, hex digits; out of range is LONG_MAX/LONG_MIN. */
function strtol16(s: string): number {
  let i = 0;
  while (i < s.length && ' \t\n\v\f\r'.includes(s[i]!)) i++;
  let neg = false;
  if (s[i] === '+' || s[i] === '-') { neg = s[i] === '-'; i++; }
  const hex = (ch: string | undefined): boolean => ch !== undefined && /[0-9a-fA-F]/.test(ch);
  if (s[i] === '0' && (s[i + 1] === 'x' || s[i + 1] === 'X') && hex(s[i + 2])) i += 2;
  const limit = 1n << 63n;
  let v = 0n;
  for (; hex(s[i]); i++) { v = v * 16n + BigInt(parseInt(s[i]!, 16)); if (v > limit) v = limit; }
  if (!neg && v >= limit) v = limit - 1n;
  return Number(BigInt.asIntN(32, neg ? -v : v));
}

/** A Zephyr notice of `length` bytes (the UDP payload). */
export function printZephyr(c: PrintContext, z: Zephyr, length: number): void {
  c.protocol = 'zephyr';
  const f = z.fields.start(z, length);
  const version = f.next();
  if (version === undefined) { c.invalid(); return; }
  if (!version.startsWith('ZEPH')) return;
  f.next();                                             // numfields
  const kindText = f.next();
  f.next();                                             // uid
  f.next(); f.next(); f.next(); f.next();               // port, auth, authlen, authdata
  const cls = f.next(), inst = f.next(), opcode = f.next(), sender = f.next();
  let recipient = f.next();
  f.next(); f.next(); f.next(); f.next();               // format, cksum, multi, multi_uid
  if (f.lost) { c.invalid(); return; }
  c.write(' zephyr');
  if (!version.slice(4).startsWith('0.2')) { c.write(` v${str(version.slice(4))}`); return; }
  const kind = strtol16(kindText!);
  c.write(` ${tokName(KINDS, `type ${kind}`, kind)}`);
  if (kind === SERVACK) {
    const ack = f.next();
    if (!f.lost && ack !== 'SENT') c.write(`/${str(lower(ack!))}`);
  }
  if (sender !== '') c.write(` ${str(sender!)}`);
  if (printClass(c, f, kind, cls!, inst!, opcode!)) return;
  if (recipient === '') recipient = '*';
  c.write(` to ${str(triple(cls!, inst!, recipient!))}`);
  if (opcode !== '') c.write(` op ${str(opcode!)}`);
}

/** What tcpdump prints for the classes it knows; false when the notice is printed as a plain message. */
function printClass(c: PrintContext, f: ZephyrFields, kind: number, cls: string, inst: string, opcode: string): boolean {
  switch (cls) {
    case 'USER_LOCATE':
      c.write(opcode === 'USER_HIDE' ? ' hide' : opcode === 'USER_UNHIDE' ? ' unhide' : ` locate ${str(inst)}`);
      return true;
    case 'ZEPHYR_ADMIN':
      c.write(` zephyr-admin ${str(lower(opcode))}`);
      return true;
    case 'ZEPHYR_CTL':
      if (inst === 'CLIENT') {
        if (opcode === 'SUBSCRIBE' || opcode === 'SUBSCRIBE_NODEFS' || opcode === 'UNSUBSCRIBE') {
          c.write(` ${opcode !== 'SUBSCRIBE' ? 'un' : ''}sub${opcode !== 'SUBSCRIBE_NODEFS' ? '' : '-nodefs'}`);
          if (kind !== SERVACK) {
            const sc = f.next(), si = f.next(), sr = f.next();
            if (!f.lost) c.write(` ${str(triple(sc!, si!, sr!))}`);
          }
          return true;
        }
        const named: Record<string, string> = { GIMME: ' ret', GIMMEDEFS: ' gimme-defs', CLEARSUB: ' clear-subs' };
        c.write(named[opcode] ?? ` ${str(lower(opcode))}`);
        return true;
      }
      if (inst === 'HM') { c.write(` ${str(lower(opcode))}`); return true; }
      if (inst === 'REALM') {
        const realm: Record<string, string> = {
          ADD_SUBSCRIBE: ' realm add-subs', REQ_SUBSCRIBE: ' realm req-subs', RLM_SUBSCRIBE: ' realm rlm-sub', RLM_UNSUBSCRIBE: ' realm rlm-unsub',
        };
        c.write(realm[opcode] ?? '');
        return true;
      }
      return false;
    case 'HM_CTL':
      c.write(` hm_ctl ${str(lower(inst))} ${str(lower(opcode))}`);
      return true;
    case 'HM_STAT':
      if (inst === 'HMST_CLIENT' && opcode === 'GIMMESTATS') { c.write(' get-client-stats'); return true; }
      return false;
    case 'WG_CTL':
      c.write(` wg_ctl ${str(lower(inst))} ${str(lower(opcode))}`);
      return true;
    case 'LOGIN':
      if (opcode === 'USER_FLUSH') { c.write(' flush_locs'); return true; }
      if (['NONE', 'OPSTAFF', 'REALM-VISIBLE', 'REALM-ANNOUNCED', 'NET-VISIBLE', 'NET-ANNOUNCED'].includes(opcode)) {
        c.write(` set-exposure ${str(lower(opcode))}`);
        return true;
      }
      return false;
  }
  return false;
}
