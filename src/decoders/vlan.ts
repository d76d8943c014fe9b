// IEEE 802.1Q VLAN tags and 802.1ad (QinQ) stacks: 4 bytes each (TCI + EtherType).
import { u16 } from './bytes.js';
import type { Cursor } from './cursor.js';
import { Layer } from './layer.js';
import { byEtherType } from './registry-tables.js';
import { LayerView, NOT_CAPTURED } from './view.js';
// Module constants, which V8 folds into the code (an imported `Layer.X` is a load and a shape check per use).
const VLAN = Layer.Vlan;
// The registry tables as module constants: V8 then knows each array and skips the import cell load and its checks.
const BY_ETHER_TYPE = byEtherType;

/** Bytes of one tag (TCI and the next EtherType). */
export const VLAN_TAG_LENGTH = 4;

/** How many stacked tags one packet reports; deeper tags stay in the payload (no error). */
export const VLAN_CAPACITY = 8;

/** One VLAN tag. `tpid` is the EtherType that introduced it (0x8100, 0x88a8, 0x9100…). */
export class Vlan extends LayerView {
  readonly layer = VLAN;
  /** The EtherType before this tag (0x8100 for 802.1Q, 0x88a8 for 802.1ad). */
  tpid = 0;

  // A tag is decoded by VlanStack, which owns the fixed set of tag views.
  decode(_c: Cursor): number { return 0; }

  // The fixed header's getters do not check: decode() proved it for a view the Packet hands out, and a
  // printer reading the view of a cut header tests has()/need() first, as tcpdump's ND_TTEST/ND_TCHECK do.
  // (Checks in these getters, on every packet, made printing 10% slower: V8 stops inlining them.)
  /** Tag control information: priority (3 bits), DEI (1), VLAN id (12). */
  get tci(): number { return u16(this.cursor.buf, this.off); }
  /** Priority code point (0–7). */
  get priority(): number { return this.tci >> 13; }
  /** Drop eligible indicator (formerly CFI). */
  get dei(): boolean { return (this.tci & 0x1000) !== 0; }
  /** VLAN identifier (0–4095). */
  get id(): number { return this.tci & 0xfff; }
  /** The EtherType after the tag. */
  get etherType(): number { return u16(this.cursor.buf, this.off + 2); }

  /** Points this tag at `off` (bytes up to `end`): for a printer walking tags itself. */
  point(off: number, end: number): this {
    this.off = off; this.end = end; this.headerLength = end - off >= 4 ? 4 : 0;
    return this;
  }

  toJSON(): object {
    return { offset: this.offset, length: this.length, tpid: this.tpid, priority: this.priority, dei: this.dei, id: this.id, etherType: this.etherType };
  }
}

/** Decodes every consecutive tag into a fixed set of `Vlan` views. */
export class VlanStack extends LayerView {
  readonly layer = VLAN;
  readonly tags: Vlan[] = Array.from({ length: VLAN_CAPACITY }, () => new Vlan(this.cursor));
  /** lists[n]: the first n tags, one fixed array per depth, so a packet's tag list is never allocated. */
  readonly lists: (readonly Vlan[])[] = Array.from({ length: VLAN_CAPACITY + 1 }, (_, n) => this.tags.slice(0, n));
  /** Tags in the current packet. */
  count = 0;
  /** A tag view of its own for a printer that walks the tags (past VLAN_CAPACITY, or where the walk did not go). */
  readonly spare: Vlan = new Vlan(this.cursor);

  decode(c: Cursor): number {
    for (let n = 0; ;) {
      const tag = this.tags[n]!;
      tag.off = c.off; tag.end = c.end;
      if (c.end - c.off < 4) { tag.headerLength = 0; this.off = c.off; this.end = c.end; return c.short(VLAN, c.off, 4); }
      tag.headerLength = 4; n++;
      tag.tpid = c.etherType;
      this.count = n;
      c.present |= 1 << VLAN;
      const t = u16(c.buf, c.off + 2);
      c.off += 4;
      c.etherType = t;
      const next = BY_ETHER_TYPE[t]!;
      if (next !== VLAN) return next;
      if (n === VLAN_CAPACITY) return 0;
    }
  }

  toJSON(): object { return this.tags.map((t) => t.toJSON()); }
}
