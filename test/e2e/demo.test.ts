// `vcap demo` end to end as a newcomer runs it, and what it leaves behind: nothing, whether it
// finishes, is interrupted, or fails.
import test from 'ava';
import type { ExecutionContext } from 'ava';
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run, vcapBin } from '../helpers/netns.js';

interface Demo { pid: number; code: number | null; stdout: string; stderr: string }

/** Run `vcap demo`; `interruptWhen` sends SIGINT once stdout matches it. */
function demo(args: string[], opts: { env?: NodeJS.ProcessEnv; interruptWhen?: RegExp } = {}): Promise<Demo> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [vcapBin, 'demo', ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: opts.env ?? process.env });
    let stdout = '', stderr = '', sent = false;
    p.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
      if (opts.interruptWhen && !sent && opts.interruptWhen.test(stdout)) { sent = true; p.kill('SIGINT'); }
    });
    p.stderr.setEncoding('utf8').on('data', (d: string) => { stderr += d; });
    p.on('error', reject);
    p.on('close', (code) => resolve({ pid: p.pid!, code, stdout, stderr }));
  });
}

/** Nothing of a demo run is left: no namespace with its prefix, no process naming one. */
async function nothingLeft(t: ExecutionContext, pid: number): Promise<void> {
  const prefix = `vcapdemo${pid}-`;
  const list = await run(['ip', 'netns', 'list']);
  t.false(list.stdout.includes(prefix), list.stdout);
  const procs = readdirSync('/proc').filter((d) => /^\d+$/.test(d)).filter((d) => {
    try { return readFileSync(`/proc/${d}/cmdline`, 'latin1').includes(prefix); } catch { return false; }
  });
  t.deepEqual(procs, []);
}

/** If a run failed before its own cleanup, remove what it left so later tests are not affected. */
function sweep(pid: number): void {
  for (const tag of ['tun', 'a', 'b', 'br']) spawn('ip', ['netns', 'del', `vcapdemo${pid}-${tag}`], { stdio: 'ignore' });
}

test('vcap demo: tun0 answered by vcap, iperf3 through a bridge measured by vcap stats, vcap topo, then nothing left', async (t) => {
  const r = await demo(['--seconds', '2']);
  t.teardown(() => sweep(r.pid));
  t.is(r.code, 0, r.stderr + r.stdout);
  t.is(r.stderr, '');
  const o = r.stdout;
  t.log(o);
  const ns = `vcapdemo${r.pid}`;
  t.true(o.startsWith(`vcap demo: everything below happens in network namespaces named ${ns}-*, removed at the end\n`));
  // 1. The article's experiment: the kernel answers .23 itself, vcap answers .26.
  t.regex(o, /1 packets transmitted, 1 received, 0% packet loss/);
  t.regex(o, /4 packets transmitted, 4 received, 0% packet loss/);
  const capture = o.split('\n').filter((l) => /^ {2}\d\d:\d\d:\d\d\.\d{6} IP /.test(l)).map((l) => l.slice(18).replace(/id \d+/, 'id N'));
  t.deepEqual(capture, [1, 2, 3, 4].flatMap((k) => [
    `IP 172.21.22.23 > 172.21.22.26: ICMP echo request, id N, seq ${k}, length 64`,
    `IP 172.21.22.26 > 172.21.22.23: ICMP echo reply, id N, seq ${k}, length 64`,
  ]));
  // 2. The measurement: vcap stats along the path, iperf3's own summary.
  t.true(o.includes(`# ip netns exec ${ns}-a iperf3 -c 10.77.0.2 -t 600 -f g --forceflush &\n`
    + `# vcap stats -i eth0@${ns}-a -i veth-a@${ns}-br -i veth-b@${ns}-br -i eth0@${ns}-b --interval 1 --duration 2\n`));
  for (const dev of [`eth0@${ns}-a`, `veth-a@${ns}-br`, `veth-b@${ns}-br`, `eth0@${ns}-b`])
    t.regex(o, new RegExp(`\nmean [\\d.]+s +${dev} .* [\\d.]+ [GM]bit/s `), dev);
  // Every interval saw the transfer: no idle line for the sender's eth0.
  t.notRegex(o, new RegExp(`\n\\d\\d:\\d\\d:\\d\\d\\.\\d{3} +eth0@${ns}-a +0 `));
  t.regex(o, /\n# kill -INT %1 .*\n {2}\[ {2}5\] +0\.00-[\d.]+ +sec +[\d.]+ [MG]Bytes +[\d.]+ Gbits\/sec .*sender\n/);
  // 3. The topology shows what the demo built.
  const topo = o.slice(o.indexOf(`# vcap topo ${ns}-tun ${ns}-a ${ns}-b ${ns}-br\n`), o.indexOf('\n4. '));
  for (const name of [`[ ${ns}-a ]`, `[ ${ns}-b ]`, `[ ${ns}-br ]`, `[ ${ns}-tun ]`, 'br0 (bridge)', `veth-a (veth)  <====> eth0@${ns}-a`,
    'tun0 (tun)  172.21.22.23/24']) t.true(topo.includes(name), name);
  // 4. The vcap holding tun0 stopped: its counters.
  t.regex(o, /\n {2}8 packets captured\n {2}8 packets received by filter\n {2}0 packets dropped by kernel\n/);
  t.regex(o, new RegExp(`\nRemoved the namespaces ${ns}-br, ${ns}-b, ${ns}-a, ${ns}-tun and everything in them\\.\n$`));
  await nothingLeft(t, r.pid);
});

test('vcap demo interrupted (Ctrl-C) during the measurement: one vcap line, status 130, nothing left', async (t) => {
  const r = await demo(['--seconds', '5'], { interruptWhen: /# vcap stats/ });
  t.teardown(() => sweep(r.pid));
  t.is(r.code, 130, r.stderr);
  t.is(r.stderr, 'vcap: demo: interrupted (SIGINT); everything it made is removed\n');
  t.regex(r.stdout, /Removed the namespaces .*-br.* and everything in them\.\n$/);
  await nothingLeft(t, r.pid);
});

test('vcap demo failing half-way (iperf3 broken): one vcap line, status 1, nothing left', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'vcap-demo-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, 'iperf3'), '#!/bin/sh\necho "iperf3: error - unable to start listener for connections: Address already in use" >&2\nexit 1\n');
  chmodSync(join(dir, 'iperf3'), 0o755);
  const r = await demo(['--seconds', '1'], { env: { ...process.env, PATH: `${dir}:${process.env['PATH'] ?? ''}` } });
  t.teardown(() => sweep(r.pid));
  t.is(r.code, 1, r.stdout);
  t.is(r.stderr, 'vcap: demo: iperf3 -s exited early: iperf3: error - unable to start listener for connections: Address already in use\n');
  t.regex(r.stdout, /4 packets transmitted, 4 received, 0% packet loss/);
  await nothingLeft(t, r.pid);
});

test('vcap demo without root, or without iperf3: one vcap line before anything is made', async (t) => {
  const asNobody = await run(['setpriv', '--reuid=nobody', '--regid=nogroup', '--clear-groups', process.execPath, vcapBin, 'demo']);
  t.is(asNobody.code, 1);
  t.is(asNobody.stderr, 'vcap: demo: run it as root (it makes network namespaces and a TUN device)\n');
  const dir = mkdtempSync(join(tmpdir(), 'vcap-demo-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  // A PATH with ip and ping but no iperf3.
  for (const tool of ['ip', 'ping']) {
    const path = (await run(['sh', '-c', `command -v ${tool}`])).stdout.trim();
    writeFileSync(join(dir, tool), `#!/bin/sh\nexec ${path} "$@"\n`, { mode: 0o755 });
  }
  const r = await demo([], { env: { ...process.env, PATH: dir } });
  t.is(r.code, 1);
  t.is(r.stderr, 'vcap: demo: needs iperf3 (Debian: apt-get install -y iperf3)\n');
  t.is(r.stdout, '');
  await nothingLeft(t, r.pid);
});
