/** wb (tcpdump's print-wb.c): announcements, repair requests and replies, drawing operations, page requests and replies. */
import type { PrintContext } from './context.js';
import {
  WB_DOP_LENGTH, WB_DOPHDR_LENGTH, WB_HEADER_LENGTH, WB_ID_LENGTH, WB_ID_OFF_LENGTH, WB_PGSTATE_LENGTH, WB_PREP_LENGTH,
  WB_PREQ_LENGTH, WB_RREP_LENGTH, WB_RREQ_LENGTH, WbType, type Wb,
} from '../../decoders/wb.js';
import { printJnp, tokName, type Tok } from './tok.js';

const DRAW_OPS: Tok = [
  [2, 'RECT'], [3, 'LINE'], [4, 'ML'], [5, 'DEL'], [6, 'XFORM'], [7, 'ELL'], [8, 'CHAR'], [9, 'STR'], [10, 'NOP'], [11, 'PSCODE'],
  [12, 'PSCOMP'], [13, 'REF'], [14, 'SKIP'], [15, 'HOLE'],
];
const DT_SKIP = 14, DT_HOLE = 15;

/** A wb message of `len` bytes (the UDP payload). */
export function printWb(c: PrintContext, w: Wb, len: number): void {
  c.protocol = 'wb';
  if (len < WB_HEADER_LENGTH) { c.invalid(); return; }
  w.need(WB_HEADER_LENGTH);
  len -= WB_HEADER_LENGTH;
  if (w.flags) c.write('*');
  const type = w.type;
  let ok: boolean;
  switch (type) {
    case WbType.Kill: c.write(' wb-kill'); return;
    case WbType.Id: ok = id(c, w, len); break;
    case WbType.RepairRequest: ok = repairRequest(c, w, len); break;
    case WbType.RepairReply: ok = repairReply(c, w, len); break;
    case WbType.DrawOp: ok = drawOp(c, w, len); break;
    case WbType.PageRequest: ok = pageRequest(c, w, len); break;
    case WbType.PageReply: ok = pageReply(c, w, len); break;
    default: c.write(` wb-${type}!`); ok = false;
  }
  if (!ok) c.invalid();
}

// tcpdump prints each of these lines with one printf: every field is read before any is written.

function id(c: PrintContext, w: Wb, len: number): boolean {
  c.write(' wb-id:');
  if (len < WB_ID_LENGTH) return false;
  len -= WB_ID_LENGTH;
  const line = ` ${w.idSlot}/${w.idPageSource}:${w.idPageNumber} (max ${w.idMaxSlot}/${w.idMaxPageSource}:${w.idMaxPageNumber}) `;
  c.write(line);
  w.need(WB_HEADER_LENGTH + WB_ID_LENGTH);
  const n = w.idCount;
  if (len < WB_ID_OFF_LENGTH * n) return false;
  len -= WB_ID_OFF_LENGTH * n;
  let i = WB_HEADER_LENGTH + WB_ID_LENGTH;
  for (let k = 0; k < n; k++, i += WB_ID_OFF_LENGTH) {
    const io = w.at(w.pageState, i);
    const pair = `${k === 0 ? '<' : ','}${io.id}:${io.offset}`;
    c.write(pair);
  }
  c.write('> "');
  printJnp(c, w, i, len);
  c.write('"');
  return true;
}

function repairRequest(c: PrintContext, w: Wb, len: number): boolean {
  c.write(' wb-rreq:');
  if (len < WB_RREQ_LENGTH) return false;
  const line = ` please repair ${w.repairId} ${w.repairPageSource}:${w.repairPageNumber}<${w.repairStart}:${w.repairEnd}>`;
  c.write(line);
  return true;
}

function pageRequest(c: PrintContext, w: Wb, len: number): boolean {
  c.write(' wb-preq:');
  if (len < WB_PREQ_LENGTH) return false;
  const line = ` need ${w.preqLow}/${w.preqPageSource}:${w.preqPageNumber}`;
  c.write(line);
  w.need(WB_HEADER_LENGTH + WB_PREQ_LENGTH);
  return true;
}

function pageReply(c: PrintContext, w: Wb, len: number): boolean {
  c.write(' wb-prep:');
  if (len < WB_PREP_LENGTH) return false;
  let n = w.prepCount;
  let i = WB_HEADER_LENGTH + WB_PREP_LENGTH;
  const ps = w.pageState;
  while (n !== 0) {
    w.at(ps, i);
    const line = ` ${ps.slot}/${ps.pageSource}:${ps.pageNumber}`;
    c.write(line);
    ps.need(WB_PGSTATE_LENGTH);
    const pairs = ps.countHighByte;
    i += WB_PGSTATE_LENGTH;
    for (let k = 0; k < pairs; k++, i += WB_ID_OFF_LENGTH) {
      const io = w.at(ps, i);
      const pair = `${k === 0 ? '<' : ','}${io.id}:${io.offset}`;
      c.write(pair);
    }
    c.write('>');
    n--;
  }
  return true;
}

/** wb_dops: the drawing operations from index `i`, sequence numbers `ss` to `es`. */
function drawOps(c: PrintContext, w: Wb, i: number, ss: number, es: number): void {
  c.write(' <');
  const d = w.drawOp;
  for (; ss <= es; ss = (ss + 1) >>> 0) {
    w.at(d, i);
    const t = d.type;
    c.write(` ${tokName(DRAW_OPS, `dop-${t}!`, t)}`);
    if (t === DT_SKIP || t === DT_HOLE) {
      const ts = d.timestamp;
      c.write(String((ts - ss + 1) >>> 0));
      if (ss > ts || ts > es) {
        c.write('[|]');
        if (ts < ss) return;
      }
      ss = ts;
    }
    i += (d.length + WB_DOPHDR_LENGTH + 3) & ~3;
  }
  c.write(' >');
}

function repairReply(c: PrintContext, w: Wb, len: number): boolean {
  c.write(' wb-rrep:');
  if (len < WB_RREP_LENGTH) return false;
  const line = ` for ${w.repairId} ${w.repairPageSource}:${w.repairPageNumber}<${w.repairStart}:${w.repairEnd}>`;
  c.write(line);
  if (c.o.verbose) drawOps(c, w, WB_HEADER_LENGTH + WB_RREP_LENGTH, w.repairStart, w.repairEnd);
  return true;
}

function drawOp(c: PrintContext, w: Wb, len: number): boolean {
  c.write(' wb-dop:');
  if (len < WB_DOP_LENGTH) return false;
  const line = ` ${w.dopPageSource}:${w.dopPageNumber}<${w.dopStart}:${w.dopEnd}>`;
  c.write(line);
  if (c.o.verbose) drawOps(c, w, WB_HEADER_LENGTH + WB_DOP_LENGTH, w.dopStart, w.dopEnd);
  return true;
}
