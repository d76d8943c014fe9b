/**
 * NFS v2/v3 over Sun RPC (tcpdump's print-nfs.c, and print-sunrpc.c for -T rpc calls), from the
 * SunRpc view and its XDR and file handle sub-views. Positions are absolute indexes that move as
 * tcpdump's `dp` pointers do; a parse returns the position after what it read, or -1 (NULL). Replies
 * are interpreted by the call they answer, found in tcpdump's ring of the last 64 calls' xids.
 */
import type { IpInfo, PrintContext } from './context.js';
import { CallTable, registerCallTable } from './call-table.js';
import { viewCall } from './dispatch.js';
import { printN, tokName, type Tok } from './tok.js';
import { Layer } from '../../decoders/layer.js';
import {
  NFS_V2_FATTR_LENGTH, NFS_V2_FH_LENGTH, NFS_V2_STATFS_LENGTH, NFS_V3_FATTR_LENGTH, NFS_V3_FSINFO_LENGTH,
  NFS_V3_PATHCONF_LENGTH, NFS_V3_STATFS_LENGTH, RPC_RECORD_MARK_LENGTH, SUNRPC_MSG_LENGTH, type RpcRecordMark, type SunRpc, type XdrWords,
} from '../../decoders/sunrpc.js';

export const NFS_PORT = 2049;
// Procedure numbers (NFSv3's; v2's are mapped onto them).
const P = {
  NULL: 0, GETATTR: 1, SETATTR: 2, LOOKUP: 3, ACCESS: 4, READLINK: 5, READ: 6, WRITE: 7, CREATE: 8, MKDIR: 9, SYMLINK: 10,
  MKNOD: 11, REMOVE: 12, RMDIR: 13, RENAME: 14, LINK: 15, READDIR: 16, READDIRPLUS: 17, FSSTAT: 18, FSINFO: 19,
  PATHCONF: 20, COMMIT: 21, NOOP: 25,
} as const;
/** NFSv2 procedure → the generic (v3) number. */
const V2_PROCS = [P.NULL, P.GETATTR, P.SETATTR, P.NOOP, P.LOOKUP, P.READLINK, P.READ, P.NOOP, P.WRITE, P.CREATE, P.REMOVE,
  P.RENAME, P.LINK, P.SYMLINK, P.MKDIR, P.RMDIR, P.READDIR, P.FSSTAT, P.NOOP, P.NOOP, P.NOOP, P.NOOP, P.NOOP, P.NOOP, P.NOOP, P.NOOP];
const PROC_NAMES: Tok = [[P.NOOP, 'nop'], [P.NULL, 'null'], [P.GETATTR, 'getattr'], [P.SETATTR, 'setattr'], [P.LOOKUP, 'lookup'],
  [P.ACCESS, 'access'], [P.READLINK, 'readlink'], [P.READ, 'read'], [P.WRITE, 'write'], [P.CREATE, 'create'], [P.MKDIR, 'mkdir'],
  [P.SYMLINK, 'symlink'], [P.MKNOD, 'mknod'], [P.REMOVE, 'remove'], [P.RMDIR, 'rmdir'], [P.RENAME, 'rename'], [P.LINK, 'link'],
  [P.READDIR, 'readdir'], [P.READDIRPLUS, 'readdirplus'], [P.FSSTAT, 'fsstat'], [P.FSINFO, 'fsinfo'], [P.PATHCONF, 'pathconf'],
  [P.COMMIT, 'commit']];
const STATUS: Tok = [[1, 'Operation not permitted'], [2, 'No such file or directory'], [5, 'Input/output error'],
  [6, 'Device not configured'], [11, 'Resource deadlock avoided'], [12, 'Cannot allocate memory'], [13, 'Permission denied'],
  [17, 'File exists'], [18, 'Cross-device link'], [19, 'Operation not supported by device'], [20, 'Not a directory'],
  [21, 'Is a directory'], [22, 'Invalid argument'], [26, 'Text file busy'], [27, 'File too large'], [28, 'No space left on device'],
  [30, 'Read-only file system'], [31, 'Too many links'], [45, 'Operation not supported'], [62, 'Too many levels of symbolic links'],
  [63, 'File name too long'], [66, 'Directory not empty'], [69, 'Disc quota exceeded'], [70, 'Stale NFS file handle'],
  [71, 'Too many levels of remote in path'], [99, 'Write cache flushed to disk'], [10001, 'Illegal NFS file handle'],
  [10002, 'Update synchronization mismatch'], [10003, 'READDIR/READDIRPLUS cookie is stale'], [10004, 'Operation not supported'],
  [10005, 'Buffer or request is too small'], [10006, 'Unspecified error on server'], [10007, 'Object of that type not supported'],
  [10008, "Request couldn't be completed in time"]];
const WRITE_MODES: Tok = [[0, 'unstable'], [1, 'datasync'], [2, 'filesync']];
const FILE_TYPES: Tok = [[0, 'NON'], [1, 'REG'], [2, 'DIR'], [3, 'BLK'], [4, 'CHR'], [5, 'LNK'], [6, 'FIFO']];
const AUTH_STATUS: Tok = [[0, 'OK'], [1, 'Bogus Credentials (seal broken)'], [2, 'Rejected Credentials (client should begin new session)'],
  [3, 'Bogus Verifier (seal broken)'], [4, 'Verifier expired or was replayed'], [5, 'Credentials are too weak'],
  [6, 'Bogus response verifier'], [7, 'Unknown failure']];
const ACCEPT_STATUS: Tok = [[1, 'PROG_UNAVAIL'], [2, 'PROG_MISMATCH'], [3, 'PROC_UNAVAIL'], [4, 'GARBAGE_ARGS'], [5, 'SYSTEM_ERR']];
const PMAP_PROCS: Tok = [[0, 'null'], [1, 'set'], [2, 'unset'], [3, 'getport'], [4, 'dump'], [5, 'call']];

const roundup4 = (n: number): number => n + ((4 - (n % 4)) % 4);
/** The tok2str fallback tcpdump prints for a number without a name. */
const name = (t: Tok, fmt: string, v: number): string => tokName(t, fmt.replace('%u', String(v)), v);
/** printf's %06u. */
const u6 = (n: number): string => String(n).padStart(6, '0');

/** tcpdump's xid map: the last 64 calls (xid, addresses, procedure, version), a ring per printing context. */
class XidMap extends CallTable {
  readonly width = 6;
  readonly xid = new Array<number>(64).fill(0);
  readonly ipver = new Array<number>(64).fill(0);
  readonly client = new Array<string>(64).fill('');
  readonly server = new Array<string>(64).fill('');
  readonly proc = new Array<number>(64).fill(0);
  readonly vers = new Array<number>(64).fill(0);
  next = 0;
  hint = 0;
  enter(xid: number, ip: IpInfo, proc: number, vers: number): void { this.insert(xid, ip.version, ip.src, ip.dst, proc, vers); }
  insert(xid: number, ipver: number, client: string, server: string, proc: number, vers: number): void {
    const i = this.next;
    if (++this.next >= 64) this.next = 0;
    this.xid[i] = xid; this.ipver[i] = ipver; this.client[i] = client; this.server[i] = server;
    this.proc[i] = proc; this.vers[i] = vers;
    if (this.log !== undefined) this.log.push(xid, ipver, client, server, proc, vers);
  }
  enterLogged(call: readonly (number | string)[]): void {
    const [xid, ipver, client, server, proc, vers] = call;
    this.insert(xid as number, ipver as number, client as string, server as string, proc as number, vers as number);
  }
  find(xid: number, ip: IpInfo): number {
    this.lookedUp = true;
    let i = this.hint;
    do {
      if (this.ipver[i] === ip.version && this.xid[i] === xid && ip.src === this.server[i] && ip.dst === this.client[i]) {
        this.hint = i;
        return i;
      }
      if (++i >= 64) i = 0;
    } while (i !== this.hint);
    return -1;
  }
}
const maps = new WeakMap<PrintContext, XidMap>();
function xidMap(c: PrintContext): XidMap {
  let m = maps.get(c);
  if (m === undefined) { m = new XidMap(); maps.set(c, m); }
  return m;
}

// Parallel printing carries the map across chunks (call-table.ts).
registerCallTable('nfs', xidMap);

/** What print-udp.c tests before its ports: a call to or a reply from port 2049; true when printed. */
export function printNfsUdp(c: PrintContext, v: SunRpc, sport: number, dport: number, length: number): boolean {
  if (!v.wordCaptured(1)) return false;
  const direction = v.direction;
  if (dport === NFS_PORT && direction === 0) {
    c.write(`NFS request xid ${v.xid} `);
    printNfsRequest(c, v, length);
    return true;
  }
  if (sport === NFS_PORT && direction === 1) {
    c.write(`NFS reply xid ${v.xid} `);
    printNfsReply(c, v, length);
    return true;
  }
  return false;
}

/**
 * TCP port 2049 (print-tcp.c): the record mark's fragment length bounds the message; a call to or
 * a reply from the NFS port is printed, anything else nothing.
 */
export function printNfsTcp(c: PrintContext, v: SunRpc, fragmentLength: number, length: number): void {
  let fraglen = fragmentLength;
  if (fraglen > length - RPC_RECORD_MARK_LENGTH) fraglen = length - RPC_RECORD_MARK_LENGTH;
  if (!v.wordCaptured(1)) return;
  const direction = v.direction;
  if (c.dstPort === NFS_PORT && direction === 0) {
    c.write(`: NFS request xid ${v.xid} `);
    printNfsRequest(c, v, fraglen);
  } else if (c.srcPort === NFS_PORT && direction === 1) {
    c.write(`: NFS reply xid ${v.xid} `);
    printNfsReply(c, v, fraglen);
  }
}

/** -T rpc on UDP: calls as print-sunrpc.c prints them, replies as NFS replies, each with its addresses. */
export function printRpcForced(c: PrintContext, v: SunRpc, length: number): void {
  const ip = c.ip;
  if (v.direction === 0) {
    c.protocol = 'sunrpc';
    if (!v.has(SUNRPC_MSG_LENGTH)) { c.truncMark(); return; }
    const xid = `0x${v.xid.toString(16)}`;
    c.write(`${ip.src}.${xid} > ${ip.dst}.0x6f: ${length}`);
    const proc = v.procedure;
    c.write(` ${name(PMAP_PROCS, ' proc #%u', proc)}`);
    const rpcvers = v.rpcVersion;
    if (rpcvers !== 2) c.write(` [rpcver ${rpcvers}]`);
    if (proc === 1 || proc === 2 || proc === 3 || proc === 5) c.write(` ${v.program}.${v.programVersion}`);
    return;
  }
  c.protocol = 'nfs';
  c.write(`${ip.src}.${NFS_PORT} > ${ip.dst}.${v.xid}: `);
  printNfsReply(c, v, length);
}

/** Words of XDR at `at`, readable to the end of what was captured. */
function xdr(c: PrintContext, v: SunRpc, at: number): XdrWords { return v.xdr.point(at, c.end); }

/** nfsreq_noaddr_print. */
function printNfsRequest(c: PrintContext, v: SunRpc, length: number): void {
  c.protocol = 'nfs';
  c.write(`${length}`);
  if (!v.wordCaptured(5)) { c.truncMark(); return; }       // xid_map_enter needs the procedure
  if (c.ip.version === 4 || c.ip.version === 6) xidMap(c).enter(v.xid, c.ip, v.procedure, v.programVersion);
  const v3 = v.programVersion === 3;
  let proc = v.procedure;
  if (!v3 && proc < V2_PROCS.length) proc = V2_PROCS[proc]!;
  c.write(` ${name(PROC_NAMES, 'proc-%u', proc)}`);
  if (!request(c, v, proc, v3, length)) c.truncMark();
}

/** The arguments of procedure `proc`; false when they were cut short. */
function request(c: PrintContext, v: SunRpc, proc: number, v3: boolean, length: number): boolean {
  let dp: number;
  switch (proc) {
    case P.GETATTR: case P.SETATTR: case P.READLINK: case P.FSSTAT: case P.FSINFO: case P.PATHCONF:
      dp = parseReq(c, v, length);
      return dp >= 0 && parseFh(c, v, dp, v3) >= 0;
    case P.LOOKUP: case P.CREATE: case P.MKDIR: case P.REMOVE: case P.RMDIR:
      dp = parseReq(c, v, length);
      return dp >= 0 && parseFhn(c, v, dp, v3) >= 0;
    case P.ACCESS: {
      dp = parseReq(c, v, length);
      if (dp < 0 || (dp = parseFh(c, v, dp, v3)) < 0) return false;
      const flags = xdr(c, v, dp).word(0);
      if (flags & ~0x3f) c.write(` ${flags.toString(16).padStart(4, '0')}`);
      else if ((flags & 0x3f) === 0x3f) c.write(' NFS_ACCESS_FULL');
      else {
        let sep = ' ';
        const names = ['NFS_ACCESS_READ', 'NFS_ACCESS_LOOKUP', 'NFS_ACCESS_MODIFY', 'NFS_ACCESS_EXTEND', 'NFS_ACCESS_DELETE', 'NFS_ACCESS_EXECUTE'];
        for (let i = 0; i < 6; i++) if (flags & (1 << i)) { c.write(`${sep}${names[i]}`); sep = '|'; }
      }
      return true;
    }
    case P.READ: {
      dp = parseReq(c, v, length);
      if (dp < 0 || (dp = parseFh(c, v, dp, v3)) < 0) return false;
      const x = xdr(c, v, dp);
      c.write(v3 ? ` ${x.word(2)} bytes @ ${x.hyper(0)}` : ` ${x.word(1)} bytes @ ${x.word(0)}`);
      return true;
    }
    case P.WRITE: {
      dp = parseReq(c, v, length);
      if (dp < 0 || (dp = parseFh(c, v, dp, v3)) < 0) return false;
      const x = xdr(c, v, dp);
      if (v3) {
        c.write(` ${x.word(4)} (${x.word(2)}) bytes @ ${x.hyper(0)}`);
        if (c.o.verbose) c.write(` <${name(WRITE_MODES, '#%u', x.word(3))}>`);
      } else c.write(` ${x.word(3)} (${x.word(2)}) bytes @ ${x.word(1)} (${x.word(0)})`);
      return true;
    }
    case P.SYMLINK: {
      dp = parseReq(c, v, length);
      if (dp < 0 || (dp = parseFhn(c, v, dp, v3)) < 0) return false;
      c.write(' ->');
      let sa: Sattr3 | undefined;
      if (v3) { sa = parseSattr3(c, v, dp); dp = sa.next; }
      if (parseFn(c, v, dp) < 0) return false;
      if (sa !== undefined && c.o.verbose) printSattr3(c, sa);
      return true;
    }
    case P.MKNOD: {
      dp = parseReq(c, v, length);
      if (dp < 0 || (dp = parseFhn(c, v, dp, v3)) < 0) return false;
      const type = xdr(c, v, dp).word(0);
      const sa = parseSattr3(c, v, dp + 4);
      dp = sa.next;
      c.write(` ${name(FILE_TYPES, 'unk-ft %u', type)}`);
      if (c.o.verbose && (type === 4 || type === 3)) {
        const x = xdr(c, v, dp);
        c.write(` ${x.word(0)}/${x.word(1)}`);
      }
      if (c.o.verbose) printSattr3(c, sa);
      return true;
    }
    case P.RENAME:
      dp = parseReq(c, v, length);
      if (dp < 0 || (dp = parseFhn(c, v, dp, v3)) < 0) return false;
      c.write(' ->');
      return parseFhn(c, v, dp, v3) >= 0;
    case P.LINK:
      dp = parseReq(c, v, length);
      if (dp < 0 || (dp = parseFh(c, v, dp, v3)) < 0) return false;
      c.write(' ->');
      return parseFhn(c, v, dp, v3) >= 0;
    case P.READDIR: {
      dp = parseReq(c, v, length);
      if (dp < 0 || (dp = parseFh(c, v, dp, v3)) < 0) return false;
      const x = xdr(c, v, dp);
      if (v3) {
        c.write(` ${x.word(4)} bytes @ ${BigInt.asIntN(64, x.hyper(0))}`);
        if (c.o.verbose) c.write(` verf ${hex8(x.word(2))}${hex8(x.word(3))}`);
      } else c.write(` ${x.word(1)} bytes @ ${x.word(0)}`);
      return true;
    }
    case P.READDIRPLUS: {
      dp = parseReq(c, v, length);
      if (dp < 0 || (dp = parseFh(c, v, dp, v3)) < 0) return false;
      const x = xdr(c, v, dp);
      c.write(` ${x.word(4)} bytes @ ${BigInt.asIntN(64, x.hyper(0))}`);
      if (c.o.verbose) c.write(` max ${x.word(5)} verf ${hex8(x.word(2))}${hex8(x.word(3))}`);
      return true;
    }
    case P.COMMIT: {
      dp = parseReq(c, v, length);
      if (dp < 0 || (dp = parseFh(c, v, dp, v3)) < 0) return false;
      const x = xdr(c, v, dp);
      c.write(` ${x.word(2)} bytes @ ${x.hyper(0)}`);
      return true;
    }
  }
  return true;
}

const hex8 = (n: number): string => n.toString(16).padStart(8, '0');

/** parsereq: past the credentials and the verifier to the arguments; -1 when they were not all captured. */
function parseReq(c: PrintContext, v: SunRpc, length: number): number {
  let dp = v.credentialsOffset;
  if (length < 8) return -1;
  let len = xdr(c, v, dp).word(1);
  let rounded = roundup4(len);
  if (!xdr(c, v, dp + 8).captured4(0, rounded)) return -1;
  if (8 + rounded <= length) {
    dp += 8 + rounded;
    length -= 8 + rounded;
    if (length < 8) return -1;
    len = xdr(c, v, dp).word(1);
    rounded = roundup4(len);
    if (!xdr(c, v, dp + 8).captured4(0, rounded)) return -1;
    if (8 + rounded < length) return dp + 8 + rounded;
  }
  return -1;
}

/** parsefh: a file handle (v3: its length first), printed; -1 when it was not captured. */
function parseFh(c: PrintContext, v: SunRpc, dp: number, v3: boolean): number {
  let len: number;
  if (v3) { len = Math.floor(xdr(c, v, dp).word(0) / 4); dp += 4; }
  else len = NFS_V2_FH_LENGTH / 4;
  if (!xdr(c, v, dp).captured4(0, len * 4)) return -1;
  printFh(c, v, dp, len);
  return dp + len * 4;
}

/** nfs_printfh: ` fh major,minor/inode`, or the server's name / the unknown handle in hex. */
function printFh(c: PrintContext, v: SunRpc, dp: number, len: number): void {
  const fh = v.fileHandle.point(dp, c.end).parse(len);
  if (fh.fsName !== undefined) {
    let temp = fh.fsName.slice(0, Math.min(len, 64));
    const sp = temp.indexOf(' ');
    if (sp >= 0) temp = temp.slice(0, sp);
    c.write(` fh ${temp}/`);
  } else c.write(` fh ${fh.major},${fh.minor}/`);
  c.write(fh.minor === 257 ? fh.opaque : `${fh.ino}`);
}

/** parsefn: a quoted file name, padded to a word; -1 when it was cut short. */
function parseFn(c: PrintContext, v: SunRpc, dp: number): number {
  const len = xdr(c, v, dp).word(0);
  dp += 4;
  if (0xffffffff - len < 3) { c.write('[cannot pad to 32-bit boundaries] (invalid)'); return -1; }
  const rounded = roundup4(len);
  const x = xdr(c, v, dp);
  if (!x.captured4(0, rounded)) return -1;
  c.write('"');
  printN(c, x, 0, len);
  c.write('"');
  return dp + rounded;
}

function parseFhn(c: PrintContext, v: SunRpc, dp: number, v3: boolean): number {
  dp = parseFh(c, v, dp, v3);
  if (dp < 0) return -1;
  c.write(' ');
  return parseFn(c, v, dp);
}

/** An NFSv3 sattr3 as parse_sattr3 reads it (every word read, in order), for print_sattr3. */
interface Sattr3 { mode?: number; uid?: number; gid?: number; atime?: [number, number]; mtime?: [number, number]; next: number }
function parseSattr3(c: PrintContext, v: SunRpc, dp: number): Sattr3 {
  const x = xdr(c, v, dp);
  const sa: Sattr3 = { next: 0 };
  let w = 0;
  if (x.word(w++)) sa.mode = x.word(w++);
  if (x.word(w++)) sa.uid = x.word(w++);
  if (x.word(w++)) sa.gid = x.word(w++);
  if (x.word(w++)) x.word(w++);                    // size: read, not printed
  if (x.word(w++) === 2) { sa.atime = [x.word(w), x.word(w + 1)]; w += 2; }
  if (x.word(w++) === 2) { sa.mtime = [x.word(w), x.word(w + 1)]; w += 2; }
  sa.next = dp + 4 * w;
  return sa;
}
function printSattr3(c: PrintContext, sa: Sattr3): void {
  if (sa.mode !== undefined) c.write(` mode ${sa.mode.toString(8)}`);
  if (sa.uid !== undefined) c.write(` uid ${sa.uid}`);
  if (sa.gid !== undefined) c.write(` gid ${sa.gid}`);
  if (c.o.verbose > 1) {
    if (sa.atime !== undefined) c.write(` atime ${sa.atime[0]}.${u6(sa.atime[1])}`);
    if (sa.mtime !== undefined) c.write(` mtime ${sa.mtime[0]}.${u6(sa.mtime[1])}`);
  }
}

/** nfsreply_noaddr_print. */
function printNfsReply(c: PrintContext, v: SunRpc, length: number): void {
  c.protocol = 'nfs';
  if (!v.wordCaptured(2)) { c.truncMark(); return; }
  const stat = v.replyStatus;
  if (stat === 0) {
    c.write(`reply ok ${length}`);
    const m = xidMap(c);
    const i = m.find(v.xid, c.ip);
    if (i >= 0) interpReply(c, v, m.proc[i]!, m.vers[i]!, length);
  } else if (stat === 1) {
    c.write(`reply ERR ${length}: `);
    if (!v.wordCaptured(3)) { c.truncMark(); return; }
    const rstat = v.rejectStatus;
    if (rstat === 0) {
      if (!v.wordCaptured(5)) { c.truncMark(); return; }
      c.write(`RPC Version mismatch (${v.mismatchLow}-${v.mismatchHigh})`);
    } else if (rstat === 1) {
      if (!v.wordCaptured(4)) { c.truncMark(); return; }
      const why = v.authError;
      c.write(`Auth ${name(AUTH_STATUS, 'Invalid failure code %u', why)}`);
    } else c.write(`Unknown reason for rejecting rpc message ${rstat}`);
  } else c.write(`reply Unknown rpc response code=${stat} ${length}`);
}

/** Reply parsing state: an error was printed (tcpdump's nfserr: no trunc mark then). */
interface Err { e: boolean }

/** parserep: past the verifier to the results; -1 when not there or not accepted. */
function parseRep(c: PrintContext, v: SunRpc, length: number, err: Err): number {
  let dp = v.verifierOffset;
  const len = xdr(c, v, dp).word(1);
  if (len >= length) return -1;
  dp += Math.floor((len + 8 + 3) / 4) * 4;
  const astat = xdr(c, v, dp).word(0);
  if (astat !== 0) { c.write(` ${name(ACCEPT_STATUS, 'ar_stat %u', astat)}`); err.e = true; return -1; }
  return dp + 4;
}

/** parsestatus: the NFS status word (an error printed unless -q); returns [next, status]. */
function parseStatus(c: PrintContext, v: SunRpc, dp: number, err: Err): [number, number] {
  const errnum = xdr(c, v, dp).word(0);
  if (errnum !== 0) {
    if (!c.o.quiet) c.write(` ERROR: ${name(STATUS, 'unk %u', errnum)}`);
    err.e = true;
  }
  return [dp + 4, errnum];
}

/** parsefattr. */
function parseFattr(c: PrintContext, v: SunRpc, dp: number, verbose: number, v3: boolean): number {
  const x = xdr(c, v, dp);
  if (!x.captured4(0, 20)) return -1;
  if (verbose) {
    c.write(` ${name(FILE_TYPES, 'unk-ft %u ', x.word(0))} ${x.word(1).toString(8)} ids ${x.signedWord(3)}/${x.signedWord(4)}`);
    c.write(v3 ? ` sz ${x.hyper(5)}` : ` sz ${x.word(5)}`);
  }
  if (verbose > 1) {
    if (v3) {
      if (!x.captured4(76, 8)) return -1;
      c.write(` nlink ${x.word(2)} rdev ${x.word(9)}/${x.word(10)} fsid ${x.hyper(11).toString(16)} fileid ${x.hyper(13).toString(16)}`);
      c.write(` a/m/ctime ${x.word(15)}.${u6(x.word(16))} ${x.word(17)}.${u6(x.word(18))} ${x.word(19)}.${u6(x.word(20))}`);
    } else {
      if (!x.captured4(60, 8)) return -1;
      c.write(` nlink ${x.word(2)} rdev 0x${x.word(7).toString(16)} fsid 0x${x.word(9).toString(16)} nodeid 0x${x.word(10).toString(16)} a/m/ctime`);
      c.write(` ${x.word(11)}.${u6(x.word(12))} ${x.word(13)}.${u6(x.word(14))} ${x.word(15)}.${u6(x.word(16))}`);
    }
  }
  return dp + (v3 ? NFS_V3_FATTR_LENGTH : NFS_V2_FATTR_LENGTH);
}

function parseAttrStat(c: PrintContext, v: SunRpc, dp: number, verbose: number, v3: boolean, err: Err): boolean {
  const [next, er] = parseStatus(c, v, dp, err);
  if (er) return true;
  return parseFattr(c, v, next, verbose, v3) >= 0;
}

function parseDirOpRes(c: PrintContext, v: SunRpc, dp: number, err: Err): boolean {
  let [next, er] = parseStatus(c, v, dp, err);
  if (er) return true;
  next = parseFh(c, v, next, false);
  if (next < 0) return false;
  return parseFattr(c, v, next, c.o.verbose, false) >= 0;
}

function parseLinkRes(c: PrintContext, v: SunRpc, dp: number, v3: boolean, err: Err): boolean {
  let [next, er] = parseStatus(c, v, dp, err);
  if (er) return true;
  if (v3 && (next = parsePostOpAttr(c, v, next, c.o.verbose)) < 0) return false;
  c.write(' ');
  return parseFn(c, v, next) >= 0;
}

function parseStatfs(c: PrintContext, v: SunRpc, dp: number, v3: boolean, err: Err): boolean {
  let [next, er] = parseStatus(c, v, dp, err);
  if (!v3 && er) return true;
  if (c.o.quiet) return true;
  if (v3) {
    if (c.o.verbose) c.write(' POST:');
    if ((next = parsePostOpAttr(c, v, next, c.o.verbose)) < 0) return false;
  }
  const x = xdr(c, v, next);
  if (!x.captured4(0, v3 ? NFS_V3_STATFS_LENGTH : NFS_V2_STATFS_LENGTH)) return false;
  if (v3) {
    c.write(` tbytes ${x.hyper(0)} fbytes ${x.hyper(2)} abytes ${x.hyper(4)}`);
    if (c.o.verbose) c.write(` tfiles ${x.hyper(6)} ffiles ${x.hyper(8)} afiles ${x.hyper(10)} invar ${x.word(12)}`);
  } else c.write(` tsize ${x.word(0)} bsize ${x.word(1)} blocks ${x.word(2)} bfree ${x.word(3)} bavail ${x.word(4)}`);
  return true;
}

function parseRddirRes(c: PrintContext, v: SunRpc, dp: number, err: Err): boolean {
  const [next, er] = parseStatus(c, v, dp, err);
  if (er) return true;
  if (c.o.quiet) return true;
  const x = xdr(c, v, next);
  c.write(` offset 0x${x.word(0).toString(16)} size ${x.word(1)} `);
  if (x.word(2) !== 0) c.write(' eof');
  return true;
}

function parsePreOpAttr(c: PrintContext, v: SunRpc, dp: number, verbose: number): number {
  const x = xdr(c, v, dp);
  if (!x.word(0)) return dp + 4;
  dp += 4;
  const w = xdr(c, v, dp);
  if (!w.captured4(0, 24)) return -1;
  if (verbose > 1) c.write(` sz ${w.hyper(0)} mtime ${w.word(2)}.${u6(w.word(3))} ctime ${w.word(4)}.${u6(w.word(5))}`);
  return dp + 24;
}

function parsePostOpAttr(c: PrintContext, v: SunRpc, dp: number, verbose: number): number {
  if (!xdr(c, v, dp).word(0)) return dp + 4;
  dp += 4;
  return verbose ? parseFattr(c, v, dp, verbose, true) : dp + NFS_V3_FATTR_LENGTH;
}

function parseWccData(c: PrintContext, v: SunRpc, dp: number, verbose: number): number {
  if (verbose > 1) c.write(' PRE:');
  dp = parsePreOpAttr(c, v, dp, verbose);
  if (dp < 0) return -1;
  if (verbose) c.write(' POST:');
  return parsePostOpAttr(c, v, dp, verbose);
}

function parseCreateOpRes(c: PrintContext, v: SunRpc, dp: number, verbose: number, err: Err): number {
  let [next, er] = parseStatus(c, v, dp, err);
  if (er) return parseWccData(c, v, next, verbose);
  if (!xdr(c, v, next).word(0)) return next + 4;
  next = parseFh(c, v, next + 4, true);
  if (next < 0) return -1;
  if (verbose) {
    if ((next = parsePostOpAttr(c, v, next, verbose)) < 0) return -1;
    if (c.o.verbose > 1) {
      c.write(' dir attr:');
      next = parseWccData(c, v, next, verbose);
    }
  }
  return next;
}

function parseWccRes(c: PrintContext, v: SunRpc, dp: number, verbose: number, err: Err): number {
  const [next] = parseStatus(c, v, dp, err);
  return parseWccData(c, v, next, verbose);
}

function parseV3RddirRes(c: PrintContext, v: SunRpc, dp: number, verbose: number, err: Err): number {
  let [next, er] = parseStatus(c, v, dp, err);
  if (c.o.verbose) c.write(' POST:');
  if ((next = parsePostOpAttr(c, v, next, verbose)) < 0) return -1;
  if (er) return next;
  if (c.o.verbose) {
    const x = xdr(c, v, next);
    c.write(` verf ${hex8(x.word(0))}${hex8(x.word(1))}`);
    next += 8;
  }
  return next;
}

function parseFsinfo(c: PrintContext, v: SunRpc, dp: number, err: Err): boolean {
  let [next, er] = parseStatus(c, v, dp, err);
  if (c.o.verbose) c.write(' POST:');
  if ((next = parsePostOpAttr(c, v, next, c.o.verbose)) < 0) return false;
  if (er) return true;
  const x = xdr(c, v, next);
  if (!x.captured4(0, NFS_V3_FSINFO_LENGTH)) return false;
  c.write(` rtmax ${x.word(0)} rtpref ${x.word(1)} wtmax ${x.word(3)} wtpref ${x.word(4)} dtpref ${x.word(6)}`);
  if (c.o.verbose) {
    c.write(` rtmult ${x.word(2)} wtmult ${x.word(5)} maxfsz ${x.hyper(7)}`);
    c.write(` delta ${x.word(9)}.${u6(x.word(10))} `);
  }
  return true;
}

function parsePathconf(c: PrintContext, v: SunRpc, dp: number, err: Err): boolean {
  let [next, er] = parseStatus(c, v, dp, err);
  if (c.o.verbose) c.write(' POST:');
  if ((next = parsePostOpAttr(c, v, next, c.o.verbose)) < 0) return false;
  if (er) return true;
  const x = xdr(c, v, next);
  if (!x.captured4(0, NFS_V3_PATHCONF_LENGTH)) return false;
  c.write(` linkmax ${x.word(0)} namemax ${x.word(1)} ${x.word(2) ? 'notrunc' : ''} ${x.word(3) ? 'chownres' : ''} ${x.word(4) ? 'igncase' : ''} ${x.word(5) ? 'keepcase' : ''}`);
  return true;
}

/** interp_reply: the results of procedure `proc` of version `vers`. */
function interpReply(c: PrintContext, v: SunRpc, proc: number, vers: number, length: number): void {
  const v3 = vers === 3;
  if (!v3 && proc < V2_PROCS.length) proc = V2_PROCS[proc]!;
  c.write(` ${name(PROC_NAMES, 'proc-%u', proc)}`);
  const err: Err = { e: false };
  if (!reply(c, v, proc, v3, length, err) && !err.e) c.truncMark();
}

/** The results; false when they were cut short (or an error ended them). */
function reply(c: PrintContext, v: SunRpc, proc: number, v3: boolean, length: number, err: Err): boolean {
  const vf = c.o.verbose;
  let dp: number, er: number;
  switch (proc) {
    case P.GETATTR:
      dp = parseRep(c, v, length, err);
      return dp >= 0 && parseAttrStat(c, v, dp, c.o.quiet ? 0 : 1, v3, err);
    case P.SETATTR:
      dp = parseRep(c, v, length, err);
      if (dp < 0) return false;
      return v3 ? parseWccRes(c, v, dp, vf, err) >= 0 : parseAttrStat(c, v, dp, c.o.quiet ? 0 : 1, false, err);
    case P.LOOKUP:
      dp = parseRep(c, v, length, err);
      if (dp < 0) return false;
      if (!v3) return parseDirOpRes(c, v, dp, err);
      [dp, er] = parseStatus(c, v, dp, err);
      if (er) {
        if (vf > 1) {
          c.write(' post dattr:');
          if (parsePostOpAttr(c, v, dp, vf) < 0) return false;
        }
        return true;
      }
      if ((dp = parseFh(c, v, dp, true)) < 0) return false;
      if ((dp = parsePostOpAttr(c, v, dp, vf)) < 0) return false;
      if (vf > 1) {
        c.write(' post dattr:');
        if (parsePostOpAttr(c, v, dp, vf) < 0) return false;
      }
      return true;
    case P.ACCESS:
      dp = parseRep(c, v, length, err);
      if (dp < 0) return false;
      [dp, er] = parseStatus(c, v, dp, err);
      if (vf) c.write(' attr:');
      if ((dp = parsePostOpAttr(c, v, dp, vf)) < 0) return false;
      if (!er) c.write(` c ${xdr(c, v, dp).word(0).toString(16).padStart(4, '0')}`);
      return true;
    case P.READLINK:
      dp = parseRep(c, v, length, err);
      return dp >= 0 && parseLinkRes(c, v, dp, v3, err);
    case P.READ:
      dp = parseRep(c, v, length, err);
      if (dp < 0) return false;
      if (!v3) return parseAttrStat(c, v, dp, vf, false, err);
      [dp, er] = parseStatus(c, v, dp, err);
      if ((dp = parsePostOpAttr(c, v, dp, vf)) < 0) return false;
      if (!er && vf) {
        const x = xdr(c, v, dp);
        c.write(` ${x.word(0)} bytes`);
        if (x.word(1)) c.write(' EOF');
      }
      return true;
    case P.WRITE:
      dp = parseRep(c, v, length, err);
      if (dp < 0) return false;
      if (!v3) return parseAttrStat(c, v, dp, vf, false, err);
      [dp, er] = parseStatus(c, v, dp, err);
      if ((dp = parseWccData(c, v, dp, vf)) < 0) return false;
      if (!er && vf) {
        const x = xdr(c, v, dp);
        c.write(` ${x.word(0)} bytes`);
        if (vf > 1) c.write(` <${name(WRITE_MODES, '#%u', x.word(1))}> verf ${x.hyper(2).toString(16)}`);
      }
      return true;
    case P.CREATE: case P.MKDIR:
      dp = parseRep(c, v, length, err);
      if (dp < 0) return false;
      return v3 ? parseCreateOpRes(c, v, dp, vf, err) >= 0 : parseDirOpRes(c, v, dp, err);
    case P.SYMLINK:
      dp = parseRep(c, v, length, err);
      if (dp < 0) return false;
      if (v3) return parseCreateOpRes(c, v, dp, vf, err) >= 0;
      parseStatus(c, v, dp, err);
      return true;
    case P.MKNOD:
      dp = parseRep(c, v, length, err);
      return dp >= 0 && parseCreateOpRes(c, v, dp, vf, err) >= 0;
    case P.REMOVE: case P.RMDIR:
      dp = parseRep(c, v, length, err);
      if (dp < 0) return false;
      if (v3) return parseWccRes(c, v, dp, vf, err) >= 0;
      parseStatus(c, v, dp, err);
      return true;
    case P.RENAME:
      dp = parseRep(c, v, length, err);
      if (dp < 0) return false;
      [dp] = parseStatus(c, v, dp, err);
      if (v3 && vf) {
        c.write(' from:');
        if ((dp = parseWccData(c, v, dp, vf)) < 0) return false;
        c.write(' to:');
        if (parseWccData(c, v, dp, vf) < 0) return false;
      }
      return true;
    case P.LINK:
      dp = parseRep(c, v, length, err);
      if (dp < 0) return false;
      [dp] = parseStatus(c, v, dp, err);
      if (v3 && vf) {
        c.write(' file POST:');
        if ((dp = parsePostOpAttr(c, v, dp, vf)) < 0) return false;
        c.write(' dir:');
        if (parseWccData(c, v, dp, vf) < 0) return false;
      }
      return true;
    case P.READDIR:
      dp = parseRep(c, v, length, err);
      if (dp < 0) return false;
      return v3 ? parseV3RddirRes(c, v, dp, vf, err) >= 0 : parseRddirRes(c, v, dp, err);
    case P.READDIRPLUS:
      dp = parseRep(c, v, length, err);
      return dp >= 0 && parseV3RddirRes(c, v, dp, vf, err) >= 0;
    case P.FSSTAT:
      dp = parseRep(c, v, length, err);
      return dp >= 0 && parseStatfs(c, v, dp, v3, err);
    case P.FSINFO:
      dp = parseRep(c, v, length, err);
      return dp >= 0 && parseFsinfo(c, v, dp, err);
    case P.PATHCONF:
      dp = parseRep(c, v, length, err);
      return dp >= 0 && parsePathconf(c, v, dp, err);
    case P.COMMIT:
      dp = parseRep(c, v, length, err);
      if (dp < 0) return false;
      if ((dp = parseWccRes(c, v, dp, vf, err)) < 0) return false;
      if (vf > 1) c.write(` verf ${xdr(c, v, dp).hyper(0).toString(16)}`);
      return true;
  }
  return true;
}

/** TCP port 2049: the record mark, then the message it frames (print-tcp.c's NFS branch). */
export function printNfsRecord(c: PrintContext, mark: RpcRecordMark, length: number): void {
  if (length < RPC_RECORD_MARK_LENGTH || !mark.has(RPC_RECORD_MARK_LENGTH)) return;
  viewCall(c, Layer.SunRpc, mark.messageOffset, length - RPC_RECORD_MARK_LENGTH, mark.fragmentLength,
    (cc: PrintContext, v: SunRpc, _len: number, frag: number) => printNfsTcp(cc, v, frag, length));
}

/** print-udp.c's test before the port table: NFS calls to and replies from port 2049. */
export function nfsBeforeUdpPorts(c: PrintContext, sport: number, dport: number, off: number, length: number): boolean {
  if (sport !== NFS_PORT && dport !== NFS_PORT) return false;
  return viewCall(c, Layer.SunRpc, off, length, 0, (cc: PrintContext, v: SunRpc, len: number) => printNfsUdp(cc, v, sport, dport, len));
}
