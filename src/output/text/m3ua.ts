/** M3UA (tcpdump's print-m3ua.c), printed with -vv from SCTP DATA chunks of payload protocol 3: class, message, parameters. */
import type { PrintContext } from './context.js';
import { M3UA_HEADER_LENGTH, M3UA_PARAM_HEADER_LENGTH, type M3ua } from '../../decoders/m3ua.js';

const CLASSES = new Map<number, string>([[0, 'Management'], [1, 'Transfer'], [2, 'SS7'], [3, 'ASP'], [4, 'ASP'], [9, 'Routing Key Management']]);
/** Message names by class (tcpdump's m3ua_msgc2tokary). */
const MESSAGES = new Map<number, readonly string[]>([
  [0, ['Error', 'Notify']],
  [1, ['', 'Data']],
  [2, ['', 'Destination Unavailable', 'Destination Available', 'Destination State Audit', 'Signalling Congestion',
    'Destination User Part Unavailable', 'Destination Restricted']],
  [3, ['', 'Up', 'Down', 'Heartbeat', 'Up Acknowledgement', 'Down Acknowledgement', 'Heartbeat Acknowledgement']],
  [4, ['', 'Active', 'Inactive', 'Active Acknowledgement', 'Inactive Acknowledgement']],
  [9, ['', 'Registration Request', 'Registration Response', 'Deregistration Request', 'Deregistration Response']],
]);
const PARAMS = new Map<number, string>([
  [0x0004, 'INFO String'], [0x0006, 'Routing Context'], [0x0007, 'Diagnostic Info'], [0x0009, 'Heartbeat Data'],
  [0x000b, 'Traffic Mode Type'], [0x000c, 'Error Code'], [0x000d, 'Status'], [0x0011, 'ASP Identifier'],
  [0x0012, 'Affected Point Code'], [0x0013, 'Correlation ID'], [0x0200, 'Network Appearance'], [0x0204, 'User/Cause'],
  [0x0205, 'Congestion Indications'], [0x0206, 'Concerned Destination'], [0x0207, 'Routing Key'], [0x0208, 'Registration Result'],
  [0x0209, 'Deregistration Result'], [0x020a, 'Local Routing Key Identifier'], [0x020b, 'Destination Point Code'],
  [0x020c, 'Service Indicators'], [0x020e, 'Originating Point Code List'], [0x0210, 'Protocol Data'], [0x0212, 'Registration Status'],
  [0x0213, 'Deregistration Status'],
]);
const hex = (v: number, w: number): string => v.toString(16).padStart(w, '0');

/** An M3UA message of `length` bytes (the DATA chunk's user data). */
export function printM3ua(c: PrintContext, m: M3ua, length: number): void {
  c.protocol = 'm3ua';
  if (length < M3UA_HEADER_LENGTH) { c.write(' (invalid)'); m.need(length); return; }
  m.need(M3UA_HEADER_LENGTH);
  if (m.version !== 1) return;
  const cls = m.messageClass;
  c.write(`\n\t\t${CLASSES.get(cls) ?? `Unknown message class ${cls}`}`);
  const names = MESSAGES.get(cls);
  if (names !== undefined) {
    const type = m.messageType;
    c.write(` ${names[type] || `Unknown (0x${hex(type, 2)})`} Message`);
  }
  const n = m.messageLength;
  if (length !== n) c.write(`\n\t\t\t@@@@@@ Corrupted length ${n} of message @@@@@@`);
  else params(c, m, n - M3UA_HEADER_LENGTH);
}

/** m3ua_tags_print: each parameter's name and, for the 32-bit ones, its value. */
function params(c: PrintContext, m: M3ua, size: number): void {
  const start = m.paramsStart, end = start + size;
  for (let at = start; at < end;) {
    const p = m.paramAt(at);
    if (at + M3UA_PARAM_HEADER_LENGTH > end) { invalid(c, m, size); return; }
    const tag = p.tag;
    c.write(`\n\t\t\t${PARAMS.get(tag) ?? `Unknown Parameter (0x${hex(tag, 4)})`}: `);
    const n = p.length;
    if (n < M3UA_PARAM_HEADER_LENGTH) { invalid(c, m, size); return; }
    // Padding to 4 bytes from the first parameter; it must have been captured.
    const align = (4 - ((at + n - start) & 3)) & 3;
    p.need(n + align);
    switch (tag) {
      case 0x0200: case 0x0006: case 0x0013:
        if (n - M3UA_PARAM_HEADER_LENGTH < 4) c.write(' (invalid)');
        // tcpdump hands tag_value_print the parameter's header, not its value: it prints the tag and length.
        else c.write(`0x${hex(p.tagAndLength, 8)}`);
        break;
      default:
        c.write(`(length ${n})`);
    }
    at += n + align;
  }
}

/** nd_print_invalid, then the parameters must have been captured. */
function invalid(c: PrintContext, m: M3ua, size: number): void {
  c.write(' (invalid)');
  m.paramAt(m.paramsStart).need(size);
}
