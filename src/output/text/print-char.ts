// tcpdump's fn_print_char, shared by every printer that shows payload bytes as text.

const SAFE_CHARS: readonly string[] = Array.from({ length: 256 }, (_, ch) => {
  let s = '';
  if (ch > 0x7f) { ch &= 0x7f; s = 'M-'; }
  if (ch < 0x20 || ch === 0x7f) { ch ^= 0x40; s += '^'; }
  return s + String.fromCharCode(ch);
});

/** One byte as tcpdump shows it: non-ASCII as `M-x`, control characters as `^X`. */
export function safeChar(ch: number): string { return SAFE_CHARS[ch & 0xff]!; }

/** What the text helpers below read: a view's checked byte (NOT_CAPTURED past the capture). */
interface Bytes { byte(i: number): number }
/** Writes latin1 text (the printers' context). */
interface Sink { write(s: string): void }

/**
 * tcpdump's nd_printn: `n` bytes of `v` from its byte `i`, each as fn_print_char shows it. A byte
 * past the capture throws (tcpdump's GET_U_1) after the ones before it are written.
 */
export function printN(c: Sink, v: Bytes, i: number, n: number): void {
  for (let k = 0; k < n; k++) c.write(SAFE_CHARS[v.byte(i + k)]!);
}

/** tcpdump's nd_printjnp: as printN, but stops at a NUL byte (a null-padded string). */
export function printJnp(c: Sink, v: Bytes, i: number, n: number): void {
  for (let k = 0; k < n; k++) {
    const ch = v.byte(i + k);
    if (ch === 0) return;
    c.write(SAFE_CHARS[ch]!);
  }
}
