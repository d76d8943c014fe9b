/** Broadcom's lawful-intercept shim (tcpdump's print-bcm-li.c): the shim's fields, then with -v the intercepted packet. */
import type { PrintContext } from './context.js';
import { TRUNCATED } from './context.js';
import { Layer } from '../../decoders/layer.js';
import { BCM_LI_ETHERNET, BCM_LI_IPV4, BCM_LI_IPV6, BCM_LI_SHIM_LENGTH, BCM_LI_UNDECIDED, type BcmLi } from '../../decoders/bcm-li.js';
import { printLayer } from './dispatch.js';

const directions: Record<number, string> = { 1: 'unused', 2: 'egress', 3: 'ingress' };
const types: Record<number, string> = { [BCM_LI_UNDECIDED]: 'undecided', [BCM_LI_IPV4]: 'ipv4', [BCM_LI_IPV6]: 'ipv6', [BCM_LI_ETHERNET]: 'ethernet' };
const subtypes: Record<number, string> = { 1: 'single VLAN tag', 2: 'double VLAN tag', 3: 'untagged' };

/** A shim and the packet it carries, `length` bytes in all. */
export function printBcmLi(c: PrintContext, s: BcmLi, length: number): void {
  c.protocol = 'bcm_li';
  if (length < BCM_LI_SHIM_LENGTH) { c.write(` (length ${length} < ${BCM_LI_SHIM_LENGTH})`); c.invalid(); return; }
  const verbose = c.o.verbose > 0;
  const direction = s.direction, type = s.packetType, subtype = s.packetSubtype, id = s.interceptId;
  c.write(`${verbose ? '\n    ' : ''}BCM-LI-SHIM: direction ${directions[direction] ?? 'unknown'}, pkt-type ${types[type] ?? 'unknown'}`
    + `, pkt-subtype ${subtypes[subtype] ?? 'unknown'}, li-id ${id}${verbose ? '\n    ' : ''}`);
  const off = s.off + BCM_LI_SHIM_LENGTH, rest = length - BCM_LI_SHIM_LENGTH;
  // Without -v tcpdump only checks that the whole packet was captured.
  if (!verbose) { if (!s.has(length)) throw TRUNCATED; return; }
  switch (type) {
    case BCM_LI_ETHERNET: printLayer(c, Layer.Ethernet, off, rest); return;
    case BCM_LI_IPV4: printLayer(c, Layer.Ipv4, off, rest); return;
    case BCM_LI_IPV6: printLayer(c, Layer.Ipv6, off, rest); return;
    case BCM_LI_UNDECIDED: {
      // The IP version by the first nibble (a read past the capture is a cut).
      const v = s.byte(BCM_LI_SHIM_LENGTH) >> 4;
      if (v === 4) printLayer(c, Layer.Ipv4, off, rest);
      else if (v === 6) printLayer(c, Layer.Ipv6, off, rest);
      else c.write('unknown payload');
      return;
    }
    default: c.invalid();
  }
}
