/** HNCP (tcpdump's print-hncp.c), on UDP port 8231. */
import type { PrintContext } from './context.js';
import {
  HNCP_DHCPV4_OPTION_HEADER_LENGTH as V4_OPT, HNCP_DHCPV6_OPTION_HEADER_LENGTH as V6_OPT, HNCP_TLV_HEADER_LENGTH as TLV_HEADER,
  HncpAt as At, HncpType as T, type Hncp, type HncpTlv,
} from '../../decoders/hncp.js';
import { printJnp } from './print-char.js';
import { printDomainName } from './view-text.js';
import { hex32, TokTable } from './util-print.js';

// The ranges of types without a name of their own (print-hncp.c's type_mask), as the table's keys.
const RESERVED = 0x10000, UNASSIGNED = 0x10001, PRIVATE_USE = 0x10002, FUTURE_USE = 0x10003;

const typeNames = new TokTable([
  [T.RequestNetworkState, 'Request network state'], [T.RequestNodeState, 'Request node state'], [T.NodeEndpoint, 'Node endpoint'],
  [T.NetworkState, 'Network state'], [T.NodeState, 'Node state'], [T.Peer, 'Peer'], [T.KeepAliveInterval, 'Keep-alive interval'],
  [T.TrustVerdict, 'Trust-Verdict'], [T.HncpVersion, 'HNCP-Version'], [T.ExternalConnection, 'External-Connection'],
  [T.DelegatedPrefix, 'Delegated-Prefix'], [T.PrefixPolicy, 'Prefix-Policy'], [T.Dhcpv4Data, 'DHCPv4-Data'], [T.Dhcpv6Data, 'DHCPv6-Data'],
  [T.AssignedPrefix, 'Assigned-Prefix'], [T.NodeAddress, 'Node-Address'], [T.DnsDelegatedZone, 'DNS-Delegated-Zone'],
  [T.DomainName, 'Domain-Name'], [T.NodeName, 'Node-Name'], [T.ManagedPsk, 'Managed-PSK'],
  [RESERVED, 'Reserved'], [UNASSIGNED, 'Unassigned'], [PRIVATE_USE, 'Private use'], [FUTURE_USE, 'Future use'],
]);
const dhcpv4Options = new TokTable([[6, 'DNS-server'], [42, 'NTP-server'], [119, 'DNS-search']]);
const dhcpv6Options = new TokTable([[23, 'DNS-server'], [24, 'DNS-search-list'], [31, 'SNTP-servers']]);

/** The type's name in the table: its own, or its range's (types 6 and 7 are DNCP's future use). */
function typeMask(type: number): number {
  if (type !== 6 && type !== 7 && typeNames.get(type) !== undefined) return type;
  return type === 0 ? RESERVED : type >= 44 && type <= 511 ? UNASSIGNED : type >= 768 && type <= 1023 ? PRIVATE_USE : FUTURE_USE;
}

/** An HNCP message, `length` bytes of UDP payload. */
export function printHncp(c: PrintContext, v: Hncp, length: number): void {
  c.protocol = 'hncp';
  c.write(`hncp (${length})`);
  printTlvs(c, v, 0, length, 1);
}

function indentLine(c: PrintContext, indent: number): void {
  c.write('\n');
  for (let t = indent; t > 0; t--) c.write('\t');
}

/** format_interval: milliseconds as seconds. */
const interval = (ms: number): string => `${Math.floor(ms / 1000)}.${String(ms % 1000).padStart(3, '0')}s`;
/** What is left of `n` rounded up to 4 (the padding after a TLV's variable part). */
const padTo4 = (n: number): number => n + (-n & 3);

/**
 * hncp_print_rec: the TLVs in `length` bytes at byte `at` of the message. Below -v's depth (and at
 * -vvv always) one line each with its fields; deeper, their names in one line, runs of a type counted.
 */
function printTlvs(c: PrintContext, v: Hncp, at: number, length: number, indent: number): void {
  const vflag = c.o.verbose;
  const inLine = indent - 1 >= vflag && vflag < 3;
  let first = true, lastMask = -1, lastCount = -1;
  const inLineType = (mask: number, count: number): void => {
    if (count <= 0) return;
    if (first) {
      first = false;
      if (indent > 1) indentLine(c, indent); else c.write(' ');
    } else {
      c.write(', ');
    }
    c.write(typeNames.str(mask, 'Easter Egg'));
    if (count > 1) c.write(` (x${count})`);
  };
  for (let i = 0; i < length;) {
    if (!inLine) indentLine(c, indent);
    const t = v.pointTlv(at + i);
    // ND_TCHECK: the TLV's header, then its body, captured; else `[|hncp]` and this level ends.
    if (!t.has(TLV_HEADER)) { c.truncMark(); return; }
    if (i + TLV_HEADER > length) { c.invalid(); return; }
    const type = t.type, bodylen = t.bodyLength;
    if (!t.has(TLV_HEADER + bodylen)) { c.truncMark(); return; }
    if (i + bodylen + TLV_HEADER > length) { c.invalid(); return; }
    const mask = typeMask(type);
    if (inLine) {
      if (lastMask === mask) lastCount++;
      else { inLineType(lastMask, lastCount); lastMask = mask; lastCount = 1; }
    } else {
      c.write(typeNames.str(mask, 'Easter Egg (42)'));
      if (mask > 0xffff) c.write(`: type=${type}`);
      c.write(` (${bodylen + TLV_HEADER})`);
      if (!printBody(c, v, t, at + i, mask, bodylen, indent)) { c.invalid(); return; }
    }
    i += TLV_HEADER + padTo4(bodylen);
  }
  inLineType(lastMask, lastCount);
}

/**
 * One TLV's fields, `t` pointed at it (at byte `at` of the message); its body, `bodylen` bytes, is
 * captured whole. Nested TLVs are printed last: they point the same view elsewhere. False:
 * print-hncp.c's `goto invalid`, which ends the level.
 */
function printBody(c: PrintContext, v: Hncp, t: HncpTlv, at: number, mask: number, bodylen: number, indent: number): boolean {
  const end = TLV_HEADER + bodylen;
  switch (mask) {
    case T.RequestNetworkState:
      if (bodylen !== 0) c.invalid();
      break;
    case T.RequestNodeState:
      if (bodylen !== 4) { c.invalid(); break; }
      c.write(` NID: ${t.nodeId}`);
      break;
    case T.NodeEndpoint:
      if (bodylen !== 8) { c.invalid(); break; }
      c.write(` NID: ${t.nodeId} EPID: ${hex32(t.endpointId)}`);
      break;
    case T.NetworkState:
      if (bodylen !== 8) { c.invalid(); break; }
      c.write(` hash: ${t.networkHash}`);
      break;
    case T.NodeState:
      if (end < At.nodeData) { c.invalid(); break; }
      c.write(` NID: ${t.nodeId} seqno: ${t.seqno} ${interval(t.sinceOrigination)} hash: ${t.nodeHash}`);
      printTlvs(c, v, at + At.nodeData, end - At.nodeData, indent + 1);
      break;
    case T.Peer:
      if (bodylen !== 12) { c.invalid(); break; }
      c.write(` Peer-NID: ${t.nodeId} Peer-EPID: ${hex32(t.endpointId)} Local-EPID: ${hex32(t.localEndpointId)}`);
      break;
    case T.KeepAliveInterval:
      if (bodylen < 8) { c.invalid(); break; }
      c.write(` EPID: ${hex32(t.leadingEndpointId)} Interval: ${interval(t.keepAliveInterval)}`);
      break;
    case T.TrustVerdict:
      if (end <= At.commonName) { c.invalid(); break; }
      c.write(` Verdict: ${t.verdict} Fingerprint: ${t.fingerprint} Common Name: `);
      printJnp(c, t, At.commonName, end - At.commonName);
      break;
    case T.HncpVersion: {
      if (end <= At.userAgent) { c.invalid(); break; }
      const caps = t.capabilities;
      c.write(` M: ${(caps >> 12) & 0xf} P: ${(caps >> 8) & 0xf} H: ${(caps >> 4) & 0xf} L: ${caps & 0xf} User-agent: `);
      printJnp(c, t, At.userAgent, end - At.userAgent);
      break;
    }
    case T.ExternalConnection:
      printTlvs(c, v, at + TLV_HEADER, bodylen, indent + 1);
      break;
    case T.DelegatedPrefix: {
      if (end <= At.delegatedPrefix || end < At.delegatedPrefix + 1 + ((t.u8At(At.delegatedPrefix) + 7) >> 3)) { c.invalid(); break; }
      c.write(` VLSO: ${interval(t.validLifetime)} PLSO: ${interval(t.preferredLifetime)} Prefix: `);
      const l = t.prefix(At.delegatedPrefix, end - At.delegatedPrefix);
      if (l === -1) { c.write('(length is invalid)'); break; }
      if (l < 0) { c.invalid(); break; }
      c.write(t.prefixText);
      const next = At.delegatedPrefix + padTo4(l);
      if (end >= next) printTlvs(c, v, at + next, end - next, indent + 1);
      break;
    }
    case T.PrefixPolicy: {
      if (bodylen < 1) { c.invalid(); break; }
      const policy = t.policyType;
      c.write(' type: ');
      if (policy === 0) {
        if (bodylen !== 1) { c.invalid(); break; }
        c.write('Internet connectivity');
      } else if (policy <= 128) {
        c.write('Dest-Prefix: ');
        const l = t.prefix(At.policyPrefix, bodylen);
        if (l === -1) c.write('(length is invalid)');
        else if (l < 0) c.invalid();
        else c.write(t.prefixText);
      } else if (policy === 129) {
        c.write('DNS domain: ');
        printDnsLabel(c, t, At.policyValue, end - At.policyValue);
      } else if (policy === 130) {
        c.write('Opaque UTF-8: ');
        printJnp(c, t, At.policyValue, end - At.policyValue);
      } else if (policy === 131) {
        if (bodylen !== 1) { c.invalid(); break; }
        c.write('Restrictive assignment');
      } else {
        c.write(`Unknown (${policy})`);
      }
      break;
    }
    case T.Dhcpv4Data:
      if (bodylen === 0) { c.invalid(); break; }
      return printDhcpv4(c, t, bodylen, indent + 1);
    case T.Dhcpv6Data:
      if (bodylen === 0) { c.invalid(); break; }
      if (!printDhcpv6(c, t, bodylen, indent + 1)) c.invalid();
      break;
    case T.AssignedPrefix: {
      if (end <= At.assignedPrefix || end < At.assignedPrefix + 1 + ((t.u8At(At.assignedPrefix) + 7) >> 3)) { c.invalid(); break; }
      c.write(` EPID: ${hex32(t.leadingEndpointId)} Prty: ${t.priority} Prefix: `);
      const l = t.prefix(At.assignedPrefix, end - At.assignedPrefix);
      if (l < 0) { c.invalid(); break; }
      c.write(t.prefixText);
      const next = padTo4(At.assignedPrefix + l);
      if (end >= next) printTlvs(c, v, at + next, end - next, indent + 1);
      break;
    }
    case T.NodeAddress:
      if (end < At.addressData) { c.invalid(); break; }
      c.write(` EPID: ${hex32(t.leadingEndpointId)} IP Address: ${t.nodeAddress}`);
      printTlvs(c, v, at + At.addressData, end - At.addressData, indent + 1);
      break;
    case T.DnsDelegatedZone: {
      if (end < At.zoneLabels) { c.invalid(); break; }
      const flags = t.zoneFlags;
      c.write(` IP-Address: ${t.zoneAddress} ${flags & 4 ? 'l' : '-'}${flags & 2 ? 'b' : '-'}${flags & 1 ? 's' : '-'} `);
      const l = printDnsLabel(c, t, At.zoneLabels, end - At.zoneLabels);
      if (l < 0) { c.invalid(); break; }
      const next = padTo4(At.zoneLabels + l);
      if (end >= next) printTlvs(c, v, at + next, end - next, indent + 1);
      break;
    }
    case T.DomainName:
      if (bodylen === 0) { c.invalid(); break; }
      c.write(' Domain: ');
      printDnsLabel(c, t, TLV_HEADER, bodylen);
      break;
    case T.NodeName: {
      if (end < At.name) { c.invalid(); break; }
      const l = t.nameLength;
      if (end < At.name + l) { c.invalid(); break; }
      c.write(` IP-Address: ${t.zoneAddress} Name: `);
      if (l < 64) { c.write('"'); printJnp(c, t, At.name, l); c.write('"'); } else c.invalid();
      const next = padTo4(At.name + l);
      if (end >= next) printTlvs(c, v, at + next, end - next, indent + 1);
      break;
    }
    case T.ManagedPsk:
      if (end < At.pskData) { c.invalid(); break; }
      c.write(` PSK: ${t.psk}`);
      printTlvs(c, v, at + At.pskData, end - At.pskData, indent + 1);
      break;
  }
  return true;
}

/** print_dns_label: labels up to a zero one within `max` bytes from `i`; their length, or -1 (then `[|DNS]` is printed). */
function printDnsLabel(c: PrintContext, t: HncpTlv, i: number, max: number): number {
  let length = 0;
  while (length < max) {
    const label = t.u8At(i + length);
    length++;
    if (label === 0) return length;
    if (length > 1) c.write('.');
    if (length + label > max) { printJnp(c, t, i + length, max - length); break; }
    printJnp(c, t, i + length, label);
    length += label;
  }
  c.write('[|DNS]');
  return -1;
}

/** DNS names from `i` up to `end`, each after a space (DHCP's domain search lists); false at a bad one. */
function printNames(c: PrintContext, t: HncpTlv, i: number, end: number): boolean {
  while (i < end) {
    c.write(' ');
    i = printDomainName(c, t, i, end);
    if (i < 0) return false;
  }
  return true;
}

/** dhcpv4_print: the options of a DHCPv4-Data TLV's `length` bytes; false when they run past it. */
function printDhcpv4(c: PrintContext, t: HncpTlv, length: number, indent: number): boolean {
  for (let i = 0; i < length;) {
    if (i + V4_OPT > length) return false;
    const opt = TLV_HEADER + i, code = t.dhcpv4Code(opt), optlen = t.dhcpv4Length(opt), value = opt + V4_OPT;
    indentLine(c, indent);
    c.write(`${dhcpv4Options.str(code, 'Unknown')} (${optlen + V4_OPT})`);
    if (i + V4_OPT + optlen > length) return false;
    if (code === 6 || code === 42) {
      if (optlen < 4 || optlen % 4 !== 0) return false;
      for (let k = 0; k < optlen; k += 4) c.write(` ${t.ipv4At(value + k)}`);
    } else if (code === 119 && !printNames(c, t, value, value + optlen)) {
      return false;
    }
    i += V4_OPT + optlen;
  }
  return true;
}

/** dhcpv6_print: the options of a DHCPv6-Data TLV's `length` bytes; false when they run past it. */
function printDhcpv6(c: PrintContext, t: HncpTlv, length: number, indent: number): boolean {
  for (let i = 0; i < length;) {
    if (i + V6_OPT > length) return false;
    const opt = TLV_HEADER + i, code = t.dhcpv6Code(opt), optlen = t.dhcpv6Length(opt), value = opt + V6_OPT;
    indentLine(c, indent);
    c.write(`${dhcpv6Options.str(code, 'Unknown')} (${optlen + V6_OPT})`);
    if (i + V6_OPT + optlen > length) return false;
    if (code === 23 || code === 31) {
      if (optlen % 16 !== 0) { c.invalid(); return false; }
      for (let k = 0; k < optlen; k += 16) c.write(` ${t.ipv6At(value + k)}`);
    } else if (code === 24 && !printNames(c, t, value, value + optlen)) {
      return false;
    }
    i += V6_OPT + optlen;
  }
  return true;
}
