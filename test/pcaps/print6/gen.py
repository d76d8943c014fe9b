#!/usr/bin/python3
"""Regenerates the IPv6 / ICMPv6 / DNS golden cases in this directory.

Each case is a pcap built with scapy plus the text Debian's tcpdump 4.99.3 prints for it:
    TZ=GMT0 tcpdump -# -n -r NAME.pcap FLAGS > NAME[-FLAGS].out
TESTS.tsv lists them in the corpus format (name, pcap, flags, out).
Run from anywhere:  /usr/bin/python3 test/pcaps/print6/gen.py
"""
import os
import struct
import subprocess

from scapy.all import (Ether, IP, IPv6, UDP, TCP, Raw, DNS, DNSQR, DNSRR, DNSRROPT, EDNS0TLV,
                       IPv6ExtHdrHopByHop, IPv6ExtHdrDestOpt, IPv6ExtHdrRouting,
                       IPv6ExtHdrFragment, IPv6ExtHdrSegmentRouting, PadN, Pad1, RouterAlert,
                       Jumbo, HAO,
                       ICMPv6EchoRequest, ICMPv6EchoReply, ICMPv6DestUnreach, ICMPv6PacketTooBig,
                       ICMPv6TimeExceeded, ICMPv6ParamProblem, ICMPv6ND_RS, ICMPv6ND_RA,
                       ICMPv6ND_NS, ICMPv6ND_NA, ICMPv6ND_Redirect, ICMPv6NDOptSrcLLAddr,
                       ICMPv6NDOptDstLLAddr, ICMPv6NDOptPrefixInfo, ICMPv6NDOptMTU,
                       ICMPv6NDOptRDNSS, ICMPv6NDOptDNSSL, ICMPv6NDOptRouteInfo,
                       ICMPv6NDOptAdvInterval, ICMPv6NDOptHAInfo, ICMPv6NDOptRedirectedHdr,
                       ICMPv6MLQuery, ICMPv6MLReport, ICMPv6MLDone, ICMPv6MLQuery2,
                       ICMPv6MLReport2, ICMPv6MLDMultAddrRec, ICMPv6NIQueryName,
                       ICMPv6NIQueryIPv6, ICMPv6NIQueryNOOP, ICMPv6NIReplyName, ICMPv6NIReplyIPv6,
                       ICMPv6HAADRequest, ICMPv6HAADReply, ICMPv6MPSol, ICMPv6MPAdv,
                       ICMPv6Unknown, MIP6MH_BU, MIP6MH_BA, MIP6MH_BRR, MIP6MH_HoTI, MIP6MH_HoT,
                       MIP6MH_BE, MIP6OptBRAdvice, MIP6OptAltCoA, MIP6OptNonceIndices)

HERE = os.path.dirname(os.path.abspath(__file__))
E = Ether(src='02:00:00:00:00:01', dst='02:00:00:00:00:02')
A6, B6 = '2001:db8::1', '2001:db8::2'
LL1, LL2 = 'fe80::1', 'fe80::2'
A4, B4 = '192.0.2.1', '192.0.2.53'

cases = []   # (name, linktype, [(bytes, caplen or None)], [flag strings])


def case(name, pkts, flags=('',), linktype=1):
    frames = []
    for p in pkts:
        if isinstance(p, tuple):
            frames.append((bytes(p[0]), p[1]))
        else:
            frames.append((bytes(p), None))
    cases.append((name, linktype, frames, flags))


def write_pcap(path, linktype, frames):
    with open(path, 'wb') as f:
        f.write(struct.pack('<IHHiIII', 0xa1b2c3d4, 2, 4, 0, 0, 262144, linktype))
        for i, (data, cap) in enumerate(frames):
            caplen = len(data) if cap is None else min(cap, len(data))
            f.write(struct.pack('<IIII', 1700000000 + i, 1000 * i, caplen, len(data)))
            f.write(data[:caplen])


def v6(src=A6, dst=B6, **kw):
    return E / IPv6(src=src, dst=dst, **kw)


# ---------------------------------------------------------------- DNS
def dns4(d, sport=33333, dport=53):
    return E / IP(src=A4, dst=B4, id=1, flags='DF') / UDP(sport=sport, dport=dport) / d


def dns4r(d):
    return E / IP(src=B4, dst=A4, id=2) / UDP(sport=53, dport=33333) / d


def dns6(d, sport=40000):
    return v6() / UDP(sport=sport, dport=53) / d


ans = [
    DNSRR(rrname='www.example.com', type='A', ttl=3600, rdata='93.184.216.34'),
    DNSRR(rrname='www.example.com', type='AAAA', ttl=86400, rdata='2606:2800:220:1::248'),
    DNSRR(rrname='alias.example.com', type='CNAME', ttl=59, rdata='www.example.com'),
    DNSRR(rrname='example.com', type='NS', ttl=172800, rdata='a.iana-servers.net'),
    DNSRR(rrname='34.216.184.93.in-addr.arpa', type='PTR', ttl=7200, rdata='www.example.com'),
    DNSRR(rrname='example.com', type='MX', ttl=300, rdata=b'\x00\x0a\x04mail\x07example\x03com\x00'),
    DNSRR(rrname='example.com', type='TXT', ttl=300, rdata=[b'v=spf1 -all', b'hello "world"']),
    DNSRR(rrname='example.com', type='SOA', ttl=3600,
          rdata=b'\x02ns\x07example\x03com\x00\x05admin\x07example\x03com\x00' +
          struct.pack('>IIIII', 2024010101, 7200, 3600, 1209600, 300)),
    DNSRR(rrname='_sip._tcp.example.com', type='SRV', ttl=60,
          rdata=struct.pack('>HHH', 10, 60, 5060) + b'\x03sip\x07example\x03com\x00'),
    DNSRR(rrname='example.com', type=65, ttl=60, rdata=b'\x00\x01\x00\x00\x01\x00\x03\x02h2'),
    DNSRR(rrname='example.com', type=257, ttl=60, rdata=b'\x00\x05issueletsencrypt.org'),
    DNSRR(rrname='example.com', type='HINFO', ttl=60, rdata=b'\x03CPU\x02OS'),
    DNSRR(rrname='example.com', type=256, ttl=60, rdata=struct.pack('>HH', 10, 1) + b'https://example.com/'),
    DNSRR(rrname='chaos.example', rclass=3, type='TXT', ttl=0, rdata=[b'ch']),
    DNSRR(rrname='example.com', type='DNAME', ttl=10, rdata='example.net'),
    DNSRR(rrname='example.com', type=38, ttl=10, rdata=b'\x40' + b'\x00' * 8 + b'\x01\x02\x03\x04\x05\x06\x07\x08' + b'\x02pfx\x00'),
]
resp = DNS(id=4660, qr=1, aa=1, rd=1, ra=1, qd=DNSQR(qname='www.example.com', qtype='ANY'),
           an=ans[0] / ans[1] / ans[2] / ans[3] / ans[4] / ans[5] / ans[6] / ans[7] / ans[8],
           ns=ans[9] / ans[10] / ans[11], ar=ans[12] / ans[13] / ans[14] / ans[15])
case('dns-records', [
    dns4(DNS(id=4660, rd=1, qd=DNSQR(qname='www.example.com', qtype='ANY'))),
    dns4r(resp),
    dns6(DNS(id=7, rd=1, qd=DNSQR(qname='example.com', qtype='AAAA'))),
    v6(B6, A6) / UDP(sport=53, dport=40000) / DNS(id=7, qr=1, rd=1, ra=1, qd=DNSQR(qname='example.com', qtype='AAAA'),
                                                  an=DNSRR(rrname='example.com', type='AAAA', rdata='2001:db8::99')),
], ('', '-v', '-vv', '-vvv'))

case('dns-flags', [
    dns4(DNS(id=1, rd=0, qd=DNSQR(qname='example.com', qtype='MX'))),
    dns4(DNS(id=2, rd=1, cd=1, qd=DNSQR(qname='example.com', qtype='TXT', qclass='CH'))),
    dns4(DNS(id=3, opcode=4, aa=1, qd=DNSQR(qname='example.com', qtype='SOA'))),
    dns4(DNS(id=4, opcode=5, qd=DNSQR(qname='example.com', qtype='SOA'), ns=DNSRR(rrname='x.example.com', type='A', rdata='10.0.0.1'))),
    dns4(DNS(id=5, opcode=1, qd=None, an=DNSRR(rrname='x.example.com', type='A', rdata='10.0.0.1'))),
    dns4(DNS(id=6, rd=1, qd=DNSQR(qname='a.example', qtype='A') / DNSQR(qname='b.example', qtype='AAAA'))),
    dns4(DNS(id=7, rd=1, z=1, qd=DNSQR(qname='example.com', qtype=999, qclass=7))),
    dns4r(DNS(id=8, qr=1, rcode=3, ra=1, qd=DNSQR(qname='nx.example.com'))),
    dns4r(DNS(id=9, qr=1, rcode=2, ra=0, tc=1, ad=1, qd=DNSQR(qname='sf.example.com'))),
    dns4r(DNS(id=10, qr=1, rcode=5, opcode=2, qd=None)),
    dns4r(DNS(id=11, qr=1, rcode=9, qd=DNSQR(qname='.'))),
    dns4r(DNS(id=12, qr=1, rcode=14, qd=DNSQR(qname='x'))),
], ('', '-vv'))

opts = [EDNS0TLV(optcode=3, optdata=b'ns1'),
        EDNS0TLV(optcode=8, optdata=b'\x00\x01\x18\x00\xc0\x00\x02'),
        EDNS0TLV(optcode=8, optdata=b'\x00\x02\x30\x00\x20\x01\x0d\xb8\x00\x01'),
        EDNS0TLV(optcode=8, optdata=b'\x00\x01\x19\x00\xc0'),
        EDNS0TLV(optcode=10, optdata=bytes(range(8))),
        EDNS0TLV(optcode=10, optdata=bytes(range(24))),
        EDNS0TLV(optcode=10, optdata=bytes(range(9))),
        EDNS0TLV(optcode=11, optdata=b'\x01\x2c'),
        EDNS0TLV(optcode=9, optdata=b'\x00\x00\x0e\x10'),
        EDNS0TLV(optcode=12, optdata=b'\x00' * 17),
        EDNS0TLV(optcode=14, optdata=b'\x4f\x66\x12\x34'),
        EDNS0TLV(optcode=5, optdata=b'\x08\x0d\x63'),
        EDNS0TLV(optcode=6, optdata=b'\x01\x02\x09'),
        EDNS0TLV(optcode=7, optdata=b'\x01'),
        EDNS0TLV(optcode=13, optdata=b'\x07example\x03com\x00'),
        EDNS0TLV(optcode=65001, optdata=b'\xde\xad'),
        EDNS0TLV(optcode=15, optdata=b''),
        ]
case('dns-edns', [
    dns4(DNS(id=100 + i, rd=1, qd=DNSQR(qname='example.com'), ar=DNSRROPT(rclass=1232, z=0x8000 if i % 2 else 0, rdata=[o])))
    for i, o in enumerate(opts)
] + [
    dns4(DNS(id=200, rd=1, qd=DNSQR(qname='example.com'), ar=DNSRROPT(rclass=4096, rdata=opts[0:3]))),
    dns4r(DNS(id=201, qr=1, rcode=0, qd=DNSQR(qname='example.com'), ar=DNSRROPT(rclass=4096, extrcode=1))),
    dns4r(DNS(id=202, qr=1, rcode=7, qd=DNSQR(qname='example.com'), ar=DNSRROPT(rclass=4096, extrcode=1))),
    dns4r(DNS(id=203, qr=1, rcode=3, qd=DNSQR(qname='example.com'), ar=DNSRROPT(rclass=4096, extrcode=2))),
], ('', '-v', '-vv'))


def raw_dns(hdr, body):
    return dns4(Raw(hdr + body))


hdr_q = struct.pack('>HHHHHH', 0x1234, 0x0100, 1, 0, 0, 0)
hdr_r = struct.pack('>HHHHHH', 0x1234, 0x8180, 1, 1, 0, 0)
long_label = b'\x3f' + b'a' * 63
case('dns-names', [
    raw_dns(hdr_q, b'\x03w\xffw\x07ex\x01mple\x03com\x00\x00\x01\x00\x01'),                     # odd bytes in labels
    raw_dns(hdr_q, long_label * 5 + b'\x00\x00\x01\x00\x01'),                                      # > 255 characters
    raw_dns(hdr_r, b'\x07example\x03com\x00\x00\x01\x00\x01' + b'\xc0\x0c\x00\x01\x00\x01\x00\x00\x00\x3c\x00\x04\x0a\x00\x00\x01'),
    raw_dns(hdr_r, b'\x07example\x03com\x00\x00\x01\x00\x01' + b'\xc0\x30\x00\x01\x00\x01\x00\x00\x00\x3c\x00\x04\x0a\x00\x00\x01'),  # forward pointer
    raw_dns(hdr_r, b'\x07example\xc0\x0c\x00\x01\x00\x01' + b'\xc0\x0c\x00\x01\x00\x01\x00\x00\x00\x3c\x00\x04\x0a\x00\x00\x01'),  # self loop
    raw_dns(hdr_q, b'\x41\x10\xab\xcd\x03com\x00\x00\x01\x00\x01'),                               # bit-string label
    raw_dns(hdr_q, b'\x42\x10\xab\xcd\x00\x00\x01\x00\x01'),                                      # unknown extended label
    raw_dns(hdr_q, b'\x83abc\x00\x00\x01\x00\x01'),                                               # reserved label type
    raw_dns(hdr_q, b''),                                                                          # question missing
    raw_dns(struct.pack('>HHHHHH', 1, 0x8180, 1, 2, 0, 0), b'\x01a\x00\x00\x01\x00\x01' + b'\xc0\x0c\x00\x01\x00\x01\x00\x00\x00\x3c\x00\x04\x0a\x00\x00\x01'),  # answer missing
    raw_dns(b'\x00\x01\x01\x00\x00', b''),                                                         # short header
], ('', '-v', '-vv'))

tsig = DNSRR(rrname='key.example', type=250, rclass=255, ttl=0,
             rdata=b'\x0bhmac-sha256\x00' + b'\x00\x00\x65\x00\x00\x00' + b'\x01\x2c' + b'\x00\x04ABCD' + b'\x12\x34' + b'\x00\x00' + b'\x00\x00')
case('dns-tsig-ttl', [
    dns4r(DNS(id=77, qr=1, aa=1, qd=DNSQR(qname='example.com', qtype='A'),
              an=DNSRR(rrname='example.com', type='A', ttl=93784, rdata='10.1.2.3') /
              DNSRR(rrname='example.com', type='A', ttl=0, rdata='10.1.2.4') /
              DNSRR(rrname='example.com', type='A', ttl=31536000 + 604800 + 1, rdata='10.1.2.5'),
              ar=tsig)),
], ('', '-v', '-vv', '-vvv'))

full = bytes(dns4r(resp))
tcpmsg = bytes(DNS(id=99, qr=1, ra=1, qd=DNSQR(qname='example.com'), an=DNSRR(rrname='example.com', rdata='10.9.8.7')))
case('dns-trunc', [(full, n) for n in (42, 50, 56, 60, 75, 80, 90, 100, 130, 160, 200, 260, 300, 340, 380)] +
     [v6(B6, A6) / TCP(sport=53, dport=40001, flags='PA', seq=1, ack=1) / Raw(struct.pack('>H', len(tcpmsg)) + tcpmsg),
      v6(B6, A6) / TCP(sport=53, dport=40001, flags='PA', seq=1, ack=1) / Raw(struct.pack('>H', 5) + tcpmsg),
      v6(B6, A6) / TCP(sport=53, dport=40001, flags='PA', seq=1, ack=1) / Raw(b'\x00'),
      (v6(B6, A6) / TCP(sport=53, dport=40001, flags='PA', seq=1, ack=1) / Raw(struct.pack('>H', len(tcpmsg)) + tcpmsg), 110)],
     ('', '-vv'))

# ---------------------------------------------------------------- IPv6
case('ip6-basic', [
    v6(tc=0xb8, fl=0x12345) / UDP(sport=1000, dport=2000) / Raw(b'x' * 10),
    v6(hlim=1) / TCP(sport=1000, dport=80, flags='S', seq=1000),
    v6() / IPv6(src='2001:db8:1::1', dst='2001:db8:2::2') / ICMPv6EchoRequest(id=1, seq=2),
    v6(nh=59) / Raw(b''),
    v6(nh=253) / Raw(b'abcd'),
    v6(nh=143) / Raw(bytes(Ether(src='02:00:00:00:00:03', dst='02:00:00:00:00:04') / IP(src='10.0.0.1', dst='10.0.0.2') / UDP(sport=1, dport=2))),
    (v6() / UDP(sport=1000, dport=2000) / Raw(b'y' * 40), 60),
    (v6() / UDP(sport=1000, dport=2000), 30),
    v6(plen=100) / ICMPv6EchoRequest(id=5, seq=6),
    v6(plen=4) / ICMPv6EchoRequest(id=5, seq=6),
    E / IPv6(version=4, src=A6, dst=B6) / ICMPv6EchoRequest(),
    v6(plen=0) / ICMPv6EchoRequest(id=9, seq=9),
], ('', '-v', '-e'))

case('ip6-ext', [
    v6() / IPv6ExtHdrHopByHop(options=[RouterAlert(value=0), PadN(optdata=b'')]) / ICMPv6EchoRequest(id=1, seq=1),
    v6() / IPv6ExtHdrHopByHop(options=[Pad1(), Pad1(), PadN(optdata=b'\x00\x00'), ]) / UDP(sport=1, dport=2),
    v6() / IPv6ExtHdrDestOpt(options=[PadN(optdata=b'\x00\x00\x00\x00')]) / UDP(sport=1, dport=2),
    v6() / IPv6ExtHdrDestOpt(options=[HAO(hoa='2001:db8::99')]) / ICMPv6EchoReply(id=3, seq=4),
    v6() / IPv6ExtHdrHopByHop(options=[Jumbo(jumboplen=70000)]) / UDP(sport=1, dport=2),
    v6(plen=0) / IPv6ExtHdrHopByHop(options=[Jumbo(jumboplen=70000)]) / UDP(sport=1, dport=2),
    v6(plen=0) / IPv6ExtHdrHopByHop(options=[Jumbo(jumboplen=100)]) / UDP(sport=1, dport=2),
    v6() / IPv6ExtHdrDestOpt(options=[Jumbo(jumboplen=70000)]) / UDP(sport=1, dport=2),
    v6() / IPv6ExtHdrHopByHop(nh=17, len=0, options=[]) / Raw(b'\x11\x22\x33\x44\x55\x66\x00\x01\x00\x02\x00\x08\x00\x00'),
    v6() / IPv6ExtHdrHopByHop(nh=17, len=0, autopad=0, options=[]) / Raw(b'\x05\x02\x00\x00\x01\x00'),
    v6() / Raw(b'\x11\x00\x3d\x04\x00\x00\x00\x00') / UDP(sport=1, dport=2),
    v6() / IPv6ExtHdrRouting(type=0, addresses=['2001:db8::a', '2001:db8::b'], segleft=2) / ICMPv6EchoRequest(id=7, seq=8),
    v6() / IPv6ExtHdrRouting(type=2, addresses=['2001:db8::c'], segleft=1) / UDP(sport=5, dport=6),
    v6() / IPv6ExtHdrSegmentRouting(addresses=['2001:db8::d', '2001:db8::e'], segleft=1, lastentry=1, tag=0x1234) / TCP(sport=7, dport=8),
    v6() / IPv6ExtHdrRouting(type=5, addresses=['2001:db8::c'], segleft=1) / UDP(sport=5, dport=6),
    v6() / IPv6ExtHdrFragment(id=0x11223344, offset=0, m=1) / UDP(sport=9, dport=10) / Raw(b'z' * 20),
    v6() / IPv6ExtHdrFragment(id=0x11223344, offset=3, m=0, nh=17) / Raw(b'z' * 20),
    v6() / IPv6ExtHdrFragment(id=0x55, offset=0, m=1) / ICMPv6EchoRequest(id=1, seq=1, data=b'q' * 40),
    v6() / IPv6ExtHdrHopByHop() / IPv6ExtHdrDestOpt() / IPv6ExtHdrRouting(addresses=['::1']) / IPv6ExtHdrFragment() / IPv6ExtHdrDestOpt() / UDP(sport=53, dport=53) / DNS(id=3, qd=DNSQR(qname='x.y')),
    (v6() / IPv6ExtHdrHopByHop(options=[PadN(optdata=b'\x00' * 12)]) / UDP(sport=1, dport=2), 60),
    (v6() / IPv6ExtHdrRouting(addresses=['2001:db8::a', '2001:db8::b']) / UDP(sport=1, dport=2), 80),
    (v6() / IPv6ExtHdrFragment() / UDP(sport=1, dport=2), 58),
    v6() / IPv6ExtHdrHopByHop(options=[PadN(optdata=b'\x00' * 4)]) / ICMPv6EchoRequest(id=11, seq=12),
], ('', '-v', '-vv'))

case('ip6-chain-errors', [
    v6() / IPv6ExtHdrHopByHop() / IPv6ExtHdrHopByHop() / UDP(sport=1, dport=2),
    v6() / IPv6ExtHdrDestOpt() / IPv6ExtHdrHopByHop() / UDP(sport=1, dport=2),
    v6(plen=0) / IPv6ExtHdrHopByHop() / IPv6ExtHdrHopByHop() / UDP(sport=1, dport=2),
    v6(plen=0) / IPv6ExtHdrDestOpt() / UDP(sport=1, dport=2),
    (v6(plen=0) / IPv6ExtHdrHopByHop(options=[PadN(optdata=b'\x00' * 20)]) / UDP(sport=1, dport=2), 64),
    v6(plen=0) / IPv6ExtHdrHopByHop(nh=17, len=0, autopad=0, options=[]) / Raw(b'\x01\x09\x00\x00\x00\x00'),
    v6() / IPv6ExtHdrHopByHop(nh=17, len=0, autopad=0, options=[]) / Raw(b'\x05\x03\x00\x00\x00\x00'),
    v6() / IPv6ExtHdrHopByHop(nh=17, len=0, autopad=0, options=[]) / Raw(b'\xc2\x04\x00\x01\x00\x00'),
    v6() / IPv6ExtHdrHopByHop(nh=17, len=0, autopad=0, options=[]) / Raw(b'\x00\x00\x00\x00\x00\x3e'),
    v6() / IPv6ExtHdrHopByHop(nh=17, len=0, autopad=0, options=[]) / Raw(b'\x00\x00\x00\x00\x00\x01'),
    v6() / IPv6ExtHdrDestOpt(nh=17, len=0, autopad=0, options=[]) / Raw(b'\xc9\x02\x00\x00\x00\x00'),
    v6() / IPv6ExtHdrDestOpt(nh=17, len=2, autopad=0, options=[]) / Raw(b'\xc9\x14' + bytes(16) + b'\x00\x01\x00\x03\x00\x00\x00'),
    v6(nh=43) / Raw(b'\x11\x03\x00\x01\x00\x00\x00\x00' + bytes(24)) / UDP(sport=1, dport=2),
    v6(nh=43) / Raw(b'\x11\x03\x04\x01\x00\x00\x00\x00' + bytes(24)) / UDP(sport=1, dport=2),
    v6(nh=43) / Raw(b'\x11\x02\x02\x01\x00\x00\x00\x07' + bytes(16)) / UDP(sport=1, dport=2),
    (v6() / IPv6ExtHdrSegmentRouting(addresses=['2001:db8::d', '2001:db8::e'], segleft=1, lastentry=1) / UDP(sport=7, dport=8), 80),
    v6(nh=43) / Raw(b'\x11\x00\x04\x00\x00\x00\x00\x00') / UDP(sport=7, dport=8),
    v6() / IPv6ExtHdrFragment(id=1, offset=0, m=1, nh=44) / IPv6ExtHdrFragment(id=2, offset=0, m=0) / UDP(sport=9, dport=10),
], ('', '-v'))

case('ip6-mobility', [
    v6() / MIP6MH_BU(seq=10, flags=0x3, mhtime=100, options=[MIP6OptAltCoA(acoa='2001:db8::77'), MIP6OptNonceIndices(hni=1, coni=2)]),
    v6() / MIP6MH_BA(status=128, seq=10, mhtime=50, options=[MIP6OptBRAdvice(rinter=30)]),
    v6() / MIP6MH_BRR(),
    v6() / MIP6MH_HoTI(cookie=b'\x01\x02\x03\x04\x05\x06\x07\x08'),
    v6() / MIP6MH_HoT(index=3, cookie=b'\x01' * 8, token=b'\x02' * 8),
    v6() / MIP6MH_BE(status=2, ha='2001:db8::55'),
], ('', '-v'))

# ---------------------------------------------------------------- ICMPv6
inner = IPv6(src=B6, dst='2001:db8::99') / UDP(sport=5555, dport=33434) / Raw(b'p' * 8)
inner_tcp = IPv6(src=B6, dst='2001:db8::99') / TCP(sport=5555, dport=22)
case('icmp6-errors', [
    v6() / ICMPv6DestUnreach(code=0) / inner,
    v6() / ICMPv6DestUnreach(code=1) / inner,
    v6() / ICMPv6DestUnreach(code=2) / inner,
    v6() / ICMPv6DestUnreach(code=3) / inner,
    v6() / ICMPv6DestUnreach(code=4) / inner,
    v6() / ICMPv6DestUnreach(code=4) / inner_tcp,
    v6() / ICMPv6DestUnreach(code=4) / IPv6(src=B6, dst='2001:db8::99', nh=132) / Raw(b'\x00\x01\x00\x02' * 3),
    v6() / ICMPv6DestUnreach(code=4) / IPv6(src=B6, dst='2001:db8::99') / IPv6ExtHdrDestOpt() / UDP(sport=1, dport=4242),
    v6() / ICMPv6DestUnreach(code=5) / inner,
    v6() / ICMPv6PacketTooBig(mtu=1280) / inner,
    v6() / ICMPv6TimeExceeded(code=0) / inner,
    v6() / ICMPv6TimeExceeded(code=1) / inner,
    v6() / ICMPv6TimeExceeded(code=2) / inner,
    v6() / ICMPv6ParamProblem(code=0, ptr=6) / inner,
    v6() / ICMPv6ParamProblem(code=1, ptr=40) / inner,
    v6() / ICMPv6ParamProblem(code=2, ptr=42) / inner,
    v6() / ICMPv6ParamProblem(code=3, ptr=0) / inner,
    v6() / ICMPv6ParamProblem(code=9, ptr=0) / inner,
    (v6() / ICMPv6DestUnreach(code=4) / inner, 90),
    (v6() / ICMPv6DestUnreach(code=0) / inner, 80),
], ('', '-v', '-vv'))

case('icmp6-echo', [
    v6() / ICMPv6EchoRequest(id=0x1234, seq=1, data=b'abcdefgh'),
    v6(B6, A6) / ICMPv6EchoReply(id=0x1234, seq=1, data=b'abcdefgh'),
    v6() / ICMPv6EchoRequest(id=1, seq=2, cksum=0x1234),
    v6() / ICMPv6Unknown(type=99, code=3, msgbody=b'\x01\x02\x03\x04\x05'),
    v6() / ICMPv6Unknown(type=200, code=0, msgbody=b'\x01\x02\x03\x04' * 6),
    v6() / ICMPv6Unknown(type=141, code=0, msgbody=b'\x00' * 4),
    (v6() / ICMPv6EchoRequest(id=1, seq=2, data=b'x' * 30), 60),
    (v6() / ICMPv6EchoRequest(id=1, seq=2), 56),
    v6() / ICMPv6HAADRequest(id=77),
    v6() / ICMPv6HAADReply(id=78, addresses=['2001:db8::a', '2001:db8::b']),
    v6() / ICMPv6MPSol(id=79),
    v6() / ICMPv6MPAdv(id=80, flags=2) / ICMPv6NDOptPrefixInfo(prefix='2001:db8:1::', prefixlen=64),
], ('', '-v', '-vv'))

mac = '02:00:00:00:00:01'
case('icmp6-nd', [
    v6(LL1, 'ff02::2', hlim=255) / ICMPv6ND_RS() / ICMPv6NDOptSrcLLAddr(lladdr=mac),
    v6(LL1, 'ff02::1', hlim=255) / ICMPv6ND_RA(chlim=64, M=1, O=1, H=1, prf=1, routerlifetime=1800, reachabletime=30000, retranstimer=1000) /
    ICMPv6NDOptSrcLLAddr(lladdr=mac) / ICMPv6NDOptMTU(mtu=1500) /
    ICMPv6NDOptPrefixInfo(prefix='2001:db8:1::', prefixlen=64, L=1, A=1, R=1, validlifetime=0xffffffff, preferredlifetime=604800) /
    ICMPv6NDOptRouteInfo(prefix='2001:db8:2::', plen=48, prf=3, rtlifetime=600) /
    ICMPv6NDOptRouteInfo(prefix='2001:db8:3::', plen=0, prf=0, rtlifetime=0xffffffff, len=1) /
    ICMPv6NDOptRouteInfo(prefix='2001:db8:4:5:6::', plen=96, prf=2, rtlifetime=1, len=3) /
    ICMPv6NDOptRDNSS(lifetime=600, dns=['2001:db8::53', '2001:db8::54']) /
    ICMPv6NDOptDNSSL(lifetime=600, searchlist=['example.com', 'corp.example.org']) /
    ICMPv6NDOptAdvInterval(advint=60000) / ICMPv6NDOptHAInfo(pref=10, lifetime=1000) /
    Raw(b'\x63\x01\xaa\xbb\xcc\xdd\xee\xff'),
    v6(LL1, 'ff02::1', hlim=255) / ICMPv6ND_RA(prf=2, routerlifetime=0),
    v6('::', 'ff02::1:ff00:2', hlim=255) / ICMPv6ND_NS(tgt=LL2),
    v6(LL1, LL2, hlim=255) / ICMPv6ND_NS(tgt=LL2) / ICMPv6NDOptSrcLLAddr(lladdr=mac),
    v6(LL2, LL1, hlim=255) / ICMPv6ND_NA(tgt=LL2, R=1, S=1, O=1) / ICMPv6NDOptDstLLAddr(lladdr='02:00:00:00:00:02'),
    v6(LL2, 'ff02::1', hlim=255) / ICMPv6ND_NA(tgt=LL2, R=0, S=0, O=0),
    v6(LL1, LL2, hlim=255) / ICMPv6ND_Redirect(tgt='fe80::3', dst='2001:db8::99') / ICMPv6NDOptDstLLAddr(lladdr='02:00:00:00:00:03') /
    ICMPv6NDOptRedirectedHdr(pkt=bytes(IPv6(src=LL2, dst='2001:db8::99') / UDP(sport=1, dport=2))),
    (v6(LL1, 'ff02::1', hlim=255) / ICMPv6ND_RA() / ICMPv6NDOptSrcLLAddr(lladdr=mac) / ICMPv6NDOptMTU(mtu=1500), 80),
    v6(LL1, 'ff02::1', hlim=255) / ICMPv6ND_RA() / Raw(b'\x01\x00\x00\x00\x00\x00\x00\x00'),
    v6(LL1, 'ff02::1', hlim=255) / ICMPv6ND_RA() / ICMPv6NDOptPrefixInfo(prefix='2001:db8:1::', prefixlen=64, len=3) / Raw(b'\x00' * 8),
    v6(LL1, 'ff02::1', hlim=255) / ICMPv6ND_RA() / ICMPv6NDOptMTU(mtu=9000, len=2) / Raw(b'\x00' * 8),
], ('', '-v', '-vv'))

case('icmp6-mld', [
    v6(LL1, 'ff02::1', hlim=1) / IPv6ExtHdrHopByHop(options=[RouterAlert()]) / ICMPv6MLQuery(mrd=10000, mladdr='::'),
    v6(LL1, 'ff02::1:3', hlim=1) / IPv6ExtHdrHopByHop(options=[RouterAlert()]) / ICMPv6MLReport(mladdr='ff02::1:3'),
    v6(LL1, 'ff02::2', hlim=1) / IPv6ExtHdrHopByHop(options=[RouterAlert()]) / ICMPv6MLDone(mladdr='ff02::1:3'),
    v6(LL1, 'ff02::1', hlim=1) / ICMPv6MLQuery2(mrd=40000, mladdr='ff05::1', S=1, QRV=3, QQIC=200, sources=['2001:db8::a', '2001:db8::b']),
    v6(LL1, 'ff02::16', hlim=1) / ICMPv6MLReport2(records=[
        ICMPv6MLDMultAddrRec(rtype=1, dst='ff05::1', sources=['2001:db8::a']),
        ICMPv6MLDMultAddrRec(rtype=6, dst='ff05::2', sources=['2001:db8::a', '2001:db8::b']),
        ICMPv6MLDMultAddrRec(rtype=9, dst='ff05::3')]),
    v6(LL1, 'ff02::1', hlim=1) / ICMPv6Unknown(type=130, code=0, msgbody=b'\x00' * 22),
    v6(LL1, 'ff02::16', hlim=1) / ICMPv6MLReport2(records=[ICMPv6MLDMultAddrRec(rtype=1, dst='ff05::1')], records_number=3),
], ('', '-v', '-vv'))

case('icmp6-ni', [
    v6() / ICMPv6NIQueryNOOP(nonce=b'\x01' * 8),
    v6() / ICMPv6NIQueryName(nonce=b'\x02' * 8, data='2001:db8::2'),
    v6() / ICMPv6NIQueryName(nonce=b'\x03' * 8, data='host.example.com'),
    v6() / ICMPv6NIQueryIPv6(nonce=b'\x04' * 8, data='10.0.0.1', flags=0x3e),
    v6(B6, A6) / ICMPv6Unknown(type=140, code=0, msgbody=struct.pack('>HH', 2, 1) + b'\x03' * 8 + struct.pack('>I', 30) + b'\x04host\x07example\x03com\x00'),
    v6(B6, A6) / ICMPv6Unknown(type=140, code=0, msgbody=struct.pack('>HH', 3, 0x3f) + b'\x04' * 8 + struct.pack('>I', 60) +
                               bytes.fromhex('20010db8000000000000000000000002') + struct.pack('>I', 0xffffffff) + bytes.fromhex('fe800000000000000000000000000002')),
    v6(B6, A6) / ICMPv6Unknown(type=140, code=1, msgbody=struct.pack('>HH', 2, 0) + b'\x05' * 8),
    v6(B6, A6) / ICMPv6Unknown(type=140, code=0, msgbody=struct.pack('>HH', 1, 1) + b'\x06' * 8),
], ('', '-v'))


def rpl(code, body):
    return v6(LL1, 'ff02::1a', hlim=255) / ICMPv6Unknown(type=155, code=code, msgbody=body)


dagid = bytes.fromhex('20010db8000000000000000000000001')
case('icmp6-rpl', [
    rpl(0, b'\x00\x00' + b'\x01\x04\x00\x00\x00\x00'),
    rpl(1, bytes([1, 2, 0x01, 0x00, 0x88 | 1, 7, 0, 0]) + dagid + b'\x04\x0e' + bytes(14) + b'\x00' + b'\x08\x0a' + bytes(10)),
    rpl(2, bytes([1, 0xc0, 0, 9]) + dagid + b'\x05\x12\x00\x80' + bytes(16) + b'\x06\x04\x00\x00\x00\xff'),
    rpl(2, bytes([3, 0x00, 0, 10])),
    rpl(3, bytes([1, 0x80, 9, 0]) + dagid),
    rpl(3, bytes([1, 0x00, 9, 5])),
    rpl(0x81, b'\x00' * 8),
    rpl(7, b'\x00' * 4),
], ('', '-v', '-vv', '-vvv'))

case('icmp6-rr', [
    v6() / ICMPv6Unknown(type=138, code=0, msgbody=struct.pack('>IBBHI', 5, 1, 0xc0, 100, 0) +
                         bytes([1, 7, 1, 64, 48, 64, 0, 0]) + bytes.fromhex('20010db8000100000000000000000000') +
                         bytes([64, 64, 0xff, 0xc0]) + struct.pack('>III', 86400, 0xffffffff, 0x80000000) + bytes.fromhex('20010db8000200000000000000000000')),
    v6() / ICMPv6Unknown(type=138, code=1, msgbody=struct.pack('>IBBHI', 6, 0, 0, 0, 0)),
], ('', '-v', '-vv'))

# ---------------------------------------------------------------- every cut of a few frames (E8)
chain = v6() / IPv6ExtHdrHopByHop(options=[RouterAlert()]) / IPv6ExtHdrRouting(addresses=['2001:db8::a']) / \
    IPv6ExtHdrFragment(id=7) / IPv6ExtHdrDestOpt() / UDP(sport=5353, dport=53) / \
    DNS(id=9, rd=1, qd=DNSQR(qname='cut.example', qtype='MX'), ar=DNSRROPT(rclass=1232, rdata=[EDNS0TLV(optcode=10, optdata=bytes(8))]))
ra = v6(LL1, 'ff02::1', hlim=255) / ICMPv6ND_RA(chlim=64) / ICMPv6NDOptSrcLLAddr(lladdr=mac) / \
    ICMPv6NDOptPrefixInfo(prefix='2001:db8:1::', prefixlen=64) / ICMPv6NDOptDNSSL(lifetime=60, searchlist=['a.example'])
answer = dns4r(DNS(id=10, qr=1, aa=1, qd=DNSQR(qname='example.com', qtype='ANY'),
                   an=ans[7] / ans[5] / ans[8] / ans[6], ar=DNSRROPT(rclass=4096, z=0x8000)))
case('cuts', [(f, n) for f in (chain, ra, answer) for n in range(14, len(bytes(f)) + 1)], ('', '-v', '-vv', '-vvv'))

# ---------------------------------------------------------------- mDNS (UDP 5353: QU/QM, cache flush)
def mdns4(d, sport=5353, dport=5353):
    return E / IP(src=A4, dst='224.0.0.251', id=3) / UDP(sport=sport, dport=dport) / d


case('mdns', [
    mdns4(DNS(id=0, qd=DNSQR(qname='_http._tcp.local', qtype='PTR'))),
    mdns4(DNS(id=0, qd=DNSQR(qname='host.local', qtype='A', qclass=0x8001) / DNSQR(qname='host.local', qtype='AAAA', qclass=0x8003))),
    mdns4(DNS(id=0, qr=1, aa=1, qd=None,
              an=DNSRR(rrname='host.local', type='A', rclass=0x8001, ttl=120, rdata='192.0.2.7') /
              DNSRR(rrname='_http._tcp.local', type='PTR', rclass=1, ttl=4500, rdata='web._http._tcp.local'),
              ar=DNSRR(rrname='host.local', type='AAAA', rclass=0x8001, ttl=120, rdata='2001:db8::7'))),
    v6(A6, 'ff02::fb') / UDP(sport=5353, dport=5353) / DNS(id=0, qd=DNSQR(qname='printer.local', qtype='TXT', qclass=0x8001)),
    mdns4(DNS(id=5, rd=1, qd=DNSQR(qname='x.local', qtype='A', qclass=0x8001)), sport=5353, dport=53),
    mdns4(DNS(id=6, qd=DNSQR(qname='y.local', qtype='A', qclass=0x8001)), sport=40000, dport=5353),
], ('', '-v', '-vv', '-vvv'))

# cut-short frames with the hex dumps: after a cut tcpdump reports itself, -x/-X leave out the
# link header; after a read that unwinds, they show the whole frame
case('cuts-x', [(f, n) for f in (chain, ra, answer) for n in range(14, len(bytes(f)) + 1)], ('-x', '-X', '-v -x', '-vv -X', '-xx'))

# ---------------------------------------------------------------- raw link type and run
case('ip6-raw', [IPv6(src=A6, dst=B6) / UDP(sport=5353, dport=53) / DNS(id=1, qd=DNSQR(qname='raw.example')),
                 IPv6(src=A6, dst=B6) / ICMPv6EchoRequest(id=2, seq=3)], ('', '-v'), linktype=101)

rows = []
for name, linktype, frames, flagsets in cases:
    pcap = f'{name}.pcap'
    write_pcap(os.path.join(HERE, pcap), linktype, frames)
    for flags in flagsets:
        tag = name + (flags.replace(' ', '') if flags else '')
        out = f'{tag}.out'
        text = subprocess.run(['tcpdump', '-#', '-n', '-r', pcap] + flags.split(), cwd=HERE,
                              env={'TZ': 'GMT0', 'PATH': os.environ['PATH']},
                              capture_output=True, check=True).stdout
        with open(os.path.join(HERE, out), 'wb') as f:
            f.write(text)
        rows.append(f'{tag}\t{pcap}\t{flags}\t{out}\n')
with open(os.path.join(HERE, 'TESTS.tsv'), 'w') as f:
    f.writelines(rows)
print(f'{len(rows)} cases from {len(cases)} captures')
