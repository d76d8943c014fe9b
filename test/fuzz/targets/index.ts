// The fuzz targets by name. Each is loaded only when asked for (a target's module sets up its own
// scratch files and seed corpus when imported).
import type { FuzzTarget } from '../engine.js';

export const targetNames = ['capture-file', 'frames', 'filter', 'cli'] as const;

export async function loadTarget(name: string): Promise<FuzzTarget> {
  switch (name) {
    case 'capture-file': return (await import('./capture-file.js')).captureFileTarget;
    case 'frames': return (await import('./frames.js')).framesTarget;
    case 'filter': return (await import('./filter.js')).filterTarget;
    case 'cli': return (await import('./cli.js')).cliTarget;
  }
  throw new Error(`no fuzz target '${name}' (${targetNames.join(', ')})`);
}
