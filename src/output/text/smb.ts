/**
 * SMB, as tcpdump 4.99.3 built with --enable-smb prints it (print-smb.c: print_smb and its command
 * table, the transaction, trans2, negotiate, session setup and locking printers; smb_tcp_print for
 * TCP 445). Debian's tcpdump is built without it and prints these as plain TCP/UDP: vcap prints them
 * only with --smb (the port printers check `c.o.smb`).
 *
 * Each command's parameters and data are described, as in tcpdump, by format strings that
 * smb-fdata.ts interprets over the Smb view's `bytes` (checked reads; ` [|smb]` where tcpdump's end).
 */
import type { PrintContext } from './context.js';
import { bytesBetween, smbDataPrint, smbFdata, smbReset } from './smb-fdata.js';
import { NT_ERRORS } from './smb-nt-errors.js';
import { printLayer } from './dispatch.js';
import { Layer } from '../../decoders/layer.js';
import { SMB_HEADER_LENGTH, type Smb, type SmbBytes } from '../../decoders/smb.js';
import { NBSS_HEADER_LENGTH, type NetbiosSession } from '../../decoders/netbios.js';

/** A command's own printer: (words, data, maxbuf) as indexes from the SMB header (tcpdump's buf). */
type CommandPrinter = (c: PrintContext, r: SmbBytes, words: number, data: number, maxbuf: number) => void;
interface Descript { readonly reqF1?: string; readonly reqF2?: string; readonly repF1?: string; readonly repF2?: string; readonly fn?: CommandPrinter }
interface SmbFn { readonly id: number; readonly name: string; readonly chain: boolean; readonly d: Descript }
type Trans2Printer = (c: PrintContext, r: SmbBytes, param: number, data: number, pcnt: number, dcnt: number) => void;
interface Trans2Fn { readonly id: number; readonly name: string; readonly d: Descript & { readonly fn2?: Trans2Printer } }

// print-smb.c's statics: the direction and string form of the message being printed, and what a
// trans2 reply needs from its request (tcpdump keeps them across packets; so does vcap).
let request = false;
let unicodestr = false;
let trans2Level = 0;

function trans2FindFirst(c: PrintContext, r: SmbBytes, param: number, data: number, pcnt: number, dcnt: number): void {
  const fmt = request ? 'Attribute=[A]\nSearchCount=[u]\nFlags=[w]\nLevel=[uP4]\nFile=[S]\n'
    : 'Handle=[w]\nCount=[u]\nEOS=[w]\nEoffset=[u]\nLastNameOfs=[w]\n';
  smbFdata(c, r, param, fmt, param + pcnt, unicodestr);
  if (dcnt !== 0) { c.write('data:\n'); smbDataPrint(c, r, data, dcnt); }
}

function trans2QfsInfo(c: PrintContext, r: SmbBytes, param: number, data: number, pcnt: number, dcnt: number): void {
  if (request) {
    trans2Level = r.u16le(param);
    smbFdata(c, r, param, 'InfoLevel=[u]\n', param + pcnt, unicodestr);
  } else {
    let fmt: string;
    switch (trans2Level) {
      case 1: fmt = 'idFileSystem=[W]\nSectorUnit=[U]\nUnit=[U]\nAvail=[U]\nSectorSize=[u]\n'; break;
      case 2: fmt = 'CreationTime=[T2]VolNameLength=[lb]\nVolumeLabel=[c]\n'; break;
      case 0x105: fmt = 'Capabilities=[W]\nMaxFileLen=[U]\nVolNameLen=[lU]\nVolume=[C]\n'; break;
      default: fmt = 'UnknownLevel\n'; break;
    }
    smbFdata(c, r, data, fmt, data + dcnt, unicodestr);
  }
  if (dcnt !== 0) { c.write('data:\n'); smbDataPrint(c, r, data, dcnt); }
}

const TRANS2_FNS: readonly Trans2Fn[] = [
  { id: 0, name: 'TRANSACT2_OPEN', d: {
    reqF1: 'Flags2=[w]\nMode=[w]\nSearchAttrib=[A]\nAttrib=[A]\nTime=[T2]\nOFun=[w]\nSize=[U]\nRes=([w, w, w, w, w])\nPath=[S]',
    repF1: 'Handle=[u]\nAttrib=[A]\nTime=[T2]\nSize=[U]\nAccess=[w]\nType=[w]\nState=[w]\nAction=[w]\nInode=[W]\nOffErr=[u]\n|EALength=[u]\n' } },
  { id: 1, name: 'TRANSACT2_FINDFIRST', d: { fn2: trans2FindFirst } },
  { id: 2, name: 'TRANSACT2_FINDNEXT', d: {} },
  { id: 3, name: 'TRANSACT2_QFSINFO', d: { fn2: trans2QfsInfo } },
  { id: 4, name: 'TRANSACT2_SETFSINFO', d: {} },
  { id: 5, name: 'TRANSACT2_QPATHINFO', d: {} },
  { id: 6, name: 'TRANSACT2_SETPATHINFO', d: {} },
  { id: 7, name: 'TRANSACT2_QFILEINFO', d: {} },
  { id: 8, name: 'TRANSACT2_SETFILEINFO', d: {} },
  { id: 9, name: 'TRANSACT2_FSCTL', d: {} },
  { id: 10, name: 'TRANSACT2_IOCTL', d: {} },
  { id: 11, name: 'TRANSACT2_FINDNOTIFYFIRST', d: {} },
  { id: 12, name: 'TRANSACT2_FINDNOTIFYNEXT', d: {} },
  { id: 13, name: 'TRANSACT2_MKDIR', d: {} },
];
/** The trans2 subcommand of the last request (print_trans2's static `fn`: a reply prints its request's). */
let trans2Fn: Trans2Fn = TRANS2_FNS[0]!;

function printTrans2(c: PrintContext, r: SmbBytes, words: number, dat: number, maxbuf: number): void {
  const w = words + 1;
  let pcnt: number, param: number, dcnt: number, data: number;
  if (!r.has(words + 1)) { c.truncMark(); return; }
  if (request) {
    if (!r.has(w + 14 * 2 + 2)) { c.truncMark(); return; }
    pcnt = r.u16le(w + 9 * 2);
    param = r.u16le(w + 10 * 2);
    dcnt = r.u16le(w + 11 * 2);
    data = r.u16le(w + 12 * 2);
    const sub = r.u16le(w + 14 * 2);
    trans2Fn = TRANS2_FNS.find((f) => f.id === sub) ?? TRANS2_FNS[0]!;
  } else {
    if (r.u8(words) === 0) { c.write(`${trans2Fn.name}\nTrans2Interim\n`); return; }
    if (!r.has(w + 7 * 2 + 2)) { c.truncMark(); return; }
    pcnt = r.u16le(w + 3 * 2);
    param = r.u16le(w + 4 * 2);
    dcnt = r.u16le(w + 6 * 2);
    data = r.u16le(w + 7 * 2);
  }
  const fn = trans2Fn;
  c.write(`${fn.name} param_length=${pcnt} data_length=${dcnt}\n`);
  let f1: string | undefined, f2: string | undefined;
  if (request) {
    if (r.u8(words) === 8) {
      smbFdata(c, r, w, 'Trans2Secondary\nTotParam=[u]\nTotData=[u]\nParamCnt=[u]\nParamOff=[u]\nParamDisp=[u]\nDataCnt=[u]\nDataOff=[u]\nDataDisp=[u]\nHandle=[u]\n', maxbuf, unicodestr);
      return;
    }
    smbFdata(c, r, w, 'TotParam=[u]\nTotData=[u]\nMaxParam=[u]\nMaxData=[u]\nMaxSetup=[b][P1]\nFlags=[w]\nTimeOut=[D]\nRes1=[w]\nParamCnt=[u]\nParamOff=[u]\nDataCnt=[u]\nDataOff=[u]\nSetupCnt=[b][P1]\n', w + 14 * 2, unicodestr);
    f1 = fn.d.reqF1; f2 = fn.d.reqF2;
  } else {
    smbFdata(c, r, w, 'TotParam=[u]\nTotData=[u]\nRes1=[w]\nParamCnt=[u]\nParamOff=[u]\nParamDisp[u]\nDataCnt=[u]\nDataOff=[u]\nDataDisp=[u]\nSetupCnt=[b][P1]\n', w + 10 * 2, unicodestr);
    f1 = fn.d.repF1; f2 = fn.d.repF2;
  }
  c.write(`smb_bcc=${r.u16le(dat)}\n`);
  if (fn.d.fn2 !== undefined) fn.d.fn2(c, r, param, data, pcnt, dcnt);
  else {
    smbFdata(c, r, param, f1 ?? 'Parameters=\n', param + pcnt, unicodestr);
    smbFdata(c, r, data, f2 ?? 'Data=\n', data + dcnt, unicodestr);
  }
}

const BROWSE: ReadonlyArray<readonly [number, string]> = [
  [0xf, 'BROWSE PACKET:\nType=[B] (LocalMasterAnnouncement)\nUpdateCount=[w]\nRes1=[B]\nAnnounceInterval=[u]\nName=[n2]\nMajorVersion=[B]\nMinorVersion=[B]\nServerType=[W]\nElectionVersion=[w]\nBrowserConstant=[w]\n'],
  [0x1, 'BROWSE PACKET:\nType=[B] (HostAnnouncement)\nUpdateCount=[w]\nRes1=[B]\nAnnounceInterval=[u]\nName=[n2]\nMajorVersion=[B]\nMinorVersion=[B]\nServerType=[W]\nElectionVersion=[w]\nBrowserConstant=[w]\n'],
  [0x2, 'BROWSE PACKET:\nType=[B] (AnnouncementRequest)\nFlags=[B]\nReplySystemName=[S]\n'],
  [0xc, 'BROWSE PACKET:\nType=[B] (WorkgroupAnnouncement)\nUpdateCount=[w]\nRes1=[B]\nAnnounceInterval=[u]\nName=[n2]\nMajorVersion=[B]\nMinorVersion=[B]\nServerType=[W]\nCommentPointer=[W]\nServerName=[S]\n'],
  [0x8, 'BROWSE PACKET:\nType=[B] (ElectionFrame)\nElectionVersion=[B]\nOSSummary=[W]\nUptime=[(W, W)]\nServerName=[S]\n'],
  [0xb, 'BROWSE PACKET:\nType=[B] (BecomeBackupBrowser)\nName=[S]\n'],
  [0x9, 'BROWSE PACKET:\nType=[B] (GetBackupList)\nListCount?=[B]\nToken=[W]\n'],
  [0xa, 'BROWSE PACKET:\nType=[B] (BackupListResponse)\nServerCount?=[B]\nToken=[W]\n*Name=[S]\n'],
  [0xd, 'BROWSE PACKET:\nType=[B] (MasterAnnouncement)\nMasterName=[S]\n'],
  [0xe, 'BROWSE PACKET:\nType=[B] (ResetBrowser)\nOptions=[B]\n'],
];

function printBrowse(c: PrintContext, r: SmbBytes, param: number, paramlen: number, data: number, datalen: number): void {
  const maxbuf = data + datalen;
  const command = r.u8(data);
  smbFdata(c, r, param, 'BROWSE PACKET\n|Param ', param + paramlen, unicodestr);
  const fmt = BROWSE.find(([k]) => k === command)?.[1] ?? 'Unknown Browser Frame ';
  smbFdata(c, r, data, fmt, maxbuf, unicodestr);
}

function printIpc(c: PrintContext, r: SmbBytes, param: number, paramlen: number, data: number, datalen: number): void {
  if (paramlen !== 0) smbFdata(c, r, param, 'Command=[w]\nStr1=[S]\nStr2=[S]\n', param + paramlen, unicodestr);
  if (datalen !== 0) smbFdata(c, r, data, 'IPC ', data + datalen, unicodestr);
}

/** True when the NUL-terminated string at `at` is `s` (tcpdump's strcmp after its ND_TCHECK_LEN). */
function isString(r: SmbBytes, at: number, s: string): boolean {
  for (let i = 0; ; i++) {
    const ch = r.u8(at + i);
    if (i === s.length) return ch === 0;
    if (ch !== s.charCodeAt(i)) return false;
  }
}

function printTrans(c: PrintContext, r: SmbBytes, words: number, data1: number, maxbuf: number): void {
  const w = words + 1;
  let paramlen: number, param: number, datalen: number, data: number, f1: string, f2: string;
  if (request) {
    if (!r.has(w + 12 * 2 + 2)) { c.truncMark(); return; }
    paramlen = r.u16le(w + 9 * 2);
    param = r.u16le(w + 10 * 2);
    datalen = r.u16le(w + 11 * 2);
    data = r.u16le(w + 12 * 2);
    f1 = 'TotParamCnt=[u]\nTotDataCnt=[u]\nMaxParmCnt=[u]\nMaxDataCnt=[u]\nMaxSCnt=[u]\nTransFlags=[w]\nRes1=[w]\nRes2=[w]\nRes3=[w]\nParamCnt=[u]\nParamOff=[u]\nDataCnt=[u]\nDataOff=[u]\nSUCnt=[u]\n';
    f2 = '|Name=[S]\n';
  } else {
    if (!r.has(w + 7 * 2 + 2)) { c.truncMark(); return; }
    paramlen = r.u16le(w + 3 * 2);
    param = r.u16le(w + 4 * 2);
    datalen = r.u16le(w + 6 * 2);
    data = r.u16le(w + 7 * 2);
    f1 = 'TotParamCnt=[u]\nTotDataCnt=[u]\nRes1=[u]\nParamCnt=[u]\nParamOff=[u]\nRes2=[u]\nDataCnt=[u]\nDataOff=[u]\nRes3=[u]\nLsetup=[u]\n';
    f2 = '|Unknown ';
  }
  smbFdata(c, r, w, f1, Math.min(w + 2 * r.u8(words), maxbuf), unicodestr);
  const bcc = r.u16le(data1);
  c.write(`smb_bcc=${bcc}\n`);
  if (bcc > 0) {
    smbFdata(c, r, data1 + 2, f2, maxbuf - (paramlen + datalen), unicodestr);
    const mailslot = '\\MAILSLOT\\BROWSE';
    if (!r.has(data1 + 2 + mailslot.length + 1)) { c.truncMark(); return; }
    if (isString(r, data1 + 2, mailslot)) { printBrowse(c, r, param, paramlen, data, datalen); return; }
    const lanman = '\\PIPE\\LANMAN';
    if (!r.has(data1 + 2 + lanman.length + 1)) { c.truncMark(); return; }
    if (isString(r, data1 + 2, lanman)) { printIpc(c, r, param, paramlen, data, datalen); return; }
    if (paramlen !== 0) smbFdata(c, r, param, '|Param ', Math.min(param + paramlen, maxbuf), unicodestr);
    if (datalen !== 0) smbFdata(c, r, data, '|Data ', Math.min(data + datalen, maxbuf), unicodestr);
  }
}

/** The words with `f1` (or dumped), then the byte count and the bytes with `f2` (or dumped): negprot, sesssetup, lockingX share it. */
function wordsAndBytes(c: PrintContext, r: SmbBytes, words: number, data: number, maxbuf: number, f1: string | undefined, f2: string | undefined, wct: number): void {
  if (f1 !== undefined) smbFdata(c, r, words + 1, f1, Math.min(words + 1 + wct * 2, maxbuf), unicodestr);
  else smbDataPrint(c, r, words + 1, Math.min(wct * 2, bytesBetween(maxbuf, words + 1)));
  bytesPart(c, r, data, maxbuf, f2);
}

function bytesPart(c: PrintContext, r: SmbBytes, data: number, maxbuf: number, f2: string | undefined): void {
  const bcc = r.u16le(data);
  c.write(`smb_bcc=${bcc}\n`);
  if (bcc > 0) {
    if (f2 !== undefined) smbFdata(c, r, data + 2, f2, Math.min(data + 2 + r.u16le(data), maxbuf), unicodestr);
    else smbDataPrint(c, r, data + 2, Math.min(r.u16le(data), bytesBetween(maxbuf, data + 2)));
  }
}

function printNegprot(c: PrintContext, r: SmbBytes, words: number, data: number, maxbuf: number): void {
  const wct = r.u8(words);
  let f1: string | undefined, f2: string | undefined;
  if (request) f2 = '*|Dialect=[Y]\n';
  else if (wct === 1) f1 = 'Core Protocol\nDialectIndex=[u]';
  else if (wct === 17) f1 = 'NT1 Protocol\nDialectIndex=[u]\nSecMode=[B]\nMaxMux=[u]\nNumVcs=[u]\nMaxBuffer=[U]\nRawSize=[U]\nSessionKey=[W]\nCapabilities=[W]\nServerTime=[T3]TimeZone=[u]\nCryptKey=';
  else if (wct === 13) f1 = 'Coreplus/Lanman1/Lanman2 Protocol\nDialectIndex=[u]\nSecMode=[w]\nMaxXMit=[u]\nMaxMux=[u]\nMaxVcs=[u]\nBlkMode=[w]\nSessionKey=[W]\nServerTime=[T1]TimeZone=[u]\nRes=[W]\nCryptKey=';
  wordsAndBytes(c, r, words, data, maxbuf, f1, f2, wct);
}

function printSessSetup(c: PrintContext, r: SmbBytes, words: number, data: number, maxbuf: number): void {
  const wct = r.u8(words);
  let f1: string | undefined, f2: string | undefined;
  if (request) {
    f1 = wct === 10 ? 'Com2=[w]\nOff2=[u]\nBufSize=[u]\nMpxMax=[u]\nVcNum=[u]\nSessionKey=[W]\nPassLen=[u]\nCryptLen=[u]\nCryptOff=[u]\nPass&Name=\n'
      : 'Com2=[B]\nRes1=[B]\nOff2=[u]\nMaxBuffer=[u]\nMaxMpx=[u]\nVcNumber=[u]\nSessionKey=[W]\nCaseInsensitivePasswordLength=[u]\nCaseSensitivePasswordLength=[u]\nRes=[W]\nCapabilities=[W]\nPass1&Pass2&Account&Domain&OS&LanMan=\n';
  } else if (wct === 3) f1 = 'Com2=[w]\nOff2=[u]\nAction=[w]\n';
  else if (wct === 13) { f1 = 'Com2=[B]\nRes=[B]\nOff2=[u]\nAction=[w]\n'; f2 = 'NativeOS=[S]\nNativeLanMan=[S]\nPrimaryDomain=[S]\n'; }
  wordsAndBytes(c, r, words, data, maxbuf, f1, f2, wct);
}

function printLockingAndX(c: PrintContext, r: SmbBytes, words: number, data: number, maxbuf: number): void {
  const wct = r.u8(words);
  let f1: string, f2: string | undefined;
  if (request) {
    f1 = 'Com2=[w]\nOff2=[u]\nHandle=[u]\nLockType=[w]\nTimeOut=[D]\nUnlockCount=[u]\nLockCount=[u]\n';
    f2 = (r.u8(words + 7) & 0x10) !== 0 ? '*Process=[u]\n[P2]Offset=[M]\nLength=[M]\n' : '*Process=[u]\nOffset=[D]\nLength=[U]\n';
  } else f1 = 'Com2=[w]\nOff2=[u]\n';
  if (wct !== 0) smbFdata(c, r, words + 1, f1, Math.min(words + 1 + wct * 2, maxbuf), unicodestr);
  bytesPart(c, r, data, maxbuf, f2);
}

const SEARCH_REQ = 'Path=[Z]\nBlkType=[B]\nBlkLen=[u]\n|Res1=[B]\nMask=[s11]\nSrv1=[B]\nDirIndex=[u]\nSrv2=[w]\n';
const SEARCH_REP = 'BlkType=[B]\nBlkLen=[u]\n*\nRes1=[B]\nMask=[s11]\nSrv1=[B]\nDirIndex=[u]\nSrv2=[w]\nRes2=[W]\nAttrib=[a]\nTime=[T1]Size=[U]\nName=[s13]\n';
const READ_REQ = 'Handle=[u]\nByteCount=[u]\nOffset=[D]\nCountLeft=[u]\n';
const fnEntry = (id: number, name: string, d: Descript = {}, chain = false): SmbFn => ({ id, name, chain, d });

/** print-smb.c's smb_fns, in its order (smbfind takes the first match; entry 0 is what an unknown command prints as). */
const SMB_FNS: readonly SmbFn[] = [
  fnEntry(-1, 'SMBunknown'),
  fnEntry(0x70, 'SMBtcon', { reqF2: 'Path=[Z]\nPassword=[Z]\nDevice=[Z]\n', repF1: 'MaxXmit=[u]\nTreeId=[u]\n' }),
  fnEntry(0x71, 'SMBtdis'),
  fnEntry(0x11, 'SMBexit'),
  fnEntry(0x27, 'SMBioctl'),
  fnEntry(0x2b, 'SMBecho', { reqF1: 'ReverbCount=[u]\n', repF1: 'SequenceNum=[u]\n' }),
  fnEntry(0x74, 'SMBulogoffX', {}, true),
  fnEntry(0x08, 'SMBgetatr', { reqF2: 'Path=[Z]\n', repF1: 'Attribute=[A]\nTime=[T2]Size=[U]\nRes=([w,w,w,w,w])\n' }),
  fnEntry(0x09, 'SMBsetatr', { reqF1: 'Attribute=[A]\nTime=[T2]Res=([w,w,w,w,w])\n', reqF2: 'Path=[Z]\n' }),
  fnEntry(0x10, 'SMBchkpth', { reqF2: 'Path=[Z]\n' }),
  fnEntry(0x81, 'SMBsearch', { reqF1: 'Count=[u]\nAttrib=[A]\n', reqF2: `${SEARCH_REQ}Res2=[W]\n`, repF1: 'Count=[u]\n', repF2: SEARCH_REP }),
  fnEntry(0x02, 'SMBopen', { reqF1: 'Mode=[w]\nAttribute=[A]\n', reqF2: 'Path=[Z]\n', repF1: 'Handle=[u]\nOAttrib=[A]\nTime=[T2]Size=[U]\nAccess=[w]\n' }),
  fnEntry(0x03, 'SMBcreate', { reqF1: 'Attrib=[A]\nTime=[T2]', reqF2: 'Path=[Z]\n', repF1: 'Handle=[u]\n' }),
  fnEntry(0x0f, 'SMBmknew', { reqF1: 'Attrib=[A]\nTime=[T2]', reqF2: 'Path=[Z]\n', repF1: 'Handle=[u]\n' }),
  fnEntry(0x06, 'SMBunlink', { reqF1: 'Attrib=[A]\n', reqF2: 'Path=[Z]\n' }),
  fnEntry(0x0a, 'SMBread', { reqF1: READ_REQ, repF1: 'Count=[u]\nRes=([w,w,w,w])\n' }),
  fnEntry(0x0b, 'SMBwrite', { reqF1: READ_REQ, repF1: 'Count=[u]\n' }),
  fnEntry(0x04, 'SMBclose', { reqF1: 'Handle=[u]\nTime=[T2]' }),
  fnEntry(0x00, 'SMBmkdir', { reqF2: 'Path=[Z]\n' }),
  fnEntry(0x01, 'SMBrmdir', { reqF2: 'Path=[Z]\n' }),
  fnEntry(0x80, 'SMBdskattr', { repF1: 'TotalUnits=[u]\nBlocksPerUnit=[u]\nBlockSize=[u]\nFreeUnits=[u]\nMedia=[w]\n' }),
  fnEntry(0x07, 'SMBmv', { reqF1: 'Attrib=[A]\n', reqF2: 'OldPath=[Z]\nNewPath=[Z]\n' }),
  // pSETDIR is '\377', a char constant: -1 where char is signed (tcpdump's builds), so never matched.
  fnEntry(-1, 'SMBsetdir', { reqF2: 'Path=[Z]\n' }),
  fnEntry(0x12, 'SMBlseek', { reqF1: 'Handle=[u]\nMode=[w]\nOffset=[D]\n', reqF2: 'Offset=[D]\n' }),
  fnEntry(0x05, 'SMBflush', { reqF1: 'Handle=[u]\n' }),
  fnEntry(0xc0, 'SMBsplopen', { reqF1: 'SetupLen=[u]\nMode=[w]\n', reqF2: 'Ident=[Z]\n', repF1: 'Handle=[u]\n' }),
  fnEntry(0xc2, 'SMBsplclose', { reqF1: 'Handle=[u]\n' }),
  fnEntry(0xc3, 'SMBsplretq', { reqF1: 'MaxCount=[u]\nStartIndex=[u]\n', repF1: 'Count=[u]\nIndex=[u]\n', repF2: '*Time=[T2]Status=[B]\nJobID=[u]\nSize=[U]\nRes=[B]Name=[s16]\n' }),
  fnEntry(0xc1, 'SMBsplwr', { reqF1: 'Handle=[u]\n' }),
  fnEntry(0x0c, 'SMBlock', { reqF1: 'Handle=[u]\nCount=[U]\nOffset=[D]\n' }),
  fnEntry(0x0d, 'SMBunlock', { reqF1: 'Handle=[u]\nCount=[U]\nOffset=[D]\n' }),
  fnEntry(0x1a, 'SMBreadbraw', { reqF1: 'Handle=[u]\nOffset=[D]\nMaxCount=[u]\nMinCount=[u]\nTimeOut=[D]\nRes=[u]\n' }),
  fnEntry(0x1d, 'SMBwritebraw', { reqF1: 'Handle=[u]\nTotalCount=[u]\nRes=[w]\nOffset=[D]\nTimeOut=[D]\nWMode=[w]\nRes2=[W]\n|DataSize=[u]\nDataOff=[u]\n', repF1: 'WriteRawAck' }),
  fnEntry(0x20, 'SMBwritec', { repF1: 'Count=[u]\n' }),
  fnEntry(0x2c, 'SMBwriteclose', { reqF1: 'Handle=[u]\nCount=[u]\nOffset=[D]\nTime=[T2]Res=([w,w,w,w,w,w])', repF1: 'Count=[u]\n' }),
  fnEntry(0x13, 'SMBlockread', { reqF1: READ_REQ, repF1: 'Count=[u]\nRes=([w,w,w,w])\n' }),
  fnEntry(0x14, 'SMBwriteunlock', { reqF1: READ_REQ, repF1: 'Count=[u]\n' }),
  fnEntry(0x1b, 'SMBreadBmpx', { reqF1: 'Handle=[u]\nOffset=[D]\nMaxCount=[u]\nMinCount=[u]\nTimeOut=[D]\nRes=[w]\n', repF1: 'Offset=[D]\nTotCount=[u]\nRemaining=[u]\nRes=([w,w])\nDataSize=[u]\nDataOff=[u]\n' }),
  fnEntry(0x1e, 'SMBwriteBmpx', { reqF1: 'Handle=[u]\nTotCount=[u]\nRes=[w]\nOffset=[D]\nTimeOut=[D]\nWMode=[w]\nRes2=[W]\nDataSize=[u]\nDataOff=[u]\n', repF1: 'Remaining=[u]\n' }),
  fnEntry(0x1f, 'SMBwriteBs', { reqF1: 'Handle=[u]\nTotCount=[u]\nOffset=[D]\nRes=[W]\nDataSize=[u]\nDataOff=[u]\n', repF1: 'Count=[u]\n' }),
  fnEntry(0x22, 'SMBsetattrE', { reqF1: 'Handle=[u]\nCreationTime=[T2]AccessTime=[T2]ModifyTime=[T2]' }),
  fnEntry(0x23, 'SMBgetattrE', { reqF1: 'Handle=[u]\n', repF1: 'CreationTime=[T2]AccessTime=[T2]ModifyTime=[T2]Size=[U]\nAllocSize=[U]\nAttribute=[A]\n' }),
  fnEntry(0x26, 'SMBtranss'),
  fnEntry(0x28, 'SMBioctls'),
  fnEntry(0x29, 'SMBcopy', { reqF1: 'TreeID2=[u]\nOFun=[w]\nFlags=[w]\n', reqF2: 'Path=[S]\nNewPath=[S]\n', repF1: 'CopyCount=[u]\n', repF2: '|ErrStr=[S]\n' }),
  fnEntry(0x2a, 'SMBmove', { reqF1: 'TreeID2=[u]\nOFun=[w]\nFlags=[w]\n', reqF2: 'Path=[S]\nNewPath=[S]\n', repF1: 'MoveCount=[u]\n', repF2: '|ErrStr=[S]\n' }),
  fnEntry(0x2d, 'SMBopenX', {
    reqF1: 'Com2=[w]\nOff2=[u]\nFlags=[w]\nMode=[w]\nSearchAttrib=[A]\nAttrib=[A]\nTime=[T2]OFun=[w]\nSize=[U]\nTimeOut=[D]\nRes=[W]\n', reqF2: 'Path=[S]\n',
    repF1: 'Com2=[w]\nOff2=[u]\nHandle=[u]\nAttrib=[A]\nTime=[T2]Size=[U]\nAccess=[w]\nType=[w]\nState=[w]\nAction=[w]\nFileID=[W]\nRes=[w]\n',
  }, true),
  fnEntry(0x2e, 'SMBreadX', {
    reqF1: 'Com2=[w]\nOff2=[u]\nHandle=[u]\nOffset=[D]\nMaxCount=[u]\nMinCount=[u]\nTimeOut=[D]\nCountLeft=[u]\n',
    repF1: 'Com2=[w]\nOff2=[u]\nRemaining=[u]\nRes=[W]\nDataSize=[u]\nDataOff=[u]\nRes=([w,w,w,w])\n',
  }, true),
  fnEntry(0x2f, 'SMBwriteX', {
    reqF1: 'Com2=[w]\nOff2=[u]\nHandle=[u]\nOffset=[D]\nTimeOut=[D]\nWMode=[w]\nCountLeft=[u]\nRes=[w]\nDataSize=[u]\nDataOff=[u]\n',
    repF1: 'Com2=[w]\nOff2=[u]\nCount=[u]\nRemaining=[u]\nRes=[W]\n',
  }, true),
  fnEntry(0x82, 'SMBffirst', { reqF1: 'Count=[u]\nAttrib=[A]\n', reqF2: SEARCH_REQ, repF1: 'Count=[u]\n', repF2: SEARCH_REP }),
  fnEntry(0x83, 'SMBfunique', { reqF1: 'Count=[u]\nAttrib=[A]\n', reqF2: SEARCH_REQ, repF1: 'Count=[u]\n', repF2: SEARCH_REP }),
  fnEntry(0x84, 'SMBfclose', { reqF1: 'Count=[u]\nAttrib=[A]\n', reqF2: SEARCH_REQ, repF1: 'Count=[u]\n', repF2: SEARCH_REP }),
  fnEntry(0x35, 'SMBfindnclose', { reqF1: 'Handle=[u]\n' }),
  fnEntry(0x34, 'SMBfindclose', { reqF1: 'Handle=[u]\n' }),
  fnEntry(0xd0, 'SMBsends', { reqF2: 'Source=[Z]\nDest=[Z]\n' }),
  fnEntry(0xd5, 'SMBsendstrt', { reqF2: 'Source=[Z]\nDest=[Z]\n', repF1: 'GroupID=[u]\n' }),
  fnEntry(0xd6, 'SMBsendend', { reqF1: 'GroupID=[u]\n' }),
  fnEntry(0xd7, 'SMBsendtxt', { reqF1: 'GroupID=[u]\n' }),
  fnEntry(0xd1, 'SMBsendb', { reqF2: 'Source=[Z]\nDest=[Z]\n' }),
  fnEntry(0xd2, 'SMBfwdname'),
  fnEntry(0xd3, 'SMBcancelf'),
  fnEntry(0xd4, 'SMBgetmac'),
  fnEntry(0x72, 'SMBnegprot', { fn: printNegprot }),
  fnEntry(0x73, 'SMBsesssetupX', { fn: printSessSetup }, true),
  fnEntry(0x75, 'SMBtconX', { reqF1: 'Com2=[w]\nOff2=[u]\nFlags=[w]\nPassLen=[u]\nPasswd&Path&Device=\n', repF1: 'Com2=[w]\nOff2=[u]\n', repF2: 'ServiceType=[R]\n' }, true),
  fnEntry(0x24, 'SMBlockingX', { fn: printLockingAndX }, true),
  fnEntry(0x32, 'SMBtrans2', { fn: printTrans2 }),
  fnEntry(0x33, 'SMBtranss2'),
  fnEntry(0x0e, 'SMBctemp'),
  fnEntry(0x1c, 'SMBreadBs'),
  fnEntry(0x25, 'SMBtrans', { fn: printTrans }),
  fnEntry(0xa0, 'SMBnttrans'),
  fnEntry(0xa1, 'SMBnttranss'),
  fnEntry(0xa2, 'SMBntcreateX', {
    reqF1: 'Com2=[w]\nOff2=[u]\nRes=[b]\nNameLen=[lu]\nFlags=[W]\nRootDirectoryFid=[U]\nAccessMask=[W]\nAllocationSize=[L]\nExtFileAttributes=[W]\nShareAccess=[W]\nCreateDisposition=[W]\nCreateOptions=[W]\nImpersonationLevel=[W]\nSecurityFlags=[b]\n',
    reqF2: 'Path=[C]\n',
    repF1: 'Com2=[w]\nOff2=[u]\nOplockLevel=[b]\nFid=[u]\nCreateAction=[W]\nCreateTime=[T3]LastAccessTime=[T3]LastWriteTime=[T3]ChangeTime=[T3]ExtFileAttributes=[W]\nAllocationSize=[L]\nEndOfFile=[L]\nFileType=[w]\nDeviceState=[w]\nDirectory=[b]\n',
  }, true),
  fnEntry(0xa4, 'SMBntcancel'),
];

/** smbfind: the command's entry, or entry 0 (SMBunknown). */
function smbFind(command: number): SmbFn { return SMB_FNS.find((f) => f.id === command) ?? SMB_FNS[0]!; }

/** The name tcpdump gives SMBv1 command `command` (`SMBnegprot`, `SMBunknown`…). */
export function smbCommandName(command: number): string { return smbFind(command).name; }

// smbutil.c's DOS error tables: class → [code, name, message].
const DOS_ERRORS: ReadonlyArray<readonly [number, string, string]> = [
  [1, 'ERRbadfunc', 'Invalid function.'], [2, 'ERRbadfile', 'File not found.'], [3, 'ERRbadpath', 'Directory invalid.'],
  [4, 'ERRnofids', 'No file descriptors available'], [5, 'ERRnoaccess', 'Access denied.'], [6, 'ERRbadfid', 'Invalid file handle.'],
  [7, 'ERRbadmcb', 'Memory control blocks destroyed.'], [8, 'ERRnomem', 'Insufficient server memory to perform the requested function.'],
  [9, 'ERRbadmem', 'Invalid memory block address.'], [10, 'ERRbadenv', 'Invalid environment.'], [11, 'ERRbadformat', 'Invalid format.'],
  [12, 'ERRbadaccess', 'Invalid open mode.'], [13, 'ERRbaddata', 'Invalid data.'], [14, 'ERR', 'reserved.'],
  [15, 'ERRbaddrive', 'Invalid drive specified.'], [16, 'ERRremcd', "A Delete Directory request attempted to remove the server's current directory."],
  [17, 'ERRdiffdevice', 'Not same device.'], [18, 'ERRnofiles', 'A File Search command can find no more files matching the specified criteria.'],
  [32, 'ERRbadshare', 'The sharing mode specified for an Open conflicts with existing FIDs on the file.'],
  [33, 'ERRlock', 'A Lock request conflicted with an existing lock or specified an invalid mode, or an Unlock requested attempted to remove a lock held by another process.'],
  [80, 'ERRfilexists', 'The file named in a Create Directory, Make New File or Link request already exists.'],
  [230, 'ERRbadpipe', 'Pipe invalid.'], [231, 'ERRpipebusy', 'All instances of the requested pipe are busy.'], [232, 'ERRpipeclosing', 'Pipe close in progress.'],
  [233, 'ERRnotconnected', 'No process on other end of pipe.'], [234, 'ERRmoredata', 'There is more data to be returned.'],
];
const SERVER_ERRORS: ReadonlyArray<readonly [number, string, string]> = [
  [1, 'ERRerror', 'Non-specific error code.'], [2, 'ERRbadpw', 'Bad password - name/password pair in a Tree Connect or Session Setup are invalid.'],
  [3, 'ERRbadtype', 'reserved.'],
  [4, 'ERRaccess', 'The requester does not have the necessary access rights within the specified context for the requested function. The context is defined by the TID or the UID.'],
  [5, 'ERRinvnid', 'The tree ID (TID) specified in a command was invalid.'], [6, 'ERRinvnetname', 'Invalid network name in tree connect.'],
  [7, 'ERRinvdevice', 'Invalid device - printer request made to non-printer connection or non-printer request made to printer connection.'],
  [49, 'ERRqfull', 'Print queue full (files) -- returned by open print file.'], [50, 'ERRqtoobig', 'Print queue full -- no space.'],
  [51, 'ERRqeof', 'EOF on print queue dump.'], [52, 'ERRinvpfid', 'Invalid print file FID.'],
  [64, 'ERRsmbcmd', 'The server did not recognize the command received.'],
  [65, 'ERRsrverror', 'The server encountered an internal error, e.g., system file unavailable.'],
  [67, 'ERRfilespecs', 'The file handle (FID) and pathname parameters contained an invalid combination of values.'], [68, 'ERRreserved', 'reserved.'],
  [69, 'ERRbadpermits', 'The access permissions specified for a file or directory are not a valid combination.  The server cannot set the requested attribute.'],
  [70, 'ERRreserved', 'reserved.'], [71, 'ERRsetattrmode', 'The attribute mode in the Set File Attribute request is invalid.'],
  [81, 'ERRpaused', 'Server is paused.'], [82, 'ERRmsgoff', 'Not receiving messages.'], [83, 'ERRnoroom', 'No room to buffer message.'],
  [87, 'ERRrmuns', 'Too many remote user names.'], [88, 'ERRtimeout', 'Operation timed out.'], [89, 'ERRnoresource', 'No resources currently available for request.'],
  [90, 'ERRtoomanyuids', 'Too many UIDs active on this session.'], [91, 'ERRbaduid', 'The UID is not known as a valid ID on this session.'],
  [250, 'ERRusempx', 'Temp unable to support Raw, use MPX mode.'], [251, 'ERRusestd', 'Temp unable to support Raw, use standard read/write.'],
  [252, 'ERRcontmpx', 'Continue in MPX mode.'], [253, 'ERRreserved', 'reserved.'], [254, 'ERRreserved', 'reserved.'], [0xffff, 'ERRnosupport', 'Function not supported.'],
];
const HARD_ERRORS: ReadonlyArray<readonly [number, string, string]> = [
  [19, 'ERRnowrite', 'Attempt to write on write-protected diskette.'], [20, 'ERRbadunit', 'Unknown unit.'], [21, 'ERRnotready', 'Drive not ready.'],
  [22, 'ERRbadcmd', 'Unknown command.'], [23, 'ERRdata', 'Data error (CRC).'], [24, 'ERRbadreq', 'Bad request structure length.'], [25, 'ERRseek', 'Seek error.'],
  [26, 'ERRbadmedia', 'Unknown media type.'], [27, 'ERRbadsector', 'Sector not found.'], [28, 'ERRnopaper', 'Printer out of paper.'], [29, 'ERRwrite', 'Write fault.'],
  [30, 'ERRread', 'Read fault.'], [31, 'ERRgeneral', 'General failure.'], [32, 'ERRbadshare', 'A open conflicts with an existing open.'],
  [33, 'ERRlock', 'A Lock request conflicted with an existing lock or specified an invalid mode, or an Unlock requested attempted to remove a lock held by another process.'],
  [34, 'ERRwrongdisk', 'The wrong disk was found in a drive.'], [35, 'ERRFCBUnavail', 'No FCBs are available to process request.'], [36, 'ERRsharebufexc', 'A sharing buffer has been exceeded.'],
];
const ERROR_CLASSES: ReadonlyArray<readonly [number, string, ReadonlyArray<readonly [number, string, string]> | undefined]> = [
  [0, 'SUCCESS', undefined], [1, 'ERRDOS', DOS_ERRORS], [2, 'ERRSRV', SERVER_ERRORS], [3, 'ERRHRD', HARD_ERRORS], [4, 'ERRXOS', undefined],
  [0xe1, 'ERRRMX1', undefined], [0xe2, 'ERRRMX2', undefined], [0xe3, 'ERRRMX3', undefined], [0xff, 'ERRCMD', undefined],
];

/** smb_errstr: a DOS error class and code as tcpdump words them. */
export function smbErrstr(cls: number, num: number): string {
  const k = ERROR_CLASSES.find(([code]) => code === cls);
  if (k === undefined) return `ERROR: Unknown error (${cls},${num})`;
  const e = k[2]?.find(([code]) => code === num);
  return e !== undefined ? `${k[1]} - ${e[1]} (${e[2]})` : `${k[1]} - ${num}`;
}

let ntNames: Map<number, string> | undefined;
/** nt_errstr: an NT status by name, or in hex. */
export function ntErrstr(err: number): string {
  if (ntNames === undefined) { ntNames = new Map(); for (const [code, name] of NT_ERRORS) if (!ntNames.has(code)) ntNames.set(code, name); }
  return ntNames.get(err) ?? `0x${err.toString(16).padStart(8, '0')}`;
}

const SMB_HEADER_FORMAT = '[P4]SMB Command   =  [B]\nError class   =  [BP1]\nError code    =  [u]\nFlags1        =  [B]\nFlags2        =  [B][P13]\nTree ID       =  [u]\nProc ID       =  [u]\nUID           =  [u]\nMID           =  [u]\nWord Count    =  [b]\n';

/**
 * print_smb: an SMBv1 message, `length` bytes to tcpdump's `maxbuf` (what the NetBIOS or TCP
 * framing says, within the capture). The command line, and with -vv the header and each command
 * of an AndX chain through its format (or its own printer).
 */
export function printSmb(c: PrintContext, v: Smb, length: number): void {
  c.protocol = 'smb';
  const r = v.bytes.point(v.off, c.end);
  const maxbuf = length;
  request = (r.u8(9) & 0x80) === 0;
  let command = r.u8(4);
  let fn = smbFind(command);
  if (c.o.verbose > 1) c.write('\n');
  c.write(`SMB PACKET: ${fn.name} (${request ? 'REQUEST' : 'REPLY'})`);
  if (c.o.verbose < 2) return;
  c.write('\n');
  const flags2 = r.u16le(10);
  unicodestr = (flags2 & 0x8000) !== 0;
  const ntCodes = (flags2 & 0x4000) !== 0;
  smbFdata(c, r, 0, SMB_HEADER_FORMAT, SMB_HEADER_LENGTH + 1, unicodestr);
  if (ntCodes) {
    const nterror = r.u32le(5);
    if (nterror !== 0) c.write(`NTError = ${ntErrstr(nterror)}\n`);
  } else if (r.u8(5) !== 0) c.write(`SMBError = ${smbErrstr(r.u8(5), r.u16le(7))}\n`);

  let smboffset = SMB_HEADER_LENGTH;
  for (;;) {
    const words = smboffset;
    const wct = r.u8(words);
    const data = words + 1 + wct * 2;
    const maxwords = Math.min(data, maxbuf);
    const f1 = request ? fn.d.reqF1 : fn.d.repF1;
    const f2 = request ? fn.d.reqF2 : fn.d.repF2;
    smbReset();
    if (fn.d.fn !== undefined) fn.d.fn(c, r, words, data, maxbuf);
    else {
      if (wct !== 0) {
        if (f1 !== undefined) smbFdata(c, r, words + 1, f1, words + 1 + wct * 2, unicodestr);
        else for (let i = 0; words + 1 + 2 * i < maxwords; i++) { const w = r.u16le(words + 1 + 2 * i); c.write(`smb_vwv[${i}]=${w} (0x${w.toString(16).toUpperCase()})\n`); }
      }
      const bcc = r.u16le(data);
      c.write(`smb_bcc=${bcc}\n`);
      if (f2 !== undefined) { if (bcc > 0) smbFdata(c, r, data + 2, f2, data + 2 + bcc, unicodestr); }
      else if (bcc > 0) { c.write('smb_buf[]=\n'); smbDataPrint(c, r, data + 2, Math.min(bcc, bytesBetween(maxbuf, data + 2))); }
    }
    if (!fn.chain || wct === 0) break;
    command = r.u8(words + 1);
    if (command === 0xff) break;
    const next = r.u16le(words + 3);
    fn = smbFind(command);
    c.write(`\nSMB PACKET: ${fn.name} (${request ? 'REQUEST' : 'REPLY'}) (CHAINED)\n`);
    if (next <= smboffset) { c.write(`Bad andX offset: ${next} <= ${smboffset}\n`); break; }
    smboffset = next;
  }
}

/**
 * smb_tcp_print: SMB over TCP 445 (`length`: the TCP payload). The message after the 4-byte
 * prefix when it is SMBv1 (tcpdump prints SMB2/3 as raw data or continuation).
 */
export function printSmbDirect(c: PrintContext, v: NetbiosSession, length: number): void {
  c.protocol = 'smb_tcp';
  const caplen = c.avail(v.off);
  if (length < 4 || caplen < 4) { c.truncMark(); return; }
  const r = v.bytes.point(v.off, c.end);
  const smbLen = r.u24be(1);
  const left = length - 4, capLeft = caplen - 4;
  if (smbLen >= 4 && capLeft >= 4 && r.isSmb1At(4)) {
    if (smbLen > capLeft) {
      if (smbLen > left) c.write(' WARNING: Packet is continued in later TCP segments\n');
      else c.write(` WARNING: Short packet. Try increasing the snap length by ${smbLen - capLeft}\n`);
    } else c.write(' ');
    printLayer(c, Layer.Smb, v.off + NBSS_HEADER_LENGTH, Math.min(smbLen, capLeft));
  } else c.write(' SMB-over-TCP packet:(raw data or continuation?)\n');
}
