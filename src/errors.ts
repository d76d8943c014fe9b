import { getSystemErrorName } from 'node:util';

/**
 * Every error vcap means to show a user. The CLI prints `vcap: <message>` and exits non-zero;
 * anything else that escapes is a bug and gets a stack trace.
 */
export class VcapError extends Error {
  override name = 'VcapError';
  constructor(message: string, readonly code: string = 'EVCAP', options?: ErrorOptions) {
    super(message, options);
  }
}

/** A failed system call in the native addon: `socket: Operation not permitted` (code `EPERM`). */
export class SyscallError extends VcapError {
  override name = 'SyscallError';
  constructor(readonly syscall: string, readonly errno: number, text: string) {
    super(`${syscall}: ${text}`, errno < 0 ? getSystemErrorName(errno) : getSystemErrorName(-errno));
  }
}
