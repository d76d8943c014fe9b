import test from 'ava';
import { Decoder } from '../../src/decoders/decoder.js';
import { Layer } from '../../src/decoders/layer.js';
import { LinkType } from '../../src/decoders/link-type.js';
import { be16, be32, bytes, concat, dnsHeader, dnsName, ether, ip6, ipv4, ptr, rr, udp } from '../helpers/frames.js';

const d = new Decoder();
const frame = (msg: Uint8Array, sport = 53, dport = 40000): Uint8Array =>
  ether('00:00:00:00:00:02', '00:00:00:00:00:01', 0x0800, ipv4({ proto: 17 }, udp(sport, dport, msg)));
const DNS = 42; // offset of the DNS header in the frame
const txt = (...s: string[]): Uint8Array => concat(...s.map((x) => concat(bytes(x.length), new TextEncoder().encode(x))));

// A response for www.example.com with one record of every decoded type, all names compressed
// against the question (at message offset 12) — tcpdump: 4660*- q: A? www.example.com. 9/1/1 ...
const question = concat(dnsName('www.example.com'), be16(1), be16(1));
const Q = ptr(12), EXAMPLE = ptr(16);
const answers = [
  rr(Q, 5, concat(bytes(3), new TextEncoder().encode('cdn'), EXAMPLE)), // CNAME cdn.example.com
  rr(Q, 1, bytes(93, 184, 216, 34)), // A
  rr(Q, 28, ip6('2606:2800:220:1::248')), // AAAA
  rr(EXAMPLE, 15, concat(be16(10), bytes(4), new TextEncoder().encode('mail'), EXAMPLE)), // MX 10 mail.example.com
  rr(EXAMPLE, 16, txt('v=spf1 -all', 'second')), // TXT
  rr(EXAMPLE, 6, concat(bytes(3), new TextEncoder().encode('ns1'), EXAMPLE, bytes(5), new TextEncoder().encode('admin'), EXAMPLE, be32(2024010101), be32(7200), be32(3600), be32(1209600), be32(300))), // SOA
  rr(concat(bytes(4), new TextEncoder().encode('_sip'), bytes(4), new TextEncoder().encode('_udp'), EXAMPLE), 33, concat(be16(1), be16(5), be16(5060), bytes(3), new TextEncoder().encode('sip'), EXAMPLE)), // SRV
  rr(dnsName('34.216.184.93.in-addr.arpa'), 12, concat(bytes(3), new TextEncoder().encode('www'), EXAMPLE)), // PTR
  rr(Q, 99, bytes(1, 2, 3)), // SPF-type 99: reported by type and length only
];
const authority = rr(EXAMPLE, 2, concat(bytes(1), new TextEncoder().encode('a'), bytes(12), new TextEncoder().encode('iana-servers'), bytes(3), new TextEncoder().encode('net'), bytes(0)));
const additional = rr(bytes(0), 41, bytes(), 0x8000, 1232); // OPT, DO bit
const response = concat(dnsHeader(0x1234, 0x8580, 1, answers.length, 1, 1), question, ...answers, authority, additional);

test('DNS header fields', (t) => {
  const p = d.decode(frame(response), LinkType.EN10MB), m = p.dns!;
  t.is(m.id, 0x1234);
  t.is(m.flags, 0x8580);
  t.true(m.isResponse);
  t.is(m.opcode, 0);
  t.true(m.authoritative);
  t.false(m.truncation);
  t.true(m.recursionDesired);
  t.true(m.recursionAvailable);
  t.is(m.rcode, 0);
  t.deepEqual([m.questionCount, m.answerCount, m.authorityCount, m.additionalCount], [1, 9, 1, 1]);
  t.deepEqual([m.qdCount, m.anCount, m.nsCount, m.arCount], [1, 9, 1, 1]);
  t.is(m.offset, DNS);
  t.is(m.length, response.length);
  t.false(m.overTcp);
  t.is(p.stop, undefined);
  t.is(p.payloadLength, 0);
});

test('DNS questions and every decoded record type, names through compression pointers', (t) => {
  const m = d.decode(frame(response), LinkType.EN10MB).dns!;
  t.deepEqual(m.questions, [{ name: 'www.example.com', type: 1, class: 1, offset: DNS + 12 }]);
  const a = m.answers;
  t.deepEqual(a.map((r) => [r.name, r.type, r.class, r.ttl]), [
    ['www.example.com', 5, 1, 300], ['www.example.com', 1, 1, 300], ['www.example.com', 28, 1, 300],
    ['example.com', 15, 1, 300], ['example.com', 16, 1, 300], ['example.com', 6, 1, 300],
    ['_sip._udp.example.com', 33, 1, 300], ['34.216.184.93.in-addr.arpa', 12, 1, 300], ['www.example.com', 99, 1, 300],
  ]);
  t.is(a[0]!.data, 'cdn.example.com');
  t.is(a[1]!.data, '93.184.216.34');
  t.is(a[2]!.data, '2606:2800:220:1::248');
  t.deepEqual(a[3]!.data, { preference: 10, exchange: 'mail.example.com' });
  t.deepEqual(a[4]!.data, ['v=spf1 -all', 'second']);
  t.deepEqual(a[5]!.data, { mname: 'ns1.example.com', rname: 'admin.example.com', serial: 2024010101, refresh: 7200, retry: 3600, expire: 1209600, minimum: 300 });
  t.deepEqual(a[6]!.data, { priority: 1, weight: 5, port: 5060, target: 'sip.example.com' });
  t.is(a[7]!.data, 'www.example.com');
  t.is(a[8]!.data, undefined);
  t.is(a[8]!.rdLength, 3);
  t.is(a[8]!.rdOffset, a[8]!.offset + 2 + 10);
  t.deepEqual(m.authorities.map((r) => [r.name, r.type, r.data]), [['example.com', 2, 'a.iana-servers.net']]);
  t.deepEqual(m.additionals.map((r) => [r.name, r.type, r.class, r.ttl, r.rdLength]), [['.', 41, 1232, 0x8000, 0]]);
});

test('DNS query on the destination port; labels with dots and unprintables are escaped', (t) => {
  const q = concat(dnsHeader(7, 0x0100, 1, 0, 0, 0), bytes(3, 0x61, 0x2e, 0x01, 0), be16(16), be16(1));
  const m = d.decode(frame(q, 40000, 53), LinkType.EN10MB).dns!;
  t.false(m.isResponse);
  t.deepEqual(m.questions.map((x) => x.name), ['a\\.\\001']);
});

test('DNS pointer loop is an error, not a hang', (t) => {
  // The question name is a pointer to itself.
  const msg = concat(dnsHeader(1, 0, 1, 0, 0, 0), ptr(12), be16(1), be16(1));
  const p = d.decode(frame(msg), LinkType.EN10MB);
  t.like(p.stop, { layer: Layer.Dns, offset: DNS, kind: 'error', detail: 'question 1: name pointer to 12 does not point backwards' });
  t.is(p.dns?.qdCount, 0);
  t.deepEqual(p.dns?.questions, []);
  // Two pointers pointing at each other.
  const loop = concat(dnsHeader(1, 0, 2, 0, 0, 0), bytes(1, 0x61), ptr(14), be16(1), be16(1), ptr(12), be16(1), be16(1));
  const q = d.decode(frame(loop), LinkType.EN10MB);
  t.is(q.stop?.kind, 'error');
});

test('DNS forward pointer is an error', (t) => {
  const msg = concat(dnsHeader(1, 0x8000, 1, 1, 0, 0), dnsName('a.b'), be16(1), be16(1), rr(ptr(40), 1, bytes(1, 2, 3, 4)));
  t.is(d.decode(frame(msg), LinkType.EN10MB).stop?.detail, 'answer 1: name pointer to 40 does not point backwards');
});

test('DNS counts larger than the message: an error within the UDP length, a cut when captured short', (t) => {
  const msg = concat(dnsHeader(1, 0x8000, 1, 2, 0, 0), dnsName('a.b'), be16(1), be16(1), rr(ptr(12), 1, bytes(1, 2, 3, 4)));
  const p = d.decode(frame(msg), LinkType.EN10MB);
  t.like(p.stop, { layer: Layer.Dns, offset: DNS, kind: 'error', lenSource: 'udp-length', required: msg.length + 1, available: msg.length, detail: 'answer 2' });
  t.deepEqual(p.dns?.answers.map((r) => r.data), ['1.2.3.4']);
  const full = frame(concat(msg, rr(ptr(12), 1, bytes(5, 6, 7, 8))));
  const q = d.decode(full.subarray(0, full.length - 2), LinkType.EN10MB);
  t.like(q.stop, { layer: Layer.Dns, offset: DNS, kind: 'truncated', lenSource: 'caplen', detail: 'answer 2' });
  t.true(q.truncated);
});

test('DNS record data that does not match its type is an error', (t) => {
  const bad = (rd: Uint8Array, type: number): string | undefined =>
    d.decode(frame(concat(dnsHeader(1, 0x8000, 0, 1, 0, 0), rr(bytes(0), type, rd))), LinkType.EN10MB).stop?.detail;
  t.is(bad(bytes(1, 2, 3), 1), 'answer 1: A record length 3 != 4');
  t.is(bad(new Uint8Array(4), 28), 'answer 1: AAAA record length 4 != 16');
  t.is(bad(bytes(5, 0x61), 5), 'answer 1: name runs past the record data');
  t.is(bad(bytes(0, 10), 15), 'answer 1: MX record length 2 < 3');
  t.is(bad(bytes(5, 0x61), 16), 'answer 1: TXT string past the record');
  t.is(bad(bytes(0, 0), 6), 'answer 1: SOA record too short');
  t.is(bad(bytes(0x40), 2), 'answer 1: label type 0x40 not supported');
});

test('DNS name longer than 255 bytes is an error', (t) => {
  const long = concat(...Array.from({ length: 5 }, () => concat(bytes(63), new Uint8Array(63).fill(0x61))), bytes(0));
  const p = d.decode(frame(concat(dnsHeader(1, 0, 1, 0, 0, 0), long, be16(1), be16(1))), LinkType.EN10MB);
  t.is(p.stop?.detail, 'question 1: name longer than 255 bytes');
});

test('DNS header cut short stops at DNS', (t) => {
  const f = frame(response);
  const p = d.decode(f.subarray(0, DNS + 5), LinkType.EN10MB);
  t.is(p.dns, undefined);
  t.like(p.stop, { layer: Layer.Dns, offset: DNS, required: 12, available: 5, kind: 'truncated' });
});

test('DNS walk is lazy but the packet reports it: stop and payload wait for it', (t) => {
  const msg = concat(dnsHeader(1, 0, 1, 0, 0, 0), ptr(12), be16(1), be16(1));
  const p = d.decode(frame(msg), LinkType.EN10MB);
  t.is(p.payloadOffset, DNS);
  t.is(p.stop?.layer, Layer.Dns);
  const q = d.decode(frame(response), LinkType.EN10MB);
  t.is(q.dns!.anCount, 9); // the getter walks and settles the packet
  t.is(q.stop, undefined);
  t.is(q.payloadOffset, DNS + response.length);
});

// The reads the text printer makes (issue 14: it prints from the view), from the DNS header, checked.
test('DNS printer reads: header words, names skipped, record fields and RDATA through the field sub-view, the extended RCODE', (t) => {
  const p = d.decode(frame(response), LinkType.EN10MB), m = p.dns!;
  m.frameForPrinting(false);
  t.deepEqual([0, 1, 2, 3, 4, 5].map((k) => m.headerWord(k)), [0x1234, 0x8580, 1, answers.length, 1, 1]);
  // The question's name ends at 12 + 17; its type and class follow.
  const q = m.skipName(12);
  t.is(q, 12 + 17);
  t.deepEqual([m.at(q).type, m.at(q).rrClass], [1, 1]);
  // The first answer: a compressed name (2 bytes), then type CNAME, class IN, TTL, RDLENGTH.
  const a1 = q + 4, f1 = m.skipName(a1);
  t.is(f1, a1 + 2);
  t.deepEqual([m.at(f1).type, m.at(f1).rrClass, m.at(f1).rdLength], [5, 1, 6]);
  // The second answer's RDATA is the A record's address.
  const a2 = f1 + 10 + 6, f2 = m.skipName(a2);
  t.deepEqual([m.at(f2).type, m.at(f2 + 10).a], [1, '93.184.216.34']);
  // No OPT TTL bits set: the extended RCODE is the header's.
  t.is(m.extendedRcode(0), 0);
  t.is(m.data(12), 3);
  t.true(m.dataCaptured(response.length));
  t.false(m.dataCaptured(response.length + 1));
  // Cut inside the question's name: skipping it fails, and a read past the capture throws.
  const cut = d.decode(frame(response).subarray(0, DNS + 20), LinkType.EN10MB).viewAt(Layer.Dns, DNS) as typeof m;
  cut.frameForPrinting(false);
  t.is(cut.skipName(12), -1);
  t.is(cut.messageCaptured, 20);
  let thrown: unknown;
  try { cut.data(20); } catch (e) { thrown = e; }
  t.deepEqual(thrown, { notCaptured: true });
});
