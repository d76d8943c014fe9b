// BSD syslog (RFC 3164), UDP port 514: `<PRI>` (facility × 8 + severity, up to three digits), then
// the message as text. decode() checks the `<PRI>` (the header; the message is the payload); the
// getters parse it as tcpdump's print-syslog.c does, reading (checked) as far as it reads, so the
// printer stops where tcpdump does on the view of a cut or malformed one.
import type { Cursor } from './cursor.js';
import { Layer } from './layer.js';
import { readU8 } from './reads.js';
import { LayerView } from './view.js';
// Module constant, which V8 folds into the code (an imported `Layer.X` is a load and a shape check per use).
const SYSLOG = Layer.Syslog;

/** Most digits a priority has. */
export const SYSLOG_MAX_DIGITS = 3;

/** A syslog message. */
export class Syslog extends LayerView {
  readonly layer = SYSLOG;

  decode(c: Cursor): number {
    const o = c.off, b = c.buf;
    this.off = o; this.end = c.end; this.headerLength = 0;
    if (c.end - o < 1) return c.short(SYSLOG, o, 1);
    if (b[o] !== 0x3c) return c.invalid(SYSLOG, o, 'no <PRI> at the start');
    let i = 1;
    for (; i <= SYSLOG_MAX_DIGITS; i++) {
      if (o + i >= c.end) return c.short(SYSLOG, o, i + 1);
      const ch = b[o + i]!;
      if (ch < 0x30 || ch > 0x39) break;
    }
    if (o + i >= c.end) return c.short(SYSLOG, o, i + 1);
    if (b[o + i] !== 0x3e) return c.invalid(SYSLOG, o, 'no > after the priority');
    this.headerLength = i + 1;
    c.mark(SYSLOG);
    c.off = o + i + 1;
    return 0;
  }

  /** Index of the `>` closing the priority, or -1 when the message does not start with a well-formed `<PRI>`. */
  get priorityEnd(): number {
    if (readU8(this, 0) !== 0x3c) return -1;
    let i = 1;
    while (i <= SYSLOG_MAX_DIGITS) {
      const ch = readU8(this, i);
      if (ch < 0x30 || ch > 0x39) break;
      i++;
    }
    return readU8(this, i) === 0x3e ? i : -1;
  }

  /** The priority's value (facility × 8 + severity), or -1 when it is malformed. */
  get priority(): number {
    const e = this.priorityEnd;
    if (e < 0) return -1;
    let prio = 0;
    for (let i = 1; i < e; i++) prio = prio * 10 + readU8(this, i) - 0x30;
    return prio;
  }
  /** Facility (0 kernel … 23 local7); tcpdump takes it from the priority's bits 3–9. */
  get facility(): number { return (this.priority & 0x3f8) >> 3; }
  /** Severity (0 emergency … 7 debug). */
  get severity(): number { return this.priority & 7; }
  /** Index of the message's first byte (after the priority). */
  get messageStart(): number { return this.priorityEnd + 1; }

  toJSON(): object {
    return { offset: this.offset, length: this.length, facility: this.facility, severity: this.severity };
  }
}
