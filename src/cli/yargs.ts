/**
 * The part of yargs that vcap uses, over yargs-parser (the parser inside yargs). vcap declares
 * string, count and boolean options, asks for strict options and prints its own usage; the rest
 * of yargs (commands, help screens, locales, validation of what vcap never declares) cost ~35 ms
 * of CPU to load at every start, a third of vcap's start-up (BENCHMARKS.md, start-up). This keeps
 * the calls and the answers options.ts relies on: the parsed object (`_` the positionals, a count
 * per count option, the last value of a repeated string option) and yargs's words for an unknown
 * option (`Unknown argument: Z`, `Unknown arguments: Z, foo`), given to the `fail` callback.
 */
import parser from 'yargs-parser';

type Fail = (msg: string | null, err: Error | null) => void;

export interface Argv {
  parserConfiguration(c: Record<string, boolean>): Argv;
  /** vcap's messages are English whatever LANG says (yargs-parser's are English only). */
  locale(l: 'en'): Argv;
  /** yargs's --help and --version are off in vcap: there is nothing to turn off here. */
  help(on: false): Argv;
  version(on: false): Argv;
  /** An option that was not declared is an error, given to `fail`. */
  strictOptions(): Argv;
  fail(f: Fail): Argv;
  option(key: string, o: { type: 'string' | 'boolean' }): Argv;
  count(key: string): Argv;
  parseSync(): Record<string, unknown>;
}

export type YargsFn = (argv: string[]) => Argv;

class Options implements Argv {
  #configuration: Record<string, boolean> = {};
  #string: string[] = [];
  #boolean: string[] = [];
  #count: string[] = [];
  #strict = false;
  #fail: Fail = (msg, err) => { throw err ?? new Error(msg ?? 'bad arguments'); };

  constructor(readonly argv: string[]) {}

  parserConfiguration(c: Record<string, boolean>): Argv { this.#configuration = { ...this.#configuration, ...c }; return this; }
  locale(): Argv { return this; }
  help(): Argv { return this; }
  version(): Argv { return this; }
  strictOptions(): Argv { this.#strict = true; return this; }
  fail(f: Fail): Argv { this.#fail = f; return this; }
  option(key: string, o: { type: 'string' | 'boolean' }): Argv { (o.type === 'string' ? this.#string : this.#boolean).push(key); return this; }
  count(key: string): Argv { this.#count.push(key); return this; }

  parseSync(): Record<string, unknown> {
    const r = parser.detailed(this.argv, { string: this.#string, boolean: this.#boolean, count: this.#count, configuration: this.#configuration });
    if (r.error) { this.#fail(null, r.error); return r.argv; }
    if (this.#strict) {
      const known = new Set(['_', '--', ...this.#string, ...this.#boolean, ...this.#count]);
      const unknown = Object.keys(r.argv).filter((k) => !known.has(k));
      if (unknown.length > 0) this.#fail(`Unknown argument${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}`, null);
    }
    return r.argv;
  }
}

export const yargs: YargsFn = (argv) => new Options(argv);
