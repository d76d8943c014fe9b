// VQP (src/output/text/vqp.ts) against the installed tcpdump 4.99.3: requests and responses of every
// message type and error code, every object type (addresses, names, MAC addresses, an Ethernet
// packet, unknown objects), objects of the wrong length, more or fewer objects than the header says,
// other versions, VQP on either port and beside the ports print-udp.c tests before it — whole and cut
// at many lengths, no flag, -v, -vv, -e, -x, -X, -q.
import test from 'ava';
import { be16, be32, bytes, concat, ether, ipv4, mac, udp } from '../helpers/frames.js';
import { Oracle, withCuts } from '../helpers/oracle.js';

const oracle = new Oracle();
test.after.always(() => oracle.cleanup());

const obj = (type: number, value: Uint8Array): Uint8Array => concat(be32(type), be16(value.length), value);
const header = (version: number, type: number, error: number, items: number, seq = 0x1234abcd): Uint8Array => concat(bytes(version, type, error, items), be32(seq));
const text = (s: string): Uint8Array => Buffer.from(s, 'latin1');

function messages(): Uint8Array[] {
  const join = [
    obj(0x0c01, bytes(10, 1, 2, 3)), obj(0x0c02, text('Fa0/1')), obj(0x0c03, text('')), obj(0x0c04, text('campus')),
    obj(0x0c05, concat(mac('00:11:22:33:44:55'), mac('66:77:88:99:aa:bb'), be16(0x0800), text('payload'))), obj(0x0c06, mac('00:00:00:00:00:00')),
  ];
  const out: Uint8Array[] = [];
  for (const type of [1, 2, 3, 4, 0, 9]) out.push(concat(header(1, type, 0, join.length), ...join));
  for (const error of [0, 3, 4, 5, 1, 200]) out.push(concat(header(1, 2, error, 2), obj(0x0c03, text('vlan10')), obj(0x0c08, mac('00:11:22:33:44:55'))));
  out.push(concat(header(1, 1, 0, 2), obj(0x0c01, bytes(10, 1, 2)), obj(0x0c02, text('x'))));        // an address of 3 bytes
  out.push(concat(header(1, 1, 0, 1), obj(0x0c08, mac('00:11:22:33:44:55').subarray(0, 5))));       // a MAC of 5
  out.push(concat(header(1, 1, 0, 3), obj(0x0c07, bytes(1, 2, 3, 4, 5)), obj(0x1234, bytes(9)), obj(0x0c02, text('Gi1/0/24'))));   // unknown objects
  out.push(concat(header(1, 1, 0, 5), obj(0x0c02, text('a'))));                                      // fewer objects than it says
  out.push(concat(header(1, 1, 0, 1), obj(0x0c02, text('a')), obj(0x0c03, text('b'))));               // more
  out.push(concat(header(1, 1, 0, 2), obj(0x0c02, bytes()), obj(0x0c03, text('b'))));                 // a zero length ends the walk
  out.push(concat(header(1, 1, 0, 2), obj(0, text('z')), obj(0x0c03, text('b'))));                    // so does type 0
  out.push(concat(header(1, 1, 0, 1), be32(0x0c02), be16(40), text('short')));                        // a length past the message
  out.push(concat(header(1, 1, 0, 1), be32(0x0c02), bytes(0)));                                       // an object header cut by the message
  out.push(concat(header(1, 1, 0, 0), obj(0x0c02, text('ignored'))));
  out.push(concat(header(2, 1, 0, 1), obj(0x0c02, text('v2'))), header(98, 1, 0, 0), header(0, 1, 0, 0));
  out.push(header(1, 1, 0, 0), bytes(1, 1, 0, 0, 0, 0), bytes());
  return out;
}

function frames(): Uint8Array[] {
  const u = (sport: number, dport: number, p: Uint8Array): Uint8Array =>
    ether('02:00:00:00:00:02', '02:00:00:00:00:01', 0x0800, ipv4({ src: '10.0.0.1', dst: '10.0.0.2', proto: 17 }, udp(sport, dport, p)));
  const out = messages().map((m) => u(40000, 1589, m));
  const m = messages()[0]!;
  // Either port; beside ports print-udp.c tests before VQP (DNS, BFD, LMP) and after it (sFlow, LWAPP).
  for (const [s, d] of [[1589, 40000], [1589, 1589], [53, 1589], [1589, 3784], [1589, 701], [1589, 6343], [12222, 1589]] as const) out.push(u(s, d, m));
  return out;
}

const FLAGS = [[], ['-v'], ['-vv'], ['-e'], ['-x'], ['-v', '-X'], ['-q']];

test('VQP: every message type, error code and object, malformed and short messages, either port and beside the ports before and after it, whole and cut', (t) => {
  const f = frames();
  t.true(f.length > 30, `${f.length} frames`);
  oracle.compare(t, 1, withCuts(f, [42, 43, 46, 49, 50, 52, 56, 60, 64, 70, 80, 90, 100, 120]), FLAGS);
});
