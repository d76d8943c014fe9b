/** VTP, Cisco's VLAN Trunking Protocol (tcpdump's print-vtp.c). */
import type { PrintContext } from './context.js';
import { printJnp, tokName, unknownData, type Tok } from './tok.js';
import { VTP_HEADER_LENGTH, VTP_VLAN_FIXED_LENGTH, type Vtp } from '../../decoders/vtp.js';

const messageTypes: Tok = [[1, 'Summary advertisement'], [2, 'Subset advertisement'], [3, 'Advertisement request'], [4, 'Join message']];
const headerField: Tok = [[1, 'Followers'], [2, 'Seq number'], [3, 'Rsvd'], [4, 'Rsvd']];
const vlanTypes: Tok = [[1, 'Ethernet'], [2, 'FDDI'], [3, 'TrCRF'], [4, 'FDDI-net'], [5, 'TrBRF']];
const vlanStatus: Tok = [[0, 'Operational'], [1, 'Suspended']];
const vlanTlvs: Tok = [
  [1, 'Source-Routing Ring Number TLV'], [2, 'Source-Routing Bridge Number TLV'], [3, 'STP type TLV'], [4, 'Parent VLAN TLV'],
  [5, 'Translationally bridged VLANs TLV'], [6, 'Pruning TLV'], [7, 'Bridge Type TLV'], [8, 'Max ARP Hop Count TLV'],
  [9, 'Max STE Hop Count TLV'], [10, 'Backup CRF Mode TLV'],
];
const stpTypes: Tok = [[1, 'SRT'], [2, 'SRB'], [3, 'Auto']];

const hex8 = (v: number): string => v.toString(16).padStart(8, '0');

/** VTP message `vtp`, `length` bytes on the wire (vtp_print; its TCHECKs unwind to ` [|vtp]`). */
export function printVtp(c: PrintContext, vtp: Vtp, length: number): void {
  c.protocol = 'vtp';
  // tcpdump's `invalid:` and `tcheck_full_packet:` exits.
  const invalid = (): void => { c.invalid(); vtp.need(length); };
  if (length < VTP_HEADER_LENGTH) { invalid(); return; }
  vtp.need(VTP_HEADER_LENGTH);
  const type = vtp.code;
  c.write(`VTPv${vtp.version}, Message ${tokName(messageTypes, 'Unknown message type', type)} (0x${type.toString(16).padStart(2, '0')}), length ${length}`);
  // Without -v, the version and message type only.
  if (c.o.verbose < 1) { vtp.need(length); return; }
  c.write('\n\tDomain name: ');
  const mlen = vtp.domainLength;
  if (mlen < 1 || mlen > 32) { c.write(` [invalid MgmtD Len ${mlen}]`); invalid(); return; }
  printJnp(c, vtp, vtp.domainAt, mlen);
  c.write(`, ${tokName(headerField, 'Unknown', type)}: ${vtp.followers}`);
  switch (type) {
    case 1:
      c.write(`\n\t  Config Rev ${vtp.configRevision.toString(16)}, Updater ${vtp.updater}`);
      c.write(`, Timestamp 0x${hex8(vtp.timestampWord(0))} 0x${hex8(vtp.timestampWord(1))} 0x${hex8(vtp.timestampWord(2))}`);
      c.write(`, MD5 digest: ${hex8(vtp.digestWord(0))}${hex8(vtp.digestWord(1))}${hex8(vtp.digestWord(2))}${hex8(vtp.digestWord(3))}`);
      break;
    case 2: {
      c.write(`, Config Rev ${vtp.configRevision.toString(16)}`);
      const v = vtp.vlan;
      let pos = vtp.vlansStart;
      while (pos - vtp.off < length) {
        v.point(pos, vtp.end);
        let len = v.recordLength;
        if (len === 0) break;
        v.need(len);
        if (len < VTP_VLAN_FIXED_LENGTH) { invalid(); return; }
        c.write(`\n\tVLAN info status ${tokName(vlanStatus, 'Unknown', v.status)}, type ${tokName(vlanTypes, 'Unknown', v.vlanType)}, ` +
          `VLAN-id ${v.vlanId}, MTU ${v.mtu}, SAID 0x${hex8(v.said)}, Name `);
        len -= VTP_VLAN_FIXED_LENGTH;
        let at = VTP_VLAN_FIXED_LENGTH;
        const nameLength = v.nameLength, padded = 4 * Math.floor((nameLength + 3) / 4);
        if (len < padded) { invalid(); return; }
        printJnp(c, v, at, nameLength);
        // VLAN names are padded to 32 bits; TLVs of a 1-byte type and a length in 16-bit words follow.
        len -= padded; at += padded;
        while (len > 0) {
          if (len < 2) { invalid(); return; }
          const t = v.tlvType(at), tlen = v.tlvLength(at);
          c.write(`\n\t\t${tokName(vlanTlvs, 'Unknown', t)} (0x${t.toString(16).padStart(4, '0')}) TLV`);
          if (len < tlen * 2 + 2) { c.write(' (TLV goes past the end of the packet)'); invalid(); return; }
          v.need(at + tlen * 2 + 2);
          if (tlen !== 1) { c.write(` (invalid TLV length ${tlen} != 1)`); invalid(); return; }
          const value = v.tlvValue(at);
          switch (t) {
            case 9: c.write(`, ${value}`); break;
            case 6: c.write(`, ${value === 1 ? 'Enabled' : 'Disabled'} (${value})`); break;
            case 3: c.write(`, ${tokName(stpTypes, 'Unknown', value)} (${value})`); break;
            case 7: c.write(`, ${value === 1 ? 'SRB' : 'SRT'} (${value})`); break;
            case 10: c.write(`, ${value === 1 ? 'Backup' : 'Not backup'} (${value})`); break;
            default: unknownData(c, '\n\t\t  ', v.off + at, 2 + tlen * 2);
          }
          len -= 2 + tlen * 2;
          at += 2 + tlen * 2;
        }
        pos += v.recordLength;
      }
      break;
    }
    case 3:
      c.write(`\n\tStart value: ${vtp.startValue}`);
      break;
  }
}
