// -Z USER / --relinquish-privileges=USER: once the capture socket or TUN/TAP device and the first
// output file are open, vcap becomes USER (its groups, its gid, its uid), as tcpdump does; what it
// opens later (rotated files) is opened as USER. The first output file is handed to USER too, so
// every file of the capture belongs to the same owner (tcpdump opens it after dropping).
import { chownSync } from 'node:fs';
import { VcapError } from '../errors.js';
import { native } from './native.js';

/** tcpdump's `Couldn't find user` / `Couldn't change to` errors; `files` are chowned to the user first. */
export function relinquishPrivileges(user: string, files: readonly string[] = []): { uid: number; gid: number } {
  const n = native();
  const found = n.userLookup(user);
  if (found === undefined) throw new VcapError(`Couldn't find user '${user.slice(0, 32)}'`, 'ENOENT');
  const [uid, gid] = found;
  try {
    for (const f of files) chownSync(f, uid, gid);
    n.dropPrivileges(user, uid, gid);
  } catch (e) {
    const reason = e instanceof Error ? e.message.replace(/^[A-Z]+: /, '').replace(/, chown .*$/, '') : String(e);
    throw new VcapError(`Couldn't change to '${user.slice(0, 32)}' uid=${uid} gid=${gid}: ${reason}`, 'EPERM', { cause: e });
  }
  return { uid, gid };
}
