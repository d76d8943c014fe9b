// Builders for hand-made capture files and a reader that copies every frame out, for the pcap tests.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openCaptureFile } from '../../src/capture/capture-file.js';
import type { CaptureFileOptions } from '../../src/capture/capture-file.js';

/** test/pcaps/tcpdump, from dist/test/pcap (the sources are not copied into dist). */
export const corpusDir = fileURLToPath(new URL('../../../test/pcaps/tcpdump/', import.meta.url));
export const goldenDir = fileURLToPath(new URL('../../../test/pcaps/golden/', import.meta.url));

export function corpusFiles(): string[] {
  return readdirSync(corpusDir).filter((f) => f.endsWith('.pcap')).sort();
}

/** A directory removed after the test; `memory` puts it on /dev/shm when there is one (many small rewrites). */
export function tempDir(t: { teardown(fn: () => void): void }, memory = false): string {
  const dir = mkdtempSync(join(memory && existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'vcap-pcap-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export interface Frame {
  linkType: number;
  data: Buffer;
  capLen: number;
  origLen: number;
  sec: number;
  nsec: number;
}

export interface ReadResult {
  format: 'pcap' | 'pcapng';
  linkType: number;
  snaplen: number;
  nano: boolean;
  frames: Frame[];
  batches: number;
  /** The VcapError message that ended the read, if any. */
  error?: string;
  maxBufferSize: number;
}

/** Reads a whole file through next(), copying each frame (batches are only valid until the next call). */
export function readAll(path: string, opts?: CaptureFileOptions): ReadResult {
  const f = openCaptureFile(path, opts);
  const r: ReadResult = { format: f.format, linkType: f.linkType, snaplen: f.snaplen, nano: f.nano, frames: [], batches: 0, maxBufferSize: f.bufferSize };
  try {
    for (let b = f.next(); b !== null; b = f.next()) {
      r.batches++;
      r.maxBufferSize = Math.max(r.maxBufferSize, f.bufferSize);
      for (let i = 0; i < b.count; i++) {
        const off = b.offset[i]!, cap = b.capLen[i]!;
        r.frames.push({ linkType: b.linkType, data: Buffer.from(b.bytes.subarray(off, off + cap)), capLen: cap, origLen: b.origLen[i]!, sec: b.sec[i]!, nsec: b.nsec[i]! });
      }
    }
  } catch (e) {
    r.error = (e as Error).message;
  } finally {
    f.close();
  }
  return r;
}

export function run(cmd: string, args: string[], env: Record<string, string> = {}): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(cmd, args, { encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 256 << 20 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

// ---------------------------------------------------------------- classic pcap

export interface PcapHeaderOpts {
  le?: boolean;
  nano?: boolean;
  snaplen?: number;
  linkType?: number;
  major?: number;
  minor?: number;
}

export function pcapHeader(o: PcapHeaderOpts = {}): Buffer {
  const le = o.le ?? true;
  const b = Buffer.alloc(24);
  const u32 = (v: number, at: number) => (le ? b.writeUInt32LE(v >>> 0, at) : b.writeUInt32BE(v >>> 0, at));
  const u16 = (v: number, at: number) => (le ? b.writeUInt16LE(v, at) : b.writeUInt16BE(v, at));
  u32(o.nano ? 0xa1b23c4d : 0xa1b2c3d4, 0);
  u16(o.major ?? 2, 4);
  u16(o.minor ?? 4, 6);
  u32(o.snaplen ?? 262144, 16);
  u32(o.linkType ?? 1, 20);
  return b;
}

/** A record; `data` may be shorter than capLen to build a damaged file. */
export function pcapRecord(data: Buffer, o: { le?: boolean; sec?: number; frac?: number; capLen?: number; origLen?: number } = {}): Buffer {
  const le = o.le ?? true;
  const h = Buffer.alloc(16);
  const u32 = (v: number, at: number) => (le ? h.writeUInt32LE(v >>> 0, at) : h.writeUInt32BE(v >>> 0, at));
  u32(o.sec ?? 1709294400, 0);
  u32(o.frac ?? 0, 4);
  u32(o.capLen ?? data.length, 8);
  u32(o.origLen ?? data.length, 12);
  return Buffer.concat([h, data]);
}

/** A deterministic frame of n bytes (an Ethernet header, then a counter pattern). */
export function frameBytes(n: number, seed = 0): Buffer {
  const b = Buffer.alloc(n);
  for (let i = 0; i < n; i++) b[i] = (i * 7 + seed * 13) & 0xff;
  if (n >= 14) b.writeUInt16BE(0x0800, 12);
  return b;
}

/** The same pcap with every header field in the other byte order (record data untouched). */
export function swapPcap(le: Buffer): Buffer {
  const out = Buffer.from(le);
  const sw32 = (at: number) => out.writeUInt32BE(le.readUInt32LE(at), at);
  const sw16 = (at: number) => out.writeUInt16BE(le.readUInt16LE(at), at);
  sw32(0); sw16(4); sw16(6); sw32(8); sw32(12); sw32(16); sw32(20);
  for (let p = 24; p + 16 <= le.length;) {
    const cap = le.readUInt32LE(p + 8);
    sw32(p); sw32(p + 4); sw32(p + 8); sw32(p + 12);
    p += 16 + cap;
  }
  return out;
}

// ---------------------------------------------------------------- pcapng

export class NgBuilder {
  readonly parts: Buffer[] = [];
  constructor(public le = true) {}

  #u32(b: Buffer, v: number, at: number): void { this.le ? b.writeUInt32LE(v >>> 0, at) : b.writeUInt32BE(v >>> 0, at); }
  #u16(b: Buffer, v: number, at: number): void { this.le ? b.writeUInt16LE(v, at) : b.writeUInt16BE(v, at); }

  /** A block: type, body (padded to 4), with both length fields. */
  block(type: number, body: Buffer): this {
    const pad = (4 - (body.length % 4)) % 4;
    const total = 12 + body.length + pad;
    const b = Buffer.alloc(total);
    this.#u32(b, type, 0);
    this.#u32(b, total, 4);
    body.copy(b, 8);
    this.#u32(b, total, total - 4);
    this.parts.push(b);
    return this;
  }

  option(code: number, value: Buffer): Buffer {
    const pad = (4 - (value.length % 4)) % 4;
    const b = Buffer.alloc(4 + value.length + pad);
    this.#u16(b, code, 0);
    this.#u16(b, value.length, 2);
    value.copy(b, 4);
    return b;
  }

  shb(le = this.le): this {
    this.le = le;
    const body = Buffer.alloc(16);
    this.#u32(body, 0x1a2b3c4d, 0);
    this.#u16(body, 1, 4);
    this.#u16(body, 0, 6);
    body.writeInt32LE(-1, 8);
    body.writeInt32LE(-1, 12);
    return this.block(0x0a0d0d0a, body);
  }

  /** tsresol: the if_tsresol byte; tsoffset: seconds (if_tsoffset). */
  idb(linkType: number, snaplen: number, o: { tsresol?: number; tsoffset?: number } = {}): this {
    const opts: Buffer[] = [];
    if (o.tsresol !== undefined) opts.push(this.option(9, Buffer.from([o.tsresol])));
    if (o.tsoffset !== undefined) {
      const v = Buffer.alloc(8);
      this.le ? v.writeBigInt64LE(BigInt(o.tsoffset)) : v.writeBigInt64BE(BigInt(o.tsoffset));
      opts.push(this.option(14, v));
    }
    if (opts.length > 0) opts.push(Buffer.alloc(4));
    const head = Buffer.alloc(8);
    this.#u16(head, linkType, 0);
    this.#u32(head, snaplen, 4);
    return this.block(1, Buffer.concat([head, ...opts]));
  }

  /** ts: a 64-bit count of the interface's units. */
  epb(ifId: number, ts: bigint, data: Buffer, origLen = data.length, capLen = data.length): this {
    const head = Buffer.alloc(20);
    this.#u32(head, ifId, 0);
    this.#u32(head, Number(ts >> 32n), 4);
    this.#u32(head, Number(ts & 0xffffffffn), 8);
    this.#u32(head, capLen, 12);
    this.#u32(head, origLen, 16);
    return this.block(6, Buffer.concat([head, data]));
  }

  spb(data: Buffer, origLen = data.length): this {
    const head = Buffer.alloc(4);
    this.#u32(head, origLen, 0);
    return this.block(3, Buffer.concat([head, data]));
  }

  opb(ifId: number, ts: bigint, data: Buffer, origLen = data.length): this {
    const head = Buffer.alloc(20);
    this.#u16(head, ifId, 0);
    this.#u16(head, 0, 2);
    this.#u32(head, Number(ts >> 32n), 4);
    this.#u32(head, Number(ts & 0xffffffffn), 8);
    this.#u32(head, data.length, 12);
    this.#u32(head, origLen, 16);
    return this.block(2, Buffer.concat([head, data]));
  }

  build(): Buffer { return Buffer.concat(this.parts); }
}
