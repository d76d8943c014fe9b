#!/usr/bin/env bash
# Rebuilds the golden captures and records Debian tcpdump's output as the expected .out files,
# with the corpus convention: TZ=GMT0 tcpdump -# -n -r NAME.pcap FLAGS > NAME.out
# Needs python3-scapy and tcpdump 4.99.3 (Debian 12). Run from anywhere.
set -euo pipefail
cd "$(dirname "$0")"
tcpdump --version 2>&1 | head -1 | grep -q '^tcpdump version 4\.99\.3$' \
  || { echo "regenerate.sh: the oracle is tcpdump 4.99.3, found: $(tcpdump --version 2>&1 | head -1)" >&2; exit 1; }
rm -f ./*.pcap ./*.out
/usr/bin/python3 make-fixtures.py .
# Split TESTS.tsv on single tabs: the flags column may be empty (bash `read` would merge it).
/usr/bin/python3 - <<'PY'
import os, shlex, subprocess
env = dict(os.environ, TZ='GMT0')
for line in open('TESTS.tsv'):
    name, pcap, flags, out = line.rstrip('\n').split('\t')
    with open(out, 'wb') as f:
        r = subprocess.run(['tcpdump', '-#', '-n', '-r', pcap, *shlex.split(flags)], stdout=f, stderr=subprocess.PIPE, env=env)
    if r.returncode != 0:
        raise SystemExit(f'{name}: tcpdump exited {r.returncode}: {r.stderr.decode()}')
PY
echo "$(wc -l < TESTS.tsv) tests recorded" >&2
