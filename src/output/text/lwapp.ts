/** LWAPP control (UDP 12223) and data (UDP 12222) packets (tcpdump's print-lwapp.c). */
import type { PrintContext } from './context.js';
import { bitNames, tokName, unknownData, type Tok } from './tok.js';
import {
  LWAPP_CONTROL_HEADER_LENGTH, LWAPP_TRANSPORT_HEADER_LENGTH, LWAPP_VERSION, type LwappControl, type LwappData,
} from '../../decoders/lwapp.js';

const headerBits: Tok = [[0x01, 'Last Fragment Bit'], [0x02, 'Fragment Bit'], [0x04, 'Control Bit']];

const messageTypes: Tok = [
  [1, 'Discovery req'], [2, 'Discovery resp'], [3, 'Join req'], [4, 'Join resp'], [5, 'Join ack'], [6, 'Join confirm'],
  [10, 'Configure req'], [11, 'Configure resp'], [12, 'Update req'], [13, 'Update resp'], [14, 'WTP event req'],
  [15, 'WTP event resp'], [16, 'Change state event req'], [17, 'Change state event resp'], [22, 'Echo req'], [23, 'Echo resp'],
  [24, 'Image data req'], [25, 'Image data resp'], [26, 'Channel status req'], [27, 'Channel status resp'],
  [30, 'Key update req'], [31, 'Key update resp'], [32, 'Primary discovery req'], [33, 'Primary discovery resp'],
  [34, 'Data transfer req'], [35, 'Data transfer resp'], [36, 'Clear config ind'], [37, 'Wlan config req'],
  [38, 'Wlan config resp'], [39, 'Mobile config req'], [40, 'Mobile config resp'],
];

/** `Control` or `Data` by the C bit, as the header lines name the frame. */
const frameKind = (first: number): string => (first & 0x04 ? 'Control' : 'Data');

/**
 * What both printers check first: the transport header (after the AP identity, if any) was
 * captured, and its version is the one tcpdump decodes. Prints the short line of no -v. Returns
 * the header's first byte, or -1 when the line is done.
 */
function transportLine(c: PrintContext, v: LwappControl | LwappData, len: number): number {
  // ND_TCHECK_6 (the AP identity, or the transport header's start), then the transport header's size.
  if (!v.has(LWAPP_TRANSPORT_HEADER_LENGTH) || !v.has(v.transportOffset + LWAPP_TRANSPORT_HEADER_LENGTH)) {
    c.truncMark(); return -1;
  }
  const first = v.firstByte, version = first >> 6;
  if (version !== LWAPP_VERSION) { c.write(`LWAPP version ${version} packet not supported`); return -1; }
  if (c.o.verbose < 1) {
    c.write(`LWAPPv${version}, ${frameKind(first)} frame, Flags [${bitNames(headerBits, 'none', first & 7)}], length ${len}`);
    return -1;
  }
  return first;
}

/** A control packet, `len` bytes of UDP payload: the transport header, then each message's header at -v. */
export function printLwappControl(c: PrintContext, v: LwappControl, len: number): void {
  c.protocol = 'lwapp_control';
  const first = transportLine(c, v, len);
  if (first < 0) return;
  let tlen = v.payloadLength;
  c.write(`LWAPPv${first >> 6}, ${frameKind(first)} frame, Radio-id ${(first >> 3) & 7}, Flags [${bitNames(headerBits, 'none', first & 7)}], Frag-id ${v.fragId}, length ${tlen}`);
  if (v.apIdentity) c.write(`\n\tAP identity: ${v.apMac!}`);
  let at = v.transportOffset + LWAPP_TRANSPORT_HEADER_LENGTH;
  const m = v.message;
  while (tlen !== 0) {
    if (!v.has(at + LWAPP_CONTROL_HEADER_LENGTH)) { c.truncMark(); return; }
    if (tlen < LWAPP_CONTROL_HEADER_LENGTH) { c.write('\n\t  Msg goes past end of PDU'); break; }
    m.point(v.off + at, v.end);
    const mlen = m.elementLength;
    if (tlen < LWAPP_CONTROL_HEADER_LENGTH + mlen) { c.write('\n\t  Msg goes past end of PDU'); break; }
    const type = m.type;
    c.write(`\n\t  Msg type: ${tokName(messageTypes, 'Unknown', type)} (${type}), Seqnum: ${m.seqNum}, Msg len: ${mlen}, Session: 0x${m.sessionId.toString(16).padStart(8, '0')}`);
    // tcpdump checks the message's length from the message header's start (not its end) and
    // decodes no message elements.
    if (!v.has(at + mlen)) { c.truncMark(); return; }
    at += LWAPP_CONTROL_HEADER_LENGTH + mlen;
    tlen -= LWAPP_CONTROL_HEADER_LENGTH + mlen;
  }
}

/** A data packet, `len` bytes of UDP payload: the transport header, then its payload in hex at -v. */
export function printLwappData(c: PrintContext, v: LwappData, len: number): void {
  c.protocol = 'lwapp_data';
  const first = transportLine(c, v, len);
  if (first < 0) return;
  const tlen = v.payloadLength;
  const flags = bitNames(headerBits, 'none', first & 7);
  if (tlen < LWAPP_TRANSPORT_HEADER_LENGTH) {
    c.write(`LWAPPv${first >> 6}, ${frameKind(first)} frame, Radio-id  ${(first >> 3) & 7}, Flags [${flags}], length ${tlen} < transport header length`);
    return;
  }
  c.write(`LWAPPv${first >> 6}, ${frameKind(first)} frame, Radio-id  ${(first >> 3) & 7}, Flags [${flags}], Frag-id  ${v.fragId}, length ${tlen}`);
  // tcpdump leaves the 802.11 frame as hex (its "FIX"), the length field's bytes less the header's.
  unknownData(c, '\n\t', v.off + LWAPP_TRANSPORT_HEADER_LENGTH, tlen - LWAPP_TRANSPORT_HEADER_LENGTH);
}
