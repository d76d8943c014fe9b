/** SOME/IP (tcpdump's print-someip.c), from the SomeIp view. */
import type { PrintContext } from './context.js';
import { tokName, type Tok } from './tok.js';
import { SOMEIP_HEADER_LENGTH, type SomeIp } from '../../decoders/someip.js';

const MESSAGE_TYPES: Tok = [[0x00, 'REQUEST'], [0x01, 'REQUEST_NO_RETURN'], [0x02, 'NOTIFICATION'], [0x80, 'RESPONSE'], [0x81, 'ERROR'],
  [0x20, 'TP_REQUEST'], [0x21, 'TP_REQUEST_NO_RETURN'], [0x22, 'TP_NOTIFICATION'], [0xa0, 'TP_RESPONSE'], [0xa1, 'TP_ERROR']];
const RETURN_CODES: Tok = [[0x00, 'E_OK'], [0x01, 'E_NOT_OK'], [0x02, 'E_UNKNOWN_SERVICE'], [0x03, 'E_UNKNOWN_METHOD'], [0x04, 'E_NOT_READY'],
  [0x05, 'E_NOT_REACHABLE'], [0x06, 'E_TIMEOUT'], [0x07, 'E_WRONG_PROTOCOL_VERSION'], [0x08, 'E_WRONG_INTERFACE_VERSION'],
  [0x09, 'E_MALFORMED_MESSAGE'], [0x0a, 'E_WRONG_MESSAGE_TYPE'], [0x0b, 'E_E2E_REPEATED'], [0x0c, 'E_E2E_WRONG_SEQUENCE'],
  [0x0d, 'E_E2E'], [0x0e, 'E_E2E_NOT_AVAILABLE'], [0x0f, 'E_E2E_NO_NEW_DATA']];

/** A SOME/IP message of `length` bytes (someip_print): one field at a time, each written before the next is read. */
export function printSomeIp(c: PrintContext, v: SomeIp, length: number): void {
  c.protocol = 'someip';
  c.write('SOMEIP');
  if (length < SOMEIP_HEADER_LENGTH) { c.write(' (invalid)'); return; }
  c.write(`, service ${v.serviceId}, ${v.isEvent ? 'event' : 'method'} ${v.methodOrEventId}`);
  c.write(`, len ${v.messageLength}`);
  c.write(`, client ${v.clientId}, session ${v.sessionId}`);
  c.write(`, pver ${v.protocolVersion}`);
  c.write(`, iver ${v.interfaceVersion}`);
  c.write(`, msgtype ${tokName(MESSAGE_TYPES, 'Unknown', v.messageType)}`);
  c.write(`, retcode ${tokName(RETURN_CODES, 'Unknown', v.returnCode)}\n`);
}
