/** Ethernet loopback, the Configuration Testing Protocol (tcpdump's print-loopback.c). */
import type { PrintContext } from './context.js';
import { ECTP_FUNCTION_LENGTH as F, ECTP_SKIP_COUNT_LENGTH, type Ectp } from '../../decoders/ectp.js';

/** Bytes of a Reply's receipt number and of a Forward Data message's address. */
const RECEIPT_LENGTH = 2, ADDRESS_LENGTH = 6;

/** `length` bytes of ECTP (loopback_print; its TCHECKs unwind: ` [|loopback]` and the whole dump). */
export function printEctp(c: PrintContext, e: Ectp, length: number): void {
  c.protocol = 'loopback';
  c.write('Loopback');
  let len = length;
  if (len < ECTP_SKIP_COUNT_LENGTH) { c.invalid(); e.need(len); return; }
  const skip = e.skipCount;
  len -= ECTP_SKIP_COUNT_LENGTH;
  c.write(`, skipCount ${skip}`);
  if (skip % 8) c.write(' (bogus)');
  if (skip > len) { c.invalid(); e.need(ECTP_SKIP_COUNT_LENGTH + len); return; }
  e.need(ECTP_SKIP_COUNT_LENGTH + skip);
  len -= skip;
  // The current message (loopback_message_print).
  const message = e.messageStart;
  if (len < F) { c.invalid(); e.need(message + len); return; }
  const f = e.function;
  len -= 2;
  c.write(`, ${f === 1 ? 'Reply' : f === 2 ? 'Forward Data' : ` invalid (${f})`}`);
  if (f === 1) {
    if (len < RECEIPT_LENGTH) { c.invalid(); e.need(message + F + len); return; }
    c.write(`, receipt number ${e.receiptNumber}`);
    len -= RECEIPT_LENGTH;
    c.write(`, data (${len} octets)`);
    e.need(message + F + RECEIPT_LENGTH + len);
  } else if (f === 2) {
    if (len < ADDRESS_LENGTH) { c.invalid(); e.need(message + F + len); return; }
    c.write(`, forwarding address ${e.forwardingAddress}`);
    len -= ADDRESS_LENGTH;
    c.write(`, data (${len} octets)`);
    e.need(message + F + ADDRESS_LENGTH + len);
  } else {
    e.need(message + F + len);
  }
}
