/** SSH: only the version banner is text (tcpdump's print-ssh.c). */
import type { PrintContext } from './context.js';

/** TCP payload to or from port 22: `: SSH-2.0-OpenSSH_9.2` when it is a banner line, else nothing. */
export function printSsh(c: PrintContext, off: number, length: number): void {
  c.protocol = 'ssh';
  if (c.u8(off) !== 0x53 || c.u8(off + 1) !== 0x53 || c.u8(off + 2) !== 0x48 || c.u8(off + 3) !== 0x2d) return;
  let idx = 4;
  while (idx < length) {
    const ch = c.u8(off + idx);
    if (ch === 0x0a) break;
    if (ch === 0x0d) {
      if (idx + 1 >= length) return;
      if (c.u8(off + idx + 1) === 0x0a) break;
      return;
    }
    if (ch < 0x20 || ch > 0x7e) return;
    idx++;
  }
  c.write(': SSH: ' + Buffer.from(c.buf.buffer, c.buf.byteOffset + off, idx).toString('latin1'));
}
