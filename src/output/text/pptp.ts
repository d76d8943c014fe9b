/** PPTP's control messages (tcpdump's print-pptp.c): the header, then each type's fields as `NAME(value)`. */
import type { PrintContext } from './context.js';
import {
  PPTP_CALL_STATISTICS_LENGTH, PPTP_MAGIC_COOKIE, PPTP_NAME_LENGTH, PptpMessage, type Pptp,
} from '../../decoders/pptp.js';
import { printJnp } from './print-char.js';
import { tokName, type Tok } from './tok.js';
import { hex32 } from './util-print.js';

const MESSAGE_TYPES = ['NOT_DEFINED', 'SCCRQ', 'SCCRP', 'StopCCRQ', 'StopCCRP', 'ECHORQ', 'ECHORP', 'OCRQ', 'OCRP', 'ICRQ', 'ICRP',
  'ICCN', 'CCRQ', 'CDN', 'WEN', 'SLI'];
const ERROR_CODES: Tok = [[0, 'None'], [1, 'Not-Connected'], [2, 'Bad-Format'], [3, 'Bad-Value'], [4, 'No-Resource'], [5, 'Bad-Call-ID'], [6, 'PAC-Error']];
const BEARER_TYPES: Tok = [[1, 'A'], [2, 'D'], [3, 'Any']];
const FRAMING_TYPES: Tok = [[1, 'A'], [2, 'S'], [3, 'E']];
const STOP_REASONS = [':?', ':None', ':Stop-Protocol', ':Stop-Local-Shutdown'];
const SCCRP_RESULTS: Tok = [
  [1, 'Successful channel establishment'], [2, 'General error'], [3, 'Command channel already exists'],
  [4, 'Requester is not authorized to establish a command channel'], [5, 'The protocol version of the requester is not supported'],
];
const ECHORP_RESULTS: Tok = [[1, 'OK'], [2, 'General Error']];
const OCRP_RESULTS: Tok = [[1, 'Connected'], [2, 'General Error'], [3, 'No Carrier'], [4, 'Busy'], [5, 'No Dial Tone'], [6, 'Time-out'], [7, 'Do Not Accept']];
const ICRP_RESULTS: Tok = [[1, 'Connect'], [2, 'General Error'], [3, 'Do Not Accept']];
const CDN_RESULTS: Tok = [[1, 'Lost Carrier'], [2, 'General Error'], [3, 'Admin Shutdown'], [4, 'Request']];
/** The result codes' names by the message type that carries them (tcpdump names StopCCRP's as ECHORP's). */
const RESULTS: (Tok | undefined)[] = [];
RESULTS[PptpMessage.StartControlConnectionReply] = SCCRP_RESULTS;
RESULTS[PptpMessage.StopControlConnectionReply] = ECHORP_RESULTS;
RESULTS[PptpMessage.EchoReply] = ECHORP_RESULTS;
RESULTS[PptpMessage.OutgoingCallReply] = OCRP_RESULTS;
RESULTS[PptpMessage.IncomingCallReply] = ICRP_RESULTS;
RESULTS[PptpMessage.CallDisconnectNotify] = CDN_RESULTS;
const WAN_ERRORS = ['CRC_ERR', 'FRAMING_ERR', 'HARDWARE_OVERRUN', 'BUFFER_OVERRUN', 'TIMEOUT_ERR', 'ALIGN_ERR'];

/** PRINT_RESERVED_IF_NOT_ZERO: a reserved field that is not 0. */
function reserved(c: PrintContext, v: number | undefined): void {
  if (v !== 0 && v !== undefined) c.write(` [ERROR: reserved=${v} must be zero]`);
}

function resultCode(c: PrintContext, p: Pptp, type: number): void {
  const code = p.resultCode!;
  c.write(` RESULT_CODE(${code}`);
  if (c.o.verbose) c.write(`:${tokName(RESULTS[type]!, '?', code)}`);
  c.write(')');
}

function errorCode(c: PrintContext, p: Pptp): void {
  const code = p.errorCode!;
  c.write(` ERR_CODE(${code}`);
  if (c.o.verbose) c.write(`:${tokName(ERROR_CODES, '?', code)}`);
  c.write(')');
}

/** ` NAME(text)`: a null-padded field of at most `n` bytes, printed as far as it was captured. */
function text(c: PrintContext, p: Pptp, name: string, at: number, n: number): void {
  c.write(` ${name}(`);
  printJnp(c, p, at, n);
  c.write(')');
}

function protocolVersion(c: PrintContext, p: Pptp): void {
  const v = p.protocolVersion!;
  c.write(` PROTO_VER(${v >> 8}.${v & 0xff})`);
}

function capabilities(c: PrintContext, p: Pptp): void {
  c.write(' FRAME_CAP(');
  const f = p.framingCapabilities!;
  c.write(`${f & 1 ? 'A' : ''}${f & 2 ? 'S' : ''})`);
  const b = p.bearerCapabilities!;
  c.write(` BEARER_CAP(${b & 2 ? 'D' : ''}${b & 1 ? 'A' : ''})`);
  c.write(` MAX_CHAN(${p.maximumChannels!})`);
  c.write(` FIRM_REV(${p.firmwareRevision!})`);
  text(c, p, 'HOSTNAME', p.hostNameAt!, PPTP_NAME_LENGTH);
  text(c, p, 'VENDOR', p.vendorAt!, PPTP_NAME_LENGTH);
}

const receiveWindow = (c: PrintContext, p: Pptp): void => c.write(` RECV_WIN(${p.receiveWindowSize!})`);
const processingDelay = (c: PrintContext, p: Pptp): void => c.write(` PROC_DELAY(${p.processingDelay!})`);
const bearerType = (c: PrintContext, p: Pptp): void => c.write(` BEARER_TYPE(${tokName(BEARER_TYPES, '?', p.bearerType!)})`);
const framingType = (c: PrintContext, p: Pptp): void => c.write(` FRAME_TYPE(${tokName(FRAMING_TYPES, '?', p.framingType!)})`);

/** A PPTP control message in a TCP segment. */
export function printPptp(c: PrintContext, p: Pptp): void {
  c.protocol = 'pptp';
  c.write(': pptp');
  const verbose = c.o.verbose;
  if (verbose) c.write(` Length=${p.messageLength}`);
  if (verbose) {
    const t = p.messageType;
    c.write(t === 1 ? ' CTRL-MSG' : t === 2 ? ' MGMT-MSG' : ' UNKNOWN-MSG-TYPE');
  }
  const cookie = p.magicCookie;
  if (cookie !== PPTP_MAGIC_COOKIE) c.write(` UNEXPECTED Magic-Cookie!!(${hex32(cookie)})`);
  if (verbose || cookie !== PPTP_MAGIC_COOKIE) c.write(` Magic-Cookie=${hex32(cookie)}`);
  const type = p.controlMessageType;
  c.write(type < MESSAGE_TYPES.length ? ` CTRL_MSGTYPE=${MESSAGE_TYPES[type]!}` : ` UNKNOWN_CTRL_MSGTYPE(${type})`);
  reserved(c, p.reserved0);
  switch (type) {
    case PptpMessage.StartControlConnectionRequest:
      protocolVersion(c, p);
      reserved(c, p.reserved1);
      capabilities(c, p);
      break;
    case PptpMessage.StartControlConnectionReply:
      protocolVersion(c, p);
      resultCode(c, p, type);
      errorCode(c, p);
      capabilities(c, p);
      break;
    case PptpMessage.StopControlConnectionRequest: {
      const reason = p.reason!;
      c.write(` REASON(${reason}${verbose ? STOP_REASONS[reason] ?? ':?' : ''})`);
      reserved(c, p.reserved1);
      reserved(c, p.reserved2);
      break;
    }
    case PptpMessage.StopControlConnectionReply:
      resultCode(c, p, type);
      errorCode(c, p);
      reserved(c, p.reserved1);
      break;
    case PptpMessage.EchoRequest:
      c.write(` ID(${p.identifier!})`);
      break;
    case PptpMessage.EchoReply:
      c.write(` ID(${p.identifier!})`);
      resultCode(c, p, type);
      errorCode(c, p);
      reserved(c, p.reserved1);
      break;
    case PptpMessage.OutgoingCallRequest: {
      c.write(` CALL_ID(${p.callId!})`);
      c.write(` CALL_SER_NUM(${p.callSerialNumber!})`);
      c.write(` MIN_BPS(${p.minimumBps!})`);
      c.write(` MAX_BPS(${p.maximumBps!})`);
      bearerType(c, p);
      framingType(c, p);
      receiveWindow(c, p);
      processingDelay(c, p);
      const n = p.phoneNumberLength!;
      c.write(` PHONE_NO_LEN(${n})`);
      reserved(c, p.reserved1);
      text(c, p, 'PHONE_NO', p.phoneNumberAt!, Math.min(PPTP_NAME_LENGTH, n));
      text(c, p, 'SUB_ADDR', p.subaddressAt!, PPTP_NAME_LENGTH);
      break;
    }
    case PptpMessage.OutgoingCallReply:
      c.write(` CALL_ID(${p.callId!})`);
      c.write(` PEER_CALL_ID(${p.peerCallId!})`);
      resultCode(c, p, type);
      errorCode(c, p);
      c.write(` CAUSE_CODE(${p.causeCode!})`);
      c.write(` CONN_SPEED(${p.connectSpeed!})`);
      receiveWindow(c, p);
      processingDelay(c, p);
      c.write(` PHY_CHAN_ID(${p.physicalChannelId!})`);
      break;
    case PptpMessage.IncomingCallRequest: {
      c.write(` CALL_ID(${p.callId!})`);
      c.write(` CALL_SER_NUM(${p.callSerialNumber!})`);
      bearerType(c, p);
      c.write(` PHY_CHAN_ID(${p.physicalChannelId!})`);
      const dialed = p.dialedNumberLength!;
      c.write(` DIALED_NO_LEN(${dialed})`);
      const dialing = p.dialingNumberLength!;
      c.write(` DIALING_NO_LEN(${dialing})`);
      text(c, p, 'DIALED_NO', p.dialedNumberAt!, Math.min(PPTP_NAME_LENGTH, dialed));
      text(c, p, 'DIALING_NO', p.dialingNumberAt!, Math.min(PPTP_NAME_LENGTH, dialing));
      text(c, p, 'SUB_ADDR', p.subaddressAt!, PPTP_NAME_LENGTH);
      break;
    }
    case PptpMessage.IncomingCallReply:
      c.write(` CALL_ID(${p.callId!})`);
      c.write(` PEER_CALL_ID(${p.peerCallId!})`);
      resultCode(c, p, type);
      errorCode(c, p);
      receiveWindow(c, p);
      processingDelay(c, p);
      reserved(c, p.reserved1);
      break;
    case PptpMessage.IncomingCallConnected:
      c.write(` PEER_CALL_ID(${p.peerCallId!})`);
      reserved(c, p.reserved1);
      c.write(` CONN_SPEED(${p.connectSpeed!})`);
      receiveWindow(c, p);
      processingDelay(c, p);
      framingType(c, p);
      break;
    case PptpMessage.CallClearRequest:
      c.write(` CALL_ID(${p.callId!})`);
      reserved(c, p.reserved1);
      break;
    case PptpMessage.CallDisconnectNotify:
      c.write(` CALL_ID(${p.callId!})`);
      resultCode(c, p, type);
      errorCode(c, p);
      c.write(` CAUSE_CODE(${p.causeCode!})`);
      reserved(c, p.reserved1);
      text(c, p, 'CALL_STATS', p.callStatisticsAt!, PPTP_CALL_STATISTICS_LENGTH);
      break;
    case PptpMessage.WanErrorNotify:
      c.write(` PEER_CALL_ID(${p.peerCallId!})`);
      reserved(c, p.reserved1);
      for (let k = 0; k < WAN_ERRORS.length; k++) c.write(` ${WAN_ERRORS[k]!}(${p.wanError(k)!})`);
      break;
    case PptpMessage.SetLinkInfo:
      c.write(` PEER_CALL_ID(${p.peerCallId!})`);
      reserved(c, p.reserved1);
      c.write(` SEND_ACCM(0x${hex32(p.sendAccm!)})`);
      c.write(` RECV_ACCM(0x${hex32(p.receiveAccm!)})`);
      break;
    default:
      break;
  }
}
