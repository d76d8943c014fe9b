// IEEE 802.11 MAC frames (LINKTYPE_IEEE802_11, 105, and after the radio headers of radiotap.ts
// and ppi.ts): frame control, duration, up to four addresses, sequence control, QoS control, the
// 802.11s mesh control tcpdump reads with -H, and the management frames' fixed fields and
// information elements (SSID, supported rates, DS parameter set, CF parameter set, TIM, challenge
// text). Data frames that are neither protected nor null carry an LLC header.
import { macToString } from './addr.js';
import { u16le, u32le } from './bytes.js';
import type { Cursor } from './cursor.js';
import { Layer } from './layer.js';
import { FieldView, LayerView, NOT_CAPTURED } from './view.js';
// Module constants, which V8 folds into the code (an imported `Layer.X` is a load and a shape check per use).
const IEEE80211 = Layer.Ieee80211, LLC = Layer.Llc;

/** Frame types (frame control bits 2–3). */
export const enum WlanType { Management = 0, Control = 1, Data = 2 }
/** Management subtypes. */
export const enum WlanMgmt {
  AssocRequest = 0, AssocResponse = 1, ReassocRequest = 2, ReassocResponse = 3, ProbeRequest = 4, ProbeResponse = 5,
  Beacon = 8, Atim = 9, Disassoc = 10, Auth = 11, Deauth = 12, Action = 13,
}
/** Control subtypes. */
export const enum WlanCtrl { ControlWrapper = 7, Bar = 8, Ba = 9, PsPoll = 10, Rts = 11, Cts = 12, Ack = 13, CfEnd = 14, CfEndAck = 15 }

/** Bytes of a management frame's MAC header (frame control, duration, DA, SA, BSSID, sequence control). */
export const WLAN_MGMT_HEADER_LENGTH = 24;
/** Bytes of the WEP/TKIP IV and key ID a protected frame's body starts with (tcpdump's wep_print). */
export const WLAN_IV_LENGTH = 4;
/** Bytes of the frame check sequence at the end of a frame, when the capture has it. */
export const WLAN_FCS_LENGTH = 4;

// Control frames' header lengths by subtype (0: a subtype tcpdump does not know).
const CTRL_HEADER_LENGTHS = [0, 0, 0, 0, 0, 0, 0, 16, 20, 10, 16, 16, 10, 10, 16, 16];

/**
 * The MAC header length frame control `fc` implies (tcpdump's extract_header_length), before any
 * padding and mesh control: 0 for a reserved frame type or an unknown control subtype.
 */
export function wlanHeaderLength(fc: number): number {
  const type = (fc >> 2) & 3, subtype = (fc >> 4) & 0xf;
  if (type === WlanType.Management) return WLAN_MGMT_HEADER_LENGTH;
  if (type === WlanType.Control) return CTRL_HEADER_LENGTHS[subtype]!;
  if (type === WlanType.Data) return ((fc & 0x0300) === 0x0300 ? 30 : 24) + (subtype & 8 ? 2 : 0);
  return 0;
}

/** The length of a management body's fixed fields before its elements, by subtype (-1: no elements). */
export function wlanFixedFieldsLength(subtype: number): number {
  switch (subtype) {
    case WlanMgmt.Beacon: case WlanMgmt.ProbeResponse: return 12;   // timestamp, beacon interval, capabilities
    case WlanMgmt.AssocRequest: return 4;                              // capabilities, listen interval
    case WlanMgmt.AssocResponse: case WlanMgmt.ReassocResponse: return 6;   // capabilities, status, AID
    case WlanMgmt.ReassocRequest: return 10;                           // capabilities, listen interval, current AP
    case WlanMgmt.ProbeRequest: return 0;
    case WlanMgmt.Auth: return 6;                                      // algorithm, transaction sequence, status
    default: return -1;
  }
}

/** Element IDs tcpdump records (the first of each kind). */
const E_SSID = 0, E_RATES = 1, E_DS = 3, E_CF = 4, E_TIM = 5, E_CHALLENGE = 16;

/**
 * A management body's information elements, walked as tcpdump's parse_elements walks them: the
 * first SSID, supported rates (not empty), DS parameter set, CF parameter set, TIM and challenge
 * text, each where it is. parse() says whether the walk reached the end (false: a cut or too long
 * element, tcpdump's `[|802.11]`). Offsets are from the view's `off`.
 */
export class WlanElements extends FieldView {
  /** Index of the first SSID's text (-1: none) and its length. */
  ssidAt = -1; ssidLength = 0;
  /** Index of the first non-empty rates element's rates (-1: none) and how many. */
  ratesAt = -1; ratesLength = 0;
  /** The first DS parameter set's channel (-1: none). */
  dsChannel = -1;
  /** Index of the first CF parameter set's fields (-1: none). */
  cfAt = -1;
  /** Index of the first TIM's fields (-1: none) and its length. */
  timAt = -1; timLength = 0;
  /** Index of the first challenge text (-1: none) and its length. */
  challengeAt = -1; challengeLength = 0;

  /** Walks `length` bytes of elements (what the frame says is there); false where tcpdump stops with `[|802.11]`. */
  parse(length: number): boolean {
    this.ssidAt = -1; this.ssidLength = 0; this.ratesAt = -1; this.ratesLength = 0; this.dsChannel = -1;
    this.cfAt = -1; this.timAt = -1; this.timLength = 0; this.challengeAt = -1; this.challengeLength = 0;
    const b = this.cursor.buf, o = this.off, end = this.end;
    let i = 0;
    while (length !== 0) {
      if (o + i + 2 > end || length < 2) return false;
      const n = b[o + i + 1]!;
      if (o + i + 2 + n > end || length < n + 2) return false;
      const id = b[o + i]!;
      // tcpdump copies each element into a fixed buffer and gives up on one that would not fit.
      if (id === E_SSID) {
        if (n > 32) return false;
        if (this.ssidAt < 0) { this.ssidAt = i + 2; this.ssidLength = n; }
      } else if (id === E_CHALLENGE) {
        if (n > 253) return false;
        if (this.challengeAt < 0) { this.challengeAt = i + 2; this.challengeLength = n; }
      } else if (id === E_RATES) {
        if (n > 16) return false;
        if (this.ratesAt < 0 && n !== 0) { this.ratesAt = i + 2; this.ratesLength = n; }
      } else if (id === E_DS) {
        if (n === 1 && this.dsChannel < 0) this.dsChannel = b[o + i + 2]!;
      } else if (id === E_CF) {
        if (n === 6 && this.cfAt < 0) this.cfAt = i + 2;
      } else if (id === E_TIM) {
        if (n > 3) {
          if (n - 3 > 251) return false;
          if (this.timAt < 0) { this.timAt = i + 2; this.timLength = n; }
        }
      }
      i += 2 + n; length -= 2 + n;
    }
    return true;
  }

  /** Rate `k` of the supported rates element: 500 kb/s units in the low 7 bits, bit 7 a basic rate. */
  rate(k: number): number { return this.byte(this.ratesAt + k); }
}

export class Ieee80211 extends LayerView {
  readonly layer = IEEE80211;
  /** Bytes of padding after the MAC header (Atheros pads it to 4 bytes; radiotap's flags say so). */
  pad = 0;
  /** Bytes of FCS the frame ends with (radiotap's flags say so), already left out of `end`. */
  fcsLength = 0;
  readonly elements: WlanElements;

  constructor(c: Cursor) { super(c); this.elements = new WlanElements(c); }

  decode(c: Cursor): number { return this.decodeFrame(c, false, 0); }

  /**
   * The frame at the cursor, after a radio header that says whether the MAC header is padded to
   * 4 bytes and whether the frame ends with an FCS (which is not part of it).
   */
  decodeFrame(c: Cursor, padded: boolean, fcsLength: number): number {
    const o = c.off;
    this.off = o; this.end = c.end; this.headerLength = 0; this.fcsLength = fcsLength; this.pad = 0;
    if (fcsLength !== 0) {
      // The FCS is the frame's last bytes on the wire: what of it was captured is not the frame's.
      const length = c.wireLen - (o - c.base) - fcsLength;
      if (length < 0) return c.invalid(IEEE80211, o, `${c.wireLen - (o - c.base)} bytes on the wire, fewer than the FCS`);
      if (c.end - o > length) c.end = o + length;
      this.end = c.end;
    }
    if (c.end - o < 2) return c.short(IEEE80211, o, 2);
    const fc = u16le(c.buf, o);
    let hl = wlanHeaderLength(fc);
    if (hl === 0) return c.invalid(IEEE80211, o, `frame type ${(fc >> 2) & 3} subtype ${(fc >> 4) & 0xf} unknown`);
    if (padded) { const p = (hl + 3) & ~3; this.pad = p - hl; hl = p; }
    if (c.end - o < hl) return c.short(IEEE80211, o, hl);
    this.headerLength = hl;
    c.mark(IEEE80211);
    c.off = o + hl;
    // Data frames carry LLC, unless they are null (no body) or protected (encrypted).
    return (fc & 0x0c) === 0x08 && (fc & 0x40) === 0 && (fc & 0x4000) === 0 ? LLC : 0;
  }

  /** Frame control, little-endian as sent. */
  get frameControl(): number { const o = this.off; if (o + 2 > this.end) throw NOT_CAPTURED; return u16le(this.cursor.buf, o); }
  get type(): number { return (this.frameControl >> 2) & 3; }
  get subtype(): number { return (this.frameControl >> 4) & 0xf; }
  get toDs(): boolean { return (this.frameControl & 0x0100) !== 0; }
  get fromDs(): boolean { return (this.frameControl & 0x0200) !== 0; }
  get moreFragments(): boolean { return (this.frameControl & 0x0400) !== 0; }
  get retry(): boolean { return (this.frameControl & 0x0800) !== 0; }
  get powerManagement(): boolean { return (this.frameControl & 0x1000) !== 0; }
  get moreData(): boolean { return (this.frameControl & 0x2000) !== 0; }
  get protected(): boolean { return (this.frameControl & 0x4000) !== 0; }
  get order(): boolean { return (this.frameControl & 0x8000) !== 0; }
  /** The MAC header's length without padding or mesh control (0: unknown type or control subtype). */
  get macHeaderLength(): number { return wlanHeaderLength(this.frameControl); }
  /** Duration/ID (a PS-Poll's association ID). */
  get duration(): number { const o = this.off + 2; if (o + 2 > this.end) throw NOT_CAPTURED; return u16le(this.cursor.buf, o); }
  #mac(i: number): string { const o = this.off + i; if (o + 6 > this.end) throw NOT_CAPTURED; return macToString(this.cursor.buf, o); }
  /** Addresses 1 to 4 as sent (what each means depends on the type and the DS bits). */
  get addr1(): string { return this.#mac(4); }
  get addr2(): string { return this.#mac(10); }
  get addr3(): string { return this.#mac(16); }
  get addr4(): string { return this.#mac(24); }
  /** A management frame's DA, SA and BSSID. */
  get da(): string { return this.#mac(4); }
  get sa(): string { return this.#mac(10); }
  get bssid(): string { return this.#mac(16); }
  /** A data frame's source and destination (tcpdump's get_data_src_dst_mac), by the DS bits. */
  get src(): string {
    const fc = this.frameControl;
    return this.#mac(fc & 0x0100 ? (fc & 0x0200 ? 24 : 10) : (fc & 0x0200 ? 16 : 10));
  }
  get dst(): string { return this.#mac(this.frameControl & 0x0100 ? 16 : 4); }
  get sequenceControl(): number { const o = this.off + 22; if (o + 2 > this.end) throw NOT_CAPTURED; return u16le(this.cursor.buf, o); }
  /** BlockAckReq: the BAR control and starting sequence fields. */
  get barControl(): number { const o = this.off + 16; if (o + 2 > this.end) throw NOT_CAPTURED; return u16le(this.cursor.buf, o); }
  get barSequence(): number { const o = this.off + 18; if (o + 2 > this.end) throw NOT_CAPTURED; return u16le(this.cursor.buf, o); }

  /** The 802.11s mesh control at `at` bytes into the frame (after the QoS header): its length (0: flags say it is none). */
  meshControlLength(at: number): number {
    const o = this.off + at; if (o >= this.end) throw NOT_CAPTURED;
    const f = this.cursor.buf[o]!;
    return f & ~3 ? 0 : 6 * (1 + (f & 3));
  }
  /** Mesh control fields at `at`: address extension mode, TTL, sequence number, addresses 4–6 (k = 0–2). */
  meshAddressExtension(at: number): number { const o = this.off + at; if (o >= this.end) throw NOT_CAPTURED; return this.cursor.buf[o]! & 3; }
  meshTtl(at: number): number { const o = this.off + at + 1; if (o >= this.end) throw NOT_CAPTURED; return this.cursor.buf[o]!; }
  meshSequence(at: number): number { const o = this.off + at + 2; if (o + 4 > this.end) throw NOT_CAPTURED; return u32le(this.cursor.buf, o); }
  meshAddress(at: number, k: number): string { return this.#mac(at + 6 + 6 * k); }

  // A management frame's body, after its 24-byte header (never padded: 24 is a multiple of 4).
  #body16(i: number): number { const o = this.off + WLAN_MGMT_HEADER_LENGTH + i; if (o + 2 > this.end) throw NOT_CAPTURED; return u16le(this.cursor.buf, o); }
  /** True when the management body's first `n` bytes were captured. */
  bodyHas(n: number): boolean { return this.off + WLAN_MGMT_HEADER_LENGTH + n <= this.end; }
  /** Beacon and probe response: the capability information after the timestamp and beacon interval. */
  get beaconCapabilities(): number { return this.#body16(10); }
  get beaconInterval(): number { return this.#body16(8); }
  /** (Re)association request and response: capability information. */
  get capabilities(): number { return this.#body16(0); }
  get listenInterval(): number { return this.#body16(2); }
  /** (Re)association response: status code and association ID. */
  get assocStatus(): number { return this.#body16(2); }
  get associationId(): number { return this.#body16(4); }
  /** Reassociation request: the current AP's address. */
  get currentAp(): string { return this.#mac(WLAN_MGMT_HEADER_LENGTH + 4); }
  /** Disassociation and deauthentication: the reason code. */
  get reasonCode(): number { return this.#body16(0); }
  /** Authentication: algorithm, transaction sequence number, status code. */
  get authAlgorithm(): number { return this.#body16(0); }
  get authSequence(): number { return this.#body16(2); }
  get authStatus(): number { return this.#body16(4); }
  /** Action: category and action code. */
  get actionCategory(): number { const o = this.off + WLAN_MGMT_HEADER_LENGTH; if (o >= this.end) throw NOT_CAPTURED; return this.cursor.buf[o]!; }
  get actionCode(): number { const o = this.off + WLAN_MGMT_HEADER_LENGTH + 1; if (o >= this.end) throw NOT_CAPTURED; return this.cursor.buf[o]!; }
  /** Points `elements` at a management body's elements (after `fixed` bytes of fixed fields) and returns it. */
  elementsAfter(fixed: number): WlanElements { return this.elements.point(this.off + WLAN_MGMT_HEADER_LENGTH + fixed, this.end); }

  /** A protected frame's IV, pad and key ID word at `at` bytes into the frame (tcpdump's wep_print), little-endian. */
  ivWord(at: number): number { const o = this.off + at; if (o + WLAN_IV_LENGTH > this.end) throw NOT_CAPTURED; return u32le(this.cursor.buf, o); }

  toJSON(): object {
    const fc = this.frameControl;
    const type = (fc >> 2) & 3;
    const addresses: string[] = [this.addr1];
    const hl = wlanHeaderLength(fc);
    if (hl >= 16) addresses.push(this.addr2);
    if (hl >= 24 && type !== WlanType.Control) addresses.push(this.addr3);
    if (type === WlanType.Data && hl >= 30) addresses.push(this.addr4);
    return {
      offset: this.offset, length: this.length, type, subtype: (fc >> 4) & 0xf, flags: fc >> 8,
      duration: this.duration, addresses,
    };
  }
}
