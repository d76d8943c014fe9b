/** Realtek's switch protocols (tcpdump's print-realtek.c): RRCP, REP, RLDP and the chips' CPU tags. */
import type { PrintContext } from './context.js';
import { RealtekProtocol, RrcpOpcode, type Realtek } from '../../decoders/realtek.js';

const OPCODES = ['hello', 'get', 'set'];
const hex = (v: number, w: number): string => v.toString(16).padStart(w, '0');

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
  else c.write(`Realtek unknown type 0x${hex(protocol, 2)}`);
}

function printRrcp(c: PrintContext, r: Realtek): void {
  c.protocol = 'rrcp';
  const opcode = r.opcode, reply = r.isReply;
  c.write(`RRCP ${reply ? 'reply' : 'query'}: ${OPCODES[opcode] ?? `unknown opcode (0x${hex(opcode, 2)})`}`);
  const register = opcode === RrcpOpcode.Get || opcode === RrcpOpcode.Set;
  if (register) {
    const address = r.registerAddress, data = r.registerData;
    c.write(` addr=0x${hex(address, 4)}, data=0x${hex(data, 8)}`);
  }
  c.write(`, auth=0x${hex(r.authKey, 4)}`);
  if (opcode === RrcpOpcode.Hello && reply) {
    const down = r.downlinkPort, up = r.uplinkPort, mac = r.uplinkMac, vendor = r.vendorId, chip = r.chipId;
    c.write(` downlink_port=${down}, uplink_port=${up}, uplink_mac=${mac}, vendor_id=${hex(vendor, 8)} ,chip_id=${hex(chip, 4)} `);
  } else if (register) {
    const cookie2 = r.cookie2, cookie1 = r.cookie1;
    c.write(`, cookie=0x${hex(cookie2, 8)}${hex(cookie1, 8)} `);
  }
}
