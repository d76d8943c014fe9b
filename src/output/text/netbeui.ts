/**
 * NetBEUI (NBF) over 802.2 LLC SAP 0xF0, as tcpdump 4.99.3 built with --enable-smb prints it
 * (print-smb.c's netbeui_print: the command's name and, with -vv, its fields through tcpdump's
 * format strings; then SMB in datagrams and data frames). Only with --smb: Debian's tcpdump prints
 * these frames as plain LLC.
 */
import type { PrintContext } from './context.js';
import { printLayer } from './dispatch.js';
import { smbFdata } from './smb-fdata.js';
import { Layer } from '../../decoders/layer.js';
import type { Netbeui } from '../../decoders/netbeui.js';

/** nbf_strings: per command, its name and the formats without and with -vv (undefined: none). */
const NBF: ReadonlyArray<readonly [string, string | undefined, string | undefined] | undefined> = [
  ['Add Group Name Query', ', [P23]Name to add=[n2]#', '[P5]ResponseCorrelator=[w]\n[P16]Name to add=[n2]\n'],
  ['Add Name Query', ', [P23]Name to add=[n2]#', '[P5]ResponseCorrelator=[w]\n[P16]Name to add=[n2]\n'],
  ['Name In Conflict', undefined, undefined],
  ['Status Query', undefined, undefined],
  undefined, undefined, undefined,
  ['Terminate Trace', undefined, undefined],
  ['Datagram', undefined, '[P7]Destination=[n2]\nSource=[n2]\n'],
  ['Broadcast Datagram', undefined, '[P7]Destination=[n2]\nSource=[n2]\n'],
  ['Name Query', ', [P7]Name=[n2]#', '[P1]SessionNumber=[B]\nNameType=[B][P2]\nResponseCorrelator=[w]\nName=[n2]\nName of sender=[n2]\n'],
  undefined, undefined,
  ['Add Name Response', ', [P1]GroupName=[w] [P4]Destination=[n2] Source=[n2]#',
    'AddNameInProcess=[B]\nGroupName=[w]\nTransmitCorrelator=[w][P2]\nDestination=[n2]\nSource=[n2]\n'],
  ['Name Recognized', undefined, '[P1]Data2=[w]\nTransmitCorrelator=[w]\nResponseCorelator=[w]\nDestination=[n2]\nSource=[n2]\n'],
  ['Status Response', undefined, undefined],
  undefined, undefined, undefined,
  ['Terminate Trace', undefined, undefined],
  ['Data Ack', undefined, '[P3]TransmitCorrelator=[w][P2]\nRemoteSessionNumber=[B]\nLocalSessionNumber=[B]\n'],
  ['Data First/Middle', undefined,
    'Flags=[{RECEIVE_CONTINUE|NO_ACK||PIGGYBACK_ACK_INCLUDED|}]\nResyncIndicator=[w][P2]\nResponseCorelator=[w]\nRemoteSessionNumber=[B]\nLocalSessionNumber=[B]\n'],
  ['Data Only/Last', undefined,
    'Flags=[{|NO_ACK|PIGGYBACK_ACK_ALLOWED|PIGGYBACK_ACK_INCLUDED|}]\nResyncIndicator=[w][P2]\nResponseCorelator=[w]\nRemoteSessionNumber=[B]\nLocalSessionNumber=[B]\n'],
  ['Session Confirm', undefined, 'Data1=[B]\nData2=[w]\nTransmitCorrelator=[w]\nResponseCorelator=[w]\nRemoteSessionNumber=[B]\nLocalSessionNumber=[B]\n'],
  ['Session End', undefined, '[P1]Data2=[w][P4]\nRemoteSessionNumber=[B]\nLocalSessionNumber=[B]\n'],
  ['Session Initialize', undefined, 'Data1=[B]\nData2=[w]\nTransmitCorrelator=[w]\nResponseCorelator=[w]\nRemoteSessionNumber=[B]\nLocalSessionNumber=[B]\n'],
  ['No Receive', undefined, 'Flags=[{|SEND_NO_ACK}]\nDataBytesAccepted=[b][P4]\nRemoteSessionNumber=[B]\nLocalSessionNumber=[B]\n'],
  ['Receive Outstanding', undefined, '[P1]DataBytesAccepted=[b][P4]\nRemoteSessionNumber=[B]\nLocalSessionNumber=[B]\n'],
  ['Receive Continue', undefined, '[P2]TransmitCorrelator=[w]\n[P2]RemoteSessionNumber=[B]\nLocalSessionNumber=[B]\n'],
  undefined, undefined,
  ['Session Alive', undefined, undefined],
];

/** netbeui_print: an NBF frame after its LLC header (`control`: the LLC control field), `length` bytes. */
export function printNetbeui(c: PrintContext, v: Netbeui, length: number, control: number): void {
  c.protocol = 'netbeui';
  const r = v.bytes.point(v.off, c.end);
  const maxbuf = Math.min(length, c.avail(v.off));
  const len = r.u16le(0);
  const command = r.u8(4);
  let data2 = len;
  let truncated = false;
  if (data2 >= maxbuf) { data2 = maxbuf; truncated = true; }
  let pos: number | null;
  if (c.o.verbose < 2) {
    c.write('NBF Packet: ');
    pos = smbFdata(c, r, 0, '[P5]#', maxbuf, false);
  } else {
    c.write(`\n>>> NBF Packet\nType=0x${control.toString(16).toUpperCase()} `);
    pos = smbFdata(c, r, 0, 'Length=[u] Signature=[w] Command=[B]\n#', maxbuf, false);
  }
  if (pos === null) return;
  const s = command <= 0x1f ? NBF[command] : undefined;
  if (s === undefined) {
    pos = smbFdata(c, r, pos, c.o.verbose < 2 ? 'Unknown NBF Command#' : 'Unknown NBF Command\n', data2, false);
  } else if (c.o.verbose < 2) {
    c.write(s[0]);
    if (s[1] !== undefined) pos = smbFdata(c, r, pos, s[1], data2, false);
  } else {
    c.write(`${s[0]}:\n`);
    if (s[2] !== undefined) pos = smbFdata(c, r, pos, s[2], data2, false);
    else c.write('\n');
  }
  if (c.o.verbose < 2 || pos === null || truncated) return;
  if (command !== 0x08 && command !== 0x09 && command !== 0x15 && command !== 0x16) return;
  if (data2 + 3 >= maxbuf) return;
  for (let i = 0; i < 128; i++) {
    if (data2 + i + 3 >= maxbuf) break;
    if (r.isSmb1At(data2 + i)) {
      if (i !== 0) c.write(`found SMB packet at ${i}\n`);
      printLayer(c, Layer.Smb, v.off + data2 + i, maxbuf - data2 - i);
      break;
    }
  }
}
