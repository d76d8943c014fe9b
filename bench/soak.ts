// bench/soak: long runs that show whether memory stays flat and nothing is lost.
//  live: trafgen sends N 64-byte frames (default 10M) at a fixed rate across a veth pair; vcap -w and
//        then tcpdump -w capture the far end in turn, in the same run. Reports frames written
//        (capinfos), kernel drops, and RSS sampled every second (first, max, last).
//  file: a pcap of N 64-byte frames is read by vcap -r and tcpdump -r, printing to /dev/null and
//        writing a pcap, with the same RSS samples.
// Not a test (it runs for minutes). Run as root: node dist/bench/soak.js [frames] [rate-pps] [live,file]
import { spawn, execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const FRAMES = Number(process.argv[2] ?? 10_000_000);
const RATE = Number(process.argv[3] ?? 250_000);
const MODES = (process.argv[4] ?? 'live,file').split(',');
const root = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..');
const vcapBin = join(root, 'bin', 'vcap');
const tag = `vs${process.pid % 100000}`;
const gen = `${tag}g`, cap = `${tag}c`;
const dir = mkdtempSync(join(process.env['SOAK_DIR'] ?? tmpdir(), 'vcap-soak-'));

function sh(argv: string[]): string {
  return execFileSync(argv[0]!, argv.slice(1), { stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 << 20 }).toString();
}

function rssKiB(pid: number): number {
  try { return Number(/^VmRSS:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, 'latin1'))?.[1] ?? 0); } catch { return 0; }
}

interface Run { tool: string; what: string; seconds: number; frames: number; dropped: number; rss: number[] }

/** Start argv, sample its RSS every second until it exits; resolves with its stderr and the samples. */
function sampled(argv: string[], stdout: 'ignore' | number = 'ignore'): { ready: Promise<void>; done: Promise<{ stderr: string; rss: number[]; seconds: number }>; stop(): void } {
  const started = Date.now();
  const p = spawn(argv[0]!, argv.slice(1), { stdio: ['ignore', stdout, 'pipe'] });
  let stderr = '';
  const rss: number[] = [];
  let readyResolve: () => void = () => {};
  const ready = new Promise<void>((r) => { readyResolve = r; });
  p.stderr!.setEncoding('utf8').on('data', (d: string) => { stderr += d; if (/listening on|reading from/.test(stderr)) readyResolve(); });
  const timer = setInterval(() => { const v = rssKiB(p.pid!); if (v > 0) rss.push(v); }, 1000);
  const done = new Promise<{ stderr: string; rss: number[]; seconds: number }>((resolve) => p.on('close', () => {
    clearInterval(timer); readyResolve(); resolve({ stderr, rss, seconds: (Date.now() - started) / 1000 });
  }));
  return { ready, done, stop: () => p.kill('SIGINT') };
}

function packetsIn(file: string): number {
  return Number(/Number of packets:\s+(\d+)/.exec(sh(['capinfos', '-c', '-M', file]))?.[1] ?? -1);
}

async function live(): Promise<Run[]> {
  sh(['ip', 'netns', 'add', gen]);
  sh(['ip', 'netns', 'add', cap]);
  try {
    sh(['ip', '-n', gen, 'link', 'add', 'ga', 'type', 'veth', 'peer', 'name', 'gb', 'netns', cap]);
    for (const [ns, dev] of [[gen, 'ga'], [cap, 'gb']] as const) {
      sh(['ip', 'netns', 'exec', ns, 'sh', '-c', 'echo 1 > /proc/sys/net/ipv6/conf/all/disable_ipv6']);
      sh(['ip', '-n', ns, 'link', 'set', dev, 'up']);
    }
    writeFileSync(join(dir, 'flood.cfg'), '{ eth(da=02:00:00:00:00:02, sa=02:00:00:00:00:01), ipv4(saddr=10.61.0.1, daddr=10.61.0.2, ttl=64), udp(sp=4000, dp=dinc(1000, 1099)), fill(0x41, 22) }\n');
    const out: Run[] = [];
    for (const tool of ['vcap', 'tcpdump']) {
      const file = join(dir, `live-${tool}.pcap`);
      const argv = tool === 'vcap' ? [process.execPath, vcapBin, '-i', 'gb', '-w', file] : ['tcpdump', '-i', 'gb', '-w', file];
      const c = sampled(['ip', 'netns', 'exec', cap, ...argv]);
      await c.ready;
      await new Promise((r) => setTimeout(r, 500));
      const started = Date.now();
      try {
        // Paced: the question is whether a capture that keeps up for minutes stays flat and loses nothing.
        sh(['ip', 'netns', 'exec', gen, 'trafgen', '-o', 'ga', '--cpus', '1', '-i', join(dir, 'flood.cfg'), '-n', String(FRAMES), '-b', `${RATE}pps`, '-q']);
      } catch (e) {
        c.stop();
        throw e;
      }
      const seconds = (Date.now() - started) / 1000;
      await new Promise((r) => setTimeout(r, 2500));
      c.stop();
      const r = await c.done;
      const dropped = Number(/(\d+) packets? dropped by kernel/.exec(r.stderr)?.[1] ?? -1);
      out.push({ tool, what: `live -w, ${FRAMES} frames at ${RATE} pps`, seconds, frames: packetsIn(file), dropped, rss: r.rss });
      rmSync(file, { force: true });
    }
    return out;
  } finally {
    for (const ns of [gen, cap]) try { sh(['ip', 'netns', 'del', ns]); } catch { /* gone */ }
  }
}

/** N records of one 64-byte UDP frame each, written in 4 MiB chunks. */
function makeFile(path: string, n: number): void {
  const frame = Buffer.from('0200000000020200000000010800450000320000000040110000' + '0a3d00010a3d0002' + '0fa003e8001e0000' + '41'.repeat(22), 'hex');
  const fd = openSync(path, 'w');
  const h = Buffer.alloc(24);
  h.writeUInt32LE(0xa1b2c3d4, 0); h.writeUInt16LE(2, 4); h.writeUInt16LE(4, 6); h.writeUInt32LE(262144, 16); h.writeUInt32LE(1, 20);
  writeSync(fd, h);
  const rec = 16 + frame.length, per = Math.floor((4 << 20) / rec);
  const chunk = Buffer.alloc(per * rec);
  for (let done = 0; done < n; done += per) {
    const k = Math.min(per, n - done);
    for (let i = 0; i < k; i++) {
      const at = i * rec, idx = done + i;
      chunk.writeUInt32LE(1700000000 + Math.floor(idx / 1e6), at); chunk.writeUInt32LE(idx % 1e6, at + 4);
      chunk.writeUInt32LE(frame.length, at + 8); chunk.writeUInt32LE(frame.length, at + 12);
      frame.copy(chunk, at + 16);
    }
    writeSync(fd, chunk, 0, k * rec);
  }
  closeSync(fd);
}

async function file(): Promise<Run[]> {
  const input = join(dir, 'in.pcap');
  makeFile(input, FRAMES);
  const out: Run[] = [];
  for (const [what, extra] of [['-r, text to /dev/null', ['-n']], ['-r, -w', ['-w', join(dir, 'out.pcap')]]] as const) {
    for (const tool of ['vcap', 'tcpdump']) {
      const argv = tool === 'vcap' ? [process.execPath, vcapBin, '-r', input, ...extra] : ['tcpdump', '-r', input, ...extra];
      const devnull = openSync('/dev/null', 'w');
      const r = await sampled(argv, devnull).done;
      closeSync(devnull);
      const frames = extra[0] === '-w' ? packetsIn(join(dir, 'out.pcap')) : FRAMES;
      out.push({ tool, what: `${what}, ${FRAMES} frames`, seconds: r.seconds, frames, dropped: 0, rss: r.rss });
      rmSync(join(dir, 'out.pcap'), { force: true });
    }
  }
  return out;
}

try {
  const runs: Run[] = [];
  if (MODES.includes('live')) runs.push(...await live());
  if (MODES.includes('file')) runs.push(...await file());
  const load = readFileSync('/proc/loadavg', 'latin1').split(' ').slice(0, 3).join(' ');
  process.stdout.write(`load ${load}\n| tool | run | s | frames | dropped | RSS first / max / last (MiB) |\n|---|---|---|---|---|---|\n`);
  for (const r of runs) {
    const mib = (k: number | undefined): string => ((k ?? 0) / 1024).toFixed(1);
    process.stdout.write(`| ${r.tool} | ${r.what} | ${r.seconds.toFixed(1)} | ${r.frames} | ${r.dropped} | ${mib(r.rss[0])} / ${mib(Math.max(...r.rss))} / ${mib(r.rss[r.rss.length - 1])} |\n`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
