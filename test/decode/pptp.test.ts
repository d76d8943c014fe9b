// PPTP in the decoder: the layer by TCP port 1723 (either way), the header, each message type's
// fields by name (undefined where the type has none), text fields up to their NUL, toJSON() without
// the fields a capture cut off, a message shorter than the header as a stop, --json against the schema.
import test from 'ava';
import { Decoder } from '../../src/decoders/decoder.js';
import { Layer } from '../../src/decoders/layer.js';
import { LinkType } from '../../src/decoders/link-type.js';
import { Pptp } from '../../src/decoders/pptp.js';
import { NOT_CAPTURED } from '../../src/decoders/view.js';
import type { Rec } from '../helpers/oracle.js';
import { jsonLinesAsDecoded } from '../helpers/packet-schema.js';
import { bodies, pptp, pptpMessages, pptpSegment } from '../helpers/pptp-frames.js';

const d = new Decoder();
const view = (frame: Uint8Array, caplen = frame.length): Pptp | undefined => d.decode(frame, LinkType.EN10MB, 0, caplen).layer(Layer.Pptp) as Pptp | undefined;

test('PPTP: the header and a Start-Control-Connection-Request\'s fields, from either port', (t) => {
  for (const toServer of [true, false]) {
    const p = view(pptpSegment(pptp(1, bodies(false).get(1)!), toServer))!;
    t.true(p instanceof Pptp);
    t.deepEqual(p.toJSON(), {
      offset: 54, length: 12, messageLength: 156, messageType: 1, magicCookie: 0x1a2b3c4d, controlMessageType: 1, protocolVersion: 0x0100,
      framingCapabilities: 3, bearerCapabilities: 3, maximumChannels: 65535, firmwareRevision: 1, hostName: 'host-a', vendor: 'vendor-x',
    });
    t.is(p.reserved1, 0);
    t.is(p.hostNameAt, 12 + 16);
    t.is(p.callId, undefined);
  }
});

test('PPTP: each type\'s fields by name', (t) => {
  const b = bodies(false);
  const get = (type: number): Pptp => view(pptpSegment(pptp(type, b.get(type)!)))!;
  t.like(get(2).toJSON(), { resultCode: 1, errorCode: 0, hostName: 'srv', vendor: 'linux' });
  t.is(get(3).reason, 2);
  t.is(get(3).reserved2, 0);
  t.is(get(6).identifier, 12345);
  t.like(get(7).toJSON(), { callId: 7, callSerialNumber: 8, minimumBps: 300, maximumBps: 100000000, bearerType: 3, framingType: 3,
    receiveWindowSize: 64, processingDelay: 0, phoneNumberLength: 4, phoneNumber: '5551234', subaddress: 'sub' });
  t.like(get(8).toJSON(), { callId: 7, peerCallId: 9, causeCode: 3, connectSpeed: 64000, physicalChannelId: 0 });
  t.like(get(9).toJSON(), { dialedNumberLength: 2, dialingNumberLength: 5, dialedNumber: '1234', dialingNumber: '34567', subaddress: 'sub' });
  t.like(get(11).toJSON(), { peerCallId: 7, connectSpeed: 100000, framingType: 1 });
  t.is(get(13).callStatistics, 'stats here');
  t.like(get(14).toJSON(), { crcErrors: 1, framingErrors: 2, hardwareOverruns: 3, bufferOverruns: 4, timeoutErrors: 5, alignmentErrors: 6 });
  t.like(get(15).toJSON(), { sendAccm: 0xffffffff, receiveAccm: 0x0a0b0c0d });
  t.is(get(15).callId, undefined);
});

test('PPTP: fields past the capture are left out of toJSON() and throw when read; a header cut short is a stop', (t) => {
  const frame = pptpSegment(pptp(1, bodies(false).get(1)!));
  const p = view(frame, 54 + 12 + 6)!;
  t.deepEqual(Object.keys(p.toJSON()), ['offset', 'length', 'messageLength', 'messageType', 'magicCookie', 'controlMessageType', 'protocolVersion']);
  t.throws(() => p.framingCapabilities, { any: true, is: NOT_CAPTURED });
  const cut = d.decode(frame, LinkType.EN10MB, 0, 54 + 11);
  t.is(cut.layer(Layer.Pptp), undefined);
  t.is(cut.stop?.layer, Layer.Pptp);
  t.is(view(pptpSegment(pptp(300, new Uint8Array(8))))!.callId, undefined);
});

test('--json of PPTP messages, whole and cut: valid against the schema, equal to toJSON()', (t) => {
  const frames = pptpMessages().map((m) => pptpSegment(m));
  const recs: Rec[] = [...frames.map((frame) => ({ frame })), { frame: frames[0]!, caplen: 54 + 40 }, { frame: frames[0]!, caplen: 54 + 8 }];
  const lines = jsonLinesAsDecoded(t, d, LinkType.EN10MB, recs);
  t.is(lines.length, recs.length);
  t.true('pptp' in (lines[0]!['layers'] as object));
  t.false('pptp' in (lines[lines.length - 1]!['layers'] as object));
  t.false('pptp' in (lines[frames.length - 1]!['layers'] as object), 'a 3-byte segment is no PPTP header');
});
