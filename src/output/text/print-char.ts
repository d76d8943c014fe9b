// tcpdump's fn_print_char, shared by every printer that shows payload bytes as text.

const SAFE_CHARS: readonly string[] = Array.from({ length: 256 }, (_, ch) => {
  let s = '';
  if (ch > 0x7f) { ch &= 0x7f; s = 'M-'; }
  if (ch < 0x20 || ch === 0x7f) { ch ^= 0x40; s += '^'; }
  return s + String.fromCharCode(ch);
});

/** One byte as tcpdump shows it: non-ASCII as `M-x`, control characters as `^X`. */
export function safeChar(ch: number): string { return SAFE_CHARS[ch & 0xff]!; }
