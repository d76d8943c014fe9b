/** MS NLB heartbeats (tcpdump's print-msnlb.c). */
import type { PrintContext } from './context.js';
import type { MsNlb } from '../../decoders/msnlb.js';

/** An MS NLB heartbeat (msnlb_print: every field a GET, so a cut unwinds to ` [|msnlb]`). */
export function printMsNlb(c: PrintContext, nlb: MsNlb): void {
  c.protocol = 'msnlb';
  c.write('MS NLB heartbeat');
  c.write(`, host priority: ${nlb.hostPriority}`);
  c.write(`, cluster IP: ${nlb.clusterIp}`);
  c.write(`, host IP: ${nlb.hostIp}`);
}
