/** EAP and IEEE 802.1X EAPOL (tcpdump's print-eap.c), from the Eap and Eapol views. */
import type { PrintContext } from './context.js';
import { printLayer } from './dispatch.js';
import { bitNames, printJnp, tokName, type Tok } from './tok.js';
import type { Eap, Eapol } from '../../decoders/eap.js';
import { Layer } from '../../decoders/layer.js';
import { hex2 } from './util-print.js';

const FRAME_TYPES: Tok = [[0, 'EAP packet'], [1, 'EAPOL start'], [2, 'EAPOL logoff'], [3, 'EAPOL key'], [4, 'Encapsulated ASF alert']];
const CODES: Tok = [[1, 'Request'], [2, 'Response'], [3, 'Success'], [4, 'Failure']];
const TYPES: Tok = [[0, 'No proposed'], [1, 'Identity'], [2, 'Notification'], [3, 'Nak'], [4, 'MD5-challenge'], [5, 'OTP'],
  [6, 'GTC'], [13, 'TLS'], [18, 'SIM'], [21, 'TTLS'], [23, 'AKA'], [43, 'FAST'], [254, 'Expanded types'], [255, 'Experimental']];
const TLS_FLAGS: Tok = [[0x80, 'L bit'], [0x40, 'More fragments bit'], [0x20, 'Start bit']];
const AKA_SUBTYPES: Tok = [[1, 'Challenge'], [2, 'Auth reject'], [4, 'Sync failure'], [5, 'Identity'], [10, 'Start'],
  [11, 'Challenge'], [12, 'Notification'], [13, 'Reauth'], [14, 'Client error']];

/** An EAPOL frame (eapol_print). */
export function printEapol(c: PrintContext, v: Eapol, _length: number): void {
  c.protocol = 'eap';
  if (!v.has(4)) { c.truncMark(); return; }
  const type = v.type;
  c.write(`${tokName(FRAME_TYPES, 'unknown', type)} (${type}) v${v.version}, len ${v.bodyLength}`);
  if (c.o.verbose < 1) return;
  const len = v.bodyLength;
  if (type === 0) {
    if (len === 0) { c.truncMark(); return; }
    c.write(', ');
    printLayer(c, Layer.Eap, v.bodyOffset, len);
  }
}

/** An EAP packet of `length` bytes (eap_print): tcpdump leaves ndo_protocol as its caller set it. */
export function printEap(c: PrintContext, v: Eap, length: number): void {
  const code = v.code;
  const len = v.packetLength;
  if (len !== length) { c.write('EAP fragment?'); return; }
  c.write(`${tokName(CODES, 'unknown', code)} (${code}), id ${v.identifier}, len ${len}`);
  if (len < 4) { c.write(' (too short for EAP header)'); return; }
  if (!v.has(len)) { c.truncMark(); return; }
  if (code !== 1 && code !== 2) return;
  if (len < 5) { c.write(' (too short for EAP request/response)'); return; }
  const type = v.type;
  c.write(`\n\t\t Type ${tokName(TYPES, 'unknown', type)} (${type})`);
  switch (type) {
    case 1:
      if (len > 5) { c.write(', Identity: '); printJnp(c, v, 5, len - 5); }
      break;
    case 2:
      if (len < 6) { c.write(' (too short for EAP Notification request/response)'); return; }
      c.write(', Notification: ');
      printJnp(c, v, 5, len - 5);
      break;
    case 3: {
      if (len < 6) { c.write(' (too short for EAP Legacy NAK request/response)'); return; }
      let sep = '';
      for (let i = 5; i < len; i++) {
        const t = v.nakType(i);
        c.write(`${sep} ${tokName(TYPES, 'unknown', t)} (${t})`);
        sep = ',';
      }
      break;
    }
    case 13: case 21: case 43: {
      const name = type === 43 ? 'FAST' : 'TLS/TTLS';
      if (len < 6) { c.write(` (too short for EAP ${name} request/response)`); return; }
      const flags = v.tlsFlags;
      if (type === 21) c.write(` TTLSv${flags & 7}`);
      if (type === 43) c.write(` FASTv${flags & 7}`);
      c.write(` flags [${bitNames(TLS_FLAGS, 'none', flags)}] 0x${hex2(flags)}`);
      if (flags & 0x80) {
        if (len < 10) { c.write(` (too short for EAP ${name} request/response with length)`); return; }
        c.write(`, len ${v.tlsMessageLength}`);
      }
      break;
    }
    case 18: case 23: {
      if (len < 6) { c.write(' (too short for EAP SIM/AKA request/response)'); return; }
      const s = v.subtype;
      c.write(` subtype [${tokName(AKA_SUBTYPES, 'unknown', s)}] 0x${hex2(s)}`);
      break;
    }
  }
}
