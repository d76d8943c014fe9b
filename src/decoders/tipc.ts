// TIPC (Transparent Inter-Process Communication, EtherType 0x88CA), version 2 message headers:
// word 0 (version, user, header size, message size), word 1 (message type…), then words whose
// meaning depends on the user: a data message's ports and nodes, an internal (link, changeover,
// bundler, fragmenter) message's gaps and sequence numbers, a neighbor-detection (link config)
// message's domain and network id. Every field is a checked getter, named for what it is in the
// header the user selects (tcpdump's print-tipc.c reads the same words as three structs).
import type { Cursor } from './cursor.js';
import { Layer } from './layer.js';
import { readU32 } from './reads.js';
import { LayerView } from './view.js';
// Module constant, which V8 folds into the code (an imported `Layer.X` is a load and a shape check per use).
const TIPC = Layer.Tipc;

/** Bytes of word 0, which holds the header size. */
export const TIPC_WORD_LENGTH = 4;
/** The shortest TIPC header: a data message to a port (6 words). */
export const TIPC_MIN_HEADER_LENGTH = 24;

/** Message users (word 0 bits 25-28). */
export const TipcUser = {
  LowImportance: 0, MediumImportance: 1, HighImportance: 2, CriticalImportance: 3, BroadcastProtocol: 5,
  MessageBundler: 6, LinkProtocol: 7, ConnectionManager: 8, ChangeoverProtocol: 10, NameDistributor: 11,
  MessageFragmenter: 12, LinkConfig: 13,
} as const;

/** A TIPC message header. `headerLength` is the header size field (in words) × 4. */
export class Tipc extends LayerView {
  readonly layer = TIPC;

  decode(c: Cursor): number {
    const o = c.off;
    this.off = o; this.end = c.end; this.headerLength = 0;
    if (c.end - o < TIPC_WORD_LENGTH) return c.short(TIPC, o, TIPC_WORD_LENGTH);
    const b = c.buf;
    const hl = (((b[o]! & 1) << 3) | (b[o + 1]! >> 5)) * 4;
    if (hl < TIPC_MIN_HEADER_LENGTH) return c.invalid(TIPC, o, `header length ${hl} < ${TIPC_MIN_HEADER_LENGTH}`);
    if (c.end - o < hl) return c.short(TIPC, o, hl);
    this.headerLength = hl;
    c.mark(TIPC);
    c.off = o + hl;
    return 0;
  }

  /** Word 0. */
  get version(): number { return readU32(this, 0) >>> 29; }
  /** Who sent the message (`TipcUser`): data of an importance, or one of TIPC's own protocols. */
  get user(): number { return (readU32(this, 0) >>> 25) & 0x0f; }
  /** Header size in 32-bit words. */
  get headerSize(): number { return (readU32(this, 0) >>> 21) & 0x0f; }
  /** Message size in bytes, the header included. */
  get messageSize(): number { return readU32(this, 0) & 0x1ffff; }
  /** Word 1, whole (internal messages print it in hex). */
  get word1(): number { return readU32(this, 4); }
  get messageType(): number { return readU32(this, 4) >>> 29; }
  /** Internal messages: the sequence gap (word 1 bits 16-28). */
  get sequenceGap(): number { return (readU32(this, 4) >>> 16) & 0x1fff; }
  /** Data and internal messages: the broadcast acknowledgement (word 1's low 16 bits). */
  get broadcastAck(): number { return readU32(this, 4) & 0xffff; }
  /** Link config messages: the node signature (word 1's low 16 bits). */
  get nodeSignature(): number { return readU32(this, 4) & 0xffff; }
  /** Data messages, word 2: link acknowledgement and link sequence number. */
  get linkAck(): number { return readU32(this, 8) >>> 16; }
  get linkSequence(): number { return readU32(this, 8) & 0xffff; }
  /** Internal messages, word 2: the broadcast gap. */
  get broadcastGapAfter(): number { return readU32(this, 8) >>> 16; }
  get broadcastGapTo(): number { return readU32(this, 8) & 0xffff; }
  /** Link config messages, word 2: the destination domain (a TIPC address). */
  get destinationDomain(): number { return readU32(this, 8); }
  /** Word 3: the previous node (a TIPC address: zone 8 bits, cluster 12, node 12). */
  get previousNode(): number { return readU32(this, 12); }
  /** Data messages: originating and destination ports (words 4 and 5). */
  get originPort(): number { return readU32(this, 16); }
  get destinationPort(): number { return readU32(this, 20); }
  /** Internal messages, word 4: last and next sent fragment numbers. */
  get lastSentFragment(): number { return readU32(this, 16) >>> 16; }
  get nextSentFragment(): number { return readU32(this, 16) & 0xffff; }
  /** Link config messages, word 4: the network id. */
  get networkId(): number { return readU32(this, 16); }
  /** Internal messages, word 5: the session number. */
  get sessionNumber(): number { return readU32(this, 20) >>> 16; }
  /** Link config messages, word 5: the media id. */
  get mediaId(): number { return readU32(this, 20) & 0xff; }
  /** Data (long header) and internal messages: originating and destination nodes (words 6 and 7). */
  get originNode(): number { return readU32(this, 24); }
  get destinationNode(): number { return readU32(this, 28); }
  /** Internal messages, word 8: the transport sequence number. */
  get transportSequence(): number { return readU32(this, 32); }
  /** Internal messages, word 9: message count and link tolerance. */
  get messageCount(): number { return readU32(this, 36) >>> 16; }
  get linkTolerance(): number { return readU32(this, 36) & 0xffff; }

  toJSON(): object {
    return {
      offset: this.offset, length: this.length, version: this.version, user: this.user,
      headerSize: this.headerSize, messageSize: this.messageSize, messageType: this.messageType,
      previousNode: tipcAddress(this.previousNode),
    };
  }
}

/** A TIPC address as `zone.cluster.node`. */
export function tipcAddress(a: number): string { return `${a >>> 24}.${(a >>> 12) & 0xfff}.${a & 0xfff}`; }
