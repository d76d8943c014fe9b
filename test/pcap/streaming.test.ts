// Constant memory whatever the file size, huge records, run() yielding, and stdin as a stream.
import test from 'ava';
import { spawn } from 'node:child_process';
import { createReadStream, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openCaptureFile } from '../../src/capture/capture-file.js';
import { PcapWriter } from '../../src/output/pcap-writer.js';
import { frameBytes, pcapHeader, pcapRecord, readAll, tempDir } from './helpers.js';

const N = 50000;

/** 50k frames of 60..1514 bytes (~40 MB), written by PcapWriter. */
function bigFile(dir: string): string {
  const path = join(dir, 'big.pcap');
  const w = PcapWriter.open(path, { linkType: 1 });
  const frames = Array.from({ length: 16 }, (_, k) => frameBytes(1514, k));
  for (let i = 0; i < N; i++) w.writeFrame(frames[i & 15]!, 0, 60 + ((i * 97) % 1455), 1514, 1709294400 + Math.floor(i / 1000), (i % 1000) * 1000000);
  w.close();
  return path;
}

test('50k packets stream through a fixed buffer that never grows', (t) => {
  const path = bigFile(tempDir(t));
  const size = statSync(path).size;
  t.true(size > 30 << 20);
  for (const bufferSize of [4 << 20, 64 << 10]) {
    const f = openCaptureFile(path, { bufferSize });
    const cap = f.bufferSize;
    t.is(cap, bufferSize);
    let n = 0, bytes = 0, batches = 0, maxSeen = cap;
    for (let b = f.next(); b !== null; b = f.next()) {
      batches++;
      maxSeen = Math.max(maxSeen, f.bufferSize);
      t.true(b.count <= 8192);
      for (let i = 0; i < b.count; i++) {
        if (b.capLen[i] !== 60 + ((n * 97) % 1455) || b.sec[i] !== 1709294400 + Math.floor(n / 1000)) t.fail(`frame ${n}`);
        bytes += b.capLen[i]!;
        n++;
      }
    }
    t.is(n, N);
    t.is(maxSeen, cap, 'the read buffer stayed at its size');
    t.is(f.bytesRead, size);
    t.is(bytes, size - 24 - 16 * N);
    t.true(batches >= Math.ceil(size / cap));
    f.close();
  }
});

test('a record larger than the buffer grows it once, just enough', (t) => {
  const path = join(tempDir(t), 'huge.pcap');
  writeFileSync(path, Buffer.concat([pcapHeader(), pcapRecord(frameBytes(100)), pcapRecord(frameBytes(262144, 1)), pcapRecord(frameBytes(100, 2))]));
  const r = readAll(path, { bufferSize: 64 << 10 });
  t.is(r.error, undefined);
  t.deepEqual(r.frames.map((f) => f.capLen), [100, 262144, 100]);
  t.deepEqual(r.frames[1]!.data, frameBytes(262144, 1));
  t.true(r.maxBufferSize >= 262144 + 16 && r.maxBufferSize <= 2 * (262144 + 16), `${r.maxBufferSize}`);
});

test('run() gives the event loop a turn while it reads a big file, and stop() ends it', async (t) => {
  const path = bigFile(tempDir(t));
  let immediateRan = false, frames = 0, framesAtImmediate = -1;
  setImmediate(() => { immediateRan = true; framesAtImmediate = frames; });
  await openCaptureFile(path, { bufferSize: 1 << 20 }).run((b) => { frames += b.count; });
  t.true(immediateRan);
  t.true(framesAtImmediate > 0 && framesAtImmediate < N, `${framesAtImmediate}`);
  t.is(frames, N);

  let batches = 0;
  const f = openCaptureFile(path, { bufferSize: 1 << 20 });
  await f.run(() => { if (++batches === 3) f.stop(); });
  t.is(batches, 3);
});

for (const nonBlocking of [false, true]) {
test(`'-' reads stdin as a stream, in whatever chunks the pipe gives${nonBlocking ? ' (non-blocking fd: EAGAIN)' : ''}`, async (t) => {
  const path = bigFile(tempDir(t));
  const mod = fileURLToPath(new URL('../../src/capture/capture-file.js', import.meta.url));
  // Touching process.stdin makes libuv put fd 0 in O_NONBLOCK mode, so readSync meets EAGAIN between chunks.
  const script = `import { openCaptureFile } from ${JSON.stringify(mod)};
    ${nonBlocking ? 'process.stdin.pause();' : ''}
    const f = openCaptureFile('-', { bufferSize: 65536 });
    let n = 0, bytes = 0;
    for (let b = f.next(); b; b = f.next()) for (let i = 0; i < b.count; i++) { n++; bytes += b.capLen[i]; }
    console.log(f.format, f.linkType, n, bytes, f.bufferSize);`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['pipe', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.on('data', (d: Buffer) => { out += d.toString(); });
  // Small, uneven chunks: records straddle every read.
  const src = createReadStream(path, { highWaterMark: 4093 });
  src.pipe(child.stdin);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  t.is(code, 0);
  const size = statSync(path).size;
  t.is(out.trim(), `pcap 1 ${N} ${size - 24 - 16 * N} 65536`);
});
}

test('run() on an empty non-blocking stdin lets timers run until data comes', async (t) => {
  const dir = tempDir(t);
  const path = join(dir, 'small.pcap');
  writeFileSync(path, Buffer.concat([pcapHeader(), ...Array.from({ length: 20 }, (_, i) => pcapRecord(frameBytes(100, i)))]));
  const bytes = readFileSync(path);
  const mod = fileURLToPath(new URL('../../src/capture/capture-file.js', import.meta.url));
  // The timer can only fire while run() waits for stdin: the input is far below run()'s yield interval.
  const script = `import { openCaptureFile } from ${JSON.stringify(mod)};
    process.stdin.pause();
    const f = openCaptureFile('-');
    let n = 0;
    setTimeout(() => process.stderr.write('alive\\n'), 1);
    await f.run((b) => { n += b.count; });
    console.log(n);`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d: Buffer) => { out += d.toString(); });
  // Header and 10 records first; the other 10 only after the child showed its event loop is free.
  const half = 24 + 10 * 116;
  child.stdin.write(bytes.subarray(0, half));
  await new Promise<void>((resolve) => {
    let err = '';
    child.stderr.on('data', (d: Buffer) => { err += d.toString(); if (err.includes('alive\n')) resolve(); });
  });
  child.stdin.end(bytes.subarray(half));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  t.is(code, 0);
  t.is(out.trim(), '20');
});
