/** Every flag that changes the text output, built once from argv (tcpdump's netdissect_options). */
import type { ForcedType } from './forced-type.js';

export interface PrintOptions {
  /** -v count, as tcpdump counts it (most printers tell 0, 1, 2 and 3 or more apart). */
  readonly verbose: number;
  /** -e: print link-level headers. */
  readonly linkHeader: boolean;
  /** -q: quiet, less protocol detail. */
  readonly quiet: boolean;
  /** -S: absolute TCP sequence numbers. */
  readonly absoluteSeq: boolean;
  /** -x (1) / -xx (2): hex dump without / with the link header. */
  readonly hex: 0 | 1 | 2;
  /** -X (1) / -XX (2): hex and ASCII. */
  readonly hexAscii: 0 | 1 | 2;
  /** -A (1) / -AA (2): ASCII. */
  readonly ascii: 0 | 1 | 2;
  /** -t count: 0 default time of day, 1 none, 2 epoch, 3 delta from previous, 4 date+time, 5 delta from first. */
  readonly timeFormat: 0 | 1 | 2 | 3 | 4 | 5;
  /** --nano / --time-stamp-precision=nano: print nanoseconds. */
  readonly nano: boolean;
  /** -#: packet number before each line. */
  readonly packetNumber: boolean;
  /** -T rtp etc.: print UDP/TCP payloads as this protocol whatever the ports ('' = by port; see forced-type.ts). */
  readonly forcedType: ForcedType | '';
  /** -H: look for 802.11s draft mesh headers. */
  readonly meshHeaders: boolean;
  /**
   * --smb: print NetBIOS (UDP 137/138, TCP 139) and SMB (TCP 445) as tcpdump built with --enable-smb
   * does. Debian's tcpdump is not, and prints them as plain UDP/TCP: vcap's default.
   */
  readonly smb?: boolean;
  /**
   * -K: do not verify the IPv4 header's, TCP's and UDP's checksums at -v (captures on veth, TAP and
   * bridges, where the kernel leaves them to offload, show them all bad). Other checksums are still verified, as tcpdump does.
   */
  readonly skipChecksums?: boolean;
  /** -b: BGP's AS numbers above 65535 in ASDOT notation (`high.low`, RFC 5396) instead of ASPLAIN. */
  readonly asdot?: boolean;
  /**
   * if_indextoname() for Linux cooked v2 lines, when the capture's namespace is not vcap's own
   * (--netns); by default the names come from this host's /sys.
   */
  readonly interfaceName?: ((ifindex: number) => string | undefined) | undefined;
}

export const defaultPrintOptions: PrintOptions = {
  verbose: 0, linkHeader: false, quiet: false, absoluteSeq: false, hex: 0, hexAscii: 0, ascii: 0,
  timeFormat: 0, nano: false, packetNumber: false, forcedType: '', meshHeaders: false,
};
