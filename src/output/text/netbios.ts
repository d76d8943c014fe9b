/**
 * NetBIOS over TCP/IP, as tcpdump 4.99.3 built with --enable-smb prints it (print-smb.c:
 * nbt_udp137_print, nbt_udp138_print, nbt_tcp_print). Debian's tcpdump is built without it and prints
 * these as plain UDP/TCP: vcap prints them only with --smb (the port printers check `c.o.smb`).
 * The layouts are tcpdump's format strings, interpreted by smb-fdata.ts over the views' `bytes`.
 */
import type { PrintContext } from './context.js';
import { printLayer } from './dispatch.js';
import { smbDataPrint, smbFdata } from './smb-fdata.js';
import { tokName, type Tok } from './tok.js';
import { Layer } from '../../decoders/layer.js';
import { NBNS_HEADER_LENGTH, NBSS_HEADER_LENGTH, type NetbiosDgm, type NetbiosNs, type NetbiosSession } from '../../decoders/netbios.js';

const OPCODES: Tok = [[0, 'QUERY'], [5, 'REGISTRATION'], [6, 'RELEASE'], [7, 'WACK'], [8, 'REFRESH(8)'], [9, 'REFRESH'], [15, 'MULTIHOMED REGISTRATION']];

/** nbt_udp137_print: a name service message, `length` bytes of UDP payload. */
export function printNetbiosNs(c: PrintContext, v: NetbiosNs, length: number): void {
  c.protocol = 'nbt_udp137';
  const r = v.bytes.point(v.off, c.end);
  const maxbuf = length;
  const id = v.transactionId, response = v.isResponse, opcode = v.opcode, nmFlags = v.nmFlags, rcode = v.rcode;
  const qd = v.questionCount, an = v.answerCount, ns = v.authorityCount, ar = v.additionalCount;
  if (maxbuf <= 0) return;
  if (c.o.verbose > 1) c.write('\n>>> ');
  c.write(`NBT UDP PACKET(137): ${tokName(OPCODES, 'OPUNKNOWN', opcode)}`);
  if (response) c.write(`; ${rcode !== 0 ? 'NEGATIVE' : 'POSITIVE'}`);
  c.write(`; ${response ? 'RESPONSE' : 'REQUEST'}; ${(nmFlags & 1) !== 0 ? 'BROADCAST' : 'UNICAST'}`);
  if (c.o.verbose < 2) return;
  c.write(`\nTrnID=0x${hex(id)}\nOpCode=${opcode}\nNmFlags=0x${hex(nmFlags)}\nRcode=${rcode}\nQueryCount=${qd}\nAnswerCount=${an}\nAuthorityCount=${ns}\nAddressRecCount=${ar}\n`);
  let pos: number | null = NBNS_HEADER_LENGTH;
  const total = an + ns + ar;
  if (qd > 100 || total > 100) { c.write('Corrupt packet??\n'); return; }
  if (qd !== 0) {
    c.write('QuestionRecords:\n');
    for (let i = 0; i < qd; i++) {
      pos = smbFdata(c, r, pos, '|Name=[n1]\nQuestionType=[rw]\nQuestionClass=[rw]\n#', maxbuf, false);
      if (pos === null) return;
    }
  }
  if (total !== 0) {
    c.write('\nResourceRecords:\n');
    for (let i = 0; i < total; i++) {
      pos = smbFdata(c, r, pos, 'Name=[n1]\n#', maxbuf, false);
      if (pos === null) return;
      const restype = r.u16be(pos);
      pos = smbFdata(c, r, pos, 'ResType=[rw]\nResClass=[rw]\nTTL=[rU]\n', pos + 8, false);
      if (pos === null) return;
      const rdlen = r.u16be(pos);
      c.write(`ResourceLength=${rdlen}\nResourceData=\n`);
      pos += 2;
      if (rdlen === 6) {
        pos = smbFdata(c, r, pos, 'AddrType=[rw]\nAddress=[b.b.b.b]\n', pos + rdlen, false);
        if (pos === null) return;
      } else if (restype === 0x21) {
        let numnames = r.u8(pos);
        pos = smbFdata(c, r, pos, 'NumNames=[B]\n', pos + 1, false);
        if (pos === null) return;
        while (numnames > 0) {
          pos = smbFdata(c, r, pos, 'Name=[n2]\t#', maxbuf, false);
          if (pos === null) return;
          if (!r.has(pos + 1)) { c.truncMark(); return; }
          if (pos >= maxbuf) return;
          const f = r.u8(pos);
          if ((f & 0x80) !== 0) c.write('<GROUP> ');
          c.write(['B ', 'P ', 'M ', '_ '][(f & 0x60) >> 5]!);
          if ((f & 0x10) !== 0) c.write('<DEREGISTERING> ');
          if ((f & 0x08) !== 0) c.write('<CONFLICT> ');
          if ((f & 0x04) !== 0) c.write('<ACTIVE> ');
          if ((f & 0x02) !== 0) c.write('<PERMANENT> ');
          c.write('\n');
          pos += 2;
          numnames--;
        }
      } else {
        if (pos >= maxbuf) return;
        smbDataPrint(c, r, pos, Math.min(rdlen, (length - pos) >>> 0));
        pos += rdlen;
      }
    }
  }
  if (pos < maxbuf) smbFdata(c, r, pos, 'AdditionalData:\n', maxbuf, false);
}

/** nbt_udp138_print: a datagram service message; SMB in its user data. */
export function printNetbiosDgm(c: PrintContext, v: NetbiosDgm, length: number): void {
  c.protocol = 'nbt_udp138';
  const r = v.bytes.point(v.off, c.end);
  const maxbuf = Math.min(length, c.avail(v.off));
  if (maxbuf <= 0) return;
  if (c.o.verbose < 2) { c.write('NBT UDP PACKET(138)'); return; }
  const pos = smbFdata(c, r, 0,
    '\n>>> NBT UDP PACKET(138) Res=[rw] ID=[rw] IP=[b.b.b.b] Port=[ru] Length=[ru] Res2=[rw]\nSourceName=[n1]\nDestName=[n1]\n#', maxbuf, false);
  if (pos === null || pos + 3 >= maxbuf) return;
  if (r.isSmb1At(pos)) printLayer(c, Layer.Smb, v.off + pos, maxbuf - pos);
}

const REJECT: Tok = [[0x80, 'Not listening on called name'], [0x81, 'Not listening for calling name'], [0x82, 'Called name not present'],
  [0x83, 'Called name present, but insufficient resources']];

/** nbt_tcp_print: a session service message (TCP 139), `length` bytes of TCP payload. */
export function printNetbiosSsn(c: PrintContext, v: NetbiosSession, length: number): void {
  c.protocol = 'nbt_tcp';
  let caplen = c.avail(v.off);
  if (length < 4 || caplen < 4) { c.truncMark(); return; }
  const r = v.bytes.point(v.off, c.end);
  const maxbuf = caplen;
  const type = r.u8(0);
  const nbtLen = r.u16be(2);
  length -= 4;
  caplen -= 4;
  if (c.o.verbose < 2) {
    c.write(' NBT Session Packet: ');
    switch (type) {
      case 0x00: c.write('Session Message'); break;
      case 0x81: c.write('Session Request'); break;
      case 0x82: c.write('Session Granted'); break;
      case 0x83: {
        if (nbtLen < 4 || length < 4 || caplen < 4) { c.truncMark(); return; }
        const ecode = r.u8(4);
        c.write(`Session Reject, ${tokName(REJECT, `Unspecified error 0x${hex(ecode)}`, ecode)}`);
        break;
      }
      case 0x85: c.write('Session Keepalive'); break;
      default: smbFdata(c, r, 0, 'Unknown packet type [rB]', maxbuf, false); break;
    }
    return;
  }
  c.write('\n>>> NBT Session Packet\n');
  switch (type) {
    case 0x00: {
      const pos = smbFdata(c, r, 0, '[P1]NBT Session Message\nFlags=[B]\nLength=[ru]\n', NBSS_HEADER_LENGTH, false);
      if (pos === null) break;
      if (nbtLen >= 4 && caplen >= 4 && r.isSmb1At(pos)) {
        if (nbtLen > caplen) {
          if (nbtLen > length) c.write('WARNING: Packet is continued in later TCP segments\n');
          else c.write(`WARNING: Short packet. Try increasing the snap length by ${nbtLen - caplen}\n`);
        }
        printLayer(c, Layer.Smb, v.off + pos, maxbuf > pos + nbtLen ? nbtLen : maxbuf - pos);
      } else c.write('Session packet:(raw data or continuation?)\n');
      break;
    }
    case 0x81:
      smbFdata(c, r, 0, '[P1]NBT Session Request\nFlags=[B]\nLength=[ru]\nDestination=[n1]\nSource=[n1]\n', maxbuf, false);
      break;
    case 0x82: smbFdata(c, r, 0, '[P1]NBT Session Granted\nFlags=[B]\nLength=[ru]\n', maxbuf, false); break;
    case 0x83: {
      const pos = smbFdata(c, r, 0, '[P1]NBT SessionReject\nFlags=[B]\nLength=[ru]\nReason=[B]\n', maxbuf, false);
      if (pos === null) break;
      if (nbtLen >= 1 && caplen >= 1) {
        const ecode = r.u8(4);
        c.write(`${tokName(REJECT, `Unspecified error 0x${hex(ecode)}`, ecode)}\n`);
      }
      break;
    }
    case 0x85: smbFdata(c, r, 0, '[P1]NBT Session Keepalive\nFlags=[B]\nLength=[ru]\n', maxbuf, false); break;
    default: smbFdata(c, r, 0, 'NBT - Unknown packet type\nType=[B]\n', maxbuf, false); break;
  }
}

function hex(n: number): string { return n.toString(16).toUpperCase(); }
