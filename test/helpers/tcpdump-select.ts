// The oracle: which records of a capture Debian's tcpdump (libpcap 1.10.3) selects for an expression.
import { spawn } from 'node:child_process';

export type Selection = { ok: true; indexes: number[] } | { ok: false; error: string };

/**
 * Runs `tcpdump -r file -w - expr` and reads back the written records. The captures made for the
 * test stamp record i with i seconds, so each written record names its index.
 */
export function tcpdumpSelect(file: string, expr: string): Promise<Selection> {
  return new Promise((resolve, reject) => {
    const p = spawn('tcpdump', ['-r', file, '-w', '-', '--', expr], { stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [], err: Buffer[] = [];
    p.stdout.on('data', (d: Buffer) => out.push(d));
    p.stderr.on('data', (d: Buffer) => err.push(d));
    p.on('error', reject);
    p.on('close', (code) => {
      const stderr = Buffer.concat(err).toString().split('\n').filter((l) => l && !l.startsWith('reading from') && !l.startsWith('Warning'));
      if (code !== 0) { resolve({ ok: false, error: stderr.join(' ') }); return; }
      const b = Buffer.concat(out);
      const indexes: number[] = [];
      for (let at = 24; at + 16 <= b.length; at += 16 + b.readUInt32LE(at + 8)) indexes.push(b.readUInt32LE(at));
      resolve({ ok: true, indexes });
    });
  });
}

/** Runs `jobs` with at most `n` at a time. */
export async function pool<T>(n: number, jobs: (() => Promise<T>)[]): Promise<T[]> {
  const results: T[] = new Array(jobs.length);
  let next = 0;
  await Promise.all(Array.from({ length: n }, async () => {
    while (next < jobs.length) {
      const i = next++;
      results[i] = await jobs[i]!();
    }
  }));
  return results;
}
