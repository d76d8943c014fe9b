// IPsec ESP (RFC 4303), IP protocol 50: the SPI and sequence number; what follows is encrypted.
import { u32 } from './bytes.js';
import type { Cursor } from './cursor.js';
import { Layer } from './layer.js';
import { LayerView, NOT_CAPTURED } from './view.js';
// Module constant, which V8 folds into the code (an imported `Layer.X` is a load and a shape check per use).
const ESP = Layer.Esp;

/** Bytes of the ESP header (SPI, sequence number) before the encrypted payload. */
export const ESP_HEADER_LENGTH = 8;

/** An ESP header. The payload (IV, data, padding, ICV) is opaque without the keys. */
export class Esp extends LayerView {
  readonly layer = ESP;

  decode(c: Cursor): number {
    const o = c.off;
    this.off = o; this.end = c.end; this.headerLength = 0;
    if (c.end - o < ESP_HEADER_LENGTH) return c.short(ESP, o, ESP_HEADER_LENGTH);
    this.headerLength = ESP_HEADER_LENGTH;
    c.mark(ESP);
    c.off = o + ESP_HEADER_LENGTH;
    return 0;
  }

  /** Security Parameters Index. */
  get spi(): number { const o = this.off; if (o + 4 > this.end) throw NOT_CAPTURED; return u32(this.cursor.buf, o); }
  /** Sequence number. */
  get sequence(): number { const o = this.off; if (o + 8 > this.end) throw NOT_CAPTURED; return u32(this.cursor.buf, o + 4); }

  toJSON(): object { return { offset: this.offset, length: this.length, spi: this.spi, sequence: this.sequence }; }
}
