// The multi-interface merge over fake live sources: frames come out in timestamp order, held back
// only while another interface may still deliver an earlier one; drops and directions follow
// their frames; a stop hands everything on.
import test from 'ava';
import type { Batch, CaptureStats } from '../../src/capture/batch.js';
import type { CaptureInterface } from '../../src/capture/capture-interface.js';
import type { LiveSource } from '../../src/capture/live.js';
import { MergedSource } from '../../src/capture/merge.js';

/** A live source the test feeds by hand; `pending` says whether frames still wait in its "ring". */
class FakeSource implements LiveSource {
  readonly linkType = 1;
  readonly snaplen = 262144;
  pending = false;
  stopped = false;
  #consume: ((b: Batch) => void) | undefined;
  #done: (() => void) | undefined;
  constructor(readonly name: string, readonly iface: CaptureInterface) {}
  run(consume: (b: Batch) => void): Promise<void> {
    this.#consume = consume;
    return new Promise((resolve) => { this.#done = resolve; });
  }
  /** Deliver frames: [seconds ago (relative to now), payload byte, epb_flags]; `drops` before the first. */
  deliver(frames: [number, number, number][], drops = 0): void {
    const now = Date.now() / 1000;
    const n = frames.length;
    const b: Batch = {
      linkType: 1, count: n, bytes: new Uint8Array(frames.map((f) => f[1])), iface: this.iface, drops,
      offset: Uint32Array.from(frames.map((_, i) => i)), capLen: new Uint32Array(n).fill(1), origLen: new Uint32Array(n).fill(1),
      sec: Float64Array.from(frames.map((f) => Math.floor(now - f[0]))), nsec: Uint32Array.from(frames.map((f) => Math.round(((now - f[0]) % 1) * 1e9))),
      flags: Uint32Array.from(frames.map((f) => f[2])),
    };
    this.#consume!(b);
  }
  caughtUp(): boolean { return !this.pending; }
  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.#done?.();
  }
  stats(): CaptureStats { return { received: 0, dropped: 0 }; }
  setFilter(): void {}
  close(): void {}
}

interface Out { iface: string; byte: number; flags: number; drops: number }

function start(sources: FakeSource[]): { merged: MergedSource; out: Out[]; done: Promise<void> } {
  const merged = new MergedSource(sources, sources.map((s) => s.iface));
  const out: Out[] = [];
  const done = merged.run((b) => {
    for (let i = 0; i < b.count; i++) out.push({ iface: b.iface!.name!, byte: b.bytes[b.offset[i]!]!, flags: b.flags![i]!, drops: i === 0 ? b.drops ?? 0 : 0 });
  });
  return { merged, out, done };
}

const iface = (name: string): CaptureInterface => ({ linkType: 1, snaplen: 262144, name });

test('frames of two interfaces come out in timestamp order as soon as neither can still send an earlier one', async (t) => {
  const a = new FakeSource('a', iface('a')), b = new FakeSource('b', iface('b'));
  const { merged, out, done } = start([a, b]);
  // b has frames waiting in its ring: a's frames are held.
  b.pending = true;
  a.deliver([[0.5, 1, 2], [0.3, 3, 1], [0.1, 5, 2]]);
  t.deepEqual(out, []);
  // b's block arrives, holding what it had: everything up to b's last frame can go.
  b.pending = false;
  b.deliver([[0.4, 2, 1], [0.2, 4, 5]], 7);
  t.deepEqual(out.map((o) => o.byte), [1, 2, 3, 4, 5]);
  t.deepEqual(out.map((o) => o.iface), ['a', 'b', 'a', 'b', 'a']);
  t.deepEqual(out.map((o) => o.flags), [2, 1, 1, 5, 2]);
  // The drops b reported belong to b's first frame only.
  t.deepEqual(out.map((o) => o.drops), [0, 7, 0, 0, 0]);
  merged.stop();
  await done;
  t.true(a.stopped && b.stopped);
});

test('frames newer than the clock allows wait for a timer; a stop hands every held frame on, in order', async (t) => {
  const a = new FakeSource('a', iface('a')), b = new FakeSource('b', iface('b'));
  const { merged, out, done } = start([a, b]);
  // Stamped "now": younger than the merge's few milliseconds of slack, so held for a moment.
  a.deliver([[0, 1, 0]]);
  t.deepEqual(out, []);
  await new Promise((r) => setTimeout(r, 60));
  t.deepEqual(out.map((o) => o.byte), [1]);
  // b stays pending: its frame goes (what b still holds is later), a's later one waits for the stop.
  b.pending = true;
  a.deliver([[0.01, 3, 0]]);
  b.deliver([[0.02, 2, 0]]);
  await new Promise((r) => setTimeout(r, 60));
  t.deepEqual(out.map((o) => o.byte), [1, 2]);
  merged.stop();
  await done;
  t.deepEqual(out.map((o) => o.byte), [1, 2, 3]);
});

test('one interface failing ends the capture, after every frame read before it', async (t) => {
  const a = new FakeSource('a', iface('a'));
  const failing = new FakeSource('b', iface('b'));
  failing.run = function (consume): Promise<void> {
    // Deliver nothing, then fail as an interface that went away does.
    void consume;
    return Promise.reject(new Error('b: The interface disappeared'));
  };
  const merged = new MergedSource([a, failing], [a.iface, failing.iface]);
  const out: number[] = [];
  const done = merged.run((batch) => { for (let i = 0; i < batch.count; i++) out.push(batch.bytes[batch.offset[i]!]!); });
  await t.throwsAsync(done, { message: 'b: The interface disappeared' });
  t.true(a.stopped);
});
