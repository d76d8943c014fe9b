// Solaris IPnet and ARCNET (BSD and Linux headers) built here, printed by bin/vcap and by the
// installed tcpdump with the same flags, whole and cut at every length: the outputs must be identical.
import test from 'ava';
import { be16, be32, bytes, concat, fromHex, ipv4, ipv6, udp } from '../helpers/frames.js';
import { Oracle, withCuts } from '../helpers/oracle.js';

const oracle = new Oracle();
test.after.always(() => oracle.cleanup());

const FLAGS = [[], ['-e'], ['-v'], ['-q', '-e'], ['-x'], ['-e', '-x']];
const text = (s: string): Uint8Array => Uint8Array.from(Buffer.from(s, 'latin1'));
const v4 = ipv4({ proto: 17, src: '10.0.0.1', dst: '10.0.0.2' }, udp(1234, 5678, text('hello')));
const v6 = ipv6({ nh: 17, src: 'fe80::1', dst: 'fe80::2' }, udp(1, 2, text('six')));
/** ARP over ARCNET: hardware type 7, 1-byte hardware addresses. */
const arp = (op: number): Uint8Array => concat(be16(7), be16(0x0800), bytes(1, 4), be16(op), bytes(0x11), fromHex('0a000001'), bytes(0x22), fromHex('0a000002'));
const everyCut = (frames: Uint8Array[]): number[] => [...Array(Math.max(...frames.map((f) => f.length))).keys()].slice(1);

test('IPnet: IPv4, IPv6 and other families, zones, with and without -e and -q; cut short', (t) => {
  const hdr = (family: number, hook: number): Uint8Array => concat(bytes(1, family), be16(hook), be32(60), be32(2), be32(0), be32(7), be32(0xffffffff));
  const frames = [concat(hdr(2, 0), v4), concat(hdr(26, 1), v6), concat(hdr(9, 2), text('other')), concat(hdr(0, 0), v4)];
  oracle.compare(t, 226, withCuts(frames, everyCut(frames.slice(0, 2))), FLAGS);
});

test('ARCNET (BSD): old and RFC 1201 headers, exception packets, fragments, every system code; Linux headers; cut short', (t) => {
  const old = (type: number, payload: Uint8Array): Uint8Array => concat(bytes(0x01, 0x02, type), payload);
  const phds = (type: number, flag: number, seq: number, payload: Uint8Array): Uint8Array => concat(bytes(0x03, 0x04, type, flag), be16(seq), payload);
  const exc = (type: number, flag: number, seq: number, payload: Uint8Array): Uint8Array =>
    concat(bytes(0x05, 0x06, type, 0xff, 0xff, 0xff), bytes(type, flag), be16(seq), payload);
  const bsd = [
    old(240, v4), old(241, arp(1)), old(0x80, text('diagnose')), phds(212, 0, 0x1234, v4), phds(213, 0, 1, arp(2)), phds(214, 0, 2, arp(3)),
    phds(0xc4, 0, 3, v6), phds(212, 3, 9, v4), phds(212, 1, 9, v4), phds(212, 2, 9, text('middle')), phds(212, 6, 9, text('last')),
    phds(247, 0, 4, text('vines')), phds(0x42, 0, 5, text('unknown')), exc(212, 0, 0x0102, v4), exc(212, 4, 7, text('frag')),
  ];
  oracle.compare(t, 7, withCuts(bsd, everyCut([bsd[0]!, bsd[3]!, bsd[13]!].map((f) => f.subarray(0, 40)))), FLAGS);
  const linux = (type: number, payload: Uint8Array, offset = 0x1020): Uint8Array => concat(bytes(0x07, 0x08), be16(offset), bytes(type), payload);
  const lin = [linux(240, v4), linux(0x80, text('d')), concat(linux(212, bytes(0, 0, 0)), v4), concat(linux(0xc4, bytes(1, 0, 0)), v6),
    concat(linux(213, bytes(0, 0, 0)), arp(1)), concat(linux(0x33, bytes(0, 0, 0)), text('unknown')), concat(linux(212, bytes(0, 0, 0), 0xd400), v4)];
  oracle.compare(t, 129, withCuts(lin, everyCut(lin.slice(0, 3).map((f) => f.subarray(0, 40)))), FLAGS);
});
