/** PIM (tcpdump's print-pim.c): PIMv2 on IP protocol 103, PIMv1 inside IGMP. */
import type { PrintContext } from './context.js';
import { PIM_HEADER_LENGTH, PIM_OPTION_HEADER_LENGTH, type Pim, type Pimv1 } from '../../decoders/pim.js';
import { Layer } from '../../decoders/layer.js';
import { printLayer } from './dispatch.js';
import { hexPrint } from './dump.js';
import { hex16, hex8 } from './names.js';
import { hex32, relts, TokTable } from './util-print.js';

const v1Types = new TokTable([
  [0, 'Query'], [1, 'Register'], [2, 'Register-Stop'], [3, 'Join/Prune'], [4, 'RP-reachable'], [5, 'Assert'], [6, 'Graft'], [7, 'Graft-ACK'],
]);
const v2Types = new TokTable([
  [0, 'Hello'], [1, 'Register'], [2, 'Register Stop'], [3, 'Join / Prune'], [4, 'Bootstrap'], [5, 'Assert'], [6, 'Graft'],
  [7, 'Graft Acknowledgement'], [8, 'Candidate RP Advertisement'], [9, 'Prune Refresh'], [10, 'DF Election'], [11, 'ECMP Redirect'],
]);
const helloOptions = new TokTable([
  [1, 'Hold Time'], [2, 'LAN Prune Delay'], [18, 'DR Priority (Old)'], [19, 'DR Priority'], [20, 'Generation ID'],
  [21, 'State Refresh Capability'], [22, 'Bi-Directional Capability'], [24, 'Address List'], [65001, 'Address List (Old)'],
]);
const registerFlags = new TokTable([[0x80000000, 'Border'], [0x40000000, 'Null']]);
const dfElection = new TokTable([[1, 'Offer'], [2, 'Winner'], [3, 'Backoff'], [4, 'Pass']]);

/** A PIM message, `length` bytes of IP payload (pim_print). */
export function printPim(c: PrintContext, pim: Pim, length: number): void {
  c.protocol = 'pim';
  const version = pim.version;
  if (version !== 2) { c.write(`PIMv${version}, length ${length}`); return; }
  const type = pim.type;
  if (!c.o.verbose) { c.write(`PIMv2, ${v2Types.str(type, 'Unknown Type')}, length ${length}`); return; }
  c.write(`PIMv2, length ${length}\n\t${v2Types.str(type, 'Unknown Type')}`);
  if (!printV2(c, pim, length)) c.truncMark();
}

const UNICAST = 0, GROUP = 1, SOURCE = 2;

/**
 * pimv2_addr_print: the encoded address `pos` bytes into the message, `len` bytes left; its size,
 * or -1 when it is cut short or not understood (tcpdump then prints its truncation mark).
 */
function address(c: PrintContext, pim: Pim, pos: number, len: number, kind: number): number {
  const addrLen = pim.addressLength;
  const a = pim.addressAt(pos);
  let v6: boolean, size: number;
  if (addrLen === 0) {
    if (len < 2) return -1;
    const family = a.family;
    if (family !== 1 && family !== 2) return -1;
    if (a.encodingType !== 0) return -1;
    v6 = family === 2; size = v6 ? 16 : 4;
    len -= 2;
  } else {
    if (addrLen !== 4 && addrLen !== 16) return -1;
    v6 = addrLen === 16; size = addrLen;
  }
  const head = a.head;
  if (kind === UNICAST) {
    if (len < size || !a.has(head + size)) return -1;
    c.write(v6 ? a.unicast6 : a.unicast4);
    return head + size;
  }
  if (len < size + 2 || !a.has(head + size + 2)) return -1;
  c.write(v6 ? a.prefix6 : a.prefix4);
  const mask = a.maskLength;
  if (mask !== (v6 ? 128 : 32)) c.write(`/${mask}`);
  const flags = a.flags;
  if (flags !== 0) {
    if (kind === GROUP) c.write(`(0x${hex8(flags)})`);
    else {
      c.write(`(${flags & 4 ? 'S' : ''}${flags & 2 ? 'W' : ''}${flags & 1 ? 'R' : ''}`);
      if (flags & 0xf8) c.write(`+0x${hex8(flags & 0xf8)}`);
      c.write(')');
    }
  }
  return head + 2 + size;
}

/** pimv2_check_checksum over the first `n` bytes: 'correct', 'incorrect' or 'unverified'. */
function checksum(c: PrintContext, pim: Pim, n: number): string {
  if (!pim.has(n) || n > c.avail(pim.off)) return 'unverified';
  const ip = c.ip;
  const sum = ip.version === 4 ? pim.internetChecksum(n) : pim.internetChecksum(n, ip.pseudoSum(103, n));
  return sum !== 0 ? 'incorrect' : 'correct';
}

/** pimv2_print; false where tcpdump goes to its `trunc` label. */
function printV2(c: PrintContext, pim: Pim, len: number): boolean {
  c.protocol = 'pimv2';
  if (len < 2) { c.write(`[length ${len} < 2]`); c.invalid(); return true; }
  const type = pim.type;
  if (pim.addressLength !== 0) c.write(', RFC2117-encoding');
  if (len < 4) { c.write(`[length ${len} < 4]`); c.invalid(); return true; }
  const sum = pim.checksum;
  c.write(`, cksum 0x${hex16(sum)} `);
  if (sum === 0) c.write('(unverified)');
  else {
    let status: string;
    if (type === 1) {
      // A register's checksum may cover the header only (RFC 7761) or, as some routers do, the whole message.
      status = checksum(c, pim, 8);
      if (status === 'incorrect') status = checksum(c, pim, len);
    } else status = checksum(c, pim, len);
    c.write(`(${status})`);
  }
  let pos = PIM_HEADER_LENGTH;
  len -= PIM_HEADER_LENGTH;
  let adv: number;
  switch (type) {
    case 0: return hello(c, pim, pos, len);
    case 1: {
      if (len < 4) return false;
      const part = pim.partAt(pos);
      if (!part.has(4)) return false;
      c.write(`, Flags [ ${registerFlags.str(part.registerFlags, 'none')} ]\n\t`);
      pos += 4; len -= 4;
      if (len === 0) return false;
      const inner = pim.partAt(pos), version = inner.innerVersion;
      switch (version) {
        case 0: c.write(`IP-Null-header ${inner.innerSource} > ${inner.innerDestination}`); break;
        case 4: printLayer(c, Layer.Ipv4, inner.off, len); break;
        case 6: printLayer(c, Layer.Ipv6, inner.off, len); break;
        default: c.write(`IP ver ${version}`);
      }
      return true;
    }
    case 2:
      c.write(' group=');
      if ((adv = address(c, pim, pos, len, GROUP)) < 0) return false;
      pos += adv; len -= adv;
      c.write(' source=');
      if ((adv = address(c, pim, pos, len, UNICAST)) < 0) return false;
      return true;
    case 3: case 6: case 7: {
      if (type !== 7) {
        c.write(', upstream-neighbor: ');
        if ((adv = address(c, pim, pos, len, UNICAST)) < 0) return false;
        pos += adv; len -= adv;
      }
      if (len < 4) return false;
      let part = pim.partAt(pos);
      if (!part.has(4)) return false;
      const ngroup = part.groupCount, hold = part.holdTime;
      c.write(`\n\t  ${ngroup} group(s)`);
      if (type !== 7) c.write(`, holdtime: ${hold === 0xffff ? 'infinite' : relts(hold)}`);
      pos += 4; len -= 4;
      for (let i = 0; i < ngroup; i++) {
        c.write(`\n\t    group #${i + 1}: `);
        if ((adv = address(c, pim, pos, len, GROUP)) < 0) return false;
        pos += adv; len -= adv;
        if (len < 4) return false;
        part = pim.partAt(pos);
        if (!part.has(4)) return false;
        const njoin = part.joinedCount, nprune = part.prunedCount;
        c.write(`, joined sources: ${njoin}, pruned sources: ${nprune}`);
        pos += 4; len -= 4;
        for (let j = 0; j < njoin; j++) {
          c.write(`\n\t      joined source #${j + 1}: `);
          if ((adv = address(c, pim, pos, len, SOURCE)) < 0) return false;
          pos += adv; len -= adv;
        }
        for (let j = 0; j < nprune; j++) {
          c.write(`\n\t      pruned source #${j + 1}: `);
          if ((adv = address(c, pim, pos, len, SOURCE)) < 0) return false;
          pos += adv; len -= adv;
        }
      }
      return true;
    }
    case 4: {
      if (len < 2) return false;
      c.write(` tag=${pim.partAt(pos).fragmentTag.toString(16)}`);
      pos += 2; len -= 2;
      if (len < 1) return false;
      let part = pim.partAt(pos);
      c.write(` hashmlen=${part.hashMaskLength}`);
      if (len < 2) return false;
      // tcpdump checks one byte further than it reads here (ND_TCHECK_1(bp + 2)).
      if (!part.has(3)) return false;
      c.write(` BSRprio=${part.bsrPriority}`);
      pos += 2; len -= 2;
      c.write(' BSR=');
      if ((adv = address(c, pim, pos, len, UNICAST)) < 0) return false;
      pos += adv; len -= adv;
      for (let i = 0; len > 0; i++) {
        c.write(` (group${i}: `);
        if ((adv = address(c, pim, pos, len, GROUP)) < 0) return false;
        pos += adv; len -= adv;
        if (len < 1) return false;
        part = pim.partAt(pos);
        c.write(` RPcnt=${part.rpCount}`);
        if (len < 2) return false;
        const frpcnt = part.fragmentRpCount;
        c.write(` FRPcnt=${frpcnt}`);
        if (len < 4) return false;
        pos += 4; len -= 4;
        for (let j = 0; j < frpcnt && len > 0; j++) {
          c.write(` RP${j}=`);
          if ((adv = address(c, pim, pos, len, UNICAST)) < 0) return false;
          pos += adv; len -= adv;
          if (len < 2) return false;
          part = pim.partAt(pos);
          c.write(',holdtime=');
          c.write(relts(part.rpHoldTime));
          if (len < 3) return false;
          c.write(`,prio=${part.rpPriority}`);
          if (len < 4) return false;
          pos += 4; len -= 4;
        }
        c.write(')');
      }
      return true;
    }
    case 5: {
      c.write(' group=');
      if ((adv = address(c, pim, pos, len, GROUP)) < 0) return false;
      pos += adv; len -= adv;
      c.write(' src=');
      if ((adv = address(c, pim, pos, len, UNICAST)) < 0) return false;
      pos += adv; len -= adv;
      if (len < 8) return false;
      const part = pim.partAt(pos);
      if (!part.has(8)) return false;
      if (part.rptBit) c.write(' RPT');
      c.write(` pref=${part.preference & 0x7fffffff}`);
      c.write(` metric=${part.metric}`);
      return true;
    }
    case 8: {
      if (len < 1) return false;
      const part = pim.partAt(pos);
      const pfxcnt = part.prefixCount;
      c.write(` prefix-cnt=${pfxcnt}`);
      if (len < 2) return false;
      c.write(` prio=${part.priority}`);
      if (len < 4) return false;
      c.write(' holdtime=');
      c.write(relts(part.advertisedHoldTime));
      pos += 4; len -= 4;
      c.write(' RP=');
      if ((adv = address(c, pim, pos, len, UNICAST)) < 0) return false;
      pos += adv; len -= adv;
      for (let i = 0; i < pfxcnt && len > 0; i++) {
        c.write(` Group${i}=`);
        if ((adv = address(c, pim, pos, len, GROUP)) < 0) return false;
        pos += adv; len -= adv;
      }
      return true;
    }
    case 9: {
      c.write(' src=');
      if ((adv = address(c, pim, pos, len, UNICAST)) < 0) return false;
      pos += adv; len -= adv;
      c.write(' grp=');
      if ((adv = address(c, pim, pos, len, GROUP)) < 0) return false;
      pos += adv; len -= adv;
      c.write(' forwarder=');
      if ((adv = address(c, pim, pos, len, UNICAST)) < 0) return false;
      pos += adv; len -= adv;
      if (len < 2) return false;
      c.write(' TUNR ');
      c.write(relts(pim.partAt(pos).refreshTime));
      return true;
    }
    case 10: {
      const subtype = pim.subtype;
      c.write(`\n\t  ${dfElection.str(subtype, 'Unknown')}, rpa=`);
      if ((adv = address(c, pim, pos, len, UNICAST)) < 0) return false;
      pos += adv; len -= adv;
      let part = pim.partAt(pos);
      c.write(` sender pref=${part.preference}`);
      c.write(` sender metric=${part.metric}`);
      pos += 8; len -= 8;
      if (subtype === 3 || subtype === 4) {
        const what = subtype === 3 ? 'offer' : 'new winner';
        c.write(`\n\t  ${what} addr=`);
        if ((adv = address(c, pim, pos, len, UNICAST)) < 0) return false;
        pos += adv; len -= adv;
        part = pim.partAt(pos);
        c.write(` ${what} pref=${part.preference}`);
        c.write(` ${what} metric=${part.metric}`);
        pos += 8;
        if (subtype === 3) c.write(` interval ${pim.partAt(pos).backoffInterval}ms`);
      }
      return true;
    }
    default:
      c.write(` [type ${type}]`);
      return true;
  }
}

/** The hello options; false where tcpdump goes to `trunc`. */
function hello(c: PrintContext, pim: Pim, pos: number, len: number): boolean {
  const v = c.o.verbose;
  while (len > 0) {
    if (len < PIM_OPTION_HEADER_LENGTH) return false;
    const o = pim.optionAt(pos);
    const type = o.type, olen = o.length;
    c.write(`\n\t  ${helloOptions.str(type, 'Unknown')} Option (${type}), length ${olen}, Value: `);
    pos += PIM_OPTION_HEADER_LENGTH; len -= PIM_OPTION_HEADER_LENGTH;
    if (len < olen) return false;
    if (!o.has(PIM_OPTION_HEADER_LENGTH + olen)) return false;
    switch (type) {
      case 1:
        if (olen !== 2) { c.write(`[option length ${olen} != 2]`); c.invalid(); return true; }
        c.write(relts(o.holdTime));
        break;
      case 2: {
        if (olen !== 4) { c.write(`[option length ${olen} != 4]`); c.invalid(); return true; }
        const delay = o.lanPruneDelay;
        c.write(`\n\t    T-bit=${delay >> 15}, LAN delay ${delay & 0x7fff}ms, Override interval ${o.overrideInterval}ms`);
        break;
      }
      case 18: case 19:
        if (olen === 0) c.write('Bi-Directional Capability (Old)');
        else if (olen === 4) c.write(String(o.value32));
        else { c.write(`[option length ${olen} != 4]`); c.invalid(); return true; }
        break;
      case 20:
        if (olen !== 4) { c.write(`[option length ${olen} != 4]`); c.invalid(); return true; }
        c.write(`0x${hex32(o.value32)}`);
        break;
      case 21: {
        if (olen !== 4) { c.write(`[option length ${olen} != 4]`); c.invalid(); return true; }
        c.write(`v${o.refreshVersion}`);
        const interval = o.refreshInterval;
        if (interval !== 0) { c.write(', interval '); c.write(relts(interval)); }
        const reserved = o.refreshReserved;
        if (reserved !== 0) c.write(` ?0x${hex16(reserved)}?`);
        break;
      }
      case 22:
        break;
      case 24: case 65001:
        if (v > 1) {
          for (let p = pos, plen = len; p < pos + olen;) {
            c.write('\n\t    ');
            const adv = address(c, pim, p, plen, UNICAST);
            if (adv < 0) return false;
            p += adv; plen -= adv;
          }
        }
        break;
      default:
        if (v <= 1) c.write(hexPrint(c, '\n\t    ', o.off + PIM_OPTION_HEADER_LENGTH, olen));
    }
    if (v > 1) c.write(hexPrint(c, '\n\t    ', o.off + PIM_OPTION_HEADER_LENGTH, olen));
    pos += olen; len -= olen;
  }
  return true;
}

/** A PIMv1 message inside IGMP (pimv1_print), `length` bytes. */
export function printPimv1(c: PrintContext, pim: Pimv1, length: number): void {
  c.protocol = 'pimv1';
  const type = pim.type;
  c.write(` ${v1Types.str(type, `[type ${type}]`)}`);
  const v = c.o.verbose;
  switch (type) {
    case 0:
      if (pim.modeCaptured) {
        const mode = pim.mode;
        c.write(mode === 0 ? ' Dense-mode' : mode === 1 ? ' Sparse-mode' : mode === 2 ? ' Sparse-Dense-mode' : ` mode-${mode}`);
      }
      if (v) { c.write(' (Hold-time '); c.write(relts(pim.queryHoldTime)); c.write(')'); }
      break;
    case 1:
      if (!pim.has(28)) { c.truncMark(); return; }
      c.write(` for ${pim.registerSource} > ${pim.registerDestination}`);
      break;
    case 2:
      c.write(` for ${pim.stopGroup} > ${pim.stopSource}`);
      break;
    case 4:
      if (v) {
        c.write(` group ${pim.address8}`);
        if (pim.mask12 !== 0xffffffff) c.write(`/${pim.mask12Text}`);
        c.write(` RP ${pim.address16} hold `);
        c.write(relts(pim.rpHoldTime));
      }
      break;
    case 5:
      c.write(` for ${pim.address16} > ${pim.address8}`);
      if (pim.mask12 !== 0xffffffff) c.write(`/${pim.mask12Text}`);
      c.write(` ${pim.assertRpt ? 'RP-tree' : 'SPT'} pref ${pim.assertPreference} metric ${pim.assertMetric}`);
      break;
    case 3: case 6: case 7:
      if (v) {
        if (length < 8) { c.truncMark(); return; }
        if (!v1JoinPrune(c, pim, length - 8)) { c.truncMark(); return; }
      }
      break;
  }
  const version = pim.version;
  if (version !== 1) c.write(` [v${version}]`);
}

/** pimv1_join_prune_print over the body after the header, `len` bytes; false where tcpdump goes to `trunc`. */
function v1JoinPrune(c: PrintContext, pim: Pimv1, len: number): boolean {
  let jp = pim.joinPruneAt(0);
  // One group and one source: the one-line form.
  if (jp.has(30) && jp.groupCount === 1) {
    const njoin = jp.joinCount;
    if (njoin + jp.pruneCount === 1) {
      c.write(` RPF ${jp.upstreamNeighbor} `);
      const hold = jp.holdTime;
      if (hold !== 180) { c.write('Hold '); c.write(relts(hold)); }
      c.write(`${njoin ? 'Join' : 'Prune'} (${jp.source}/${jp.sourceMaskByte & 0x3f}, ${jp.group}`);
      if (jp.groupMask !== 0xffffffff) c.write(`/${jp.groupMaskText}`);
      const bits = jp.sourceMaskByte;
      c.write(`) ${jp.sourceFlags & 1 ? 'Sparse' : 'Dense'}${bits & 0x80 ? ' WC' : ''} ${bits & 0x40 ? 'RP' : 'SPT'}`);
      return true;
    }
  }
  const v = c.o.verbose;
  if (len < 4) return false;
  if (v > 1) c.write('\n');
  c.write(` Upstream Nbr: ${jp.upstreamNeighbor}`);
  len -= 4;
  if (len < 4) return false;
  if (v > 1) c.write('\n');
  c.write(' Hold time: ');
  c.write(relts(jp.holdTime));
  if (v < 2) return true;
  len -= 4;
  if (len < 4) return false;
  let ngroups = jp.groupCount;
  let pos = 12;
  len -= 4;
  for (; ngroups !== 0; ngroups--) {
    if (len < 4) return false;
    jp = pim.joinPruneAt(pos);
    c.write(`\n\tGroup: ${jp.recordGroup}`);
    pos += 4; len -= 4;
    if (len < 4) return false;
    jp = pim.joinPruneAt(pos);
    if (jp.recordMask !== 0xffffffff) c.write(`/${jp.recordMaskText}`);
    pos += 4; len -= 4;
    if (len < 4) return false;
    jp = pim.joinPruneAt(pos);
    const njoin = jp.recordJoins, nprune = jp.recordPrunes;
    c.write(` joined: ${njoin} pruned: ${nprune}`);
    pos += 4; len -= 4;
    for (let i = 0; i < njoin + nprune; i++) {
      if (len < 6) return false;
      jp = pim.joinPruneAt(pos);
      const flags = jp.sourceRecordFlags, bits = jp.sourceRecordBits;
      c.write(`\n\t${i < njoin ? 'Join ' : 'Prune'} ${flags & 1 ? 'Sparse ' : 'Dense '}${bits & 0x80 ? 'WC ' : ''}${bits & 0x40 ? 'RP ' : 'SPT '}` +
        `${jp.sourceRecordAddress}/${bits & 0x3f}`);
      pos += 6; len -= 6;
    }
  }
  return true;
}
