// The --json schema the package ships (schema/packet.schema.json), compiled once with ajv in
// strict mode (a misspelt keyword in the schema fails the compile), and the way back from a JSON
// line to the decoder's Packet.toJSON().
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { repoRoot } from './netns.js';
import { join } from 'node:path';

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
