/** Linux vsock monitor frames (LINKTYPE_VSOCK, tcpdump's print-vsock.c). */
import type { PrintContext } from './context.js';
import { hexPrint } from './dump.js';
import { Layer } from '../../decoders/layer.js';
import { VSOCK_HEADER_LENGTH, VsockOp, VsockTransport, vsockTransportHeaderLength, type Vsock } from '../../decoders/vsock.js';

const transports = ['UNKNOWN', 'NO_INFO', 'VIRTIO'];
const ops = ['UNKNOWN', 'CONNECT', 'DISCONNECT', 'CONTROL', 'PAYLOAD'];
const virtioTypes = [undefined, 'STREAM'];
const virtioOps = ['INVALID', 'REQUEST', 'RESPONSE', 'RST', 'SHUTDOWN', 'RW', 'CREDIT UPDATE', 'CREDIT REQUEST'];

/** LINKTYPE_VSOCK: returns the link-header length. */
export function printVsock(c: PrintContext, _length: number): number {
  c.protocol = 'vsock';
  const v = c.pkt.views.table[Layer.Vsock] as Vsock;
  const caplen = v.captured;
  if (caplen < VSOCK_HEADER_LENGTH) { c.truncMark(); return caplen; }
  const transport = v.transport;
  c.write(transports[transport] ?? `Invalid transport (${transport})`);
  const total = VSOCK_HEADER_LENGTH + vsockTransportHeaderLength(transport);
  // The transport header needs to be there whole for -v (else the line ends in [|vsock]).
  let ok = true;
  if (c.o.verbose) {
    ok = caplen >= total;
    if (ok) {
      if (transport === VsockTransport.Virtio) {
        c.write(` (len ${v.virtioLength}, type ${virtioTypes[v.virtioType] ?? `Invalid type (${v.virtioType})`}`);
        c.write(`, op ${virtioOps[v.virtioOp] ?? `Invalid op (${v.virtioOp})`}, flags ${v.virtioFlags.toString(16)}`);
        c.write(`, buf_alloc ${v.virtioBufAlloc}, fwd_cnt ${v.virtioFwdCnt})`);
      }
      c.write('\n\t');
    }
  } else {
    c.write(' ');
  }
  const op = v.op;
  c.write(`${v.srcCid}.${v.srcPort} > ${v.dstCid}.${v.dstPort} ${ops[op] ?? ` invalid op (${op})`}, length ${caplen}`);
  if (!ok) { c.truncMark(); return VSOCK_HEADER_LENGTH; }
  if (c.o.verbose > 1 && op === VsockOp.Payload) {
    if (caplen > total) c.write('\n' + hexPrint(c, '\t', v.off + total, caplen - total));
    else c.truncMark();
  }
  return VSOCK_HEADER_LENGTH;
}
