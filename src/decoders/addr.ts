// Address text, shared by the decoders' getters and the printers. Callers bounds-check first.

const hex2: string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
const dec: string[] = Array.from({ length: 256 }, (_, i) => String(i));

/** Dotted quad of buf[off..off+4). */
export function ipv4ToString(buf: Uint8Array, off: number): string {
  return `${dec[buf[off]!]}.${dec[buf[off + 1]!]}.${dec[buf[off + 2]!]}.${dec[buf[off + 3]!]}`;
}

/** aa:bb:cc:dd:ee:ff of buf[off..off+6). */
export function macToString(buf: Uint8Array, off: number): string {
  return `${hex2[buf[off]!]}:${hex2[buf[off + 1]!]}:${hex2[buf[off + 2]!]}:${hex2[buf[off + 3]!]}:${hex2[buf[off + 4]!]}:${hex2[buf[off + 5]!]}`;
}

/** A link-layer address of `len` bytes as tcpdump writes it: a MAC, colon-separated hex, `<empty>`. */
export function linkAddrToString(buf: Uint8Array, off: number, len: number): string {
  if (len === 0) return '<empty>';
  if (len === 6) return macToString(buf, off);
  let s = hex2[buf[off]!]!;
  for (let i = 1; i < len; i++) s += ':' + hex2[buf[off + i]!]!;
  return s;
}

/**
 * IPv6 text of buf[off..off+16) exactly as tcpdump's addrtostr6 (BIND's inet_ntop6): the first
 * longest run of two or more zero words becomes `::`, and ::a.b.c.d / ::ffff:a.b.c.d keep the
 * dotted quad.
 */
export function ipv6ToString(buf: Uint8Array, off: number): string {
  let bestBase = -1, bestLen = 0, curBase = -1, curLen = 0;
  for (let i = 0; i < 8; i++) {
    if (buf[off + 2 * i] === 0 && buf[off + 2 * i + 1] === 0) {
      if (curBase === -1) { curBase = i; curLen = 1; } else curLen++;
    } else if (curBase !== -1) {
      if (curLen > bestLen) { bestBase = curBase; bestLen = curLen; }
      curBase = -1;
    }
  }
  // A run still open at the end. No `curBase !== -1 &&` before the compare: a run that ended earlier
  // was compared then (curLen <= bestLen now), and a compare reached only by addresses that end in
  // zeros had no type feedback when the first came, after V8 had optimised this.
  if (curLen > bestLen) { bestBase = curBase; bestLen = curLen; }
  if (bestBase !== -1 && bestLen < 2) bestBase = -1;
  let s = '';
  for (let i = 0; i < 8; i++) {
    if (bestBase !== -1 && i >= bestBase && i < bestBase + bestLen) {
      if (i === bestBase) s += ':';
      continue;
    }
    if (i !== 0) s += ':';
    const w = (buf[off + 2 * i]! << 8) | buf[off + 2 * i + 1]!;
    if (i === 6 && bestBase === 0 && (bestLen === 6 || (bestLen === 5 && ((buf[off + 10]! << 8) | buf[off + 11]!) === 0xffff))) {
      s += ipv4ToString(buf, off + 12);
      return s;
    }
    s += w.toString(16);
  }
  if (bestBase !== -1 && bestBase + bestLen === 8) s += ':';
  return s;
}

/** Each byte value's decimal digits as ASCII, 3 slots a value (unused slots 0), and how many there are. */
const octetDigits = new Uint8Array(256 * 3), octetLength = new Uint8Array(256);
for (let v = 0; v < 256; v++) {
  const t = String(v);
  octetLength[v] = t.length;
  for (let i = 0; i < t.length; i++) octetDigits[v * 3 + i] = t.charCodeAt(i);
}

/** Lower-case hex digit pairs as character codes: byte v's two digits at 2v and 2v + 1. */
const HEX_PAIRS = Uint8Array.from({ length: 512 }, (_, i) => '0123456789abcdef'.charCodeAt(i & 1 ? (i >> 1) & 15 : i >> 5));

/**
 * Writes the MAC address src[at..at+6) into `out` from `p` as macToString spells it
 * (`aa:bb:cc:dd:ee:ff`), no string made; returns the position after it. `out` needs 17 bytes of room.
 */
export function writeMac(out: Uint8Array, p: number, src: Uint8Array, at: number): number {
  for (let i = 0; i < 6; i++) {
    if (i !== 0) out[p++] = 58;
    const d = src[at + i]! << 1;
    out[p] = HEX_PAIRS[d]!; out[p + 1] = HEX_PAIRS[d + 1]!;
    p += 2;
  }
  return p;
}

/**
 * Writes the dotted quad of src[at..at+4) into `out` from `p` as ASCII digits (no string made);
 * returns the position after it. `out` needs 15 bytes of room.
 */
export function writeIpv4(out: Uint8Array, p: number, src: Uint8Array, at: number): number {
  for (let i = 0; i < 4; i++) {
    if (i !== 0) out[p++] = 46;
    const v = src[at + i]!, n = octetLength[v]!, d = v * 3;
    out[p] = octetDigits[d]!;
    if (n > 1) { out[p + 1] = octetDigits[d + 1]!; if (n > 2) out[p + 2] = octetDigits[d + 2]!; }
    p += n;
  }
  return p;
}

// Texts of recently seen IPv6 addresses, by a hash of the 16 bytes: making the text is most of the
// cost of an IPv6 header, and a conversation repeats its two addresses. A fixed table costs the same
// however many hosts a capture has; a miss only means a rebuild. Two entries a set, the one used
// less recently replaced: direct-mapped, two busy addresses that met in a slot took turns evicting
// each other (38% of the lookups of the tunnels bench capture missed, 0.1% now).
const SET_BITS = 9;
const cacheWords = new Uint32Array(8 << SET_BITS);
const cacheText: string[] = new Array<string>(2 << SET_BITS).fill('');
/** Per set: the entry (0 or 1) to replace next, the one not used last. */
const cacheVictim = new Uint8Array(1 << SET_BITS);

/**
 * The set of the address whose four big-endian words are w0..w3. Each word is multiplied in, not
 * XORed together first: addresses of one plan (fd00:X::1 and fd00:Y::2) cancelled out in an XOR
 * and shared a slot by the dozen.
 */
function setOf(w0: number, w1: number, w2: number, w3: number): number {
  const k = 0x9e3779b1;
  return Math.imul(Math.imul(Math.imul(Math.imul(w0, k) ^ w1, k) ^ w2, k) ^ w3, k) >>> (32 - SET_BITS);
}

/** ipv6ToString of buf[at..at+16), through a small cache of recent addresses. */
export function ipv6Text(b: Uint8Array, at: number): string {
  const w0 = ((b[at]! << 24) | (b[at + 1]! << 16) | (b[at + 2]! << 8) | b[at + 3]!) >>> 0;
  const w1 = ((b[at + 4]! << 24) | (b[at + 5]! << 16) | (b[at + 6]! << 8) | b[at + 7]!) >>> 0;
  const w2 = ((b[at + 8]! << 24) | (b[at + 9]! << 16) | (b[at + 10]! << 8) | b[at + 11]!) >>> 0;
  const w3 = ((b[at + 12]! << 24) | (b[at + 13]! << 16) | (b[at + 14]! << 8) | b[at + 15]!) >>> 0;
  const set = setOf(w0, w1, w2, w3);
  let e = set << 1, k = e << 2;
  if (cacheText[e] === '' || cacheWords[k] !== w0 || cacheWords[k + 1] !== w1 || cacheWords[k + 2] !== w2 || cacheWords[k + 3] !== w3) {
    e++; k += 4;
    if (cacheText[e] === '' || cacheWords[k] !== w0 || cacheWords[k + 1] !== w1 || cacheWords[k + 2] !== w2 || cacheWords[k + 3] !== w3) {
      e = (set << 1) + cacheVictim[set]!; k = e << 2;
      cacheWords[k] = w0; cacheWords[k + 1] = w1; cacheWords[k + 2] = w2; cacheWords[k + 3] = w3;
      cacheText[e] = ipv6ToString(b, at);
    }
  }
  cacheVictim[set] = (e & 1) ^ 1;
  return cacheText[e]!;
}

// The same texts as bytes, for writers that copy them into the output (a text of 13 or more
// characters made by concatenation is a rope in V8, and copying a rope character by character
// flattens it first): 64 bytes an entry (a text is at most 39), the length 0 while it is empty.
const byteWords = new Uint32Array(8 << SET_BITS);
const byteText = new Uint8Array(128 << SET_BITS);
const byteLength = new Uint8Array(2 << SET_BITS);
const byteVictim = new Uint8Array(1 << SET_BITS);

/**
 * Writes ipv6ToString of src[at..at+16) into `out` from `p` (no string made for an address seen
 * recently); returns the position after it. `out` needs 39 bytes of room.
 */
export function writeIpv6(out: Uint8Array, p: number, b: Uint8Array, at: number): number {
  const w0 = ((b[at]! << 24) | (b[at + 1]! << 16) | (b[at + 2]! << 8) | b[at + 3]!) >>> 0;
  const w1 = ((b[at + 4]! << 24) | (b[at + 5]! << 16) | (b[at + 6]! << 8) | b[at + 7]!) >>> 0;
  const w2 = ((b[at + 8]! << 24) | (b[at + 9]! << 16) | (b[at + 10]! << 8) | b[at + 11]!) >>> 0;
  const w3 = ((b[at + 12]! << 24) | (b[at + 13]! << 16) | (b[at + 14]! << 8) | b[at + 15]!) >>> 0;
  const set = setOf(w0, w1, w2, w3);
  let e = set << 1, k = e << 2;
  if (byteLength[e] === 0 || byteWords[k] !== w0 || byteWords[k + 1] !== w1 || byteWords[k + 2] !== w2 || byteWords[k + 3] !== w3) {
    e++; k += 4;
    if (byteLength[e] === 0 || byteWords[k] !== w0 || byteWords[k + 1] !== w1 || byteWords[k + 2] !== w2 || byteWords[k + 3] !== w3) {
      e = fillBytes(b, at, (set << 1) + byteVictim[set]!, w0, w1, w2, w3);
    }
  }
  byteVictim[set] = (e & 1) ^ 1;
  const n = byteLength[e]!, base = e << 6;
  for (let i = 0; i < n; i++) out[p + i] = byteText[base + i]!;
  return p + n;
}

/** writeIpv6's miss (out of line: writeIpv6 stays small enough to inline): entry `e` made the text of the address; returns `e`. */
function fillBytes(b: Uint8Array, at: number, e: number, w0: number, w1: number, w2: number, w3: number): number {
  const text = ipv6ToString(b, at), n = text.length, base = e << 6, k = e << 2;
  for (let i = 0; i < n; i++) byteText[base + i] = text.charCodeAt(i);
  byteWords[k] = w0; byteWords[k + 1] = w1; byteWords[k + 2] = w2; byteWords[k + 3] = w3;
  byteLength[e] = n;
  return e;
}
