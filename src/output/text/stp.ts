/** Spanning tree BPDUs: 802.1D, 802.1w (RSTP), 802.1s (MSTP) and 802.1aq (SPB) (tcpdump's print-stp.c). */
import type { PrintContext } from './context.js';
import {
  STP_CONFIG_LENGTH, STP_MCID_DIGEST_LENGTH, STP_MCID_NAME_LENGTH, STP_MCID_NAME_OFFSET, STP_MSTP_LENGTH, STP_RSTP_LENGTH, STP_SPB_AGREEMENT_DIGEST_LENGTH, STP_SPB_LENGTH,
  type Stp,
} from '../../decoders/stp.js';
import { printJnp } from './print-char.js';
import { hex8 } from './names.js';
import { cFixed } from './util-print.js';

const versions: Record<number, string> = { 0: '802.1d', 2: '802.1w', 3: '802.1s', 4: '802.1aq' };
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

/** A timer in 1/256 s as tcpdump's `%.2f` prints it (an exact half rounds to the even digit: 2.125 → 2.12). */
const time = (t: number): string => cFixed(t / 256, 2);
function times(s: Stp): string {
  return `\n\tmessage-age ${time(s.messageAge)}s, max-age ${time(s.maxAge)}s, hello-time ${time(s.helloTime)}s, forwarding-delay ${time(s.forwardDelay)}s`;
}

/** Fields are written one by one as they are read, so a cut-short BPDU shows those before the cut. */
function config(c: PrintContext, s: Stp, length: number, rstp: boolean): void {
  const f = s.flags;
  c.write(`, Flags [${flags(f)}]`);
  c.write(`, bridge-id ${s.bridgeId}.${s.portId.toString(16).padStart(4, '0')}`);
  c.write(`, length ${length}`);
  if (!c.o.verbose) return;
  c.write(times(s));
  c.write(`\n\troot-id ${s.rootId}, root-pathcost ${s.rootPathCost}`);
  if (rstp) c.write(`, port-role ${roles[(f >> 2) & 3]}`);
}

function mstp(c: PrintContext, s: Stp, length: number): void {
  const f = s.flags;
  c.write(`, CIST Flags [${flags(f)}], length ${length}`);
  if (!c.o.verbose) return;
  c.write(`\n\tport-role ${roles[(f >> 2) & 3]}, CIST root-id ${s.rootId}, CIST ext-pathcost ${s.rootPathCost}`);
  c.write(`\n\tCIST regional-root-id ${s.bridgeId}, CIST port-id ${s.portId.toString(16).padStart(4, '0')},`);
  c.write(times(s));
  const v3len = s.v3Length;
  c.write(`\n\tv3len ${v3len}, MCID Name `);
  // The name is shown character by character up to its NUL, so a cut inside it shows its start.
  printJnp(c, s, STP_MCID_NAME_OFFSET, STP_MCID_NAME_LENGTH);
  const rev = s.mcidRevision;
  let digest = '';
  for (let i = 0; i < STP_MCID_DIGEST_LENGTH; i++) digest += hex8(s.mcidDigest(i));
  c.write(`, rev ${rev},\n\t\tdigest ${digest}, `);
  c.write(`CIST int-root-pathcost ${s.cistInternalRootPathCost},`);
  c.write(`\n\tCIST bridge-id ${s.cistBridgeId}, `);
  c.write(`CIST remaining-hops ${s.cistRemainingHops}`);
  for (let i = 0, n = s.mstiCount(length); i < n; i++) {
    const m = s.msti(i), mf = m.flags;
    c.write(`\n\tMSTI ${m.mstiId}, Flags [${flags(mf)}], port-role ${roles[(mf >> 2) & 3]}`);
    c.write(`\n\t\tMSTI regional-root-id ${m.regionalRootId}, pathcost ${m.internalRootPathCost}`);
    c.write(`\n\t\tMSTI bridge-prio ${m.bridgePriority}, port-prio ${m.portPriority}, hops ${m.remainingHops}`);
  }
}

/** SPB's version 4 part (-v only): auxiliary MCID, then the agreement fields in one line group. */
function spb(c: PrintContext, s: Stp): void {
  if (!c.o.verbose) return;
  c.write(`\n\tv4len ${s.v4Length}, AUXMCID Name `);
  printJnp(c, s, s.auxMcidNameOffset, STP_MCID_NAME_LENGTH);
  const rev = s.auxMcidRevision;
  let digest = '';
  for (let i = 0; i < STP_MCID_DIGEST_LENGTH; i++) digest += hex8(s.auxMcidDigest(i));
  c.write(`, Rev ${rev},\n\t\tdigest ${digest}`);
  // tcpdump reads every agreement field before it prints the line group, so a cut shows none of it.
  const a = s.agreementFlags, format = s.agreementFormat, convention = s.agreementConvention, edges = s.agreementEdgeCount;
  let agreement = '';
  for (let i = 0; i < STP_SPB_AGREEMENT_DIGEST_LENGTH; i++) agreement += hex8(s.agreementDigest(i));
  // "cap" is the whole byte, as tcpdump prints it (its mask 0x00ff keeps the identifier bits too).
  c.write(`\n\tAgreement num ${a >> 6}, Discarded Agreement num ${(a >> 4) & 3}, Agreement valid-flag ${(a >> 3) & 1},`
    + `\n\tRestricted role-flag: ${(a >> 2) & 1}, Format id ${format >> 4} cap ${format}, Convention id ${convention >> 4} cap ${convention},`
    + `\n\tEdge count ${edges}, Agreement digest ${agreement}`);
}

/** A BPDU of `length` bytes after the LLC header. */
export function printStp(c: PrintContext, s: Stp, length: number): void {
  c.protocol = 'stp';
  if (length < 4) { c.write(' (invalid)'); return; }
  if (s.protocolId !== 0) { c.write(`unknown STP version, length ${length}`); return; }
  const version = s.protocolVersion;
  c.write('STP ');
  const vname = versions[version];
  if (vname === undefined) { c.write(`Unknown STP protocol (0x${hex8(version)})`); return; }
  c.write(vname);
  const type = s.bpduType;
  const tname = types[type];
  if (tname === undefined) { c.write(`, Unknown BPDU Type (0x${hex8(type)})`); return; }
  c.write(`, ${tname}`);
  if (type === 0x80) return;
  if ((version === 3 || version === 4) && type === 0x02) {
    // The version 3 length (plus its own two bytes) must fit after the 36-byte RSTP part.
    if (length < STP_MSTP_LENGTH || s.v1Length !== 0 || length < STP_RSTP_LENGTH + s.v3Length + 2) { c.invalid(); return; }
    mstp(c, s, length);
    if (version === 4) {
      const v4 = s.v4Length + 2;
      if (length < s.spbOffset + v4 || v4 < STP_SPB_LENGTH) { c.invalid(); return; }
      spb(c, s);
    }
    return;
  }
  if (length < (type === 0x02 ? STP_RSTP_LENGTH : STP_CONFIG_LENGTH)) { c.invalid(); return; }
  config(c, s, length, type === 0x02);
}
