// vcap's version, from package.json (read once, on first use): `vcap --version`, pcapng's shb_userappl.
import { readFileSync } from 'node:fs';

let version: string | undefined;

/**
 * The package version ('0.1.0'): the nearest package.json named vcap above this module, wherever
 * it was loaded from (dist/src/version.js, or the CLI bundle in dist/src/cli/).
 */
export function vcapVersion(): string {
  if (version === undefined) {
    version = 'unknown';
    for (let dir = new URL('.', import.meta.url), i = 0; i < 6; dir = new URL('..', dir), i++) {
      try {
        const pkg = JSON.parse(readFileSync(new URL('package.json', dir), 'utf8')) as { name?: string; version?: string };
        if (pkg.name === 'vcap' && pkg.version !== undefined) { version = pkg.version; break; }
      } catch { /* none here: one level up */ }
    }
  }
  return version;
}
