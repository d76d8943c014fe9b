// A netlink socket over the addon's four calls (open, send, receive, close): requests, dumps,
// acks and errors. The socket is made inside the namespace it should speak for and stays bound
// to it, whatever namespace the thread is in later.
import { getSystemErrorMap } from 'node:util';
import { VcapError } from '../errors.js';
import { native } from '../capture/native.js';
import type { NativeAddon } from '../capture/native.js';
import type { NetworkNamespace } from '../netns/network-namespace.js';
import type { MessageBuilder, NetlinkMessage } from './message.js';
import { NLMSG_DONE, NLMSG_ERROR, NLM_F_DUMP_INTR, NLM_F_MULTI, NetlinkFormatError, parseError, parseMessages } from './message.js';

export const NETLINK_ROUTE = 0;
export const NETLINK_GENERIC = 16;

/** A request the kernel refused: `what: strerror` plus its extended-ack text when it gave one. */
export class NetlinkError extends VcapError {
  override name = 'NetlinkError';
  /** `errno` as the kernel sends it: negative. */
  constructor(readonly what: string, readonly errno: number, text: string | undefined) {
    const [code, message] = getSystemErrorMap().get(-Math.abs(errno)) ?? [`E${Math.abs(errno)}`, `error ${Math.abs(errno)}`];
    // libuv's text is strerror's in lower case: "No such device", as the C library says it.
    super(`${what}: ${message.charAt(0).toUpperCase()}${message.slice(1)}${text ? ` (${text})` : ''}`, code);
  }
}

/** Datagrams of a dump are at most a page or 32 KiB; room for the largest. */
const RECV_BYTES = 64 * 1024;
/** A dump the kernel restarted under us (devices came or went) is asked for again, this often. */
const DUMP_TRIES = 5;

let nextSeq = (Date.now() & 0xffff) << 12;

export class NetlinkSocket {
  readonly #n: NativeAddon;
  #h: number;
  readonly #buf = new Uint8Array(RECV_BYTES);

  private constructor(n: NativeAddon, h: number) {
    this.#n = n;
    this.#h = h;
  }

  /** A socket of `protocol` in `netns` (undefined: the thread's namespace now). */
  static open(protocol: number = NETLINK_ROUTE, netns?: NetworkNamespace): NetlinkSocket {
    const n = native();
    const h = netns === undefined ? n.netlinkOpen(protocol) : netns.within(() => n.netlinkOpen(protocol));
    return new NetlinkSocket(n, h);
  }

  /** Datagrams until `last` says the reply is complete; each datagram's bytes are copied out of the buffer. */
  #receive(seq: number, what: string, onMessage: (m: NetlinkMessage) => boolean): void {
    for (;;) {
      const len = this.#n.netlinkRecv(this.#h, this.#buf);
      for (const m of parseMessages(this.#buf.slice(0, len))) {
        if (m.seq !== seq) continue;  // a late answer to an earlier request
        if (m.type === NLMSG_ERROR) {
          const { errno, text } = parseError(m);
          if (errno !== 0) throw new NetlinkError(what, errno, text);
          return;  // an ack
        }
        if (m.type === NLMSG_DONE) return;
        if (onMessage(m)) return;
      }
    }
  }

  /**
   * One request that is answered by one message (or just an ack): that message, or undefined
   * for an ack. The kernel's refusal is a NetlinkError.
   */
  request(b: MessageBuilder, what: string): NetlinkMessage | undefined {
    const seq = ++nextSeq;
    this.#n.netlinkSend(this.#h, b.finish(seq));
    let reply: NetlinkMessage | undefined;
    this.#receive(seq, what, (m) => { reply = m; return (m.flags & NLM_F_MULTI) === 0; });
    return reply;
  }

  /**
   * A dump (the builder has NLM_F_DUMP): every message up to NLMSG_DONE, each passed through
   * `parse`. Asked again when the kernel says the dump was interrupted by a change.
   */
  dump<T>(build: () => MessageBuilder, what: string, parse: (m: NetlinkMessage) => T | undefined): T[] {
    for (let attempt = 1; ; attempt++) {
      const seq = ++nextSeq;
      this.#n.netlinkSend(this.#h, build().finish(seq));
      const out: T[] = [];
      let interrupted = false;
      this.#receive(seq, what, (m) => {
        if (m.flags & NLM_F_DUMP_INTR) interrupted = true;
        const v = parse(m);
        if (v !== undefined) out.push(v);
        return false;
      });
      if (!interrupted) return out;
      if (attempt === DUMP_TRIES) throw new NetlinkFormatError(`${what}: the dump kept changing under us (${DUMP_TRIES} tries)`);
    }
  }

  close(): void {
    if (this.#h >= 0) this.#n.close(this.#h);
    this.#h = -1;
  }
}
