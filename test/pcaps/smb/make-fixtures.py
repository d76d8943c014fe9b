#!/usr/bin/env python3
"""Writes built.pcap: NetBIOS and SMB frames made here (name service queries, responses and
registrations, a browser datagram, session requests and responses, SMB negotiate, session setup,
tree connect, NT create, trans2, errors, an SMB2 header), each whole and then cut after every byte
of its NetBIOS/SMB part (caplen < len, as a short snap length makes them).

The expected outputs next to it were made from built.pcap by two tcpdump 4.99.3 binaries, with
TZ=GMT0 and `-# -n -r built.pcap FLAGS`:
  built*.out        Debian's tcpdump 4.99.3 source (`apt-get source tcpdump`) configured with
                    `--enable-smb` and built by hand (not a test dependency; only these files are kept)
  built*-nosmb.out  the installed Debian tcpdump 4.99.3 (built without --enable-smb)
See README.md. Run: python3 make-fixtures.py (writes built.pcap in this directory).
"""
import os
import struct

def csum(b):
    if len(b) % 2:
        b += b'\0'
    s = sum(struct.unpack('!%dH' % (len(b) // 2), b))
    while s >> 16:
        s = (s & 0xffff) + (s >> 16)
    return ~s & 0xffff

def ip4(proto, payload, src='192.168.1.10', dst='192.168.1.20'):
    s = bytes(map(int, src.split('.'))); d = bytes(map(int, dst.split('.')))
    h = struct.pack('!BBHHHBBH4s4s', 0x45, 0, 20 + len(payload), 0x1234, 0, 64, proto, 0, s, d)
    h = h[:10] + struct.pack('!H', csum(h)) + h[12:]
    return h + payload, s, d

def ether(payload):
    return bytes.fromhex('020000000002' '020000000001' '0800') + payload

def udp(sport, dport, payload):
    return struct.pack('!HHHH', sport, dport, 8 + len(payload), 0) + payload

def tcp(sport, dport, payload, seq=1000, ack=2000):
    return struct.pack('!HHIIBBHHH', sport, dport, seq, ack, 5 << 4, 0x18, 8192, 0, 0) + payload

def udp_frame(sport, dport, payload):
    pkt, _, _ = ip4(17, udp(sport, dport, payload))
    return ether(pkt), 14 + 20 + 8

def tcp_frame(sport, dport, payload):
    seg = tcp(sport, dport, payload)
    pkt, s, d = ip4(6, seg)
    pseudo = s + d + struct.pack('!BBH', 0, 6, len(seg))
    seg = seg[:16] + struct.pack('!H', csum(pseudo + seg)) + seg[18:]
    pkt, _, _ = ip4(6, seg)
    return ether(pkt), 14 + 20 + 20

def nbname(name, typ, scope=b''):
    raw = name.encode().ljust(15, b' ') + bytes([typ])
    enc = bytes(b for c in raw for b in (0x41 + (c >> 4), 0x41 + (c & 15)))
    return bytes([32]) + enc + scope + b'\0'

def nbns(tid, flags, qd, an, ns, ar, body):
    return struct.pack('!HHHHHH', tid, flags, qd, an, ns, ar) + body

def ucs2(s):
    return s.encode('utf-16-le') + b'\0\0'

def smb1(cmd, words, data, flags=0x18, flags2=0xc807, status=0, tid=2048, pid=0xfeff, uid=100, mid=64):
    h = b'\xffSMB' + struct.pack('<BIBHH8sHHHHH', cmd, status, flags, flags2, 0, b'\0' * 8, 0, tid, pid, uid, mid)
    assert len(h) == 32, len(h)
    return h + bytes([len(words) // 2]) + words + struct.pack('<H', len(data)) + data

def direct(msg):
    return struct.pack('!I', len(msg)) + msg

def nbss(typ, body):
    return struct.pack('!BBH', typ, 0, len(body)) + body

frames = []

# Name service: a broadcast query, a positive response, a registration, NBSTAT, a negative response.
frames.append(udp_frame(137, 137, nbns(0x8021, 0x0110, 1, 0, 0, 0, nbname('WORKGROUP', 0x1d) + struct.pack('!HH', 0x20, 1))))
frames.append(udp_frame(137, 137, nbns(0x8021, 0x8500, 0, 1, 0, 0,
    nbname('FILESERVER', 0x20) + struct.pack('!HHIH', 0x20, 1, 300000, 6) + struct.pack('!H', 0x6000) + bytes([192, 168, 1, 20]))))
frames.append(udp_frame(137, 137, nbns(0x8022, 0x2910, 1, 0, 0, 1,
    nbname('CLIENT', 0x00) + struct.pack('!HH', 0x20, 1) + b'\xc0\x0c' + struct.pack('!HHIH', 0x20, 1, 300000, 6) + b'\x00\x00' + bytes([192, 168, 1, 10]))))
stat = (bytes([2]) + b'FILESERVER     \x20' + struct.pack('!H', 0x0400) + b'WORKGROUP      \x00' + struct.pack('!H', 0x8400)
        + bytes.fromhex('020000000001') + bytes(40))
frames.append(udp_frame(137, 137, nbns(0x8023, 0x8400, 0, 1, 0, 0,
    nbname('*\0\0\0\0\0\0\0\0\0\0\0\0\0\0', 0x00) + struct.pack('!HHIH', 0x21, 1, 0, len(stat)) + stat)))
frames.append(udp_frame(137, 137, nbns(0x8024, 0x8583, 0, 0, 0, 0, b'')))

# Datagram service: a browser host announcement in an SMB transaction to \MAILSLOT\BROWSE.
announce = (bytes([1, 3]) + struct.pack('<I', 720000) + b'FILESERVER'.ljust(16, b'\0') + bytes([6, 1])
            + struct.pack('<IBBH', 0x00051003, 15, 1, 0xaa55) + b'file server\0')
name = b'\\MAILSLOT\\BROWSE\0'
data_off = 32 + 1 + 17 * 2 + 2 + len(name)
words = struct.pack('<HHHHBBHIHHHHHBB', 0, len(announce), 0, 0, 0, 0, 0, 0, 0, 0, 0, len(announce), data_off, 3, 0) + struct.pack('<HHH', 1, 1, 2)
trans = smb1(0x25, words, name + announce, flags=0, flags2=0, tid=0, pid=0, uid=0, mid=0)
dgm_names = nbname('FILESERVER', 0x00) + nbname('WORKGROUP', 0x1e)
frames.append(udp_frame(138, 138, struct.pack('!BBH4sHHH', 0x11, 0x0a, 0x1234, bytes([192, 168, 1, 20]), 138, len(dgm_names) + len(trans), 0) + dgm_names + trans))

# Session service: request, positive and negative responses, keepalive.
frames.append(tcp_frame(50000, 139, nbss(0x81, nbname('FILESERVER', 0x20) + nbname('CLIENT', 0x00))))
frames.append(tcp_frame(139, 50000, nbss(0x82, b'')))
frames.append(tcp_frame(139, 50000, nbss(0x83, b'\x82')))
frames.append(tcp_frame(50000, 139, nbss(0x85, b'')))

# SMB negotiate over the session service: the dialects.
dialects = b''.join(b'\x02' + d + b'\0' for d in [b'PC NETWORK PROGRAM 1.0', b'LANMAN1.0', b'NT LM 0.12'])
frames.append(tcp_frame(50000, 139, nbss(0, smb1(0x72, b'', dialects, flags2=0x4001))))
# Negotiate response, NT1 (17 words) with the server time and the crypt key.
nt1 = struct.pack('<HBHHIIIIQhB', 2, 3, 50, 1, 16644, 65536, 0x1234, 0x8000e3fd, 0x01d24b1e8a2c5e00, 0, 8)
frames.append(tcp_frame(445, 50000, direct(smb1(0x72, nt1, bytes(range(8)) + ucs2('WORKGROUP'), flags=0x98, flags2=0xc853))))
# Session setup AndX request (13 words, Unicode strings), chained to a tree connect AndX.
ss_words_len = 13 * 2
ss_bytes = b'\0' + ucs2('alice') + ucs2('WORKGROUP') + ucs2('Unix') + ucs2('vcap')
tc_off = 32 + 1 + ss_words_len + 2 + len(ss_bytes)
ss = struct.pack('<BBHHHHIHHIIH', 0x75, 0, tc_off, 16644, 50, 0, 0, 1, 0, 0, 0xd4, 0)[:-2]
tc_bytes = b'\0' + ucs2('\\\\FILESERVER\\share') + b'?????\0'
tc = bytes([4]) + struct.pack('<BBHHH', 0xff, 0, 0, 0x0008, 1) + struct.pack('<H', len(tc_bytes)) + tc_bytes
msg = smb1(0x73, ss, ss_bytes, flags2=0xc807)
frames.append(tcp_frame(50000, 445, direct(msg + tc)))
# Session setup AndX response (3 words), and one with a DOS error.
frames.append(tcp_frame(445, 50000, direct(smb1(0x73, struct.pack('<BBHH', 0xff, 0, 0, 1), b'', flags=0x98, flags2=0x0001))))
frames.append(tcp_frame(445, 50000, direct(smb1(0x73, b'', b'', flags=0x98, flags2=0x0001, status=0x00050001))))
# Tree connect AndX response: the service type.
frames.append(tcp_frame(445, 50000, direct(smb1(0x75, struct.pack('<BBHH', 0xff, 0, 0, 1), b'A:\0NTFS\0', flags=0x98, flags2=0x0001))))
# NT create AndX request: a counted Unicode path.
path = 'dir\\file.txt'.encode('utf-16-le')
ntc = struct.pack('<BBHBHIIIQIIIIIB', 0xff, 0, 0, 0, len(path), 0x16, 0, 0x0012019f, 0, 0x80, 7, 1, 0x44, 2, 3)
frames.append(tcp_frame(50000, 445, direct(smb1(0xa2, ntc, b'\0' + path, flags2=0xc807))))
# An NT status error reply (STATUS_ACCESS_DENIED) to an echo.
frames.append(tcp_frame(445, 50000, direct(smb1(0x2b, b'', b'', flags=0x98, flags2=0xc807, status=0xc0000022))))
# Echo request and reply.
frames.append(tcp_frame(50000, 445, direct(smb1(0x2b, struct.pack('<H', 1), b'ping', flags2=0x0001))))
# Trans2 FINDFIRST request (parameters: attributes, count, flags, level, a Unicode pattern).
params = struct.pack('<HHHHI', 0x16, 1366, 6, 0x104, 0) + ucs2('\\*')
t2_words = 15 * 2
poff = 32 + 1 + t2_words + 2 + 1
t2 = struct.pack('<HHHHBBHIHHHHHBBH', len(params), 0, 10, 16644, 0, 0, 0, 0, 0, len(params), poff, 0, 0, 1, 0, 1)
frames.append(tcp_frame(50000, 445, direct(smb1(0x32, t2, b'\0' + params, flags2=0xc807))))
# Close with a last-write time (a DOS date), and a read AndX request.
frames.append(tcp_frame(50000, 445, direct(smb1(0x04, struct.pack('<HI', 0x4000, 0x4a8c9e21), b'', flags2=0x0001))))
frames.append(tcp_frame(50000, 445, direct(smb1(0x2e, struct.pack('<BBHHIHHIHI', 0xff, 0, 0, 0x4000, 0, 4096, 4096, 0, 0, 0), b''))))
# An SMB2 negotiate request (tcpdump 4.99.3 has no SMB2 printer), and a session message that is not SMB.
smb2 = b'\xfeSMB' + struct.pack('<HHIHHIIQIIQ16s', 64, 0, 0, 0, 1, 0, 0, 0, 0xfeff, 0, 0, b'\0' * 16)
frames.append(tcp_frame(50000, 445, direct(smb2 + struct.pack('<HHHHI16sQ', 36, 2, 1, 0, 0x7f, b'\x11' * 16, 0) + struct.pack('<HH', 0x0202, 0x0210))))
frames.append(tcp_frame(50000, 139, nbss(0, b'not an SMB message')))

# IPX: Ethernet II (NOV-ETHII), raw 802.3, 802.2 LLC; SAP, RIP, NCP, diagnostics, an unknown socket,
# NetBIOS and NWLink datagrams carrying SMB, a length below the header's.
def ipx(dst_skt, payload, src_skt=0x4008, length=None, ptype=4):
    n = 30 + len(payload) if length is None else length
    return (struct.pack('!HHBB', 0xffff, n, 0, ptype) + struct.pack('!I', 0) + b'\xff' * 6 + struct.pack('!H', dst_skt)
            + struct.pack('!I', 0xa8f87967) + bytes.fromhex('00304855aa01') + struct.pack('!H', src_skt) + payload)
def dot3(payload, llc=b''):
    body = llc + payload
    return bytes.fromhex('ffffffffffff' '020000000001') + struct.pack('!H', len(body)) + body
sap_entry = struct.pack('!H', 0x0004) + b'FILESERVER'.ljust(48, b'\0') + struct.pack('!I', 0xa8f87967) + bytes.fromhex('00304855aa01') + struct.pack('!HH', 0x0451, 1)
frames.append((bytes.fromhex('ffffffffffff' '020000000001' '8137') + ipx(0x0452, struct.pack('!HH', 1, 0x0004)), 14))
frames.append((dot3(ipx(0x0452, struct.pack('!H', 2) + sap_entry + sap_entry)), 14))
frames.append((dot3(ipx(0x0453, struct.pack('!HIHH', 1, 0xa8f87967, 1, 2)), b'\xe0\xe0\x03'), 17))
frames.append((dot3(ipx(0x0453, struct.pack('!H', 2) + struct.pack('!IHH', 0xa8f87967, 1, 2) * 3), b'\xe0\xe0\x03'), 17))
frames.append((dot3(ipx(0x0451, b'\x11\x11' + bytes(8))), 14))
frames.append((dot3(ipx(0x0456, bytes(4))), 14))
frames.append((dot3(ipx(0x1234, bytes(4))), 14))
frames.append((dot3(ipx(0x0455, b'WORKGROUP'.ljust(16, b' ') + b'\x01\x02' + trans), b'\xe0\xe0\x03'), 17))
frames.append((dot3(ipx(0x0553, bytes(6) + trans)), 14))
frames.append((dot3(ipx(0x0455, bytes(40))), 14))
frames.append((dot3(ipx(0x0451, bytes(4), length=20)), 14))

# NetBEUI over LLC SAP 0xF0: a name query (UI), a datagram with SMB (UI), a session data frame (I) with SMB, a session alive.
def nbf(cmd, data1=0, data2=0, xmit=0, resp=0, dst=b'', src=b''):
    names = (dst.ljust(16, b' ') + src.ljust(16, b' ')) if dst or src else b''
    return struct.pack('<HHBBHHH', 14 + len(names), 0xefff, cmd, data1, data2, xmit, resp) + names
frames.append((dot3(nbf(0x0a, 0, 0x0100, 0, 0x1234, b'FILESERVER     \x20', b'CLIENT         \x00'), b'\xf0\xf0\x03'), 17))
frames.append((dot3(nbf(0x08, dst=b'WORKGROUP      \x1e', src=b'CLIENT         \x00') + trans, b'\xf0\xf0\x03'), 17))
frames.append((dot3(nbf(0x16, 0x08, 0, 0, 0x22, b'\x05', b'\x07')[:14] + smb1(0x2b, struct.pack('<H', 1), b'ping', flags2=0x0001), b'\xf0\xf0\x02\x04'), 18))
frames.append((dot3(nbf(0x1f), b'\xf0\xf1\x03'), 17))

with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), 'built.pcap'), 'wb') as f:
    f.write(struct.pack('<IHHiIII', 0xa1b2c3d4, 2, 4, 0, 0, 65535, 1))
    t = 1700000000
    def rec(b, caplen):
        global t
        t += 1
        f.write(struct.pack('<IIII', t, 0, caplen, len(b)) + b[:caplen])
    for b, app in frames:
        rec(b, len(b))
    for b, app in frames:
        for cut in range(app, len(b)):
            rec(b, cut)
