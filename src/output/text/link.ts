/** Link-type dispatch: which printer starts a frame (tcpdump's print.c table). */
import type { PrintContext } from './context.js';
import { printEther } from './ether.js';
import { printSll, printSll2 } from './sll.js';
import { printNull } from './null.js';
import { printRaw } from './raw.js';
import { printUnsupported } from './unsupported.js';

/** Prints one frame from its link header; returns the link-header length the dumps skip. */
export type LinkPrinter = (c: PrintContext, off: number, length: number, caplen: number) => number;

const printers: Record<number, LinkPrinter> = {
  0: printNull,
  1: printEther,
  101: printRaw,
  108: printNull,
  113: printSll,
  228: printRaw,
  229: printRaw,
  276: printSll2,
};

/** The printer for a LINKTYPE_* value (`UNSUPPORTED` and a hex dump, as tcpdump's, for one vcap cannot print). */
export function linkPrinter(linkType: number): LinkPrinter { return printers[linkType] ?? printUnsupported; }
