/**
 * Initial sequence numbers per TCP conversation, for relative sequence numbers (tcpdump's
 * tcp_seq_hash). An open-addressing table over typed arrays that doubles when 3/4 full: lookups
 * stay O(1) however many hosts a capture has, and a packet allocates nothing.
 */
export class TcpSeqTable {
  /** Scratch key the caller fills before lookup(): `words` 32-bit words (addresses, then ports). */
  readonly key: Uint32Array;
  /** Per slot: the recorded initial sequence numbers (tcpdump's th->seq / th->ack). */
  seq: Uint32Array;
  ack: Uint32Array;
  #keys: Uint32Array;
  #used: Uint8Array;
  #mask: number;
  #size = 0;

  // Small to start with, so that it first doubles a few dozen conversations in, while add() still
  // runs unoptimised: V8 then has type feedback for #grow() before it optimises the TCP printer that
  // inlines add(). Starting at 1024, the first growth came after that and deoptimised it.
  constructor(readonly words: number, capacity = 64) {
    this.key = new Uint32Array(words);
    this.#keys = new Uint32Array(capacity * words);
    this.#used = new Uint8Array(capacity);
    this.seq = new Uint32Array(capacity);
    this.ack = new Uint32Array(capacity);
    this.#mask = capacity - 1;
  }

  /** Conversations recorded. */
  get size(): number { return this.#size; }

  #hash(keys: Uint32Array, at: number): number {
    let h = 0x811c9dc5;
    for (let i = 0; i < this.words; i++) h = Math.imul(h ^ keys[at + i]!, 0x01000193) ^ (h >>> 15);
    return (h ^ (h >>> 13)) >>> 0;
  }

  /** The slot holding `key`, or -1. */
  lookup(): number {
    const w = this.words, k = this.key, keys = this.#keys, used = this.#used;
    for (let s = this.#hash(k, 0) & this.#mask; ; s = (s + 1) & this.#mask) {
      if (used[s] === 0) return -1;
      let i = 0;
      const base = s * w;
      while (i < w && keys[base + i] === k[i]) i++;
      if (i === w) return s;
    }
  }

  /** Record `key` (not present) and return its slot; seq/ack start at 0. */
  add(): number {
    if ((this.#size + 1) * 4 > (this.#mask + 1) * 3) this.#grow();
    const s = this.#place(this.key, 0);
    this.#size++;
    return s;
  }

  #place(src: Uint32Array, at: number): number {
    const w = this.words;
    let s = this.#hash(src, at) & this.#mask;
    while (this.#used[s] !== 0) s = (s + 1) & this.#mask;
    this.#used[s] = 1;
    for (let i = 0; i < w; i++) this.#keys[s * w + i] = src[at + i]!;
    this.seq[s] = 0; this.ack[s] = 0;
    return s;
  }

  #grow(): void {
    const w = this.words, oldKeys = this.#keys, oldUsed = this.#used, oldSeq = this.seq, oldAck = this.ack;
    const cap = (this.#mask + 1) * 2;
    this.#keys = new Uint32Array(cap * w);
    this.#used = new Uint8Array(cap);
    this.seq = new Uint32Array(cap);
    this.ack = new Uint32Array(cap);
    this.#mask = cap - 1;
    for (let s = 0; s < oldUsed.length; s++) {
      if (oldUsed[s] === 0) continue;
      const n = this.#place(oldKeys, s * w);
      this.seq[n] = oldSeq[s]!; this.ack[n] = oldAck[s]!;
    }
  }
}

/** Which base a deferred number is relative to (see TcpSeqDeferred). */
export const SEQ_NUMBER = 0, ACK_NUMBER = 1, SACK_NUMBER = 2;
/** Words per recorded conversation lookup: a header word, seq, ack, and up to 9 key words. */
const OP_WORDS = 12;

/**
 * Relative sequence numbers when a file is printed in batches on worker threads: a batch's
 * printer cannot know which conversations the batches before it saw (tcpdump's table is one
 * state across the whole file), so it leaves those numbers out of its text and records instead
 * what the table would have been asked (the conversation's key, SYN, the packet's seq and ack)
 * and where each number goes. The thread that writes the batches in order keeps the one table
 * and fills the numbers in (TcpSeqFiller): the text is the same as printing on one thread.
 */
export class TcpSeqDeferred {
  /** Per lookup: words | rev << 8 | syn << 9, seq, ack, the key (OP_WORDS words). */
  ops = new Uint32Array(OP_WORDS * 256);
  opCount = 0;
  /** Per number: its place in the batch's text, the raw 32-bit value, kind | lookup index << 2. */
  nums = new Uint32Array(3 * 1024);
  numCount = 0;
  /** Scratch key the TCP printer fills (fillKey), in tcpdump's order. */
  readonly key = new Uint32Array(9);

  /** A lookup of the conversation in `key` (`words` words) by a packet with these seq/ack. */
  lookup(words: number, rev: boolean, syn: boolean, seq: number, ack: number): void {
    if ((this.opCount + 1) * OP_WORDS > this.ops.length) this.ops = grow(this.ops);
    const o = this.ops, rec = this.opCount++ * OP_WORDS;
    o[rec] = words | (rev ? 0x100 : 0) | (syn ? 0x200 : 0);
    o[rec + 1] = seq; o[rec + 2] = ack;
    for (let i = 0; i < words; i++) o[rec + 3 + i] = this.key[i]!;
  }

  /** A number of the last lookup's packet goes at `pos` of the text: `raw` less the base of `kind`. */
  number(pos: number, raw: number, kind: number): void {
    if ((this.numCount + 1) * 3 > this.nums.length) this.nums = grow(this.nums);
    const n = this.nums, rec = this.numCount++ * 3;
    n[rec] = pos; n[rec + 1] = raw; n[rec + 2] = kind | ((this.opCount - 1) << 2);
  }

  /** The text from `pos` on was taken back (a printer replaced its line): its numbers go too; the lookups stay, as the table's do. */
  truncate(pos: number): void {
    while (this.numCount > 0 && this.nums[(this.numCount - 1) * 3]! >= pos) this.numCount--;
  }

  /** Start a new batch. */
  clear(): void { this.opCount = 0; this.numCount = 0; }
}

function grow(a: Uint32Array): Uint32Array<ArrayBuffer> {
  const b = new Uint32Array(a.length * 2);
  b.set(a);
  return b;
}

/**
 * The one table of a file printed on worker threads: replays each batch's lookups in order and
 * works out the numbers they left out, exactly as the TCP printer does on one thread.
 */
export class TcpSeqFiller {
  readonly #v4 = new TcpSeqTable(3);
  readonly #v6 = new TcpSeqTable(9);
  /** What the current lookup's numbers are less, by kind (SEQ_NUMBER, ACK_NUMBER, SACK_NUMBER). */
  readonly base = new Uint32Array(3);

  /** Replay lookup `i` of `ops` (TcpSeqDeferred.ops). */
  replay(ops: Uint32Array, i: number): void {
    const rec = i * OP_WORDS, h = ops[rec]!, words = h & 0xff, rev = (h & 0x100) !== 0, syn = (h & 0x200) !== 0;
    const seq = ops[rec + 1]!, ack = ops[rec + 2]!;
    const t = words === 3 ? this.#v4 : this.#v6;
    for (let k = 0; k < words; k++) t.key[k] = ops[rec + 3 + k]!;
    let slot = t.lookup();
    const b = this.base;
    if (slot < 0 || syn) {
      // A new conversation (or a SYN restarting one): this packet's numbers print as they are.
      if (slot < 0) slot = t.add();
      if (rev) { t.ack[slot] = seq; t.seq[slot] = (ack - 1) >>> 0; } else { t.seq[slot] = seq; t.ack[slot] = (ack - 1) >>> 0; }
      b[SEQ_NUMBER] = 0; b[ACK_NUMBER] = 0;
    } else if (rev) {
      b[SEQ_NUMBER] = t.ack[slot]!; b[ACK_NUMBER] = t.seq[slot]!;
    } else {
      b[SEQ_NUMBER] = t.seq[slot]!; b[ACK_NUMBER] = t.ack[slot]!;
    }
    // SACK blocks are relative to the other side's initial number (tcpdump's thseq/thack).
    b[SACK_NUMBER] = rev ? t.seq[slot]! : t.ack[slot]!;
  }
}
