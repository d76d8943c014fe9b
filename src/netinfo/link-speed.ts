// The speed a driver claims for a link: what `ethtool IF` prints as `Speed:` (ETHTOOL_GLINKSETTINGS,
// falling back to the older ETHTOOL_GSET). A claim, not a measurement: veth says 10000Mb/s, tun
// 10Mb/s, a bridge "Unknown!", loopback nothing at all; `vcap stats` measures.
import type { NativeAddon } from '../capture/native.js';

export interface LinkSpeed {
  /** Mb/s as the driver claims it; null when it says it does not know (ethtool: "Unknown!"). */
  mbps: number | null;
  duplex: 'full' | 'half' | 'unknown';
}

const ETHTOOL_GSET = 0x1, ETHTOOL_GLINKSETTINGS = 0x4c;
const LINK_SETTINGS_LEN = 48;
const SPEED_UNKNOWN = 0xffffffff;
const EOPNOTSUPP = 95;

function claim(speed: number, duplex: number): LinkSpeed {
  // ethtool prints "Unknown!" for 0 and for all ones (16 or 32 bits).
  const unknown = speed === 0 || speed === SPEED_UNKNOWN || speed === 0xffff;
  return { mbps: unknown ? null : speed, duplex: duplex === 1 ? 'full' : duplex === 0 ? 'half' : 'unknown' };
}

/**
 * `name`'s claimed speed, asked in the calling thread's namespace; null when the driver answers
 * neither request (loopback, wifi, most tunnels): ethtool then prints no Speed line.
 */
export function linkSpeed(n: NativeAddon, name: string): LinkSpeed | null {
  // GLINKSETTINGS is a handshake: ask with no mask words, the kernel answers how many it has (negated).
  const probe = new Uint8Array(LINK_SETTINGS_LEN);
  const pv = new DataView(probe.buffer);
  pv.setUint32(0, ETHTOOL_GLINKSETTINGS, true);
  let err = n.ethtool(name, probe);
  if (err === 0 && pv.getInt8(15) < 0) {
    const words = -pv.getInt8(15);
    const full = new Uint8Array(LINK_SETTINGS_LEN + 3 * 4 * words);
    const fv = new DataView(full.buffer);
    fv.setUint32(0, ETHTOOL_GLINKSETTINGS, true);
    fv.setInt8(15, words);
    err = n.ethtool(name, full);
    if (err === 0) return claim(fv.getUint32(4, true), fv.getUint8(8));
  }
  if (err !== 0 && err !== EOPNOTSUPP) return null;
  const old = new Uint8Array(44);
  const ov = new DataView(old.buffer);
  ov.setUint32(0, ETHTOOL_GSET, true);
  if (n.ethtool(name, old) !== 0) return null;
  return claim((ov.getUint16(28, true) << 16 | ov.getUint16(12, true)) >>> 0, ov.getUint8(14));
}

/** `10000Mb/s`, `Unknown!`, or '' when nothing is claimed: ethtool's words. */
export function speedText(s: LinkSpeed | null): string {
  if (s === null) return '';
  return s.mbps === null ? 'Unknown!' : `${s.mbps}Mb/s`;
}
