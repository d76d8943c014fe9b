// The addon is loaded only by live capture: reading files, decoding and filters never touch it.
import test from 'ava';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..', '..');

test('importing vcap and reading a capture file does not load vcap.node; listing interfaces does', (t) => {
  const script = `
    import { createRequire } from 'node:module';
    const m = await import(${JSON.stringify(join(root, 'dist', 'src', 'index.js'))});
    const loaded = () => Object.keys(createRequire(import.meta.url).cache).some((k) => k.endsWith('vcap.node'));
    const f = m.openCaptureFile(${JSON.stringify(join(root, 'test', 'pcaps', 'tcpdump', 'icmpv6.pcap'))});
    let n = 0;
    for (let b = f.next(); b !== null; b = f.next()) n += b.count;
    f.close();
    m.compileFilter('tcp port 80', m.LinkType.EN10MB, 262144);
    const before = loaded();
    const names = m.listInterfaces().map((i) => i.name);
    console.log(JSON.stringify({ n, before, after: loaded(), any: names.includes('any') }));
  `;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  t.is(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout) as { n: number; before: boolean; after: boolean; any: boolean };
  t.true(out.n > 0);
  t.false(out.before);
  t.true(out.after);
  t.true(out.any);
});
