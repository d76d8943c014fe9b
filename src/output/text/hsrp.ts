/** HSRP (tcpdump's print-hsrp.c), on UDP destination port 1985. */
import type { PrintContext } from './context.js';
import { HSRP_AUTH_INDEX, HSRP_AUTH_LENGTH, type Hsrp } from '../../decoders/hsrp.js';
import { printJnp } from './print-char.js';
import { relts, TokTable } from './util-print.js';

const opCodes = ['hello', 'coup', 'resign'];
const states = new TokTable([[0, 'initial'], [1, 'learn'], [2, 'listen'], [4, 'speak'], [8, 'standby'], [16, 'active']]);

/** An HSRP message, `length` bytes of UDP payload. */
export function printHsrp(c: PrintContext, hsrp: Hsrp, length: number): void {
  c.protocol = 'hsrp';
  const version = hsrp.version;
  c.write(`HSRPv${version}`);
  if (version !== 0) return;
  c.write('-');
  const op = hsrp.opCode;
  c.write(`${opCodes[op] ?? `unknown (${op})`} ${length}: `);
  const state = hsrp.state;
  c.write(`state=${states.str(state, `Unknown (${state})`)} `);
  c.write(`group=${hsrp.group} `);
  const reserved = hsrp.reserved;
  if (reserved !== 0) c.write(`[reserved=${reserved}!] `);
  c.write(`addr=${hsrp.virtualAddress}`);
  if (c.o.verbose) {
    c.write(' hellotime=');
    c.write(relts(hsrp.helloTime));
    c.write(' holdtime=');
    c.write(relts(hsrp.holdTime));
    c.write(` priority=${hsrp.priority}`);
    c.write(' auth="');
    printJnp(c, hsrp, HSRP_AUTH_INDEX, HSRP_AUTH_LENGTH);
    c.write('"');
  }
}
