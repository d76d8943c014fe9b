/**
 * ISAKMP / IKEv1 / IKEv2 and RFC 3948 NAT traversal (tcpdump's print-isakmp.c), from the Isakmp
 * view and its payload, attribute and data sub-views. Positions are absolute indexes the walk
 * moves through as tcpdump's pointers do; `ep` is the captured end (tcpdump's snapend), and a
 * function returns the position after what it printed, or -1 (tcpdump's NULL: stop).
 */
import type { IpInfo, PrintContext } from './context.js';
import { printLayer } from './dispatch.js';
import { safeChar } from './print-char.js';
import {
  IKE_ATTRIBUTE_HEADER_LENGTH, IKE_CERT_LENGTH, IKE_DELETE_LENGTH, IKE_GENERIC_HEADER_LENGTH, IKE_ID_LENGTH,
  IKE_NOTIFY_LENGTH, IKE_PROPOSAL_LENGTH, IKE_SA_LENGTH, IKE_TRANSFORM_LENGTH, IKEV2_AUTH_LENGTH, IKEV2_KE_LENGTH,
  IKEV2_NOTIFY_LENGTH, IkePayloadType as T, type IkeNatT, type Isakmp, type IkePayload,
} from '../../decoders/isakmp.js';
import { Layer } from '../../decoders/layer.js';

const GEN = IKE_GENERIC_HEADER_LENGTH;

const numstr = (x: number): string => `#${x}`;
/** tcpdump's STR_OR_ID: the table's name, else `#N`. */
function strOrId(x: number, tab: readonly (string | null)[]): string { return (x < tab.length ? tab[x] : null) ?? numstr(x); }

const PROTOID: readonly (string | null)[] = [null, 'isakmp', 'ipsec-ah', 'ipsec-esp', 'ipcomp'];
const NP: readonly (string | null)[] = [
  'none', 'sa', 'p', 't', 'ke', 'id', 'cert', 'cr', 'hash', 'sig', 'nonce', 'n', 'd', 'vid',
  'pay14', 'pay15', 'pay16', 'pay17', 'pay18', 'pay19', 'pay20', 'pay21', 'pay22', 'pay23', 'pay24', 'pay25', 'pay26',
  'pay27', 'pay28', 'pay29', 'pay30', 'pay31', 'pay32',
  'v2sa', 'v2ke', 'v2IDi', 'v2IDr', 'v2cert', 'v2cr', 'v2auth', 'v2nonce', 'v2n', 'v2d', 'v2vid', 'v2TSi', 'v2TSr', 'v2e', 'v2cp', 'v2eap',
];
const np = (x: number): string => strOrId(x, NP);
const ETYPE: readonly (string | null)[] = (() => {
  const t: (string | null)[] = ['none', 'base', 'ident', 'auth', 'agg', 'inf'];
  while (t.length < 32) t.push(null);
  t.push('oakley-quick', 'oakley-newgroup', 'ikev2_init', 'ikev2_auth', 'child_sa', 'inf2');
  return t;
})();

const IKEV1_P: readonly (string | null)[] = [null, 'ike'];
const IKEV2_T_TYPE: readonly (string | null)[] = [null, 'encr', 'prf', 'integ', 'dh', 'esn'];
const AH_P: readonly (string | null)[] = [null, '(reserved)', 'md5', 'sha', '1des', 'sha2-256', 'sha2-384', 'sha2-512'];
const PRF_P: readonly (string | null)[] = [null, 'hmac-md5', 'hmac-sha', 'hmac-tiger', 'aes128_xcbc'];
const INTEG_P: readonly (string | null)[] = [null, 'hmac-md5', 'hmac-sha', 'dec-mac', 'kpdk-md5', 'aes-xcbc'];
const ESN_P: readonly (string | null)[] = ['no-esn', 'esn'];
const DH_P: readonly (string | null)[] = [null, 'modp768', 'modp1024', 'EC2N 2^155', 'EC2N 2^185', 'modp1536',
  'iana-grp06', 'iana-grp07', 'iana-grp08', 'iana-grp09', 'iana-grp10', 'iana-grp11', 'iana-grp12', 'iana-grp13',
  'modp2048', 'modp3072', 'modp4096', 'modp6144', 'modp8192'];
const ESP_P: readonly (string | null)[] = [null, '1des-iv64', '1des', '3des', 'rc5', 'idea', 'cast', 'blowfish', '3idea',
  '1des-iv32', 'rc4', 'null', 'aes'];
const IPCOMP_P: readonly (string | null)[] = [null, 'oui', 'deflate', 'lzs'];

/** tcpdump's struct attrmap: an attribute type's name and, for `nvalue` values, their names. */
interface AttrMap { readonly type: string | null; readonly nvalue: number; readonly value: readonly (string | null)[] }
const none: AttrMap = { type: null, nvalue: 0, value: [] };
const named = (type: string, nvalue = 0, value: readonly (string | null)[] = []): AttrMap => ({ type, nvalue, value });
const IPSEC_T: readonly AttrMap[] = [none, named('lifetype', 3, [null, 'sec', 'kb']), named('life'),
  named('group desc', 18, DH_P), named('enc mode', 3, [null, 'tunnel', 'transport']),
  named('auth', 5, [null, 'hmac-md5', 'hmac-sha1', '1des-mac', 'keyed']), named('keylen'), named('rounds'),
  named('dictsize'), named('privalg')];
const ENCR_T: readonly AttrMap[] = [...Array<AttrMap>(14).fill(none), named('keylen', 14)];
const OAKLEY_T: readonly AttrMap[] = [none,
  named('enc', 8, [null, '1des', 'idea', 'blowfish', 'rc5', '3des', 'cast', 'aes']),
  named('hash', 7, [null, 'md5', 'sha1', 'tiger', 'sha2-256', 'sha2-384', 'sha2-512']),
  named('auth', 6, [null, 'preshared', 'dss', 'rsa sig', 'rsa enc', 'rsa enc revised']),
  named('group desc', 18, DH_P), named('group type', 4, [null, 'MODP', 'ECP', 'EC2N']),
  named('group prime'), named('group gen1'), named('group gen2'), named('group curve A'), named('group curve B'),
  named('lifetype', 3, [null, 'sec', 'kb']), named('lifeduration'), named('prf'), named('keylen'), named('field'), named('order')];

const IPSEC_ID_TYPE: readonly (string | null)[] = [null, 'IPv4', 'FQDN', 'user FQDN', 'IPv4net', 'IPv6', 'IPv6net',
  'IPv4range', 'IPv6range', 'ASN1 DN', 'ASN1 GN', 'keyid'];
const CERT: readonly (string | null)[] = ['none', 'pkcs7', 'pgp', 'dns', 'x509sign', 'x509ke', 'kerberos', 'crl', 'arl', 'spki', 'x509attr'];
const NOTIFY_ERROR: readonly (string | null)[] = [null, 'INVALID-PAYLOAD-TYPE', 'DOI-NOT-SUPPORTED', 'SITUATION-NOT-SUPPORTED',
  'INVALID-COOKIE', 'INVALID-MAJOR-VERSION', 'INVALID-MINOR-VERSION', 'INVALID-EXCHANGE-TYPE', 'INVALID-FLAGS',
  'INVALID-MESSAGE-ID', 'INVALID-PROTOCOL-ID', 'INVALID-SPI', 'INVALID-TRANSFORM-ID', 'ATTRIBUTES-NOT-SUPPORTED',
  'NO-PROPOSAL-CHOSEN', 'BAD-PROPOSAL-SYNTAX', 'PAYLOAD-MALFORMED', 'INVALID-KEY-INFORMATION', 'INVALID-ID-INFORMATION',
  'INVALID-CERT-ENCODING', 'INVALID-CERTIFICATE', 'CERT-TYPE-UNSUPPORTED', 'INVALID-CERT-AUTHORITY',
  'INVALID-HASH-INFORMATION', 'AUTHENTICATION-FAILED', 'INVALID-SIGNATURE', 'ADDRESS-NOTIFICATION', 'NOTIFY-SA-LIFETIME',
  'CERTIFICATE-UNAVAILABLE', 'UNSUPPORTED-EXCHANGE-TYPE', 'UNEQUAL-PAYLOAD-LENGTHS'];
const IPSEC_NOTIFY_ERROR: readonly (string | null)[] = ['RESERVED'];
const NOTIFY_STATUS: readonly (string | null)[] = ['CONNECTED'];
const IPSEC_NOTIFY_STATUS: readonly (string | null)[] = ['RESPONDER-LIFETIME', 'REPLAY-STATUS', 'INITIAL-CONTACT'];
const V2_AUTH: readonly (string | null)[] = ['invalid', 'rsasig', 'shared-secret', 'dsssig'];
/** IKEv2 notify types: name, and whether tcpdump shows the SPI / some of the data. */
const V2_NOTIFY = new Map<number, readonly [string, boolean, boolean]>([
  [1, ['unsupported_critical_payload', false, false]], [4, ['invalid_ike_spi', true, false]],
  [5, ['invalid_major_version', false, false]], [7, ['invalid_syntax', true, false]], [9, ['invalid_message_id', true, false]],
  [11, ['invalid_spi', true, false]], [14, ['no_protocol_chosen', true, false]], [17, ['invalid_ke_payload', true, false]],
  [24, ['authentication_failed', true, false]], [34, ['single_pair_required', true, false]],
  [35, ['no_additional_sas', false, false]], [36, ['internal_address_failure', false, false]],
  [37, ['failed:cp_required', false, false]], [39, ['invalid_selectors', false, false]],
  [16384, ['initial_contact', false, false]], [16385, ['set_window_size', false, false]],
  [16386, ['additional_ts_possible', false, false]], [16387, ['ipcomp_supported', false, false]],
  [16388, ['nat_detection_source_ip', true, false]], [16389, ['nat_detection_destination_ip', true, false]],
  [16390, ['cookie', true, true]], [16391, ['use_transport_mode', false, false]],
  [16392, ['http_cert_lookup_supported', false, false]], [16393, ['rekey_sa', true, false]],
  [16394, ['tfc_padding_not_supported', false, false]], [16395, ['non_first_fragment_also', false, false]],
]);

/**
 * tcpdump's cookie cache (MAXINITIATORS = 20 entries, a ring): the initiator cookies seen in an
 * exchange's first message and the addresses they came from and went to, so later messages show
 * I or R. State across packets, one per printing context.
 */
class CookieCache {
  readonly cookies: string[] = new Array<string>(20).fill('');
  readonly versions: number[] = new Array<number>(20).fill(0);
  readonly iaddr: string[] = new Array<string>(20).fill('');
  readonly raddr: string[] = new Array<string>(20).fill('');
  next = 0;
  find(cookie: string): number {
    // An empty slot holds tcpdump's all-zero cookie.
    for (let i = 0; i < 20; i++) if ((this.cookies[i] === '' ? '0000000000000000' : this.cookies[i]) === cookie) return i;
    return -1;
  }
  record(cookie: string, ip: IpInfo): void {
    const i = this.find(cookie);
    if (i >= 0) { this.next = (i + 1) % 20; return; }
    const n = this.next;
    this.versions[n] = ip.version; this.iaddr[n] = ip.src; this.raddr[n] = ip.dst; this.cookies[n] = cookie;
    this.next = (n + 1) % 20;
  }
  side(i: number, ip: IpInfo, initiator: boolean): boolean {
    if (this.versions[i] !== ip.version) return false;
    return ip.src === (initiator ? this.iaddr[i] : this.raddr[i]);
  }
}
const caches = new WeakMap<PrintContext, CookieCache>();

/** UDP port 4500 (isakmp_rfc3948_print): keepalive, IKE after a non-ESP marker, or ESP. */
export function printIkeNatT(c: PrintContext, v: IkeNatT, length: number): void {
  c.protocol = 'isakmp_rfc3948';
  if (length === 1 && v.firstByte === 0xff) { c.write('isakmp-nat-keep-alive'); return; }
  if (length < 4) { c.truncMark(); return; }
  if (v.marker === 0) {
    c.write('NONESP-encap: ');
    printLayer(c, Layer.Isakmp, v.ikeOffset, length - 4);
    return;
  }
  c.write('UDP-encap: ');
  printLayer(c, Layer.Esp, v.off, length);
}

/** An ISAKMP message of `length` bytes (isakmp_print). */
export function printIsakmp(c: PrintContext, v: Isakmp, length: number): void {
  c.protocol = 'isakmp';
  const ep = c.end;
  if (ep < v.firstPayloadOffset) { c.truncMark(); return; }
  c.write('isakmp');
  const major = v.majorVersion, minor = v.minorVersion;
  const vflag = c.o.verbose;
  if (vflag) c.write(` ${major}.${minor}`);
  if (vflag) c.write(` msgid ${v.messageIdHex}`);
  if (vflag > 1) c.write(` cookie ${v.initiatorCookie}->${v.responderCookie}`);
  c.write(':');
  if (major === 1) printV1(c, v, length, ep);
  else if (major === 2) printV2(c, v, length, ep);
}

function printV1(c: PrintContext, v: Isakmp, length: number, ep: number): void {
  const phase = v.messageId === 0 ? 1 : 2;
  c.write(phase === 1 ? ' phase 1' : ' phase 2/others');
  let cache = caches.get(c);
  if (cache === undefined) { cache = new CookieCache(); caches.set(c, cache); }
  const cookie = v.initiatorCookie;
  const i = cache.find(cookie);
  if (i < 0) {
    if (v.responderCookieZero) {
      c.write(' I');
      if (c.ip.version === 4 || c.ip.version === 6) cache.record(cookie, c.ip);
    } else c.write(' ?');
  } else if (cache.side(i, c.ip, true)) c.write(' I');
  else if (cache.side(i, c.ip, false)) c.write(' R');
  else c.write(' ?');
  c.write(` ${strOrId(v.exchangeType, ETYPE)}`);
  const flags = v.flags;
  if (flags) c.write(`[${flags & 1 ? 'E' : ''}${flags & 2 ? 'C' : ''}]`);
  if (c.o.verbose) {
    c.write(':');
    const first = v.nextPayload;
    if (flags & 1) c.write(` [encrypted ${np(first)}]`);
    else v1Sub(c, v, first, v.firstPayloadOffset, ep, phase, 0, 0, 0);
    lengthCheck(c, v, length);
  }
}

function printV2(c: PrintContext, v: Isakmp, length: number, ep: number): void {
  const phase = v.messageId === 0 ? 1 : 2;
  c.write(phase === 1 ? ' parent_sa' : ' child_sa ');
  c.write(` ${strOrId(v.exchangeType, ETYPE)}`);
  const flags = v.flags;
  if (flags) c.write(`[${flags & 0x08 ? 'I' : ''}${flags & 0x10 ? 'V' : ''}${flags & 0x20 ? 'R' : ''}]`);
  if (c.o.verbose) {
    c.write(':');
    const first = v.nextPayload;
    if (flags & 1) c.write(` [encrypted ${np(first)}]`);
    else subPrint(c, v, first, v.firstPayloadOffset, ep, phase, 0, 0, 0, true);
    lengthCheck(c, v, length);
  }
}

function lengthCheck(c: PrintContext, v: Isakmp, length: number): void {
  const stated = v.messageLength;
  if (stated !== length) c.write(` (len mismatch: isakmp ${stated}/ip ${length})`);
}

/** The payload sub-view pointed at `at`, readable to `ep`. */
function pl(v: Isakmp, at: number, ep: number): IkePayload { return v.item.point(at, ep); }

/** rawprint: `n` bytes at `at` in hex; false (nothing written) when they were not all captured. */
function raw(c: PrintContext, v: Isakmp, at: number, n: number, ep: number): boolean {
  const d = v.data.point(at, ep);
  if (!d.hexCaptured(0, n)) return false;
  c.write(d.hex(0, n));
  return true;
}

/** ike_show_somedata: the first 10 and the last 20 bytes up to `ep`. */
function someData(c: PrintContext, v: Isakmp, at: number, ep: number): boolean {
  let end = ep - 20, elen = 20, len = ep - at;
  if (len > 10) len = 10;
  if (end < at + len) { end = at + len; elen = ep - end; }
  c.write(' data=(');
  if (!raw(c, v, at, len, ep)) return false;
  c.write('...');
  if (elen && !raw(c, v, end, elen, ep)) return false;
  c.write(')');
  return true;
}

function indent(c: PrintContext, depth: number): void {
  c.write('\n');
  for (let i = 0; i < depth; i++) c.write('    ');
  c.write('(');
}

/**
 * ikev1_sub_print / ikev2_sub_print: the chain from `at`, the first payload of type `t` (IKEv2's
 * chains handle the encrypted payload themselves).
 */
function subPrint(c: PrintContext, v: Isakmp, t: number, at: number, ep: number, phase: number, doi: number, proto: number,
  depth: number, v2: boolean): number {
  let cp = at, ext = at;
  while (t) {
    let g = pl(v, ext, ep);
    if (!g.has(GEN) || !g.has(g.payloadLength)) { c.write(` [|${np(t)}]`); return -1; }
    indent(c, depth + 1);
    cp = sub0(c, v, t, ext, ep, phase, doi, proto, depth + 1, v2);
    c.write(')');
    if (cp < 0) return -1;
    g = pl(v, ext, ep);
    t = g.nextPayload;
    ext = cp;
  }
  return cp;
}
const v1Sub = (c: PrintContext, v: Isakmp, t: number, at: number, ep: number, phase: number, doi: number, proto: number, depth: number): number =>
  subPrint(c, v, t, at, ep, phase, doi, proto, depth, false);

/** ike_sub0_print / ikev2_sub0_print: one payload of type `t` at `ext` by its printer. */
function sub0(c: PrintContext, v: Isakmp, t: number, ext: number, ep: number, phase: number, doi: number, proto: number,
  depth: number, v2: boolean): number {
  const g = pl(v, ext, ep);
  if (!g.has(GEN)) { c.truncMark(); return -1; }
  const itemLen = g.payloadLength;
  if (itemLen <= 4) return -1;
  if (v2 && t === T.V2Encrypted) return v2Encrypted(c, v, t, ext, itemLen, ep);
  switch (t) {
    case T.Sa: return v1Sa(c, v, ext, ep, phase, proto, depth);
    case T.Proposal: return v1Proposal(c, v, ext, ep, phase, doi, depth);
    case T.Transform: return v1Transform(c, v, ext, itemLen, ep, proto);
    case T.Ke: return v1Data(c, v, 'ke', ' key len=', ext, itemLen, ep);
    case T.Id: return v1Id(c, v, ext, itemLen, ep, phase);
    case T.Cert: case T.Cr: return v1Cert(c, v, t, ext, itemLen, ep);
    case T.Hash: return v1Data(c, v, 'hash', ' len=', ext, itemLen, ep);
    case T.Sig: return v1Data(c, v, 'sig', ' len=', ext, itemLen, ep);
    case T.Nonce: return v1Nonce(c, v, ext, itemLen, ep);
    case T.Notify: return v1Notify(c, v, ext, itemLen, ep);
    case T.Delete: return v1Delete(c, v, ext, ep);
    case T.Vid: return v1Data(c, v, 'vid', ' len=', ext, itemLen, ep);
    case T.V2Sa: return v2Sa(c, v, t, ext, ep, depth);
    case T.V2Ke: return v2Ke(c, v, t, ext, itemLen, ep);
    case T.V2IdI: case T.V2IdR: return v2Id(c, v, t, ext, itemLen, ep);
    case T.V2Auth: return v2Auth(c, v, t, ext, itemLen, ep);
    case T.V2Nonce: return v2Nonce(c, v, t, ext, itemLen, ep);
    case T.V2Notify: return v2Notify(c, v, ext, itemLen, ep);
    case T.V2Vid: return v2Vid(c, v, t, ext, itemLen, ep);
    case T.V2Cert: case T.V2Cr: case T.V2Delete: case T.V2TsI: case T.V2TsR: case T.V2Cp: case T.V2Eap:
      return v2Generic(c, v, t, ext, itemLen, ep);
    default:
      c.write(np(t));
      return ext + itemLen;
  }
}

function v1Sa(c: PrintContext, v: Isakmp, ext: number, ep: number, phase: number, proto0: number, depth: number): number {
  c.write('sa:');
  const g = pl(v, ext, ep);
  if (!g.has(IKE_SA_LENGTH)) { c.write(' [|sa]'); return -1; }
  const doi = g.doi, sit = g.situation;
  if (doi !== 1) { c.write(` doi=${doi} situation=${sit}`); return ext + IKE_SA_LENGTH; }
  c.write(' doi=ipsec situation=');
  let t = 0;
  if (sit & 1) { c.write('identity'); t++; }
  if (sit & 2) { c.write(`${t ? '+' : ''}secrecy`); t++; }
  if (sit & 4) c.write(`${t ? '+' : ''}integrity`);
  let next = ext + IKE_SA_LENGTH;
  if (sit !== 1) { c.write(` ident=${g.situationIdent}`); next += 4; }
  if (!pl(v, next, ep).has(GEN)) { c.write(' [|sa]'); return -1; }
  return v1Sub(c, v, T.Proposal, next, ep, phase, doi, proto0, depth);
}

function v1Proposal(c: PrintContext, v: Isakmp, ext: number, ep: number, phase: number, doi0: number, depth: number): number {
  c.write('p:');
  const g = pl(v, ext, ep);
  if (!g.has(IKE_PROPOSAL_LENGTH)) { c.write(' [|p]'); return -1; }
  const protoId = g.protocolId;
  c.write(` #${g.proposalNumber} protoid=${strOrId(protoId, PROTOID)} transform=${g.transformCount}`);
  const spiSize = g.spiSize;
  if (spiSize) {
    c.write(' spi=');
    if (!raw(c, v, ext + IKE_PROPOSAL_LENGTH, spiSize, ep)) { c.write(' [|p]'); return -1; }
  }
  const next = ext + IKE_PROPOSAL_LENGTH + spiSize;
  if (!pl(v, next, ep).has(GEN)) { c.write(' [|p]'); return -1; }
  return v1Sub(c, v, T.Transform, next, ep, phase, doi0, protoId, depth);
}

/** The attributes of a transform from `cp` to its end `ep2` (or the capture's); -1 when one was cut. */
function attributes(c: PrintContext, v: Isakmp, cp: number, ep2: number, ep: number, map: readonly AttrMap[] | undefined): number {
  while (cp < ep && cp < ep2) {
    cp = map !== undefined ? attrMapPrint(c, v, cp, ep2, ep, map) : attrPrint(c, v, cp, ep2, ep);
    if (cp < 0) return -1;
  }
  return cp;
}

/** ikev1_attrmap_print: an attribute with names from `map`. */
function attrMapPrint(c: PrintContext, v: Isakmp, at: number, ep2: number, ep: number, map: readonly AttrMap[]): number {
  const a = v.attribute.point(at, ep);
  const totlen = a.shortForm ? IKE_ATTRIBUTE_HEADER_LENGTH : IKE_ATTRIBUTE_HEADER_LENGTH + a.lengthOrValue;
  if (ep2 < at + totlen) { c.write('[|attr]'); return ep2 + 1; }
  c.write('(');
  const t = a.type;
  const m = t < map.length ? map[t]! : undefined;
  c.write(m?.type != null ? `type=${m.type} ` : `type=#${t} `);
  if (a.shortForm) {
    c.write('value=');
    const val = a.lengthOrValue;
    const name = m !== undefined && val < m.nvalue ? m.value[val] : undefined;
    if (name != null) c.write(name);
    else if (!a.hexCaptured(2, 2)) { c.write(')'); return -1; }
    else c.write(a.hex(2, 2));
  } else {
    c.write(`len=${totlen - 4} value=`);
    if (!a.hexCaptured(IKE_ATTRIBUTE_HEADER_LENGTH, totlen - 4)) { c.write(')'); return -1; }
    c.write(a.hex(IKE_ATTRIBUTE_HEADER_LENGTH, totlen - 4));
  }
  c.write(')');
  return at + totlen;
}

/** ikev1_attr_print: an attribute without names. */
function attrPrint(c: PrintContext, v: Isakmp, at: number, ep2: number, ep: number): number {
  const a = v.attribute.point(at, ep);
  const totlen = a.shortForm ? IKE_ATTRIBUTE_HEADER_LENGTH : IKE_ATTRIBUTE_HEADER_LENGTH + a.lengthOrValue;
  if (ep2 < at + totlen) { c.write('[|attr]'); return ep2 + 1; }
  c.write(`(type=#${a.type} `);
  if (a.shortForm) {
    c.write('value=');
    void a.valueFirstByte;
    if (!a.hexCaptured(2, 2)) { c.write(')'); return -1; }
    c.write(a.hex(2, 2));
  } else {
    c.write(`len=${totlen - 4} value=`);
    if (!a.hexCaptured(IKE_ATTRIBUTE_HEADER_LENGTH, totlen - 4)) { c.write(')'); return -1; }
    c.write(a.hex(IKE_ATTRIBUTE_HEADER_LENGTH, totlen - 4));
  }
  c.write(')');
  return at + totlen;
}

function v1Transform(c: PrintContext, v: Isakmp, ext: number, itemLen: number, ep: number, proto: number): number {
  c.write('t:');
  const g = pl(v, ext, ep);
  if (!g.has(IKE_TRANSFORM_LENGTH)) { c.write(' [|t]'); return -1; }
  let idstr: string | undefined, map: readonly AttrMap[] | undefined;
  switch (proto) {
    case 1: idstr = strOrId(g.transformId, IKEV1_P); map = OAKLEY_T; break;
    case 2: idstr = strOrId(g.transformId, AH_P); map = IPSEC_T; break;
    case 3: idstr = strOrId(g.transformId, ESP_P); map = IPSEC_T; break;
    case 4: idstr = strOrId(g.transformId, IPCOMP_P); map = IPSEC_T; break;
  }
  c.write(` #${g.transformNumber} id=${idstr ?? g.transformId} `);
  const ep2 = ext + itemLen;
  const cp = attributes(c, v, ext + IKE_TRANSFORM_LENGTH, ep2, ep, map);
  if (cp < 0) { c.write(' [|t]'); return -1; }
  if (ep < ep2) c.write('...');
  return cp;
}

/** ke, hash, sig and vid (v1): the length, and with -vvv the data in hex. */
function v1Data(c: PrintContext, v: Isakmp, name: string, label: string, ext: number, itemLen: number, ep: number): number {
  c.write(`${name}:`);
  if (!pl(v, ext, ep).has(GEN)) { c.write(` [|${name}]`); return -1; }
  c.write(`${label}${itemLen - 4}`);
  if (c.o.verbose > 2 && itemLen > 4) {
    c.write(' ');
    if (!raw(c, v, ext + GEN, itemLen - 4, ep)) { c.write(` [|${name}]`); return -1; }
  }
  return ext + itemLen;
}

function v1Cert(c: PrintContext, v: Isakmp, t: number, ext: number, itemLen: number, ep: number): number {
  const name = np(t);
  c.write(`${name}:`);
  const g = pl(v, ext, ep);
  if (!g.has(IKE_CERT_LENGTH)) { c.write(` [|${name}]`); return -1; }
  c.write(` len=${itemLen - 4} type=${strOrId(g.certEncoding, CERT)}`);
  if (c.o.verbose > 2 && itemLen > 4) {
    c.write(' ');
    if (!raw(c, v, ext + GEN, itemLen - 4, ep)) { c.write(` [|${name}]`); return -1; }
  }
  return ext + itemLen;
}

function v1Nonce(c: PrintContext, v: Isakmp, ext: number, itemLen: number, ep: number): number {
  c.write('nonce:');
  if (!pl(v, ext, ep).has(GEN)) { c.write(' [|nonce]'); return -1; }
  c.write(` n len=${itemLen - 4}`);
  if (itemLen > 4) {
    if (c.o.verbose > 2) {
      c.write(' ');
      if (!raw(c, v, ext + GEN, itemLen - 4, ep)) { c.write(' [|nonce]'); return -1; }
    } else if (c.o.verbose > 1) {
      c.write(' ');
      if (!someData(c, v, ext + GEN, ep)) { c.write(' [|nonce]'); return -1; }
    }
  }
  return ext + itemLen;
}

function v1Id(c: PrintContext, v: Isakmp, ext: number, itemLen: number, ep: number, phase: number): number {
  c.write('id:');
  const g = pl(v, ext, ep);
  if (!g.has(IKE_ID_LENGTH)) { c.write(' [|id]'); return -1; }
  const data = IKE_ID_LENGTH < itemLen ? ext + IKE_ID_LENGTH : -1;
  let len = IKE_ID_LENGTH < itemLen ? itemLen - IKE_ID_LENGTH : 0;
  if (phase !== 1 && phase !== 2) {
    c.write(` idtype=${strOrId(g.idType, ['IPv4', 'IPv4net', 'IPv6', 'IPv6net'])} doi_data=${g.idDoiData}`);
  } else {
    const type = g.idType;
    c.write(` idtype=${strOrId(type, IPSEC_ID_TYPE)} protoid=${g.idProtocol} port=${g.idPort}`);
    if (len) {
      if (data < 0 || !g.hexCaptured(IKE_ID_LENGTH, len)) { c.write(' [|id]'); return -1; }
      const d = v.data.point(data, ep);
      switch (type) {
        case 1: c.write(len < 4 ? ` len=${len} [bad: < 4]` : ` len=${len} ${d.ipv4(0)}`); len = 0; break;
        case 2: case 3:
          c.write(` len=${len} `);
          for (let i = 0; i < len; i++) c.write(safeChar(d.byte(i)));
          len = 0;
          break;
        case 4:
          c.write(len < 8 ? ` len=${len} [bad: < 8]` : ` len=${len} ${d.ipv4(0)}/${d.byte(4)}.${d.byte(5)}.${d.byte(6)}.${d.byte(7)}`);
          len = 0;
          break;
        case 5: c.write(len < 16 ? ` len=${len} [bad: < 16]` : ` len=${len} ${d.ipv6(0)}`); len = 0; break;
        case 6: c.write(len < 32 ? ` len=${len} [bad: < 32]` : ` len=${len} ${d.ipv6(0)}/0x${d.hex(16, 16)}`); len = 0; break;
        case 7: c.write(len < 8 ? ` len=${len} [bad: < 8]` : ` len=${len} ${d.ipv4(0)}-${d.ipv4(4)}`); len = 0; break;
        case 8: c.write(len < 32 ? ` len=${len} [bad: < 32]` : ` len=${len} ${d.ipv6(0)}-${d.ipv6(16)}`); len = 0; break;
      }
    }
  }
  if (data >= 0 && len) {
    c.write(` len=${len}`);
    if (c.o.verbose > 2) {
      c.write(' ');
      if (!raw(c, v, data, len, ep)) { c.write(' [|id]'); return -1; }
    }
  }
  return ext + itemLen;
}

function v1NotifyTypeName(doiIpsec: boolean, type: number): string {
  if (type < 8192) return strOrId(type, NOTIFY_ERROR);
  if (type < 16384) return doiIpsec ? strOrId(type - 8192, IPSEC_NOTIFY_ERROR) : numstr(type);
  if (type < 24576) return strOrId(type - 16384, NOTIFY_STATUS);
  if (doiIpsec && type < 32768) return strOrId(type - 24576, IPSEC_NOTIFY_STATUS);
  return numstr(type);
}

function v1Notify(c: PrintContext, v: Isakmp, ext: number, itemLen: number, ep: number): number {
  c.write('n:');
  let g = pl(v, ext, ep);
  if (!g.has(IKE_NOTIFY_LENGTH)) { c.write(' [|n]'); return -1; }
  const doi = g.notifyDoi, proto = g.notifyProtocol;
  if (doi !== 1) {
    c.write(` doi=${doi} proto=${proto}`);
    c.write(` type=${v1NotifyTypeName(false, g.notifyType)}`);
    const spiSize = g.notifySpiSize;
    if (spiSize) {
      c.write(' spi=');
      if (!raw(c, v, ext + IKE_NOTIFY_LENGTH, spiSize, ep)) { c.write(' [|n]'); return -1; }
    }
    return ext + IKE_NOTIFY_LENGTH + spiSize;
  }
  c.write(` doi=ipsec proto=${strOrId(proto, PROTOID)}`);
  const type = g.notifyType;
  c.write(` type=${v1NotifyTypeName(true, type)}`);
  const spiSize = g.notifySpiSize;
  if (spiSize) {
    c.write(' spi=');
    if (!raw(c, v, ext + IKE_NOTIFY_LENGTH, spiSize, ep)) { c.write(' [|n]'); return -1; }
  }
  let cp = ext + IKE_NOTIFY_LENGTH + spiSize;
  const ep2 = ext + itemLen;
  if (cp < ep) {
    switch (type) {
      case 24576:                                     // RESPONDER-LIFETIME
        c.write(' attrs=(');
        while (cp < ep && cp < ep2) {
          cp = attrMapPrint(c, v, cp, ep2, ep, OAKLEY_T);
          if (cp < 0) { c.write(') [|n]'); return -1; }
        }
        c.write(')');
        break;
      case 24577:                                     // REPLAY-STATUS
        c.write(' status=(');
        g = pl(v, cp, ep);
        c.write(`replay detection ${g.word(0) ? 'en' : 'dis'}abled)`);
        break;
      default:
        if (c.o.verbose > 3) {
          c.write(' data=(');
          if (!raw(c, v, cp, ep - cp, ep)) { c.write(' [|n]'); return -1; }
          c.write(')');
        } else if (!someData(c, v, cp, ep)) { c.write(' [|n]'); return -1; }
    }
  }
  return ext + itemLen;
}

function v1Delete(c: PrintContext, v: Isakmp, ext: number, ep: number): number {
  c.write('d:');
  const g = pl(v, ext, ep);
  if (!g.has(IKE_DELETE_LENGTH)) { c.write(' [|d]'); return -1; }
  const doi = g.doi, proto = g.deleteProtocol;
  c.write(doi !== 1 ? ` doi=${doi} proto=${proto}` : ` doi=ipsec proto=${strOrId(proto, PROTOID)}`);
  const spiSize = g.deleteSpiSize;
  c.write(` spilen=${spiSize}`);
  const n = g.deleteSpiCount;
  c.write(` nspi=${n} spi=`);
  let q = ext + IKE_DELETE_LENGTH;
  for (let i = 0; i < n; i++) {
    if (i !== 0) c.write(',');
    if (!raw(c, v, q, spiSize, ep)) { c.write(' [|d]'); return -1; }
    q += spiSize;
  }
  return q;
}

// IKEv2 (RFC 4306 / 7296)

function payName(c: PrintContext, name: string, critical: number): void { c.write(`${name}${critical & 0x80 ? '[C]' : ''}:`); }

/**
 * What ikev2_gen_print and ikev2_ID_print start with: the fixed part (`fixed` bytes) captured, the
 * name, the length and, with -vvv, the body in hex. False when cut short (the mark written).
 */
function v2Head(c: PrintContext, v: Isakmp, t: number, ext: number, itemLen: number, ep: number, fixed: number): boolean {
  const g = pl(v, ext, ep);
  if (!g.has(fixed)) { c.write(` [|${np(t)}]`); return false; }
  payName(c, np(t), g.critical);
  c.write(` len=${itemLen - 4}`);
  if (c.o.verbose > 2 && itemLen > 4) {
    c.write(' ');
    if (!raw(c, v, ext + GEN, itemLen - 4, ep)) { c.write(` [|${np(t)}]`); return false; }
  }
  return true;
}

/** ikev2_gen_print: cert, cr, d, TSi/TSr, cp, eap. */
function v2Generic(c: PrintContext, v: Isakmp, t: number, ext: number, itemLen: number, ep: number): number {
  return v2Head(c, v, t, ext, itemLen, ep, GEN) ? ext + itemLen : -1;
}

function v2Transform(c: PrintContext, v: Isakmp, tcount: number, ext: number, itemLen: number, ep: number): number {
  const g = pl(v, ext, ep);
  if (!g.has(IKE_TRANSFORM_LENGTH)) { c.write(' [|t]'); return -1; }
  payName(c, 't', g.critical);
  const tId = g.v2TransformId, tType = g.v2TransformType;
  let idstr: string | undefined, map: readonly AttrMap[] | undefined;
  switch (tType) {
    case 1: idstr = strOrId(tId, ESP_P); map = ENCR_T; break;
    case 2: idstr = strOrId(tId, PRF_P); break;
    case 3: idstr = strOrId(tId, INTEG_P); break;
    case 4: idstr = strOrId(tId, DH_P); break;
    case 5: idstr = strOrId(tId, ESN_P); break;
  }
  c.write(` #${tcount} type=${strOrId(tType, IKEV2_T_TYPE)} id=${idstr ?? tId} `);
  const ep2 = ext + itemLen;
  const cp = attributes(c, v, ext + IKE_TRANSFORM_LENGTH, ep2, ep, map);
  if (cp < 0) { c.write(' [|t]'); return -1; }
  if (ep < ep2) c.write('...');
  return cp;
}

/** ikev2_sa_print's and ikev2_p_print's loop over substructures of type `first`, in `avail` bytes from `cp`. */
function v2Items(c: PrintContext, v: Isakmp, first: number, cp: number, avail: number, ep: number, depth: number, name: string): number {
  let t = first, count = 0;
  while (t !== 0) {
    count++;
    const ext = cp;
    let g = pl(v, ext, ep);
    if (avail < GEN) { c.write(` [|${name}]`); return cp + avail; }
    if (!g.has(GEN)) { c.write(` [|${name}]`); return -1; }
    const itemLen = g.payloadLength;
    if (itemLen <= 4) { c.write(` [|${name}]`); return -1; }
    if (avail < itemLen) { c.write(` [|${name}]`); return cp + avail; }
    if (!g.has(itemLen)) { c.write(` [|${name}]`); return -1; }
    indent(c, depth + 1);
    if (t === first) {
      cp = first === T.Proposal ? v2Proposal(c, v, ext, itemLen, ep, depth + 1) : v2Transform(c, v, count, ext, itemLen, ep);
      if (cp < 0) return -1;
    } else {
      c.write(np(t));
      cp += itemLen;
    }
    c.write(')');
    avail -= itemLen;
    g = pl(v, ext, ep);
    t = g.nextPayload;
  }
  return cp;
}

function v2Proposal(c: PrintContext, v: Isakmp, ext: number, oLength: number, ep: number, depth: number): number {
  const g = pl(v, ext, ep);
  if (!g.has(IKE_PROPOSAL_LENGTH)) { c.write(' [|p]'); return -1; }
  payName(c, 'p', g.critical);
  // tcpdump takes only the generic header off the proposal's length, not the 4 bytes after it.
  let avail = oLength - 4;
  c.write(` #${g.proposalNumber} protoid=${strOrId(g.protocolId, PROTOID)} transform=${g.transformCount} len=${oLength}`);
  let cp = ext + IKE_PROPOSAL_LENGTH;
  const spiSize = g.spiSize;
  if (spiSize) {
    if (avail < spiSize) { c.write(' [|p]'); return cp + avail; }
    c.write(' spi=');
    if (!raw(c, v, cp, spiSize, ep)) { c.write(' [|p]'); return -1; }
    cp += spiSize;
    avail -= spiSize;
  }
  return v2Items(c, v, T.Transform, cp, avail, ep, depth, 'p');
}

function v2Sa(c: PrintContext, v: Isakmp, t: number, ext: number, ep: number, depth: number): number {
  const g = pl(v, ext, ep);
  if (!g.has(GEN)) { c.write(` [|${np(t)}]`); return -1; }
  payName(c, 'sa', g.critical);
  const saLength = g.payloadLength - 4;
  c.write(` len=${saLength}`);
  return v2Items(c, v, T.Proposal, ext + GEN, saLength, ep, depth, np(t));
}

function v2Ke(c: PrintContext, v: Isakmp, t: number, ext: number, itemLen: number, ep: number): number {
  const g = pl(v, ext, ep);
  if (!g.has(IKEV2_KE_LENGTH)) { c.write(` [|${np(t)}]`); return -1; }
  payName(c, np(t), g.critical);
  if (itemLen < 8) { c.write(` len=${itemLen} < 8`); return ext + itemLen; }
  c.write(` len=${itemLen - 8} group=${strOrId(g.keGroup, DH_P)}`);
  if (c.o.verbose > 2 && itemLen > 8) {
    c.write(' ');
    if (!raw(c, v, ext + IKEV2_KE_LENGTH, itemLen - 8, ep)) { c.write(` [|${np(t)}]`); return -1; }
  }
  return ext + itemLen;
}

/** Printable ASCII, else a dot (IKEv2 identities and vendor IDs). */
function ascii(c: PrintContext, v: Isakmp, at: number, n: number, ep: number): void {
  const d = v.data.point(at, ep);
  for (let i = 0; i < n; i++) {
    const ch = d.byte(i);
    c.write(ch >= 0x20 && ch < 0x7f ? String.fromCharCode(ch) : '.');
  }
}

function v2Id(c: PrintContext, v: Isakmp, t: number, ext: number, itemLen: number, ep: number): number {
  if (!v2Head(c, v, t, ext, itemLen, ep, IKE_ID_LENGTH)) return -1;
  const g = pl(v, ext, ep);
  // Unsigned in tcpdump: an item shorter than the ID header is a huge length, never captured.
  const n = itemLen - IKE_ID_LENGTH;
  const at = ext + IKE_ID_LENGTH;
  let text = false, hexed = false;
  switch (g.v2IdType) {
    case 1: c.write(' ipv4:'); hexed = true; break;
    case 2: c.write(' fqdn:'); text = true; break;
    case 3: c.write(' rfc822:'); text = true; break;
    case 5: c.write(' ipv6:'); hexed = true; break;
    case 9: c.write(' dn:'); hexed = true; break;
    case 10: c.write(' gn:'); hexed = true; break;
    case 11: c.write(' keyid:'); hexed = true; break;
  }
  if (text) {
    if (!v.data.point(at, ep).hexCaptured(0, n)) { c.write(` [|${np(t)}]`); return -1; }
    ascii(c, v, at, n, ep);
  }
  if (hexed && !raw(c, v, at, n, ep)) { c.write(` [|${np(t)}]`); return -1; }
  return ext + itemLen;
}

function v2Auth(c: PrintContext, v: Isakmp, t: number, ext: number, itemLen: number, ep: number): number {
  const g = pl(v, ext, ep);
  if (!g.has(IKEV2_AUTH_LENGTH)) { c.write(` [|${np(t)}]`); return -1; }
  payName(c, np(t), g.critical);
  c.write(` len=${itemLen - 4} method=${strOrId(g.authMethod, V2_AUTH)}`);
  if (itemLen > 4) {
    const at = ext + IKEV2_AUTH_LENGTH;
    if (c.o.verbose > 1) {
      c.write(' authdata=(');
      if (!raw(c, v, at, itemLen - IKEV2_AUTH_LENGTH, ep)) { c.write(` [|${np(t)}]`); return -1; }
      c.write(') ');
    } else if (c.o.verbose && !someData(c, v, at, ep)) { c.write(` [|${np(t)}]`); return -1; }
  }
  return ext + itemLen;
}

function v2Nonce(c: PrintContext, v: Isakmp, t: number, ext: number, itemLen: number, ep: number): number {
  const g = pl(v, ext, ep);
  if (!g.has(GEN)) { c.write(` [|${np(t)}]`); return -1; }
  payName(c, 'nonce', g.critical);
  c.write(` len=${itemLen - 4}`);
  if (c.o.verbose > 1 && itemLen > 4) {
    c.write(' nonce=(');
    if (!raw(c, v, ext + GEN, itemLen - 4, ep)) { c.write(` [|${np(t)}]`); return -1; }
    c.write(') ');
  } else if (c.o.verbose && itemLen > 4 && !someData(c, v, ext + GEN, ep)) { c.write(` [|${np(t)}]`); return -1; }
  return ext + itemLen;
}

function v2Notify(c: PrintContext, v: Isakmp, ext: number, itemLen: number, ep: number): number {
  const g = pl(v, ext, ep);
  if (!g.has(IKEV2_NOTIFY_LENGTH)) { c.write(' [|n]'); return -1; }
  payName(c, 'n', g.critical);
  c.write(` prot_id=${strOrId(g.v2NotifyProtocol, PROTOID)}`);
  const type = g.v2NotifyType;
  const known = V2_NOTIFY.get(type);
  const name = known?.[0] ?? (type < 8192 ? 'error' : type < 16384 ? 'private-error' : type < 40960 ? 'status' : 'private-status');
  const showSpi = known?.[1] ?? true, showSomeData = known?.[2] ?? false;
  c.write(` type=${type}(${name})`);
  const spiSize = g.v2NotifySpiSize;
  if (showSpi && spiSize) {
    c.write(' spi=');
    if (!raw(c, v, ext + IKEV2_NOTIFY_LENGTH, spiSize, ep)) { c.write(' [|n]'); return -1; }
  }
  const cp = ext + IKEV2_NOTIFY_LENGTH + spiSize;
  if (cp < ep) {
    if (c.o.verbose > 3 || (showSomeData && ep - cp < 30)) {
      c.write(' data=(');
      if (!raw(c, v, cp, ep - cp, ep)) { c.write(' [|n]'); return -1; }
      c.write(')');
    } else if (showSomeData && !someData(c, v, cp, ep)) { c.write(' [|n]'); return -1; }
  }
  return ext + itemLen;
}

function v2Vid(c: PrintContext, v: Isakmp, t: number, ext: number, itemLen: number, ep: number): number {
  const g = pl(v, ext, ep);
  if (!g.has(GEN)) { c.write(` [|${np(t)}]`); return -1; }
  payName(c, np(t), g.critical);
  const len = itemLen - 4;
  c.write(` len=${len} vid=`);
  if (!v.data.point(ext + GEN, ep).hexCaptured(0, len)) { c.write(` [|${np(t)}]`); return -1; }
  ascii(c, v, ext + GEN, len, ep);
  if (c.o.verbose > 2 && len > 4) {
    c.write(' ');
    if (!raw(c, v, ext + GEN, len, ep)) { c.write(` [|${np(t)}]`); return -1; }
  }
  return ext + itemLen;
}

/** The encrypted payload (v2e): its length and, with -vvv, the ciphertext; the chain stops here (tcpdump decrypts only with -E). */
function v2Encrypted(c: PrintContext, v: Isakmp, t: number, ext: number, itemLen: number, ep: number): number {
  const g = pl(v, ext, ep);
  if (!g.has(GEN)) { c.write(` [|${np(t)}]`); return -1; }
  payName(c, np(t), g.critical);
  const dlen = itemLen - 4;
  c.write(` len=${dlen}`);
  if (c.o.verbose > 2 && dlen > 4) {
    c.write(' ');
    if (!raw(c, v, ext + GEN, dlen, ep)) { c.write(` [|${np(t)}]`); return -1; }
  }
  if (!v.data.point(ext + GEN, ep).hexCaptured(0, dlen)) c.write(` [|${np(t)}]`);
  return -1;
}
