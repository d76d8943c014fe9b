/** LLDP, IEEE 802.1AB (tcpdump's print-lldp.c). */
import type { PrintContext } from './context.js';
import { addressFamilyName, ouiName } from './names.js';
import { bitNames, printJnp, printN, tokName, unknownData, type Tok } from './tok.js';
import { LLDP_TLV_HEADER_LENGTH as H, LldpOui, LldpTlvType as T, type Lldp, type LldpTlv } from '../../decoders/lldp.js';

const tlvNames: Tok = [
  [0, 'End'], [1, 'Chassis ID'], [2, 'Port ID'], [3, 'Time to Live'], [4, 'Port Description'], [5, 'System Name'],
  [6, 'System Description'], [7, 'System Capabilities'], [8, 'Management Address'], [127, 'Organization specific'],
];
const chassisSubtypes: Tok = [
  [1, 'Chassis component'], [2, 'Interface alias'], [3, 'Port component'], [4, 'MAC address'], [5, 'Network address'],
  [6, 'Interface name'], [7, 'Local'],
];
const portSubtypes: Tok = [
  [1, 'Interface alias'], [2, 'Port component'], [3, 'MAC address'], [4, 'Network Address'], [5, 'Interface Name'],
  [6, 'Agent circuit ID'], [7, 'Local'],
];
const capabilities: Tok = [
  [1, 'Other'], [2, 'Repeater'], [4, 'Bridge'], [8, 'WLAN AP'], [16, 'Router'], [32, 'Telephone'], [64, 'Docsis'], [128, 'Station Only'],
];
const ieee8021Subtypes: Tok = [
  [1, 'Port VLAN Id'], [2, 'Port and Protocol VLAN ID'], [3, 'VLAN name'], [4, 'Protocol Identity'], [7, 'Link aggregation'],
  [8, 'Congestion Notification'], [9, 'ETS Configuration'], [10, 'ETS Recommendation'],
  [11, 'Priority Flow Control Configuration'], [12, 'Application Priority'], [13, 'EVB'], [14, 'CDCP'],
];
const ppvidFlags: Tok = [[2, 'supported'], [4, 'enabled']];
const ieee8023Subtypes: Tok = [[1, 'MAC/PHY configuration/status'], [2, 'Power via MDI'], [3, 'Link aggregation'], [4, 'Max frame size']];
const tiaSubtypes: Tok = [
  [1, 'LLDP-MED Capabilities'], [2, 'Network policy'], [3, 'Location identification'], [4, 'Extended power-via-MDI'],
  [5, 'Inventory - hardware revision'], [6, 'Inventory - firmware revision'], [7, 'Inventory - software revision'],
  [8, 'Inventory - serial number'], [9, 'Inventory - manufacturer name'], [10, 'Inventory - model name'], [11, 'Inventory - asset ID'],
];
const altitudeTypes: Tok = [[1, 'meters'], [2, 'floors']];
const civicTypes: Tok = [
  [1, 'national subdivisions (state,canton,region,province,prefecture)'], [2, 'county, parish, gun, district'],
  [3, 'city, township, shi'], [4, 'city division, borough, city district, ward chou'], [5, 'neighborhood, block'], [6, 'street'],
];
const civicWhat: Tok = [
  [0, 'location of DHCP server'], [1, 'location of the network element believed to be closest to the client'], [2, 'location of the client'],
];
const mauTypes: string[] = [
  'Unknown', 'AUI', '10BASE_5', 'FOIRL', '10BASE2', '10BASET duplex mode unknown', '10BASEFP', '10BASEFB',
  '10BASEFL duplex mode unknown', '10BROAD36', '10BASET hdx', '10BASET fdx', '10BASEFL hdx', '10BASEFL fdx', '100BASET4',
  '100BASETX hdx', '100BASETX fdx', '100BASEFX hdx', '100BASEFX fdx', '100BASET2 hdx', '100BASET2 fdx', '1000BASEX hdx',
  '1000BASEX fdx', '1000BASELX hdx', '1000BASELX fdx', '1000BASESX hdx', '1000BASESX fdx', '1000BASECX hdx', '1000BASECX fdx',
  '1000BASET hdx', '1000BASET fdx', '10GBASEX', '10GBASELX4', '10GBASER', '10GBASEER', '10GBASELR', '10GBASESR', '10GBASEW',
  '10GBASEEW', '10GBASELW', '10GBASESW',
];
const autonegotiation: Tok = [[1, 'supported'], [2, 'enabled']];
const medCapabilities: Tok = [
  [1, 'LLDP-MED capabilities'], [2, 'network policy'], [4, 'location identification'], [8, 'extended power via MDI-PSE'],
  [16, 'extended power via MDI-PD'], [32, 'Inventory'],
];
const deviceTypes: Tok = [[1, 'endpoint class 1'], [2, 'endpoint class 2'], [3, 'endpoint class 3'], [4, 'network connectivity']];
const applicationTypes: Tok = [
  [1, 'voice'], [2, 'voice signaling'], [3, 'guest voice'], [4, 'guest voice signaling'], [5, 'softphone voice'],
  [6, 'video conferencing'], [7, 'streaming video'], [8, 'video signaling'],
];
const policyBits: Tok = [[128, 'Unknown'], [64, 'Tagged'], [32, 'reserved']];
const locationFormats: Tok = [[1, 'coordinate-based LCI'], [2, 'civic address LCI'], [3, 'ECS ELIN']];
const datums: Tok = [[1, 'World Geodesic System 1984'], [2, 'North American Datum 1983 (NAVD88)'], [3, 'North American Datum 1983 (MLLW)']];
const powerSources: Tok = [[1, 'PSE - primary power source'], [2, 'local - backup power source'], [3, 'PSE+local - reserved']];
const powerPriorities: Tok = [[1, 'critical'], [2, 'high'], [3, 'low']];
const inventory: Tok = [
  [5, 'Hardware revision'], [6, 'Firmware revision'], [7, 'Software revision'], [8, 'Serial number'], [9, 'Manufacturer name'],
  [10, 'Model name'], [11, 'Asset ID'],
];
const pmdCapabilities: Tok = [
  [1 << 14, '10BASE-T hdx'], [1 << 13, '10BASE-T fdx'], [1 << 12, '100BASE-T4'], [1 << 11, '100BASE-TX hdx'],
  [1 << 10, '100BASE-TX fdx'], [1 << 9, '100BASE-T2 hdx'], [1 << 8, '100BASE-T2 fdx'], [1 << 7, 'Pause for fdx links'],
  [1 << 6, 'Asym PAUSE for fdx'], [1 << 5, 'Sym PAUSE for fdx'], [1 << 4, 'Asym and Sym PAUSE for fdx'],
  [1 << 3, '1000BASE-{X LX SX CX} hdx'], [1 << 2, '1000BASE-{X LX SX CX} fdx'], [1 << 1, '1000BASE-T hdx'], [1, '1000BASE-T fdx'],
];
const mdiBits: Tok = [[1, 'PSE'], [2, 'supported'], [4, 'enabled'], [8, 'can be controlled']];
const powerPairs: Tok = [[1, 'signal'], [2, 'spare']];
const powerClasses: Tok = [[1, 'class0'], [2, 'class1'], [3, 'class2'], [4, 'class3'], [5, 'class4']];
const aggregation: Tok = [[1, 'supported'], [2, 'enabled']];
const dcbxSubtypes: Tok = [[1, 'DCB Capability Exchange Protocol Rev 1'], [2, 'DCB Capability Exchange Protocol Rev 1.01']];
const interfaceNumbering: Tok = [[2, 'Interface Index'], [3, 'System Port Number']];
const evbModes: Tok = [[0, 'Not Supported'], [1, 'EVB Bridge'], [2, 'EVB Station'], [3, 'Reserved for future Standardization']];
const ianaSubtypes: Tok = [[1, 'MUD-URL']];

/** Bytes of an interface numbering (subtype and number) in a Management Address TLV. */
const INTERFACE_NUMBERING_LENGTH = 5;

/** `%-3d` eight times, for the ETS tables. */
function row(f: (i: number) => number): string {
  let s = '';
  for (let i = 0; i < 8; i++) s += (i ? ' ' : '') + String(f(i)).padEnd(3);
  return s;
}
/** The eight bits of `v`, lowest first, each `%-2d `. */
function bitRow(v: number): string {
  let s = '';
  for (let i = 0; i < 8; i++) s += `${(v >> i) & 1}  `;
  return s;
}
const hex2 = (v: number): string => v.toString(16).padStart(2, '0');
const hex4 = (v: number): string => v.toString(16).padStart(4, '0');

/** LLDPDU `lldp`, `length` bytes on the wire (lldp_print). */
export function printLldp(c: PrintContext, lldp: Lldp, length: number): void {
  c.protocol = 'lldp';
  c.write(`LLDP, length ${length}`);
  const v = c.o.verbose;
  const t = lldp.first();
  let tlen = length, pos = lldp.off;
  while (tlen >= H) {
    t.point(pos, lldp.end);
    if (!t.has(H)) { c.truncMark(); return; }
    const type = t.type, n = t.valueLength;
    let hexdump = false;
    tlen -= H;
    if (v) c.write(`\n\t${tokName(tlvNames, 'Unknown', type)} TLV (${type}), length ${n}`);
    if (type === 0 || n === 0) break;
    if (!t.hasValue(n) || tlen < n) { c.truncMark(); return; }
    switch (type) {
      case T.ChassisId: case T.PortId:
        if (v) {
          if (n < 2) { c.truncMark(); return; }
          const sub = t.idSubtype, chassis = type === T.ChassisId;
          c.write(`\n\t  Subtype ${tokName(chassis ? chassisSubtypes : portSubtypes, 'Unknown', sub)} (${sub}): `);
          if (sub === (chassis ? 4 : 3)) {
            if (n < 7) { c.truncMark(); return; }
            c.write(t.idMac);
          } else if (sub === (chassis ? 5 : 4)) {
            const addr = networkAddress(t, n - 1);
            if (addr === undefined) { c.truncMark(); return; }
            c.write(addr);
          } else if (sub >= 1 && sub <= 7) {
            printJnp(c, t, H + 1, n - 1);
          } else {
            hexdump = true;
          }
        }
        break;
      case T.Ttl:
        if (v) {
          if (n < 2) { c.truncMark(); return; }
          c.write(`: TTL ${t.ttl}s`);
        }
        break;
      case T.PortDescription:
        if (v) { c.write(': '); printJnp(c, t, H, n); }
        break;
      case T.SystemName:
        // Printed without -v too, as tcpdump does (like CDP's device ID).
        c.write(': ');
        printJnp(c, t, H, n);
        break;
      case T.SystemDescription:
        if (v) { c.write('\n\t  '); printJnp(c, t, H, n); }
        break;
      case T.SystemCapabilities:
        if (v) {
          if (n < 4) { c.truncMark(); return; }
          const cap = t.systemCapabilities, enabled = t.enabledCapabilities;
          c.write(`\n\t  System  Capabilities [${bitNames(capabilities, 'none', cap)}] (0x${hex4(cap)})`);
          c.write(`\n\t  Enabled Capabilities [${bitNames(capabilities, 'none', enabled)}] (0x${hex4(enabled)})`);
        }
        break;
      case T.ManagementAddress:
        if (v && !printManagementAddress(c, t, n)) { c.truncMark(); return; }
        break;
      case T.OrganizationSpecific:
        if (v) {
          if (n < 3) { c.truncMark(); return; }
          const oui = t.oui;
          c.write(`: OUI ${ouiName(oui)} (0x${oui.toString(16).padStart(6, '0')})`);
          switch (oui) {
            case LldpOui.Ieee8021: hexdump = print8021(c, t, n); break;
            case LldpOui.Ieee8023: hexdump = print8023(c, t, n); break;
            case LldpOui.Iana: hexdump = printIana(c, t, n); break;
            case LldpOui.Tia: hexdump = printTia(c, t, n); break;
            case LldpOui.Dcbx: hexdump = printDcbx(c, lldp.inner, t, n); break;
            default: hexdump = true;
          }
        }
        break;
      default:
        hexdump = true;
    }
    if (v > 1 || (v && hexdump)) unknownData(c, '\n\t  ', t.valueStart, n);
    tlen -= n;
    pos += H + n;
  }
}

/**
 * lldp_network_addr_print: the family byte and address that fill `len` value bytes from value byte
 * 1, as `AFI IPv4 (1): 10.0.0.1`; undefined when too short for its family (tcpdump then truncates).
 */
function networkAddress(t: LldpTlv, len: number): string | undefined {
  if (len < 1) return undefined;
  const af = t.idAddressFamily;
  const size = af === 1 ? 4 : af === 2 ? 16 : af === 6 ? 6 : 0;
  if (size === 0) return `AFI ${addressFamilyName(af)} (${af}), no AF printer !`;
  if (len - 1 < size) return undefined;
  return `AFI ${addressFamilyName(af)} (${af}): ${t.idAddress!}`;
}

/** lldp_mgmt_addr_tlv_print; false where tcpdump truncates. */
function printManagementAddress(c: PrintContext, t: LldpTlv, n: number): boolean {
  let tlen = n;
  if (tlen < 1) return false;
  const alen = t.managementAddressLength;
  tlen--;
  if (tlen < alen) return false;
  const addr = networkAddress(t, alen);
  if (addr === undefined) return false;
  c.write(`\n\t  Management Address length ${alen}, ${addr}`);
  tlen -= alen;
  if (tlen < INTERFACE_NUMBERING_LENGTH) return false;
  const sub = t.interfaceNumberingSubtype;
  c.write(`\n\t  ${tokName(interfaceNumbering, 'Unknown', sub)} Interface Numbering (${sub}): ${t.interfaceNumber}`);
  tlen -= INTERFACE_NUMBERING_LENGTH;
  // The OID is optional.
  if (tlen) {
    const oidLength = t.oidLength;
    if (tlen < 1 + oidLength) return false;
    if (oidLength) {
      c.write(`\n\t  OID length ${oidLength}`);
      printJnp(c, t, H + t.oidAt + 1, oidLength);
    }
  }
  return true;
}

/** The ETS tables of subtypes 9 and 10: priority assignment, bandwidth, algorithm. */
function etsTables(c: PrintContext, t: LldpTlv): void {
  c.write('\n\t    Priority Assignment Table');
  c.write('\n\t     Priority : 0   1   2   3   4   5   6   7');
  c.write(`\n\t     Value    : ${row((i) => t.etsPriorityAssignment(i))}`);
  c.write('\n\t    TC Bandwidth Table');
  c.write('\n\t     TC%   : 0   1   2   3   4   5   6   7');
  c.write(`\n\t     Value : ${row((i) => t.etsBandwidth(i))}`);
  c.write('\n\t    TSA Assignment Table');
  c.write('\n\t     Traffic Class: 0   1   2   3   4   5   6   7');
  c.write(`\n\t     Value        : ${row((i) => t.etsAlgorithm(i))}`);
}

/** IEEE 802.1 organisational TLVs (lldp_private_8021_print); true when the value should be dumped. */
function print8021(c: PrintContext, t: LldpTlv, n: number): boolean {
  if (n < 4) return false;
  const sub = t.orgSubtype;
  c.write(`\n\t  ${tokName(ieee8021Subtypes, 'unknown', sub)} Subtype (${sub})`);
  switch (sub) {
    case 1:
      if (n < 6) return false;
      c.write(`\n\t    port vlan id (PVID): ${t.portVlanId}`);
      break;
    case 2: {
      if (n < 7) return false;
      const ppvid = t.ppvid, flags = t.ppvidFlags;
      c.write(`\n\t    port and protocol vlan id (PPVID): ${ppvid}, flags [${bitNames(ppvidFlags, 'none', flags)}] (0x${hex2(flags)})`);
      break;
    }
    case 3: {
      if (n < 6) return false;
      c.write(`\n\t    vlan id (VID): ${t.vlanId}`);
      if (n < 7) return false;
      const len = t.vlanNameLength;
      if (n < 7 + len) return false;
      c.write('\n\t    vlan name: ');
      printJnp(c, t, H + 7, len);
      break;
    }
    case 4: {
      if (n < 5) return false;
      const len = t.protocolIdentityLength;
      if (n < 5 + len) return false;
      c.write('\n\t    protocol identity: ');
      printJnp(c, t, H + 5, len);
      break;
    }
    case 7:
      if (n < 9) return false;
      c.write(`\n\t    aggregation status [${bitNames(aggregation, 'none', t.aggregationStatus)}], aggregation port ID ${t.aggregationPortId}`);
      break;
    case 8:
      if (n < 6) return false;
      c.write('\n\t    Pre-Priority CNPV Indicator\n\t     Priority : 0  1  2  3  4  5  6  7\n\t     Value    : ');
      c.write(bitRow(t.cnpvIndicators));
      c.write('\n\t    Pre-Priority Ready Indicator\n\t     Priority : 0  1  2  3  4  5  6  7\n\t     Value    : ');
      c.write(bitRow(t.readyIndicators));
      break;
    case 9: {
      if (n < 25) return false;
      const f = t.etsFlags;
      c.write(`\n\t    Willing:${f >> 7}, CBS:${(f >> 6) & 0x02}, RES:${(f >> 3) & 0x07}, Max TCs:${f & 0x07}`);
      etsTables(c, t);
      break;
    }
    case 10:
      if (n < 25) return false;
      c.write(`\n\t    RES: ${t.etsFlags}`);
      etsTables(c, t);
      break;
    case 11: {
      if (n < 6) return false;
      const f = t.pfcFlags;
      c.write(`\n\t    Willing: ${f >> 7}, MBC: ${(f >> 6) & 0x01}, RES: ${(f >> 4) & 0x03}, PFC cap:${f & 0x0f} `);
      c.write('\n\t    PFC Enable');
      const enable = t.pfcEnable;
      c.write(`\n\t     Priority : 0  1  2  3  4  5  6  7\n\t     Value    : ${bitRow(enable)}`);
      break;
    }
    case 12: {
      if (n < 5) return false;
      c.write(`\n\t    RES: ${t.applicationReserved}`);
      if (n <= 5) return false;
      const len = n - 5;
      if (len % 3 !== 0) return false;
      c.write('\n\t    Application Priority Table');
      for (let i = 0; i < len / 3; i++) {
        const f = t.applicationPriorityFlags(i);
        c.write(`\n\t      Priority: ${f >> 5}, RES: ${(f >> 3) & 0x03}, Sel: ${f & 0x07}, Protocol ID: ${t.applicationProtocolId(i)}`);
      }
      break;
    }
    case 13: {
      if (n < 9) return false;
      c.write('\n\t    EVB Bridge Status');
      let f = t.evbBridgeStatus;
      c.write(`\n\t      RES: ${f >> 3}, BGID: ${(f >> 2) & 0x01}, RRCAP: ${(f >> 1) & 0x01}, RRCTR: ${f & 0x01}`);
      c.write('\n\t    EVB Station Status');
      f = t.evbStationStatus;
      c.write(`\n\t      RES: ${f >> 4}, SGID: ${(f >> 3) & 0x01}, RRREQ: ${(f >> 2) & 0x01},RRSTAT: ${f & 0x03}`);
      f = t.evbRetries;
      c.write(`\n\t    R: ${f >> 5}, RTE: ${f & 0x1f}, `);
      f = t.evbMode;
      c.write(`EVB Mode: ${tokName(evbModes, 'unknown', f >> 6)} [${f >> 6}]`);
      c.write(`\n\t    ROL: ${(f >> 5) & 0x01}, RWD: ${f & 0x1f}, `);
      f = t.evbKeepAlive;
      c.write(`RES: ${f >> 6}, ROL: ${(f >> 5) & 0x01}, RKA: ${f & 0x1f}`);
      break;
    }
    case 14: {
      if (n < 8) return false;
      const f = t.cdcpFlags;
      c.write(`\n\t    Role: ${f >> 7}, RES: ${(f >> 4) & 0x07}, Scomp: ${(f >> 3) & 0x01} `);
      c.write(`ChnCap: ${t.cdcpChannelCapacity}`);
      const len = n - 8;
      if (len % 3 !== 0) return false;
      for (let i = 0; i < len / 3; i++) {
        const ch = t.cdcpChannel(i);
        c.write(`\n\t    SCID: ${ch >> 12}, SVID: ${ch & 0x000fff}`);
      }
      break;
    }
    default:
      return true;
  }
  return false;
}

/** IEEE 802.3 organisational TLVs (lldp_private_8023_print). */
function print8023(c: PrintContext, t: LldpTlv, n: number): boolean {
  if (n < 4) return false;
  const sub = t.orgSubtype;
  c.write(`\n\t  ${tokName(ieee8023Subtypes, 'unknown', sub)} Subtype (${sub})`);
  switch (sub) {
    case 1: {
      if (n < 9) return false;
      const an = t.autonegotiation, pmd = t.pmdCapabilities, mau = t.mauType;
      c.write(`\n\t    autonegotiation [${bitNames(autonegotiation, 'none', an)}] (0x${hex2(an)})`);
      c.write(`\n\t    PMD autoneg capability [${bitNames(pmdCapabilities, 'unknown', pmd)}] (0x${hex4(pmd)})`);
      c.write(`\n\t    MAU type ${mauTypes[mau] ?? 'unknown'} (0x${hex4(mau)})`);
      break;
    }
    case 2:
      if (n < 7) return false;
      c.write(`\n\t    MDI power support [${bitNames(mdiBits, 'none', t.mdiPowerSupport)}], power pair ${tokName(powerPairs, 'unknown', t.mdiPowerPair)}, ` +
        `power class ${tokName(powerClasses, 'unknown', t.mdiPowerClass)}`);
      break;
    case 3:
      if (n < 9) return false;
      c.write(`\n\t    aggregation status [${bitNames(aggregation, 'none', t.aggregationStatus)}], aggregation port ID ${t.aggregationPortId}`);
      break;
    case 4:
      if (n < 6) return false;
      c.write(`\n\t    MTU size ${t.maxFrameSize}`);
      break;
    default:
      return true;
  }
  return false;
}

/** IANA organisational TLVs: the MUD URL (lldp_private_iana_print). */
function printIana(c: PrintContext, t: LldpTlv, n: number): boolean {
  if (n < 8) return false;
  const sub = t.orgSubtype;
  c.write(`\n\t  ${tokName(ianaSubtypes, 'unknown', sub)} Subtype (${sub})`);
  if (sub !== 1) return true;
  c.write('\n\t  MUD-URL=');
  printN(c, t, H + 4, n - 4);
  return false;
}

/** TIA LLDP-MED TLVs (lldp_private_tia_print). */
function printTia(c: PrintContext, t: LldpTlv, n: number): boolean {
  if (n < 4) return false;
  const sub = t.orgSubtype;
  c.write(`\n\t  ${tokName(tiaSubtypes, 'unknown', sub)} Subtype (${sub})`);
  switch (sub) {
    case 1: {
      if (n < 7) return false;
      const caps = t.medCapabilities, dev = t.medDeviceType;
      c.write(`\n\t    Media capabilities [${bitNames(medCapabilities, 'none', caps)}] (0x${hex4(caps)})`);
      c.write(`\n\t    Device type [${tokName(deviceTypes, 'unknown', dev)}] (0x${hex2(dev)})`);
      break;
    }
    case 2: {
      if (n < 8) return false;
      const app = t.policyApplicationType;
      c.write(`\n\t    Application type [${tokName(applicationTypes, 'none', app)}] (0x${hex2(app)})`);
      c.write(`, Flags [${bitNames(policyBits, 'none', t.policyFlags)}]`);
      c.write(`\n\t    Vlan id ${t.policyVlanId}`);
      c.write(`, L2 priority ${t.policyPriority}`);
      c.write(`, DSCP value ${t.policyDscp}`);
      break;
    }
    case 3: {
      if (n < 5) return false;
      const format = t.locationFormat;
      c.write(`\n\t    Location data format ${tokName(locationFormats, 'unknown', format)} (0x${hex2(format)})`);
      switch (format) {
        case 1: {
          if (n < 21) return false;
          c.write(`\n\t    Latitude resolution ${t.latitudeResolution}, latitude value ${t.latitude}`);
          c.write(`\n\t    Longitude resolution ${t.longitudeResolution}, longitude value ${t.longitude}`);
          const alt = t.altitudeType;
          c.write(`\n\t    Altitude type ${tokName(altitudeTypes, 'unknown', alt)} (${alt})`);
          c.write(`\n\t    Altitude resolution ${t.altitudeResolution}, altitude value 0x${t.altitude.toString(16)}`);
          const datum = t.datum;
          c.write(`\n\t    Datum ${tokName(datums, 'unknown', datum)} (0x${hex2(datum)})`);
          break;
        }
        case 2: {
          if (n < 6) return false;
          let lci = t.civicLength;
          if (lci < 3) return false;
          if (n < 7 + lci) return false;
          const what = t.civicWhat;
          c.write(`\n\t    LCI length ${lci}, LCI what ${tokName(civicWhat, 'unknown', what)} (0x${hex2(what)}), Country-code `);
          printJnp(c, t, H + 7, 2);
          lci -= 3;
          let el = 9;
          // Each civic address element: type, length, text.
          while (lci > 0) {
            if (lci < 2) return false;
            const caType = t.civicType(el), caLength = t.civicElementLength(el);
            el += 2; lci -= 2;
            c.write(`\n\t      CA type '${tokName(civicTypes, 'unknown', caType)}' (${caType}), length ${caLength}: `);
            if (caType === 0 || caLength === 0) return false;
            if (lci < caLength) return false;
            printJnp(c, t, H + el, caLength);
            el += caLength; lci -= caLength;
          }
          break;
        }
        case 3:
          c.write('\n\t    ECS ELIN id ');
          printJnp(c, t, H + 5, n - 5);
          break;
        default:
          c.write('\n\t    Location ID ');
          unknownData(c, '\n\t      ', t.valueStart + 5, n - 5);
      }
      break;
    }
    case 4: {
      if (n < 7) return false;
      const f = t.powerFlags;
      // tcpdump tests `f & 0xC0 >> 6`, which is f & 3: kept, as it prints.
      c.write(`\n\t    Power type [${f & 3 ? 'PD device' : 'PSE device'}]`);
      c.write(`, Power source [${tokName(powerSources, 'none', (f & 0x30) >> 4)}]`);
      c.write(`\n\t    Power priority [${tokName(powerPriorities, 'none', f & 0x0f)}] (0x${hex2(f & 0x0f)})`);
      const power = t.powerValue;
      c.write(power < 1024 ? `, Power ${(power / 10).toFixed(1)} Watts` : `, Power ${power} (Reserved)`);
      break;
    }
    case 5: case 6: case 7: case 8: case 9: case 10: case 11:
      c.write(`\n\t  ${tokName(inventory, 'unknown', sub)} `);
      printJnp(c, t, H + 4, n - 4);
      break;
    default:
      return true;
  }
  return false;
}

/** `Enable bit: 1, Willing bit: 0, Error Bit: 0` of a DCBX feature's info byte. */
function dcbxInfo(c: PrintContext, d: LldpTlv): void {
  c.write(`\n\t      Oper_Version: ${d.dcbxOperVersion}`);
  c.write(`\n\t      Max_Version: ${d.dcbxMaxVersion}`);
  const info = d.dcbxInfo;
  c.write(`\n\t      Info block(0x${hex2(info).toUpperCase()}): `);
  c.write(`Enable bit: ${info & 0x80 ? 1 : 0}, Willing bit: ${info & 0x40 ? 1 : 0}, Error Bit: ${info & 0x20 ? 1 : 0}`);
  c.write(`\n\t      SubType: ${d.dcbxSubtype}`);
}

/** DCBX v1.01 TLVs inside the organisational TLV `t` (lldp_private_dcbx_print), walked with `d`. */
function printDcbx(c: PrintContext, d: LldpTlv, t: LldpTlv, len: number): boolean {
  let hexdump = false;
  if (len < 4) return hexdump;
  const sub = t.orgSubtype;
  c.write(`\n\t  ${tokName(dcbxSubtypes, 'unknown', sub)} Subtype (${sub})`);
  // The old version is not decoded.
  if (sub === 1) return true;
  let pos = t.valueStart + 4, tlen = len - 4;
  while (tlen >= H) {
    d.point(pos, t.end);
    if (!d.has(H)) return hexdump;
    const type = d.type, n = d.valueLength;
    hexdump = false;
    tlen -= H;
    if (type === 0 || n === 0) break;
    if (!d.hasValue(n) || tlen < n) return hexdump;
    switch (type) {
      case 1:
        if (n < 10) return hexdump;
        c.write(`\n\t    Control - Protocol Control (type 0x1, length ${n})`);
        c.write(`\n\t      Oper_Version: ${d.dcbxOperVersion}`);
        c.write(`\n\t      Max_Version: ${d.dcbxMaxVersion}`);
        c.write(`\n\t      Sequence Number: ${d.dcbxSequence}`);
        c.write(`\n\t      Acknowledgement Number: ${d.dcbxAcknowledgement}`);
        break;
      case 2:
        if (n < 17) return hexdump;
        c.write(`\n\t    Feature - Priority Group (type 0x2, length ${n})`);
        dcbxInfo(c, d);
        c.write('\n\t      Priority Allocation');
        for (let i = 0; i <= 7; i++) c.write(`\n\t          PgId_${i}: ${d.dcbxPriorityGroup(i)}`);
        c.write('\n\t      Priority Group Allocation');
        for (let i = 0; i <= 7; i++) c.write(`\n\t          Pg percentage[${i}]: ${d.dcbxGroupPercentage(i)}`);
        c.write(`\n\t      NumTCsSupported: ${d.dcbxTcsSupported}`);
        break;
      case 3: {
        if (n < 6) return hexdump;
        c.write('\n\t    Feature - Priority Flow Control');
        c.write(` (type 0x3, length ${n})`);
        dcbxInfo(c, d);
        const pfc = d.dcbxPfcConfig;
        c.write(`\n\t      PFC Config (0x${hex2(pfc).toUpperCase()})`);
        for (let i = 0; i <= 7; i++) c.write(`\n\t          Priority Bit ${i}: ${pfc & (1 << i) ? 'Enabled' : 'Disabled'}`);
        c.write(`\n\t      NumTCPFCSupported: ${d.dcbxPfcTcs}`);
        break;
      }
      case 4: {
        if (n < 4) return hexdump;
        c.write(`\n\t    Feature - Application (type 0x4, length ${n})`);
        dcbxInfo(c, d);
        for (let i = 0, left = n - 4; left >= 6; i++, left -= 6) {
          c.write('\n\t      Application Value');
          c.write(`\n\t          Application Protocol ID: 0x${hex4(d.dcbxAppProtocolId(i))}`);
          const u = d.dcbxAppSfOui(i);
          c.write(`\n\t          SF (0x${(u >> 22).toString(16)}) Application Protocol ID is ${u >> 22 ? 'Socket Number' : 'L2 EtherType'}`);
          c.write(`\n\t          OUI: 0x${(u & 0x3fffff).toString(16).padStart(6, '0')}`);
          c.write(`\n\t          User Priority Map: 0x${hex2(d.dcbxAppPriorityMap(i))}`);
        }
        break;
      }
      default:
        hexdump = true;
    }
    if (c.o.verbose > 1 || (c.o.verbose && hexdump)) unknownData(c, '\n\t    ', d.valueStart, n);
    tlen -= n;
    pos += H + n;
  }
  return hexdump;
}
