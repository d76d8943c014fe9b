// Whatever a user types, compileFilter returns a valid program or throws a one-line FilterError:
// never another exception (which the CLI would show as a stack trace).
import test from 'ava';
import { compileFilter, FilterError, programInstructions, validateProgram } from '../../src/filter/index.js';
import { expressions } from './expressions.js';

const words = ['tcp', 'udp', 'ip', 'ip6', 'arp', 'host', 'net', 'port', 'portrange', 'src', 'dst', 'and', 'or', 'not', '!', '&&', '||',
  '(', ')', '[', ']', ':', '=', '!=', '<', '>', '<=', '>=', '+', '-', '*', '/', '%', '&', '|', '^', '<<', '>>', '80', '0', '4', '65536',
  '0x10', '010', '1.2.3.4', '10.0', '::1', 'fe80::/10', '00:11:22:33:44:55', '/', '24', 'mask', '255.255.0.0', 'proto', '\\tcp',
  'ether', 'link', 'vlan', 'mpls', 'pppoes', 'broadcast', 'multicast', 'less', 'greater', 'len', 'icmp', 'icmp6', 'tcpflags',
  'tcp-syn', 'icmptype', 'foo', 'http', '20-80', 'gateway', 'protochain', 'inbound', 'byte', 'llc', 'iso', 'l1', 'ifindex', '@', '"'];

test('10000 random token strings and mutated expressions: a program or a FilterError, for every link type', (t) => {
  let x = 12345;
  const r = (): number => { x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0; return x; };
  let compiled = 0, refused = 0;
  for (let i = 0; i < 10000; i++) {
    let expr: string;
    if (i % 2) expr = Array.from({ length: 1 + (r() % 9) }, () => words[r() % words.length]).join(r() % 4 ? ' ' : '');
    else {
      // A valid expression with one token replaced, dropped or added.
      const toks = expressions[r() % expressions.length]!.split(' ');
      const at = r() % (toks.length + 1), w = words[r() % words.length]!;
      if (r() % 3 === 0) toks.splice(at, 1); else toks.splice(at, r() % 2, w);
      expr = toks.join(' ');
    }
    const lt = [0, 1, 101, 108, 113, 228, 229, 276][r() % 8]!;
    try {
      const p = compileFilter(expr, lt, 262144, r() % 3 === 0 ? { linuxSocket: 'raw' } : {});
      validateProgram(programInstructions(p));
      p.matches(new Uint8Array(64), 0, 64, 64);
      compiled++;
    } catch (e) {
      if (!(e instanceof FilterError)) { t.fail(`${JSON.stringify(expr)} on ${lt}: ${(e as Error).stack}`); return; }
      if (e.message.includes('\n') || e.message.length === 0) { t.fail(`${JSON.stringify(expr)}: ${e.message}`); return; }
      refused++;
    }
  }
  t.log(`${compiled} compiled, ${refused} refused`);
  t.true(compiled > 500 && refused > 3000);
});
