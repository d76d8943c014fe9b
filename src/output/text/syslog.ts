/** BSD syslog over UDP port 514 (RFC 3164) (tcpdump's print-syslog.c). */
import type { PrintContext } from './context.js';
import type { Syslog } from '../../decoders/syslog.js';
import { safeChar } from './print-char.js';
import { hexDump } from './dump.js';

const facilities = ['kernel', 'user', 'mail', 'daemon', 'auth', 'syslog', 'lpr', 'news', 'uucp', 'cron', 'authpriv', 'ftp',
  'ntp', 'security', 'console', 'cron', 'local0', 'local1', 'local2', 'local3', 'local4', 'local5', 'local6', 'local7'];
const severities = ['emergency', 'alert', 'critical', 'error', 'warning', 'notice', 'info', 'debug'];

/** A syslog message of `len` bytes: `<PRI>` gives facility and severity. */
export function printSyslog(c: PrintContext, s: Syslog, len: number): void {
  c.protocol = 'syslog';
  const prio = s.priority;
  if (prio < 0) { c.invalid(); return; }
  const facility = (prio & 0x3f8) >> 3, severity = prio & 7;
  const fname = facilities[facility] ?? `unknown (${facility})`, sname = severities[severity]!;
  if (!c.o.verbose) { c.write(`SYSLOG ${fname}.${sname}, length: ${len}`); return; }
  c.write(`SYSLOG, length: ${len}\n\tFacility ${fname} (${facility}), Severity ${sname} (${severity})\n\tMsg: `);
  let i = s.messageStart, text = '';
  for (; i < len && s.has(i + 1); i++) text += safeChar(s.byte(i));
  c.write(text);
  if (i < len) s.need(i + 1);
  if (c.o.verbose > 1) hexDump(c, s.off, Math.min(len, s.captured));
}
