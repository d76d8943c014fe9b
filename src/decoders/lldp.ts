// LLDP (IEEE 802.1AB), EtherType 0x88cc: a list of TLVs, each a 7-bit type and a 9-bit length,
// up to an End TLV (type 0). Organisationally specific TLVs (type 127) carry an OUI and a subtype:
// IEEE 802.1, IEEE 802.3, TIA LLDP-MED, IANA (MUD URL) and DCBX, whose fields LldpTlv names.
import { ipv4ToString, ipv6ToString, macToString } from './addr.js';
import { u16, u32 } from './bytes.js';
import type { Cursor } from './cursor.js';
import { Layer } from './layer.js';
import { FieldView, LayerView, NOT_CAPTURED } from './view.js';
// Module constants, which V8 folds into the code (an imported `Layer.X` is a load and a shape check per use).
const LLDP = Layer.Lldp;

/** Bytes of a TLV header (type and length). */
export const LLDP_TLV_HEADER_LENGTH = 2;

/** TLV types (IEEE 802.1AB-2016 table 8-1). */
export const LldpTlvType = {
  End: 0, ChassisId: 1, PortId: 2, Ttl: 3, PortDescription: 4, SystemName: 5, SystemDescription: 6,
  SystemCapabilities: 7, ManagementAddress: 8, OrganizationSpecific: 127,
} as const;

/** OUIs of the organisationally specific TLVs vcap knows. */
export const LldpOui = { Ieee8021: 0x0080c2, Ieee8023: 0x00120f, Tia: 0x0012bb, Iana: 0x00005e, Dcbx: 0x001b21 } as const;

/**
 * One TLV of an LLDP frame (or one TLV inside a DCBX TLV, which has the same header), pointed at
 * its first byte by a printer walking the list. Every getter is checked (NOT_CAPTURED past `end`);
 * field getters read from the value, after the 2-byte header, at the offsets of 802.1AB and of
 * the organisation's standard. Fields of one TLV type mean nothing for the others.
 */
export class LldpTlv extends FieldView {
  /** Type (7 bits). */
  get type(): number { return this.v8(-2) >> 1; }
  /** Length of the value (9 bits). */
  get valueLength(): number { return this.v16(-2) & 0x1ff; }
  /** Absolute index of the value's first byte in `buf`. */
  get valueStart(): number { return this.off + LLDP_TLV_HEADER_LENGTH; }
  /** True when the header and `n` bytes of value were captured. */
  hasValue(n: number): boolean { return this.off + LLDP_TLV_HEADER_LENGTH + n <= this.end; }
  /** Byte `i` of the value, checked: for text and data walked byte by byte, not fields. */
  valueByte(i: number): number { return this.v8(i); }

  // Chassis ID (1), Port ID (2).
  /** Chassis ID / Port ID subtype (the value's first byte). */
  get idSubtype(): number { return this.v8(0); }
  /** A MAC address ID (chassis subtype 4, port subtype 3). */
  get idMac(): string { this.need(LLDP_TLV_HEADER_LENGTH + 7); return macToString(this.cursor.buf, this.off + 3); }
  /** A network address ID (chassis subtype 5, port subtype 4): its address family (IANA AFN). */
  get idAddressFamily(): number { return this.v8(1); }
  /** A network address ID as text: IPv4, IPv6 or a MAC by its family; undefined for other families or a short value. */
  get idAddress(): string | undefined { return this.address(1, this.valueLength - 1); }

  // Time to Live (3).
  get ttl(): number { return this.v16(0); }

  // System Capabilities (7).
  get systemCapabilities(): number { return this.v16(0); }
  get enabledCapabilities(): number { return this.v16(2); }

  // Management Address (8): string length, family, address, interface numbering, OID.
  /** Length of the address string: the family byte and the address. */
  get managementAddressLength(): number { return this.v8(0); }
  get managementAddressFamily(): number { return this.v8(1); }
  /** The management address as text (IPv4, IPv6, MAC), undefined for other families or one too short. */
  get managementAddress(): string | undefined { return this.address(1, this.managementAddressLength); }
  /** Where the interface numbering starts in the value. */
  get interfaceNumberingAt(): number { return 1 + this.managementAddressLength; }
  get interfaceNumberingSubtype(): number { return this.v8(this.interfaceNumberingAt); }
  get interfaceNumber(): number { return this.v32(this.interfaceNumberingAt + 1); }
  /** Where the OID string length is in the value (the OID follows it). */
  get oidAt(): number { return this.interfaceNumberingAt + 5; }
  get oidLength(): number { return this.v8(this.oidAt); }

  // Organisationally specific (127).
  get oui(): number { return (this.v8(0) << 16) | this.v16(1); }
  get orgSubtype(): number { return this.v8(3); }

  // IEEE 802.1 (00-80-c2).
  /** Port VLAN ID (subtype 1). */
  get portVlanId(): number { return this.v16(4); }
  /** Port and protocol VLAN ID (subtype 2): flags, then the PPVID. */
  get ppvidFlags(): number { return this.v8(4); }
  get ppvid(): number { return this.v16(5); }
  /** VLAN name (subtype 3): the VID, the name's length; the name starts at value byte 7. */
  get vlanId(): number { return this.v16(4); }
  get vlanNameLength(): number { return this.v8(6); }
  /** Protocol identity (subtype 4): its length; it starts at value byte 5. */
  get protocolIdentityLength(): number { return this.v8(4); }
  /** Link aggregation (802.1 subtype 7, 802.3 subtype 3): status bits and the aggregated port ID. */
  get aggregationStatus(): number { return this.v8(4); }
  get aggregationPortId(): number { return this.v32(5); }
  /** Congestion notification (subtype 8): per-priority CNPV and Ready bits. */
  get cnpvIndicators(): number { return this.v8(4); }
  get readyIndicators(): number { return this.v8(5); }
  /** ETS configuration (9) flags (willing, CBS, max TCs) / ETS recommendation (10) reserved byte. */
  get etsFlags(): number { return this.v8(4); }
  /** ETS: the traffic class priority `i` (0-7) is assigned to. */
  etsPriorityAssignment(i: number): number { const b = this.v8(5 + (i >> 1)); return i & 1 ? b & 0x0f : b >> 4; }
  /** ETS: bandwidth percentage of traffic class `i`. */
  etsBandwidth(i: number): number { return this.v8(9 + i); }
  /** ETS: transmission selection algorithm of traffic class `i`. */
  etsAlgorithm(i: number): number { return this.v8(17 + i); }
  /** PFC configuration (subtype 11): flags (willing, MBC, capability), then the per-priority enable bits. */
  get pfcFlags(): number { return this.v8(4); }
  get pfcEnable(): number { return this.v8(5); }
  /** Application priority (subtype 12): the reserved byte, then 3-byte entries from value byte 5. */
  get applicationReserved(): number { return this.v8(4); }
  applicationPriorityFlags(i: number): number { return this.v8(5 + 3 * i); }
  applicationProtocolId(i: number): number { return this.v16(6 + 3 * i); }
  /** EVB (subtype 13): bridge status, station status, R/RTE, mode/ROL/RWD, ROL/RKA bytes. */
  get evbBridgeStatus(): number { return this.v8(4); }
  get evbStationStatus(): number { return this.v8(5); }
  get evbRetries(): number { return this.v8(6); }
  get evbMode(): number { return this.v8(7); }
  get evbKeepAlive(): number { return this.v8(8); }
  /** CDCP (subtype 14): role/SComp byte, channel capacity, then 3-byte SCID/SVID entries from value byte 8. */
  get cdcpFlags(): number { return this.v8(4); }
  get cdcpChannelCapacity(): number { return this.v16(6) & 0x0fff; }
  cdcpChannel(i: number): number { const o = 8 + 3 * i; return (this.v8(o) << 16) | this.v16(o + 1); }

  // IEEE 802.3 (00-12-0f).
  /** MAC/PHY (subtype 1): autonegotiation bits, advertised PMD capabilities, operational MAU type. */
  get autonegotiation(): number { return this.v8(4); }
  get pmdCapabilities(): number { return this.v16(5); }
  get mauType(): number { return this.v16(7); }
  /** Power via MDI (subtype 2): support bits, power pair, power class. */
  get mdiPowerSupport(): number { return this.v8(4); }
  get mdiPowerPair(): number { return this.v8(5); }
  get mdiPowerClass(): number { return this.v8(6); }
  /** Maximum frame size (subtype 4). */
  get maxFrameSize(): number { return this.v16(4); }

  // TIA LLDP-MED (00-12-bb).
  /** Capabilities (subtype 1): the capability bits and the device type. */
  get medCapabilities(): number { return this.v16(4); }
  get medDeviceType(): number { return this.v8(6); }
  /** Network policy (subtype 2): application type; flags, VLAN, L2 priority and DSCP in the next 3 bytes. */
  get policyApplicationType(): number { return this.v8(4); }
  get policyFlags(): number { return this.v8(5); }
  get policyVlanId(): number { return (this.v16(5) & 0x1ffe) >> 1; }
  get policyPriority(): number { return (this.v16(6) & 0x01ff) >> 6; }
  get policyDscp(): number { return this.v16(6) & 0x003f; }
  /** Location identification (subtype 3): the data format. */
  get locationFormat(): number { return this.v8(4); }
  /** Coordinate-based LCI: resolutions, 34-bit latitude/longitude, altitude type/resolution/value, datum. */
  get latitudeResolution(): number { return this.v8(5) >> 2; }
  get latitude(): number { return (this.v8(5) & 3) * 0x100000000 + this.v32(6); }
  get longitudeResolution(): number { return this.v8(10) >> 2; }
  get longitude(): number { return (this.v8(10) & 3) * 0x100000000 + this.v32(11); }
  get altitudeType(): number { return this.v8(15) >> 4; }
  get altitudeResolution(): number { return (this.v16(15) >> 6) & 0x3f; }
  get altitude(): number { return this.v32(16) & 0x3fffffff; }
  get datum(): number { return this.v8(20); }
  /** Civic address LCI: its length and the "what" byte; the country code is value bytes 7-8, elements follow. */
  get civicLength(): number { return this.v8(5); }
  get civicWhat(): number { return this.v8(6); }
  /** A civic address element at value byte `at`: its CA type and length (its text follows). */
  civicType(at: number): number { return this.v8(at); }
  civicElementLength(at: number): number { return this.v8(at + 1); }
  /** Extended power via MDI (subtype 4): type/source/priority byte and the power in 0.1 W. */
  get powerFlags(): number { return this.v8(4); }
  get powerValue(): number { return this.v16(5); }

  // DCBX (00-1b-21) TLVs inside the organisational TLV: the same header; fields from their value.
  get dcbxOperVersion(): number { return this.v8(0); }
  get dcbxMaxVersion(): number { return this.v8(1); }
  /** Control: sequence and acknowledgement numbers. */
  get dcbxSequence(): number { return this.v32(2); }
  get dcbxAcknowledgement(): number { return this.v32(6); }
  /** Feature TLVs: the enable/willing/error byte and the subtype. */
  get dcbxInfo(): number { return this.v8(2); }
  get dcbxSubtype(): number { return this.v8(3); }
  /** Priority group: the group of priority `i`, the percentage of group `i`, the number of TCs. */
  dcbxPriorityGroup(i: number): number { return (this.v32(4) >>> (28 - 4 * i)) & 0xf; }
  dcbxGroupPercentage(i: number): number { return this.v8(8 + i); }
  get dcbxTcsSupported(): number { return this.v8(16); }
  /** Priority flow control: the per-priority enable bits and the number of TCs supporting PFC. */
  get dcbxPfcConfig(): number { return this.v8(4); }
  get dcbxPfcTcs(): number { return this.v8(5); }
  /** Application: 6-byte entries from value byte 4: protocol ID, SF/OUI (24 bits), user priority map. */
  dcbxAppProtocolId(i: number): number { return this.v16(4 + 6 * i); }
  dcbxAppSfOui(i: number): number { const o = 6 + 6 * i; return (this.v8(o) << 16) | this.v16(o + 1); }
  dcbxAppPriorityMap(i: number): number { return this.v8(9 + 6 * i); }

  /** An address of family `cp[at]` with `n` bytes (family included) at value byte `at`, as text; undefined if unknown or short. */
  private address(at: number, n: number): string | undefined {
    const af = this.v8(at), o = this.off + LLDP_TLV_HEADER_LENGTH + at + 1;
    const need = af === 1 ? 4 : af === 2 ? 16 : af === 6 ? 6 : -1;
    if (need < 0 || n - 1 < need) return undefined;
    if (o + need > this.end) throw NOT_CAPTURED;
    return need === 4 ? ipv4ToString(this.cursor.buf, o) : need === 16 ? ipv6ToString(this.cursor.buf, o) : macToString(this.cursor.buf, o);
  }
  private v8(i: number): number { const o = this.off + LLDP_TLV_HEADER_LENGTH + i; if (o >= this.end) throw NOT_CAPTURED; return this.cursor.buf[o]!; }
  private v16(i: number): number { const o = this.off + LLDP_TLV_HEADER_LENGTH + i; if (o + 2 > this.end) throw NOT_CAPTURED; return u16(this.cursor.buf, o); }
  private v32(i: number): number { const o = this.off + LLDP_TLV_HEADER_LENGTH + i; if (o + 4 > this.end) throw NOT_CAPTURED; return u32(this.cursor.buf, o); }
}

/**
 * An LLDPDU: the TLVs up to and including the End TLV (the header, as far as `length` goes) and
 * whatever follows it in the frame (padding: the payload). Decoded in full when every TLV up to
 * the End TLV (or the end of the frame) was captured; a TLV cut short stops the walk there.
 */
export class Lldp extends LayerView {
  readonly layer = LLDP;
  /** A sub-view for walking the TLVs (the printer points it at each one; reused, no allocation). */
  readonly tlv: LldpTlv = new LldpTlv(this.cursor);
  /** A second one for the TLVs inside a DCBX TLV. */
  readonly inner: LldpTlv = new LldpTlv(this.cursor);

  decode(c: Cursor): number {
    const o = c.off, end = c.end, b = c.buf;
    this.off = o; this.end = end; this.headerLength = 0;
    let p = o;
    while (end - p >= LLDP_TLV_HEADER_LENGTH) {
      const h = u16(b, p), n = h & 0x1ff;
      // A stop names the LLDPDU's start and the bytes needed from there, as TCP's does for its options.
      if (end - p - LLDP_TLV_HEADER_LENGTH < n) return c.short(LLDP, o, p - o + LLDP_TLV_HEADER_LENGTH + n);
      if (h >> 9 === 0) {
        if (n !== 0) return c.invalid(LLDP, o, `End TLV length ${n} != 0`);
        return this.done(c, p + LLDP_TLV_HEADER_LENGTH);
      }
      p += LLDP_TLV_HEADER_LENGTH + n;
    }
    // One byte of a next TLV's header, or nothing at all: cut inside a header. A list that ends
    // exactly at the end of the frame without an End TLV is whole (802.1AB-2009 made End optional).
    if (p === o || end - p === 1) return c.short(LLDP, o, p - o + LLDP_TLV_HEADER_LENGTH);
    return this.done(c, p);
  }

  private done(c: Cursor, p: number): number {
    this.headerLength = p - this.off;
    c.mark(LLDP);
    c.off = p;
    return 0;
  }

  /** Points `tlv` at the first TLV (a printer's walk starts here). */
  first(): LldpTlv { return this.tlv.point(this.off, this.end); }

  /**
   * The TLVs as plain objects, with the fields of the basic TLVs (RFC-style names), the OUI and
   * subtype of organisational ones; the chassis and port IDs, TTL and names also at the top level.
   */
  toJSON(): object {
    const t = new LldpTlv(this.cursor), tlvs: object[] = [], o: Record<string, unknown> = { offset: this.offset, length: this.length };
    for (let p = this.off; p + LLDP_TLV_HEADER_LENGTH <= this.off + this.headerLength;) {
      t.point(p, this.off + this.headerLength);
      const type = t.type, n = t.valueLength, e: Record<string, unknown> = { type, length: n };
      switch (type) {
        case LldpTlvType.ChassisId: case LldpTlvType.PortId: {
          if (n < 1) break;
          const sub = t.idSubtype, mac = type === 1 ? 4 : 3, net = type === 1 ? 5 : 4;
          const id = sub === mac && n >= 7 ? t.idMac : sub === net ? t.idAddress ?? hexValue(t, 1, n) : textValue(t, 1, n);
          e['subtype'] = sub; e['id'] = id;
          o[type === 1 ? 'chassisId' : 'portId'] = { subtype: sub, id };
          break;
        }
        case LldpTlvType.Ttl: if (n >= 2) o['ttl'] = e['ttl'] = t.ttl; break;
        case LldpTlvType.PortDescription: o['portDescription'] = e['text'] = textValue(t, 0, n); break;
        case LldpTlvType.SystemName: o['systemName'] = e['text'] = textValue(t, 0, n); break;
        case LldpTlvType.SystemDescription: o['systemDescription'] = e['text'] = textValue(t, 0, n); break;
        case LldpTlvType.SystemCapabilities:
          if (n >= 4) {
            e['capabilities'] = t.systemCapabilities; e['enabled'] = t.enabledCapabilities;
            o['capabilities'] = { system: e['capabilities'], enabled: e['enabled'] };
          }
          break;
        case LldpTlvType.ManagementAddress:
          if (n >= 2 && n >= 1 + t.managementAddressLength) {
            e['family'] = t.managementAddressFamily;
            e['address'] = t.managementAddress ?? hexValue(t, 2, t.managementAddressLength + 1);
            if (n >= t.interfaceNumberingAt + 5) { e['interfaceSubtype'] = t.interfaceNumberingSubtype; e['interfaceNumber'] = t.interfaceNumber; }
          }
          break;
        case LldpTlvType.OrganizationSpecific:
          if (n >= 4) { e['oui'] = t.oui; e['subtype'] = t.orgSubtype; }
          break;
      }
      tlvs.push(e);
      p += LLDP_TLV_HEADER_LENGTH + n;
    }
    o['tlvs'] = tlvs;
    return o;
  }
}

/** Value bytes [from, to) as text (Latin-1, as sent). */
function textValue(t: LldpTlv, from: number, to: number): string {
  let s = '';
  for (let i = from; i < to; i++) s += String.fromCharCode(t.valueByte(i));
  return s;
}

/** Value bytes [from, to) as plain lower-case hex. */
function hexValue(t: LldpTlv, from: number, to: number): string {
  let s = '';
  for (let i = from; i < to; i++) s += t.valueByte(i).toString(16).padStart(2, '0');
  return s;
}
