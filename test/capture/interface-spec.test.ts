// `-i NAME@NETNS`: the interface and its namespace, and the one-line errors for malformed ones.
import test from 'ava';
import { formatInterfaceSpec, parseInterfaceSpec } from '../../src/capture/interface-spec.js';

test('NAME, NAME@NETNS, and --netns for the specs that name none', (t) => {
  t.deepEqual(parseInterfaceSpec('veth0'), { name: 'veth0' });
  t.deepEqual(parseInterfaceSpec('veth0@vb'), { name: 'veth0', netns: 'vb' });
  t.deepEqual(parseInterfaceSpec('eth0@1234'), { name: 'eth0', netns: '1234' });
  t.deepEqual(parseInterfaceSpec('eth0@/proc/1234/ns/net'), { name: 'eth0', netns: '/proc/1234/ns/net' });
  // The first '@' separates: a path may hold one.
  t.deepEqual(parseInterfaceSpec('eth0@/run/x@y'), { name: 'eth0', netns: '/run/x@y' });
  t.deepEqual(parseInterfaceSpec('veth0', 'va'), { name: 'veth0', netns: 'va' });
  t.deepEqual(parseInterfaceSpec('veth0@vb', 'va'), { name: 'veth0', netns: 'vb' }, 'the spec\'s own namespace wins over --netns');
  t.deepEqual(parseInterfaceSpec('any@vb'), { name: 'any', netns: 'vb' });
});

test('printed back as written', (t) => {
  for (const s of ['veth0', 'veth0@vb', 'eth0@/proc/1/ns/net']) t.is(formatInterfaceSpec(parseInterfaceSpec(s)), s);
  t.is(formatInterfaceSpec(parseInterfaceSpec('lo', 'va')), 'lo@va');
});

test('an empty side of the @ is an error', (t) => {
  t.throws(() => parseInterfaceSpec('@vb'), { message: "@vb: no interface name before '@'" });
  t.throws(() => parseInterfaceSpec('veth0@'), { message: "veth0@: no network namespace after '@'" });
  t.throws(() => parseInterfaceSpec(''), { message: 'an interface name is empty' });
});
