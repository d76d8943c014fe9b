// The --json schema the package ships (schema/packet.schema.json), compiled once with ajv in
// strict mode (a misspelt keyword in the schema fails the compile), and the way back from a JSON
// line to the decoder's Packet.toJSON().
import type { ExecutionContext } from 'ava';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { repoRoot, vcapBin } from './netns.js';
import { join } from 'node:path';
import { pcap, type Rec } from './oracle.js';
import type { Decoder } from '../../src/decoders/decoder.js';

export const packetSchema = JSON.parse(readFileSync(join(repoRoot, 'schema', 'packet.schema.json'), 'utf8')) as object;
const validate = new Ajv2020({ strict: true, allErrors: true }).compile(packetSchema);

/** undefined when `line` is valid against the schema, else ajv's errors as one string. */
export function schemaErrors(line: unknown): string | undefined {
  if (validate(line)) return undefined;
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`).join('; ');
}

/** A --json line as `Packet.toJSON()` has it: the layers moved back to the top level (a tunnel's `inner` too). */
export function asPacketJson(line: Record<string, unknown>): Record<string, unknown> {
  return packetJson(line, { linkType: line['linkType'], capLen: line['capLen'] });
}

function packetJson(line: Record<string, unknown>, o: Record<string, unknown>): Record<string, unknown> {
  const layers = line['layers'] as Record<string, unknown>;
  for (const k in layers) o[k] = k === 'inner' ? packetJson(layers[k] as Record<string, unknown>, {}) : layers[k];
  o['payloadOffset'] = line['payloadOffset'];
  o['payloadLength'] = line['payloadLength'];
  if ('truncated' in line) o['truncated'] = line['truncated'];
  if ('stop' in line) o['stop'] = line['stop'];
  return o;
}

/**
 * `vcap --json -r` of a pcap of `linkType` holding `recs`, each line checked against the schema and
 * against what `decoder` makes of the same record (`Packet.toJSON()`); the lines, for a test's own
 * checks of which layers each has. A non-zero exit fails the test.
 */
export function jsonLinesAsDecoded(t: ExecutionContext, decoder: Decoder, linkType: number, recs: Rec[]): Record<string, unknown>[] {
  const dir = mkdtempSync(join(tmpdir(), 'vcap-json-'));
  try {
    const f = join(dir, 'records.pcap');
    writeFileSync(f, pcap(linkType, recs));
    const r = spawnSync(process.execPath, [vcapBin, '--json', '-r', f], { encoding: 'utf8' });
    t.is(r.status, 0, r.stderr);
    const lines = r.stdout.trim().split('\n').map((s) => JSON.parse(s) as Record<string, unknown>);
    t.is(lines.length, recs.length);
    lines.forEach((line, i) => {
      t.is(schemaErrors(line), undefined, `packet ${i}`);
      const rec = recs[i]!;
      const caplen = rec.caplen ?? rec.frame.length;
      t.deepEqual(asPacketJson(line), JSON.parse(JSON.stringify(decoder.decode(rec.frame, linkType, 0, caplen, rec.origLen ?? rec.frame.length).toJSON())), `packet ${i}`);
    });
    return lines;
  } finally { rmSync(dir, { recursive: true, force: true }); }
}
