#!/usr/bin/env bash
# Regenerates the decode goldens: what tshark (the oracle) reads from each tcpdump corpus capture,
# one line per packet, tab-separated, first occurrence of each field. Run from anywhere:
#   test/decode/golden/regen.sh
set -euo pipefail
cd "$(dirname "$0")"
corpus=../../pcaps/tcpdump
fields=(frame.number eth.src eth.dst ieee8021ad.id vlan.id ip.src ip.dst ip.ttl ip.proto ipv6.src ipv6.dst ipv6.hlim ipv6.nxt
  tcp.srcport tcp.dstport tcp.seq_raw tcp.flags udp.srcport udp.dstport icmp.type icmp.code icmpv6.type icmpv6.code
  arp.opcode dns.id dns.qry.name)
args=()
for f in "${fields[@]}"; do args+=(-e "$f"); done
for pcap in $(cut -f2 "$corpus/TESTS.tsv" | sort -u); do
  name=${pcap%.pcap}
  { printf '%s\n' "$(IFS=$'\t'; echo "${fields[*]}")"
    tshark -n -r "$corpus/$pcap" -T fields -E separator=/t -E occurrence=a -E aggregator=, "${args[@]}" 2>/dev/null || true
  } > "$name.tsv"
done
