/**
 * yargs, loaded for what vcap uses of it. `import yargs from 'yargs'` evaluates yargs's Node
 * platform shim, which imports cliui and string-width (with their emoji and East Asian width
 * tables) for help screens, and reads process.stdout.columns: about half of yargs's ~55 ms
 * load, on every run. vcap prints its own usage text and never asks yargs for help, so this
 * builds yargs's factory with the same shim whose help-only parts load on first use. Should
 * yargs's layout ever differ from what this expects, the ordinary import is used instead.
 */
import { createRequire } from 'node:module';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readFileSync, readdirSync } from 'node:fs';
import { inspect } from 'node:util';
import { notStrictEqual, strictEqual } from 'node:assert';
import type { Argv } from 'yargs';

export type YargsFn = (argv: string[]) => Argv;

interface Factory { YargsFactory(shim: unknown): YargsFn }

async function loadLight(): Promise<YargsFn> {
  const require = createRequire(import.meta.url);
  const root = dirname(require.resolve('yargs/package.json'));
  const fromYargs = createRequire(join(root, 'index.mjs'));
  const url = (p: string): string => pathToFileURL(join(root, p)).href;
  const [factory, argvUtil, parser, y18n] = await Promise.all([
    import(url('build/lib/yargs-factory.js')) as Promise<Factory>,
    import(url('build/lib/utils/process-argv.js')) as Promise<{ getProcessArgvBin(): string }>,
    import(pathToFileURL(fromYargs.resolve('yargs-parser')).href) as Promise<{ default: unknown }>,
    import(pathToFileURL(fromYargs.resolve('y18n')).href) as Promise<{ default: (o: object) => unknown }>,
  ]);
  const mainFilename = root.substring(0, root.lastIndexOf('node_modules')) || process.cwd();
  let cliui: unknown, stringWidth: unknown, findUp: unknown;
  const shim = {
    assert: { notStrictEqual, strictEqual },
    // Help and usage screens only (require() of these ES modules, on first use).
    get cliui(): unknown { return (cliui ??= (fromYargs('cliui') as { default: unknown }).default); },
    get stringWidth(): unknown { return (stringWidth ??= (fromYargs('string-width') as { default: unknown }).default); },
    // Reading package.json (--version, parser configuration from package.json): on first use.
    get findUp(): unknown { return (findUp ??= (fromYargs('escalade/sync') as { default?: unknown }).default ?? fromYargs('escalade/sync')); },
    getEnv: (key: string) => process.env[key],
    inspect,
    getProcessArgvBin: argvUtil.getProcessArgvBin,
    mainFilename,
    Parser: parser.default,
    path: { basename, dirname, extname, relative, resolve, join },
    process: {
      argv: () => process.argv,
      cwd: process.cwd,
      emitWarning: (warning: string, type: string) => process.emitWarning(warning, type),
      execPath: () => process.execPath,
      exit: (code: number) => process.exit(code),
      nextTick: process.nextTick,
      // Touching process.stdout makes its stream; only help screens want the width.
      get stdColumns(): number | null { return typeof process.stdout.columns !== 'undefined' ? process.stdout.columns : null; },
    },
    readFileSync,
    readdirSync,
    require,
    getCallerFile: () => { throw new Error('vcap does not load yargs command directories'); },
    y18n: y18n.default({ directory: join(root, 'locales'), updateFiles: false }),
  };
  return factory.YargsFactory(shim);
}

async function load(): Promise<YargsFn> {
  try {
    return await loadLight();
  } catch {
    return (await import('yargs')).default as unknown as YargsFn;
  }
}

export const yargs: YargsFn = await load();
