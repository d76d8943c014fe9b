// Frames of the captures under test/pcaps, for decode tests that check a real frame's fields.
import { join } from 'node:path';
import { openCaptureFile } from '../../src/capture/capture-file.js';
import { repoRoot } from './netns.js';

/** Frame `index` (from 0) of `test/pcaps/<path>`, copied (the reader reuses its buffer), with its link type. */
export function captureFrame(path: string, index: number): { bytes: Uint8Array; linkType: number } {
  const f = openCaptureFile(join(repoRoot, 'test', 'pcaps', path));
  try {
    let n = 0;
    for (let b = f.next(); b; b = f.next()) {
      for (let i = 0; i < b.offset.length; i++, n++) {
        if (n === index) return { bytes: b.bytes.slice(b.offset[i], b.offset[i]! + b.capLen[i]!), linkType: b.linkType };
      }
    }
  } finally {
    f.close();
  }
  throw new Error(`${path} has no frame ${index}`);
}
