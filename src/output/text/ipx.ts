/**
 * Novell IPX (tcpdump's print-ipx.c: ipx_print and its SAP and RIP printers), and with --smb the
 * NetBIOS data after it (print-smb.c's ipx_netbios_print: an SMB message within its first 128
 * bytes). tcpdump's IPX printer longjmps on every cut (ND_LONGJMP_FROM_TCHECK): the views' checked reads.
 */
import type { PrintContext } from './context.js';
import { printLayer } from './dispatch.js';
import { smbFdata } from './smb-fdata.js';
import { printJnp } from './tok.js';
import { Layer } from '../../decoders/layer.js';
import { IPX_HEADER_LENGTH, IpxSocket, type Ipx } from '../../decoders/ipx.js';
import type { SmbBytes } from '../../decoders/smb.js';

const hex4 = (v: number): string => v.toString(16).padStart(4, '0');
const hex8 = (v: number): string => v.toString(16).padStart(8, '0');

/** ipx_print after an EtherType (ethertype_print prints "(NOV-ETHII) " first). */
export function printIpxEthertype(c: PrintContext, v: Ipx, length: number): void {
  c.write('(NOV-ETHII) ');
  printIpx(c, v, length);
}

/** ipx_print: the addresses, then by destination socket; `length` is overridden by the header's. */
export function printIpx(c: PrintContext, v: Ipx, _length: number): void {
  c.protocol = 'ipx';
  if (!c.o.linkHeader) c.write('IPX ');
  { const net = v.srcNet, node = v.srcNode, skt = v.srcSocket; c.write(`${hex8(net)}.${node}.${hex4(skt)} > `); }
  { const net = v.dstNet, node = v.dstNode, skt = v.dstSocket; c.write(`${hex8(net)}.${node}.${hex4(skt)}: `); }
  const length = v.packetLength;
  if (length < IPX_HEADER_LENGTH) { c.write(`[length ${length} < ${IPX_HEADER_LENGTH}]`); c.invalid(); return; }
  const r = v.bytes.point(v.off, c.end);
  const len = length - IPX_HEADER_LENGTH;
  const skt = v.dstSocket;
  switch (skt) {
    case IpxSocket.Ncp: c.write(`ipx-ncp ${len}`); break;
    case IpxSocket.Sap: sap(c, r, len); break;
    case IpxSocket.Rip: rip(c, r, len); break;
    case IpxSocket.Netbios:
      c.write(`ipx-netbios ${len}`);
      if (c.o.smb === true) netbios(c, v, r, len);
      break;
    case IpxSocket.Diagnostics: c.write(`ipx-diags ${len}`); break;
    case IpxSocket.NwlinkDatagram:
      c.write(`ipx-nwlink-dgm ${len}`);
      if (c.o.smb === true) netbios(c, v, r, len);
      break;
    case IpxSocket.Eigrp: printLayer(c, Layer.Eigrp, v.off + IPX_HEADER_LENGTH, len); break;
    default: c.write(`ipx-#${skt.toString(16)} ${len}`); break;
  }
}

/** ipx_sap_print: requests name a server type; responses list up to 8 servers (type, name, address). */
function sap(c: PrintContext, r: SmbBytes, length: number): void {
  let pos = IPX_HEADER_LENGTH;
  const command = r.u16be(pos);
  if (length < 2) { c.write(` [length ${length} < 2]`); c.invalid(); return; }
  pos += 2; length -= 2;
  switch (command) {
    case 1: case 3:
      c.write(command === 1 ? 'ipx-sap-req' : 'ipx-sap-nearest-req');
      c.write(` ${hex4(r.u16be(pos))}`);
      break;
    case 2: case 4:
      c.write(command === 2 ? 'ipx-sap-resp' : 'ipx-sap-nearest-resp');
      for (let i = 0; i < 8 && length !== 0; i++) {
        r.need(pos + 2);
        if (length < 2) { c.invalid(); return; }
        c.write(` ${hex4(r.u16be(pos))} '`);
        pos += 2; length -= 2;
        if (length < 48) { c.write("'"); c.invalid(); return; }
        printJnp(c, r, pos, 48);
        c.write("'");
        pos += 48; length -= 48;
        r.need(pos + 10);
        if (length < 10) { c.invalid(); return; }
        c.write(` addr ${hex8(r.u32be(pos))}.${node(r, pos + 4)}`);
        pos += 10; length -= 10;
        r.need(pos + 4);
        if (length < 4) { c.invalid(); return; }
        pos += 4; length -= 4;
      }
      break;
    default: c.write(`ipx-sap-?${command.toString(16)}`); break;
  }
}

function node(r: SmbBytes, at: number): string {
  let s = '';
  for (let k = 0; k < 6; k++) s += (k > 0 ? ':' : '') + r.u8(at + k).toString(16).padStart(2, '0');
  return s;
}

/** ipx_rip_print: a request names one network; a response lists up to 50 (network/hops.ticks). */
function rip(c: PrintContext, r: SmbBytes, length: number): void {
  let pos = IPX_HEADER_LENGTH;
  const command = r.u16be(pos);
  if (length < 2) { c.write(` [length ${length} < 2]`); c.invalid(); return; }
  pos += 2; length -= 2;
  switch (command) {
    case 1:
      c.write('ipx-rip-req');
      if (length !== 0) {
        if (length < 8) { c.invalid(); return; }
        c.write(` ${hex8(r.u32be(pos))}/${r.u16be(pos + 4)}.${r.u16be(pos + 6)}`);
      }
      break;
    case 2:
      c.write('ipx-rip-resp');
      for (let i = 0; i < 50 && length !== 0; i++) {
        if (length < 8) { c.invalid(); return; }
        c.write(` ${hex8(r.u32be(pos))}/${r.u16be(pos + 4)}.${r.u16be(pos + 6)}`);
        pos += 8; length -= 8;
      }
      break;
    default: c.write(`ipx-rip-?${command.toString(16)}`); break;
  }
}

/** ipx_netbios_print (--smb): the bytes before an SMB message in the first 128, then the message. */
function netbios(c: PrintContext, v: Ipx, r: SmbBytes, length: number): void {
  c.protocol = 'ipx_netbios';
  const data = IPX_HEADER_LENGTH;
  const maxbuf = Math.min(data + length, c.avail(v.off));
  let i = 0;
  for (; i < 128; i++) {
    if (data + i + 4 > maxbuf) break;
    if (r.isSmb1At(data + i)) {
      smbFdata(c, r, data, '\n>>> IPX transport ', data + i, false);
      printLayer(c, Layer.Smb, v.off + data + i, maxbuf - data - i);
      break;
    }
  }
  if (i === 128) smbFdata(c, r, data, '\n>>> Unknown IPX ', maxbuf, false);
}
