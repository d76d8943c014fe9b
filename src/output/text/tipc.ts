/** TIPC (tcpdump's print-tipc.c). */
import type { PrintContext } from './context.js';
import { tipcAddress, type Tipc } from '../../decoders/tipc.js';

const USERS: Record<number, string> = {
  0: 'Low Importance Data payload', 1: 'Medium Importance Data payload', 2: 'High Importance Data payload',
  3: 'Critical Importance Data payload', 5: 'Broadcast Link Protocol internal', 6: 'Message Bundler Protocol internal',
  7: 'Link State Protocol internal', 8: 'Connection Manager internal', 10: 'Link Changeover Protocol internal',
  11: 'Name Table Update Protocol internal', 12: 'Message Fragmentation Protocol internal', 13: 'Neighbor Detection Protocol internal',
};
// tcpdump's table swaps DIRECT_MSG (1) and MCAST_MSG (3); its names are kept.
const MESSAGE_TYPES = ['CONN_MSG', 'MCAST_MSG', 'NAMED_MSG', 'DIRECT_MSG'];
const LINK_CONFIG_TYPES = ['Link request', 'Link response'];

const user = (u: number): string => USERS[u] ?? 'unknown';

/** A data message (users 0-3, 8, 11): ports, and the nodes of a long header. */
function payload(c: PrintContext, t: Tipc): void {
  const ver = t.version, u = t.user, hsize = t.headerSize, msize = t.messageSize;
  const mtype = t.messageType;
  const prev = t.previousNode, origPort = t.originPort, destPort = t.destinationPort;
  const tail = `, headerlength ${hsize * 4} bytes, MessageSize ${msize} bytes, ${user(u)}, messageType ${MESSAGE_TYPES[mtype] ?? 'Unknown'}`;
  if (hsize <= 6) {
    c.write(`TIPC v${ver}.0 ${tipcAddress(prev)}:${origPort} > ${destPort}${tail}`);
    return;
  }
  const orig = t.originNode, dest = t.destinationNode;
  c.write(`TIPC v${ver}.0 ${tipcAddress(orig)}:${origPort} > ${tipcAddress(dest)}:${destPort}${tail}`);
  if (c.o.verbose) {
    const ack = t.broadcastAck, linkAck = t.linkAck, linkSeq = t.linkSequence;
    c.write(`\n\tPrevious Node ${tipcAddress(prev)}, Broadcast Ack ${ack}, Link Ack ${linkAck}, Link Sequence ${linkSeq}`);
  }
}

/** An internal message (broadcast, bundler, link state, changeover, fragmenter). */
function internal(c: PrintContext, t: Tipc): void {
  const ver = t.version, u = t.user, hsize = t.headerSize, msize = t.messageSize;
  const w1 = t.word1, mtype = t.messageType;
  const orig = t.originNode, dest = t.destinationNode;
  c.write(`TIPC v${ver}.0 ${tipcAddress(orig)} > ${tipcAddress(dest)}, headerlength ${hsize * 4} bytes, MessageSize ${msize} bytes, ` +
    `${user(u)}, messageType ${MESSAGE_TYPES[mtype] ?? 'Unknown'} (0x${w1.toString(16).padStart(8, '0')})`);
  if (!c.o.verbose) return;
  const gap = t.sequenceGap, ack = t.broadcastAck;
  const gapAfter = t.broadcastGapAfter, gapTo = t.broadcastGapTo;
  const prev = t.previousNode;
  const last = t.lastSentFragment, next = t.nextSentFragment;
  const sess = t.sessionNumber;
  const seq = t.transportSequence;
  const count = t.messageCount, tol = t.linkTolerance;
  c.write(`\n\tPrevious Node ${tipcAddress(prev)}, Session No. ${sess}, Broadcast Ack ${ack}, Sequence Gap ${gap},  ` +
    `Broadcast Gap After ${gapAfter}, Broadcast Gap To ${gapTo}, Last Sent Packet No. ${last}, Next sent Packet No. ${next}, ` +
    `Transport Sequence ${seq}, msg_count ${count}, Link Tolerance ${tol}`);
}

/** A neighbor-detection (link config) message. */
function linkConfig(c: PrintContext, t: Tipc): void {
  const ver = t.version, u = t.user, hsize = t.headerSize, msize = t.messageSize;
  const mtype = t.messageType;
  const domain = t.destinationDomain, prev = t.previousNode;
  c.write(`TIPC v${ver}.0 ${tipcAddress(prev)} > ${tipcAddress(domain)}, headerlength ${hsize * 4} bytes, MessageSize ${msize} bytes, ` +
    `${user(u)}, messageType ${LINK_CONFIG_TYPES[mtype] ?? 'Unknown'}`);
  if (c.o.verbose) {
    const sig = t.nodeSignature, net = t.networkId, media = t.mediaId;
    c.write(`\n\tNodeSignature ${sig}, network_id ${net}, media_id ${media}`);
  }
}

/** A TIPC message: tcpdump prints it by its user, and nothing for a user it does not know. */
export function printTipc(c: PrintContext, t: Tipc): void {
  c.protocol = 'tipc';
  switch (t.user) {
    case 0: case 1: case 2: case 3: case 11: case 8: payload(c, t); break;
    case 13: linkConfig(c, t); break;
    case 5: case 6: case 7: case 10: case 12: internal(c, t); break;
  }
}
