import { getSystemErrorName } from 'node:util';

/**
 * Control characters as `\xHH` (`\n` for a newline): a message quotes what the user gave (a filter
 * expression, an option value) and must still be one line.
 */
export function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\x00-\x1f\x7f]/g, (c) => (c === '\n' ? '\\n' : `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`));
}

/**
 * Every error vcap means to show a user. The CLI prints `vcap: <message>` and exits non-zero;
 * anything else that escapes is a bug and gets a stack trace. The message is always one line.
 */
export class VcapError extends Error {
  override name = 'VcapError';
  constructor(message: string, readonly code: string = 'EVCAP', options?: ErrorOptions) {
    super(oneLine(message), options);
  }
}

/** A failed system call in the native addon: `socket: Operation not permitted` (code `EPERM`). */
export class SyscallError extends VcapError {
  override name = 'SyscallError';
  constructor(readonly syscall: string, readonly errno: number, text: string) {
    super(`${syscall}: ${text}`, errno < 0 ? getSystemErrorName(errno) : getSystemErrorName(-errno));
  }
}
