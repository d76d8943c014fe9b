// Decode every record of a capture with vcap's Decoder and with node_pcap's pure-JS decoders
// (`pcap/decode`), in the same run, reading ports, TTL/hop limit and ICMP types from each.
// Usage: node dist/bench/decode.js [file]   (default bench/data/mixed-1m.pcap; make it with
// node dist/bench/make-captures.js mixed)
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Batch } from '../src/capture/batch.js';
import { openCaptureFile } from '../src/capture/capture-file.js';
import { Decoder } from '../src/decoders/decoder.js';

const require = createRequire(import.meta.url);
const file = process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bench', 'data', 'mixed-1m.pcap');

// Both decoders see the file the way vcap -r does: in batches from the project's streaming
// reader, each batch decoded right after it is read. Only the decode loops are timed.
function eachBatch(f: (b: Batch) => void): void {
  const cf = openCaptureFile(file, { bufferSize: BUFFER });
  try { for (let b = cf.next(); b; b = cf.next()) f(b); } finally { cf.close(); }
}

// A batch buffer that fits the CPU caches: each batch is decoded while its bytes are still cached.
const BUFFER = Number(process.env.VCAP_BENCH_BUFFER ?? 1 << 20);

let count = 0;
eachBatch((b) => { count += b.count; });
console.log(`${file}: ${count} records`);

// vcap: the library as a user would call it on a batch region (no subarray per packet). The
// timed loop reads what the issue names: ports, TTL/hop limit, ICMP types.
// Both runners walk the batches in a loop of their own, with plain locals: a callback per batch
// would hold the sums in closure slots, and a sum growing past a small integer then deoptimizes
// the callback at every batch, so the next batch's loop starts in the interpreter.
// With `withStop`, the loop also reads `p.stop`, which runs every check the decoder defers to first
// use (TCP option lengths, the application layer after TCP/UDP, DNS records): the cost of decoding
// everything node_pcap decodes, and more.
function runVcap(withStop = false): { ms: number; sum: number; guard: number } {
  const d = new Decoder();
  let sum = 0, ns = 0;
  const cf = openCaptureFile(file, { bufferSize: BUFFER });
  try {
    for (let b = cf.next(); b; b = cf.next()) {
      const { bytes, offset, capLen, linkType } = b, n = b.count;
      const t0 = process.hrtime.bigint();
      let s = 0;
      for (let i = 0; i < n; i++) {
        const p = d.decode(bytes, linkType, offset[i]!, capLen[i]!);
        const tcp = p.tcp, udp = p.udp, v4 = p.ipv4, v6 = p.ipv6;
        if (tcp) s += tcp.srcPort + tcp.dstPort;
        else if (udp) s += udp.srcPort + udp.dstPort;
        if (v4) s += v4.ttl; else if (v6) s += v6.hopLimit;
        if (p.icmp) s += p.icmp.type; else if (p.icmpv6) s += p.icmpv6.type;
        if (withStop && p.stop) s++;
      }
      ns += Number(process.hrtime.bigint() - t0);
      sum += s;
    }
  } finally { cf.close(); }
  return { ms: ns / 1e6, sum, guard: d.guardCount };
}

/** Untimed: how many packets stop, and why (this also walks every DNS message in full). */
function stops(): { truncated: number; errors: number } {
  const d = new Decoder();
  let truncated = 0, errors = 0;
  eachBatch((b) => {
    for (let i = 0; i < b.count; i++) {
      const s = d.decode(b.bytes, b.linkType, b.offset[i]!, b.capLen[i]!).stop;
      if (s) { if (s.kind === 'truncated') truncated++; else errors++; }
    }
  });
  return { truncated, errors };
}

interface NpPacket { payload?: { payload?: unknown } }
interface NpNet { ttl?: number; hopLimit?: number; payload?: { sport?: number; dport?: number; type?: number } }

function runNodePcap(): { ms: number; sum: number; exceptions: number } {
  const pcapDecode = require('pcap/decode') as { decode: { packet(p: { buf: Buffer; header: Buffer; link_type: string }): NpPacket } };
  // node_pcap's native side hands JS one shared 16-byte header buffer (sec, usec, caplen, len, LE); so does this.
  const header = Buffer.alloc(16);
  const log = console.log;
  // It console.logs every frame it cannot decode (QinQ here); silence that so it is not timed.
  console.log = () => {};
  let sum = 0, exceptions = 0, ns = 0;
  const cf = openCaptureFile(file, { bufferSize: BUFFER });
  try {
    for (let b = cf.next(); b; b = cf.next()) {
      const lt = b.linkType === 1 ? 'LINKTYPE_ETHERNET' : b.linkType === 113 ? 'LINKTYPE_LINUX_SLL' : b.linkType === 0 ? 'LINKTYPE_NULL' : 'LINKTYPE_RAW';
      const bytes = Buffer.from(b.bytes.buffer, b.bytes.byteOffset, b.bytes.byteLength), n = b.count;
      const t0 = process.hrtime.bigint();
      let s = 0;
      for (let i = 0; i < n; i++) {
        const o = b.offset[i]!, c = b.capLen[i]!;
        header.writeUInt32LE(c, 8); header.writeUInt32LE(b.origLen[i]!, 12);
        try {
          const pk = pcapDecode.decode.packet({ buf: bytes.subarray(o, o + c), header, link_type: lt });
          const net = pk.payload?.payload as NpNet | undefined;
          if (net && typeof net === 'object') {
            s += net.ttl ?? net.hopLimit ?? 0;
            const t = net.payload;
            if (t && typeof t === 'object') {
              if (t.sport !== undefined) s += t.sport + (t.dport ?? 0);
              else if (t.type !== undefined) s += t.type;
            }
          }
        } catch {
          exceptions++;
        }
      }
      ns += Number(process.hrtime.bigint() - t0);
      sum += s;
    }
  } finally {
    cf.close();
    console.log = log;
  }
  return { ms: ns / 1e6, sum, exceptions };
}

const mpps = (ms: number): number => count / ms / 1000;
// Best of several passes for each: the machine is shared, and the best pass is the least disturbed.
runVcap(); // warm-up: let the JIT settle before the timed passes
const vr = Array.from({ length: 5 }, () => runVcap()).sort((a, b) => a.ms - b.ms);
const nr = Array.from({ length: 3 }, runNodePcap).sort((a, b) => a.ms - b.ms);
runVcap(true);
const sr = Array.from({ length: 3 }, () => runVcap(true)).sort((a, b) => a.ms - b.ms);
const v = vr[0]!, n = nr[0]!, vs = sr[0]!, st = stops();
if (vr.some((r) => r.sum !== v.sum)) throw new Error('vcap passes disagree');
console.log(`vcap      ${mpps(v.ms).toFixed(2).padStart(6)} Mpps  best of ${vr.length} (median ${mpps(vr[2]!.ms).toFixed(2)})  exceptions 0, guard ${v.guard}; stops: ${st.truncated} truncated, ${st.errors} error`);
console.log(`node_pcap ${mpps(n.ms).toFixed(2).padStart(6)} Mpps  best of ${nr.length} (median ${mpps(nr[1]!.ms).toFixed(2)})  exceptions ${n.exceptions}`);
console.log(`ratio     ${(n.ms / v.ms).toFixed(1)}x`);
console.log(`vcap+stop ${mpps(vs.ms).toFixed(2).padStart(6)} Mpps  best of ${sr.length} (median ${mpps(sr[1]!.ms).toFixed(2)})  the same loop also reading p.stop (every deferred check run), ${(n.ms / vs.ms).toFixed(1)}x node_pcap`);
