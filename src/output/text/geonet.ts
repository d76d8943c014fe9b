/** GeoNetworking and BTP (tcpdump's print-geonet.c). */
import type { PrintContext } from './context.js';
import { BTP_HEADER_LENGTH, GEONET_COMMON_HEADER_LENGTH, ITS_PDU_HEADER_LENGTH, geonetExtendedHeaderLength, type Geonet } from '../../decoders/geonet.js';
import { dumpRest } from './dump.js';

const NEXT_HEADERS = ['Any', 'BTP-A', 'BTP-B', 'IPv6'];
const HEADER_TYPES: Record<number, string> = {
  0x00: 'Any', 0x10: 'Beacon', 0x20: 'GeoUnicast', 0x30: 'GeoAnycastCircle', 0x31: 'GeoAnycastRect', 0x32: 'GeoAnycastElipse',
  0x40: 'GeoBroadcastCircle', 0x41: 'GeoBroadcastRect', 0x42: 'GeoBroadcastElipse', 0x50: 'TopoScopeBcast-SH', 0x51: 'TopoScopeBcast-MH',
  0x60: 'LocService-Request', 0x61: 'LocService-Reply',
};
const MESSAGE_IDS: Record<number, string> = {
  0: 'CAM', 1: 'DENM', 101: 'TPEGM', 102: 'TSPDM', 103: 'VPM', 104: 'SRM', 105: 'SLAM', 106: 'ecoCAM', 107: 'ITM', 150: 'SA',
};

/** A GeoNetworking packet, `length` bytes on the wire. */
export function printGeonet(c: PrintContext, g: Geonet, length: number): void {
  c.protocol = 'geonet';
  c.write('GeoNet ');
  if (c.linkAddressesAt === g.off) c.write(`src:${c.linkAddresses!.src}`);
  c.write('; ');
  if (length < GEONET_COMMON_HEADER_LENGTH) { c.write(` (common header length ${length} < 36)`); c.invalid(); return; }
  const version = g.version, next = g.nextHeader, type = g.headerType, subtype = g.headerSubtype;
  const payload = g.payloadLength, hopLimit = g.hopLimit;
  c.write(`v:${version} `);
  c.write(`NH:${next}-${NEXT_HEADERS[next] ?? 'Unknown'} `);
  // Any, beacon and geo-unicast have no subtypes: their name whatever the subtype field says.
  c.write(`HT:${type}-${subtype}-${HEADER_TYPES[type <= 2 ? type << 4 : (type << 4) | subtype] ?? 'Unknown'} `);
  c.write(`HopLim:${hopLimit} `);
  c.write(`Payload:${payload} `);
  c.write(`GN_ADDR:${g.address} `);
  c.write(`lat:${g.latitude} `);
  c.write(`lon:${g.longitude}`);
  g.need(GEONET_COMMON_HEADER_LENGTH);
  length -= GEONET_COMMON_HEADER_LENGTH;
  const ext = geonetExtendedHeaderLength(type, subtype);
  let rest = GEONET_COMMON_HEADER_LENGTH;
  if (ext >= 0) {
    if (length < ext) { c.write(` (header size ${ext} > ${length})`); c.invalid(); return; }
    g.need(GEONET_COMMON_HEADER_LENGTH + ext);
    length -= ext;
    rest += ext;
    if (next === 1 || next === 2) {
      if (length < BTP_HEADER_LENGTH) { c.write(` (BTP length ${length} < 4)`); c.invalid(); return; }
      const btp = g.transport(ext);
      c.write(`; BTP Dst:${btp.destinationPort}`);
      c.write(` Src:${btp.sourcePort}`);
      length -= BTP_HEADER_LENGTH;
      rest += BTP_HEADER_LENGTH;
      if (length >= ITS_PDU_HEADER_LENGTH) {
        c.write(`; ItsPduHeader v:${btp.pduVersion}`);
        const id = btp.messageId;
        c.write(` t:${id}-${MESSAGE_IDS[id] ?? `unknown (${id})`}`);
      }
    }
  }
  if (c.o.verbose) dumpRest(c, g.off + rest, length, g.captured - rest);
}
