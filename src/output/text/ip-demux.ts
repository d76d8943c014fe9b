/** The IP protocol demux shared by IPv4 and IPv6 (tcpdump's print-ip-demux.c), through the registry. */
import type { IpInfo, PrintContext } from './context.js';
import { ipProtoName } from './names.js';
import { ipProtoTunnels, layerPrinters, printEncapsulated, printLayer } from './dispatch.js';
import { byIpProto } from '../../decoders/registry-tables.js';
import { carpPrinter } from './forced-type.js';
import { Layer } from '../../decoders/layer.js';

/**
 * The payload of protocol `proto` at `off`, `length` bytes on the wire per the IP header,
 * inside the IPv4 or IPv6 packet `ip` (which the transport printer finds in `c.ip`).
 */
export function printIpPayload(c: PrintContext, proto: number, off: number, length: number, ip: IpInfo): void {
  c.ip = ip;
  switch (proto) {
    case 1: case 2:
      if (ip.version !== 4) { c.write(`[${ipProtoName(proto)} requires IPv4]`); c.invalid(); return; }
      break;
    case 58:
      if (ip.version !== 6) { c.write(`[${ipProtoName(proto)} requires IPv6]`); c.invalid(); return; }
      break;
    case 143:
      if (ip.version !== 6) { c.write(`[${ipProtoName(proto)} requires IPv6]`); c.invalid(); return; }
      break;
    case 135:
      // The Mobility header is IPv6's (its printer reaches it in the header chain): tcpdump's IPv4 demux does not know it.
      if (ip.version !== 6) { c.write(` ip-proto-${proto} ${length}`); return; }
      break;
    case 112:
      // -T carp: CARP shares VRRP's protocol number; generic text until vcap has a CARP printer.
      if (c.o.forcedType === 'carp') {
        if (carpPrinter.print) carpPrinter.print(c, off, length, ip); else c.write(` ip-proto-${proto} ${length}`);
        return;
      }
      break;
    case 77: c.write(` nd ${length}`); return;
    case 59: c.write('no next header'); return;
  }
  // The decoder's layer for the protocol when it has a printer, else an encapsulation tcpdump follows.
  let layer = byIpProto[proto]!;
  if (layer === 0 || layerPrinters[layer] === undefined) {
    // IP in IP, Ethernet in IPv6: the walk went on into them in an inner packet.
    layer = ipProtoTunnels[proto]!;
    if (layer !== 0) { printEncapsulated(c, layer, off, length); return; }
  } else {
    // The printer is called here, not in printLayer: this call site sees only the printers IP leads
    // to (one or two transports on most captures), which V8 then calls directly or inlines; the one
    // in printLayer sees every printer and goes megamorphic (a generic call on every packet).
    const v = c.viewsToEnd ? undefined : c.pkt.viewAt(layer, off);
    if (v !== undefined) layerPrinters[layer]!(c, v, length);
    else printLayer(c, layer, off, length);
    return;
  }
  c.write(` ip-proto-${proto} ${length}`);
}

/** Layers the demux reaches that the decoder leaves to decodeInner(): printers.ts registers them. */
export const IP_TUNNELS: ReadonlyArray<readonly [number, number]> = [[4, Layer.Ipv4], [41, Layer.Ipv6], [143, Layer.Ethernet]];
