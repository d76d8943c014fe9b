/** IEEE 802.2 LLC and SNAP after an 802.3 length field (tcpdump's print-llc.c). */
import type { PrintContext } from './context.js';
import { etherTypeName, ouiName } from './names.js';
import { llcPrinters, printEncapsulated, printEtherTypePayload, printLayer, printLlcSap, printSnapPayload, viewCall } from './dispatch.js';
import { defaultPrint } from './dump.js';
import type { Llc } from '../../decoders/ethernet.js';

/** The link's source and destination addresses, which some LLC lines show (an Ethernet header, an 802.11 data frame). */
export interface LinkAddresses { readonly src: string; readonly dst: string }
import { Layer } from '../../decoders/layer.js';

const sapNames: Record<number, string> = {
  0x00: 'Null', 0xff: 'Global', 0x02: '802.1B I', 0x03: '802.1B G', 0x06: 'IP', 0x04: 'SNA',
  0x0e: 'ProWay NM', 0x42: 'STP', 0x4e: 'RS511', 0x7e: 'ISO8208', 0x8e: 'ProWay', 0xaa: 'SNAP',
  0xe0: 'IPX', 0xf0: 'NetBeui', 0xfe: 'OSI',
};
const uCommands: Record<number, string> = {
  0x03: 'ui', 0xe3: 'test', 0xaf: 'xid', 0x63: 'ua', 0x43: 'disc', 0x0f: 'dm', 0x6f: 'sabme', 0x87: 'frmr',
};
const supervisory = ['Receiver Ready', 'Receiver not Ready', 'Reject'];
/** llc_flag_values, indexed by (ssap & GSAP) | poll bit. */
function llcFlags(v: number): string {
  switch (v) {
    case 0: return 'Command';
    case 0x01: return 'Response';
    case 0x10: case 0x100: return 'Poll';
    case 0x11: case 0x101: return 'Final';
    default: return '?';
  }
}
const hex2 = (v: number): string => v.toString(16).padStart(2, '0');
/** Protocol IDs by OUI (tcpdump's oui_to_struct_tok): Cisco's, and RFC 2684's bridged frames. */
const pidNames: Record<number, Record<number, string>> = {
  0x00000c: { 0x2000: 'CDP', 0x2003: 'VTP', 0x2004: 'DTP', 0x0111: 'UDLD', 0x010b: 'PVST', 0x010c: 'VLAN Bridge' },
  0x0080c2: {
    0x0001: 'Ethernet + FCS', 0x0007: 'Ethernet w/o FCS', 0x0002: '802.4 + FCS', 0x0008: '802.4 w/o FCS', 0x0003: 'Token Ring + FCS',
    0x0009: 'Token Ring w/o FCS', 0x0004: 'FDDI + FCS', 0x000a: 'FDDI w/o FCS', 0x0005: '802.6 + FCS', 0x000b: '802.6 w/o FCS', 0x000e: 'BPDU',
  },
};

/**
 * The LLC header `llc` and what it carries, `length` bytes on the wire. Returns the header length,
 * negative when the payload is unknown and the caller should dump it (tcpdump's llc_print
 * contract). `eth` is the link header around it (Ethernet, 802.11), whose addresses lines
 * without -e show (none under SLL).
 */
export function printLlc(c: PrintContext, llc: Llc, length: number, eth: LinkAddresses | undefined): number {
  c.protocol = 'llc';
  let caplen = llc.captured;
  if (caplen < 3 || length < 3) {
    c.write(' [|llc]');
    defaultPrint(c, llc.off, caplen, true);
    return Math.min(caplen, length);
  }
  const dsapField = llc.dsapField, ssapField = llc.ssapField;
  let control = llc.controlByte;
  let isU: boolean, hdrlen: number;
  if ((control & 3) === 3) { isU = true; hdrlen = 3; } else {
    if (caplen < 4 || length < 4) {
      c.write(' [|llc]');
      defaultPrint(c, llc.off, caplen, true);
      return Math.min(caplen, length);
    }
    control = llc.controlWord;
    isU = false; hdrlen = 4;
  }
  if (ssapField === 0xff && dsapField === 0xff) {
    // Novell "raw" 802.3: IPX right after the length, no LLC header.
    if (c.o.linkHeader) c.write('IPX 802.3: ');
    viewCall(c, Layer.Ipx, llc.off, length, undefined, llcPrinters.ipx!);
    return 0;
  }
  const dsap = dsapField & ~1, ssap = ssapField & ~1;
  if (c.o.linkHeader) {
    c.write(`LLC, dsap ${sapNames[dsap] ?? 'Unknown'} (0x${hex2(dsap)}) ${dsapField & 1 ? 'Group' : 'Individual'}, ` +
      `ssap ${sapNames[ssap] ?? 'Unknown'} (0x${hex2(ssap)}) ${ssapField & 1 ? 'Response' : 'Command'}`);
    c.write(isU ? `, ctrl 0x${hex2(control)}: ` : `, ctrl 0x${control.toString(16).padStart(4, '0')}: `);
  }
  const p = llc.off + hdrlen;
  length -= hdrlen; caplen -= hdrlen;
  if (ssap === 0xaa && dsap === 0xaa && control === 0x03) {
    return printSnap(c, llc, p, length, eth) ? hdrlen + 5 : -(hdrlen + 5);
  }
  if (ssap === 0xe0 && dsap === 0xe0 && control === 0x03) {
    if (c.o.linkHeader) c.write('IPX 802.2: ');
    viewCall(c, Layer.Ipx, p, length, undefined, llcPrinters.ipx!);
    return hdrlen;
  }
  // NetBEUI I and UI frames: tcpdump prints them only when built with --enable-smb (--smb).
  if (c.o.smb === true && ssap === 0xf0 && dsap === 0xf0 && ((control & 1) === 0 || control === 0x03)) {
    viewCall(c, Layer.Netbeui, p, length, control, llcPrinters.netbeui!);
    return hdrlen;
  }
  if (control === 0x03 && ssap === dsap && printLlcSap(c, ssap, p, length)) return hdrlen;
  if (ssap === 0x06 && dsap === 0x06 && control === 0x03) {
    printLayer(c, Layer.Ipv4, p, length);
    return hdrlen;
  }
  if (!c.o.linkHeader) {
    const d = sapNames[dsap] ?? `Unknown DSAP 0x${hex2(dsap)}`, s = sapNames[ssap] ?? `Unknown SSAP 0x${hex2(ssap)}`;
    if (eth === undefined) c.write(ssap === dsap ? `${d} ` : `${s} > ${d} `);
    else if (ssap === dsap) c.write(`${eth.src} > ${eth.dst} ${d} `);
    else c.write(`${eth.src} ${s} > ${eth.dst} ${d} `);
  }
  if (isU) {
    const cmd = control & 0xef;
    c.write(`Unnumbered, ${uCommands[cmd] ?? hex2(cmd)}, Flags [${llcFlags((ssapField & 1) | (control & 0x10))}], length ${length + hdrlen}`);
    if ((control & ~0x10) === 0xaf) {
      if (length === 0) return hdrlen;
      if (caplen < 1) { c.write(' [|llc]'); return hdrlen; }
      if (llc.xidFormat === 0x81) {
        if (caplen < 3 || length < 3) { c.write(' [|llc]'); defaultPrint(c, p, caplen, true); }
        else c.write(`: ${hex2(llc.xidClass)} ${hex2(llc.xidWindow)}`);
        return hdrlen;
      }
    }
  } else if ((control & 3) === 1) {
    c.write(`Supervisory, ${supervisory[(control >> 2) & 3] ?? '?'}, rcv seq ${(control >> 9) & 0x7f}, Flags [${llcFlags((ssapField & 1) | (control & 0x100))}], length ${length + hdrlen}`);
    return hdrlen;
  } else {
    c.write(`Information, send seq ${(control >> 1) & 0x7f}, rcv seq ${(control >> 9) & 0x7f}, Flags [${llcFlags((ssapField & 1) | (control & 0x100))}], length ${length + hdrlen}`);
  }
  return -hdrlen;
}

/** SNAP header (OUI + protocol id) after the 3-byte LLC header at `p`; true when the payload was printed. */
function printSnap(c: PrintContext, llc: Llc, p: number, length: number, eth: LinkAddresses | undefined): boolean {
  c.protocol = 'snap';
  // A cut inside the SNAP header is reported here, and the header counts as printed (no dump).
  if (!llc.snapCaptured) { c.truncMark(); return true; }
  return printSnapBody(c, llc.snapOui, llc.snapProtocol, p + SNAP_LENGTH, length - SNAP_LENGTH, eth, LLC_BRIDGE_PAD);
}

/** Bytes of a SNAP header: the OUI and the protocol ID. */
const SNAP_LENGTH = 5;
/** Bytes of padding before a bridged frame after LLC's SNAP header (RFC 2684's PAD; llc_print's bridge_pad). */
const LLC_BRIDGE_PAD = 2;
/** RFC 2684's organisation for bridged frames, and its protocol IDs vcap has printers for. */
const OUI_RFC2684 = 0x0080c2;
const PID_ETHER_FCS = 0x0001, PID_ETHER_NOFCS = 0x0007, PID_BPDU = 0x000e;

/**
 * tcpdump's snap_print once the header is read (OUI `oui`, protocol ID `et`): the payload at `p`,
 * `length` bytes on the wire, by EtherType or by the organisation's protocol; true when it was
 * printed. Otherwise the SNAP header is described (without -e) for the caller's dump to follow.
 * `bridgePad`: the padding before a bridged Ethernet frame (RFC 2684), 2 after LLC, 0 after Frame Relay's NLPID.
 */
export function printSnapBody(c: PrintContext, oui: number, et: number, p: number, length: number, eth: LinkAddresses | undefined, bridgePad: number): boolean {
  c.protocol = 'snap';
  const ouiText = `${ouiName(oui)} (0x${oui.toString(16).padStart(6, '0')})`;
  // print-llc.c names Cisco-bridged (00-00-f8) and Apple's (08-00-07) protocol IDs from the EtherType table, as 00-00-00's.
  const pidName = (oui === 0 || oui === 0x0000f8 || oui === 0x080007 ? etherTypeName(et) : pidNames[oui]?.[et]) ?? 'Unknown';
  const etHex = et.toString(16).padStart(4, '0');
  if (c.o.linkHeader) {
    c.write(`oui ${ouiText}, ${oui === 0 ? 'ethertype' : 'pid'} ${pidName} (0x${etHex}), length ${length}: `);
  }
  c.linkAddresses = eth; c.linkAddressesAt = eth !== undefined ? p : -1;
  if ((oui === 0 || oui === 0x0000f8) && printEtherTypePayload(c, et, p, length)) return true;
  if (oui !== 0 && oui !== 0x0000f8 && printSnapPayload(c, oui, et, p, length)) return true;
  if (oui === OUI_RFC2684 && (et === PID_ETHER_FCS || et === PID_ETHER_NOFCS)) {
    // A bridged Ethernet frame after its padding (its FCS, if any, left in, as tcpdump leaves it).
    if (c.avail(p) < bridgePad) { c.truncMark(); return true; }
    printEncapsulated(c, Layer.Ethernet, p + bridgePad, length - bridgePad);
    return true;
  }
  if (oui === OUI_RFC2684 && et === PID_BPDU) { printLayer(c, Layer.Stp, p, length); return true; }
  if (!c.o.linkHeader) {
    if (eth !== undefined) c.write(`${eth.src} > ${eth.dst} `);
    if (oui === 0) c.write(`SNAP, ethertype ${pidName} (0x${etHex}), length ${length}: `);
    else c.write(`SNAP, oui ${ouiText}, pid ${pidName} (0x${etHex}), length ${length}: `);
  }
  return false;
}
