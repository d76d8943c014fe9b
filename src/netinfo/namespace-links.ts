// The devices of one namespace, asked over a netlink socket made there when the capture opened:
// a socket stays in its namespace, so a capture elsewhere can look at its devices later (gone?
// up? what is ifindex 7 called? which addresses?) without entering the namespace again, which
// after -Z it could not. In vcap's own namespace no socket is held: each question opens one, so a
// capture keeps only the descriptors it needs.
import { NETLINK_ROUTE, NetlinkError, NetlinkSocket } from '../netlink/socket.js';
import type { AddressMessage, LinkMessage } from '../netlink/rtnetlink.js';
import { getAddresses, getLink, getLinks } from '../netlink/rtnetlink.js';
import type { NetworkNamespace } from '../netns/network-namespace.js';

/** A device seen for the first time is looked up again at most this often. */
const REFRESH_MS = 1000;

export class NamespaceLinks {
  /** The socket held in another namespace; undefined: vcap's own, asked through a socket a question. */
  readonly #socket: NetlinkSocket | undefined;
  #names = new Map<number, string>();
  #namesAt = -Infinity;

  private constructor(socket: NetlinkSocket | undefined) {
    this.#socket = socket;
  }

  /** The devices of `ns`, with a socket made there now; undefined: vcap's own namespace. */
  static open(ns?: NetworkNamespace): NamespaceLinks {
    return new NamespaceLinks(ns === undefined ? undefined : NetlinkSocket.open(NETLINK_ROUTE, ns));
  }

  #ask<T>(question: (s: NetlinkSocket) => T): T {
    if (this.#socket !== undefined) return question(this.#socket);
    const s = NetlinkSocket.open(NETLINK_ROUTE);
    try { return question(s); } finally { s.close(); }
  }

  #absent<T>(question: (s: NetlinkSocket) => T): T | undefined {
    try {
      return this.#ask(question);
    } catch (e) {
      if (e instanceof NetlinkError && e.code === 'ENODEV') return undefined;
      throw e;
    }
  }

  /** The device with this index now; undefined once it is gone. */
  link(index: number): LinkMessage | undefined {
    return this.#absent((s) => getLink(s, index));
  }

  /** The device with this name now; undefined when there is none. */
  byName(name: string): LinkMessage | undefined {
    return this.#absent((s) => getLink(s, name));
  }

  /**
   * The name of `index` (if_indextoname for -i any lines): read once, read again when an unknown
   * index shows up (a device made during the capture), undefined for one that is still unknown.
   */
  name(index: number): string | undefined {
    const known = this.#names.get(index);
    if (known !== undefined || Date.now() - this.#namesAt < REFRESH_MS) return known;
    this.#namesAt = Date.now();
    try { this.#names = new Map(this.#ask(getLinks).map((l) => [l.index, l.name])); } catch { /* keep the last names */ }
    return this.#names.get(index);
  }

  /** The addresses of device `index` now. */
  addresses(index: number): AddressMessage[] {
    return this.#ask(getAddresses).filter((a) => a.index === index);
  }

  close(): void {
    this.#socket?.close();
  }
}
