/**
 * The radio headers before 802.11 frames (tcpdump's print-802_11.c): radiotap's fields
 * (ieee802_11_radio_print, print_radiotap_field), and the Prism and AVS headers it skips.
 */
import type { PrintContext } from './context.js';
import { printWlan } from './ieee80211.js';
import { Layer } from '../../decoders/layer.js';
import type { Ieee80211 } from '../../decoders/ieee80211.js';
import {
  AVS_MIN_HEADER_LENGTH, PRISM_HEADER_LENGTH, RADIOTAP_FLAG_DATAPAD, RADIOTAP_FLAG_FCS, RADIOTAP_HEADER_LENGTH, RadiotapField, RadiotapStep,
  type RadioCaptureHeader, type Radiotap, type RadiotapFields,
} from '../../decoders/radiotap.js';

/**
 * 802.11n data rates in Mb/s by MCS index (0–76): for each, 20 MHz with the long and the short guard
 * interval, then 40 MHz with the two (tcpdump's ieee80211_float_htrates, single-precision as there).
 */
const HT_RATES = new Float32Array([
  6.5, 7.2, 13.5, 15.0,
  13.0, 14.4, 27.0, 30.0,
  19.5, 21.7, 40.5, 45.0,
  26.0, 28.9, 54.0, 60.0,
  39.0, 43.3, 81.0, 90.0,
  52.0, 57.8, 108.0, 120.0,
  58.5, 65.0, 121.5, 135.0,
  65.0, 72.2, 135.0, 150.0,
  13.0, 14.4, 27.0, 30.0,
  26.0, 28.9, 54.0, 60.0,
  39.0, 43.3, 81.0, 90.0,
  52.0, 57.8, 108.0, 120.0,
  78.0, 86.7, 162.0, 180.0,
  104.0, 115.6, 216.0, 240.0,
  117.0, 130.0, 243.0, 270.0,
  130.0, 144.4, 270.0, 300.0,
  19.5, 21.7, 40.5, 45.0,
  39.0, 43.3, 81.0, 90.0,
  58.5, 65.0, 121.5, 135.0,
  78.0, 86.7, 162.0, 180.0,
  117.0, 130.0, 243.0, 270.0,
  156.0, 173.3, 324.0, 360.0,
  175.5, 195.0, 364.5, 405.0,
  195.0, 216.7, 405.0, 450.0,
  26.0, 28.9, 54.0, 60.0,
  52.0, 57.8, 108.0, 120.0,
  78.0, 86.7, 162.0, 180.0,
  104.0, 115.6, 216.0, 240.0,
  156.0, 173.3, 324.0, 360.0,
  208.0, 231.1, 432.0, 480.0,
  234.0, 260.0, 486.0, 540.0,
  260.0, 288.9, 540.0, 600.0,
  0.0, 0.0, 6.0, 6.7,
  39.0, 43.3, 81.0, 90.0,
  52.0, 57.8, 108.0, 120.0,
  65.0, 72.2, 135.0, 150.0,
  58.5, 65.0, 121.5, 135.0,
  78.0, 86.7, 162.0, 180.0,
  97.5, 108.3, 202.5, 225.0,
  52.0, 57.8, 108.0, 120.0,
  65.0, 72.2, 135.0, 150.0,
  65.0, 72.2, 135.0, 150.0,
  78.0, 86.7, 162.0, 180.0,
  91.0, 101.1, 189.0, 210.0,
  91.0, 101.1, 189.0, 210.0,
  104.0, 115.6, 216.0, 240.0,
  78.0, 86.7, 162.0, 180.0,
  97.5, 108.3, 202.5, 225.0,
  97.5, 108.3, 202.5, 225.0,
  117.0, 130.0, 243.0, 270.0,
  136.5, 151.7, 283.5, 315.0,
  136.5, 151.7, 283.5, 315.0,
  156.0, 173.3, 324.0, 360.0,
  65.0, 72.2, 135.0, 150.0,
  78.0, 86.7, 162.0, 180.0,
  91.0, 101.1, 189.0, 210.0,
  78.0, 86.7, 162.0, 180.0,
  91.0, 101.1, 189.0, 210.0,
  104.0, 115.6, 216.0, 240.0,
  117.0, 130.0, 243.0, 270.0,
  104.0, 115.6, 216.0, 240.0,
  117.0, 130.0, 243.0, 270.0,
  130.0, 144.4, 270.0, 300.0,
  130.0, 144.4, 270.0, 300.0,
  143.0, 158.9, 297.0, 330.0,
  97.5, 108.3, 202.5, 225.0,
  117.0, 130.0, 243.0, 270.0,
  136.5, 151.7, 283.5, 315.0,
  117.0, 130.0, 243.0, 270.0,
  136.5, 151.7, 283.5, 315.0,
  156.0, 173.3, 324.0, 360.0,
  175.5, 195.0, 364.5, 405.0,
  156.0, 173.3, 324.0, 360.0,
  175.5, 195.0, 364.5, 405.0,
  195.0, 216.7, 405.0, 450.0,
  195.0, 216.7, 405.0, 450.0,
  214.5, 238.3, 445.5, 495.0,
]);
const HT_BANDWIDTHS = ['20 MHz', '40 MHz', '20 MHz (L)', '20 MHz (U)'];
const VHT_BANDWIDTHS = [
  '20 MHz', '40 MHz', '20 MHz (L)', '20 MHz (U)', '80 MHz', '80 MHz (L)', '80 MHz (U)', '80 MHz (LL)', '80 MHz (LU)', '80 MHz (UL)',
  '80 MHz (UU)', '160 MHz', '160 MHz (L)', '160 MHz (U)', '160 MHz (LL)', '160 MHz (LU)', '160 MHz (UL)', '160 MHz (UU)',
  '160 MHz (LLL)', '160 MHz (LLU)', '160 MHz (LUL)', '160 MHz (UUU)', '160 MHz (ULL)', '160 MHz (ULU)', '160 MHz (UUL)', '160 MHz (UUU)',
  'unknown (26)', 'unknown (27)', 'unknown (28)', 'unknown (29)', 'unknown (30)', 'unknown (31)',
];

// Channel flags.
const CHAN_TURBO = 0x10, CHAN_CCK = 0x20, CHAN_OFDM = 0x40, CHAN_2GHZ = 0x80, CHAN_5GHZ = 0x100, CHAN_DYN = 0x400, CHAN_GFSK = 0x800;
const CHAN_HALF = 0x4000, CHAN_QUARTER = 0x8000, CHAN_HT20 = 0x10000, CHAN_HT40U = 0x20000, CHAN_HT40D = 0x40000;
const CHAN_FHSS = CHAN_2GHZ | CHAN_GFSK, CHAN_A = CHAN_5GHZ | CHAN_OFDM, CHAN_B = CHAN_2GHZ | CHAN_CCK;
const CHAN_PUREG = CHAN_2GHZ | CHAN_OFDM, CHAN_G = CHAN_2GHZ | CHAN_DYN;
const is = (flags: number, set: number): boolean => (flags & set) === set;

/** tcpdump's print_chaninfo. */
function printChannel(c: PrintContext, freq: number, flags: number, presence: number): void {
  c.write(`${freq} MHz`);
  if (presence & (1 << RadiotapField.Mcs)) c.write(' 11n');   // an MCS field: 11n, whatever the channel flags say
  else {
    if (is(flags, CHAN_FHSS)) c.write(' FHSS');
    if (is(flags, CHAN_A)) c.write(flags & CHAN_HALF ? ' 11a/10Mhz' : flags & CHAN_QUARTER ? ' 11a/5Mhz' : ' 11a');
    if (is(flags, CHAN_PUREG) || is(flags, CHAN_G)) c.write(flags & CHAN_HALF ? ' 11g/10Mhz' : flags & CHAN_QUARTER ? ' 11g/5Mhz' : ' 11g');
    else if (is(flags, CHAN_B)) c.write(' 11b');
    if (flags & CHAN_TURBO) c.write(' Turbo');
  }
  if (flags & CHAN_HT20) c.write(' ht/20');
  else if (flags & CHAN_HT40D) c.write(' ht/40-');
  else if (flags & CHAN_HT40U) c.write(' ht/40+');
  c.write(' ');
}

/** One radiotap field, the walk's current (tcpdump's print_radiotap_field). */
function printField(c: PrintContext, f: RadiotapFields): void {
  switch (f.bit) {
    case RadiotapField.Tsft: c.write(`${f.tsft}us tsft `); break;
    case RadiotapField.Flags: {
      const v = f.u8;
      if (v & 0x01) c.write('cfp ');
      if (v & 0x02) c.write('short preamble ');
      if (v & 0x04) c.write('wep ');
      if (v & 0x08) c.write('fragmented ');
      if (v & 0x40) c.write('bad-fcs ');
      break;
    }
    case RadiotapField.Rate: {
      // 0x80-0x8f: an MCS index (FreeBSD), whose rate needs the width and guard interval the Rate field lacks.
      const r = f.u8;
      c.write(r >= 0x80 && r <= 0x8f ? `MCS ${r & 0x7f} ` : `${(0.5 * r).toFixed(1)} Mb/s `);
      break;
    }
    case RadiotapField.Channel:
      // With an XChannel field too, that one is printed.
      if (!(f.presence & (1 << RadiotapField.XChannel))) printChannel(c, f.u16(0), f.u16(2), f.presence);
      break;
    case RadiotapField.Fhss: c.write(`fhset ${f.byteOf(0)} fhpat ${f.byteOf(1)} `); break;
    case RadiotapField.DbmAntennaSignal: c.write(`${f.s8}dBm signal `); break;
    case RadiotapField.DbmAntennaNoise: c.write(`${f.s8}dBm noise `); break;
    case RadiotapField.LockQuality: c.write(`${f.u16(0)} sq `); break;
    case RadiotapField.TxAttenuation: c.write(`${-f.s16(0)} tx power `); break;
    case RadiotapField.DbTxAttenuation: c.write(`${-f.s8}dB tx attenuation `); break;
    case RadiotapField.DbmTxPower: c.write(`${f.s8}dBm tx power `); break;
    case RadiotapField.Antenna: c.write(`antenna ${f.u8} `); break;
    case RadiotapField.DbAntennaSignal: c.write(`${f.u8}dB signal `); break;
    case RadiotapField.DbAntennaNoise: c.write(`${f.u8}dB noise `); break;
    case RadiotapField.XChannel: printChannel(c, f.u16(4), f.u32(0), f.presence); break;
    case RadiotapField.Mcs: printMcs(c, f); break;
    case RadiotapField.Vht: printVht(c, f); break;
    default:   // RX flags, A-MPDU status: read, not printed
  }
}

function printMcs(c: PrintContext, f: RadiotapFields): void {
  const known = f.byteOf(0), flags = f.byteOf(1), index = f.byteOf(2);
  if (known & 0x02) {
    // The rate needs the bandwidth or guard interval known (tcpdump tests either) and an index in the table.
    const rate = index <= 76 && known & 0x05 ? HT_RATES[index * 4 + ((flags & 3) === 1 ? 2 : 0) + (flags & 0x04 ? 1 : 0)]! : 0;
    c.write(rate !== 0 ? `${rate.toFixed(1)} Mb/s MCS ${index} ` : `MCS ${index} `);
  }
  if (known & 0x01) c.write(`${HT_BANDWIDTHS[flags & 3]!} `);
  if (known & 0x04) c.write(flags & 0x04 ? 'short GI ' : 'long GI ');
  if (known & 0x08) c.write(flags & 0x08 ? 'greenfield ' : 'mixed ');
  if (known & 0x10) c.write(flags & 0x10 ? 'LDPC FEC ' : 'BCC FEC ');
  if (known & 0x20) c.write(`RX-STBC${(flags & 0x60) >> 5} `);
}

function printVht(c: PrintContext, f: RadiotapFields): void {
  const known = f.u16(0), flags = f.byteOf(2), bandwidth = f.byteOf(3), coding = f.byteOf(8);
  for (let i = 0; i < 4; i++) {
    const mcsNss = f.byteOf(4 + i);
    if ((mcsNss & 0x0f) === 0) continue;
    c.write(`User ${i} MCS ${mcsNss >> 4} ${coding & (1 << i) ? 'LDPC' : 'BCC'} FEC `);
  }
  if (known & 0x40) c.write(`${VHT_BANDWIDTHS[bandwidth & 0x1f]!} `);
  if (known & 0x04) c.write(flags & 0x04 ? 'short GI ' : 'long GI ');
}

/** LINKTYPE_IEEE802_11_RADIO: radiotap's fields, then the frame. Returns the link-header length. */
export function printRadiotapLink(c: PrintContext, length: number): number {
  c.protocol = '802.11_radio';
  const v = c.pkt.views.table[Layer.Radiotap] as Radiotap;
  const caplen = c.end - v.off;
  if (caplen < RADIOTAP_HEADER_LENGTH) { c.truncMark(); return caplen; }
  const len = v.headerLengthField;
  if (len < RADIOTAP_HEADER_LENGTH || caplen < len || !v.bitmapsFit) { c.truncMark(); return caplen; }
  const f = v.fields;
  for (let s = v.startFields(); s !== RadiotapStep.End; s = f.next()) {
    if (s === RadiotapStep.Field) printField(c, f);
    else if (s === RadiotapStep.Unknown) c.write(`[bit ${f.bit}] `);
    else c.truncMark();
  }
  const frame = c.pkt.views.table[Layer.Ieee80211] as Ieee80211;
  return len + printWlan(c, frame, length - len, caplen - len, (v.flags & RADIOTAP_FLAG_DATAPAD) !== 0, v.flags & RADIOTAP_FLAG_FCS ? 4 : 0);
}

/** tcpdump's ieee802_11_radio_avs_print: the AVS header skipped, then the frame. */
function printAvs(c: PrintContext, v: RadioCaptureHeader, length: number, caplen: number): number {
  c.protocol = '802.11_radio_avs';
  if (caplen < AVS_MIN_HEADER_LENGTH) { c.truncMark(); return caplen; }
  const len = v.avsHeaderLength;
  if (len < AVS_MIN_HEADER_LENGTH || caplen < len) { c.truncMark(); return caplen; }
  const frame = c.pkt.views.table[Layer.Ieee80211] as Ieee80211;
  return len + printWlan(c, frame, length - len, caplen - len, false, 0);
}

/** LINKTYPE_IEEE802_11_RADIO_AVS. */
export function printAvsLink(c: PrintContext, length: number): number {
  const v = c.pkt.views.table[Layer.Avs] as RadioCaptureHeader;
  return printAvs(c, v, length, c.end - v.off);
}

/** LINKTYPE_PRISM_HEADER: a Prism header (or an AVS one, by its cookie) skipped, then the frame. */
export function printPrismLink(c: PrintContext, length: number): number {
  c.protocol = 'prism';
  const v = c.pkt.views.table[Layer.Prism] as RadioCaptureHeader;
  const caplen = c.end - v.off;
  if (caplen < 4) { c.truncMark(); return caplen; }
  if (v.isAvs) return printAvs(c, v, length, caplen);
  if (caplen < PRISM_HEADER_LENGTH) { c.truncMark(); return caplen; }
  const frame = c.pkt.views.table[Layer.Ieee80211] as Ieee80211;
  return PRISM_HEADER_LENGTH + printWlan(c, frame, length - PRISM_HEADER_LENGTH, caplen - PRISM_HEADER_LENGTH, false, 0);
}
