/** VQP (tcpdump's print-vqp.c), on UDP port 1589. */
import type { PrintContext } from './context.js';
import { VQP_HEADER_LENGTH, VQP_OBJECT_HEADER_LENGTH, VqpObject, type Vqp } from '../../decoders/vqp.js';
import { printJnp } from './print-char.js';
import { unknownData } from './tok.js';
import { hex32, TokTable } from './util-print.js';

const messageTypes = new TokTable([[1, 'Request, Join Port'], [2, 'Response, VLAN'], [3, 'Request, Reconfirm'], [4, 'Response, Reconfirm']]);
const errorCodes = new TokTable([[0, 'No error'], [3, 'Access denied'], [4, 'Shutdown port'], [5, 'Wrong VTP domain']]);
const objectNames = new TokTable([
  [VqpObject.IpAddress, 'Client IP Address'], [VqpObject.PortName, 'Port Name'], [VqpObject.VlanName, 'VLAN Name'], [VqpObject.VtpDomain, 'VTP Domain'],
  [VqpObject.EthernetPacket, 'Ethernet Packet'], [VqpObject.MacNull, 'MAC Null'], [VqpObject.MacAddress, 'MAC Address'],
]);

/** A VQP message, `length` bytes of UDP payload (cut short: tcpdump's GET_ macros unwind, as need() does). */
export function printVqp(c: PrintContext, v: Vqp, length: number): void {
  c.protocol = 'vqp';
  v.need(VQP_HEADER_LENGTH);
  if (length < VQP_HEADER_LENGTH) { c.invalid(); return; }
  const version = v.version;
  if (version !== 1) { c.write(`VQP version ${version} packet not supported`); return; }
  const type = v.messageType, error = v.errorCode;
  const head = `${messageTypes.str(type, `unknown (${type})`)} Message, error-code ${errorCodes.str(error, 'unknown')} (${error})`;
  if (!c.o.verbose) { c.write(`VQPv${version} ${head}, length ${length}`); return; }
  let items = v.objectCount;
  c.write(`\n\tVQPv${version}, ${head}, seq 0x${hex32(v.sequence)}, items ${items}, length ${length}`);
  let at = VQP_HEADER_LENGTH, left = length - VQP_HEADER_LENGTH;
  while (items !== 0 && left !== 0) {
    v.need(at + VQP_OBJECT_HEADER_LENGTH);
    if (left < VQP_OBJECT_HEADER_LENGTH) { c.invalid(); return; }
    const objType = v.objectType(at), len = v.objectLength(at);
    at += VQP_OBJECT_HEADER_LENGTH; left -= VQP_OBJECT_HEADER_LENGTH;
    c.write(`\n\t  ${objectNames.str(objType, 'Unknown')} Object (0x${hex32(objType)}), length ${len}, value: `);
    if (objType === 0 || len === 0) return;
    v.need(at + len);
    if (len > left) { c.invalid(); return; }
    switch (objType) {
      case VqpObject.IpAddress:
        if (len !== 4) { c.invalid(); return; }
        c.write(`${v.ipv4At(at)} (0x${hex32(v.u32At(at))})`);
        break;
      case VqpObject.PortName: case VqpObject.VlanName: case VqpObject.VtpDomain: case VqpObject.EthernetPacket:
        printJnp(c, v, at, len);
        break;
      case VqpObject.MacAddress: case VqpObject.MacNull:
        if (len !== 6) { c.invalid(); return; }
        c.write(v.macAt(at));
        break;
      default:
        if (c.o.verbose <= 1) unknownData(c, '\n\t    ', v.off + at, len);
    }
    at += len; left -= len; items--;
  }
}
