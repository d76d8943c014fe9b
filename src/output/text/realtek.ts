/** Realtek's switch protocols (tcpdump's print-realtek.c): RRCP, REP, RLDP and the chips' CPU tags. */
import type { PrintContext } from './context.js';
import { RealtekProtocol, RrcpOpcode, type Realtek } from '../../decoders/realtek.js';
import { hex16, hex8 } from './names.js';
import { hex32 } from './util-print.js';

const OPCODES = ['hello', 'get', 'set'];

/** A Realtek frame: tcpdump names the link addresses first when the frame came with them (Ethernet). */
export function printRealtek(c: PrintContext, r: Realtek): void {
  c.protocol = 'rtl';
  if (c.linkAddressesAt === r.off) c.write(`${c.linkAddresses!.src} > ${c.linkAddresses!.dst}, `);
  const protocol = r.protocol;
  if (protocol === RealtekProtocol.Rrcp) printRrcp(c, r);
  else if (protocol === RealtekProtocol.Rep) c.write('REP');
  else if (protocol === RealtekProtocol.Rldp || protocol === RealtekProtocol.Rldp2) c.write('RLDP');
  else if (protocol === RealtekProtocol.Dsa8) c.write('Realtek 8-byte DSA tag');
  else if ((protocol & 0xf0) === 0x90) c.write('Realtek RTL8306 4-byte DSA tag');
  else if ((protocol & 0xf0) === 0xa0) c.write('Realtek RTL8366RB 4-byte DSA tag');
  else c.write(`Realtek unknown type 0x${hex8(protocol)}`);
}

function printRrcp(c: PrintContext, r: Realtek): void {
  c.protocol = 'rrcp';
  const opcode = r.opcode, reply = r.isReply;
  c.write(`RRCP ${reply ? 'reply' : 'query'}: ${OPCODES[opcode] ?? `unknown opcode (0x${hex8(opcode)})`}`);
  const register = opcode === RrcpOpcode.Get || opcode === RrcpOpcode.Set;
  if (register) {
    const address = r.registerAddress, data = r.registerData;
    c.write(` addr=0x${hex16(address)}, data=0x${hex32(data)}`);
  }
  c.write(`, auth=0x${hex16(r.authKey)}`);
  if (opcode === RrcpOpcode.Hello && reply) {
    const down = r.downlinkPort, up = r.uplinkPort, mac = r.uplinkMac, vendor = r.vendorId, chip = r.chipId;
    c.write(` downlink_port=${down}, uplink_port=${up}, uplink_mac=${mac}, vendor_id=${hex32(vendor)} ,chip_id=${hex16(chip)} `);
  } else if (register) {
    const cookie2 = r.cookie2, cookie1 = r.cookie1;
    c.write(`, cookie=0x${hex32(cookie2)}${hex32(cookie1)} `);
  }
}
