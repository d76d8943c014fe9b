import { VcapError } from '../errors.js';

/** A filter expression vcap cannot compile. `position` is the 0-based character offset it stopped at. */
export class FilterError extends VcapError {
  override name = 'FilterError';
  constructor(message: string, readonly position: number) {
    super(message, 'EFILTER');
  }
}

/**
 * Syntax errors keep tcpdump's prefix and add where; other errors use libpcap's wording
 * (`illegal port number 99999 > 65535`), which users already search for.
 */
export function filterError(message: string, position: number, kind: 'syntax' | 'semantic' = 'semantic', expr?: string): FilterError {
  if (kind === 'semantic') return new FilterError(message, position);
  const where = expr === undefined ? `column ${position + 1}` : `column ${position + 1} of "${expr}"`;
  return new FilterError(`syntax error in filter expression: ${message} at ${where}`, position);
}
