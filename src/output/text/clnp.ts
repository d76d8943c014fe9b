/** CLNP, ISO 8473 (tcpdump's print-isoclns.c clnp_print). */
import type { PrintContext } from './context.js';
import { viewCall } from './dispatch.js';
import { bitNames, tokName, unknownData, type Tok } from './tok.js';
import { osiChecksumText } from './osi.js';
import { CLNP_FIXED_LENGTH, CLNP_SEGMENT_LENGTH, type Clnp } from '../../decoders/clnp.js';
import { Layer } from '../../decoders/layer.js';

const pduTypes: Tok = [[1, 'Error Report'], [29, 'MD'], [28, 'Data'], [30, 'Echo Request'], [31, 'Echo Response']];
const flagNames: Tok = [[0x80, 'Segmentation permitted'], [0x40, 'more Segments'], [0x20, 'request Error Report']];
const optionNames: Tok = [
  [193, 'Discard Reason'], [205, 'Priority'], [195, 'QoS Maintenance'], [197, 'Security'], [200, 'Source Routing'], [203, 'Route Recording'], [204, 'Padding'],
];
const rfdClasses: Tok = [[0x0, 'General'], [0x8, 'Address'], [0x9, 'Source Routeing'], [0xa, 'Lifetime'], [0xb, 'PDU Discarded'], [0xc, 'Reassembly']];
const rfdErrors: (Tok | undefined)[] = [];
rfdErrors[0x0] = [
  [0x0, 'Reason not specified'], [0x1, 'Protocol procedure error'], [0x2, 'Incorrect checksum'], [0x3, 'PDU discarded due to congestion'],
  [0x4, 'Header syntax error (cannot be parsed)'], [0x5, 'Segmentation needed but not permitted'], [0x6, 'Incomplete PDU received'], [0x7, 'Duplicate option'],
];
rfdErrors[0x8] = [[0x0, 'Destination address unreachable'], [0x1, 'Destination address unknown']];
rfdErrors[0x9] = [
  [0x0, 'Unspecified source routeing error'], [0x1, 'Syntax error in source routeing field'], [0x2, 'Unknown address in source routeing field'], [0x3, 'Path not acceptable'],
];
rfdErrors[0xa] = [[0x0, 'Lifetime expired while data unit in transit'], [0x1, 'Lifetime expired during reassembly']];
rfdErrors[0xb] = [
  [0x0, 'Unsupported option not specified'], [0x1, 'Unsupported protocol version'], [0x2, 'Unsupported security option'],
  [0x3, 'Unsupported source routeing option'], [0x4, 'Unsupported recording of route option'],
];
rfdErrors[0xc] = [[0x0, 'Reassembly interference']];
const scopes: Tok = [[0x40, 'Source Address Specific'], [0x80, 'Destination Address Specific'], [0xc0, 'Globally unique']];
const srRr: Tok = [[0x0, 'partial'], [0x1, 'complete']];
const srRrNames: Tok = [[200, 'source routing'], [203, 'recording of route in progress']];
const qosGlobal: Tok = [[0x20, 'reserved'], [0x10, 'sequencing vs. delay'], [0x08, 'congested'], [0x04, 'delay vs. cost'], [0x02, 'error vs. delay'], [0x01, 'error vs. cost']];

/** CLNP PDU `clnp`, `length` bytes on the wire; tcpdump dumps the PDU when its printer gives up. */
export function printClnp(c: PrintContext, clnp: Clnp, length: number): void {
  if (!clnpPrint(c, clnp, length)) unknownData(c, '\n\t', clnp.off, length);
}

/** clnp_print; false where tcpdump's returns 0. */
function clnpPrint(c: PrintContext, clnp: Clnp, length: number): boolean {
  c.protocol = 'clnp';
  const trunc = (): boolean => { c.truncMark(); return true; };
  if (!clnp.has(CLNP_FIXED_LENGTH)) return trunc();
  const li = clnp.lengthIndicator;
  let left = li;
  if (!c.o.linkHeader) c.write('CLNP');
  const version = clnp.version;
  if (version !== 1) { c.write(`version ${version} packet not supported`); return false; }
  if (li > length) { c.write(` length indicator(${li}) > PDU size (${length})!`); return false; }
  if (li < CLNP_FIXED_LENGTH) {
    // tcpdump prints what was captured in upper-case hex.
    c.write(` length indicator ${li} < min PDU size:`);
    let s = '';
    for (let i = 0; i < clnp.captured; i++) s += clnp.byte(i).toString(16).toUpperCase().padStart(2, '0');
    c.write(s);
    return false;
  }
  const type = clnp.typeByte & 0x1f, flags = clnp.typeByte & 0xe0;
  left -= CLNP_FIXED_LENGTH;
  const noRoom = (): boolean => { c.write('li < size of fixed part of CLNP header and addresses'); return false; };
  if (left < 1) return noRoom();
  const dlen = clnp.destinationLength;
  left -= 1;
  if (left < dlen) return noRoom();
  if (!clnp.has(CLNP_FIXED_LENGTH + 1 + dlen)) return trunc();
  left -= dlen;
  if (left < 1) return noRoom();
  const slen = clnp.sourceLength;
  left -= 1;
  if (left < slen) return noRoom();
  if (!clnp.has(clnp.sourceLengthAt + 1 + slen)) return trunc();
  left -= slen;
  let pos = clnp.sourceLengthAt + 1 + slen;
  if (c.o.verbose < 1) {
    c.write(`${c.o.linkHeader ? '' : ', '}${clnp.source} > ${clnp.destination}, ${tokName(pduTypes, `unknown (${type})`, type)}, length ${length}`);
    return true;
  }
  c.write(`${c.o.linkHeader ? '' : ', '}length ${length}`);
  const lifetime = clnp.lifetime;
  c.write(`\n\t${tokName(pduTypes, `unknown (${type})`, type)} PDU, hlen: ${li}, v: ${version}, lifetime: ${Math.floor(lifetime / 2)}.${(lifetime % 2) * 5}s, ` +
    `Segment PDU length: ${clnp.segmentLength}, checksum: 0x${clnp.checksum.toString(16).padStart(4, '0')}`);
  c.write(osiChecksumText(clnp.checksum, 7, li, clnp.has(li) && clnp.has(9), () => clnp.expectedChecksum(li)));
  c.write(`\n\tFlags [${bitNames(flagNames, 'none', flags)}]`);
  c.write(`\n\tsource address (length ${slen}): ${clnp.source}\n\tdest   address (length ${dlen}): ${clnp.destination}`);
  if (flags & 0x80) {
    if (left < CLNP_SEGMENT_LENGTH) { c.write('li < size of fixed part of CLNP header, addresses, and segment part'); return false; }
    if (!clnp.has(pos + CLNP_SEGMENT_LENGTH)) return trunc();
    c.write(`\n\tData Unit ID: 0x${clnp.dataUnitId(pos).toString(16).padStart(4, '0')}, Segment Offset: ${clnp.segmentOffset(pos)}, ` +
      `Total PDU Length: ${clnp.totalLength(pos)}`);
    pos += CLNP_SEGMENT_LENGTH;
    left -= CLNP_SEGMENT_LENGTH;
  }
  // The options.
  const opt = clnp.option;
  while (left !== 0) {
    if (left < 2) { c.write(', bad opts/li'); return false; }
    opt.point(clnp.off + pos, clnp.end);
    const op = opt.code, opli = opt.valueLength;
    pos += 2; left -= 2;
    if (opli > left) { c.write(`, opt (${op}) too long`); return false; }
    if (!clnp.has(pos + opli)) return trunc();
    left -= opli;
    c.write(`\n\t  ${tokName(optionNames, 'Unknown', op)} Option #${op}, length ${opli}, value: `);
    let tlen = opli;
    switch (op) {
      case 203: case 200: {
        if (tlen < 2) { c.write(', bad opt len'); return false; }
        c.write(`${tokName(srRr, 'Unknown', opt.valueByte(0))} ${tokName(srRrNames, `Unknown Option ${op}`, op)}`);
        let nsapOffset = opt.valueByte(1);
        if (nsapOffset === 0) { c.write(' Bad NSAP offset (0)'); break; }
        nsapOffset -= 1;
        if (nsapOffset > tlen) { c.write(' Bad NSAP offset (past end of option)'); break; }
        const q = nsapOffset;
        tlen -= nsapOffset;
        // tcpdump walks the list without advancing (a loop bounded by the option's length).
        while (tlen > 0) {
          const alen = opt.valueByte(q);
          if (tlen < alen + 1) { c.write('\n\t    NSAP address goes past end of option'); break; }
          if (alen > 0) c.write(`\n\t    NSAP address (length ${alen}): ${opt.nsap(q + 1, alen)}`);
          tlen -= alen + 1;
        }
        break;
      }
      case 205:
        if (tlen < 1) { c.write(', bad opt len'); return false; }
        c.write(`0x${(opt.valueByte(0) & 0x0f).toString(16)}`);
        break;
      case 195: {
        if (tlen < 1) { c.write(', bad opt len'); return false; }
        const f = opt.valueByte(0);
        c.write(`\n\t    Format Code: ${tokName(scopes, 'Reserved', f & 0xc0)}`);
        if ((f & 0xc0) === 0xc0) c.write(`\n\t    QoS Flags [${bitNames(qosGlobal, 'none', f & 0x3f)}]`);
        break;
      }
      case 197:
        if (tlen < 2) { c.write(', bad opt len'); return false; }
        c.write(`\n\t    Format Code: ${tokName(scopes, 'Reserved', opt.valueByte(0) & 0xc0)}, Security-Level ${opt.valueByte(1)}`);
        break;
      case 193: {
        if (tlen < 1) { c.write(', bad opt len'); return false; }
        const e = opt.valueByte(0), major = (e & 0xf0) >> 4, minor = e & 0x0f;
        c.write(`\n\t    Class: ${tokName(rfdClasses, 'Unknown', major)} Error (0x${major.toString(16)}), ` +
          `${tokName(rfdErrors[major] ?? [], 'Unknown', minor)} (0x${minor.toString(16)})`);
        break;
      }
      case 204:
        c.write('padding data');
        break;
      default:
        unknownData(c, '\n\t  ', opt.valueStart, opli);
    }
    if (c.o.verbose > 1) unknownData(c, '\n\t  ', opt.valueStart, opli);
    pos += opli;
  }
  // An Error Report (and, as tcpdump has it, an Echo Response) quotes the PDU it is about: printed
  // when its data starts with a CLNP header; anything else is dumped as-is.
  if ((type === 1 || type === 31) && clnp.nlpidAt(pos) === 0x81) {
    c.write('\n\t-----original packet-----\n\t');
    // The quoted PDU, printed as tcpdump's recursive clnp_print (no dump if it gives up).
    viewCall(c, Layer.Clnp, clnp.off + pos, length - li, undefined, (cc: PrintContext, inner: Clnp, len: number) => clnpPrint(cc, inner, len));
    c.protocol = 'clnp';
  } else if (length > pos) {
    c.write(`\n\t  undecoded non-header data, length ${length - li}`);
    unknownData(c, '\n\t  ', clnp.off + pos, length - pos);
  }
  return true;
}
