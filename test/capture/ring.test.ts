// The TPACKET_V3 walker over hand-made blocks, served by a fake addon: no root, no socket.
import test from 'ava';
import type { Batch } from '../../src/capture/batch.js';
import type { FilterProgram } from '../../src/filter/index.js';
import { RingWalker, ringReserve } from '../../src/capture/ring.js';
import type { RingBlocks, RingConfig } from '../../src/capture/ring.js';
import { fixCookedProgram, ringGeometry } from '../../src/capture/afpacket.js';
import { LinkType } from '../../src/decoders/link-type.js';

const BLOCK = 4096;

interface Frame {
  bytes: number[];
  /** Length on the wire (defaults to bytes.length). */
  len?: number;
  sec?: number;
  nsec?: number;
  pkttype?: number;
  ifindex?: number;
  protocol?: number;
  hatype?: number;
  addr?: number[];
  vlanTci?: number;
  vlanTpid?: number;
  status?: number;
}

/** Lays frames out as the kernel does: block descriptor, then tpacket3_hdr + sockaddr_ll + reserve + frame. */
function makeRing(blocks: Frame[][], reserve: number, kernel: { open?: number[]; seq?: number[]; blockSize?: number } = {}): ArrayBuffer {
  const blockSize = kernel.blockSize ?? BLOCK;
  const ring = new ArrayBuffer(blockSize * blocks.length);
  const dv = new DataView(ring), u8 = new Uint8Array(ring);
  blocks.forEach((frames, b) => {
    const base = b * blockSize;
    // TP_STATUS_USER unless the kernel still holds (is filling) the block; seq_num from 1 as the kernel numbers them.
    dv.setUint32(base + 8, kernel.open?.includes(b) ? 0 : 1, true);
    dv.setUint32(base + 12, frames.length, true);
    dv.setUint32(base + 24, kernel.seq?.[b] ?? b + 1, true);
    dv.setUint32(base + 16, 48, true);
    let p = base + 48;
    frames.forEach((f, i) => {
      const mac = 48 + 32 + reserve + 2;
      const size = (mac + f.bytes.length + 15) & ~15;
      dv.setUint32(p, i === frames.length - 1 ? 0 : size, true);
      dv.setUint32(p + 4, f.sec ?? 1700000000 + i, true);
      dv.setUint32(p + 8, f.nsec ?? 1000 * i, true);
      dv.setUint32(p + 12, f.bytes.length, true);
      dv.setUint32(p + 16, f.len ?? f.bytes.length, true);
      dv.setUint32(p + 20, (f.status ?? 0) | 1, true);
      dv.setUint16(p + 24, mac, true);
      dv.setUint32(p + 32, f.vlanTci ?? 0, true);
      dv.setUint16(p + 36, f.vlanTpid ?? 0, true);
      dv.setUint16(p + 48, 17, true); // AF_PACKET
      dv.setUint16(p + 50, f.protocol ?? 0x0008, true); // network order 0x0800 read little-endian
      dv.setInt32(p + 52, f.ifindex ?? 2, true);
      dv.setUint16(p + 56, f.hatype ?? 1, true);
      u8[p + 58] = f.pkttype ?? 0;
      u8[p + 59] = f.addr ? f.addr.length : 6;
      u8.set(f.addr ?? [2, 0, 0, 0, 0, 1], p + 60);
      u8.set(f.bytes, p + mac);
      p += size;
    });
  });
  return ring;
}

/** The addon's block protocol: hand out blocks in ring order while TP_STATUS_USER is set. */
class FakeBlocks implements RingBlocks {
  cur = 0;
  released: number[] = [];
  constructor(private readonly ring: ArrayBuffer, private readonly count: number, private readonly blockSize = BLOCK) {}
  nextBlock(handle: number): number {
    if (handle !== 7) throw new Error('wrong handle');
    return new DataView(this.ring).getUint32(this.cur * this.blockSize + 8, true) & 1 ? this.cur : -1;
  }
  releaseBlock(handle: number, block: number): void {
    if (handle !== 7 || block !== this.cur) throw new Error('released out of order');
    new DataView(this.ring).setUint32(block * this.blockSize + 8, 0, true);
    this.released.push(block);
    this.cur = (this.cur + 1) % this.count;
  }
}

function config(over: Partial<RingConfig>): RingConfig {
  return { linkType: LinkType.EN10MB, snaplen: 262144, blockSize: BLOCK, blockCount: 2, cooked: 'none', vlanOffset: 12, direction: 'inout', loIfindex: 1, ...over };
}

interface Seen { frame: string; capLen: number; origLen: number; sec: number; nsec: number }

function collect(walker: RingWalker): { batches: Seen[][]; linkTypes: number[] } {
  const batches: Seen[][] = [], linkTypes: number[] = [];
  walker.drain((b: Batch) => {
    linkTypes.push(b.linkType);
    const seen: Seen[] = [];
    for (let i = 0; i < b.count; i++)
      seen.push({ frame: Buffer.from(b.bytes.subarray(b.offset[i]!, b.offset[i]! + b.capLen[i]!)).toString('hex'), capLen: b.capLen[i]!, origLen: b.origLen[i]!, sec: b.sec[i]!, nsec: b.nsec[i]! });
    batches.push(seen);
  });
  return { batches, linkTypes };
}

const eth = (tail: string): number[] => [...Buffer.from(`ffffffffffff020000000001${tail}`, 'hex')];

test('each ready block is one batch over the ring, released after the consumer returns', (t) => {
  const ring = makeRing([[{ bytes: eth('0800aa') }, { bytes: eth('86ddbb'), len: 1500 }], [{ bytes: eth('0806cc') }]], ringReserve('none'));
  const fake = new FakeBlocks(ring, 2);
  const walker = new RingWalker(fake, 7, ring, config({}));
  const { batches, linkTypes } = collect(walker);
  t.deepEqual(linkTypes, [LinkType.EN10MB, LinkType.EN10MB]);
  t.deepEqual(batches, [
    [
      { frame: 'ffffffffffff0200000000010800aa', capLen: 15, origLen: 15, sec: 1700000000, nsec: 0 },
      { frame: 'ffffffffffff02000000000186ddbb', capLen: 15, origLen: 1500, sec: 1700000001, nsec: 1000 },
    ],
    [{ frame: 'ffffffffffff0200000000010806cc', capLen: 15, origLen: 15, sec: 1700000000, nsec: 0 }],
  ]);
  t.deepEqual(fake.released, [0, 1]);
  t.is(walker.delivered, 3);
  t.is(walker.drain(() => t.fail('no block is ready')), 0);
});

test('the block goes back to the kernel even when the consumer throws', (t) => {
  const ring = makeRing([[{ bytes: eth('0800') }], [{ bytes: eth('0800') }]], ringReserve('none'));
  const fake = new FakeBlocks(ring, 2);
  const walker = new RingWalker(fake, 7, ring, config({}));
  t.throws(() => walker.drain(() => { throw new Error('sink failed'); }), { message: 'sink failed' });
  t.deepEqual(fake.released, [0]);
});

test('stop() ends the walk after the current block', (t) => {
  const ring = makeRing([[{ bytes: eth('0800') }], [{ bytes: eth('0800') }]], ringReserve('none'));
  const fake = new FakeBlocks(ring, 2);
  const walker = new RingWalker(fake, 7, ring, config({}));
  let calls = 0;
  walker.drain(() => { calls++; walker.stop(); });
  t.is(calls, 1);
  t.deepEqual(fake.released, [0]);
});

test('a stripped 802.1Q tag is put back after the MAC addresses, with its TPID', (t) => {
  const ring = makeRing([[
    { bytes: eth('0800aa'), vlanTci: 0x2064, status: 0x10 },
    { bytes: eth('0800bb'), vlanTci: 5, vlanTpid: 0x88a8, status: 0x50 },
    { bytes: eth('0800cc'), vlanTci: 0, status: 0x10 },
  ]], ringReserve('none'));
  const walker = new RingWalker(new FakeBlocks(ring, 1), 7, ring, config({ blockCount: 1 }));
  const [batch] = collect(walker).batches;
  t.deepEqual(batch!.map((s) => [s.frame, s.capLen, s.origLen]), [
    ['ffffffffffff02000000000181002064' + '0800aa', 19, 19],
    ['ffffffffffff02000000000188a80005' + '0800bb', 19, 19],
    ['ffffffffffff02000000000181000000' + '0800cc', 19, 19],
  ]);
});

test('-Q in / -Q out keep one direction; outgoing copies on loopback are always dropped', (t) => {
  const frames: Frame[] = [
    { bytes: eth('01'), pkttype: 0, ifindex: 2 },
    { bytes: eth('02'), pkttype: 4, ifindex: 2 },
    { bytes: eth('03'), pkttype: 4, ifindex: 1 },
    { bytes: eth('04'), pkttype: 0, ifindex: 1 },
  ];
  const tails = (direction: RingConfig['direction']): string[] => {
    const ring = makeRing([frames], ringReserve('none'));
    const [batch] = collect(new RingWalker(new FakeBlocks(ring, 1), 7, ring, config({ blockCount: 1, direction }))).batches;
    return batch!.map((s) => s.frame.slice(-2));
  };
  t.deepEqual(tails('inout'), ['01', '02', '04']);
  t.deepEqual(tails('in'), ['01', '04']);
  t.deepEqual(tails('out'), ['02']);
});

test('-i any: a LINUX_SLL2 header is built in front of the frame as libpcap builds it', (t) => {
  const ip = [0x45, 0, 0, 20];
  const ring = makeRing([[{ bytes: ip, len: 84, ifindex: 3, pkttype: 4, hatype: 1, protocol: 0x0008, addr: [0xaa, 0xbb, 0xcc, 0xdd, 0xee, 0xff] }]], ringReserve('sll2'));
  const walker = new RingWalker(new FakeBlocks(ring, 1), 7, ring, config({ blockCount: 1, cooked: 'sll2', linkType: LinkType.LINUX_SLL2, vlanOffset: -1 }));
  const { batches, linkTypes } = collect(walker);
  t.deepEqual(linkTypes, [LinkType.LINUX_SLL2]);
  t.deepEqual(batches[0], [{
    frame: '0800' + '0000' + '00000003' + '0001' + '04' + '06' + 'aabbccddeeff0000' + '45000014',
    capLen: 24, origLen: 104, sec: 1700000000, nsec: 0,
  }]);
});

test('a cooked v1 (LINUX_SLL) header for devices without an Ethernet header', (t) => {
  const ring = makeRing([[{ bytes: [0x45, 0], pkttype: 0, hatype: 512, protocol: 0x0008, addr: [] }]], ringReserve('sll'));
  const walker = new RingWalker(new FakeBlocks(ring, 1), 7, ring, config({ blockCount: 1, cooked: 'sll', linkType: LinkType.LINUX_SLL, vlanOffset: 14 }));
  t.deepEqual(collect(walker).batches[0]!.map((s) => s.frame), ['0000' + '0200' + '0000' + '0000000000000000' + '0800' + '4500']);
});

test('frames are cut to the snapshot length; the wire length stays', (t) => {
  const ring = makeRing([[{ bytes: eth('0800' + '00'.repeat(100)) }]], ringReserve('none'));
  const walker = new RingWalker(new FakeBlocks(ring, 1), 7, ring, config({ blockCount: 1, snaplen: 20 }));
  const [seen] = collect(walker).batches[0]!;
  t.is(seen!.capLen, 20);
  t.is(seen!.origLen, 114);
});

test('after a filter swap, frames already in the ring are filtered again, for a ring of blocks', (t) => {
  const ring = makeRing([[{ bytes: eth('0800') }, { bytes: eth('86dd') }], [{ bytes: eth('86dd') }]], ringReserve('none'));
  const walker = new RingWalker(new FakeBlocks(ring, 2), 7, ring, config({}));
  const ipv4Only: FilterProgram = { insns: new Uint8Array(8), length: 1, matches: (b, off) => b[off + 12] === 0x08 };
  walker.userFilter = ipv4Only;
  walker.userFilterBlocks = 1;
  const { batches } = collect(walker);
  t.deepEqual(batches.map((b) => b.map((s) => s.frame.slice(24))), [['0800'], ['86dd']]);
  t.true(walker.userFilter === undefined);
});

test('programs for a cooked socket: header loads become ancillary loads, payload loads move back', (t) => {
  const insn = (code: number, k: number): number[] => [code & 0xff, code >> 8, 0, 0, k & 0xff, (k >>> 8) & 0xff, (k >>> 16) & 0xff, k >>> 24];
  const ks = (p: Uint8Array | undefined): number[] => {
    const dv = new DataView(p!.buffer, p!.byteOffset);
    return Array.from({ length: p!.length / 8 }, (_, i) => dv.getUint32(i * 8 + 4, true));
  };
  // ldh [0] (SLL2 protocol); ldb [10] (pkttype); ld [4] (ifindex); ldb [29] (IP protocol); ldxb 4*([20]&0xf); ret #262144
  const prog = new Uint8Array([...insn(0x28, 0), ...insn(0x30, 10), ...insn(0x20, 4), ...insn(0x30, 29), ...insn(0xb1, 20), ...insn(0x06, 262144)]);
  t.deepEqual(ks(fixCookedProgram(prog, 'sll2')), [0xfffff000, 0xfffff004, 0xfffff008, 9, 0, 262144]);
  // ldh [14] (SLL protocol) → SKF_AD_PROTOCOL; ldb [0]... pkttype is a u16 at 0 in v1
  t.deepEqual(ks(fixCookedProgram(new Uint8Array([...insn(0x28, 14), ...insn(0x28, 0), ...insn(0x30, 25)]), 'sll')), [0xfffff000, 0xfffff004, 9]);
  // A load from inside the header that has no ancillary twin cannot run in the kernel.
  t.is(fixCookedProgram(new Uint8Array(insn(0x28, 8)), 'sll2'), undefined);
});

test('ring geometry: blocks hold a full frame and are an eighth of the ring up to 1 MiB, at least four', (t) => {
  // The default ring: eight 1 MiB blocks. libpcap's 2 MiB: eight 256 KiB blocks, as libpcap cuts it.
  t.deepEqual(ringGeometry(262144, 8 << 20, 1000), { blockSize: 1024 * 1024, blockCount: 8 });
  t.deepEqual(ringGeometry(262144, 2 << 20, 1000), { blockSize: 256 * 1024, blockCount: 8 });
  t.deepEqual(ringGeometry(96, 8 << 20, 100), { blockSize: 1024 * 1024, blockCount: 8 });
  t.deepEqual(ringGeometry(96, 4 << 20, 100), { blockSize: 512 * 1024, blockCount: 8 });
  // Never more than 1 MiB: a bigger ring gets more blocks, not bigger ones.
  t.deepEqual(ringGeometry(1500, 64 << 20, 1000), { blockSize: 1024 * 1024, blockCount: 64 });
  // A block holds a whole frame even when that leaves fewer than eight; never fewer than four.
  t.deepEqual(ringGeometry(262144, 1 << 20, 1000), { blockSize: 256 * 1024, blockCount: 4 });
  t.deepEqual(ringGeometry(96, 256 * 1024, 1000), { blockSize: 64 * 1024, blockCount: 4 });
  t.deepEqual(ringGeometry(262144, 64 * 1024, 1000), { blockSize: 256 * 1024, blockCount: 4 });
});

test('ring geometry in immediate mode: blocks as small as a frame allows, as many as the ring holds', (t) => {
  // Each block is handed over within 1 ms, however little it holds: the ring holds a millisecond per block.
  t.deepEqual(ringGeometry(262144, 8 << 20, 1), { blockSize: 256 * 1024, blockCount: 32 });
  t.deepEqual(ringGeometry(96, 8 << 20, 1), { blockSize: 64 * 1024, blockCount: 128 });
  t.deepEqual(ringGeometry(262144, 512 * 1024, 1), { blockSize: 256 * 1024, blockCount: 4 });
  // No more than 1024 (a second of them): a bigger ring gets bigger blocks.
  t.deepEqual(ringGeometry(96, 1 << 30, 1), { blockSize: 1024 * 1024, blockCount: 1024 });
});

test('a big block goes out in batches of at most 1024 frames and 256 KiB of ring, in order, drops on the first, room for a record header before each frame', (t) => {
  // 2500 small frames (three batches by count), then 400 of 1400 bytes (three by bytes), in 1 MiB blocks.
  const MiB = 1 << 20;
  const small = Array.from({ length: 2500 }, (_, i) => ({ bytes: eth(`0800${(i & 0xffff).toString(16).padStart(4, '0')}`) }));
  const big = Array.from({ length: 400 }, (_, i) => ({ bytes: [...eth('0800'), ...Buffer.alloc(1386, i & 0xff)] }));
  const ring = makeRing([small, big], ringReserve('none'), { blockSize: MiB });
  const fake = new FakeBlocks(ring, 2, MiB);
  let drops = 5;
  const walker = new RingWalker(fake, 7, ring, config({ blockSize: MiB, readDrops: () => { const d = drops; drops = 0; return d; } }));
  const sizes: number[] = [], spans: number[] = [], dropsSeen: number[] = [], heads: number[] = [], tails: string[] = [];
  walker.drain((b) => {
    sizes.push(b.count);
    spans.push(b.offset[b.count - 1]! - b.offset[0]!);
    dropsSeen.push(b.drops ?? 0);
    heads.push(b.headroom ?? 0);
    for (let i = 0; i < b.count; i++) tails.push(b.capLen[i] === 16 ? Buffer.from(b.bytes.subarray(b.offset[i]! + 12, b.offset[i]! + 16)).toString('hex') : String(b.bytes[b.offset[i]! + 20]));
  });
  t.deepEqual(sizes.slice(0, 3), [1024, 1024, 452]);
  t.is(sizes.slice(3).reduce((a, b) => a + b, 0), 400);
  t.true(sizes.length > 4 && sizes.length <= 7, sizes.join(' '));
  t.true(spans.every((s) => s < 256 * 1024), spans.join(' '));
  t.deepEqual(dropsSeen, [5, ...sizes.slice(1).map(() => 0)]);
  t.true(heads.every((h) => h >= 16), heads.join(' '));
  t.deepEqual(tails, [...small.map((_, i) => `0800${(i & 0xffff).toString(16).padStart(4, '0')}`), ...big.map((_, i) => String(i & 0xff))]);
  t.deepEqual(fake.released, [0, 1]);
  t.is(walker.delivered, 2900);
});

test('stop() in the middle of a big block: no further batch of it, and it goes back to the kernel', (t) => {
  const MiB = 1 << 20;
  const ring = makeRing([Array.from({ length: 3000 }, () => ({ bytes: eth('0800') })), [{ bytes: eth('0800') }]], ringReserve('none'), { blockSize: MiB });
  const fake = new FakeBlocks(ring, 2, MiB);
  const walker = new RingWalker(fake, 7, ring, config({ blockSize: MiB }));
  let calls = 0;
  walker.drain(() => { calls++; walker.stop(); });
  t.is(calls, 1);
  t.deepEqual(fake.released, [0]);
});

test('a drain stops after maxBlocks, so a flood cannot hold the event loop', (t) => {
  const ring = makeRing([[{ bytes: eth('01') }], [{ bytes: eth('02') }]], ringReserve('none'));
  const fake = new FakeBlocks(ring, 2);
  const walker = new RingWalker(fake, 7, ring, config({}));
  t.is(walker.drain(() => undefined, 1), 1);
  t.deepEqual(fake.released, [0]);
  t.is(walker.drain(() => undefined, 1), 1);
  t.deepEqual(fake.released, [0, 1]);
});

test('at stop, the block the kernel is still filling is read in place after the handed-over ones', (t) => {
  // Block 0 handed over (seq 1); block 1 still open with the next number (2): both are delivered, in order.
  const ring = makeRing([[{ bytes: eth('0800aa') }], [{ bytes: eth('0800bb') }, { bytes: eth('0800cc') }]], ringReserve('none'), { open: [1] });
  const fake = new FakeBlocks(ring, 2);
  const walker = new RingWalker(fake, 7, ring, config({}));
  const seen: string[] = [];
  const n = walker.drainOpen((b) => { for (let i = 0; i < b.count; i++) seen.push(Buffer.from(b.bytes.subarray(b.offset[i]!, b.offset[i]! + b.capLen[i]!)).toString('hex').slice(-2)); });
  t.is(n, 2);
  t.deepEqual(seen, ['aa', 'bb', 'cc']);
  // The open block stays the kernel's; the walker is done.
  t.deepEqual(fake.released, [0]);
  t.true(walker.stopped);
  t.is(walker.drainOpen(() => t.fail('a stopped walker delivers nothing')), 0);
});

test('at stop, a kernel-owned block with an old sequence number is stale and delivers nothing', (t) => {
  // After the ring was full the kernel reopens a released block only when the next frame comes:
  // until then it still holds the frames of an earlier round, delivered long ago.
  const ring = makeRing([[{ bytes: eth('0800aa') }], [{ bytes: eth('0800bb') }]], ringReserve('none'), { open: [1], seq: [5, 2] });
  const fake = new FakeBlocks(ring, 2);
  const walker = new RingWalker(fake, 7, ring, config({}));
  let frames = 0;
  t.is(walker.drainOpen((b) => { frames += b.count; }), 0);
  t.is(frames, 1); // block 0 only, handed over with seq 5; block 1 (seq 2, not 6) is stale
  t.deepEqual(fake.released, [0]);
});

test('at stop, the first block of a capture (seq 1) is read even when none was handed over', (t) => {
  const ring = makeRing([[{ bytes: eth('0800aa') }], []], ringReserve('none'), { open: [0] });
  const walker = new RingWalker(new FakeBlocks(ring, 2), 7, ring, config({}));
  let frames = 0;
  t.is(walker.drainOpen((b) => { frames += b.count; }), 1);
  t.is(frames, 1);
});

test('each frame carries its direction as pcapng epb_flags; a block after drops carries their count, read only when the kernel says so', (t) => {
  // Packet types: host, broadcast, multicast, other host, outgoing (ifindex 2: not loopback).
  const ring = makeRing([[0, 1, 2, 3, 4].map((pkttype) => ({ bytes: eth('0800'), pkttype })), [{ bytes: eth('0806') }], [{ bytes: eth('0806') }]], ringReserve('none'));
  // The second block closed while the kernel's drop counter was not zero (TP_STATUS_LOSING).
  new DataView(ring).setUint32(BLOCK + 8, 1 | 4, true);
  const fake = new FakeBlocks(ring, 3);
  let counter = 0, readings = 0;
  const losingSeen: boolean[] = [];
  const walker = new RingWalker(fake, 7, ring, config({
    blockCount: 3,
    iface: { linkType: LinkType.EN10MB, snaplen: 262144, name: 'veth0' },
    readDrops: (losing) => {
      losingSeen.push(losing);
      if (!losing) return 0;
      readings++;
      const d = counter;
      counter = 0;
      return d;
    },
  }));
  counter = 42;
  const seen: [number[], number, string | undefined][] = [];
  walker.drain((b) => seen.push([[...b.flags!.subarray(0, b.count)], b.drops ?? 0, b.iface?.name]));
  t.deepEqual(seen, [[[5, 13, 9, 17, 2], 0, 'veth0'], [[5], 42, 'veth0'], [[5], 0, 'veth0']]);
  t.deepEqual(losingSeen, [false, true, false]);
  t.is(readings, 1);
  t.is(walker.walked, 7);
});
