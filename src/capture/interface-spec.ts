// What one `-i` names: an interface, and the network namespace it lives in. `-i veth0@vb` is
// veth0 in the namespace vb (ptcpdump's `NAME@NETNS`); `-i veth0 --netns vb` says the same for
// every `-i` that names no namespace of its own. Pure text handling: the namespace is resolved
// (and entered) by src/netns/, so a list of specs can be parsed and checked before any syscall.
import { VcapError } from '../errors.js';

/** One interface to capture on, list or watch, with its namespace. */
export interface InterfaceSpec {
  /** The interface's name in its namespace ('any' and tcpdump's -D numbers included). */
  readonly name: string;
  /**
   * The network namespace as the user wrote it: a name in /run/netns, a process ID, or the path
   * of a namespace file (/proc/PID/ns/net, /run/docker/netns/…). Undefined: vcap's own namespace.
   */
  readonly netns?: string | undefined;
}

/**
 * `NAME` or `NAME@NETNS` → a spec; `defaultNetns` (--netns) applies when the text names none.
 * The first '@' separates: a namespace path may contain '@', an interface name practically never
 * does (`ip link` itself writes `veth0@if5` for "veth0, whose peer is ifindex 5").
 */
export function parseInterfaceSpec(text: string, defaultNetns?: string): InterfaceSpec {
  const at = text.indexOf('@');
  if (at < 0) {
    if (text === '') throw new VcapError('an interface name is empty', 'EINVAL');
    return defaultNetns === undefined ? { name: text } : { name: text, netns: defaultNetns };
  }
  const name = text.slice(0, at), netns = text.slice(at + 1);
  if (name === '') throw new VcapError(`${text}: no interface name before '@'`, 'EINVAL');
  if (netns === '') throw new VcapError(`${text}: no network namespace after '@'`, 'EINVAL');
  return { name, netns };
}

/** How a spec prints (`listening on veth0@vb`, stats rows): the namespace as the user named it. */
export function formatInterfaceSpec(spec: InterfaceSpec): string {
  return spec.netns === undefined ? spec.name : `${spec.name}@${spec.netns}`;
}
