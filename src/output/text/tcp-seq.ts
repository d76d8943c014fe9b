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

  constructor(readonly words: number, capacity = 1024) {
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
