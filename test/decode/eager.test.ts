// A Decoder with `eager: true` walks within decode() what the default one leaves for first use (what IP
// carries besides ICMP, ICMPv6, TCP and UDP; a tunnel's inner packet): the two must describe every
// frame the same, whatever order the lazy one is asked in.
import test from 'ava';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openCaptureFile } from '../../src/capture/capture-file.js';
import { Decoder } from '../../src/decoders/decoder.js';
import { Layer } from '../../src/decoders/layer.js';

const pcaps = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'test', 'pcaps');
const files = ['tcpdump-suite', 'tunnels', 'routing', 'sctp'].flatMap((d) =>
  readdirSync(join(pcaps, d)).filter((f) => f.endsWith('.pcap') || f.endsWith('.pcapng')).map((f) => join(pcaps, d, f)));

test('eager and lazy decoders agree on every frame of the tunnel, routing, SCTP and tcpdump-suite captures', (t) => {
  const eager = new Decoder({ eager: true }), lazy = new Decoder(), lazyInnerFirst = new Decoder();
  let frames = 0, withInner = 0, deferredLayers = 0;
  for (const file of files) {
    const cf = openCaptureFile(file);
    try {
      for (let b = cf.next(); b !== null; b = cf.next()) {
        for (let i = 0; i < b.count; i++) {
          const e = eager.decode(b.bytes, b.linkType, b.offset[i]!, b.capLen[i]!);
          const je = JSON.stringify(e);
          // Asked for the inner packet and a layer before anything else, then in full.
          const l = lazyInnerFirst.decode(b.bytes, b.linkType, b.offset[i]!, b.capLen[i]!);
          const inner = l.inner, gre = l.layer(Layer.Gre);
          const jl = JSON.stringify(lazy.decode(b.bytes, b.linkType, b.offset[i]!, b.capLen[i]!));
          if (je !== jl || je !== JSON.stringify(l)) { t.fail(`${file} frame ${frames}: eager ${je}\nlazy ${jl}`); return; }
          frames++;
          if (inner !== undefined) withInner++;
          if (gre !== undefined || e.layer(Layer.Sctp) !== undefined || e.layer(Layer.Esp) !== undefined) deferredLayers++;
        }
      }
    } finally { cf.close(); }
  }
  t.true(frames > 5000, `${frames} frames`);
  t.true(withInner > 20, `${withInner} with an inner packet`);
  t.true(deferredLayers > 20, `${deferredLayers} with a layer after IP that the lazy decoder defers`);
  t.log(`${frames} frames, ${withInner} with an inner packet, ${deferredLayers} with GRE, SCTP or ESP`);
});
