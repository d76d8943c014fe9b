// `vcap topo [--json]`: the virtual network across every namespace.
import { writeSync } from 'node:fs';
import { parseCommandArgs } from './command-args.js';
import { formatTopology, readTopology } from '../netinfo/topology.js';
import { VcapError } from '../errors.js';

export const usage = `Usage: vcap topo [--json] [NETNS ...]
  Every network namespace vcap can see (named ones, /run/netns, and those of running processes),
  each with its devices: bridges with their ports, veth pairs joined across namespaces, TUN/TAP
  devices with the processes holding them, vlan/vxlan/macvlan devices on their parents.
  --json: the same as one JSON object (namespaces with every interface, vethPairs, bridges,
  tuntap, stacked). NETNS: draw only these namespaces (names, or the PIDs vcap shows).
`;

export function run(argv: string[]): number {
  const { values, positionals } = parseCommandArgs('topo', argv, { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } }, true);
  if (values['help']) { writeSync(1, usage); return 0; }
  const t = readTopology();
  for (const p of positionals)
    if (!t.namespaces.some((ns) => ns.ref === p || ns.names.includes(p))) throw new VcapError(`topo: no network namespace ${p}`, 'ENOENT');
  writeSync(1, values['json'] ? `${JSON.stringify(t, null, 2)}\n` : formatTopology(t, positionals.length > 0 ? { netns: positionals } : {}));
  return 0;
}
