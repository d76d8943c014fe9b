/** BSD syslog over UDP port 514 (RFC 3164) (tcpdump's print-syslog.c). */
import type { PrintContext } from './context.js';
import { safeChar } from './print-char.js';
import { hexDump } from './dump.js';

const facilities = ['kernel', 'user', 'mail', 'daemon', 'auth', 'syslog', 'lpr', 'news', 'uucp', 'cron', 'authpriv', 'ftp',
  'ntp', 'security', 'console', 'cron', 'local0', 'local1', 'local2', 'local3', 'local4', 'local5', 'local6', 'local7'];
const severities = ['emergency', 'alert', 'critical', 'error', 'warning', 'notice', 'info', 'debug'];


/** A syslog message at `p`, `len` bytes: `<PRI>` gives facility and severity. */
export function printSyslog(c: PrintContext, p: number, len: number): void {
  c.protocol = 'syslog';
  let off = 0, prio = 0;
  if (c.u8(p) !== 0x3c) { c.invalid(); return; }
  off++;
  while (off <= 3) {
    const ch = c.u8(p + off);
    if (ch < 0x30 || ch > 0x39) break;
    prio = prio * 10 + ch - 0x30;
    off++;
  }
  if (c.u8(p + off) !== 0x3e) { c.invalid(); return; }
  off++;
  const facility = (prio & 0x3f8) >> 3, severity = prio & 7;
  const fname = facilities[facility] ?? `unknown (${facility})`, sname = severities[severity]!;
  if (!c.o.verbose) { c.write(`SYSLOG ${fname}.${sname}, length: ${len}`); return; }
  c.write(`SYSLOG, length: ${len}\n\tFacility ${fname} (${facility}), Severity ${sname} (${severity})\n\tMsg: `);
  let s = '';
  for (; off < len && c.has(p + off, 1); off++) s += safeChar(c.buf[p + off]!);
  c.write(s);
  if (off < len) c.need(p + off, 1);
  if (c.o.verbose > 1) hexDump(c, p, Math.min(len, c.avail(p)));
}
