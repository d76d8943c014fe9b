// Spanning tree BPDUs (IEEE 802.1D, 802.1w RSTP, 802.1s/802.1Q MSTP), after an LLC header with
// SAP 0x42: protocol ID, version, type, then by type the configuration fields (flags, root ID,
// root path cost, bridge ID, port ID, the four timers), RSTP's version 1 length, and MSTP's
// version 3 length, MST configuration ID, CIST fields and the MSTI records (a sub-view), and
// SPB's (802.1aq) version 4 part after those (auxiliary MCID, agreement flags and digest).
// Every field is a checked getter: a cut BPDU stops where the printer first reads past it.
import { u16 } from './bytes.js';
import type { Cursor } from './cursor.js';
import { Layer } from './layer.js';
import { readMac, readU16, readU32, readU8 } from './reads.js';
import { FieldView, LayerView } from './view.js';
// Module constant, which V8 folds into the code (an imported `Layer.X` is a load and a shape check per use).
const STP = Layer.Stp;

/** Bytes of the protocol ID, version and type every BPDU starts with. */
export const STP_HEADER_LENGTH = 4;
/** Bytes of a configuration BPDU, and of an RSTP one (which adds the version 1 length). */
export const STP_CONFIG_LENGTH = 35;
export const STP_RSTP_LENGTH = 36;
/** Bytes of an MSTP BPDU up to its first MSTI record (the version 3 length counts from byte 38). */
export const STP_MSTP_LENGTH = 102;
/** Bytes of the version 3 part before the MSTI records (MST configuration ID, CIST fields). */
export const STP_V3_FIXED_LENGTH = 64;
/** Bytes of SPB's version 4 part, its length field included (tcpdump's SPB_BPDU_MIN_LEN). */
export const STP_SPB_LENGTH = 87;
/** Bytes of SPB's agreement digest. */
export const STP_SPB_AGREEMENT_DIGEST_LENGTH = 20;
/** Bytes of an MSTI configuration record. */
export const STP_MSTI_LENGTH = 16;
/** Bytes of the MST configuration name and of its digest. */
export const STP_MCID_NAME_LENGTH = 32;
/** Where the MST configuration name starts in an MSTP BPDU. */
export const STP_MCID_NAME_OFFSET = 39;
export const STP_MCID_DIGEST_LENGTH = 16;

/** A bridge identifier: priority (2 bytes, hex) and MAC, as tcpdump writes it: `8000.00:11:22:33:44:55`. */
function bridgeId(v: LayerView | FieldView, i: number): string {
  const prio = readU16(v, i), mac = readMac(v, i + 2);
  return `${(prio >> 8).toString(16).padStart(2, '0')}${(prio & 0xff).toString(16).padStart(2, '0')}.${mac}`;
}

/** One MSTI configuration record of an MSTP BPDU. */
export class StpMsti extends FieldView {
  /** The MSTI's flags (as the CIST flags). */
  get flags(): number { return readU8(this, 0); }
  /** The MSTI number (12 bits of the regional root ID's priority). */
  get mstiId(): number { return readU16(this, 1) & 0x0fff; }
  get regionalRootId(): string { return bridgeId(this, 1); }
  get internalRootPathCost(): number { return readU32(this, 9); }
  /** Bridge and port priorities (their top 4 bits as sent). */
  get bridgePriority(): number { return readU8(this, 13) >> 4; }
  get portPriority(): number { return readU8(this, 14) >> 4; }
  get remainingHops(): number { return readU8(this, 15); }
}

/** A BPDU. Decoded in full, it has every field its type has (MSTP: up to the end its version 3 length gives). */
export class Stp extends LayerView {
  readonly layer = STP;
  /** The MSTI record sub-view: `msti(i)` points it at record `i`. */
  readonly mstiRecord: StpMsti = new StpMsti(this.cursor);

  decode(c: Cursor): number {
    const o = c.off;
    this.off = o; this.end = c.end; this.headerLength = 0;
    if (c.end - o < STP_HEADER_LENGTH) return c.short(STP, o, STP_HEADER_LENGTH);
    // The BPDU's type says how long it is: a configuration BPDU 35 bytes, RSTP 36, MSTP 102 and its MSTI records.
    const b = c.buf, type = b[o + 3]!;
    let need = STP_HEADER_LENGTH;
    if (b[o] === 0 && b[o + 1] === 0) {
      if (type === 0x00) need = STP_CONFIG_LENGTH;
      else if (type === 0x02) {
        const version = b[o + 2]!;
        need = version === 3 || version === 4 ? this.mstpLength(c, o, version === 4) : STP_RSTP_LENGTH;
      }
    }
    if (need < 0) return 0;
    if (c.end - o < need) return c.short(STP, o, need);
    this.headerLength = need;
    c.mark(STP);
    c.off = o + need;
    return 0;
  }

  /** An MSTP (or SPB) BPDU's length by its version 3 (and 4) length (-1 after recording a stop). */
  private mstpLength(c: Cursor, o: number, spb: boolean): number {
    if (c.end - o < STP_MSTP_LENGTH) { c.short(STP, o, STP_MSTP_LENGTH); return -1; }
    const v3 = u16(c.buf, o + 36);
    if (v3 < STP_V3_FIXED_LENGTH) { c.invalid(STP, o, `version 3 length ${v3} < ${STP_V3_FIXED_LENGTH}`); return -1; }
    const mstp = STP_RSTP_LENGTH + 2 + v3;
    if (!spb) return mstp;
    if (c.end - o < mstp + 2) { c.short(STP, o, mstp + 2); return -1; }
    const v4 = u16(c.buf, o + mstp);
    if (v4 + 2 < STP_SPB_LENGTH) { c.invalid(STP, o, `version 4 length ${v4} < ${STP_SPB_LENGTH - 2}`); return -1; }
    return mstp + 2 + v4;
  }

  /** 0 for spanning tree. */
  get protocolId(): number { return readU16(this, 0); }
  /** 0 STP (802.1D), 2 RSTP (802.1w), 3 MSTP (802.1s), 4 SPB (802.1aq). */
  get protocolVersion(): number { return readU8(this, 2); }
  /** 0x00 configuration, 0x80 topology change notification, 0x02 RSTP/MSTP. */
  get bpduType(): number { return readU8(this, 3); }
  /** Flags (MSTP: the CIST flags): topology change, proposal, port role (bits 2–3), learning, forwarding, agreement, TC ack. */
  get flags(): number { return readU8(this, 4); }
  /** Root bridge ID (MSTP: the CIST root ID). */
  get rootId(): string { return bridgeId(this, 5); }
  /** Root path cost (MSTP: the CIST external root path cost). */
  get rootPathCost(): number { return readU32(this, 13); }
  /** Bridge ID (MSTP: the CIST regional root ID). */
  get bridgeId(): string { return bridgeId(this, 17); }
  /** Port ID (MSTP: the CIST port ID). */
  get portId(): number { return readU16(this, 25); }
  /** The timers, in 1/256 s. */
  get messageAge(): number { return readU16(this, 27); }
  get maxAge(): number { return readU16(this, 29); }
  get helloTime(): number { return readU16(this, 31); }
  get forwardDelay(): number { return readU16(this, 33); }
  /** RSTP and MSTP: the version 1 length (0). */
  get v1Length(): number { return readU8(this, 35); }
  /** MSTP: the length of what follows the version 3 length field. */
  get v3Length(): number { return readU16(this, 36); }
  /** MSTP: byte `i` of the MST configuration name (NUL padded). */
  mcidName(i: number): number { return readU8(this, STP_MCID_NAME_OFFSET + i); }
  get mcidRevision(): number { return readU16(this, 71); }
  /** MSTP: byte `i` of the configuration digest. */
  mcidDigest(i: number): number { return readU8(this, 73 + i); }
  get cistInternalRootPathCost(): number { return readU32(this, 89); }
  get cistBridgeId(): string { return bridgeId(this, 93); }
  get cistRemainingHops(): number { return readU8(this, 101); }

  /** SPB: where the version 4 part starts (after the version 3 part), relative to the BPDU. */
  get spbOffset(): number { return STP_RSTP_LENGTH + 2 + this.v3Length; }
  /** SPB: the length of what follows the version 4 length field. */
  get v4Length(): number { return readU16(this, this.spbOffset); }
  /** SPB: where the auxiliary MST configuration name (32 bytes, NUL padded) starts, relative to the BPDU. */
  get auxMcidNameOffset(): number { return this.spbOffset + 3; }
  get auxMcidRevision(): number { return readU16(this, this.spbOffset + 35); }
  /** SPB: byte `i` of the auxiliary configuration digest. */
  auxMcidDigest(i: number): number { return readU8(this, this.spbOffset + 37 + i); }
  /** SPB: the agreement byte: number (bits 6–7), discarded number (4–5), valid flag (3), restricted role flag (2). */
  get agreementFlags(): number { return readU8(this, this.spbOffset + 53); }
  /** SPB: the agreement digest format byte (identifier in the top 4 bits, capabilities below). */
  get agreementFormat(): number { return readU8(this, this.spbOffset + 55); }
  /** SPB: the agreement digest convention byte (identifier in the top 4 bits, capabilities below). */
  get agreementConvention(): number { return readU8(this, this.spbOffset + 56); }
  get agreementEdgeCount(): number { return readU16(this, this.spbOffset + 57); }
  /** SPB: byte `i` of the 20-byte agreement digest. */
  agreementDigest(i: number): number { return readU8(this, this.spbOffset + 67 + i); }

  /**
   * MSTP: how many MSTI records a printer shows — those the version 3 length covers that lie
   * within `length` bytes (the length on the wire).
   */
  mstiCount(length: number): number {
    const byV3 = Math.floor((this.v3Length - STP_V3_FIXED_LENGTH) / STP_MSTI_LENGTH);
    const byLength = Math.floor((length - STP_MSTP_LENGTH) / STP_MSTI_LENGTH);
    const n = byV3 < byLength ? byV3 : byLength;
    return n > 0 ? n : 0;
  }
  /** MSTP: the sub-view pointed at MSTI record `i`. */
  msti(i: number): StpMsti { return this.mstiRecord.point(this.off + STP_MSTP_LENGTH + i * STP_MSTI_LENGTH, this.end); }

  toJSON(): object {
    const have = this.captured, type = this.bpduType, version = this.protocolVersion;
    const base = { offset: this.offset, length: this.length, protocolId: this.protocolId, protocolVersion: version, bpduType: type };
    if (type === 0x80 || have < STP_CONFIG_LENGTH) return base;
    const config = {
      ...base, flags: this.flags, rootId: this.rootId, rootPathCost: this.rootPathCost, bridgeId: this.bridgeId, portId: this.portId,
      messageAge: this.messageAge, maxAge: this.maxAge, helloTime: this.helloTime, forwardDelay: this.forwardDelay,
    };
    if ((version !== 3 && version !== 4) || have < STP_MSTP_LENGTH) return config;
    const mstis: object[] = [];
    for (let i = 0, n = this.mstiCount(have); i < n; i++) {
      const m = this.msti(i);
      mstis.push({ mstiId: m.mstiId, flags: m.flags, regionalRootId: m.regionalRootId, internalRootPathCost: m.internalRootPathCost,
        bridgePriority: m.bridgePriority, portPriority: m.portPriority, remainingHops: m.remainingHops });
    }
    const mstp = { ...config, v3Length: this.v3Length, mcidRevision: this.mcidRevision, cistInternalRootPathCost: this.cistInternalRootPathCost,
      cistBridgeId: this.cistBridgeId, cistRemainingHops: this.cistRemainingHops, mstis };
    if (version !== 4 || have < this.spbOffset + STP_SPB_LENGTH) return mstp;
    let auxDigest = '', agreementDigest = '';
    for (let i = 0; i < STP_MCID_DIGEST_LENGTH; i++) auxDigest += this.auxMcidDigest(i).toString(16).padStart(2, '0');
    for (let i = 0; i < STP_SPB_AGREEMENT_DIGEST_LENGTH; i++) agreementDigest += this.agreementDigest(i).toString(16).padStart(2, '0');
    return { ...mstp, v4Length: this.v4Length, auxMcidRevision: this.auxMcidRevision, auxMcidDigest: auxDigest,
      agreementFlags: this.agreementFlags, agreementFormat: this.agreementFormat, agreementConvention: this.agreementConvention,
      agreementEdgeCount: this.agreementEdgeCount, agreementDigest };
  }
}
