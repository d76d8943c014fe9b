// `vcap ifaces [--netns NS] [--json] [NAME…]`: the interface inventory of a namespace.
import { writeSync } from 'node:fs';
import { VcapError } from '../errors.js';
import { parseCommandArgs } from './command-args.js';
import { formatInterfaceTable, listInterfaceDetails } from '../netinfo/interfaces.js';

export const usage = `Usage: vcap ifaces [--netns NAME|PID|PATH] [--json] [INTERFACE ...]
  Every interface of the namespace (vcap's own without --netns): kind (tun/tap with the processes
  holding them, veth with its peer and the peer's namespace, bridge with its ports, port with its
  bridge, vlan/vxlan/macvlan/ipvlan with parent and id, loopback, physical), state, MTU, MAC,
  the speed the driver claims (ethtool's), addresses. --json: the same as a JSON array.
`;

export function run(argv: string[]): number {
  const { values, positionals } = parseCommandArgs('ifaces', argv, {
    netns: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
  }, true);
  if (values['help']) { writeSync(1, usage); return 0; }
  let list = listInterfaceDetails({ netns: values['netns'] as string | undefined });
  if (positionals.length > 0) {
    for (const name of positionals)
      if (!list.some((d) => d.name === name)) throw new VcapError(`${name}: No such device exists`, 'ENODEV');
    list = list.filter((d) => positionals.includes(d.name));
  }
  writeSync(1, values['json'] ? `${JSON.stringify(list, null, 2)}\n` : formatInterfaceTable(list));
  return 0;
}
