// Subcommands: `vcap ifaces|topo|stats|demo …` (the virtual-network tools tcpdump does not have).
// Everything else is tcpdump's command line. No pcap-filter expression starts with these words.
interface Command { run(argv: string[]): number | Promise<number> }

const commands: Record<string, () => Promise<Command>> = {
  ifaces: () => import('./ifaces-command.js'),
  stats: () => import('./stats-command.js'),
  topo: () => import('./topo-command.js'),
  demo: () => import('./demo-command.js'),
};

/** The subcommand `argv[0]` names, loaded; undefined for tcpdump's command line. */
export async function loadCommand(name: string | undefined): Promise<Command | undefined> {
  const load = name === undefined ? undefined : commands[name];
  return load === undefined ? undefined : load();
}
