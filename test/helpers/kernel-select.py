#!/usr/bin/env python3
"""Run inside a network namespace that has a veth pair vA <-> vB (see test/filter/kernel-select.test.ts).

stdin: JSON {"frames": [hex, ...], "arrive": [hex, ...] (optional: each frame as the receiving socket
sees it, when the kernel changes it, e.g. takes the VLAN tag out), "programs": [hex sock_filter, ...],
"cooked": true for SOCK_DGRAM receiving sockets (no link-layer header)}.
For each program: open an AF_PACKET socket on vB with the program attached before it is bound (so
no frame slips past the filter), send every frame out of vA, then read what the kernel let through.
A second, unfiltered socket waits for an end marker, so every frame has been through the filter
when the filtered socket is drained. stdout: JSON [[index, ...], ...], one list per program.
"""
import ctypes
import json
import socket
import struct
import sys

ETH_P_ALL = 0x0003
SO_ATTACH_FILTER = 26
SO_RCVBUFFORCE = 33
# ldh [12]; jeq #0x88b5; ret #65535; ret #0: the marker socket takes nothing else, so it never overflows.
MARKER_ONLY = bytes.fromhex('28000000' '0c000000' '15000001' 'b5880000' '06000000' 'ffff0000' '06000000' '00000000')
MARKER = bytes.fromhex('02000000000102000000000288b5') + b'vcap-end-marker' + bytes(40)


class SockFprog(ctypes.Structure):
    _fields_ = [('len', ctypes.c_ushort), ('filter', ctypes.c_void_p)]


def attach(sock, prog):
    buf = ctypes.create_string_buffer(prog, len(prog))
    fprog = SockFprog(len(prog) // 8, ctypes.addressof(buf))
    sock.setsockopt(socket.SOL_SOCKET, SO_ATTACH_FILTER, bytes(memoryview(fprog)))
    return buf


def main():
    job = json.load(sys.stdin)
    frames = [bytes.fromhex(f) for f in job['frames']]
    arrive = [bytes.fromhex(f) for f in job.get('arrive', job['frames'])]
    index = {}
    for i, f in enumerate(arrive):
        index.setdefault(f, []).append(i)
    tx = socket.socket(socket.AF_PACKET, socket.SOCK_RAW)
    tx.bind(('vA', 0))
    results = []
    for hexprog in job['programs']:
        rx = socket.socket(socket.AF_PACKET, socket.SOCK_DGRAM if job.get('cooked') else socket.SOCK_RAW, 0)
        keep = attach(rx, bytes.fromhex(hexprog))
        rx.setsockopt(socket.SOL_SOCKET, SO_RCVBUFFORCE, 32 << 20)
        rx.bind(('vB', ETH_P_ALL))
        mark = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, 0)
        keep_mark = attach(mark, MARKER_ONLY)
        mark.bind(('vB', ETH_P_ALL))
        mark.settimeout(5)
        for f in frames:
            tx.send(f)
        tx.send(MARKER)
        while mark.recv(65536) != MARKER:
            pass
        rx.setblocking(False)
        got = []
        seen = {}
        while True:
            try:
                data = rx.recv(65536)
            except BlockingIOError:
                break
            ids = index.get(data)
            if ids is None:
                continue
            n = seen.get(data, 0)
            if n < len(ids):
                got.append(ids[n])
                seen[data] = n + 1
        rx.close()
        mark.close()
        del keep, keep_mark
        results.append(sorted(got))
    json.dump(results, sys.stdout)


main()
