/**
 * Internet checksum (RFC 1071) helpers shared by the IPv4, TCP, UDP, ICMP and ICMPv6 printers.
 * Words are read big-endian, so every value here is the numeric value a printer shows; tcpdump
 * gets the same numbers through ntohs() around its native-order in_cksum.
 */

/** Add buf[off .. off+len) as big-endian 16-bit words to `sum` (not folded; an odd last byte is padded with 0). */
export function cksumAdd(buf: Uint8Array, off: number, len: number, sum = 0): number {
  const end = off + (len & ~1);
  let i = off;
  // Accumulating in a double never overflows for any capture size (2^53 / 2^16 words).
  for (; i < end; i += 2) sum += (buf[i]! << 8) | buf[i + 1]!;
  if (len & 1) sum += buf[i]! << 8;
  return sum;
}

/** Fold a running sum to 16 bits and complement it: 0 means "the checksum verifies". */
export function cksumFinish(sum: number): number {
  while (sum > 0xffff) sum = (sum % 0x10000) + Math.floor(sum / 0x10000);
  return ~sum & 0xffff;
}

/** tcpdump's in_cksum over buf[off .. off+len), starting from a partial (pseudo-header) sum. */
export function inCksum(buf: Uint8Array, off: number, len: number, initial = 0): number {
  return cksumFinish(cksumAdd(buf, off, len, initial));
}

/** Unfolded sum of the IPv4 pseudo-header: source, destination, protocol and upper-layer length. */
export function ipv4PseudoSum(buf: Uint8Array, srcOff: number, dstOff: number, proto: number, len: number): number {
  return cksumAdd(buf, srcOff, 4, cksumAdd(buf, dstOff, 4)) + proto + (len >>> 16) + (len & 0xffff);
}

/** Unfolded sum of the IPv6 pseudo-header (RFC 8200 §8.1): the 32-bit length and the next header. */
export function ipv6PseudoSum(buf: Uint8Array, srcOff: number, dstOff: number, nextHeader: number, len: number): number {
  return cksumAdd(buf, srcOff, 16, cksumAdd(buf, dstOff, 16)) + (len >>> 16) + (len & 0xffff) + nextHeader;
}

/**
 * The value the checksum field should hold, given the field as received and the checksum computed
 * over the data including that field (tcpdump's in_cksum_shouldbe, shown as `(->xxxx)` / `-> 0x…`).
 */
export function cksumShouldBe(field: number, computed: number): number {
  let s = field + computed;
  s = (s & 0xffff) + (s >>> 16);
  s = (s & 0xffff) + (s >>> 16);
  return s & 0xffff;
}
