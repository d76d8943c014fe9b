// The IPv6/ICMPv6/DNS printers against Debian tcpdump 4.99.3 on the scapy-made captures of
// test/pcaps/print6 (regenerate with test/pcaps/print6/gen.py), and on the tcpdump corpus cases
// these printers own. Whole packet texts are compared; only the `-#` number and timestamp in
// front of each packet are left to the CLI's own golden test.
import test from 'ava';
import { fileURLToPath } from 'node:url';
import { expectedPackets, printCapture, readCases } from './harness.js';

const root = fileURLToPath(new URL('../../../test/pcaps/', import.meta.url));
const mine = /^(dns|edns|icmpv6|ipv6|dao01|LINKTYPE_RAW_ipv6)/;

// Rows with hex dumps (-x/-X) need the packet printer, so only the CLI test (cli.test.ts) runs them.
const cases = [
  ...readCases(`${root}print6/TESTS.tsv`).filter(k => !/-[a-wyzA-WYZ]*[xX]/.test(k.flags)),
  ...readCases(`${root}tcpdump/TESTS.tsv`).filter(k => mine.test(k.name)),
];

for (const k of cases) {
  test(`${k.name} (${k.flags || 'no flags'})`, t => {
    t.deepEqual(printCapture(k.pcap, k.flags), expectedPackets(k.out));
  });
}
