/** Spanning tree BPDUs: 802.1D, 802.1w (RSTP) and 802.1s (MSTP) (tcpdump's print-stp.c). */
import type { PrintContext } from './context.js';
import { hex8 } from './names.js';

const versions: Record<number, string> = { 0: '802.1d', 2: '802.1w', 3: '802.1s' };
const types: Record<number, string> = { 0x00: 'Config', 0x80: 'Topology Change', 0x02: 'Rapid STP' };
const flagNames: Array<[number, string]> = [
  [0x01, 'Topology change'], [0x02, 'Proposal'], [0x10, 'Learn'], [0x20, 'Forward'], [0x40, 'Agreement'], [0x80, 'Topology change ACK'],
];
const roles = ['Unknown', 'Alternate', 'Root', 'Designated'];

function flags(f: number): string {
  let s = '';
  for (const [bit, name] of flagNames) if (f & bit) s += (s ? ', ' : '') + name;
  return s || 'none';
}

/** Priority and MAC of a bridge id: 8000.02:00:00:00:00:01. */
function bridgeId(c: PrintContext, at: number): string { return `${hex8(c.u8(at))}${hex8(c.u8(at + 1))}.${c.mac(at + 2)}`; }

function times(c: PrintContext, p: number): string {
  const t = (at: number): string => (c.u16(at) / 256).toFixed(2);
  return `\n\tmessage-age ${t(p + 27)}s, max-age ${t(p + 29)}s, hello-time ${t(p + 31)}s, forwarding-delay ${t(p + 33)}s`;
}

/** Fields are written one by one as they are read, so a cut-short BPDU shows those before the cut. */
function config(c: PrintContext, p: number, length: number, rstp: boolean): void {
  const f = c.u8(p + 4);
  c.write(`, Flags [${flags(f)}]`);
  c.write(`, bridge-id ${bridgeId(c, p + 17)}.${c.u16(p + 25).toString(16).padStart(4, '0')}`);
  c.write(`, length ${length}`);
  if (!c.o.verbose) return;
  c.write(times(c, p));
  c.write(`\n\troot-id ${bridgeId(c, p + 5)}, root-pathcost ${c.u32(p + 13)}`);
  if (rstp) c.write(`, port-role ${roles[(f >> 2) & 3]}`);
}

function mstp(c: PrintContext, p: number, length: number): void {
  const f = c.u8(p + 4);
  c.write(`, CIST Flags [${flags(f)}], length ${length}`);
  if (!c.o.verbose) return;
  c.write(`\n\tport-role ${roles[(f >> 2) & 3]}, CIST root-id ${bridgeId(c, p + 5)}, CIST ext-pathcost ${c.u32(p + 13)}`);
  c.write(`\n\tCIST regional-root-id ${bridgeId(c, p + 17)}, CIST port-id ${c.u16(p + 25).toString(16).padStart(4, '0')},`);
  c.write(times(c, p));
  const v3len = c.u16(p + 36);
  c.write(`\n\tv3len ${v3len}, MCID Name `);
  // The name is shown character by character up to its NUL, so a cut inside it shows its start.
  for (let i = 0; i < 32; i++) {
    const ch = c.u8(p + 39 + i);
    if (ch === 0) break;
    c.write(String.fromCharCode(ch));
  }
  const rev = c.u16(p + 71);
  let digest = '';
  for (let i = 0; i < 16; i++) digest += hex8(c.u8(p + 73 + i));
  c.write(`, rev ${rev},\n\t\tdigest ${digest}, `);
  c.write(`CIST int-root-pathcost ${c.u32(p + 89)},`);
  c.write(`\n\tCIST bridge-id ${bridgeId(c, p + 93)}, `);
  c.write(`CIST remaining-hops ${c.u8(p + 101)}`);
  for (let off = 102; off + 16 <= 102 + (v3len - 64) && off + 16 <= length; off += 16) {
    const m = p + off, mf = c.u8(m);
    c.write(`\n\tMSTI ${c.u16(m + 1) & 0x0fff}, Flags [${flags(mf)}], port-role ${roles[(mf >> 2) & 3]}`);
    c.write(`\n\t\tMSTI regional-root-id ${bridgeId(c, m + 1)}, pathcost ${c.u32(m + 9)}`);
    c.write(`\n\t\tMSTI bridge-prio ${c.u8(m + 13) >> 4}, port-prio ${c.u8(m + 14) >> 4}, hops ${c.u8(m + 15)}`);
  }
}

/** A BPDU at `p`, `length` bytes after the LLC header. */
export function printStp(c: PrintContext, p: number, length: number): void {
  c.protocol = 'stp';
  if (length < 4) { c.write(' (invalid)'); return; }
  if (c.u16(p) !== 0) { c.write(`unknown STP version, length ${length}`); return; }
  const version = c.u8(p + 2);
  c.write('STP ');
  const vname = versions[version];
  if (vname === undefined) { c.write(`Unknown STP protocol (0x${hex8(version)})`); return; }
  c.write(vname);
  const type = c.u8(p + 3);
  const tname = types[type];
  if (tname === undefined) { c.write(`, Unknown BPDU Type (0x${hex8(type)})`); return; }
  c.write(`, ${tname}`);
  if (type === 0x80) return;
  if (version === 3 && type === 0x02) {
    // The version 3 length (plus its own two bytes) must fit after the 36-byte RSTP part.
    if (length < 102 || length < 36 + c.u16(p + 36) + 2) { c.invalid(); return; }
    mstp(c, p, length);
    return;
  }
  if (length < (type === 0x02 ? 36 : 35)) { c.invalid(); return; }
  config(c, p, length, type === 0x02);
}
