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
      if (bestBase === -1 || curLen > bestLen) { bestBase = curBase; bestLen = curLen; }
      curBase = -1;
    }
  }
  if (curBase !== -1 && (bestBase === -1 || curLen > bestLen)) { bestBase = curBase; bestLen = curLen; }
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
