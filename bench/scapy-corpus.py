#!/usr/bin/python3
"""Benchmark captures built with scapy, a generator the project did not write (bench/make-captures.ts
is the project's own). Used by bench/corpora.ts; run with Debian's python3 (python3-scapy).

    /usr/bin/python3 bench/scapy-corpus.py KIND COUNT OUT.pcap [POOL]

scapy builds packets at ~1.5k per second here, too slow for 1M-packet files, so each corpus is a
pool of POOL (default 20000) distinct packets built by scapy, made of conversations (a TCP flow's
segments follow each other, a DNS query its answer), written over and over with advancing
timestamps until COUNT records are written. Seeded: the same file every time.

Kinds:
  mix          40 hosts: DNS queries and answers, TCP with every option, IPv6 with extension
               headers, VLAN, ICMP and ICMPv6 errors, IPv4 fragments, ARP; 2% captured short
  dns          DNS over UDP and TCP, IPv4 and IPv6: A, AAAA, CNAME, MX, NS, SOA, TXT, PTR, SRV,
               EDNS0, NXDOMAIN, compressed names
  tcp-options  TCP, IPv4 and IPv6, every option tcpdump prints: MSS, window scale, SACK-permitted,
               SACK with 1-4 blocks, timestamps, NOP/EOL, MD5, user timeout, fast open, MPTCP,
               unknown kinds; every flag combination, urgent pointers
  ipv6-ext     IPv6 with hop-by-hop (router alert, padding), destination options, routing
               (type 0, segment routing), fragment headers (first and later fragments), then
               TCP/UDP/ICMPv6
  vlan         802.1Q with priorities, QinQ (0x88a8 over 0x8100, and 0x8100 twice), over IPv4,
               IPv6, ARP
  tunnels      GRE (IPv4, IPv6 and Ethernet inside, with key and sequence), VXLAN, Geneve,
               IP-in-IP, IPv6-in-IPv4, IPv4-in-IPv6
"""
import random
import struct
import sys

from scapy.config import conf
conf.verb = 0
from scapy.all import (  # noqa: E402
    ARP, DNS, DNSQR, DNSRR, DNSRROPT, DNSRRSOA, DNSRRMX, DNSRRSRV, Dot1Q, Dot1AD, Ether, GRE, ICMP, IP,
    IPv6, IPv6ExtHdrDestOpt, IPv6ExtHdrFragment, IPv6ExtHdrHopByHop, IPv6ExtHdrRouting,
    IPv6ExtHdrSegmentRouting, ICMPv6EchoReply, ICMPv6EchoRequest, ICMPv6DestUnreach, ICMPv6ND_NS,
    ICMPv6PacketTooBig, ICMPv6TimeExceeded, PadN, Pad1, Raw, RouterAlert, TCP, UDP, fragment, raw,
)
from scapy.layers.vxlan import VXLAN  # noqa: E402
from scapy.contrib.geneve import GENEVE  # noqa: E402

kind, count, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
pool_size = min(count, int(sys.argv[4]) if len(sys.argv) > 4 else 20000)
R = random.Random(0x5ca9)

HOSTS = 40
mac = [f"02:5c:00:00:{i >> 8:02x}:{i & 255:02x}" for i in range(HOSTS)]
v4 = [f"192.168.{i // 200}.{i % 200 + 1}" for i in range(HOSTS)]
v6 = [f"2001:db8:{i:x}::{(i * 7919) & 0xffff:x}" for i in range(HOSTS)]
NAMES = ["example.com", "www.example.com", "mail.example.org", "cdn.images.example.net", "a.root-servers.net",
         "_sip._tcp.example.com", "xn--bcher-kva.example", "very.long.sub.domain.name.for.testing.example.co.uk",
         "4.3.2.1.in-addr.arpa", "api.internal"]


def pair():
    a = R.randrange(HOSTS)
    b = R.randrange(HOSTS - 1)
    return a, b + (b >= a)


def payload(n=None):
    n = R.choice([0, 0, 1, 20, 64, 100, 300, 536, 1000, 1200, 1448]) if n is None else n
    return bytes(R.randrange(256) for _ in range(min(n, 64))) * (n // 64) + bytes(n % 64)


def l3(a, b, six, rev=False, **kw):
    s, d = (b, a) if rev else (a, b)
    if six:
        return Ether(src=mac[s], dst=mac[d]) / IPv6(src=v6[s], dst=v6[d], hlim=kw.get("ttl", 64), fl=R.randrange(1 << 20))
    return Ether(src=mac[s], dst=mac[d]) / IP(src=v4[s], dst=v4[d], ttl=kw.get("ttl", 64), id=R.randrange(65536),
                                              flags=R.choice(["DF", "DF", 0]), tos=R.choice([0, 0, 0x10, 0xb8]))


# TCP options, every kind tcpdump knows plus unknown ones.
def opt_syn():
    o = [("MSS", R.choice([536, 1380, 1460, 8960])), ("SAckOK", b""), ("Timestamp", (R.randrange(1 << 32), 0)),
         ("NOP", None), ("WScale", R.randrange(15))]
    R.shuffle(o)
    extra = R.randrange(10)
    if extra == 0:
        o.append(("TFO", b""))  # fast open cookie request
    elif extra == 1:
        o.append(("TFO", bytes(R.randrange(256) for _ in range(8))))
    elif extra == 2:
        o.append((30, bytes([0x00, 0x81]) + bytes(R.randrange(256) for _ in range(8))))  # MPTCP MP_CAPABLE
    elif extra == 3:
        o.append(("UTO", R.randrange(65536)))
    return o


def opt_data():
    o = [("NOP", None), ("NOP", None), ("Timestamp", (R.randrange(1 << 32), R.randrange(1 << 32)))]
    r = R.randrange(10)
    if r < 3:
        base = R.randrange(1 << 31)
        blocks = []
        for i in range(R.randrange(1, 4)):
            blocks += [base + i * 3000, base + i * 3000 + 1448]
        o += [("NOP", None), ("NOP", None), ("SAck", tuple(blocks))]
    elif r == 3:
        o = [("NOP", None), ("NOP", None), ("SAck", tuple(R.randrange(1 << 32) for _ in range(8)))]  # 4 blocks, no timestamps
    elif r == 4:
        o = [("MD5", bytes(R.randrange(256) for _ in range(16))), ("NOP", None), ("NOP", None)] + o[2:]
    elif r == 5:
        o.append((30, bytes([0x20, 0x01]) + struct.pack(">I", R.randrange(1 << 32))))  # MPTCP DSS
    elif r == 6:
        o += [(253, bytes([0x12, 0x34, 0x56])), ("EOL", None)]  # experimental, then end of list
    return o


def tcp_flow(a, b, six, wrap=lambda p: p, n=None, ttl=64):
    """A connection or part of one: SYN, SYN-ACK, ACK, data both ways, sometimes FIN or RST."""
    sport, dport = R.randrange(32768, 61000), R.choice([22, 25, 80, 443, 3306, 5432, 8080, R.randrange(1, 65536)])
    cs, ss = R.randrange(1 << 32), R.randrange(1 << 32)
    out = []
    start = R.randrange(3) == 0
    if start:
        out.append(wrap(l3(a, b, six, ttl=ttl) / TCP(sport=sport, dport=dport, seq=cs, flags="S" if R.randrange(8) else "SEC", window=64240, options=opt_syn())))
        out.append(wrap(l3(a, b, six, True, ttl=ttl) / TCP(sport=dport, dport=sport, seq=ss, ack=cs + 1, flags="SA", window=65160, options=opt_syn())))
        cs += 1
        ss += 1
    for _ in range(n if n is not None else R.randrange(1, 12)):
        rev = R.randrange(3) == 0
        body = payload()
        flags = R.choice(["PA", "A", "A", "PA", "PA", "A"]) if body else "A"
        urg = 0
        if R.randrange(50) == 0:
            flags += "U"
            urg = R.randrange(1, 100)
        if rev:
            p = TCP(sport=dport, dport=sport, seq=ss, ack=cs, flags=flags, window=R.randrange(65536), urgptr=urg, options=opt_data())
            ss = (ss + len(body)) & 0xffffffff
        else:
            p = TCP(sport=sport, dport=dport, seq=cs, ack=ss, flags=flags, window=R.randrange(65536), urgptr=urg, options=opt_data())
            cs = (cs + len(body)) & 0xffffffff
        out.append(wrap(l3(a, b, six, rev, ttl=ttl) / p / Raw(body) if body else l3(a, b, six, rev, ttl=ttl) / p))
    end = R.randrange(6)
    if end == 0:
        out.append(wrap(l3(a, b, six) / TCP(sport=sport, dport=dport, seq=cs, ack=ss, flags="FA", options=opt_data())))
        out.append(wrap(l3(a, b, six, True) / TCP(sport=dport, dport=sport, seq=ss, ack=cs + 1, flags="FA", options=opt_data())))
    elif end == 1:
        out.append(wrap(l3(a, b, six, True) / TCP(sport=dport, dport=sport, seq=ss, flags="R")))
    return out


def dns_answer(q, qtype):
    name = q if q.endswith(".") else q + "."
    rrs = []
    if qtype == "A":
        if R.randrange(3) == 0:
            rrs.append(DNSRR(rrname=name, type="CNAME", ttl=300, rdata="edge." + name))
        rrs += [DNSRR(rrname=name, type="A", ttl=R.randrange(60, 86400), rdata=f"93.184.{R.randrange(256)}.{R.randrange(256)}") for _ in range(R.randrange(1, 4))]
    elif qtype == "AAAA":
        rrs.append(DNSRR(rrname=name, type="AAAA", ttl=3600, rdata=f"2606:2800:220:1:248:1893:25c8:{R.randrange(65536):x}"))
    elif qtype == "MX":
        rrs += [DNSRRMX(rrname=name, ttl=3600, preference=10 * (i + 1), exchange=f"mx{i}." + name) for i in range(R.randrange(1, 3))]
    elif qtype == "TXT":
        rrs.append(DNSRR(rrname=name, type="TXT", ttl=300, rdata=["v=spf1 include:_spf.example.com ~all"]))
    elif qtype == "NS":
        rrs += [DNSRR(rrname=name, type="NS", ttl=172800, rdata=f"ns{i}.example.net.") for i in range(2)]
    elif qtype == "PTR":
        rrs.append(DNSRR(rrname=name, type="PTR", ttl=3600, rdata="host.example.com."))
    elif qtype == "SRV":
        rrs.append(DNSRRSRV(rrname=name, ttl=600, priority=10, weight=5, port=5060, target="sip." + name))
    elif qtype == "SOA":
        rrs.append(DNSRRSOA(rrname=name, ttl=900, mname="ns1.example.net.", rname="hostmaster.example.net.", serial=2024010101))
    return rrs


def dns_exchange(a, b, six, over_tcp=False):
    q = R.choice(NAMES)
    qtype = R.choice(["A", "A", "A", "AAAA", "AAAA", "MX", "TXT", "NS", "PTR", "SRV", "SOA"])
    qid = R.randrange(65536)
    edns = R.randrange(3) == 0
    query = DNS(id=qid, rd=1, qd=DNSQR(qname=q, qtype=qtype), ar=DNSRROPT(rclass=4096) if edns else None)
    nx = R.randrange(10) == 0
    ans = dns_answer(q, qtype) if not nx else []
    resp = DNS(id=qid, qr=1, rd=1, ra=1, rcode=3 if nx else 0, qd=DNSQR(qname=q, qtype=qtype),
               an=ans or None, ns=DNSRRSOA(rrname="example.com.", mname="ns1.example.net.", rname="hostmaster.example.net.") if nx else None,
               ar=DNSRROPT(rclass=4096) if edns else None)
    port = R.randrange(1024, 65536)
    if over_tcp:
        qb, rb = raw(query), raw(resp)
        return [l3(a, b, six) / TCP(sport=port, dport=53, flags="PA", seq=1, ack=1) / Raw(struct.pack(">H", len(qb)) + qb),
                l3(a, b, six, True) / TCP(sport=53, dport=port, flags="PA", seq=1, ack=1 + 2 + len(qb)) / Raw(struct.pack(">H", len(rb)) + rb)]
    return [l3(a, b, six) / UDP(sport=port, dport=53) / query, l3(a, b, six, True) / UDP(sport=53, dport=port) / resp]


def udp_flow(a, b, six):
    sp, dp = R.randrange(1024, 65536), R.choice([123, 161, 500, 514, 1900, 4500, R.randrange(1024, 65536)])
    return [l3(a, b, six, rev) / UDP(sport=dp if rev else sp, dport=sp if rev else dp) / Raw(payload(R.choice([8, 48, 100, 300])))
            for rev in (R.randrange(2) == 0 for _ in range(R.randrange(1, 4)))]


def icmp_things(a, b):
    r = R.randrange(5)
    if r == 0:
        i, s = R.randrange(65536), R.randrange(65536)
        return [l3(a, b, False) / ICMP(type=8, id=i, seq=s) / Raw(payload(56)), l3(a, b, False, True) / ICMP(type=0, id=i, seq=s) / Raw(payload(56))]
    inner = IP(src=v4[b], dst=v4[a], ttl=R.randrange(1, 4)) / UDP(sport=R.randrange(1024, 65536), dport=33434 + R.randrange(30)) / Raw(payload(32))
    if r == 1:
        return [l3(a, b, False) / ICMP(type=3, code=3) / raw(inner)[:28]]
    if r == 2:
        return [l3(a, b, False) / ICMP(type=11, code=0) / raw(inner)]
    if r == 3:
        return [l3(a, b, False) / ICMP(type=3, code=4, nexthopmtu=1400) / raw(IP(src=v4[b], dst=v4[a]) / TCP(sport=443, dport=50000))[:28]]
    return [l3(a, b, False) / ICMP(type=5, code=1, gw=v4[(a + 1) % HOSTS]) / raw(inner)[:28]]


def icmp6_things(a, b):
    r = R.randrange(5)
    inner = IPv6(src=v6[b], dst=v6[a]) / UDP(sport=R.randrange(1024, 65536), dport=33434) / Raw(payload(20))
    if r == 0:
        i, s = R.randrange(65536), R.randrange(65536)
        return [l3(a, b, True) / ICMPv6EchoRequest(id=i, seq=s, data=payload(56)), l3(a, b, True, True) / ICMPv6EchoReply(id=i, seq=s, data=payload(56))]
    if r == 1:
        return [l3(a, b, True) / ICMPv6DestUnreach(code=4) / inner]
    if r == 2:
        return [l3(a, b, True) / ICMPv6PacketTooBig(mtu=1280) / inner]
    if r == 3:
        return [l3(a, b, True) / ICMPv6TimeExceeded() / inner]
    return [Ether(src=mac[a], dst="33:33:ff:00:00:01") / IPv6(src=v6[a], dst="ff02::1:ff00:1", hlim=255) / ICMPv6ND_NS(tgt=v6[b])]


def ipv6_ext(a, b):
    s, d = v6[a], v6[b]
    e = Ether(src=mac[a], dst=mac[b])
    base = IPv6(src=s, dst=d, fl=R.randrange(1 << 20))
    r = R.randrange(7)
    sport = R.randrange(1024, 65536)
    up = R.choice([TCP(sport=sport, dport=443, flags="PA", seq=R.randrange(1 << 32), ack=R.randrange(1 << 32)) / Raw(payload(100)),
                   UDP(sport=sport, dport=53) / Raw(payload(40)),
                   ICMPv6EchoRequest(id=R.randrange(65536), seq=R.randrange(65536), data=payload(32))])
    if r == 0:
        return [e / base / IPv6ExtHdrHopByHop(options=[RouterAlert(value=0), PadN(optdata=b"\0\0")]) / up]
    if r == 1:
        return [e / base / IPv6ExtHdrDestOpt(options=[PadN(optdata=b"\0" * 4)]) / up]
    if r == 2:
        return [e / base / IPv6ExtHdrRouting(type=0, addresses=[v6[(a + 1) % HOSTS], v6[(a + 2) % HOSTS]], segleft=2) / up]
    if r == 3:
        return [e / base / IPv6ExtHdrSegmentRouting(addresses=[d, v6[(a + 3) % HOSTS]], segleft=1, lastentry=1) / up]
    if r == 4:
        big = base / IPv6ExtHdrFragment(id=R.randrange(1 << 32)) / UDP(sport=sport, dport=4789) / Raw(payload(2400))
        from scapy.all import fragment6
        return [e / f for f in fragment6(big, 1280)]
    if r == 5:
        return [e / base / IPv6ExtHdrHopByHop(options=[Pad1(), Pad1(), PadN(optdata=b"\0\0")]) / IPv6ExtHdrDestOpt(options=[PadN(optdata=b"\0" * 4)]) /
                IPv6ExtHdrRouting(type=0, addresses=[v6[(a + 5) % HOSTS]], segleft=1) / up]
    return [e / base / IPv6ExtHdrFragment(id=R.randrange(1 << 32), offset=R.randrange(1, 200), m=R.randrange(2)) / Raw(payload(200))]


def vlan_wrap(kind_):
    vid, pcp = R.randrange(1, 4095), R.randrange(8)
    ivid = R.randrange(1, 4095)

    def wrap(p):
        e, rest = p, p.payload
        if kind_ == 0:
            tags = Dot1Q(vlan=vid, prio=pcp)
            e2 = Ether(src=e.src, dst=e.dst, type=0x8100)
        elif kind_ == 1:
            tags = Dot1AD(vlan=vid, prio=pcp) / Dot1Q(vlan=ivid)
            e2 = Ether(src=e.src, dst=e.dst, type=0x88a8)
        else:
            tags = Dot1Q(vlan=vid, prio=pcp) / Dot1Q(vlan=ivid)
            e2 = Ether(src=e.src, dst=e.dst, type=0x8100)
        return e2 / tags / rest
    return wrap


def arp_pair(a, b):
    return [Ether(src=mac[a], dst="ff:ff:ff:ff:ff:ff") / ARP(op=1, hwsrc=mac[a], psrc=v4[a], pdst=v4[b]),
            Ether(src=mac[b], dst=mac[a]) / ARP(op=2, hwsrc=mac[b], psrc=v4[b], hwdst=mac[a], pdst=v4[a])]


def ipv4_fragments(a, b):
    big = IP(src=v4[a], dst=v4[b], id=R.randrange(65536)) / UDP(sport=R.randrange(1024, 65536), dport=R.choice([53, 2049, 4789])) / Raw(payload(R.choice([1600, 3000, 4000])))
    return [Ether(src=mac[a], dst=mac[b]) / f for f in fragment(big, R.choice([576, 1480]))]


def tunnel(a, b):
    inner_a, inner_b = R.randrange(HOSTS), R.randrange(HOSTS)
    inner4 = IP(src=f"10.{inner_a}.0.1", dst=f"10.{inner_b}.0.2", ttl=63) / R.choice([
        TCP(sport=R.randrange(1024, 65536), dport=80, flags="PA", seq=R.randrange(1 << 32), ack=R.randrange(1 << 32)) / Raw(payload(200)),
        UDP(sport=R.randrange(1024, 65536), dport=53) / DNS(id=R.randrange(65536), rd=1, qd=DNSQR(qname=R.choice(NAMES))),
        ICMP(type=8, id=R.randrange(65536), seq=R.randrange(65536)) / Raw(payload(56))])
    inner6 = IPv6(src=f"fd00:{inner_a:x}::1", dst=f"fd00:{inner_b:x}::2") / UDP(sport=R.randrange(1024, 65536), dport=443) / Raw(payload(120))
    ieth = Ether(src=f"0a:00:00:00:00:{inner_a:02x}", dst=f"0a:00:00:00:01:{inner_b:02x}")
    outer = l3(a, b, False)
    r = R.randrange(8)
    if r == 0:
        return [outer / GRE() / inner4]
    if r == 1:
        return [outer / GRE(key_present=1, key=R.randrange(1 << 32), seqnum_present=1, seqence_number=R.randrange(1 << 32)) / inner4]
    if r == 2:
        return [outer / GRE(proto=0x6558) / ieth / inner4]
    if r == 3:
        return [outer / UDP(sport=R.randrange(49152, 65536), dport=4789) / VXLAN(vni=R.randrange(1 << 24)) / ieth / R.choice([inner4, inner6])]
    if r == 4:
        return [outer / UDP(sport=R.randrange(49152, 65536), dport=6081) / GENEVE(vni=R.randrange(1 << 24), proto=0x6558) / ieth / inner4]
    if r == 5:
        return [outer / inner4]  # IP-in-IP (protocol 4)
    if r == 6:
        return [outer / inner6]  # IPv6 in IPv4 (protocol 41)
    return [l3(a, b, True) / inner4]  # IPv4 in IPv6


def conversation():
    a, b = pair()
    r = R.randrange(100)
    if kind == "mix":
        if r < 30: return tcp_flow(a, b, False)
        if r < 40: return tcp_flow(a, b, True)
        if r < 58: return dns_exchange(a, b, R.randrange(4) == 0)
        if r < 64: return udp_flow(a, b, R.randrange(3) == 0)
        if r < 70: return icmp_things(a, b)
        if r < 74: return icmp6_things(a, b)
        if r < 82: return ipv6_ext(a, b)
        if r < 88: return tcp_flow(a, b, False, vlan_wrap(R.randrange(3)), n=R.randrange(1, 6))
        if r < 91: return dns_exchange(a, b, False) if R.randrange(2) else udp_flow(a, b, False)
        if r < 95: return ipv4_fragments(a, b)
        return arp_pair(a, b)
    if kind == "dns":
        if r < 80: return dns_exchange(a, b, R.randrange(4) == 0)
        if r < 90: return dns_exchange(a, b, R.randrange(2) == 0, over_tcp=True)
        return tcp_flow(a, b, R.randrange(3) == 0, n=2)
    if kind == "tcp-options":
        return tcp_flow(a, b, R.randrange(3) == 0)
    if kind == "ipv6-ext":
        return ipv6_ext(a, b) if r < 85 else icmp6_things(a, b)
    if kind == "vlan":
        w = vlan_wrap(R.randrange(3))
        if r < 50: return tcp_flow(a, b, R.randrange(4) == 0, w, n=R.randrange(1, 6))
        if r < 80: return [w(p) for p in dns_exchange(a, b, R.randrange(4) == 0)]
        if r < 90: return [w(p) for p in udp_flow(a, b, False)]
        return [w(p) for p in arp_pair(a, b)]
    if kind == "tunnels":
        return tunnel(a, b)
    raise SystemExit(f"unknown kind {kind}")


pool = []
while len(pool) < pool_size:
    for p in conversation():
        b = raw(p)
        # mix: 2% captured short, cut anywhere (a snap length, a truncating tap)
        cap = len(b) if kind != "mix" or R.randrange(50) else R.randrange(1, len(b))
        pool.append((b, cap))
pool = pool[:pool_size]

with open(out, "wb") as f:
    f.write(struct.pack("<IHHiIII", 0xa1b2c3d4, 2, 4, 0, 0, 262144, 1))
    t = 1_700_000_000_000_000  # µs
    chunk = []
    for i in range(count):
        b, cap = pool[i % pool_size]
        t += R.choice((1, 3, 7, 20, 150))
        chunk.append(struct.pack("<IIII", t // 1_000_000, t % 1_000_000, cap, len(b)))
        chunk.append(b[:cap] if cap != len(b) else b)
        if len(chunk) >= 8192:
            f.write(b"".join(chunk))
            chunk = []
    f.write(b"".join(chunk))
print(f"{out}: {count} records ({pool_size} distinct, built by scapy)")
