// Run inside a network namespace (`ip netns exec`): attaches each program given on stdin (a JSON array
// of hex-encoded sock_filter arrays) in turn to one AF_PACKET socket (each attach replaces the last)
// and prints, per program, null when the kernel took it or the error message.
import { readFileSync } from 'node:fs';
import { native } from '../../src/capture/native.js';

const programs = JSON.parse(readFileSync(0, 'utf8')) as string[];
const addon = native();
const h = addon.packetOpen(false);
const results = programs.map((hex) => {
  try {
    addon.attachFilter(h, Uint8Array.from(Buffer.from(hex, 'hex')));
    return null;
  } catch (e) {
    return (e as Error).message;
  }
});
addon.close(h);
process.stdout.write(JSON.stringify(results));
