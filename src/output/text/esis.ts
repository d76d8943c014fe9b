/** ES-IS, ISO 9542 (tcpdump's print-isoclns.c esis_print). */
import type { PrintContext } from './context.js';
import { tokName, unknownData, type Tok } from './tok.js';
import { nlpidNames, osiChecksumText } from './osi.js';
import { ESIS_FIXED_LENGTH, type Esis } from '../../decoders/esis.js';

const pduTypes: Tok = [[6, 'redirect'], [2, 'ESH'], [4, 'ISH']];
const optionNames: Tok = [
  [129, 'Protocols supported'], [195, 'QoS Maintenance'], [197, 'Security'], [198, 'ES Configuration Time'], [205, 'Priority'],
  [225, 'Addressk Mask'], [226, 'SNPA Mask'],
];

/** ES-IS PDU `e`, `length` bytes on the wire (esis_print). */
export function printEsis(c: PrintContext, e: Esis, length: number): void {
  c.protocol = 'esis';
  if (!c.o.linkHeader) c.write('ES-IS');
  if (length <= 2) { c.write(c.o.quiet ? 'bad pkt!' : 'no header at all!'); return; }
  const trunc = (): void => c.truncMark();
  if (!e.has(ESIS_FIXED_LENGTH)) { trunc(); return; }
  let li = e.lengthIndicator;
  const nlpid = e.nlpid;
  if (nlpid !== 0x82) { c.write(` nlpid 0x${nlpid.toString(16).padStart(2, '0')} packet not supported`); return; }
  const version = e.version;
  if (version !== 1) { c.write(` version ${version} packet not supported`); return; }
  if (li > length) { c.write(` length indicator(${li}) > PDU size (${length})!`); return; }
  if (li < ESIS_FIXED_LENGTH + 2) {
    c.write(` length indicator ${li} < min PDU size:`);
    let s = '';
    for (let i = 0; i < e.captured; i++) s += e.byte(i).toString(16).toUpperCase().padStart(2, '0');
    c.write(s);
    return;
  }
  const type = e.typeByte & 0x1f;
  const sep = c.o.linkHeader ? '' : ', ';
  if (c.o.verbose < 1) { c.write(`${sep}${tokName(pduTypes, `unknown type (${type})`, type)}, length ${length}`); return; }
  c.write(`${sep}length ${length}\n\t${tokName(pduTypes, `unknown type: ${type}`, type)} (${type})`);
  c.write(`, v: ${version}`);
  c.write(`, checksum: 0x${e.checksum.toString(16).padStart(4, '0')}`);
  c.write(osiChecksumText(e.checksum, 7, li, e.has(li), () => e.expectedChecksum(li)));
  c.write(`, holding time: ${e.holdingTime}s, length indicator: ${li}`);
  if (c.o.verbose > 1) unknownData(c, '\n\t', e.off, ESIS_FIXED_LENGTH);
  let pos = ESIS_FIXED_LENGTH;
  li -= ESIS_FIXED_LENGTH;
  switch (type) {
    case 6: {
      const bad = (): void => c.write(', bad redirect/li');
      if (!e.has(pos + 1)) { trunc(); return; }
      if (li < 1) { bad(); return; }
      const dstl = e.lengthAt(pos);
      pos++; li--;
      if (!e.has(pos + dstl)) { trunc(); return; }
      if (li < dstl) { bad(); return; }
      const dst = pos;
      pos += dstl; li -= dstl;
      c.write(`\n\t  ${e.nsap(dst, dstl)}`);
      if (!e.has(pos + 1)) { trunc(); return; }
      if (li < 1) { bad(); return; }
      const snpal = e.lengthAt(pos);
      pos++; li--;
      if (!e.has(pos + snpal)) { trunc(); return; }
      if (li < snpal) { bad(); return; }
      const snpa = pos;
      pos += snpal; li -= snpal;
      if (!e.has(pos + 1)) { trunc(); return; }
      if (li < 1) { bad(); return; }
      const netal = e.lengthAt(pos);
      pos++;
      if (!e.has(pos + netal)) { trunc(); return; }
      if (li < netal) { bad(); return; }
      const neta = pos;
      pos += netal; li -= netal;
      c.write(`\n\t  SNPA (length: ${snpal}): ${e.snpa(snpa, snpal)}`);
      if (netal !== 0) c.write(`\n\t  NET (length: ${netal}) ${e.nsap(neta, netal)}`);
      break;
    }
    case 2: {
      const bad = (): void => c.write(', bad esh/li');
      if (!e.has(pos + 1)) { trunc(); return; }
      if (li < 1) { bad(); return; }
      let n = e.lengthAt(pos);
      pos++; li--;
      c.write(`\n\t  Number of Source Addresses: ${n}`);
      while (n > 0) {
        if (!e.has(pos + 1)) { trunc(); return; }
        if (li < 1) { bad(); return; }
        const alen = e.lengthAt(pos);
        pos++; li--;
        if (!e.has(pos + alen)) { trunc(); return; }
        if (li < alen) { bad(); return; }
        c.write(`\n\t  NET (length: ${alen}): ${e.nsap(pos, alen)}`);
        pos += alen; li -= alen;
        n--;
      }
      break;
    }
    case 4: {
      if (!e.has(pos + 1)) { trunc(); return; }
      if (li < 1) { c.write(', bad ish/li'); return; }
      const alen = e.lengthAt(pos);
      pos++; li--;
      if (!e.has(pos + alen)) { trunc(); return; }
      if (li < alen) { c.write(', bad ish/li'); return; }
      c.write(`\n\t  NET (length: ${alen}): ${e.nsap(pos, alen)}`);
      pos += alen; li -= alen;
      break;
    }
    default:
      if (c.o.verbose <= 1 && e.has(pos + 1)) unknownData(c, '\n\t  ', e.off + pos, e.captured - pos);
      return;
  }
  // The options.
  while (li !== 0) {
    if (li < 2) { c.write(', bad opts/li'); return; }
    const op = e.optionCode(pos);
    let opli = e.optionLength(pos);
    const opt = pos;
    pos += 2; li -= 2;
    if (opli > li) { c.write(`, opt (${op}) too long`); return; }
    li -= opli;
    c.write(`\n\t  ${tokName(optionNames, 'Unknown', op)} Option #${op}, length ${opli}, value: `);
    switch (op) {
      case 198:
        if (opli === 2) {
          if (!e.has(pos + 2)) { trunc(); return; }
          c.write(`${e.configurationTime(opt)}s`);
        } else {
          c.write('(bad length)');
        }
        break;
      case 129: {
        let q = pos;
        while (opli > 0) {
          const id = e.lengthAt(q);
          c.write(`${tokName(nlpidNames, 'unknown', id)} (0x${id.toString(16).padStart(2, '0')})`);
          if (opli > 1) c.write(', ');
          q++; opli--;
        }
        // tcpdump counted opli down to 0 here: the next option is read from this one's value.
        break;
      }
      default:
        unknownData(c, '\n\t  ', e.off + pos, opli);
    }
    if (c.o.verbose > 1) unknownData(c, '\n\t  ', e.off + pos, opli);
    pos += opli;
  }
}
