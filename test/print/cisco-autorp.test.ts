// Cisco's auto-RP (src/output/text/cisco-autorp.ts) against the installed tcpdump 4.99.3: both
// message types and others, holdtimes (FOREVER, seconds to days), RPs with every PIM version and
// reserved bits, group entries negative, bidirectional, with reserved bits; counts the lengths do
// not hold (tcpdump's [|cisco_autorp] and a normal return); either port and beside the ports
// print-udp.c tests before and after it; whole and cut at many lengths, with -v, -e, -x, -X, -q.
import test from 'ava';
import { be16, be32, bytes, concat, ether, ip4, ipv4, udp } from '../helpers/frames.js';
import { Oracle, withCuts } from '../helpers/oracle.js';

const oracle = new Oracle();
test.after.always(() => oracle.cleanup());

const header = (type: number, rps: number, hold: number): Uint8Array => concat(bytes(type, rps), be16(hold), be32(0));
const rp = (addr: string, versions: number, ...groups: Uint8Array[]): Uint8Array => concat(ip4(addr), bytes(versions, groups.length), ...groups);
const group = (flags: number, mask: number, addr: string): Uint8Array => concat(bytes(flags, mask), ip4(addr));

function messages(): Uint8Array[] {
  return [
    concat(header(0x11, 1, 181), rp('10.0.0.1', 3, group(0, 4, '224.0.0.0'))),
    concat(header(0x12, 2, 0), rp('10.0.0.1', 2, group(0, 4, '224.0.0.0'), group(1, 8, '239.0.0.0'), group(2, 16, '232.1.0.0')),
      rp('10.0.0.2', 1, group(0xfe, 32, '225.1.2.3'))),
    concat(header(0x42, 1, 0xffff), rp('66.66.66.66', 0x42, group(0x42, 66, '66.66.66.66'), group(0x43, 66, '66.66.66.66'))),
    concat(header(0x11, 1, 86400 % 65536), rp('10.0.0.9', 0)),
    header(0x12, 0, 60),
    // Counts the lengths do not hold: an RP cut at its address, its versions byte, its group count; a group cut.
    header(0x12, 1, 60), concat(header(0x12, 1, 60), ip4('10.0.0.1').subarray(0, 3)), concat(header(0x12, 1, 60), ip4('10.0.0.1')),
    concat(header(0x12, 1, 60), ip4('10.0.0.1'), bytes(3)), concat(header(0x12, 1, 60), ip4('10.0.0.1'), bytes(3, 2), group(0, 4, '224.0.0.0'), bytes(0, 4, 239)),
    concat(header(0x12, 3, 60), rp('10.0.0.1', 2, group(0, 4, '224.0.0.0'))),
    // Shorter than the header.
    bytes(0x11, 1, 0, 60, 0, 0, 0), bytes(),
  ];
}

function frames(): Uint8Array[] {
  const v4 = (sport: number, dport: number, p: Uint8Array): Uint8Array =>
    ether('01:00:5e:00:01:28', '02:00:00:00:00:01', 0x0800, ipv4({ src: '10.0.0.1', dst: '224.0.1.40', proto: 17, ttl: 16 }, udp(sport, dport, p)));
  const out = messages().map((m) => v4(496, 496, m));
  const m = messages()[1]!;
  // Either port; beside ports print-udp.c tests before auto-RP (DNS, HNCP, the whiteboard's 4567 as destination) and after it (RADIUS, HSRP, VQP).
  for (const [s, d] of [[40000, 496], [496, 40000], [53, 496], [8231, 496], [496, 4567], [4567, 496], [496, 1812], [1985, 496], [496, 1985], [1589, 496]] as const) out.push(v4(s, d, m));
  return out;
}

test('Cisco auto-RP: both types and others, holdtimes, RPs and groups with every flag, counts the lengths do not hold, either port and beside the ports before and after it, whole and cut', (t) => {
  const f = frames();
  t.true(f.length > 20, `${f.length} frames`);
  // Cuts inside the UDP header, the auto-RP header, the first RP and its groups, the second RP.
  oracle.compare(t, 1, withCuts(f, [40, 42, 43, 44, 46, 49, 50, 52, 54, 55, 56, 58, 60, 62, 66, 70, 74, 78]), [[], ['-v'], ['-e'], ['-x'], ['-v', '-X'], ['-q']]);
});
