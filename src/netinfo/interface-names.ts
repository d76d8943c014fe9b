// ifindex → name in another namespace, for what tcpdump prints with if_indextoname (the interface
// column of `-i any`): vcap's /sys shows its own namespace, so a capture elsewhere asks netlink.
import { NETLINK_ROUTE, NetlinkSocket } from '../netlink/socket.js';
import { getLinks } from '../netlink/rtnetlink.js';
import type { NetworkNamespace } from '../netns/network-namespace.js';

/** A device seen for the first time is looked up again at most this often. */
const REFRESH_MS = 1000;

export interface InterfaceNames {
  /** The name of `ifindex`, undefined when the namespace has no such device. */
  name(ifindex: number): string | undefined;
  close(): void;
}

/**
 * A lookup of interface names in `ns`: read once, read again when an unknown index shows up
 * (a device created during the capture), undefined for one that is still unknown.
 */
export function interfaceNamesIn(ns: NetworkNamespace): InterfaceNames {
  const socket = NetlinkSocket.open(NETLINK_ROUTE, ns);
  let names = new Map<number, string>();
  let readAt = -Infinity;
  const read = (): void => {
    readAt = Date.now();
    try { names = new Map(getLinks(socket).map((l) => [l.index, l.name])); } catch { /* the namespace is gone: keep the last names */ }
  };
  read();
  return {
    name(ifindex) {
      const known = names.get(ifindex);
      if (known !== undefined || Date.now() - readAt < REFRESH_MS) return known;
      read();
      return names.get(ifindex);
    },
    close() { socket.close(); },
  };
}
