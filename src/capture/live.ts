// Placeholder until live capture lands (issue 4): the interface the CLI builds against.
import type { BatchSource, CaptureStats } from './batch.js';
import type { FilterProgram } from '../filter/index.js';
import { VcapError } from '../errors.js';

export interface LiveOptions {
  /** -i NAME ('any' allowed); undefined with tun/tap set. */
  interface?: string;
  /** --tun NAME / --tap NAME: vcap owns the device. */
  tun?: string;
  tap?: string;
  /** --addr CIDR for --tun/--tap. */
  addr?: string;
  /** -s (0 = 262144). */
  snaplen: number;
  /** -B in KiB (0 = default). */
  bufferKiB: number;
  /** -p clears this. */
  promiscuous: boolean;
  /** -Q */
  direction: 'in' | 'out' | 'inout';
  /** --immediate-mode / -l / stdout is a TTY */
  immediate: boolean;
  /** --backend */
  backend: 'afpacket' | 'libpcap';
}

export interface LiveSource extends BatchSource {
  /** The interface name, for `listening on NAME, link-type ...`. */
  readonly name: string;
  stats(): CaptureStats;
  /** Attach in the kernel (reject-all, drain, attach). */
  setFilter(program: FilterProgram): void;
}

export interface InterfaceInfo {
  index: number;
  name: string;
  flags: string[];
  description: string;
}

export async function openLive(options: LiveOptions): Promise<LiveSource> {
  void options;
  throw new VcapError('live capture is not supported yet');
}

/** -D: the interfaces, as tcpdump lists them. */
export function listInterfaces(): InterfaceInfo[] {
  throw new VcapError('live capture is not supported yet');
}
