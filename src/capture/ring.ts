// The TPACKET_V3 ring walker: every ready block becomes Batches over the mmap'ed ring (up to 1024
// frames each), with no copy per frame; the block goes back to the kernel when the synchronous
// consumer has returned from its last one.
// Layouts are linux/if_packet.h, host byte order (little-endian on every platform vcap targets).
import type { Batch } from './batch.js';
import type { CaptureInterface } from './capture-interface.js';
import { FLAGS_OF_PACKET_TYPE } from './capture-interface.js';
import type { FilterProgram } from '../filter/index.js';

/** The two addon calls the walker needs; tests pass a fake that serves hand-made blocks. */
export interface RingBlocks {
  /** Index of the next block if the kernel has handed it to user space, else -1. */
  nextBlock(handle: number): number;
  /** Give block `block` back to the kernel (TP_STATUS_KERNEL, release ordering). */
  releaseBlock(handle: number, block: number): void;
}

/** What the kernel puts before the frame and what vcap rebuilds there, as libpcap does. */
export type CookedHeader = 'none' | 'sll' | 'sll2';

export interface RingConfig {
  /** LINKTYPE_* of the frames the walker delivers. */
  linkType: number;
  /** Frames are cut to this many bytes (after any rebuilt header), as pcap's snapshot length. */
  snaplen: number;
  blockSize: number;
  blockCount: number;
  /** SOCK_DGRAM sockets: build a LINUX_SLL (16 bytes) or LINUX_SLL2 (20 bytes) header in the reserved space. */
  cooked: CookedHeader;
  /** Where a stripped 802.1Q tag goes back (12 for Ethernet, 14 for LINUX_SLL), -1 for never. */
  vlanOffset: number;
  /** -Q: PACKET_OUTGOING frames are "out", everything else "in". */
  direction: 'in' | 'out' | 'inout';
  /** Outgoing frames on loopback are dropped: they come back as incoming ones (libpcap does the same). */
  loIfindex: number;
  /** The interface the batches say they come from. */
  iface?: CaptureInterface;
  /**
   * Called for every block: the frames the kernel dropped that no batch has reported yet, which
   * become the batch's `drops` (they were lost before its first frame). `losing`: the block says
   * the kernel's drop counter is not zero (TP_STATUS_LOSING, set as the kernel closes a block), so
   * the counter is worth reading now (reading clears it).
   */
  readDrops?: (losing: boolean) => number;
}

// struct tpacket_block_desc / tpacket_hdr_v1
const BLK_STATUS = 8;
const BLK_NUM_PKTS = 12;
const BLK_FIRST_PKT = 16;
/** seq_num: the kernel numbers blocks as it opens them, from 1; the low 32 bits are enough here. */
const BLK_SEQ = 24;
const TP_STATUS_USER = 1;
const TP_STATUS_LOSING = 4;
// struct tpacket3_hdr
const TP_NEXT = 0, TP_SEC = 4, TP_NSEC = 8, TP_SNAPLEN = 12, TP_LEN = 16, TP_STATUS = 20, TP_MAC = 24;
const TP_VLAN_TCI = 32, TP_VLAN_TPID = 36;
// struct sockaddr_ll follows the header at TPACKET_ALIGN(sizeof(struct tpacket3_hdr)) = 48
const SLL = 48;
const SLL_PROTOCOL = SLL + 2, SLL_IFINDEX = SLL + 4, SLL_HATYPE = SLL + 8, SLL_PKTTYPE = SLL + 10, SLL_HALEN = SLL + 11, SLL_ADDR = SLL + 12;
const TP_STATUS_VLAN_VALID = 0x10, TP_STATUS_VLAN_TPID_VALID = 0x40;
const PACKET_OUTGOING = 4;
const ETH_P_8021Q = 0x8100;

/**
 * A block goes to the consumer in batches of at most CHUNK_FRAMES frames spanning at most
 * CHUNK_BYTES of the ring (a 1 MiB block of small frames is six or seven batches): the frames a
 * batch walked are still in the CPU's cache (1 MiB of L2 here) when the consumer reads them again
 * and, for -w, when the addon gathers them for the file; after a whole block they are not.
 */
const CHUNK_FRAMES = 1024;
const CHUNK_BYTES = 256 * 1024;

/** Bytes a ring needs in front of each frame (PACKET_RESERVE): a VLAN tag plus any cooked header. */
export function ringReserve(cooked: CookedHeader): number {
  return 4 + (cooked === 'sll2' ? 20 : cooked === 'sll' ? 16 : 0);
}

/** The batch handed to the consumer: one object and one set of columns, reused for every batch. */
class RingBatch implements Batch {
  count = 0;
  drops = 0;
  /** The fewest bytes between a frame's own tpacket3_hdr and its first byte, over the batch. */
  headroom = 0;
  readonly offset: Uint32Array;
  readonly capLen: Uint32Array;
  readonly origLen: Uint32Array;
  readonly sec: Float64Array;
  readonly nsec: Uint32Array;
  readonly flags: Uint32Array;
  constructor(readonly linkType: number, readonly bytes: Uint8Array, capacity: number, readonly iface: CaptureInterface | undefined) {
    this.offset = new Uint32Array(capacity);
    this.capLen = new Uint32Array(capacity);
    this.origLen = new Uint32Array(capacity);
    this.sec = new Float64Array(capacity);
    this.nsec = new Uint32Array(capacity);
    this.flags = new Uint32Array(capacity);
  }
}

export class RingWalker {
  readonly bytes: Uint8Array;
  readonly #view: DataView;
  readonly #batch: RingBatch;
  readonly #cfg: RingConfig;
  readonly #blocks: RingBlocks;
  readonly #handle: number;
  #stopped = false;
  /** The block the kernel hands over next (the one it is filling once every earlier one is back). */
  #cursor = 0;
  /** Sequence number of the last block walked (0: none yet). */
  #lastSeq = 0;
  /** Where the next frame of the block being walked is, and how many frames the last #fill() walked. */
  #next = 0;
  #filled = 0;
  /** Frames delivered to consumers so far. */
  delivered = 0;
  /** Frames the walk has taken from the ring so far, kept or not (-Q, a user-space filter). */
  walked = 0;
  /** A program to run on each frame here, in user space: for `userFilterBlocks` more blocks. */
  userFilter: FilterProgram | undefined;
  /** Blocks still to filter in user space (Infinity: always, when the kernel could not take the program). */
  userFilterBlocks = 0;

  constructor(blocks: RingBlocks, handle: number, ring: ArrayBuffer, cfg: RingConfig) {
    this.#blocks = blocks;
    this.#handle = handle;
    this.#cfg = cfg;
    this.bytes = new Uint8Array(ring);
    this.#view = new DataView(ring);
    this.#batch = new RingBatch(cfg.linkType, this.bytes, CHUNK_FRAMES, cfg.iface);
  }

  /** Stop after the batch being consumed (its block goes back to the kernel); later drains deliver nothing. */
  stop(): void { this.#stopped = true; }
  get stopped(): boolean { return this.#stopped; }

  /**
   * Deliver every block the kernel has handed over, in batches of up to CHUNK_FRAMES frames,
   * releasing each block after `consume` returns from its last batch (or throws), and at most `maxBlocks` of them, so that a flood the consumer
   * cannot keep up with still lets the event loop run (signals, timers). Returns the blocks walked.
   */
  drain(consume: (batch: Batch) => void, maxBlocks = Infinity): number {
    let walked = 0;
    for (let b = walked < maxBlocks ? this.#blocks.nextBlock(this.#handle) : -1; b >= 0 && !this.#stopped;
      b = walked < maxBlocks ? this.#blocks.nextBlock(this.#handle) : -1) {
      walked++;
      try {
        this.#deliver(b, false, consume);
      } finally {
        this.#blocks.releaseBlock(this.#handle, b);
        this.#cursor = (b + 1) % this.#cfg.blockCount;
        if (this.userFilterBlocks > 0) {
          this.userFilterBlocks--;
          if (this.userFilterBlocks === 0) this.userFilter = undefined;
        }
      }
    }
    return walked;
  }

  /**
   * Once nothing can reach the ring any more (the addon's packetQuiesce): deliver the frames of the
   * block the kernel was still filling, which it would hand over only when full or when its
   * timeout passed, then stop. The open block carries the next sequence number; a block with an
   * older one is a stale block the kernel has not reopened (it reopens lazily after the ring was
   * full), and holds nothing new. The block stays the kernel's: the socket is about to close.
   */
  drainOpen(consume: (batch: Batch) => void): number {
    let n = 0;
    if (!this.#stopped) {
      this.drain(consume);
      const base = this.#cursor * this.#cfg.blockSize;
      const dv = this.#view;
      if (!this.#stopped && (dv.getUint32(base + BLK_STATUS, true) & TP_STATUS_USER) === 0
        && dv.getUint32(base + BLK_SEQ, true) === ((this.#lastSeq + 1) >>> 0)) {
        n = this.#deliver(this.#cursor, true, consume);
      }
    }
    this.#stopped = true;
    return n;
  }

  /**
   * Block `b`'s frames to `consume`, in batches of at most CHUNK_FRAMES frames over at most
   * CHUNK_BYTES of the ring, each through the user-space filter if one is due. Returns the frames
   * delivered. `open`: the block the kernel was still filling (its status says nothing yet about
   * drops before it, so the counter is read anyway). Called once per block, so never optimized
   * itself: the filter is not compiled into the walk.
   */
  #deliver(b: number, open: boolean, consume: (batch: Batch) => void): number {
    const dv = this.#view, batch = this.#batch, base = b * this.#cfg.blockSize;
    let left = dv.getUint32(base + BLK_NUM_PKTS, true);
    this.walked += left;
    this.#lastSeq = dv.getUint32(base + BLK_SEQ, true);
    // Drops before the block go with the first batch that has frames.
    batch.drops = this.#cfg.readDrops?.(open || (dv.getUint32(base + BLK_STATUS, true) & TP_STATUS_LOSING) !== 0) ?? 0;
    this.#next = base + dv.getUint32(base + BLK_FIRST_PKT, true);
    let delivered = 0;
    while (left > 0 && !this.#stopped) {
      let n = this.#fill(Math.min(left, CHUNK_FRAMES));
      left -= this.#filled;
      if (this.userFilter !== undefined) n = batch.count = this.#refilter(this.userFilter, n);
      this.delivered += n;
      delivered += n;
      if (n > 0) {
        consume(batch);
        batch.drops = 0;
      }
    }
    return delivered;
  }

  /**
   * Fill the batch columns from the frame at #next on: up to `max` frames, fewer once they span
   * CHUNK_BYTES of the ring. Leaves #next at the frame after them and #filled at how many were
   * walked; returns the number of frames kept.
   */
  #fill(max: number): number {
    const dv = this.#view, bytes = this.bytes, cfg = this.#cfg, batch = this.#batch;
    const { offset, capLen, origLen, sec, nsec, flags } = batch;
    const cooked = cfg.cooked, vlanOffset = cfg.vlanOffset, snaplen = cfg.snaplen;
    const wantIn = cfg.direction !== 'out', wantOut = cfg.direction !== 'in', lo = cfg.loIfindex;
    let n = 0;
    // The kernel puts each frame at least TPACKET3_HDRLEN (68) bytes after its tpacket3_hdr starts
    // (tp_mac: the header, the sockaddr_ll, PACKET_RESERVE; a rebuilt cooked header or VLAN tag
    // takes no more than the reserve): once the walk has read them, those bytes are the consumer's.
    let headroom = cfg.blockSize;
    let p = this.#next, i = 0;
    const end = p + CHUNK_BYTES;
    for (; i < max && p < end; i++) {
      const next = dv.getUint32(p + TP_NEXT, true);
      const pkttype = bytes[p + SLL_PKTTYPE]!;
      const outgoing = pkttype === PACKET_OUTGOING;
      if (outgoing ? (wantOut && dv.getInt32(p + SLL_IFINDEX, true) !== lo) : wantIn) {
        let start = p + dv.getUint16(p + TP_MAC, true);
        let cap = dv.getUint32(p + TP_SNAPLEN, true);
        let len = dv.getUint32(p + TP_LEN, true);
        if (cooked === 'sll2') {
          start -= 20;
          bytes[start] = bytes[p + SLL_PROTOCOL]; bytes[start + 1] = bytes[p + SLL_PROTOCOL + 1];   // already big-endian
          bytes[start + 2] = 0; bytes[start + 3] = 0;
          dv.setUint32(start + 4, dv.getInt32(p + SLL_IFINDEX, true));
          dv.setUint16(start + 8, dv.getUint16(p + SLL_HATYPE, true));
          bytes[start + 10] = bytes[p + SLL_PKTTYPE];
          bytes[start + 11] = bytes[p + SLL_HALEN];
          bytes.copyWithin(start + 12, p + SLL_ADDR, p + SLL_ADDR + 8);
          cap += 20; len += 20;
        } else if (cooked === 'sll') {
          start -= 16;
          dv.setUint16(start, bytes[p + SLL_PKTTYPE]);
          dv.setUint16(start + 2, dv.getUint16(p + SLL_HATYPE, true));
          dv.setUint16(start + 4, bytes[p + SLL_HALEN]);
          bytes.copyWithin(start + 6, p + SLL_ADDR, p + SLL_ADDR + 8);
          bytes[start + 14] = bytes[p + SLL_PROTOCOL]; bytes[start + 15] = bytes[p + SLL_PROTOCOL + 1];
          cap += 16; len += 16;
        }
        const status = dv.getUint32(p + TP_STATUS, true);
        const tci = dv.getUint32(p + TP_VLAN_TCI, true);
        // The kernel strips the outer 802.1Q tag into tp_vlan_tci; put it back in place, in the
        // space PACKET_RESERVE left in front of the frame (libpcap's VLAN_VALID/VLAN_TPID logic).
        if (vlanOffset >= 0 && (tci !== 0 || (status & TP_STATUS_VLAN_VALID) !== 0) && cap >= vlanOffset) {
          bytes.copyWithin(start - 4, start, start + vlanOffset);
          start -= 4;
          const tpid = dv.getUint16(p + TP_VLAN_TPID, true);
          dv.setUint16(start + vlanOffset, tpid !== 0 || (status & TP_STATUS_VLAN_TPID_VALID) !== 0 ? tpid : ETH_P_8021Q);
          dv.setUint16(start + vlanOffset + 2, tci & 0xffff);
          cap += 4; len += 4;
        }
        if (cap > snaplen) cap = snaplen;
        if (start - p < headroom) headroom = start - p;
        offset[n] = start;
        capLen[n] = cap;
        origLen[n] = len;
        sec[n] = dv.getUint32(p + TP_SEC, true);
        nsec[n] = dv.getUint32(p + TP_NSEC, true);
        flags[n] = FLAGS_OF_PACKET_TYPE[pkttype]!;
        n++;
      }
      p += next;
    }
    this.#next = p;
    this.#filled = i;
    batch.count = n;
    batch.headroom = headroom;
    return n;
  }

  /** Keep the frames of the batch `program` accepts (for a few blocks after a swap, or always when the kernel refused it). */
  #refilter(program: FilterProgram, count: number): number {
    const { offset, capLen, origLen, sec, nsec, flags } = this.#batch, bytes = this.bytes;
    let n = 0;
    for (let i = 0; i < count; i++) {
      if (!program.matches(bytes, offset[i]!, capLen[i]!, origLen[i]!)) continue;
      offset[n] = offset[i]!; capLen[n] = capLen[i]!; origLen[n] = origLen[i]!; sec[n] = sec[i]!; nsec[n] = nsec[i]!; flags[n] = flags[i]!;
      n++;
    }
    return n;
  }
}
