// What a user checks first about a capture file vcap left behind: capinfos and tshark both open it
// without a word about damage, and agree on how many packets it holds.
import type { ExecutionContext } from 'ava';
import { run } from './netns.js';

/** Asserts that `file` opens whole in capinfos and tshark; returns its packet count. */
export async function opensWhole(t: ExecutionContext, file: string): Promise<number> {
  const ci = await run(['capinfos', '-c', '-M', file]);
  t.is(ci.code, 0, `${file}: ${ci.stderr}`);
  const ts = await run(['tshark', '-r', file, '-T', 'fields', '-e', 'frame.number']);
  t.is(ts.code, 0, `${file}: ${ts.stderr}`);
  t.notRegex(ts.stderr, /cut short|appears to be damaged|corrupt/, file);
  const n = Number(/Number of packets:\s+(\d+)/.exec(ci.stdout)?.[1]);
  t.is(ts.stdout.trim() === '' ? 0 : ts.stdout.trim().split('\n').length, n, file);
  return n;
}
