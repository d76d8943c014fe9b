// rtnetlink parsing against replies recorded from a real kernel (fixtures/README.md says how they
// were made), and hand-built messages for what that kernel could not make (a vlan: no 8021q).
import test from 'ava';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../helpers/netns.js';
import { MessageBuilder, parseMessages } from '../../src/netlink/message.js';
import type { NetlinkMessage } from '../../src/netlink/message.js';
import {
  IFLA_IFNAME, IFLA_INFO_DATA, IFLA_INFO_KIND, IFLA_LINK, IFLA_LINKINFO, IFLA_MTU, IFLA_VLAN_ID, IFLA_VLAN_PROTOCOL,
  RTM_NEWLINK, RTM_NEWSTATS, ipv6Text, macText, parseAddress, parseLink, parseStats,
} from '../../src/netlink/rtnetlink.js';
import type { LinkMessage } from '../../src/netlink/rtnetlink.js';

function datagrams(file: string): NetlinkMessage[] {
  const b = readFileSync(join(repoRoot, 'test', 'netlink', 'fixtures', file));
  const out: NetlinkMessage[] = [];
  for (let at = 0; at < b.length;) {
    const len = b.readUInt32LE(at);
    out.push(...parseMessages(new Uint8Array(b.buffer, b.byteOffset + at + 4, len)));
    at += 4 + len;
  }
  return out;
}

const links = datagrams('link-dump.bin').map(parseLink).filter((l): l is LinkMessage => l !== undefined);
const link = (name: string): LinkMessage => links.find((l) => l.name === name)!;

test('the recorded dump: every link, in order, with its kind', (t) => {
  t.deepEqual(links.map((l) => [l.index, l.name, l.kind ?? '-']), [
    [1, 'lo', '-'], [2, 'v0', 'veth'], [3, 'br0', 'bridge'], [4, 'v3', 'veth'], [5, 'v2', 'veth'],
    [6, 'tap0', 'tun'], [7, 'tun0', 'tun'], [8, 'vx0', 'vxlan'], [9, 'mv0', 'macvlan'],
  ]);
});

test('veth: its peer by index, in the namespace the peer is in (IFLA_LINK_NETNSID)', (t) => {
  t.like(link('v0'), { link: 2, linkNetnsid: 0, mtu: 1500, operstate: 'up', flagNames: ['BROADCAST', 'MULTICAST', 'UP', 'LOWER_UP'] });
  t.is(macText(link('v0').address), '02:00:00:00:00:01');
  // A pair inside one namespace: no namespace id.
  t.like(link('v3'), { link: 5, linkNetnsid: undefined });
  t.like(link('v2'), { link: 4, linkNetnsid: undefined });
});

test('bridge and ports: IFLA_MASTER, the slave kind, the port STP state', (t) => {
  t.like(link('br0'), { kind: 'bridge', master: undefined, data: { stp: false, vlanFiltering: false } });
  t.like(link('v2'), { master: 3, slaveKind: 'bridge', data: { portState: 'forwarding' } });
  t.like(link('tap0'), { master: 3, slaveKind: 'bridge', data: { portState: 'disabled' } });
});

test('tun and tap: IFLA_TUN_TYPE and flags', (t) => {
  t.deepEqual(link('tap0').data.tunType, 'tap');
  t.deepEqual(link('tap0').data.tunFlags, ['persist']);
  t.like(link('tun0'), { data: { tunType: 'tun', tunFlags: ['persist'] }, hwType: 65534, address: undefined });
  t.deepEqual(link('tun0').flagNames, ['POINTOPOINT', 'MULTICAST', 'NOARP', 'UP']);
});

test('vxlan and macvlan: id, underlay, port, remote, mode', (t) => {
  t.like(link('vx0'), { mtu: 1450, data: { id: 42, vxlanLink: 2, port: 4789, remote: '10.9.9.9' } });
  t.like(link('mv0'), { link: 2, data: { mode: 'bridge' } });
});

test('counters: IFLA_STATS64 of loopback and a veth', (t) => {
  const lo = link('lo').counters!;
  t.is(lo.rxPackets, lo.txPackets, 'loopback receives what it sends');
  t.is(lo.rxBytes, lo.txBytes);
  t.true(Object.values(link('v0').counters!).every((v) => Number.isInteger(v) && v >= 0));
});

test('addresses: IFA_LOCAL, prefix length, index', (t) => {
  const addrs = datagrams('addr-dump.bin').map(parseAddress).filter((a) => a !== undefined);
  t.deepEqual(addrs.map((a) => [a.index, `${a.address}/${a.prefixLength}`, a.label]), [
    [1, '127.0.0.1/8', 'lo'], [2, '10.7.0.1/24', 'v0'], [3, '10.8.0.1/24', 'br0'], [7, '172.21.22.23/24', 'tun0'],
  ]);
});

test('vlan (hand-built as the kernel sends it): id, protocol, parent', (t) => {
  // ifinfomsg {AF_UNSPEC, ARPHRD_ETHER, index 12, IFF_UP|BROADCAST|MULTICAST…}, IFLA_IFNAME "v0.10",
  // IFLA_MTU 1500, IFLA_LINK 2, IFLA_LINKINFO {KIND "vlan", DATA {VLAN_PROTOCOL 0x8100 (big-endian), VLAN_ID 10}}.
  const b = new MessageBuilder(RTM_NEWLINK, 0);
  const h = b.header(16);
  h.setUint16(2, 1, true);
  h.setInt32(4, 12, true);
  h.setUint32(8, 0x11043, true);
  b.string(IFLA_IFNAME, 'v0.10').u32(IFLA_MTU, 1500).u32(IFLA_LINK, 2)
    .nest(IFLA_LINKINFO, (li) => li.string(IFLA_INFO_KIND, 'vlan')
      .nest(IFLA_INFO_DATA, (d) => d.attr(IFLA_VLAN_PROTOCOL, new Uint8Array([0x81, 0x00])).attr(IFLA_VLAN_ID, new Uint8Array([10, 0]))));
  const l = parseLink(parseMessages(b.finish(1))[0]!)!;
  t.like(l, { index: 12, name: 'v0.10', kind: 'vlan', link: 2, mtu: 1500, data: { id: 10, protocol: '802.1Q' } });
  t.deepEqual(l.flagNames, ['BROADCAST', 'MULTICAST', 'UP', 'LOWER_UP']);
});

test('RTM_NEWSTATS: the 64-bit counters block', (t) => {
  const stats = new Uint8Array(24 * 8);
  const dv = new DataView(stats.buffer);
  [10, 20, 1500, 3000, 1, 2, 3, 4, 5].forEach((v, i) => dv.setBigUint64(i * 8, BigInt(v), true));
  dv.setBigUint64(16, 2n ** 40n, true);  // rx_bytes past 32 bits
  const b = new MessageBuilder(RTM_NEWSTATS, 0);
  b.header(12).setUint32(4, 3, true);
  b.attr(1, stats);
  t.deepEqual(parseStats(parseMessages(b.finish(1))[0]!), {
    rxPackets: 10, txPackets: 20, rxBytes: 2 ** 40, txBytes: 3000, rxErrors: 1, txErrors: 2, rxDropped: 3, txDropped: 4, multicast: 5,
  });
});

test('IPv6 text as RFC 5952 writes it', (t) => {
  const v6 = (s: string): Uint8Array => Uint8Array.from(Buffer.from(s.replace(/ /g, ''), 'hex'));
  t.is(ipv6Text(v6('fe80 0000 0000 0000 0000 00ff fe00 0001')), 'fe80::ff:fe00:1');
  t.is(ipv6Text(v6('0000 0000 0000 0000 0000 0000 0000 0001')), '::1');
  t.is(ipv6Text(v6('2001 0db8 0000 0001 0000 0000 0000 0001')), '2001:db8:0:1::1');
  t.is(ipv6Text(v6('2001 0db8 0000 0000 0001 0000 0000 0001')), '2001:db8::1:0:0:1');
  t.is(ipv6Text(v6('0000 0000 0000 0000 0000 ffff c000 0201')), '::ffff:192.0.2.1');
  t.is(ipv6Text(new Uint8Array(16)), '::');
});
