// What a user sees for a bad expression: one line, tcpdump's wording, and where the parse stopped.
import test from 'ava';
import { VcapError } from '../../src/errors.js';
import { compileFilter, FilterError } from '../../src/filter/index.js';

const fail = (expr: string, linkType = 1, opts = {}): FilterError => {
  try {
    compileFilter(expr, linkType, 262144, opts);
  } catch (e) {
    if (e instanceof FilterError) return e;
    throw e;
  }
  throw new Error(`'${expr}' compiled`);
};

const syntax: [string, string, number][] = [
  ['tcp and', "syntax error in filter expression: unexpected end of expression at column 8 of \"tcp and\"", 7],
  ['foo', "syntax error in filter expression: unexpected 'foo' at column 1 of \"foo\"", 0],
  ['10.0.0.1', "syntax error in filter expression: unexpected '10.0.0.1' at column 1 of \"10.0.0.1\"", 0],
  ['tcp or 80', "syntax error in filter expression: unexpected '80' at column 8 of \"tcp or 80\"", 7],
  ['port 80 )', "syntax error in filter expression: unexpected ')' at column 9 of \"port 80 )\"", 8],
  ['host 1.2.3.4 @', "syntax error in filter expression: illegal character '@' at column 14 of \"host 1.2.3.4 @\"", 13],
  ['tcp[13 = 2', "syntax error in filter expression: expected ']', found '=' at column 8 of \"tcp[13 = 2\"", 7],
  ['src or host 1.2.3.4', "syntax error in filter expression: unexpected 'host' at column 8 of \"src or host 1.2.3.4\"", 7],
  ['TCP', "syntax error in filter expression: unexpected 'TCP' at column 1 of \"TCP\"", 0],
  ['net 10/8', "syntax error in filter expression: unexpected '/' at column 7 of \"net 10/8\"", 6],
];
for (const [expr, message, position] of syntax) {
  test(`syntax error: ${expr}`, (t) => {
    const e = fail(expr);
    t.true(e instanceof VcapError);
    t.is(e.message, message);
    t.is(e.position, position);
    t.false(e.message.includes('\n'));
  });
}

// libpcap's messages (what `tcpdump -d` prints after "tcpdump: "), except names, which vcap never resolves.
const semantic: [string, string, number?][] = [
  ['host foo', "'foo' is not an address, and host names are not resolved (use a numeric address)"],
  ['ether host somehost', "'somehost' is not an address, and host names are not resolved (use a numeric address)"],
  ['net localnet', "'localnet' is not an address, and host names are not resolved (use a numeric address)"],
  ['port 99999', 'illegal port number 99999 > 65535'],
  ['port 09', 'number 09 contains non-octal digit'],
  ['ip[99999999999999]=1', 'number 99999999999999 overflows 32 bits'],
  ['tcp[0:3]=1', 'data size must be 1, 2, or 4'],
  ['tcp[0]/0=1', 'division by zero'],
  ['tcp[0]%0=1', 'modulus by zero'],
  ['ether[0] << 33 = 1', 'shift by more than 31 bits'],
  // libpcap looks at the first statement of the right operand, the index of a load too.
  ['ip[2] / tcp[0] = 1', 'division by zero'],
  ['ip[2] % (ip[0] + 1) = 1', 'modulus by zero'],
  ['ip[2] << ip[40] = 1', 'shift by more than 31 bits'],
  ['net 10.0.0.1/8', 'non-network bits set in "10.0.0.1/8"'],
  ['host 10.0.0.0/8', 'Mask syntax for networks only'],
  ['ip host ::1', "'ip' modifier applied to ip6 host"],
  ['tcp host 1.2.3.4', "'tcp' modifier applied to host"],
  ['port 1.2.3.4', "'port' modifier applied to ip host"],
  ['host 00:11:22:33:44:55', 'ethernet address used in non-ether expression'],
  ['ip port 80', "illegal qualifier of 'port'"],
  ['udp port ssh', "port 'ssh' is tcp"],
  ['port nosuchservice', "unknown port 'nosuchservice'"],
  ['portrange 1-x', "unknown port in range '1-x'"],
  ['ip proto \\nosuch', "unknown ip proto 'nosuch'"],
  ['ether proto \\nosuch', "unknown ether proto 'nosuch'"],
  ['arp proto 1', 'arp does not encapsulate another protocol'],
  ['tcp proto 1', "'tcp proto' is bogus"],
  ['gateway 1.2.3.4', "'gateway' requires a name"],
  ['vlan 5000', 'VLAN tag 5000 greater than maximum 4095'],
  ['ip and arp', 'expression rejects all packets'],
  ['tcp and udp', 'expression rejects all packets'],
  ['1 = 2', 'expression rejects all packets'],
  ['ip6 broadcast', 'only link-layer/IP broadcast filters supported'],
  ['tcp multicast', 'link-layer multicast filters supported only on ethernet/FDDI/token ring/ARCNET/802.11/ATM LANE/Fibre Channel'],
  ['inbound', 'inbound/outbound not supported on Ethernet when reading savefiles'],
  ['mpls and arp', 'unsupported protocol over mpls'],
  ['mpls and vlan', 'no VLAN match after MPLS'],
  ['mpls 1048576', 'MPLS label 1048576 greater than maximum 1048575'],
  ['pppoes 70000', 'PPPoE session number 70000 greater than maximum 65535'],
  ['pppoes and vlan', 'no VLAN support for PPP'],
  ['pppoes and ether host 1:2:3:4:5:6', 'ethernet addresses supported only on ethernet/FDDI/token ring/802.11/ATM LANE/Fibre Channel'],
  // Primitives of link types vcap does not filter on, and qualifiers of 802.11 addresses: checked
  // against `tcpdump -d` (its wording, quirks such as 'oam4ec' included).
  ['geneve 16777216', 'Geneve VNI 16777216 greater than maximum 16777215'],
  ['tcp protochain 6', "bad protocol applied for 'protochain'"],
  ['protochain 1.2.3.4', "'protochain' modifier applied to ip host"],
  ['link protochain \\arp', "bad protocol applied for 'protochain'"],
  ['on eth0', 'ifname supported only on PF linktype'], ['rset foo', 'ruleset supported only on PF linktype'],
  ['rnr 5', 'rnr supported only on PF linktype'], ['srnr 2', 'srnr supported only on PF linktype'],
  ['reason match', 'reason supported only on PF linktype'], ['action block', 'action supported only on PF linktype'],
  ['reason nosuch', 'unknown PF reason "nosuch"'], ['action nosuch', 'unknown PF action "nosuch"'],
  ['type mgt', '802.11 link-layer types supported only on 802.11'], ['subtype beacon', '802.11 link-layer types supported only on 802.11'],
  ['wlan type data subtype qos-data', '802.11 link-layer types supported only on 802.11'],
  ['dir tods', 'frame direction supported only with 802.11 headers'], ['type nosuch', 'unknown 802.11 type name "nosuch"'],
  ['type 3', 'invalid 802.11 type value 0x03'], ['type mgt subtype nosuch', 'unknown 802.11 subtype name "nosuch"'],
  ['subtype nosuch', 'unknown 802.11 type name'], ['dir nosuch', 'unknown 802.11 direction'],
  ['type data subtype 7', 'invalid 802.11 subtype value 0x07'], ['type 12 subtype beacon', 'unknown 802.11 type'],
  ['wlan addr1 00:11:22:33:44:55', "'addr1' and 'address1' are only supported on 802.11 with 802.11 headers"],
  ['ip addr2 1.2.3.4', "'addr2' and 'address2' are not valid qualifiers for addresses other than 802.11 MAC addresses"],
  ['addr4 ::1', "'addr4' and 'address4' are not valid qualifiers for addresses other than 802.11 MAC addresses"],
  ['tcp ra port 80', "'ra' is not a valid qualifier for ports"], ['ta portrange 1-2', "'ta' is not a valid qualifier for port ranges"],
  ['lane', "'lane' supported only on raw ATM"], ['oamf4ec', "'oam4ec' supported only on raw ATM"], ['vci > 5', "'vci' supported only on raw ATM"],
  ['vpi (1 or 2)', "'vpi' supported only on raw ATM"], ['metaconnect', "'metaconnect' supported only on raw ATM"],
  ['fisu', "'fisu' supported only on MTP2"], ['hmsu', "'hmsu' supported only on MTP2_HSL"], ['hsio 3', "'sio' supported only on SS7"],
  ['sls (1 or 2)', "'sls' supported only on SS7"], ['opc <= 7', "'opc' supported only on SS7"],
  ['llc nosuch', 'unknown LLC type name "nosuch"'], ['atalk host 1.2', 'AppleTalk host filtering not implemented'],
  ['ipx host 1.2.3.4', 'IPX host filtering not implemented'], ['gateway foo', "'gateway' not supported in this configuration"],
  ['radio[0] = 1', 'radio information not present in capture'], ['iso proto \\nosuch', "unknown osi proto 'nosuch'"],
  ['decnet host 10.x', "decnet name support not included, '10.x' cannot be translated"],
];
for (const [expr, message] of semantic) {
  test(`error: ${expr}`, (t) => {
    const e = fail(expr, 1, { netmask: 0 });
    t.is(e.message, message);
    t.is(e.code, 'EFILTER');
  });
}

test('primitives that make no sense for the link type are errors, worded as tcpdump words them', (t) => {
  t.is(fail('ether host 1:2:3:4:5:6', 113).message, 'ethernet addresses supported only on ethernet/FDDI/token ring/802.11/ATM LANE/Fibre Channel');
  t.is(fail('vlan', 113).message, 'no VLAN support for Linux cooked v1');
  t.is(fail('vlan', 101).message, 'no VLAN support for Raw IP');
  t.is(fail('broadcast', 276).message, 'not a broadcast link');
  t.is(fail('arp', 101).message, 'expression rejects all packets');
  t.is(fail('ip6', 228).message, 'expression rejects all packets');
  t.is(fail('tcp', 147).message, 'filters are not supported on link type 147');
});

test("'ip broadcast' uses tcpdump's netmask 0 by default and fails with libpcap's PCAP_NETMASK_UNKNOWN", (t) => {
  t.is(fail('ip broadcast', 1, { netmask: 0xffffffff }).message, "netmask not known, so 'ip broadcast' not supported");
  const zero = compileFilter('ip broadcast', 1, 262144);
  const frame = new Uint8Array(34);
  frame.set([0x08, 0x00], 12);
  frame.set([255, 255, 255, 255], 30);
  t.true(zero.matches(frame, 0, 34, 34));
  frame.set([10, 0, 0, 255], 30);
  t.false(zero.matches(frame, 0, 34, 34));
  // With a /24 netmask the subnet's broadcast address matches too.
  t.true(compileFilter('ip broadcast', 1, 262144, { netmask: 0xffffff00 }).matches(frame, 0, 34, 34));
});

test('on a cooked socket, reading SLL header bytes the kernel does not have is an error', (t) => {
  t.is(fail('link[2] = 1', 276, { linuxSocket: 'cooked' }).message,
    'this filter reads LINUX_SLL2 header bytes the kernel does not have on a cooked socket; filter in user space instead');
  t.is(fail('link[6:2] = 1', 113, { linuxSocket: 'cooked' }).message,
    'this filter reads LINUX_SLL header bytes the kernel does not have on a cooked socket; filter in user space instead');
  t.is(fail('tcp', 1, { linuxSocket: 'cooked' }).message, 'a cooked socket delivers LINUX_SLL or LINUX_SLL2 frames');
  t.notThrows(() => compileFilter('inbound and tcp port 80', 276, 262144, { linuxSocket: 'cooked' }));
});

test('a socket program carries the user-space program for frames as vcap sees them', (t) => {
  const p = compileFilter('vlan 5 and ip', 1, 262144, { linuxSocket: 'raw' });
  t.is(Buffer.from(p.insns.subarray(4, 8)).readUInt32LE(0), 0xfffff030);   // ldb [SKF_AD_VLAN_TAG_PRESENT]
  const tagged = new Uint8Array(40);
  tagged.set([0x81, 0x00, 0x00, 0x05, 0x08, 0x00], 12);                  // 802.1Q VID 5, then IPv4
  t.true(p.matches(tagged, 0, 40, 40));
  t.false(p.matches(tagged.map((b, i) => (i === 15 ? 6 : b)), 0, 40, 40));
  // `inbound` needs the packet type, which only the kernel has: user space rejects.
  t.false(compileFilter('inbound', 1, 262144, { linuxSocket: 'raw' }).matches(tagged, 0, 40, 40));
});
