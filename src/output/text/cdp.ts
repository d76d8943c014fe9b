/** CDP, the Cisco Discovery Protocol (tcpdump's print-cdp.c). */
import type { PrintContext } from './context.js';
import { safeChar } from './print-char.js';
import { bitNames, printN, unknownData, type Tok } from './tok.js';
import { CDP_HEADER_LENGTH, CDP_TLV_HEADER_LENGTH as H, type Cdp, type CdpTlv } from '../../decoders/cdp.js';
import { hex2 } from './util-print.js';

const capabilities: Tok = [
  [0x01, 'Router'], [0x02, 'Transparent Bridge'], [0x04, 'Source Route Bridge'], [0x08, 'L2 Switch'], [0x10, 'L3 capable'],
  [0x20, 'IGMP snooping'], [0x40, 'L1 capable'],
];

type ValuePrinter = (c: PrintContext, t: CdpTlv, len: number) => void;
/** One entry of tcpdump's cdptlvs table: the name, the value's printer, its minimum and maximum length (-1: any). */
interface TlvInfo { name: string; print: ValuePrinter | undefined; min: number; max: number }

/** 'text' (cdp_print_string). */
const string: ValuePrinter = (c, t, len) => { c.write("'"); printN(c, t, H, len); c.write("'"); };
const tlvs: (TlvInfo | undefined)[] = [];
const info = (type: number, name: string, print: ValuePrinter | undefined, min = -1, max = -1): void => { tlvs[type] = { name, print, min, max }; };
info(0x01, 'Device-ID', string);
info(0x02, 'Address', printAddresses);
info(0x03, 'Port-ID', string);
info(0x04, 'Capability', (c, t) => { const v = t.capabilities; c.write(`(0x${v.toString(16).padStart(8, '0')}): ${bitNames(capabilities, 'none', v)}`); }, 4, 4);
info(0x05, 'Version String', printVersion);
info(0x06, 'Platform', string);
info(0x07, 'Prefixes', printPrefixes);
info(0x08, 'Protocol-Hello option', undefined);
info(0x09, 'VTP Management Domain', string);
info(0x0a, 'Native VLAN ID', (c, t) => c.write(String(t.u16Value)), 2, 2);
info(0x0b, 'Duplex', (c, t) => c.write(t.u8Value ? 'full' : 'half'), 1, 1);
const ata: ValuePrinter = (c, t, len) => c.write(len === 2 ? `unknown 0x${t.u16Value.toString(16).padStart(4, '0')}` : `app ${t.ataApplication}, vlan ${t.ataVlan}`);
info(0x0e, 'ATA-186 VoIP VLAN assignment', ata, 3, 3);
info(0x0f, 'ATA-186 VoIP VLAN request', ata, 2, 3);
info(0x10, 'power consumption', (c, t, len) => c.write(`${((len >= 1 && len <= 3 ? t.uint(len) : 0) / 1000).toFixed(2)}W`), 1, 3);
info(0x11, 'MTU', (c, t) => c.write(`${t.mtu} bytes`), 4, 4);
const byte: ValuePrinter = (c, t) => c.write(`0x${hex2(t.u8Value)}`);
info(0x12, 'AVVID trust bitmap', byte, 1, 1);
info(0x13, 'AVVID untrusted ports CoS', byte, 1, 1);
info(0x14, 'System Name', string);
info(0x15, 'System Object ID (not decoded)', undefined);
info(0x16, 'Management Addresses', printAddresses, 4);
info(0x17, 'Physical Location', (c, t, len) => {
  c.write(`0x${hex2(t.u8Value)}`);
  if (len > 1) { c.write('/'); printN(c, t, H + 1, len - 1); }
}, 1);

/** The version string, each of its lines indented (cdp_print_version). */
function printVersion(c: PrintContext, t: CdpTlv, len: number): void {
  let s = '\n\t  ';
  try {
    for (let i = 0; i < len; i++) {
      const ch = t.valueByte(i);
      s += ch === 0x0a ? '\n\t  ' : safeChar(ch);
    }
  } finally {
    c.write(s);
  }
}

/** IPv4 prefixes, 5 bytes each (cdp_print_prefixes). */
function printPrefixes(c: PrintContext, t: CdpTlv, len: number): void {
  if (len % 5) {
    c.write(` [length ${len} is not a multiple of 5]`);
    t.need(H + len);
    return;
  }
  c.write(` IPv4 Prefixes (${len / 5}):`);
  for (let i = 0; i < len / 5; i++) c.write(` ${t.prefix(i)}`);
}

/** The address list (cdp_print_addr): IPv4 by NLPID, IPv6 by an LLC/SNAP header, others as hex. */
function printAddresses(c: PrintContext, t: CdpTlv, len: number): void {
  let l = len, pos = 0;
  // A malformed list: tcpdump then only checks that the rest was captured.
  const invalid = (): void => t.need(H + pos + l);
  if (l < 4) { c.write(' (not enough space for num)'); invalid(); return; }
  let num = t.addressCount;
  pos += 4; l -= 4;
  while (num) {
    if (l < 2) { c.write(' (not enough space for PT+PL)'); invalid(); return; }
    const pt = t.addressProtocolType(pos), pl = t.addressProtocolLength(pos);
    if (l - 2 < pl + 2) { pos += 2; l -= 2; c.write(' (not enough space for P+AL)'); invalid(); return; }
    const al = t.addressLength(pos, pl);
    if (pt === 1 && pl === 1 && t.addressNlpid(pos) === 0xcc && al === 4) {
      pos += 2 + pl + 2; l -= 2 + pl + 2;
      if (l < al) { c.write(' (not enough space for A)'); invalid(); return; }
      c.write(`IPv4 (${num}) ${t.ipv4(pos)}`);
      pos += al; l -= al;
    } else if (pt === 2 && pl === 8 && t.addressIsIpv6Snap(pos) && al === 16) {
      pos += 2 + pl + 2; l -= 2 + pl + 2;
      if (l < al) { c.write(' (not enough space for A)'); invalid(); return; }
      c.write(`IPv6 (${num}) ${t.ipv6(pos)}`);
      pos += al; l -= al;
    } else {
      pos += 2; l -= 2;
      c.write(`pt=0x${hex2(pt)}, pl=${pl}, pb=`);
      for (let i = 0; i < pl; i++) c.write(` ${hex2(t.valueByte(pos + i))}`);
      pos += pl + 2; l -= pl + 2;
      c.write(`, al=${al}, a=`);
      if (l < al) { c.write(' (not enough space for A)'); invalid(); return; }
      for (let i = 0; i < al; i++) c.write(` ${hex2(t.valueByte(pos + i))}`);
      pos += al; l -= al;
    }
    num--;
    if (num) c.write(' ');
  }
  if (l) c.write(` (${l} bytes of stray data)`);
}

/** CDP message `cdp`, `length` bytes on the wire (cdp_print). */
export function printCdp(c: PrintContext, cdp: Cdp, length: number): void {
  c.protocol = 'cdp';
  const t = cdp.first();
  const origLength = length;
  if (length < CDP_HEADER_LENGTH) {
    c.write(` (packet length ${length} < ${CDP_HEADER_LENGTH})`);
    c.invalid();
    cdp.need(length);
    return;
  }
  c.write(`CDPv${cdp.version}, ttl: ${cdp.ttl}s`);
  const checksum = cdp.checksum;
  const v = c.o.verbose;
  if (v) c.write(`, checksum: 0x${checksum.toString(16).padStart(4, '0')} (unverified), length ${origLength}`);
  let pos = t.off;
  length -= CDP_HEADER_LENGTH;
  while (length) {
    t.point(pos, cdp.end);
    if (length < H) {
      c.write(` (remaining packet length ${length} < ${H})`);
      c.invalid();
      t.need(length);
      return;
    }
    const type = t.type;
    let len = t.tlvLength;
    const i = type < tlvs.length ? tlvs[type] : undefined;
    const name = i?.name ?? 'unknown field type';
    if (len < H) {
      c.write(v ? `\n\t${name} (0x${hex2(type)}), TLV length: ${len} byte${len === 1 ? '' : 's'} (too short)` : `, ${name} TLV length ${len} too short`);
      c.invalid();
      t.need(length);
      return;
    }
    if (len > length) {
      c.write(` (TLV length ${len} > ${length})`);
      c.invalid();
      t.need(length);
      return;
    }
    length -= H; len -= H;
    // Without -v only the device ID.
    if (!v && type === 1) c.write(', Device-ID ');
    else if (v) c.write(`\n\t${name} (0x${hex2(type)}), value length: ${len} byte${len === 1 ? '' : 's'}: `);
    let covered = false;
    if (i) {
      if ((i.min > 0 && len < i.min) || (i.max > 0 && len > i.max)) {
        c.write(' (malformed TLV)');
      } else if (v || type === 1) {
        if (i.print) i.print(c, t, len);
        else t.need(H + len);
        // A type without a printer shows no hex dump.
        covered = true;
      }
    }
    if (!covered) {
      t.need(H + len);
      unknownData(c, '\n\t  ', t.valueStart, len);
    }
    pos += H + len;
    length -= len;
  }
  if (v < 1) c.write(`, length ${origLength}`);
}
