// `vcap stats -i IF [-i IF2 …] [--netns NS] [--interval S] [--duration S] [--json]`: packets and
// bits per second each way, drops and errors, from the kernel's counters. On a terminal the
// table is redrawn in place; into a pipe or file, one line per interface per interval under one
// header; --json, one object per interface per interval. At the end, the mean over the run.
import { writeSync } from 'node:fs';
import { parseCommandArgs, secondsOption } from './command-args.js';
import type { RateSample } from '../netinfo/rates.js';
import { watchRates } from '../netinfo/rates.js';
import { clockText, formatRateRows } from '../netinfo/format-rates.js';
import { VcapError } from '../errors.js';

export const usage = `Usage: vcap stats -i INTERFACE [-i INTERFACE ...] [--netns NAME|PID|PATH]
                  [--interval SECONDS] [--duration SECONDS] [--json]
  Packets/s and bits/s received and sent, drops and errors, per interface, from the kernel's
  counters (what the device itself counted; nothing is captured). INTERFACE may be NAME@NETNS.
  --interval: between lines (default 1); --duration: stop after (default: Ctrl-C). The last
  lines are the means over the whole run.
`;

export async function run(argv: string[]): Promise<number> {
  const { values } = parseCommandArgs('stats', argv, {
    interface: { type: 'string', short: 'i', multiple: true }, netns: { type: 'string' },
    interval: { type: 'string' }, duration: { type: 'string' }, json: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values['help']) { writeSync(1, usage); return 0; }
  const interfaces = (values['interface'] as string[] | undefined) ?? [];
  if (interfaces.length === 0) throw new VcapError('stats: name at least one interface with -i (vcap stats -h for usage)', 'EUSAGE');
  const interval = secondsOption('stats', 'interval', values['interval'] as string | undefined, 1, 0.1);
  const durationText = values['duration'] as string | undefined;
  const duration = durationText === undefined ? undefined : secondsOption('stats', 'duration', durationText, 0, 0.1);
  const json = values['json'] === true;
  let tty = false;
  try { tty = process.stdout.isTTY === true && !json; } catch { /* no stdout */ }

  let drawn = 0, headed = false;
  const out = (s: string): void => { writeSync(1, s); };
  const onSample = (samples: RateSample[]): void => {
    if (json) {
      out(samples.map((s) => `${JSON.stringify(s)}\n`).join(''));
    } else if (tty) {
      // Back over the previous table, then draw this one over it.
      const title = `vcap stats: every ${interval} s, ${clockText(samples[0]!)}${duration === undefined ? ' (Ctrl-C to stop)' : ''}\n`;
      const table = title + formatRateRows(samples, true);
      out(`${drawn > 0 ? `\x1b[${drawn}A` : ''}${table.split('\n').slice(0, -1).map((l) => `\x1b[2K${l}`).join('\n')}\n`);
      drawn = table.split('\n').length - 1;
    } else {
      out(formatRateRows(samples, !headed, { head: 'TIME', cell: clockText }));
      headed = true;
    }
  };
  const watch = watchRates({
    interfaces, netns: values['netns'] as string | undefined, intervalMs: interval * 1000,
    durationMs: duration === undefined ? undefined : duration * 1000, onSample,
  });
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  const stop = (): void => watch.stop();
  for (const s of signals) process.on(s, stop);
  try {
    const mean = await watch.done;
    if (json) out(mean.map((s) => `${JSON.stringify(s)}\n`).join(''));
    else out(formatRateRows(mean, tty, { head: 'TIME', cell: (s) => `mean ${s.seconds.toFixed(1)}s` }));
  } finally {
    for (const s of signals) process.off(s, stop);
  }
  return 0;
}
