// Network namespaces: find one by name (/run/netns/NAME, as `ip netns` keeps them), by process
// (/proc/PID/ns/net) or by path (any namespace file), and run a synchronous step inside it. A
// socket or TUN/TAP device belongs to the namespace its creator was in when it was made, and stays
// there: so vcap enters (setns on the JS thread), creates, and comes straight back. No
// `ip netns exec`, no nsenter, nothing else runs on the thread meanwhile.
import { closeSync, existsSync, fstatSync, openSync, statSync } from 'node:fs';
import { writeSync } from 'node:fs';
import { VcapError } from '../errors.js';
import { native } from '../capture/native.js';

export const CLONE_NEWNET = 0x40000000;
/** Where `ip netns add NAME` puts a namespace. */
export const NETNS_RUN_DIR = '/run/netns';

/** What a reference names before it is opened: the file to open, and how to say it in an error. */
function pathOf(ref: string): string {
  if (ref.includes('/')) return ref;
  const named = `${NETNS_RUN_DIR}/${ref}`;
  // A name `ip netns` knows wins over a process ID that happens to be spelled the same.
  if (existsSync(named) || !/^[1-9][0-9]*$/.test(ref)) return named;
  return `/proc/${ref}/ns/net`;
}

function notFound(ref: string, path: string): VcapError {
  if (path.startsWith('/proc/')) return new VcapError(`network namespace ${ref}: no process ${ref}`, 'ENOENT');
  if (path.startsWith(`${NETNS_RUN_DIR}/`))
    return new VcapError(`network namespace ${ref}: not found (no ${path}; a PID or the path of a namespace file also do)`, 'ENOENT');
  return new VcapError(`network namespace ${ref}: ${path}: No such file or directory`, 'ENOENT');
}

function notNetns(ref: string, path: string): VcapError {
  return new VcapError(`network namespace ${ref}: ${path} is not a network namespace file`, 'EINVAL');
}

/** An open network namespace; `within(step)` runs a step inside it. */
export class NetworkNamespace {
  #fd: number;

  private constructor(
    /** As the user wrote it (NAME, PID or PATH); '' for vcap's own namespace. */
    readonly ref: string,
    readonly path: string,
    fd: number,
    /** The namespace's identity: its nsfs inode (what `ls -i`, `lsns` and `ip netns identify` compare). */
    readonly inode: number,
  ) {
    this.#fd = fd;
  }

  /** NAME (in /run/netns), PID, or PATH of a namespace file; one-line VcapErrors for the rest. */
  static open(ref: string): NetworkNamespace {
    if (ref === '') throw new VcapError('network namespace: empty name', 'EINVAL');
    const path = pathOf(ref);
    let fd: number;
    try {
      fd = openSync(path, 'r');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') throw notFound(ref, path);
      const text = (e as Error).message.replace(/^[A-Z]+: /, '').replace(/, open .*$/, '');
      throw new VcapError(`network namespace ${ref}: ${path}: ${text.charAt(0).toUpperCase()}${text.slice(1)}`, code ?? 'EIO');
    }
    try {
      // Namespace files all live on nsfs (one device number); whether it is a *network* one,
      // setns tells when it is entered (EINVAL).
      const st = fstatSync(fd);
      if (st.dev !== statSync('/proc/self/ns/net').dev) throw notNetns(ref, path);
      return new NetworkNamespace(ref, path, fd, st.ino);
    } catch (e) {
      closeSync(fd);
      throw e;
    }
  }

  /** The namespace the JS thread is in now (vcap's own, outside within()). */
  static current(): NetworkNamespace {
    const path = '/proc/thread-self/ns/net';
    const fd = openSync(path, 'r');
    return new NetworkNamespace('', path, fd, fstatSync(fd).ino);
  }

  get fd(): number {
    if (this.#fd < 0) throw new VcapError(`network namespace ${this.ref}: closed`, 'EBADF');
    return this.#fd;
  }

  /**
   * Run `step` inside the namespace and come back, even when it throws. The step must be
   * synchronous: anything it starts asynchronously would run after the return, outside.
   * Entering needs CAP_SYS_ADMIN; when the thread is already there, nothing is entered.
   */
  within<T>(step: () => T): T {
    const back = openSync('/proc/thread-self/ns/net', 'r');
    try {
      if (fstatSync(back).ino === this.inode) return step();
      const n = native();
      try {
        n.setns(this.fd, CLONE_NEWNET);
      } catch (e) {
        if ((e as VcapError).code === 'EINVAL') throw notNetns(this.ref, this.path);
        throw new VcapError(`network namespace ${this.ref}: ${(e as Error).message}`, (e as VcapError).code, { cause: e });
      }
      try {
        return step();
      } finally {
        try {
          n.setns(back, CLONE_NEWNET);
        } catch (e) {
          // Carrying on would capture, list and count in the wrong namespace without a word.
          writeSync(2, `vcap: cannot return to the original network namespace: ${(e as Error).message}\n`);
          process.exit(70);
        }
      }
    } finally {
      closeSync(back);
    }
  }

  /** Release the namespace file; idempotent. */
  close(): void {
    if (this.#fd >= 0) closeSync(this.#fd);
    this.#fd = -1;
  }
}

/** Run `step` inside `ns`, or right here when there is none. */
export function withinNetns<T>(ns: NetworkNamespace | undefined, step: () => T): T {
  return ns === undefined ? step() : ns.within(step);
}

/** Run `step` in the namespace `ref` names (undefined: where vcap is), opening and closing it around. */
export function inNetns<T>(ref: string | undefined, step: () => T): T {
  if (ref === undefined) return step();
  const ns = NetworkNamespace.open(ref);
  try {
    return ns.within(step);
  } finally {
    ns.close();
  }
}
