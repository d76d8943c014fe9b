/**
 * RADIUS (tcpdump's print-radius.c): the header, then each attribute by its type's printer, from the
 * Radius view and its attribute sub-view (the value's fields read by their index in the value).
 */
import type { PrintContext } from './context.js';
import { printLayer } from './dispatch.js';
import { hexAsciiDump } from './dump.js';
import { smiName } from './names.js';
import { bitNames, printN, tokName, unknownData, type Tok } from './tok.js';
import { utcDateTime } from './time.js';
import { Layer } from '../../decoders/layer.js';
import { RADIUS_HEADER_LENGTH, type Radius, type RadiusAttribute } from '../../decoders/radius.js';

const COMMANDS: Tok = [[1, 'Access-Request'], [2, 'Access-Accept'], [3, 'Access-Reject'], [4, 'Accounting-Request'],
  [5, 'Accounting-Response'], [11, 'Access-Challenge'], [12, 'Status-Server'], [13, 'Status-Client'],
  [40, 'Disconnect-Request'], [41, 'Disconnect-ACK'], [42, 'Disconnect-NAK'], [43, 'CoA-Request'], [44, 'CoA-ACK'],
  [45, 'CoA-NAK'], [255, 'Reserved']];
const RFC4675_TAGGED: Tok = [[0x31, 'Tagged'], [0x32, 'Untagged']];
const ERROR_CAUSES: Tok = [[201, 'Residual Session Context Removed'], [202, 'Invalid EAP Packet (Ignored)'],
  [401, 'Unsupported Attribute'], [402, 'Missing Attribute'], [403, 'NAS Identification Mismatch'], [404, 'Invalid Request'],
  [405, 'Unsupported Service'], [406, 'Unsupported Extension'], [407, 'Invalid Attribute Value'],
  [501, 'Administratively Prohibited'], [502, 'Request Not Routable (Proxy)'], [503, 'Session Context Not Found'],
  [504, 'Session Context Not Removable'], [505, 'Other Proxy Processing Error'], [506, 'Resources Unavailable'],
  [507, 'Request Initiated'], [508, 'Multiple Session Selection Unsupported'], [509, 'Location Info Required']];
const MIP6_FEATURES: ReadonlyArray<readonly [bigint, string]> = [[0x1n, 'MIP6_INTEGRATED'], [0x2n, 'LOCAL_HOME_AGENT_ASSIGNMENT'],
  [0x10000000000n, 'PMIP6_SUPPORTED'], [0x20000000000n, 'IP4_HOA_SUPPORTED'], [0x40000000000n, 'LOCAL_MAG_ROUTING_SUPPORTED'],
  [0x80000000000n, 'ASSIGN_LOCAL_IP'], [0x100000000000n, 'MIP4_SUPPORTED'], [0x200000000000n, 'OPTIMIZED_IDLE_MODE_MOBILITY'],
  [0x400000000000n, 'GTPv2_SUPPORTED'], [0x800000000000n, 'IP4_TRANSPORT_SUPPORTED'], [0x1000000000000n, 'IP4_HOA_ONLY_SUPPORTED'],
  [0x2000000000000n, 'INTER_MAG_ROUTING_SUPPORTED']];
const OPERATOR_NAMESPACES: Tok = [[0x30, 'TADIG'], [0x31, 'REALM'], [0x32, 'E212'], [0x33, 'ICC']];
const LOCATION_CODES: Tok = [[0, 'Civic'], [1, 'Geospatial']];
const LOCATION_ENTITIES: Tok = [[0, 'User'], [1, 'RADIUS']];
const BLPR_FLAGS: Tok = [[0x0001, 'MBZ-15'], [0x0002, 'MBZ-14'], [0x0004, 'MBZ-13'], [0x0008, 'MBZ-12'], [0x0010, 'MBZ-11'],
  [0x0020, 'MBZ-10'], [0x0040, 'MBZ-9'], [0x0080, 'MBZ-8'], [0x0100, 'MBZ-7'], [0x0200, 'MBZ-6'], [0x0400, 'MBZ-5'],
  [0x0800, 'MBZ-4'], [0x1000, 'MBZ-3'], [0x2000, 'MBZ-2'], [0x4000, 'MBZ-1'], [0x8000, 'Retransmission Allowed']];

// Standard values of the enumerated attributes (IANA's radius-types registry, as print-radius.c has them).
const SERVTYPE: readonly (string | null)[] = [null, 'Login', 'Framed', 'Callback Login', 'Callback Framed', 'Outbound', 'Administrative', 'NAS Prompt', 'Authenticate Only', 'Callback NAS Prompt', 'Call Check', 'Callback Administrative', 'Voice', 'Fax', 'Modem Relay', 'IAPP-Register', 'IAPP-AP-Check', 'Authorize Only', 'Framed-Management', 'Additional-Authorization'];
const FRMPROTO: readonly (string | null)[] = [null, 'PPP', 'SLIP', 'ARAP', 'Gandalf proprietary', 'Xylogics IPX/SLIP', 'X.75 Synchronous', 'GPRS PDP Context'];
const FRMROUTING: readonly (string | null)[] = ['None', 'Send', 'Listen', 'Send&Listen'];
const FRMCOMP: readonly (string | null)[] = ['None', 'VJ TCP/IP', 'IPX', 'Stac-LZS'];
const LOGINSERV: readonly (string | null)[] = ['Telnet', 'Rlogin', 'TCP Clear', 'PortMaster(proprietary)', 'LAT', 'X.25-PAD', 'X.25-T3POS', 'Unassigned', 'TCP Clear Quiet'];
const TERMACTION: readonly (string | null)[] = ['Default', 'RADIUS-Request'];
const INGRESSFILTERS: readonly (string | null)[] = [null, 'Enabled', 'Disabled'];
const NASPORTTYPE: readonly (string | null)[] = ['Async', 'Sync', 'ISDN Sync', 'ISDN Async V.120', 'ISDN Async V.110', 'Virtual', 'PIAFS', 'HDLC Clear Channel', 'X.25', 'X.75', 'G.3 Fax', 'SDSL', 'ADSL-CAP', 'ADSL-DMT', 'ISDN-DSL', 'Ethernet', 'xDSL', 'Cable', 'Wireless - Other', 'Wireless - IEEE 802.11', 'Token-Ring', 'FDDI', 'Wireless - CDMA200', 'Wireless - UMTS', 'Wireless - 1X-EV', 'IAPP', 'FTTP', 'Wireless - IEEE 802.16', 'Wireless - IEEE 802.20', 'Wireless - IEEE 802.22', 'PPPoA', 'PPPoEoA', 'PPPoEoE', 'PPPoEoVLAN', 'PPPoEoQinQ', 'xPON', 'Wireless - XGP', 'WiMAX Pre-Release 8 IWK Function', 'WIMAX-WIFI-IWK', 'WIMAX-SFF', 'WIMAX-HA-LMA', 'WIMAX-DHCP', 'WIMAX-LBS', 'WIMAX-WVS'];
const ACCTSTATUS: readonly (string | null)[] = [null, 'Start', 'Stop', 'Interim-Update', 'Unassigned', 'Unassigned', 'Unassigned', 'Accounting-On', 'Accounting-Off', 'Tunnel-Start', 'Tunnel-Stop', 'Tunnel-Reject', 'Tunnel-Link-Start', 'Tunnel-Link-Stop', 'Tunnel-Link-Reject', 'Failed'];
const ACCTAUTH: readonly (string | null)[] = [null, 'RADIUS', 'Local', 'Remote', 'Diameter'];
const ACCTTERM: readonly (string | null)[] = [null, 'User Request', 'Lost Carrier', 'Lost Service', 'Idle Timeout', 'Session Timeout', 'Admin Reset', 'Admin Reboot', 'Port Error', 'NAS Error', 'NAS Request', 'NAS Reboot', 'Port Unneeded', 'Port Preempted', 'Port Suspended', 'Service Unavailable', 'Callback', 'User Error', 'Host Request', 'Supplicant Restart', 'Reauthentication Failure', 'Port Reinitialized', 'Port Administratively Disabled', 'Lost Power'];
const TUNNELTYPE: readonly (string | null)[] = [null, 'PPTP', 'L2F', 'L2TP', 'ATMP', 'VTP', 'AH', 'IP-IP', 'MIN-IP-IP', 'ESP', 'GRE', 'DVS', 'IP-in-IP Tunneling', 'VLAN'];
const TUNNELMEDIUM: readonly (string | null)[] = [null, 'IPv4', 'IPv6', 'NSAP', 'HDLC', 'BBN 1822', '802', 'E.163', 'E.164', 'F.69', 'X.121', 'IPX', 'Appletalk', 'Decnet IV', 'Banyan Vines', 'E.164 with NSAP subaddress'];
const ARAPZONE: readonly (string | null)[] = [null, 'Only access to dfl zone', 'Use zone filter inc.', 'Not used', 'Use zone filter exc.'];
const PROMPT: readonly (string | null)[] = ['No Echo', 'Echo'];

type Kind = 'string' | 'num' | 'vendor_attr' | 'address' | 'address6' | 'netmask6' | 'mip6_home_link_prefix' | 'operator_name'
  | 'location_information' | 'location_data' | 'basic_location_policy_rules' | 'time' | 'vector64' | 'strange';
/** An attribute type: name, standard values (the table, how many, the first one's number), its value's printer. */
type AttrType = readonly [string | null, readonly (string | null)[] | null, number, number, Kind | null];
const ATTRS: readonly AttrType[] = [
  [null, null, 0, 0, null],
  ['User-Name', null, 0, 0, 'string'],
  ['User-Password', null, 0, 0, null],
  ['CHAP-Password', null, 0, 0, null],
  ['NAS-IP-Address', null, 0, 0, 'address'],
  ['NAS-Port', null, 0, 0, 'num'],
  ['Service-Type', SERVTYPE, SERVTYPE.length - 1, 1, 'num'],
  ['Framed-Protocol', FRMPROTO, FRMPROTO.length - 1, 1, 'num'],
  ['Framed-IP-Address', null, 0, 0, 'address'],
  ['Framed-IP-Netmask', null, 0, 0, 'address'],
  ['Framed-Routing', FRMROUTING, FRMROUTING.length, 0, 'num'],
  ['Filter-Id', null, 0, 0, 'string'],
  ['Framed-MTU', null, 0, 0, 'num'],
  ['Framed-Compression', FRMCOMP, FRMCOMP.length, 0, 'num'],
  ['Login-IP-Host', null, 0, 0, 'address'],
  ['Login-Service', LOGINSERV, LOGINSERV.length, 0, 'num'],
  ['Login-TCP-Port', null, 0, 0, 'num'],
  ['Unassigned', null, 0, 0, null],
  ['Reply-Message', null, 0, 0, 'string'],
  ['Callback-Number', null, 0, 0, 'string'],
  ['Callback-Id', null, 0, 0, 'string'],
  ['Unassigned', null, 0, 0, null],
  ['Framed-Route', null, 0, 0, 'string'],
  ['Framed-IPX-Network', null, 0, 0, 'num'],
  ['State', null, 0, 0, 'string'],
  ['Class', null, 0, 0, 'string'],
  ['Vendor-Specific', null, 0, 0, 'vendor_attr'],
  ['Session-Timeout', null, 0, 0, 'num'],
  ['Idle-Timeout', null, 0, 0, 'num'],
  ['Termination-Action', TERMACTION, TERMACTION.length, 0, 'num'],
  ['Called-Station-Id', null, 0, 0, 'string'],
  ['Calling-Station-Id', null, 0, 0, 'string'],
  ['NAS-Identifier', null, 0, 0, 'string'],
  ['Proxy-State', null, 0, 0, 'string'],
  ['Login-LAT-Service', null, 0, 0, 'string'],
  ['Login-LAT-Node', null, 0, 0, 'string'],
  ['Login-LAT-Group', null, 0, 0, 'string'],
  ['Framed-AppleTalk-Link', null, 0, 0, 'num'],
  ['Framed-AppleTalk-Network', null, 0, 0, 'num'],
  ['Framed-AppleTalk-Zone', null, 0, 0, 'string'],
  ['Acct-Status-Type', ACCTSTATUS, ACCTSTATUS.length - 1, 1, 'num'],
  ['Acct-Delay-Time', null, 0, 0, 'num'],
  ['Acct-Input-Octets', null, 0, 0, 'num'],
  ['Acct-Output-Octets', null, 0, 0, 'num'],
  ['Acct-Session-Id', null, 0, 0, 'string'],
  ['Acct-Authentic', ACCTAUTH, ACCTAUTH.length - 1, 1, 'num'],
  ['Acct-Session-Time', null, 0, 0, 'num'],
  ['Acct-Input-Packets', null, 0, 0, 'num'],
  ['Acct-Output-Packets', null, 0, 0, 'num'],
  ['Acct-Terminate-Cause', ACCTTERM, ACCTTERM.length - 1, 1, 'num'],
  ['Acct-Multi-Session-Id', null, 0, 0, 'string'],
  ['Acct-Link-Count', null, 0, 0, 'num'],
  ['Acct-Input-Gigawords', null, 0, 0, 'num'],
  ['Acct-Output-Gigawords', null, 0, 0, 'num'],
  ['Unassigned', null, 0, 0, null],
  ['Event-Timestamp', null, 0, 0, 'time'],
  ['Egress-VLANID', null, 0, 0, 'num'],
  ['Ingress-Filters', INGRESSFILTERS, INGRESSFILTERS.length - 1, 1, 'num'],
  ['Egress-VLAN-Name', null, 0, 0, 'string'],
  ['User-Priority-Table', null, 0, 0, null],
  ['CHAP-Challenge', null, 0, 0, 'string'],
  ['NAS-Port-Type', NASPORTTYPE, NASPORTTYPE.length, 0, 'num'],
  ['Port-Limit', null, 0, 0, 'num'],
  ['Login-LAT-Port', null, 0, 0, 'string'],
  ['Tunnel-Type', TUNNELTYPE, TUNNELTYPE.length - 1, 1, 'num'],
  ['Tunnel-Medium-Type', TUNNELMEDIUM, TUNNELMEDIUM.length - 1, 1, 'num'],
  ['Tunnel-Client-Endpoint', null, 0, 0, 'string'],
  ['Tunnel-Server-Endpoint', null, 0, 0, 'string'],
  ['Acct-Tunnel-Connection', null, 0, 0, 'string'],
  ['Tunnel-Password', null, 0, 0, 'string'],
  ['ARAP-Password', null, 0, 0, 'strange'],
  ['ARAP-Features', null, 0, 0, 'strange'],
  ['ARAP-Zone-Access', ARAPZONE, ARAPZONE.length - 1, 1, 'num'],
  ['ARAP-Security', null, 0, 0, 'string'],
  ['ARAP-Security-Data', null, 0, 0, 'string'],
  ['Password-Retry', null, 0, 0, 'num'],
  ['Prompt', PROMPT, PROMPT.length, 0, 'num'],
  ['Connect-Info', null, 0, 0, 'string'],
  ['Configuration-Token', null, 0, 0, 'string'],
  ['EAP-Message', null, 0, 0, 'string'],
  ['Message-Authenticator', null, 0, 0, 'string'],
  ['Tunnel-Private-Group-ID', null, 0, 0, 'string'],
  ['Tunnel-Assignment-ID', null, 0, 0, 'string'],
  ['Tunnel-Preference', null, 0, 0, 'num'],
  ['ARAP-Challenge-Response', null, 0, 0, 'strange'],
  ['Acct-Interim-Interval', null, 0, 0, 'num'],
  ['Acct-Tunnel-Packets-Lost', null, 0, 0, 'num'],
  ['NAS-Port-Id', null, 0, 0, 'string'],
  ['Framed-Pool', null, 0, 0, 'string'],
  ['CUI', null, 0, 0, 'string'],
  ['Tunnel-Client-Auth-ID', null, 0, 0, 'string'],
  ['Tunnel-Server-Auth-ID', null, 0, 0, 'string'],
  ['NAS-Filter-Rule', null, 0, 0, 'string'],
  ['Unassigned', null, 0, 0, null],
  ['Originating-Line-Info', null, 0, 0, null],
  ['NAS-IPv6-Address', null, 0, 0, 'address6'],
  ['Framed-Interface-ID', null, 0, 0, null],
  ['Framed-IPv6-Prefix', null, 0, 0, 'netmask6'],
  ['Login-IPv6-Host', null, 0, 0, 'address6'],
  ['Framed-IPv6-Route', null, 0, 0, 'string'],
  ['Framed-IPv6-Pool', null, 0, 0, 'string'],
  ['Error-Cause', null, 0, 0, 'strange'],
  ['EAP-Key-Name', null, 0, 0, null],
  ['Digest-Response', null, 0, 0, 'string'],
  ['Digest-Realm', null, 0, 0, 'string'],
  ['Digest-Nonce', null, 0, 0, 'string'],
  ['Digest-Response-Auth', null, 0, 0, 'string'],
  ['Digest-Nextnonce', null, 0, 0, 'string'],
  ['Digest-Method', null, 0, 0, 'string'],
  ['Digest-URI', null, 0, 0, 'string'],
  ['Digest-Qop', null, 0, 0, 'string'],
  ['Digest-Algorithm', null, 0, 0, 'string'],
  ['Digest-Entity-Body-Hash', null, 0, 0, 'string'],
  ['Digest-CNonce', null, 0, 0, 'string'],
  ['Digest-Nonce-Count', null, 0, 0, 'string'],
  ['Digest-Username', null, 0, 0, 'string'],
  ['Digest-Opaque', null, 0, 0, 'string'],
  ['Digest-Auth-Param', null, 0, 0, 'string'],
  ['Digest-AKA-Auts', null, 0, 0, 'string'],
  ['Digest-Domain', null, 0, 0, 'string'],
  ['Digest-Stale', null, 0, 0, 'string'],
  ['Digest-HA1', null, 0, 0, 'string'],
  ['SIP-AOR', null, 0, 0, 'string'],
  ['Delegated-IPv6-Prefix', null, 0, 0, 'netmask6'],
  ['MIP6-Feature-Vector', null, 0, 0, 'vector64'],
  ['MIP6-Home-Link-Prefix', null, 0, 0, 'mip6_home_link_prefix'],
  ['Operator-Name', null, 0, 0, 'operator_name'],
  ['Location-Information', null, 0, 0, 'location_information'],
  ['Location-Data', null, 0, 0, 'location_data'],
  ['Basic-Location-Policy-Rules', null, 0, 0, 'basic_location_policy_rules'],
];

/** A RADIUS message of `length` bytes (radius_print). */
export function printRadius(c: PrintContext, v: Radius, length: number): void {
  c.protocol = 'radius';
  if (!v.has(RADIUS_HEADER_LENGTH)) { c.truncMark(); return; }
  let len = v.messageLength;
  if (len < RADIUS_HEADER_LENGTH) { c.truncMark(); return; }
  if (len > length) len = length;
  const code = v.code;
  if (c.o.verbose < 1) {
    c.write(`RADIUS, ${tokName(COMMANDS, 'Unknown Command', code)} (${code}), id: 0x${hex2(v.identifier)} length: ${len}`);
    return;
  }
  c.write(`RADIUS, length: ${len}\n\t${tokName(COMMANDS, 'Unknown Command', code)} (${code}), id: 0x${hex2(v.identifier)}, Authenticator: ${v.authenticator}`);
  if (len > RADIUS_HEADER_LENGTH) attributes(c, v, v.attributesOffset, len - RADIUS_HEADER_LENGTH);
}

const hex2 = (n: number): string => n.toString(16).padStart(2, '0');

/** radius_attrs_print: `length` bytes of attributes from `at`. */
function attributes(c: PrintContext, v: Radius, at: number, length: number): void {
  while (length > 0) {
    if (length < 2) { c.truncMark(); return; }
    const a = v.attribute.point(at, c.end);
    if (!a.has(2)) { c.truncMark(); return; }
    const type = a.type, len = a.attributeLength;
    const t = type < ATTRS.length ? ATTRS[type]! : undefined;
    c.write(`\n\t  ${type !== 0 && t !== undefined ? t[0] : 'Unknown'} Attribute (${type}), length: ${len}`);
    if (len < 2) { c.write(' (bogus, must be >= 2)'); return; }
    if (len > length) { c.write(' (bogus, goes past end of packet)'); return; }
    c.write(', Value: ');
    if (t !== undefined && len > 2 && t[4] !== null) printValue(c, v, a, t[4], len - 2, type);
    // With -vv, the value in hex as well.
    if (c.o.verbose > 1) unknownData(c, '\n\t    ', v.attribute.point(at, c.end).valueOffset, len - 2);
    length -= len;
    at += len;
  }
}

/** The value of attribute `a` (`n` bytes) by its type's printer; `a` may be re-pointed after. */
function printValue(c: PrintContext, v: Radius, a: RadiusAttribute, kind: Kind, n: number, type: number): void {
  switch (kind) {
    case 'string': printString(c, a, n, type); break;
    case 'num': printNum(c, a, n, type); break;
    case 'vendor_attr': printVendor(c, a, n); break;
    case 'address':
      if (n !== 4) { c.write(`ERROR: length ${n} != 4`); break; }
      if (type === 8 || type === 14) {                  // Framed-IP-Address, Login-IP-Host
        const x = a.valueU32(0);
        if (x === 0xffffffff) { c.write('User Selected'); break; }
        if (x === 0xfffffffe) { c.write('NAS Select'); break; }
      }
      c.write(a.valueIpv4(0));
      break;
    case 'address6':
      c.write(n !== 16 ? `ERROR: length ${n} != 16` : a.valueIpv6(0));
      break;
    case 'netmask6': {
      if (n < 2 || n > 18) { c.write(`ERROR: length ${n} not in range (2..18)`); break; }
      if (!a.valueCaptured(n)) { c.truncMark(); break; }
      const plen = a.valueByte(1);
      if (plen > 128) { c.write(`ERROR: netmask ${plen} not in range (0..128)`); break; }
      c.write(`${a.valuePrefix6(2, n - 2)}/${plen}`);
      if (plen > 8 * (n - 2)) c.write(' (inconsistent prefix length)');
      break;
    }
    case 'mip6_home_link_prefix': {
      if (n !== 17) { c.write(`ERROR: length ${n} != 17`); break; }
      if (!a.valueCaptured(n)) { c.truncMark(); break; }
      const plen = a.valueByte(0);
      if (plen > 128) { c.write(`ERROR: netmask ${plen} not in range (0..128)`); break; }
      c.write(`${a.valueIpv6(1)}/${plen}`);
      break;
    }
    case 'operator_name': {
      if (!a.valueCaptured(n)) { c.truncMark(); break; }
      if (n < 2) { c.write(`ERROR: length ${n} < 2`); break; }
      const ns = a.valueByte(0);
      c.write(`[${tokName(OPERATOR_NAMESPACES, `unknown namespace ${ns}`, ns)}] `);
      printN(c, valueBytes(a), 1, n - 1);
      break;
    }
    case 'location_information': {
      if (!a.valueCaptured(n)) { c.truncMark(); break; }
      if (n < 21) { c.write(`ERROR: length ${n} < 21`); break; }
      const index = a.valueU16(0), code = a.valueByte(2), entity = a.valueByte(3);
      c.write(`index ${index}, code ${tokName(LOCATION_CODES, `Unknown (${code})`, code)}, entity ${tokName(LOCATION_ENTITIES, `Unknown (${entity})`, entity)}, `);
      c.write(`sighting time ${ntpTime(a, 4)}, time to live ${ntpTime(a, 12)}, method "`);
      printN(c, valueBytes(a), 20, n - 20);
      c.write('"');
      break;
    }
    case 'location_data': {
      if (!a.valueCaptured(n)) { c.truncMark(); break; }
      if (n < 3) { c.write(`ERROR: length ${n} < 3`); break; }
      c.write(`index ${a.valueU16(0)}, location`);
      const at = a.valueOffset + 2;
      const avail = c.avail(at);
      hexAsciiDump(c, at, Math.min(n - 2, avail), 4);
      if (n - 2 > avail) c.truncMark();
      break;
    }
    case 'basic_location_policy_rules': {
      if (!a.valueCaptured(n)) { c.truncMark(); break; }
      if (n < 10) { c.write(`ERROR: length ${n} < 10`); break; }
      c.write(`flags [${bitNames(BLPR_FLAGS, 'none', a.valueU16(0))}], retention expires ${ntpTime(a, 2)}`);
      if (n > 10) {
        c.write(', note well "');
        printN(c, valueBytes(a), 10, n - 10);
        c.write('"');
      }
      break;
    }
    case 'time':
      c.write(n !== 4 ? `ERROR: length ${n} != 4` : ctime(a.valueU32(0)));
      break;
    case 'vector64': {
      if (n !== 8) { c.write(`ERROR: length ${n} != 8`); break; }
      const x = a.valueU64(0);
      let s = '[', sep = '';
      for (const [bit, name] of MIP6_FEATURES) if (x & bit) { s += sep + name; sep = ', '; }
      c.write(`${s}]`);
      break;
    }
    case 'strange': printStrange(c, a, n, type); break;
  }
  void v;
}

/** The value's bytes by index, for the text helpers. */
function valueBytes(a: RadiusAttribute): { byte(i: number): number } { return { byte: (i: number) => a.valueByte(i) }; }

/** Printable ASCII, else a dot, `n` bytes from index `i` of the value (stops at a NUL when `nul`). */
function printable(c: PrintContext, a: RadiusAttribute, i: number, n: number, nul: boolean): void {
  let s = '';
  try {
    for (let k = 0; k < n; k++) {
      const ch = a.valueByte(i + k);
      if (nul && ch === 0) break;
      s += ch >= 0x20 && ch < 0x7f ? String.fromCharCode(ch) : '.';
    }
  } finally {
    c.write(s);
  }
}

/** print_attr_string. */
function printString(c: PrintContext, a: RadiusAttribute, n: number, type: number): void {
  if (!a.valueCaptured(n)) { c.truncMark(); return; }
  let i = 0;
  switch (type) {
    case 69: {                                          // Tunnel-Password: tag, salt
      if (n < 3) { c.truncMark(); return; }
      const tag = a.valueByte(0);
      c.write(tag && tag <= 0x1f ? `Tag[${tag}] ` : 'Tag[Unused] ');
      c.write(`Salt ${a.valueU16(1)} `);
      i = 3; n -= 3;
      break;
    }
    case 66: case 67: case 81: case 82: case 90: case 91: {   // tagged tunnel attributes
      const tag = a.valueByte(0);
      if (tag <= 0x1f) {
        if (n < 1) { c.truncMark(); return; }
        c.write(tag ? `Tag[${tag}] ` : 'Tag[Unused] ');
        i = 1; n -= 1;
      }
      break;
    }
    case 58: {                                          // Egress-VLAN-Name
      if (n < 1) { c.truncMark(); return; }
      const tag = a.valueByte(0);
      c.write(`${tokName(RFC4675_TAGGED, 'Unknown tag', tag)} (0x${hex2(tag)}) `);
      i = 1; n -= 1;
      break;
    }
    case 79:                                            // EAP-Message
      if (n < 1) { c.truncMark(); return; }
      printLayer(c, Layer.Eap, a.valueOffset, n);
      return;
  }
  printable(c, a, i, n, true);
}

/** print_vendor_attr: the vendor, then its attributes as text. */
function printVendor(c: PrintContext, a: RadiusAttribute, n: number): void {
  if (n < 4) { c.truncMark(); return; }
  const vendor = a.valueU32(0);
  c.write(`Vendor: ${smiName(vendor)} (${vendor})`);
  let i = 4;
  n -= 4;
  while (n >= 2) {
    const vtype = a.valueByte(i);
    let vlen = a.valueByte(i + 1);
    if (vlen < 2) { c.write(`\n\t    Vendor Attribute: ${vtype}, Length: ${vlen} (bogus, must be >= 2)`); return; }
    if (vlen > n) { c.write(`\n\t    Vendor Attribute: ${vtype}, Length: ${vlen} (bogus, goes past end of vendor-specific attribute)`); return; }
    i += 2; vlen -= 2; n -= 2;
    if (!a.valueCaptured(vlen, i)) { c.truncMark(); return; }
    c.write(`\n\t    Vendor Attribute: ${vtype}, Length: ${vlen}, Value: `);
    printable(c, a, i, vlen, false);
    i += vlen;
    n -= vlen;
  }
}

/** `%02d` as printf prints it. */
const d2 = (x: number): string => (x < 10 ? `0${x}` : `${x}`);

/** print_attr_num. */
function printNum(c: PrintContext, a: RadiusAttribute, n: number, type: number): void {
  if (n !== 4) { c.write(`ERROR: length ${n} != 4`); return; }
  const t = ATTRS[type]!;
  const [, table, size, first] = t;
  if (size) {
    let value: number;
    if (type === 64 || type === 65) {                 // Tunnel-Type, Tunnel-Medium-Type: a tag first
      const tag = a.valueByte(0);
      c.write(tag ? `Tag[${tag}] ` : 'Tag[Unused] ');
      value = a.valueU24(1);
    } else value = a.valueU32(0);
    c.write(value <= size - 1 + first && value >= first ? `${table![value]}` : `#${value}`);
    return;
  }
  switch (type) {
    case 23: {                                          // Framed-IPX-Network
      const x = a.valueU32(0);
      c.write(x === 0xfffffffe ? 'NAS Select' : `${x}`);
      break;
    }
    case 27: case 28: case 41: case 46: case 85: {      // timeouts and intervals
      const x = a.valueU32(0);
      if (x < 60) c.write(`${d2(x)} secs`);
      else if (x < 3600) c.write(`${d2(Math.floor(x / 60))}:${d2(x % 60)} min`);
      else c.write(`${d2(Math.floor(x / 3600))}:${d2(Math.floor((x % 3600) / 60))}:${d2(x % 60)} hours`);
      break;
    }
    case 37: { const x = a.valueU32(0); c.write(x ? `${x}` : 'Unnumbered'); break; }      // Framed-AppleTalk-Link
    case 38: { const x = a.valueU32(0); c.write(x ? `${x}` : 'NAS assigned'); break; }    // Framed-AppleTalk-Network
    case 83: {                                          // Tunnel-Preference
      const tag = a.valueByte(0);
      c.write(tag ? `Tag[${tag}] ` : 'Tag[Unused] ');
      c.write(`${a.valueU24(1)}`);
      break;
    }
    case 56: {                                          // Egress-VLANID
      const tag = a.valueByte(0);
      c.write(`${tokName(RFC4675_TAGGED, 'Unknown tag', tag)} (0x${hex2(tag)}) ${a.valueU24(1)}`);
      break;
    }
    default: c.write(`${a.valueU32(0)}`);
  }
}

/** print_attr_strange: ARAP and Error-Cause values. */
function printStrange(c: PrintContext, a: RadiusAttribute, n: number, type: number): void {
  const hex = (i: number, k: number): string => { let s = ''; for (let j = 0; j < k; j++) s += hex2(a.valueByte(i + j)).toUpperCase(); return s; };
  switch (type) {
    case 70:                                            // ARAP-Password
      if (n !== 16) { c.write(`ERROR: length ${n} != 16`); return; }
      c.write('User_challenge (');
      c.write(hex(0, 8));
      c.write(') User_resp(');
      c.write(hex(8, 8));
      c.write(')');
      break;
    case 71:                                            // ARAP-Features
      if (n !== 14) { c.write(`ERROR: length ${n} != 14`); return; }
      c.write(a.valueByte(0) ? 'User can change password' : 'User cannot change password');
      c.write(`, Min password length: ${a.valueByte(1)}, created at: `);
      c.write(hex(2, 4));
      c.write(', expires in: ');
      c.write(hex(6, 4));
      c.write(', Current Time: ');
      c.write(hex(10, 4));
      break;
    case 84:                                            // ARAP-Challenge-Response
      if (n < 8) { c.write(`ERROR: length ${n} != 8`); return; }
      c.write(hex(0, 8));
      break;
    case 101: {                                         // Error-Cause
      if (n !== 4) { c.write(`Error: length ${n} != 4`); return; }
      const x = a.valueU32(0);
      c.write(`Error cause ${x}: ${tokName(ERROR_CAUSES, `Error-Cause ${x} not known`, x)}`);
      break;
    }
  }
}

/** p_ntp_time: an NTP timestamp at index `i` of the value, seconds.nanoseconds and, unless zero, the UTC date. */
function ntpTime(a: RadiusAttribute, i: number): string {
  const sec = a.valueU32(i), frac = a.valueU32(i + 4);
  let s = `${sec}.${String(Math.floor((frac / 4294967296) * 1e9)).padStart(9, '0')}`;
  if (sec !== 0) s += ` (${utcDateTime(sec - 2208988800)}Z)`;
  return s;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** ctime(3) without its newline, in local time as TZ says (Event-Timestamp). */
function ctime(sec: number): string {
  const d = new Date(sec * 1000);
  const p = (x: number): string => (x < 10 ? `0${x}` : `${x}`);
  return `${DAYS[d.getDay()]} ${MONTHS[d.getMonth()]} ${String(d.getDate()).padStart(2, ' ')} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())} ${d.getFullYear()}`;
}
