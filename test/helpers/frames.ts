// Builders for hand-made frames, used by the decoder tests and bench/make-captures. Each takes
// the fields a test cares about and the payload, and returns new bytes. Lengths and checksums
// are filled in unless a test overrides them to lie.

export function concat(...parts: Uint8Array[]): Uint8Array {
  let n = 0;
  for (const p of parts) n += p.length;
  const out = new Uint8Array(n);
  let o = 0;
  for (const p of parts) { out.set(p, o); o += p.length; }
  return out;
}

export function bytes(...v: number[]): Uint8Array { return Uint8Array.from(v); }

export function fromHex(h: string): Uint8Array { return Uint8Array.from(Buffer.from(h.replace(/[\s:]/g, ''), 'hex')); }

export function mac(s: string): Uint8Array { return fromHex(s); }

export function ip4(s: string): Uint8Array { return Uint8Array.from(s.split('.').map(Number)); }

export function ip6(s: string): Uint8Array {
  const [head, tail] = s.includes('::') ? s.split('::') : [s, undefined];
  const h = head ? head.split(':') : [];
  const t = tail !== undefined && tail !== '' ? tail.split(':') : [];
  const words = tail === undefined ? h : [...h, ...Array<string>(8 - h.length - t.length).fill('0'), ...t];
  const out = new Uint8Array(16);
  words.forEach((w, i) => { const v = parseInt(w, 16); out[2 * i] = v >> 8; out[2 * i + 1] = v & 255; });
  return out;
}

function be16(v: number): Uint8Array { return bytes((v >> 8) & 255, v & 255); }
function be32(v: number): Uint8Array { return bytes((v >>> 24) & 255, (v >> 16) & 255, (v >> 8) & 255, v & 255); }
export { be16, be32 };

export function checksum(b: Uint8Array, init = 0): number {
  let s = init;
  for (let i = 0; i + 1 < b.length; i += 2) s += (b[i]! << 8) | b[i + 1]!;
  if (b.length & 1) s += b[b.length - 1]! << 8;
  while (s > 0xffff) s = (s & 0xffff) + (s >>> 16);
  return ~s & 0xffff;
}

export function ether(dst: string, src: string, type: number, payload: Uint8Array = new Uint8Array(0)): Uint8Array {
  return concat(mac(dst), mac(src), be16(type), payload);
}

/** One 802.1Q/802.1ad tag: TCI and the next EtherType (the TPID is the field before it). */
export function vlanTag(id: number, type: number, prio = 0, payload: Uint8Array = new Uint8Array(0)): Uint8Array {
  return concat(be16((prio << 13) | id), be16(type), payload);
}

export interface Ip4Fields {
  src?: string; dst?: string; proto?: number; ttl?: number; id?: number; tos?: number;
  /** Flag bits (0x2 DF, 0x1 MF) and fragment offset in 8-byte units. */
  flags?: number; frag?: number;
  options?: Uint8Array;
  /** Overrides to make a lying header. */
  ihl?: number; totalLength?: number; version?: number;
}

export function ipv4(f: Ip4Fields, payload: Uint8Array = new Uint8Array(0)): Uint8Array {
  const opts = f.options ?? new Uint8Array(0);
  const hl = 20 + opts.length;
  const h = new Uint8Array(hl);
  h[0] = ((f.version ?? 4) << 4) | (f.ihl ?? hl / 4);
  h[1] = f.tos ?? 0;
  h.set(be16(f.totalLength ?? hl + payload.length), 2);
  h.set(be16(f.id ?? 0x1234), 4);
  h.set(be16(((f.flags ?? 2) << 13) | (f.frag ?? 0)), 6);
  h[8] = f.ttl ?? 64;
  h[9] = f.proto ?? 6;
  h.set(ip4(f.src ?? '10.0.0.1'), 12);
  h.set(ip4(f.dst ?? '10.0.0.2'), 16);
  h.set(opts, 20);
  h.set(be16(checksum(h)), 10);
  return concat(h, payload);
}

export interface Ip6Fields { src?: string; dst?: string; nh?: number; hlim?: number; flow?: number; tc?: number; plen?: number; version?: number }

export function ipv6(f: Ip6Fields, payload: Uint8Array = new Uint8Array(0)): Uint8Array {
  const h = new Uint8Array(40);
  h.set(be32((((f.version ?? 6) << 28) | ((f.tc ?? 0) << 20) | (f.flow ?? 0)) >>> 0), 0);
  h.set(be16(f.plen ?? payload.length), 4);
  h[6] = f.nh ?? 6;
  h[7] = f.hlim ?? 64;
  h.set(ip6(f.src ?? 'fe80::1'), 8);
  h.set(ip6(f.dst ?? 'fe80::2'), 24);
  return concat(h, payload);
}

/** Hop-by-hop / routing / destination-options header: next header, body padded to 8n-2 bytes. */
export function ext6(nh: number, body: Uint8Array, payload: Uint8Array = new Uint8Array(0)): Uint8Array {
  const len = Math.ceil((body.length + 2) / 8) * 8;
  const h = new Uint8Array(len);
  h[0] = nh; h[1] = len / 8 - 1; h.set(body, 2);
  return concat(h, payload);
}

export function frag6(nh: number, offset8: number, more: boolean, id: number, payload: Uint8Array = new Uint8Array(0)): Uint8Array {
  return concat(bytes(nh, 0), be16((offset8 << 3) | (more ? 1 : 0)), be32(id), payload);
}

export interface TcpFields {
  sport?: number; dport?: number; seq?: number; ack?: number; flags?: number; win?: number; urg?: number;
  options?: Uint8Array; dataOffset?: number;
}

export function tcp(f: TcpFields, payload: Uint8Array = new Uint8Array(0)): Uint8Array {
  let opts = f.options ?? new Uint8Array(0);
  if (opts.length % 4) opts = concat(opts, new Uint8Array(4 - (opts.length % 4)));
  const hl = 20 + opts.length;
  const h = new Uint8Array(hl);
  h.set(be16(f.sport ?? 40000), 0);
  h.set(be16(f.dport ?? 80), 2);
  h.set(be32(f.seq ?? 1000), 4);
  h.set(be32(f.ack ?? 0), 8);
  h[12] = (f.dataOffset ?? hl / 4) << 4;
  h[13] = f.flags ?? 0x02;
  h.set(be16(f.win ?? 65535), 14);
  h.set(be16(f.urg ?? 0), 18);
  h.set(opts, 20);
  return concat(h, payload);
}

export function udp(sport: number, dport: number, payload: Uint8Array = new Uint8Array(0), length?: number): Uint8Array {
  return concat(be16(sport), be16(dport), be16(length ?? 8 + payload.length), be16(0), payload);
}

/** ICMP or ICMPv6 message: type, code, checksum (0 for ICMPv6, which needs the pseudo-header), 4 bytes of `rest`, then the body. */
export function icmp(type: number, code: number, rest: Uint8Array, body: Uint8Array = new Uint8Array(0), v6 = false): Uint8Array {
  const m = concat(bytes(type, code, 0, 0), rest, body);
  if (!v6) m.set(be16(checksum(m)), 2);
  return m;
}

/** DNS name in wire form, uncompressed (`example.com` → 7example3com0). */
export function dnsName(name: string): Uint8Array {
  const parts = name === '.' || name === '' ? [] : name.split('.');
  return concat(...parts.map((p) => concat(bytes(p.length), new TextEncoder().encode(p))), bytes(0));
}

export function dnsHeader(id: number, flags: number, qd: number, an: number, ns: number, ar: number): Uint8Array {
  return concat(be16(id), be16(flags), be16(qd), be16(an), be16(ns), be16(ar));
}

/** A resource record: name bytes (possibly a pointer), type, class, TTL, RDATA. */
export function rr(name: Uint8Array, type: number, rdata: Uint8Array, ttl = 300, klass = 1): Uint8Array {
  return concat(name, be16(type), be16(klass), be32(ttl), be16(rdata.length), rdata);
}

/** A compression pointer to `offset` in the message. */
export function ptr(offset: number): Uint8Array { return bytes(0xc0 | (offset >> 8), offset & 255); }
