/** NSH (tcpdump's print-nsh.c): base and service path headers, context headers with -vvv, then the packet it carries. */
import type { PrintContext } from './context.js';
import { TRUNCATED } from './context.js';
import { Layer } from '../../decoders/layer.js';
import { NSH_FIXED_LENGTH, type Nsh } from '../../decoders/nsh.js';
import { printLayer } from './dispatch.js';

const MD_TYPES: Record<number, string> = { 0: 'reserved', 1: '1', 2: '2', 15: 'experimental' };
const NEXT_NAMES: Record<number, string> = { 1: 'IPv4', 2: 'IPv6', 3: 'Ethernet', 4: 'NSH', 5: 'MPLS', 0xfe: 'Experiment 1', 0xff: 'Experiment 2' };
const hex2 = (v: number): string => v.toString(16).padStart(2, '0');

/** An NSH packet of `len` bytes. */
export function printNsh(c: PrintContext, n: Nsh, len: number): void {
  c.protocol = 'nsh';
  if (len < NSH_FIXED_LENGTH) { c.write(` (packet length ${len} < ${NSH_FIXED_LENGTH})`); c.invalid(); return; }
  const v = c.o.verbose;
  const ver = n.version, length = n.lengthWords, md = n.mdType, next = n.nextProtocol;
  c.write('NSH, ');
  if (v > 1) c.write(`ver ${ver}, `);
  if (ver !== 0) return;
  c.write(`flags [${n.flags & 2 ? 'O' : 'none'}], `);
  if (v > 2) {
    c.write(`TTL ${n.ttl}, `);
    c.write(`length ${length}, `);
    c.write(`md type ${MD_TYPES[md] ?? `unknown (0x${hex2(md)})`}, `);
  }
  if (v > 1) c.write(`next-protocol ${NEXT_NAMES[next] ?? `unknown (0x${hex2(next)})`}, `);
  if (len < length * 4) { c.write(` (too many headers for packet length ${len})`); c.invalid(); return; }
  c.write(`service-path-id 0x${n.servicePathId.toString(16).padStart(6, '0')}, `);
  c.write(`service-index 0x${n.serviceIndex.toString(16)}`);
  if (length < 2) { c.write(' (less than two headers)'); c.invalid(); return; }
  let i = NSH_FIXED_LENGTH;
  let past = false;
  if (v > 2) {
    if (md === 1) {
      if (length !== 6) { c.write(' (invalid length for the MD type)'); c.invalid(); return; }
      for (let k = 0; k < length - 2; k++, i += 4) c.write(`\n        Context[${String(k).padStart(2, '0')}]: 0x${n.word32(i).toString(16).padStart(8, '0')}`);
      past = true;
    } else if (md === 2) {
      let words = 0;
      while (words < length - 2) {
        const cls = n.word16(i), type = n.byte(i + 2), tlvLen = n.byte(i + 3) & 0x7f;
        i += 4;
        const padded = (tlvLen + 3) & ~3;
        c.write(`\n        TLV Class ${cls}, Type ${type}, Len ${tlvLen}`);
        words += 1;
        if (length - 2 < words + padded / 4) { c.write(' (length too big)'); c.invalid(); return; }
        if (tlvLen) {
          let s = '\n            Value: ';
          try {
            for (let k = 0; k < tlvLen; k++) s += (k === 0 ? '0x' : ':') + hex2(n.byte(i + k));
          } finally {
            c.write(s);
          }
          i += tlvLen;
          if (!n.has(i + padded - tlvLen)) throw TRUNCATED;
          i += padded - tlvLen;
          words += padded / 4;
        }
      }
      past = true;
    }
  }
  if (!past) {
    if (!n.has(i + (length - 2) * 4)) throw TRUNCATED;
    i += (length - 2) * 4;
  }
  c.write(v ? '\n    ' : ': ');
  const nextLen = len - length * 4;
  const layer = next === 1 ? Layer.Ipv4 : next === 2 ? Layer.Ipv6 : next === 3 ? Layer.Ethernet : 0;
  if (layer === 0) { c.write('ERROR: unknown-next-protocol'); return; }
  printLayer(c, layer, n.off + i, nextLen);
}
