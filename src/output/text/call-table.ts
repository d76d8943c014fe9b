/**
 * Tables of calls that printers keep from packet to packet for the replies that follow them
 * (tcpdump's Rx call cache, its NFS xid map): a reply is printed by the call it answers.
 *
 * Parallel printing (src/cli/parallel-print.ts) prints the chunks of a file with a context each, so
 * a reply's call may be in a chunk another thread printed. A worker's context logs the calls its
 * tables enter and notes whether a reply looked one up; the main thread enters every chunk's calls,
 * in the file's order, into the tables of a context of its own, with which it prints again a chunk
 * where a reply looked its call up. This module does that for every such table, so that the
 * parallel printer needs to know none of the protocols.
 */
import type { PrintContext } from './context.js';

/** The state every call table keeps for parallel printing; a table adds its calls and lookups. */
export abstract class CallTable {
  /** The calls entered since the last takeCalls() (`width` values each), while the context records. */
  log: (number | string)[] | undefined = undefined;
  /** Whether a reply looked a call up since the last takeCalls(). */
  lookedUp = false;
  /** Values per logged call. */
  abstract readonly width: number;
  /** Enters a call another context logged (its `width` values). */
  abstract enterLogged(call: readonly (number | string)[]): void;
}

/** A printer's table of a context, made on first use (each printer keeps its own by context). */
type TableOf = (c: PrintContext) => CallTable;

const tables = new Map<string, TableOf>();

/** Registers a printer's call table under `name` (the same in every thread: the printers' modules register theirs). */
export function registerCallTable(name: string, of: TableOf): void { tables.set(name, of); }

/** Calls logged by a context, by table name. */
export type LoggedCalls = Record<string, (number | string)[]>;

/** Starts logging the calls `c`'s tables enter (a worker's context). */
export function recordCalls(c: PrintContext): void {
  for (const of of tables.values()) of(c).log = [];
}

/** The calls `c`'s tables entered since the last take and whether a reply looked one up; undefined: neither. */
export function takeCalls(c: PrintContext): { calls: LoggedCalls; lookedUp: boolean } | undefined {
  let calls: LoggedCalls | undefined, lookedUp = false;
  for (const [name, of] of tables) {
    const t = of(c), log = t.log;
    if (log === undefined) continue;
    if (log.length > 0) { (calls ??= {})[name] = log; t.log = []; }
    if (t.lookedUp) { lookedUp = true; t.lookedUp = false; }
  }
  return calls === undefined && !lookedUp ? undefined : { calls: calls ?? {}, lookedUp };
}

/** Enters into `c`'s tables the calls another context logged (takeCalls()'s), in order. */
export function enterCalls(c: PrintContext, calls: LoggedCalls): void {
  for (const name in calls) {
    const t = tables.get(name)?.(c);
    if (t === undefined) continue;
    const values = calls[name]!;
    for (let k = 0; k < values.length; k += t.width) t.enterLogged(values.slice(k, k + t.width));
  }
}
