/** PPP over Ethernet (tcpdump's print-pppoe.c): discovery packets and their tags, session packets' PPP. */
import type { PrintContext } from './context.js';
import { viewCall } from './dispatch.js';
import { pppPrint } from './ppp.js';
import { Layer } from '../../decoders/layer.js';
import { PPPOE_HEADER_LENGTH, PPPOE_TAG_HEADER_LENGTH, type Pppoe } from '../../decoders/pppoe.js';

const codes: Record<number, string> = { 0x09: 'PADI', 0x07: 'PADO', 0x19: 'PADR', 0x65: 'PADS', 0xa7: 'PADT', 0: '' };
const tags: Record<number, string> = {
  0: 'EOL', 0x0101: 'Service-Name', 0x0102: 'AC-Name', 0x0103: 'Host-Uniq', 0x0104: 'AC-Cookie', 0x0105: 'Vendor-Specific',
  0x0110: 'Relay-Session-ID', 0x0120: 'PPP-Max-Payload', 0x0201: 'Service-Name-Error', 0x0202: 'AC-System-Error', 0x0203: 'Generic-Error',
};
/** tcpdump shows at most this many characters of a tag's value. */
const MAX_TAG_PRINT = 80;

/** LINKTYPE_PPP_ETHER: a PPPoE packet without the Ethernet header. Returns the link-header length. */
export function printPppoeLink(c: PrintContext, length: number): number {
  return pppoePrint(c, c.pkt.views.table[Layer.Pppoe] as Pppoe, length);
}

/** PPPoE by EtherType (0x8863, 0x8864). */
export function printPppoe(c: PrintContext, v: Pppoe, length: number): void { pppoePrint(c, v, length); }

/** tcpdump's pppoe_print: returns the header length (with PPP's, in a session). */
function pppoePrint(c: PrintContext, v: Pppoe, length: number): number {
  c.protocol = 'pppoe';
  if (length < PPPOE_HEADER_LENGTH) { c.write(` (length ${length} < ${PPPOE_HEADER_LENGTH})`); c.invalid(); return 0; }
  length -= PPPOE_HEADER_LENGTH;
  v.need(PPPOE_HEADER_LENGTH);
  const ver = v.version, type = v.type, code = v.code, session = v.sessionId;
  let plen = v.payloadLength;
  if (ver !== 1) c.write(` [ver ${ver}]`);
  if (type !== 1) c.write(` [type ${type}]`);
  c.write(`PPPoE ${codes[code] ?? `PAD-${code.toString(16)}`}`);
  if (code === 0x09 && plen > 1484 - PPPOE_HEADER_LENGTH) c.write(` [len ${plen}!]`);
  if (plen > length) { c.write(` [len ${plen} > ${length}!]`); plen = length; }
  if (session) c.write(` [ses 0x${session.toString(16)}]`);
  if (code === 0) {
    c.write(' ');
    return PPPOE_HEADER_LENGTH + viewCall(c, Layer.Ppp, v.off + PPPOE_HEADER_LENGTH, plen, undefined, pppPrint);
  }
  // Discovery: tags up to the payload length, until an End-Of-List.
  const t = v.tag, end = v.off + PPPOE_HEADER_LENGTH + plen;
  let at = v.off + PPPOE_HEADER_LENGTH, tagType = 0xffff;
  while (tagType !== 0 && at < end) {
    t.point(at, c.end);
    tagType = t.type;
    const tagLen = t.length;
    const name = tags[tagType] ?? `TAG-0x${tagType.toString(16)}`;
    if (tagLen) {
      t.need(PPPOE_TAG_HEADER_LENGTH + tagLen);
      let str = '', ascii = 0, garbage = 0;
      for (let i = 0; i < tagLen && str.length < MAX_TAG_PRINT - 1; i++) {
        const b = t.byte(PPPOE_TAG_HEADER_LENGTH + i);
        if (b >= 0x20 && b < 0x7f) { str += String.fromCharCode(b); ascii++; } else { str += '.'; garbage++; }
      }
      if (ascii > garbage) {
        c.write(` [${name} "${str}"]`);
      } else {
        let hex = '';
        for (let i = 0; i < tagLen; i++) hex += t.byte(PPPOE_TAG_HEADER_LENGTH + i).toString(16).toUpperCase().padStart(2, '0');
        c.write(` [${name} 0x${hex}]`);
      }
    } else {
      c.write(` [${name}]`);
    }
    at += PPPOE_TAG_HEADER_LENGTH + tagLen;
  }
  return PPPOE_HEADER_LENGTH;
}
