// One look at the network, across namespaces: a netlink socket per namespace, each namespace's
// links and addresses read once, the namespace ids each namespace gives the others (to follow a
// veth to its peer, a vlan to its parent: IFLA_LINK + IFLA_LINK_NETNSID), the TUN/TAP owners.
// Everything is fetched on first need, so listing one namespace without cross links costs two dumps.
import type { NativeAddon } from '../capture/native.js';
import { native } from '../capture/native.js';
import { NetworkNamespace } from '../netns/network-namespace.js';
import type { NamespaceEntry } from '../netns/namespace-list.js';
import { listNetworkNamespaces } from '../netns/namespace-list.js';
import { NetlinkSocket } from '../netlink/socket.js';
import type { AddressMessage, LinkMessage } from '../netlink/rtnetlink.js';
import { getAddresses, getLinks, getNsid } from '../netlink/rtnetlink.js';
import { TunOwners } from './tun-owners.js';

/** One namespace as the view holds it. */
export class NamespaceView {
  #socket: NetlinkSocket | undefined;
  #links: LinkMessage[] | undefined;
  #addresses: AddressMessage[] | undefined;
  #byNsid: Map<number, NamespaceView> | undefined;

  constructor(readonly view: NetworkView, readonly ns: NetworkNamespace, readonly entry: NamespaceEntry | undefined) {}

  /** How the namespace is named in output (usable as --netns). */
  get ref(): string { return this.entry?.ref ?? this.ns.ref; }
  get inode(): number { return this.ns.inode; }

  get socket(): NetlinkSocket {
    return (this.#socket ??= NetlinkSocket.open(undefined, this.ns));
  }

  links(): LinkMessage[] {
    return (this.#links ??= getLinks(this.socket));
  }

  addresses(): AddressMessage[] {
    return (this.#addresses ??= getAddresses(this.socket));
  }

  link(index: number): LinkMessage | undefined {
    return this.links().find((l) => l.index === index);
  }

  /** Run a synchronous step (an ioctl, a socket's creation) inside this namespace. */
  within<T>(step: () => T): T {
    return this.ns.within(step);
  }

  /** The namespace this one calls `nsid`; undefined when no namespace vcap can see has that id here. */
  byNsid(nsid: number): NamespaceView | undefined {
    if (this.#byNsid === undefined) {
      this.#byNsid = new Map();
      for (const other of this.view.all()) {
        let id = -1;
        try { id = getNsid(this.socket, other.ns.fd); } catch { /* the namespace went away */ }
        if (id >= 0) this.#byNsid.set(id, other);
      }
    }
    return this.#byNsid.get(nsid);
  }

  close(): void {
    this.#socket?.close();
    this.#socket = undefined;
  }
}

export class NetworkView {
  readonly native: NativeAddon = native();
  #entries: NamespaceEntry[] | undefined;
  readonly #views = new Map<number, NamespaceView>();
  #tunOwners: TunOwners | undefined;
  readonly #opened: NetworkNamespace[] = [];

  /** Every namespace vcap can see (named and of processes), in listNetworkNamespaces' order. */
  entries(): NamespaceEntry[] {
    return (this.#entries ??= listNetworkNamespaces());
  }

  /** A view of every namespace; those that vanished since the listing are left out. */
  all(): NamespaceView[] {
    const out: NamespaceView[] = [];
    for (const e of this.entries()) {
      const v = this.#views.get(e.inode) ?? this.#openEntry(e);
      if (v !== undefined) out.push(v);
    }
    return out;
  }

  #openEntry(e: NamespaceEntry): NamespaceView | undefined {
    let ns: NetworkNamespace;
    try { ns = NetworkNamespace.open(e.path); } catch { return undefined; }
    if (ns.inode !== e.inode) { ns.close(); return undefined; }  // the PID was reused meanwhile
    this.#opened.push(ns);
    const v = new NamespaceView(this, ns, e);
    this.#views.set(e.inode, v);
    return v;
  }

  /**
   * The namespace `ref` names (NAME, PID, PATH; undefined = vcap's own). Errors for a namespace
   * that does not exist are the one-line VcapErrors of NetworkNamespace.open.
   */
  namespace(ref: string | undefined): NamespaceView {
    const ns = ref === undefined ? NetworkNamespace.current() : NetworkNamespace.open(ref);
    const known = this.#views.get(ns.inode);
    if (known !== undefined) { ns.close(); return known; }
    this.#opened.push(ns);
    // Named as the user named it when given; otherwise as the listing names it.
    const entry = this.entries().find((e) => e.inode === ns.inode);
    const v = new NamespaceView(this, ns, ref === undefined ? entry : entry && { ...entry, ref });
    this.#views.set(ns.inode, v);
    return v;
  }

  tunOwners(): TunOwners {
    return (this.#tunOwners ??= new TunOwners(this.native));
  }

  close(): void {
    for (const v of this.#views.values()) v.close();
    for (const ns of this.#opened) ns.close();
    this.#views.clear();
  }
}
