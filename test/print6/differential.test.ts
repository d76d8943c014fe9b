// Differential test against the installed tcpdump (4.99.3, the oracle): ICMPv6 messages and DNS
// payloads from the golden captures, with random bytes changed and random cuts, must print exactly
// as tcpdump prints them. Mutations stay inside ICMPv6 / DNS so only these printers are judged.
import test from 'ava';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expectedPacketsOf, printCapture, printCaptureWithDumps, readFrames } from './harness.js';

const pcaps = fileURLToPath(new URL('../../../test/pcaps/', import.meta.url));

/** IPv6/IPv4 packets (no link header) whose ICMPv6 or DNS part starts at `start`. */
function seeds(): { ip: Uint8Array; start: number }[] {
  const out: { ip: Uint8Array; start: number }[] = [];
  for (const dir of ['print6', 'tcpdump']) {
    for (const f of readdirSync(pcaps + dir).filter(n => n.endsWith('.pcap'))) {
      const { link, frames } = readFrames(`${pcaps}${dir}/${f}`);
      for (const fr of frames) {
        let ip: Uint8Array;
        if (link === 1 && fr.length > 14 && ((fr[12]! << 8) | fr[13]!) === 0x86dd) ip = fr.subarray(14);
        else if (link === 1 && fr.length > 14 && ((fr[12]! << 8) | fr[13]!) === 0x0800) ip = fr.subarray(14);
        else continue;
        const v = ip[0]! >> 4;
        if (v === 6 && ip.length > 44 && ip[6] === 58) out.push({ ip, start: 40 });
        else if (v === 6 && ip.length > 60 && ip[6] === 17 && (((ip[42]! << 8) | ip[43]!) === 53 || ((ip[40]! << 8) | ip[41]!) === 53)) out.push({ ip, start: 48 });
        else if (v === 4 && ip[9] === 17) {
          const hl = (ip[0]! & 15) * 4;
          if (ip.length > hl + 20 && (((ip[hl]! << 8) | ip[hl + 1]!) === 53 || ((ip[hl + 2]! << 8) | ip[hl + 3]!) === 53)) out.push({ ip, start: hl + 8 });
        }
      }
    }
  }
  return out;
}

/** Deterministic xorshift32, so a failure can be reproduced. */
function rng(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => { x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0; return x / 4294967296; };
}

function mutatedCapture(path: string, count: number, seed: number): void {
  const all = seeds(), r = rng(seed);
  const parts: Buffer[] = [Buffer.from([0xd4, 0xc3, 0xb2, 0xa1, 2, 0, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4, 0, 101, 0, 0, 0])];
  const special = [0, 1, 2, 3, 4, 5, 7, 8, 24, 25, 31, 0x40, 0x41, 0x80, 0xc0, 0xff, 128, 134, 135, 136, 143, 155];
  for (let i = 0; i < count; i++) {
    const { ip, start } = all[Math.floor(r() * all.length)]!;
    const b = Buffer.from(ip);
    for (let n = 1 + Math.floor(r() * 4); n > 0; n--) {
      const pos = start + Math.floor(r() * (b.length - start));
      const how = r();
      b[pos] = how < 0.4 ? special[Math.floor(r() * special.length)]! : how < 0.7 ? Math.floor(r() * 256) : b[pos]! ^ (1 << Math.floor(r() * 8));
    }
    const cap = r() < 0.7 ? b.length : start + Math.floor(r() * (b.length - start + 1));
    const hdr = Buffer.alloc(16);
    hdr.writeUInt32LE(1700000000 + i, 0); hdr.writeUInt32LE(cap, 8); hdr.writeUInt32LE(b.length, 12);
    parts.push(hdr, b.subarray(0, cap));
  }
  writeFileSync(path, Buffer.concat(parts));
}

/**
 * IPv6 packets whose header chain ends in ICMPv6 or DNS, with the positions that may change: the
 * traffic class, flow label, payload length and hop limit, and every extension-header byte but
 * the next-header and length bytes (so the chain keeps its shape and no other protocol appears).
 */
function chainSeeds(): { ip: Uint8Array; mutable: number[] }[] {
  const out: { ip: Uint8Array; mutable: number[] }[] = [];
  for (const f of readdirSync(pcaps + 'print6').filter(n => n.endsWith('.pcap'))) {
    const { link, frames } = readFrames(`${pcaps}print6/${f}`);
    for (const fr of frames) {
      if (link !== 1 || fr.length < 62 || ((fr[12]! << 8) | fr[13]!) !== 0x86dd) continue;
      const ip = fr.subarray(14);
      const mutable = [1, 2, 3, 4, 5, 7];
      let nh = ip[6]!, at = 40, ok = false;
      while (at + 8 <= ip.length) {
        if (nh === 58 || (nh === 17 && ((ip[at + 2]! << 8) | ip[at + 3]!) === 53)) { ok = at > 40; break; }
        if (nh !== 0 && nh !== 43 && nh !== 44 && nh !== 60) break;
        const len = nh === 44 ? 8 : (ip[at + 1]! + 1) * 8;
        for (let k = 2; k < len; k++) mutable.push(at + k);
        nh = ip[at]!;
        at += len;
      }
      if (ok) out.push({ ip, mutable });
    }
  }
  return out;
}

function mutatedChains(path: string, count: number, seed: number): void {
  const all = chainSeeds(), r = rng(seed);
  const parts: Buffer[] = [Buffer.from([0xd4, 0xc3, 0xb2, 0xa1, 2, 0, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4, 0, 101, 0, 0, 0])];
  const special = [0, 1, 2, 4, 5, 0xc2, 0xc9, 0xff, 0x80];
  for (let i = 0; i < count; i++) {
    const { ip, mutable } = all[Math.floor(r() * all.length)]!;
    const b = Buffer.from(ip);
    for (let n = 1 + Math.floor(r() * 3); n > 0; n--) {
      const pos = mutable[Math.floor(r() * mutable.length)]!;
      b[pos] = r() < 0.4 ? special[Math.floor(r() * special.length)]! : Math.floor(r() * 256);
    }
    const cap = r() < 0.7 ? b.length : 1 + Math.floor(r() * b.length);
    const hdr = Buffer.alloc(16);
    hdr.writeUInt32LE(1700000000 + i, 0); hdr.writeUInt32LE(cap, 8); hdr.writeUInt32LE(b.length, 12);
    parts.push(hdr, b.subarray(0, cap));
  }
  writeFileSync(path, Buffer.concat(parts));
}

const dir = mkdtempSync(join(tmpdir(), 'vcap-print6-'));
const capture = join(dir, 'mutated.pcap');
mutatedCapture(capture, 4000, 20261128);
const chains = join(dir, 'chains.pcap');
mutatedChains(chains, 3000, 8200);
test.after.always(() => rmSync(dir, { recursive: true, force: true }));

for (const [what, file] of [['ICMPv6 and DNS', capture], ['IPv6 header chains', chains]] as const) {
  for (const flags of ['', '-v', '-vv', '-vvv']) differential(what, file, flags);
}

function differential(what: string, file: string, flags: string): void {
  test(`mutated ${what} print as tcpdump prints them (${flags || 'no flags'})`, t => {
    const args = ['-#', '-n', '-r', file, ...flags.split(' ').filter(f => f !== '')];
    const want = expectedPacketsOf(execFileSync('tcpdump', args, { env: { ...process.env, TZ: 'GMT0' }, stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 256 << 20 }).toString('latin1'));
    const got = printCapture(file, flags);
    t.is(got.length, want.length);
    const differ: string[] = [];
    for (let i = 0; i < want.length && differ.length < 5; i++) {
      if (got[i] !== want[i]) differ.push(`#${i + 1}\n  tcpdump: ${want[i]}\n  vcap:    ${got[i]}`);
    }
    t.deepEqual(differ, []);
  });
}

// Every cut of a few whole frames (Ethernet, IPv6 header chains ending in ICMPv6 or DNS, ICMPv6
// messages, DNS over UDP) through the packet printer with the hex dumps: a cut tcpdump reports
// itself (ND_TCHECK → goto trunc) leaves the link header out of -x/-X, a read that unwinds
// (GET_*) shows the whole frame, so these rows tell the two apart.
function everyCut(path: string): void {
  const frames: Uint8Array[] = [];
  for (const f of ['cuts.pcap', 'ip6-ext.pcap', 'icmp6-nd.pcap', 'icmp6-errors.pcap', 'icmp6-rpl.pcap', 'ip6-mobility.pcap', 'dns-trunc.pcap', 'mdns.pcap']) {
    const { link, frames: fr } = readFrames(`${pcaps}print6/${f}`);
    if (link !== 1) continue;
    // Whole frames only, a few of each capture.
    const whole = fr.filter(b => b.length > 54).slice(0, 4);
    frames.push(...whole);
  }
  const parts: Buffer[] = [Buffer.from([0xd4, 0xc3, 0xb2, 0xa1, 2, 0, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4, 0, 1, 0, 0, 0])];
  let i = 0;
  for (const fr of frames) {
    for (let cap = 14; cap < fr.length; cap++, i++) {
      const hdr = Buffer.alloc(16);
      hdr.writeUInt32LE(1700000000 + i, 0); hdr.writeUInt32LE(cap, 8); hdr.writeUInt32LE(fr.length, 12);
      parts.push(hdr, Buffer.from(fr.subarray(0, cap)));
    }
  }
  writeFileSync(path, Buffer.concat(parts));
}

const cuts = join(dir, 'cuts.pcap');
everyCut(cuts);
for (const flags of ['-x', '-X', '-xx', '-v -x', '-vv -X', '-vvv -x']) dumpDifferential('every cut', cuts, flags);
for (const flags of ['-x', '-vv -X']) dumpDifferential('mutated IPv6 header chains', chains, flags);

/** The whole -t text (dumps included) of the packet printer against tcpdump's. */
function dumpDifferential(what: string, file: string, flags: string): void {
  test(`${what} print as tcpdump prints them, dumps included (${flags})`, t => {
    const args = ['-t', '-n', '-r', file, ...flags.split(' ').filter(f => f !== '')];
    const want = execFileSync('tcpdump', args, { env: { ...process.env, TZ: 'GMT0' }, stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 256 << 20 }).toString('latin1');
    const got = printCaptureWithDumps(file, flags);
    const w = want.split('\n'), g = got.split('\n');
    const differ: string[] = [];
    for (let k = 0; k < Math.max(w.length, g.length) && differ.length < 5; k++) {
      if (w[k] !== g[k]) differ.push(`line ${k + 1}\n  tcpdump: ${w[k]}\n  vcap:    ${g[k]}`);
    }
    t.deepEqual(differ, []);
  });
}
