/** ZEP (tcpdump's print-zep.c): the header, then the IEEE 802.15.4 frame with the length ZEP states for it. */
import { TRUNCATED, type PrintContext } from './context.js';
import { viewCall } from './dispatch.js';
import { defaultPrint } from './dump.js';
import { printIeee802154Frame } from './ieee802154.js';
import { Layer } from '../../decoders/layer.js';
import { zepHeaderLength, ZEP_V2_ACK_LENGTH, type Zep } from '../../decoders/zep.js';
import { strftime } from '../strftime.js';
import { hex16 } from './names.js';

/** Seconds from the NTP epoch (1900) to the Unix one. */
const JAN_1970 = 2208988800;

/**
 * The v2 timestamp as tcpdump's zep_print_ts prints it: seconds, the fraction in nanoseconds (made
 * through a float, as tcpdump makes it), and the local time when the seconds are not 0, reckoned in
 * 32 bits as tcpdump's unsigned arithmetic does.
 */
function printTimestamp(c: PrintContext, seconds: number, fraction: number): void {
  const ns = Math.trunc(Math.fround(Math.fround(fraction) / 4294967296) * 1e9);
  c.write(`${seconds}.${String(ns).padStart(9, '0')}`);
  if (seconds !== 0) c.write(` (${strftime('%Y/%m/%d %H:%M:%S', (seconds - JAN_1970) >>> 0)})`);
}

/** A ZEP message in `length` bytes of UDP payload. */
export function printZep(c: PrintContext, z: Zep, length: number): void {
  c.protocol = 'zep';
  c.write('ZEP');
  const p0 = z.preambleByte(0);
  if (p0 !== 0x45 || z.preambleByte(1) !== 0x58) {
    c.write(' [Preamble Code: ');
    c.safeCh(p0);
    c.safeCh(z.preambleByte(1));
    c.write(']');
    c.invalid();
    return;
  }
  const version = z.version;
  c.write(`v${version} `);
  const type = version === 1 ? 0 : z.type!;
  const header = zepHeaderLength(version, type);
  // The stated length must hold the header (tcpdump's ND_ICHECK_U).
  if (length < header) { c.write(` [len ${length} < ${header}]`); c.invalid(); return; }
  let inner: number;
  if (version === 1) {
    c.write(`Channel ID ${z.channel!}, Device ID 0x${hex16(z.deviceId!)}, `);
    c.write(z.crcMode ? 'CRC, ' : `LQI ${z.lqi!}, `);
    inner = z.innerLength;
    c.write(`inner len = ${inner}`);
  } else if (header === ZEP_V2_ACK_LENGTH) {
    c.write(`ACK, seq# = ${z.sequence!}`);
    inner = 0;
  } else {
    c.write(`Type ${type}, Channel ID ${z.channel!}, Device ID 0x${hex16(z.deviceId!)}, `);
    c.write(z.crcMode ? 'CRC, ' : `LQI ${z.lqi!}, `);
    printTimestamp(c, z.ntpSeconds!, z.ntpFraction!);
    const seq = z.sequence!;
    inner = z.innerLength;
    c.write(`, seq# = ${seq}, inner len = ${inner}`);
  }
  let off = z.off + header, len = length - header;
  if (inner !== 0) {
    c.write('\n\t');
    // A frame that parsed takes the rest of the datagram, which must have been captured (the 802.15.4
    // printer's protocol name is the one its mark shows); one that did not is dumped from its start.
    if (viewCall(c, Layer.Ieee802154, off, inner, undefined, printIeee802154Frame) !== 0) {
      if (c.avail(off) < len) throw TRUNCATED;
      off += len; len = 0;
    }
  }
  defaultPrint(c, off, len);
}
