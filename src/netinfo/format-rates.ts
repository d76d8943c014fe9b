// The text of `vcap stats`: SI-prefixed rates in aligned columns, the same for a terminal table,
// piped lines and the closing means (and for a program that shows rates the way vcap does).
import type { RateSample } from './rates.js';

/** 9.82 Gbit/s, 640 kbit/s, 0 bit/s. */
export function bitsText(bps: number): string {
  return `${si(bps)}bit/s`;
}

/** 812.3k, 1.20M, 12. */
export function countText(n: number): string {
  return si(n).replace(' ', '');
}

function si(v: number): string {
  const units = ['', 'k', 'M', 'G', 'T'];
  let u = 0;
  while (v >= 999.5 && u < units.length - 1) { v /= 1000; u++; }
  if (u === 0) return `${Math.round(v)} `;
  return `${v >= 99.95 ? v.toFixed(1) : v >= 9.995 ? v.toFixed(2) : v.toFixed(3)} ${units[u]}`;
}

const HEAD = ['INTERFACE', 'RX pkt/s', 'RX bit/s', 'TX pkt/s', 'TX bit/s', 'RX drop', 'TX drop', 'RX err', 'TX err'];

function cells(s: RateSample): string[] {
  return [s.interface, countText(s.rx.pps), bitsText(s.rx.bps), countText(s.tx.pps), bitsText(s.tx.bps),
    String(s.rx.dropped), String(s.tx.dropped), String(s.rx.errors), String(s.tx.errors)];
}

/** A leading column: the time of each line, or "mean". */
export interface Lead { head: string; cell: (s: RateSample) => string }

/** Aligned rows: names left, numbers right, wide enough that consecutive intervals line up. */
export function formatRateRows(samples: RateSample[], header: boolean, lead?: Lead): string {
  const pre = lead === undefined ? 0 : 1;
  const head = lead === undefined ? HEAD : [lead.head, ...HEAD];
  const rows = samples.map((s) => (lead === undefined ? cells(s) : [lead.cell(s), ...cells(s)]));
  const minimum = (i: number): number => {
    if (i < pre) return 12;  // HH:MM:SS.mmm, and "mean 10.0s" under it
    const k = i - pre;
    return k === 2 || k === 4 ? 13 : k === 1 || k === 3 ? 8 : k >= 5 ? 7 : 0;
  };
  const width = head.map((h, i) => Math.max(minimum(i), h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]): string => r.map((c, i) => (i <= pre ? c.padEnd(width[i]!) : c.padStart(width[i]!))).join('  ').trimEnd();
  return (header ? `${line(head)}\n` : '') + rows.map((r) => `${line(r)}\n`).join('');
}

/** HH:MM:SS.mmm of a sample's end, local time (the TIME column). */
export function clockText(s: RateSample): string {
  const d = new Date(s.time);
  const p = (n: number, w = 2): string => String(n).padStart(w, '0');
  return `${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}.${p(d.getMilliseconds(), 3)}`;
}

