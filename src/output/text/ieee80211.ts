/** IEEE 802.11 frames (tcpdump's print-802_11.c: ieee802_11_print, the management, control and data frame printers). */
import type { PrintContext } from './context.js';
import { viewCall } from './dispatch.js';
import { defaultPrint } from './dump.js';
import { printLlc } from './llc.js';
import { printJnp } from './print-char.js';
import { Layer } from '../../decoders/layer.js';
import {
  WLAN_IV_LENGTH, WlanCtrl, WlanMgmt, WlanType, wlanFixedFieldsLength, type Ieee80211, type WlanElements,
} from '../../decoders/ieee80211.js';

/** Status codes (tcpdump's status_text; beyond it: `n/a`). */
const statusText: readonly string[] = [
  'Successful', 'Unspecified failure', 'TDLS wakeup schedule rejected but alternative schedule provided',
  'TDLS wakeup schedule rejected', 'Reserved', 'Security disabled', 'Unacceptable lifetime', 'Not in same BSS', 'Reserved',
  'Reserved', 'Cannot Support all requested capabilities in the Capability Information field',
  'Reassociation denied due to inability to confirm that association exists',
  'Association denied due to reason outside the scope of this standard',
  'Responding STA does not support the specified authentication algorithm',
  'Received an Authentication frame with authentication transaction sequence number out of expected sequence',
  'Authentication rejected because of challenge failure',
  'Authentication rejected due to timeout waiting for next frame in sequence',
  'Association denied because AP is unable to handle additional associated STAs',
  'Association denied due to requesting STA not supporting all of the data rates in the BSSBasicRateSet parameter, the Basic HT-MCS Set field of the HT Operation parameter, or the Basic VHT-MCS and NSS Set field in the VHT Operation parameter',
  'Association denied due to requesting STA not supporting the short preamble option', 'Reserved', 'Reserved',
  'Association request rejected because Spectrum Management capability is required',
  'Association request rejected because the information in the Power Capability element is unacceptable',
  'Association request rejected because the information in the Supported Channels element is unacceptable',
  'Association denied due to requesting STA not supporting the Short Slot Time option', 'Reserved',
  'Association denied because the requested STA does not support HT features', 'R0KH unreachable',
  'Association denied because the requesting STA does not support the phased coexistence operation (PCO) transition time required by the AP',
  'Association request rejected temporarily; try again later', 'Robust management frame policy violation',
  'Unspecified, QoS-related failure',
  'Association denied because QoS AP or PCP has insufficient bandwidth to handle another QoS STA',
  'Association denied due to excessive frame loss rates and/or poor conditions on current operating channel',
  'Association (with QoS BSS) denied because the requesting STA does not support the QoS facility', 'Reserved',
  'The request has been declined', 'The request has not been successful as one or more parameters have invalid values',
  'The allocation or TS has not been created because the request cannot be honored; however, a suggested TSPEC/DMG TSPEC is provided so that the initiating STA can attempt to set another allocation or TS with the suggested changes to the TSPEC/DMG TSPEC',
  'Invalid element, i.e., an element defined in this standard for which the content does not meet the specifications in Clause 9',
  'Invalid group cipher', 'Invalid pairwise cipher', 'Invalid AKMP', 'Unsupported RSNE version', 'Invalid RSNE capabilities',
  'Cipher suite rejected because of security policy',
  'The TS or allocation has not been created; however, the HC or PCP might be capable of creating a TS or allocation, in response to a request, after the time indicated in the TS Delay element',
  'Direct Link is not allowed in the BSS by policy', 'The Destination STA is not present within this BSS',
  'The Destination STA is not a QoS STA', 'Association denied because the listen interval is too large',
  'Invalid FT Action frame count', 'Invalid pairwise master key identifier (PMKID)', 'Invalid MDE', 'Invalid FTE',
  'Requested TCLAS processing is not supported by the AP or PCP',
  'The AP or PCP has insufficient TCLAS processing resources to satisfy the request',
  'The TS has not been created because the request cannot be honored; however, the HC or PCP suggests that the STA transition to a different BSS to set up the TS',
  'GAS Advertisement Protocol not supported', 'No outstanding GAS request',
  'GAS Response not received from the Advertisement Server', 'STA timed out waiting for GAS Query Response',
  'LARGE GAS Response is larger than query response length limit',
  'Request refused because home network does not support request',
  'Advertisement Server in the network is not currently reachable', 'Reserved',
  'Request refused due to permissions received via SSPN interface',
  'Request refused because the AP or PCP does not support unauthenticated access', 'Reserved', 'Reserved', 'Reserved',
  'Invalid contents of RSNE', 'U-APSD coexistence is not supported', 'Requested U-APSD coexistence mode is not supported',
  'Requested Interval/Duration value cannot be supported with U-APSD coexistence',
  'Authentication is rejected because an Anti-Clogging Token is required',
  'Authentication is rejected because the offered finite cyclic group is not supported',
  'The TBTT adjustment request has not been successful because the STA could not find an alternative TBTT',
  'Transmission failure', 'Requested TCLAS Not Supported', 'TCLAS Resources Exhausted', 'Rejected with Suggested BSS transition',
  'Reject with recommended schedule', 'Reject because no wakeup schedule specified',
  'Success, the destination STA is in power save mode', 'FST pending, in process of admitting FST session', 'Performing FST now',
  'FST pending, gap(s) in block ack window', 'Reject because of U-PID setting', 'Reserved', 'Reserved',
  '(Re)Association refused for some external reason', '(Re)Association refused because of memory limits at the AP',
  '(Re)Association refused because emergency services are not supported at the AP', 'GAS query response not yet received',
  'Reject since the request is for transition to a frequency band subject to DSE procedures and FST Initiator is a dependent STA',
  'Requested TCLAS processing has been terminated by the AP',
  'The TS schedule conflicts with an existing schedule; an alternative schedule is provided',
  'The association has been denied; however, one or more Multi-band elements are included that can be used by the receiving STA to join the BSS',
  'The request failed due to a reservation conflict', 'The request failed due to exceeded MAF limit',
  'The request failed due to exceeded MCCA track limit',
  'Association denied because the information in theSpectrum Management field is unacceptable',
  'Association denied because the requesting STA does not support VHT features', 'Enablement denied',
  'Enablement denied due to restriction from an authorized GDB', 'Authorization deenabled',
];
/** Reason codes (tcpdump's reason_text; beyond it: `Reserved`). */
const reasonText: readonly string[] = [
  'Reserved', 'Unspecified reason', 'Previous authentication no longer valid',
  'Deauthenticated because sending STA is leaving (or has left) IBSS or ESS', 'Disassociated due to inactivity',
  'Disassociated because AP is unable to handle all currently  associated STAs',
  'Class 2 frame received from nonauthenticated STA', 'Class 3 frame received from nonassociated STA',
  'Disassociated because sending STA is leaving (or has left) BSS',
  'STA requesting (re)association is not authenticated with responding STA',
  'Disassociated because the information in the Power Capability element is unacceptable',
  'Disassociated because the information in the Supported Channels element is unacceptable',
  'Disassociated due to BSS transition management',
  'Invalid element, i.e., an element defined in this standard for which the content does not meet the specifications in Clause 9',
  'Message integrity code (MIC) failure', '4-Way Handshake timeout', 'Group key handshake timeout',
  'Information element in 4-Way Handshake different from (Re)AssociationRequest/Probe Response/Beacon frame',
  'Invalid group cipher', 'Invalid pairwise cipher', 'Invalid AKMP', 'Unsupported RSNE version', 'Invalid RSNE capabilities',
  'IEEE 802.1X authentication failed', 'Cipher suite rejected because of the security policy',
  'TDLS direct-link teardown due to TDLS peer STA unreachable via the TDLS direct link',
  'TDLS direct-link teardown for unspecified reason', 'Disassociated because session terminated by SSP request',
  'Disassociated because of lack of SSP roaming agreement',
  'Requested service rejected because of SSP cipher suite or AKM requirement',
  'Requested service not authorized in this location',
  'TS deleted because QoS AP lacks sufficient bandwidth for this QoS STA due to a change in BSS service characteristics or operational mode (e.g. an HT BSS change from 40 MHz channel to 20 MHz channel)',
  'Disassociated for unspecified, QoS-related reason',
  'Disassociated because QoS AP lacks sufficient bandwidth for this QoS STA',
  'Disassociated because of excessive number of frames that need to be acknowledged, but are not acknowledged due to AP transmissions and/or poor channel conditions',
  'Disassociated because STA is transmitting outside the limits of its TXOPs',
  'Requested from peer STA as the STA is leaving the BSS (or resetting)',
  'Requested from peer STA as it does not want to use the mechanism',
  'Requested from peer STA as the STA received frames using the mechanism for which a set up is required',
  'Requested from peer STA due to time out', 'Reserved', 'Reserved', 'Reserved', 'Reserved', 'Reserved',
  'Peer STA does not support the requested cipher suite',
  'In a DLS Teardown frame: The teardown was initiated by the DLS peer. In a Disassociation frame: Disassociated because authorized access limit reached',
  'In a DLS Teardown frame: The teardown was initiated by the AP. In a Disassociation frame: Disassociated due to external service requirements',
  'Invalid FT Action frame count', 'Invalid pairwise master key identifier (PMKID)', 'Invalid MDE', 'Invalid FTE',
  'Mesh peering canceled for unknown reasons', 'The mesh STA has reached the supported maximum number of peer mesh STAs',
  'The received information violates the Mesh Configuration policy configured in the mesh STA profile',
  'The mesh STA has received a Mesh Peering Close frame requesting to close the mesh peering',
  'The mesh STA has resent dot11MeshMaxRetries Mesh Peering Open frames, without receiving a Mesh Peering Confirm frame',
  'The confirmTimer for the mesh peering instance times out',
  'The mesh STA fails to unwrap the GTK or the values in the wrapped contents do not match',
  'The mesh STA receives inconsistent information about the mesh parameters between mesh peering Management frames',
  'The mesh STA fails the authenticated mesh peering exchange because due to failure in selecting either the pairwise ciphersuite or group ciphersuite',
  'The mesh STA does not have proxy information for this external destination',
  'The mesh STA does not have forwarding information for this destination',
  'The mesh STA determines that the link to the next hop of an active path in its forwarding information is no longer usable',
  'The Deauthentication frame was sent because the MAC address of the STA already exists in the mesh BSS',
  'The mesh STA performs channel switch to meet regulatory requirements',
  'The mesh STA performs channel switching with unspecified reason',
];
const mgmtNames: Record<number, string> = {
  0: 'Assoc Request', 1: 'Assoc Response', 2: 'ReAssoc Request', 3: 'ReAssoc Response', 4: 'Probe Request', 5: 'Probe Response',
  8: 'Beacon', 9: 'ATIM', 10: 'Disassociation', 11: 'Authentication', 12: 'DeAuthentication', 13: 'Action',
};
const ctrlNames: Record<number, string> = {
  7: 'Control Wrapper', 8: 'BAR', 9: 'BA', 10: 'Power Save-Poll', 11: 'Request-To-Send', 12: 'Clear-To-Send', 13: 'Acknowledgment',
  14: 'CF-End', 15: 'CF-End+CF-Ack',
};
const authAlgorithms = ['Open System', 'Shared Key', 'EAP'];
const status = (s: number): string => statusText[s] ?? 'n/a';
const reason = (r: number): string => reasonText[r] ?? 'Reserved';
const CAPABILITY_ESS = 0x0001, CAPABILITY_PRIVACY = 0x0010;

/** Action frames: the names tcpdump gives each category's actions (`Act#N` for the others). */
const actionNames: Record<number, readonly [string, Record<number, string>]> = {
  3: ['BA ', { 0: 'ADDBA Request', 1: 'ADDBA Response', 2: 'DELBA' }],
  7: ['HT ', { 0: 'TxChWidth', 1: 'MIMOPwrSave' }],
  13: ['MeshAction ', {
    0: 'MeshLink', 1: 'HWMP', 2: 'Gate Announcement', 3: 'Congestion Control', 4: 'MCCA Setup Request', 5: 'MCCA Setup Reply',
    6: 'MCCA Advertisement Request', 7: 'MCCA Advertisement', 8: 'MCCA Teardown', 9: 'TBTT Adjustment Request', 10: 'TBTT Adjustment Response',
  }],
  14: ['MultiohopAction ', { 0: 'Proxy Update', 1: 'Proxy Update Confirmation' }],
  15: ['SelfprotectAction ', { 1: 'Peering Open', 2: 'Peering Confirm', 3: 'Peering Close', 4: 'Group Key Inform', 5: 'Group Key Acknowledge' }],
};
const actionCategories: Record<number, string> = { 0: 'Spectrum Management', 1: 'QoS', 2: 'DLS', 127: 'Vendor' };

/** tcpdump's wep_print: the IV, pad and key ID of a protected frame's body at `at`; false when cut. */
function printWep(c: PrintContext, v: Ieee80211, at: number): boolean {
  if (!v.has(at + WLAN_IV_LENGTH)) return false;
  const iv = v.ivWord(at);
  c.write(` IV:${(iv & 0xffffff).toString(16).padStart(3)} Pad ${((iv >>> 24) & 0x3f).toString(16)} KeyID ${((iv >>> 30) & 3).toString(16)}`);
  return true;
}

// PRINT_SSID, PRINT_RATES, PRINT_DS_CHANNEL.
function printSsid(c: PrintContext, e: WlanElements): void {
  if (e.ssidAt < 0) return;
  c.write(' (');
  printJnp(c, e, e.ssidAt, e.ssidLength);
  c.write(')');
}
function printRates(c: PrintContext, e: WlanElements): void {
  if (e.ratesAt < 0) return;
  let sep = ' [';
  for (let k = 0; k < e.ratesLength; k++) {
    const r = e.rate(k);
    c.write(`${sep}${(0.5 * (r & 0x7f)).toFixed(1)}${r & 0x80 ? '*' : ''}`);
    sep = ' ';
  }
  c.write(' Mbit]');
}
function printDsChannel(c: PrintContext, e: WlanElements, capabilities: number): void {
  if (e.dsChannel >= 0) c.write(` CH: ${e.dsChannel}`);
  if (capabilities & CAPABILITY_PRIVACY) c.write(', PRIVACY');
}

/**
 * A management frame's body, `length` bytes on the wire (tcpdump's mgmt_body_print and handlers):
 * false where tcpdump's handler stops with `[|802.11]`.
 */
function printMgmtBody(c: PrintContext, v: Ieee80211, subtype: number, protectedFrame: boolean, body: number, length: number): boolean {
  c.write(mgmtNames[subtype] ?? `Unhandled Management subtype(${subtype.toString(16)})`);
  if (protectedFrame) return printWep(c, v, body);
  const fixed = wlanFixedFieldsLength(subtype);
  switch (subtype) {
    case WlanMgmt.AssocRequest: case WlanMgmt.AssocResponse: case WlanMgmt.ReassocRequest: case WlanMgmt.ReassocResponse:
    case WlanMgmt.ProbeResponse: case WlanMgmt.Beacon: case WlanMgmt.Auth: {
      if (!v.bodyHas(fixed) || length < fixed) return false;
      break;
    }
    case WlanMgmt.Disassoc: case WlanMgmt.Deauth: case WlanMgmt.Action:
      if (!v.bodyHas(2) || length < 2) return false;
      break;
    default:
  }
  switch (subtype) {
    case WlanMgmt.Beacon: case WlanMgmt.ProbeResponse: {
      const cap = v.beaconCapabilities;
      const e = v.elementsAfter(fixed), ok = e.parse(length - fixed);
      printSsid(c, e);
      printRates(c, e);
      if (subtype === WlanMgmt.Beacon) c.write(cap & CAPABILITY_ESS ? ' ESS' : ' IBSS');
      printDsChannel(c, e, cap);
      return ok;
    }
    case WlanMgmt.AssocRequest: case WlanMgmt.ProbeRequest: {
      const e = v.elementsAfter(fixed), ok = e.parse(length - fixed);
      printSsid(c, e);
      printRates(c, e);
      return ok;
    }
    case WlanMgmt.AssocResponse: case WlanMgmt.ReassocResponse: {
      const cap = v.capabilities, st = v.assocStatus, aid = v.associationId;
      const ok = v.elementsAfter(fixed).parse(length - fixed);
      c.write(` AID(${(aid & 0x3fff).toString(16)}) :${cap & CAPABILITY_PRIVACY ? ' PRIVACY ' : ''}: ${status(st)}`);
      return ok;
    }
    case WlanMgmt.ReassocRequest: {
      const ap = v.currentAp;
      const e = v.elementsAfter(fixed), ok = e.parse(length - fixed);
      printSsid(c, e);
      c.write(` AP : ${ap}`);
      return ok;
    }
    case WlanMgmt.Atim: return true;
    case WlanMgmt.Disassoc: c.write(`: ${reason(v.reasonCode)}`); return true;
    case WlanMgmt.Auth: {
      const alg = v.authAlgorithm, seq = v.authSequence, st = v.authStatus;
      const ok = v.elementsAfter(fixed).parse(length - fixed);
      const algName = authAlgorithms[alg] ?? 'Reserved', stText = seq % 2 ? status(st) : '';
      if (alg === 1 && (seq === 2 || seq === 3)) c.write(` (${algName})-${seq.toString(16)} [Challenge Text] ${stText}`);
      else c.write(` (${algName})-${seq.toString(16)}: ${stText}`);
      return ok;
    }
    case WlanMgmt.Deauth: {
      const r = reason(v.reasonCode);
      c.write(c.o.linkHeader ? `: ${r}` : ` (${v.sa}): ${r}`);
      return true;
    }
    case WlanMgmt.Action: {
      c.write(c.o.linkHeader ? ': ' : ` (${v.sa}): `);
      const cat = v.actionCategory, code = v.actionCode;
      const named = actionNames[cat];
      if (named !== undefined) c.write(`${named[0]}${named[1][code] ?? `Act#${code}`}`);
      else if (actionCategories[cat] !== undefined) c.write(`${actionCategories[cat]} Act#${code}`);
      else c.write(`Reserved(${cat}) Act#${code}`);
      return true;
    }
    default: return true;
  }
}

/** A control frame (tcpdump's ctrl_body_print); its header was captured in full. */
function printCtrlBody(c: PrintContext, v: Ieee80211, subtype: number): void {
  c.write(ctrlNames[subtype] ?? 'Unknown Ctrl Subtype');
  const e = c.o.linkHeader;
  switch (subtype) {
    case WlanCtrl.Bar:
      if (!e) c.write(` RA:${v.addr1} TA:${v.addr2} CTL(${v.barControl.toString(16)}) SEQ(${v.barSequence}) `);
      break;
    case WlanCtrl.PsPoll: c.write(` AID(${v.duration.toString(16)})`); break;
    case WlanCtrl.Rts: if (!e) c.write(` TA:${v.addr2} `); break;
    case WlanCtrl.Ba: case WlanCtrl.Cts: case WlanCtrl.Ack: case WlanCtrl.CfEnd: case WlanCtrl.CfEndAck:
      if (!e) c.write(` RA:${v.addr1} `);
      break;
    default:
  }
}

/** -e: the MAC header (tcpdump's ieee_802_11_hdr_print), with -v the flags and duration; `mesh` is where the mesh control is (0: none). */
function printMacHeader(c: PrintContext, v: Ieee80211, fc: number, mesh: number): void {
  const type = (fc >> 2) & 3, subtype = (fc >> 4) & 0xf;
  if (c.o.verbose) {
    if (fc & 0x2000) c.write('More Data ');
    if (fc & 0x0400) c.write('More Fragments ');
    if (fc & 0x1000) c.write('Pwr Mgmt ');
    if (fc & 0x0800) c.write('Retry ');
    if (fc & 0x8000) c.write('Strictly Ordered ');
    if (fc & 0x4000) c.write('Protected ');
    if (type !== WlanType.Control || subtype !== WlanCtrl.PsPoll) c.write(`${v.duration}us `);
  }
  if (mesh !== 0) {
    const ae = v.meshAddressExtension(mesh);
    c.write(`MeshData (AE ${ae} TTL ${v.meshTtl(mesh)} seq ${v.meshSequence(mesh)}`);
    if (ae > 0) c.write(` A4:${v.meshAddress(mesh, 0)}`);
    if (ae > 1) c.write(` A5:${v.meshAddress(mesh, 1)}`);
    if (ae > 2) c.write(` A6:${v.meshAddress(mesh, 2)}`);
    c.write(') ');
  }
  if (type === WlanType.Management) c.write(`BSSID:${v.bssid} DA:${v.da} SA:${v.sa} `);
  else if (type === WlanType.Control) {
    switch (subtype) {
      case WlanCtrl.Bar:
        c.write(` RA:${v.addr1} TA:${v.addr2} CTL(${v.barControl.toString(16)}) SEQ(${v.barSequence}) `);
        break;
      case WlanCtrl.Ba: case WlanCtrl.Cts: case WlanCtrl.Ack: c.write(`RA:${v.addr1} `); break;
      case WlanCtrl.PsPoll: c.write(`BSSID:${v.addr1} TA:${v.addr2} `); break;
      case WlanCtrl.Rts: c.write(`RA:${v.addr1} TA:${v.addr2} `); break;
      case WlanCtrl.CfEnd: case WlanCtrl.CfEndAck: c.write(`RA:${v.addr1} BSSID:${v.addr2} `); break;
      default:
    }
  } else if (type === WlanType.Data) {
    if (subtype & 0x0b) {
      // CF-Ack, CF-Poll, QoS.
      c.write('CF ');
      if (subtype & 1) c.write(subtype & 2 ? 'Ack/Poll' : 'Ack');
      else if (subtype & 2) c.write('Poll');
      if (subtype & 8) c.write('+QoS');
      c.write(' ');
    }
    const ds = fc & 0x0300;
    if (ds === 0) c.write(`DA:${v.addr1} SA:${v.addr2} BSSID:${v.addr3} `);
    else if (ds === 0x0200) c.write(`DA:${v.addr1} BSSID:${v.addr2} SA:${v.addr3} `);
    else if (ds === 0x0100) c.write(`BSSID:${v.addr1} SA:${v.addr2} DA:${v.addr3} `);
    else c.write(`RA:${v.addr1} TA:${v.addr2} DA:${v.addr3} SA:${v.addr4} `);
  }
}

/**
 * tcpdump's ieee802_11_print: the frame `v`, `length` bytes on the wire and `caplen` captured
 * (both with the FCS, when there is one: `fcsLength` bytes), its MAC header padded to 4 bytes when
 * `padded`. Returns the bytes the -x/-X dumps count as link header.
 */
export function printWlan(c: PrintContext, v: Ieee80211, length: number, caplen: number, padded: boolean, fcsLength: number): number {
  c.protocol = '802.11';
  const origCaplen = caplen;
  if (length < fcsLength) { c.truncMark(); return caplen; }
  length -= fcsLength;
  if (caplen > length) { caplen = length; c.pushEnd(v.off + length); }
  if (caplen < 2) { c.truncMark(); return origCaplen; }
  const fc = v.frameControl;
  const type = (fc >> 2) & 3, subtype = (fc >> 4) & 0xf;
  let hdrlen = v.macHeaderLength;
  if (hdrlen === 0) {
    c.write(type === WlanType.Control ? `unknown 802.11 ctrl frame subtype (${subtype})` : `unknown 802.11 frame type (${type})`);
    return 0;
  }
  if (padded) hdrlen = (hdrlen + 3) & ~3;
  let mesh = 0;
  if (c.o.meshHeaders && type === WlanType.Data && (subtype & 8) !== 0) {
    if (!v.has(hdrlen + 1)) { c.truncMark(); return hdrlen; }
    const n = v.meshControlLength(hdrlen);
    if (n !== 0) mesh = hdrlen;
    hdrlen += n;
  }
  if (caplen < hdrlen) { c.truncMark(); return hdrlen; }
  if (c.o.linkHeader) printMacHeader(c, v, fc, mesh);
  length -= hdrlen; caplen -= hdrlen;
  const body = v.off + hdrlen;
  switch (type) {
    case WlanType.Management:
      if (!printMgmtBody(c, v, subtype, (fc & 0x4000) !== 0, hdrlen, length)) { c.truncMark(); return hdrlen; }
      break;
    case WlanType.Control:
      printCtrlBody(c, v, subtype);
      break;
    case WlanType.Data: {
      if (subtype & 4) return hdrlen;   // no data
      if (fc & 0x4000) {
        c.write('Data');
        if (!printWep(c, v, hdrlen)) { c.truncMark(); return hdrlen; }
        break;
      }
      let llcLength = viewCall(c, Layer.Llc, body, length, v, printLlc);
      if (llcLength < 0) {
        defaultPrint(c, body, caplen);
        llcLength = -llcLength;
      }
      hdrlen += llcLength;
      break;
    }
    default:
  }
  return hdrlen;
}

/** LINKTYPE_IEEE802_11: returns the link-header length. */
export function printIeee80211Link(c: PrintContext, length: number): number {
  const v = c.pkt.views.table[Layer.Ieee80211] as Ieee80211;
  return printWlan(c, v, length, c.end - v.off, false, 0);
}
