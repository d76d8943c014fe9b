#!/usr/bin/python3
"""Builds vcap's extra golden captures (what tcpdump's own corpus misses) and TESTS.tsv.

Every capture is deterministic: fixed timestamps, fixed IDs, documentation addresses only
(192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24, 2001:db8::/32, link-local and multicast,
MACs 00:00:5e:00:53:xx from RFC 7042). Records are written by `write_pcap` below rather than
scapy's wrpcap so the record header (timestamp, caplen, len) is exactly what we say.
The expected .out files are Debian tcpdump's output; regenerate.sh records them.

Usage: make-fixtures.py [OUTDIR]   (default: this script's directory)
"""
import os
import struct
import sys

from scapy.all import (  # noqa: E402  (scapy is slow to import; keep it in one place)
    ARP, DNS, DNSQR, DNSRR, DNSRRMX, DNSRRSOA, DNSRRSRV, Dot1AD, Dot1Q, Dot3, Ether, ICMP,
    ICMPv6DestUnreach, ICMPv6EchoReply, ICMPv6EchoRequest, ICMPv6MLDMultAddrRec, ICMPv6MLDone,
    ICMPv6MLQuery, ICMPv6MLReport, ICMPv6MLReport2, ICMPv6ND_NA, ICMPv6ND_NS, ICMPv6ND_RA,
    ICMPv6ND_Redirect, ICMPv6ND_RS, ICMPv6NDOptDstLLAddr, ICMPv6NDOptMTU, ICMPv6NDOptPrefixInfo,
    ICMPv6NDOptRedirectedHdr, ICMPv6NDOptSrcLLAddr, ICMPv6PacketTooBig, ICMPv6ParamProblem,
    ICMPv6TimeExceeded, IP, IPOption_NOP, IPOption_RR, IPOption_Router_Alert, IPOption_LSRR,
    IPOption_Timestamp, IPOption_EOL, IPv6, IPv6ExtHdrDestOpt, IPv6ExtHdrFragment,
    IPv6ExtHdrHopByHop, IPv6ExtHdrRouting, LLC, Raw, RouterAlert, SNAP, TCP, UDP, PadN,
)

OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))

LINKTYPE_NULL, LINKTYPE_EN10MB, LINKTYPE_RAW, LINKTYPE_LOOP = 0, 1, 101, 108
LINKTYPE_LINUX_SLL, LINKTYPE_IPV4, LINKTYPE_IPV6, LINKTYPE_LINUX_SLL2 = 113, 228, 229, 276

M1, M2, M3 = '00:00:5e:00:53:01', '00:00:5e:00:53:02', '00:00:5e:00:53:03'
BCAST = 'ff:ff:ff:ff:ff:ff'
A1, A2, A3, A4 = '192.0.2.1', '192.0.2.2', '198.51.100.7', '203.0.113.9'
S1, S2, S3 = '2001:db8::1', '2001:db8::2', '2001:db8:1::3'
LL1, LL2 = 'fe80::200:5eff:fe00:5301', 'fe80::200:5eff:fe00:5302'

# 2024-03-01 12:00:00 UTC: every capture starts here.
T0 = 1709294400

TESTS = []  # (name, pcap, flags)


def b(p):
    return p if isinstance(p, (bytes, bytearray)) else bytes(p)


def write_pcap(name, linktype, frames, snaplen=262144, nano=False, step_us=1000):
    """frames: packets or (packet, opts) with opts keys caplen, sec, frac (µs or ns), len."""
    path = os.path.join(OUT, name + '.pcap')
    with open(path, 'wb') as f:
        f.write(struct.pack('<IHHiIII', 0xa1b23c4d if nano else 0xa1b2c3d4, 2, 4, 0, 0, snaplen, linktype))
        for i, fr in enumerate(frames):
            pkt, o = (fr if isinstance(fr, tuple) else (fr, {}))
            data = b(pkt)
            orig = o.get('len', len(data))
            cap = min(o.get('caplen', len(data)), snaplen, len(data))
            usec = i * step_us + 123
            sec = o.get('sec', T0 + usec // 1000000)
            frac = o.get('frac', (usec % 1000000) * (1000 if nano else 1))
            f.write(struct.pack('<IIII', sec, frac, cap, orig))
            f.write(data[:cap])
    return name + '.pcap'


def test(name, pcap, flags=''):
    TESTS.append((name, pcap, flags))


def eth(*layers, src=M1, dst=M2):
    p = Ether(src=src, dst=dst)
    for layer in layers:
        p = p / layer
    return p


# ---------------------------------------------------------------- VLAN / QinQ
def vlan():
    frames = [
        Ether(src=M1, dst=M2) / Dot1Q(vlan=100, prio=3) / IP(src=A1, dst=A2, id=1) / UDP(sport=5000, dport=6000) / Raw(b'vlan100'),
        Ether(src=M2, dst=M1) / Dot1AD(vlan=200) / Dot1Q(vlan=300) / IP(src=A2, dst=A1, id=2) / ICMP(type=8, id=7, seq=1) / Raw(b'qinq' * 4),
        Ether(src=M1, dst=M3) / Dot1Q(vlan=10) / Dot1Q(vlan=20, prio=7, id=1) / Dot1Q(vlan=30) / IPv6(src=S1, dst=S2, hlim=64) / UDP(sport=4000, dport=4001) / Raw(b'triple'),
        Ether(src=M1, dst=BCAST) / Dot1Q(vlan=5) / ARP(op=1, hwsrc=M1, psrc=A1, pdst=A2),
        Ether(src=M3, dst=M1) / Dot1Q(vlan=4094) / IPv6(src=S2, dst=S1) / TCP(sport=443, dport=50000, flags='SA', seq=1000, ack=2001, window=65535),
        Ether(src=M1, dst=M2, type=0x88a8) / Dot1Q(vlan=0, prio=5) / IP(src=A3, dst=A4, id=3, ttl=1) / UDP(sport=7, dport=7) / Raw(b'x' * 10),
    ]
    p = write_pcap('vlan', LINKTYPE_EN10MB, frames)
    test('vlan', p)
    test('vlan-e', p, '-e')


# ---------------------------------------------------------------- 802.3 + LLC
def llc():
    frames = [
        Dot3(src=M1, dst=M2) / LLC(dsap=0xaa, ssap=0xaa, ctrl=3) / SNAP(OUI=0, code=0x0800) / IP(src=A1, dst=A2, id=9) / UDP(sport=1234, dport=5678) / Raw(b'snap'),
        Dot3(src=M2, dst=M1) / LLC(dsap=0x80, ssap=0x81, ctrl=3) / Raw(b'unknown-sap-data'),
        Dot3(src=M1, dst='01:00:5e:00:00:01') / LLC(dsap=0, ssap=0, ctrl=0xaf) / Raw(b'\x81\x01\x00'),
        Dot3(src=M1, dst=M2) / LLC(dsap=0x42, ssap=0x42, ctrl=0xe3) / Raw(b'test-frame'),
    ]
    p = write_pcap('llc', LINKTYPE_EN10MB, frames)
    test('llc', p)
    test('llc-e', p, '-e')


# ---------------------------------------------------------------- ARP
def arp():
    frames = [
        eth(ARP(op=1, hwsrc=M1, psrc=A1, hwdst='00:00:00:00:00:00', pdst=A2), dst=BCAST),
        eth(ARP(op=2, hwsrc=M2, psrc=A2, hwdst=M1, pdst=A1), src=M2, dst=M1),
        eth(ARP(op=1, hwsrc=M3, psrc=A3, hwdst='00:00:00:00:00:00', pdst=A3), src=M3, dst=BCAST),  # gratuitous
        eth(ARP(op=2, hwsrc=M3, psrc=A3, hwdst=BCAST, pdst=A3), src=M3, dst=BCAST),
        eth(ARP(op=3, hwsrc=M1, psrc='0.0.0.0', hwdst=M1, pdst='0.0.0.0'), dst=BCAST),  # RARP request op in an ARP frame
        eth(ARP(op=1, hwsrc=M1, psrc=A1, pdst=A4) / Raw(b'\x00' * 18), dst=BCAST),  # padded to 60 bytes
    ]
    p = write_pcap('arp', LINKTYPE_EN10MB, frames)
    test('arp', p)
    test('arp-e', p, '-e')
    test('arp-v', p, '-v')


# ---------------------------------------------------------------- IPv4 options and fragments
def ipv4_options():
    frames = [
        eth(IP(src=A1, dst=A2, id=10, options=[IPOption_RR(routers=['0.0.0.0'] * 3)]) / ICMP(type=8, id=1, seq=1) / Raw(b'rr' * 8)),
        eth(IP(src=A1, dst=A2, id=11, options=[IPOption_Router_Alert()]) / UDP(sport=1000, dport=2000) / Raw(b'ra')),
        eth(IP(src=A1, dst=A2, id=12, options=[IPOption_NOP(), IPOption_NOP(), IPOption_NOP(), IPOption_EOL()]) / TCP(sport=1, dport=2, flags='S', seq=5)),
        eth(IP(src=A1, dst=A4, id=13, options=[IPOption_LSRR(routers=[A3, A4], pointer=4)]) / UDP(sport=53000, dport=9) / Raw(b'lsrr')),
        eth(IP(src=A1, dst=A2, id=14, options=[IPOption_Timestamp(flg=0, pointer=9, timestamp=[1234567, 0])]) / ICMP(type=8, id=1, seq=2)),
        eth(IP(src=A1, dst=A2, id=15, tos=0xb8, ttl=3, options=[Raw(b'\x9e\x04\x00\x00')]) / UDP(sport=1, dport=2)),  # unknown option 158
    ]
    p = write_pcap('ipv4-options', LINKTYPE_EN10MB, frames)
    test('ipv4-options', p)
    test('ipv4-options-v', p, '-v')


def ipv4_fragments():
    whole = IP(src=A1, dst=A3, id=0x4242, ttl=64) / UDP(sport=40000, dport=9000) / Raw(bytes(range(256)) * 6)
    frags = whole.__class__(bytes(whole)).fragment(fragsize=512)
    frames = [eth(f) for f in frags]
    frames.append(eth(IP(src=A3, dst=A1, id=7, flags='DF') / ICMP(type=0, id=3, seq=4) / Raw(b'df')))
    frames.append(eth(IP(src=A1, dst=A3, id=8, flags='MF', frag=0, proto=6) / Raw(b'\x13\x89\x13\x8a' + b'\x00' * 20)))
    frames.append(eth(IP(src=A1, dst=A3, id=8, frag=3, proto=6) / Raw(b'tail-of-tcp')))
    frames.append(eth(IP(src=A1, dst=A3, id=9, flags='evil+DF') / UDP(sport=1, dport=2)))
    p = write_pcap('ipv4-fragments', LINKTYPE_EN10MB, frames)
    test('ipv4-fragments', p)
    test('ipv4-fragments-v', p, '-v')


# ---------------------------------------------------------------- IPv6 extension headers
def ipv6_ext():
    frames = [
        eth(IPv6(src=LL1, dst='ff02::16', hlim=1) / IPv6ExtHdrHopByHop(options=[RouterAlert(value=0), PadN(optdata=b'')]) /
            ICMPv6MLReport2(records=[ICMPv6MLDMultAddrRec(rtype=4, dst='ff02::1:3')]), dst='33:33:00:00:00:16'),
        eth(IPv6(src=S1, dst=S2) / IPv6ExtHdrRouting(type=0, addresses=[S3], segleft=1) / UDP(sport=1111, dport=2222) / Raw(b'rt0')),
        eth(IPv6(src=S1, dst=S2) / IPv6ExtHdrFragment(id=0x1234, m=1, offset=0) / UDP(sport=3333, dport=4444, len=1008) / Raw(b'f' * 16)),
        eth(IPv6(src=S1, dst=S2) / IPv6ExtHdrFragment(id=0x1234, m=0, offset=125, nh=17) / Raw(b'g' * 16)),
        eth(IPv6(src=S2, dst=S1) / IPv6ExtHdrDestOpt(options=[PadN(optdata=b'\x00\x00\x00\x00')]) / TCP(sport=22, dport=50001, flags='A', seq=1, ack=1)),
        eth(IPv6(src=S1, dst=S2, nh=59) / Raw(b'')),
        eth(IPv6(src=S1, dst=S2, tc=0x28, fl=0xbeef) / IPv6ExtHdrHopByHop() / IPv6ExtHdrDestOpt() / IPv6ExtHdrRouting(type=0, addresses=[S3]) /
            IPv6ExtHdrFragment(id=1, m=0, offset=0) / ICMPv6EchoRequest(id=1, seq=1)),
    ]
    p = write_pcap('ipv6-ext', LINKTYPE_EN10MB, frames)
    test('ipv6-ext', p)
    test('ipv6-ext-v', p, '-v')


# ---------------------------------------------------------------- ICMP
def icmp():
    inner_udp = IP(src=A2, dst=A4, id=77, ttl=1) / UDP(sport=33434, dport=33435) / Raw(b'probe-probe')
    inner_tcp = IP(src=A2, dst=A4, id=78, flags='DF') / TCP(sport=44444, dport=25, flags='S', seq=99)
    ib = b(inner_udp)[:28]
    frames = [
        eth(IP(src=A1, dst=A2, id=1) / ICMP(type=8, id=0x1234, seq=1) / Raw(bytes(range(56)))),
        eth(IP(src=A2, dst=A1, id=2) / ICMP(type=0, id=0x1234, seq=1) / Raw(bytes(range(56)))),
        eth(IP(src=A3, dst=A2, id=3) / ICMP(type=3, code=0) / Raw(ib)),
        eth(IP(src=A3, dst=A2, id=4) / ICMP(type=3, code=1) / Raw(ib)),
        eth(IP(src=A4, dst=A2, id=5) / ICMP(type=3, code=2) / Raw(b(IP(src=A2, dst=A4, proto=253) / Raw(b'\x00' * 8)))),
        eth(IP(src=A4, dst=A2, id=6) / ICMP(type=3, code=3) / Raw(ib)),
        eth(IP(src=A3, dst=A2, id=7) / ICMP(type=3, code=4, nexthopmtu=1400) / Raw(b(inner_tcp)[:28])),
        eth(IP(src=A3, dst=A2, id=8) / ICMP(type=3, code=13) / Raw(b(inner_tcp)[:28])),
        eth(IP(src=A3, dst=A2, id=9) / ICMP(type=11, code=0) / Raw(ib)),
        eth(IP(src=A3, dst=A2, id=10) / ICMP(type=11, code=1) / Raw(ib)),
        eth(IP(src=A3, dst=A2, id=11) / ICMP(type=5, code=1, gw=A1) / Raw(b(inner_tcp)[:28])),
        eth(IP(src=A3, dst=A2, id=12) / ICMP(type=12, code=0, ptr=8) / Raw(ib)),
        eth(IP(src=A1, dst=A2, id=13) / ICMP(type=13, id=5, seq=6, ts_ori=1000, ts_rx=0, ts_tx=0)),
        eth(IP(src=A2, dst=A1, id=14) / ICMP(type=14, id=5, seq=6, ts_ori=1000, ts_rx=1010, ts_tx=1020)),
        eth(IP(src=A1, dst=A2, id=15) / ICMP(type=99, code=3) / Raw(b'\x00' * 8)),
        eth(IP(src=A3, dst=A2, id=16) / ICMP(type=3, code=10) / Raw(ib)),
        eth(IP(src=A3, dst=A2, id=17) / ICMP(type=4, code=0) / Raw(ib)),
    ]
    p = write_pcap('icmp', LINKTYPE_EN10MB, frames)
    test('icmp', p)
    test('icmp-v', p, '-v')


# ---------------------------------------------------------------- ICMPv6
def icmp6():
    inner = IPv6(src=S1, dst=S3, hlim=1) / UDP(sport=33434, dport=33435) / Raw(b'x' * 8)
    frames = [
        eth(IPv6(src=S1, dst=S2) / ICMPv6EchoRequest(id=0x77, seq=1, data=b'ping6-data')),
        eth(IPv6(src=S2, dst=S1) / ICMPv6EchoReply(id=0x77, seq=1, data=b'ping6-data')),
        eth(IPv6(src=LL1, dst='ff02::2', hlim=255) / ICMPv6ND_RS() / ICMPv6NDOptSrcLLAddr(lladdr=M1), dst='33:33:00:00:00:02'),
        eth(IPv6(src=LL2, dst='ff02::1', hlim=255) / ICMPv6ND_RA(chlim=64, M=0, O=1, routerlifetime=1800, reachabletime=0, retranstimer=0) /
            ICMPv6NDOptSrcLLAddr(lladdr=M2) / ICMPv6NDOptMTU(mtu=1500) /
            ICMPv6NDOptPrefixInfo(prefixlen=64, L=1, A=1, validlifetime=86400, preferredlifetime=14400, prefix='2001:db8::'),
            src=M2, dst='33:33:00:00:00:01'),
        eth(IPv6(src=S1, dst='ff02::1:ff00:2', hlim=255) / ICMPv6ND_NS(tgt=S2) / ICMPv6NDOptSrcLLAddr(lladdr=M1), dst='33:33:ff:00:00:02'),
        eth(IPv6(src=S2, dst=S1, hlim=255) / ICMPv6ND_NA(tgt=S2, R=0, S=1, O=1) / ICMPv6NDOptDstLLAddr(lladdr=M2), src=M2, dst=M1),
        eth(IPv6(src=LL2, dst=S1, hlim=255) / ICMPv6ND_Redirect(tgt=LL2, dst=S3) / ICMPv6NDOptDstLLAddr(lladdr=M2) /
            ICMPv6NDOptRedirectedHdr(pkt=b(IPv6(src=S1, dst=S3) / ICMPv6EchoRequest(id=1, seq=1))), src=M2, dst=M1),
        eth(IPv6(src=LL2, dst='ff02::1', hlim=1) / IPv6ExtHdrHopByHop(options=[RouterAlert(value=0), PadN(optdata=b'')]) / ICMPv6MLQuery(mrd=10000), dst='33:33:00:00:00:01'),
        eth(IPv6(src=LL1, dst='ff02::1:3', hlim=1) / IPv6ExtHdrHopByHop(options=[RouterAlert(value=0), PadN(optdata=b'')]) / ICMPv6MLReport(mladdr='ff02::1:3'), dst='33:33:00:01:00:03'),
        eth(IPv6(src=LL1, dst='ff02::2', hlim=1) / IPv6ExtHdrHopByHop(options=[RouterAlert(value=0), PadN(optdata=b'')]) / ICMPv6MLDone(mladdr='ff02::1:3'), dst='33:33:00:00:00:02'),
        eth(IPv6(src=S3, dst=S1) / ICMPv6DestUnreach(code=4) / inner),
        eth(IPv6(src=S3, dst=S1) / ICMPv6DestUnreach(code=1) / inner),
        eth(IPv6(src=S3, dst=S1) / ICMPv6PacketTooBig(mtu=1280) / inner),
        eth(IPv6(src=S3, dst=S1) / ICMPv6TimeExceeded(code=0) / inner),
        eth(IPv6(src=S3, dst=S1) / ICMPv6ParamProblem(code=1, ptr=6) / inner),
    ]
    p = write_pcap('icmp6', LINKTYPE_EN10MB, frames)
    test('icmp6', p)
    test('icmp6-v', p, '-v')


# ---------------------------------------------------------------- TCP options and flags
def tcp_options():
    def seg(flags, opts=(), seq=1000, ack=0, sport=40000, dport=5001, payload=b'', **kw):
        return eth(IP(src=A1, dst=A2, id=100, flags='DF') / TCP(sport=sport, dport=dport, flags=flags, seq=seq, ack=ack, window=64240, options=list(opts), **kw) / Raw(payload))
    frames = [
        seg('S', [('MSS', 1460), ('SAckOK', b''), ('Timestamp', (12345, 0)), ('NOP', None), ('WScale', 7)], sport=40001),
        seg('SA', [('MSS', 1400), ('NOP', None), ('NOP', None), ('SAckOK', b''), ('NOP', None), ('WScale', 14)], seq=5000, ack=1001, sport=5001, dport=40001),
        seg('A', [('NOP', None), ('NOP', None), ('SAck', (2000, 3000))], seq=1001, ack=5001, sport=40002),
        seg('A', [('SAck', (2000, 3000, 4000, 5000, 6000, 7000))], seq=1001, ack=5001, sport=40003),
        seg('PA', [('NOP', None), ('NOP', None), ('Timestamp', (12400, 777))], seq=1001, ack=5001, payload=b'hello, world\n', sport=40004),
        seg('A', [(99, b'\x01\x02'), ('NOP', None), ('EOL', None)], seq=1, ack=1, sport=40005),
        seg('A', [('EOL', None), ('NOP', None), ('NOP', None), ('NOP', None)], seq=1, ack=1, sport=40006),
        seg('S', [(253, b'\xf9\x89\x01\x02'), (34, b''), ('NOP', None), ('NOP', None)], sport=40007),
        seg('F', seq=7, sport=40009),
        seg('FA', seq=7, ack=8, sport=40010),
        seg('R', seq=7, sport=40011),
        seg('RA', seq=0, ack=8, sport=40012),
        seg('PAU', seq=9, ack=1, urgptr=3, payload=b'urgent!', sport=40013),
        seg('SEC', sport=40014),
        seg('FSRPAUECN', seq=1, ack=2, urgptr=1, sport=40015),
        seg('', seq=1, sport=40016),
        seg('A', [('MSS', 1460), ('WScale', 2), (1, b'')], sport=40017, seq=1, ack=1),
    ]
    p = write_pcap('tcp-options', LINKTYPE_EN10MB, frames)
    test('tcp-options', p)
    test('tcp-options-v', p, '-v')


def tcp_connection():
    c, s = (A1, 51000), (A4, 8888)

    def seg(frm, flags, seq, ack, payload=b'', opts=()):
        src, dst = (c, s) if frm == 'c' else (s, c)
        seq, ack = seq % 2**32, ack % 2**32
        return eth(IP(src=src[0], dst=dst[0], id=0, flags='DF') / TCP(sport=src[1], dport=dst[1], flags=flags, seq=seq, ack=ack, window=502, options=list(opts)) / Raw(payload),
                   src=M1 if frm == 'c' else M2, dst=M2 if frm == 'c' else M1)
    ic, iserv = 3000000000, 4294967000  # the server's sequence wraps around 2^32
    frames = [
        seg('c', 'S', ic, 0, opts=[('MSS', 1460), ('SAckOK', b''), ('WScale', 7)]),
        seg('s', 'SA', iserv, ic + 1, opts=[('MSS', 1460), ('NOP', None), ('WScale', 7)]),
        seg('c', 'A', ic + 1, iserv + 1),
        seg('c', 'PA', ic + 1, iserv + 1, b'GET-ish request line\r\n'),
        seg('s', 'A', iserv + 1, ic + 23),
        seg('s', 'PA', iserv + 1, ic + 23, b'R' * 600),
        seg('s', 'PA', iserv + 601, ic + 23, b'S' * 400),
        seg('c', 'A', ic + 23, iserv + 1001, opts=[('NOP', None), ('NOP', None), ('SAck', ((iserv + 601) % 2**32, (iserv + 1001) % 2**32))]),
        seg('c', 'FA', ic + 23, iserv + 1001),
        seg('s', 'FA', iserv + 1001, ic + 24),
        seg('c', 'A', ic + 24, iserv + 1002),
    ]
    p = write_pcap('tcp-connection', LINKTYPE_EN10MB, frames)
    test('tcp-connection', p)
    test('tcp-connection-S', p, '-S')
    test('tcp-connection-q', p, '-q')


# ---------------------------------------------------------------- checksums
def checksums():
    frames = [
        eth(IP(src=A1, dst=A2, id=1) / UDP(sport=10000, dport=20000) / Raw(b'good udp')),
        eth(IP(src=A1, dst=A2, id=2) / UDP(sport=10000, dport=20000, chksum=0x1234) / Raw(b'bad udp')),
        eth(IP(src=A1, dst=A2, id=3) / UDP(sport=10000, dport=20000, chksum=0) / Raw(b'no cksum')),
        eth(IP(src=A1, dst=A2, id=4) / TCP(sport=10001, dport=20001, flags='PA', seq=1, ack=1) / Raw(b'good tcp')),
        eth(IP(src=A1, dst=A2, id=5) / TCP(sport=10001, dport=20001, flags='PA', seq=9, ack=1, chksum=0xbeef) / Raw(b'bad tcp')),
        eth(IP(src=A1, dst=A2, id=6, chksum=0x0bad) / UDP(sport=10002, dport=20002) / Raw(b'bad ip hdr')),
        eth(IP(src=A1, dst=A2, id=7) / ICMP(type=8, id=1, seq=1, chksum=0x4321) / Raw(b'bad icmp')),
        eth(IPv6(src=S1, dst=S2) / UDP(sport=10003, dport=20003) / Raw(b'good udp6')),
        eth(IPv6(src=S1, dst=S2) / UDP(sport=10003, dport=20003, chksum=0x5555) / Raw(b'bad udp6')),
        eth(IPv6(src=S1, dst=S2) / TCP(sport=10004, dport=20004, flags='S', seq=1, chksum=0x6666)),
        eth(IPv6(src=S1, dst=S2) / ICMPv6EchoRequest(id=1, seq=2, cksum=0x7777, data=b'bad icmp6')),
    ]
    p = write_pcap('checksums', LINKTYPE_EN10MB, frames)
    test('checksums-v', p, '-v')
    test('checksums-vv', p, '-vv')


# ---------------------------------------------------------------- DNS
def dns():
    ns1, cl = (A1, 53), (A2, 33333)

    def q(id_, name, qtype, rd=1):
        return eth(IP(src=cl[0], dst=ns1[0], id=id_) / UDP(sport=cl[1], dport=53) / DNS(id=id_, rd=rd, qd=DNSQR(qname=name, qtype=qtype)))

    def r(id_, name, qtype, an=None, ns=None, ar=None, rcode=0, aa=0):
        d = DNS(id=id_, qr=1, rd=1, ra=1, aa=aa, rcode=rcode, qd=DNSQR(qname=name, qtype=qtype), an=an, ns=ns, ar=ar)
        return eth(IP(src=ns1[0], dst=cl[0], id=id_) / UDP(sport=53, dport=cl[1]) / d, src=M2, dst=M1)
    soa = DNSRRSOA(rrname='example.com', type='SOA', ttl=3600, mname='ns1.example.com', rname='hostmaster.example.com',
                   serial=2024030101, refresh=7200, retry=900, expire=1209600, minimum=300)
    frames = [
        q(1, 'www.example.com', 'A'),
        r(1, 'www.example.com', 'A', an=DNSRR(rrname='www.example.com', type='A', ttl=300, rdata='192.0.2.80') /
          DNSRR(rrname='www.example.com', type='A', ttl=300, rdata='192.0.2.81')),
        q(2, 'www.example.com', 'AAAA'),
        r(2, 'www.example.com', 'AAAA', an=DNSRR(rrname='www.example.com', type='AAAA', ttl=300, rdata='2001:db8::80')),
        q(3, 'alias.example.net', 'A'),
        r(3, 'alias.example.net', 'A', an=DNSRR(rrname='alias.example.net', type='CNAME', ttl=60, rdata='www.example.com') /
          DNSRR(rrname='www.example.com', type='A', ttl=300, rdata='192.0.2.80')),
        q(4, 'example.com', 'NS'),
        r(4, 'example.com', 'NS', aa=1, an=DNSRR(rrname='example.com', type='NS', ttl=86400, rdata='ns1.example.com') /
          DNSRR(rrname='example.com', type='NS', ttl=86400, rdata='ns2.example.com'),
          ar=DNSRR(rrname='ns1.example.com', type='A', ttl=86400, rdata='192.0.2.53')),
        q(5, '80.2.0.192.in-addr.arpa', 'PTR'),
        r(5, '80.2.0.192.in-addr.arpa', 'PTR', an=DNSRR(rrname='80.2.0.192.in-addr.arpa', type='PTR', ttl=3600, rdata='www.example.com')),
        q(6, 'example.org', 'MX'),
        r(6, 'example.org', 'MX', an=DNSRRMX(rrname='example.org', type='MX', ttl=3600, preference=10, exchange='mail.example.org') /
          DNSRRMX(rrname='example.org', type='MX', ttl=3600, preference=20, exchange='backup.example.org')),
        q(7, 'example.org', 'TXT'),
        r(7, 'example.org', 'TXT', an=DNSRR(rrname='example.org', type='TXT', ttl=60, rdata=['v=spf1 -all', 'second string'])),
        q(8, 'example.com', 'SOA'),
        r(8, 'example.com', 'SOA', aa=1, an=soa),
        q(9, '_sip._udp.example.com', 'SRV'),
        r(9, '_sip._udp.example.com', 'SRV', an=DNSRRSRV(rrname='_sip._udp.example.com', type='SRV', ttl=600, priority=10, weight=60, port=5060, target='sip.example.com')),
        q(10, 'odd.example.com', 65280),
        r(10, 'odd.example.com', 65280, an=DNSRR(rrname='odd.example.com', type=65280, ttl=5, rdata=b'\x01\x02\x03\x04\x05')),
        q(11, 'nonexistent.example.com', 'A'),
        r(11, 'nonexistent.example.com', 'A', rcode=3, aa=1, ns=soa),
        q(12, 'example.com', 'HINFO', rd=0),
        r(12, 'example.com', 'HINFO', rcode=5),
    ]
    p = write_pcap('dns', LINKTYPE_EN10MB, frames)
    test('dns', p)
    test('dns-v', p, '-v')
    test('dns-vv', p, '-vv')


# ---------------------------------------------------------------- Linux cooked v1 / v2
def sll_frames():
    return [
        (0, 0x0800, M1, IP(src=A1, dst=A2, id=1) / UDP(sport=5000, dport=5001) / Raw(b'sll-in')),
        (4, 0x0800, M3, IP(src=A2, dst=A1, id=2) / ICMP(type=0, id=1, seq=1) / Raw(b'sll-out')),
        (1, 0x0806, M1, ARP(op=1, hwsrc=M1, psrc=A1, pdst=A2)),
        (0, 0x86dd, M2, IPv6(src=S1, dst=S2) / ICMPv6EchoRequest(id=2, seq=3)),
        (2, 0x0800, M2, IP(src=A3, dst='224.0.0.251', id=3, ttl=255) / UDP(sport=9999, dport=9999) / Raw(b'\x00' * 12)),
        (3, 0x86dd, M1, IPv6(src=S1, dst=S3) / TCP(sport=1, dport=2, flags='S', seq=0)),
    ]


def sll():
    frames = []
    for pkttype, proto, mac, pkt in sll_frames():
        hdr = struct.pack('>HHH8sH', pkttype, 1, 6, bytes.fromhex(mac.replace(':', '')) + b'\x00\x00', proto)
        frames.append(hdr + b(pkt))
    p = write_pcap('sll', LINKTYPE_LINUX_SLL, frames)
    test('sll', p)
    test('sll-e', p, '-e')


def sll2():
    frames = []
    for i, (pkttype, proto, mac, pkt) in enumerate(sll_frames()):
        hdr = struct.pack('>HHIHBB8s', proto, 0, 4242 + i % 2, 1, pkttype, 6, bytes.fromhex(mac.replace(':', '')) + b'\x00\x00')
        frames.append(hdr + b(pkt))
    p = write_pcap('sll2', LINKTYPE_LINUX_SLL2, frames)
    test('sll2', p)
    test('sll2-e', p, '-e')


# ---------------------------------------------------------------- NULL / LOOP / RAW
def null_loop():
    v4 = b(IP(src=A1, dst=A2, id=1) / UDP(sport=1, dport=2) / Raw(b'null'))
    v6 = b(IPv6(src=S1, dst=S2) / ICMPv6EchoRequest(id=1, seq=1))
    # NULL: host byte order (these are little-endian). AF_INET6 is 24, 28 or 30 depending on the BSD.
    null = [struct.pack('<I', 2) + v4, struct.pack('<I', 24) + v6, struct.pack('<I', 28) + v6, struct.pack('<I', 30) + v6, struct.pack('<I', 99) + v4]
    p = write_pcap('null', LINKTYPE_NULL, null)
    test('null', p)
    test('null-e', p, '-e')
    loop = [struct.pack('>I', 2) + v4, struct.pack('>I', 24) + v6, struct.pack('>I', 30) + v6]
    p = write_pcap('loop', LINKTYPE_LOOP, loop)
    test('loop', p)
    test('loop-e', p, '-e')


def raw():
    v4 = IP(src=A1, dst=A2, id=1) / TCP(sport=1234, dport=4321, flags='S', seq=1)
    v6 = IPv6(src=S1, dst=S2) / UDP(sport=1234, dport=53) / DNS(id=5, qd=DNSQR(qname='example.com', qtype='AAAA'))
    p = write_pcap('raw', LINKTYPE_RAW, [v4, v6, IP(src=A2, dst=A1, id=2) / ICMP(type=0), b'\x50\x00\x00\x14' + b'\x00' * 16])
    test('raw', p)
    test('raw-e', p, '-e')
    p = write_pcap('raw-ipv4', LINKTYPE_IPV4, [v4, IP(src=A2, dst=A1, id=2) / ICMP(type=0)])
    test('raw-ipv4', p)
    p = write_pcap('raw-ipv6', LINKTYPE_IPV6, [v6, IPv6(src=S2, dst=S1) / ICMPv6EchoReply(id=9, seq=9)])
    test('raw-ipv6', p)


# ---------------------------------------------------------------- cut short by the snaplen
def cut_short():
    tcp = eth(IP(src=A1, dst=A2, id=1) / TCP(sport=40000, dport=5001, flags='S', seq=1, options=[('MSS', 1460), ('SAckOK', b''), ('Timestamp', (1, 0)), ('NOP', None), ('WScale', 7)]))
    udp = eth(IP(src=A1, dst=A2, id=2) / UDP(sport=10000, dport=20000) / Raw(b'u' * 40))
    dnsr = eth(IP(src=A1, dst=A2, id=3) / UDP(sport=53, dport=33333) / DNS(id=7, qr=1, qd=DNSQR(qname='www.example.com'), an=DNSRR(rrname='www.example.com', rdata='192.0.2.80')))
    icmpu = eth(IP(src=A1, dst=A2, id=4) / ICMP(type=3, code=3) / Raw(b(IP(src=A2, dst=A1) / UDP(sport=1, dport=2))[:28]))
    echo = eth(IP(src=A1, dst=A2, id=5) / ICMP(type=8, id=1, seq=1) / Raw(b'e' * 32))
    v6 = eth(IPv6(src=S1, dst=S2) / IPv6ExtHdrHopByHop(options=[PadN(optdata=b'\x00' * 4)]) / UDP(sport=1, dport=2))
    arpf = eth(ARP(op=1, hwsrc=M1, psrc=A1, pdst=A2), dst=BCAST)
    dns6 = eth(IPv6(src=S1, dst=S2) / UDP(sport=33333, dport=53) / DNS(id=8, qd=DNSQR(qname='a-rather-long-label.example.com', qtype='AAAA')))
    cuts = [
        (tcp, 10), (tcp, 14), (tcp, 24), (tcp, 34), (tcp, 40), (tcp, 54), (tcp, 58), (tcp, 64), (tcp, 70),
        (udp, 36), (udp, 40), (udp, 45),
        (dnsr, 45), (dnsr, 50), (dnsr, 60), (dnsr, 70), (dnsr, 80),
        (icmpu, 36), (icmpu, 40), (icmpu, 50), (icmpu, 60), (echo, 36),
        (v6, 30), (v6, 54), (v6, 58), (v6, 64),
        (arpf, 20), (arpf, 30),
        (dns6, 70), (dns6, 80),
    ]
    frames = [(pkt, {'caplen': n}) for pkt, n in cuts]
    p = write_pcap('cut-short', LINKTYPE_EN10MB, frames)
    test('cut-short', p)
    test('cut-short-v', p, '-v')


# ---------------------------------------------------------------- unknown protocols
def unknown():
    frames = [
        Ether(src=M1, dst=M2, type=0x88b5) / Raw(b'local experimental ethertype'),
        Ether(src=M1, dst=M2, type=0x1234) / Raw(b'\x00' * 46),
        eth(IP(src=A1, dst=A2, id=1, proto=253) / Raw(b'experimental protocol')),
        eth(IP(src=A1, dst=A2, id=2, proto=254) / Raw(b'\x00' * 8)),
        eth(IPv6(src=S1, dst=S2, nh=253) / Raw(b'experimental6')),
        eth(IPv6(src=S1, dst=S2) / IPv6ExtHdrDestOpt(nh=254) / Raw(b'\x00' * 8)),
    ]
    p = write_pcap('unknown', LINKTYPE_EN10MB, frames)
    test('unknown', p)
    test('unknown-e', p, '-e')


# ---------------------------------------------------------------- dumps, -q and verbosity on a mixed capture
def mixed():
    frames = [
        eth(IP(src=A1, dst=A2, id=0x1111, flags='DF') / TCP(sport=42000, dport=5001, flags='PA', seq=100, ack=200, window=512,
                                                          options=[('NOP', None), ('NOP', None), ('Timestamp', (10, 20))]) / Raw(b'The quick brown fox\r\njumps over\tthe lazy dog.\n')),
        eth(IP(src=A2, dst=A1, id=0x2222) / UDP(sport=5001, dport=42001) / Raw(bytes(range(0, 80)))),
        eth(IP(src=A1, dst=A3, id=0x3333) / ICMP(type=8, id=42, seq=7) / Raw(b'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdef')),
        eth(ARP(op=1, hwsrc=M1, psrc=A1, pdst=A2), dst=BCAST),
        eth(IPv6(src=S1, dst=S2, hlim=64) / UDP(sport=53000, dport=53) / DNS(id=0xabcd, rd=1, qd=DNSQR(qname='www.example.com', qtype='A'))),
        eth(IPv6(src=S2, dst=S1, hlim=63) / TCP(sport=5001, dport=42002, flags='A', seq=1, ack=1, window=100) / Raw(b'\x00\x01\x02hi\x7f\x80\xff\n')),
        eth(IP(src=A3, dst=A1, id=0x4444, ttl=1) / UDP(sport=9, dport=9) / Raw(b'\r\n\r\n')),
    ]
    p = write_pcap('mixed', LINKTYPE_EN10MB, frames)
    for flag, name in [('-x', 'x'), ('-xx', 'xx'), ('-X', 'X'), ('-XX', 'XX'), ('-A', 'A'), ('-AA', 'AA')]:
        test('mixed-' + name, p, flag)
    test('mixed-q', p, '-q')
    test('mixed-v', p, '-v')
    test('mixed-vv', p, '-vv')
    test('mixed-vvv', p, '-vvv')
    test('mixed-e-x', p, '-e -x')


# ---------------------------------------------------------------- timestamp formats
def times():
    pkt = eth(IP(src=A1, dst=A2, id=1) / UDP(sport=1, dport=2) / Raw(b't'))
    stamps = [(T0, 999999), (T0 + 1, 0), (T0 + 1, 1), (T0 + 2, 500000), (T0 + 3702, 250000), (T0 + 90000, 0), (T0 + 90000, 0), (T0 + 90001, 999998)]
    frames = [(pkt, {'sec': s, 'frac': u}) for s, u in stamps]
    p = write_pcap('times', LINKTYPE_EN10MB, frames)
    test('times', p)
    for k in range(1, 6):
        test('times-' + 't' * k, p, '-' + 't' * k)
    nstamps = [(T0, 999999999), (T0 + 1, 1), (T0 + 1, 1000), (T0 + 61, 123456789)]
    p = write_pcap('times-nano', LINKTYPE_EN10MB, [(pkt, {'sec': s, 'frac': n}) for s, n in nstamps], nano=True)
    test('times-nano', p)
    test('times-nano-nano', p, '--nano')
    test('times-nano-ttt-nano', p, '-ttt --nano')


def main():
    for make in (vlan, llc, arp, ipv4_options, ipv4_fragments, ipv6_ext, icmp, icmp6, tcp_options, tcp_connection,
                 checksums, dns, sll, sll2, null_loop, raw, cut_short, unknown, mixed, times):
        make()
    with open(os.path.join(OUT, 'TESTS.tsv'), 'w') as f:
        for name, pcap, flags in TESTS:
            f.write(f'{name}\t{pcap}\t{flags}\t{name}.out\n')
    print(f'{len(TESTS)} tests', file=sys.stderr)


main()
