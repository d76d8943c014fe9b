// argv of a subcommand (`vcap ifaces|topo|stats …`), with node's parseArgs; its errors reworded
// as getopt words them for the top-level options, so every usage error reads the same.
import { parseArgs } from 'node:util';
import { VcapError } from '../errors.js';

export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  multiple?: boolean;
}

export interface ParsedCommand {
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
}

/** Parse `argv` against `options`; one-line VcapErrors (code EUSAGE) for anything else. */
export function parseCommandArgs(command: string, argv: string[], options: Record<string, OptionSpec>, positionals = false): ParsedCommand {
  try {
    const r = parseArgs({ args: argv, options, allowPositionals: positionals, strict: true });
    return { values: r.values as ParsedCommand['values'], positionals: r.positionals };
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const msg = err.message;
    let text = msg;
    if (err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      const name = /'(-[^']*)'/.exec(msg)?.[1] ?? '';
      text = name.startsWith('--') ? `unrecognized option '${name}'` : `invalid option -- '${name.slice(1)}'`;
    } else if (err.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      const long = /--([\w-]+)/.exec(msg)?.[1] ?? '';
      const short = Object.entries(options).find(([k]) => k === long)?.[1].short;
      if (/does not take an argument/.test(msg)) text = `option '--${long}' doesn't allow an argument`;
      else text = short !== undefined ? `option requires an argument -- '${short}'` : `option '--${long}' requires an argument`;
    } else if (err.code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
      text = `unexpected argument '${/'([^']*)'/.exec(msg)?.[1] ?? ''}'`;
    } else {
      throw e;
    }
    throw new VcapError(`${command}: ${text} (vcap ${command} -h for usage)`, 'EUSAGE');
  }
}

/** A positive number of seconds (`1`, `0.5`), as --interval and --duration take them. */
export function secondsOption(command: string, name: string, text: string | undefined, fallback: number, min: number): number {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!/^\d*\.?\d+$/.test(text) || !Number.isFinite(n) || n < min)
    throw new VcapError(`${command}: invalid --${name} '${text}' (seconds, at least ${min})`, 'EINVAL');
  return n;
}
