/** SSH: only the identification string is text (tcpdump's print-ssh.c). */
import type { PrintContext } from './context.js';
import type { Ssh } from '../../decoders/ssh.js';

/** TCP payload to or from port 22: `: SSH: SSH-2.0-OpenSSH_9.2` when it is an identification string, else nothing. */
export function printSsh(c: PrintContext, s: Ssh, length: number): void {
  c.protocol = 'ssh';
  const n = s.identificationLength(length);
  if (n < 0) return;
  c.write(': SSH: ' + s.text(n));
}
