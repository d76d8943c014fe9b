/**
 * Rx, AFS's RPC (tcpdump's print-rx.c): the header line of every packet type, the ack packet, and
 * the calls and replies of the AFS services by port (fs, cb, pt, vldb, kauth, vol, bos, and ubik
 * inside pt, vldb and kauth). A reply carries no opcode: it is printed by the call it answers,
 * found in tcpdump's cache of the last 64 calls, kept per printing context.
 */
import type { PrintContext } from './context.js';
import { CallTable, registerCallTable } from './call-table.js';
import { type Tok, tokName } from './tok.js';
import { safeChar } from './print-char.js';
import { RX_ACK_LENGTH, RX_HEADER_LENGTH, RxFlag, RxPort, RxType, type Rx, type RxData, type RxIpHeader } from '../../decoders/rx.js';

const RX_TYPES: Tok = [
  [1, 'data'], [2, 'ack'], [3, 'busy'], [4, 'abort'], [5, 'ackall'], [6, 'challenge'], [7, 'response'], [8, 'debug'],
  [9, 'params'], [13, 'version'],
];
/** Flags as -vv names them: [flag, the only packet type it has that meaning in (0: any), name]. */
const RX_FLAGS: ReadonlyArray<readonly [number, number, string]> = [
  [RxFlag.ClientInitiated, 0, 'client-init'], [RxFlag.RequestAck, 0, 'req-ack'], [RxFlag.LastPacket, 0, 'last-pckt'],
  [RxFlag.MorePackets, 0, 'more-pckts'], [RxFlag.FreePacket, 0, 'free-pckt'], [RxFlag.SlowStartOk, RxType.Ack, 'slow-start'],
  [RxFlag.Jumbo, RxType.Data, 'jumbogram'],
];
const FS_REQ: Tok = [
  [130, 'fetch-data'], [131, 'fetch-acl'], [132, 'fetch-status'], [133, 'store-data'], [134, 'store-acl'], [135, 'store-status'],
  [136, 'remove-file'], [137, 'create-file'], [138, 'rename'], [139, 'symlink'], [140, 'link'], [141, 'makedir'], [142, 'rmdir'],
  [143, 'oldsetlock'], [144, 'oldextlock'], [145, 'oldrellock'], [146, 'get-stats'], [147, 'give-cbs'], [148, 'get-vlinfo'],
  [149, 'get-vlstats'], [150, 'set-vlstats'], [151, 'get-rootvl'], [152, 'check-token'], [153, 'get-time'], [154, 'nget-vlinfo'],
  [155, 'bulk-stat'], [156, 'setlock'], [157, 'extlock'], [158, 'rellock'], [159, 'xstat-ver'], [160, 'get-xstat'],
  [161, 'dfs-lookup'], [162, 'dfs-flushcps'], [163, 'dfs-symlink'], [220, 'residency'], [65536, 'inline-bulk-status'],
  [65537, 'fetch-data-64'], [65538, 'store-data-64'], [65539, 'give-up-all-cbs'], [65540, 'get-caps'], [65541, 'cb-rx-conn-addr'],
];
const CB_REQ: Tok = [
  [204, 'callback'], [205, 'initcb'], [206, 'probe'], [207, 'getlock'], [208, 'getce'], [209, 'xstatver'], [210, 'getxstat'],
  [211, 'initcb2'], [212, 'whoareyou'], [213, 'initcb3'], [214, 'probeuuid'], [215, 'getsrvprefs'], [216, 'getcellservdb'],
  [217, 'getlocalcell'], [218, 'getcacheconf'], [65536, 'getce64'], [65537, 'getcellbynum'], [65538, 'tellmeaboutyourself'],
];
const PT_REQ: Tok = [
  [500, 'new-user'], [501, 'where-is-it'], [502, 'dump-entry'], [503, 'add-to-group'], [504, 'name-to-id'], [505, 'id-to-name'],
  [506, 'delete'], [507, 'remove-from-group'], [508, 'get-cps'], [509, 'new-entry'], [510, 'list-max'], [511, 'set-max'],
  [512, 'list-entry'], [513, 'change-entry'], [514, 'list-elements'], [515, 'same-mbr-of'], [516, 'set-fld-sentry'],
  [517, 'list-owned'], [518, 'get-cps2'], [519, 'get-host-cps'], [520, 'update-entry'], [521, 'list-entries'],
  [530, 'list-super-groups'],
];
const VLDB_REQ: Tok = [
  [501, 'create-entry'], [502, 'delete-entry'], [503, 'get-entry-by-id'], [504, 'get-entry-by-name'], [505, 'get-new-volume-id'],
  [506, 'replace-entry'], [507, 'update-entry'], [508, 'setlock'], [509, 'releaselock'], [510, 'list-entry'], [511, 'list-attrib'],
  [512, 'linked-list'], [513, 'get-stats'], [514, 'probe'], [515, 'get-addrs'], [516, 'change-addr'], [517, 'create-entry-n'],
  [518, 'get-entry-by-id-n'], [519, 'get-entry-by-name-n'], [520, 'replace-entry-n'], [521, 'list-entry-n'], [522, 'list-attrib-n'],
  [523, 'linked-list-n'], [524, 'update-entry-by-name'], [525, 'create-entry-u'], [526, 'get-entry-by-id-u'],
  [527, 'get-entry-by-name-u'], [528, 'replace-entry-u'], [529, 'list-entry-u'], [530, 'list-attrib-u'], [531, 'linked-list-u'],
  [532, 'regaddr'], [533, 'get-addrs-u'], [534, 'list-attrib-n2'],
];
const KAUTH_REQ: Tok = [
  [1, 'auth-old'], [21, 'authenticate'], [22, 'authenticate-v2'], [2, 'change-pw'], [3, 'get-ticket-old'], [23, 'get-ticket'],
  [4, 'set-pw'], [5, 'set-fields'], [6, 'create-user'], [7, 'delete-user'], [8, 'get-entry'], [9, 'list-entry'], [10, 'get-stats'],
  [11, 'debug'], [12, 'get-pw'], [13, 'get-random-key'], [14, 'unlock'], [15, 'lock-status'],
];
const VOL_REQ: Tok = [
  [100, 'create-volume'], [101, 'delete-volume'], [102, 'restore'], [103, 'forward'], [104, 'end-trans'], [105, 'clone'],
  [106, 'set-flags'], [107, 'get-flags'], [108, 'trans-create'], [109, 'dump'], [110, 'get-nth-volume'], [111, 'set-forwarding'],
  [112, 'get-name'], [113, 'get-status'], [114, 'sig-restore'], [115, 'list-partitions'], [116, 'list-volumes'],
  [117, 'set-id-types'], [118, 'monitor'], [119, 'partition-info'], [120, 'reclone'], [121, 'list-one-volume'], [122, 'nuke'],
  [123, 'set-date'], [124, 'x-list-volumes'], [125, 'x-list-one-volume'], [126, 'set-info'], [127, 'x-list-partitions'],
  [128, 'forward-multiple'], [65536, 'convert-ro'], [65537, 'get-size'], [65538, 'dump-v2'],
];
const BOS_REQ: Tok = [
  [80, 'create-bnode'], [81, 'delete-bnode'], [82, 'set-status'], [83, 'get-status'], [84, 'enumerate-instance'],
  [85, 'get-instance-info'], [86, 'get-instance-parm'], [87, 'add-superuser'], [88, 'delete-superuser'], [89, 'list-superusers'],
  [90, 'list-keys'], [91, 'add-key'], [92, 'delete-key'], [93, 'set-cell-name'], [94, 'get-cell-name'], [95, 'get-cell-host'],
  [96, 'add-cell-host'], [97, 'delete-cell-host'], [98, 'set-t-status'], [99, 'shutdown-all'], [100, 'restart-all'],
  [101, 'startup-all'], [102, 'set-noauth-flag'], [103, 're-bozo'], [104, 'restart'], [105, 'start-bozo-install'],
  [106, 'uninstall'], [107, 'get-dates'], [108, 'exec'], [109, 'prune'], [110, 'set-restart-time'], [111, 'get-restart-time'],
  [112, 'start-bozo-log'], [113, 'wait-all'], [114, 'get-instance-strings'], [115, 'get-restricted'], [116, 'set-restricted'],
];
const UBIK_REQ: Tok = [
  [10000, 'vote-beacon'], [10001, 'vote-debug-old'], [10002, 'vote-sdebug-old'], [10003, 'vote-getsyncsite'], [10004, 'vote-debug'],
  [10005, 'vote-sdebug'], [10006, 'vote-xdebug'], [10007, 'vote-xsdebug'], [20000, 'disk-begin'], [20001, 'disk-commit'],
  [20002, 'disk-lock'], [20003, 'disk-write'], [20004, 'disk-getversion'], [20005, 'disk-getfile'], [20006, 'disk-sendfile'],
  [20007, 'disk-abort'], [20008, 'disk-releaselocks'], [20009, 'disk-truncate'], [20010, 'disk-probe'], [20011, 'disk-writev'],
  [20012, 'disk-interfaceaddr'], [20013, 'disk-setversion'],
];
const VOLTYPE = ['read-write', 'read-only', 'backup'];
const AFS_FS_ERRORS: Tok = [
  [101, 'salvage volume'], [102, 'no such vnode'], [103, 'no such volume'], [104, 'volume exist'], [105, 'no service'],
  [106, 'volume offline'], [107, 'voline online'], [108, 'diskfull'], [109, 'diskquota exceeded'], [110, 'volume busy'],
  [111, 'volume moved'], [112, 'AFS IO error'], [0xffffff9c, 'restarting fileserver'],
];
const RX_ACK_REASONS: Tok = [
  [1, 'ack requested'], [2, 'duplicate packet'], [3, 'out of sequence'], [4, 'exceeds window'], [5, 'no buffer space'],
  [6, 'ping'], [7, 'ping response'], [8, 'delay'], [9, 'idle'],
];

// Limits of the strings print-rx.c prints (longer ones end the call's line with its truncation mark).
const AFSNAMEMAX = 256, PRNAMEMAX = 64, VLNAMEMAX = 65, KANAMEMAX = 64, BOSNAMEMAX = 256, AFSOPAQUEMAX = 1024, USERNAMEMAX = 1024;

const name = (t: Tok, v: number): string => tokName(t, `op#${v}`, v);
const isUbik = (op: number): boolean => (op >= 10000 && op <= 10007) || (op >= 20000 && op <= 20013);
const hex = (v: number, width: number): string => v.toString(16).padStart(width, '0');
const p2 = (v: number): string => (v < 10 ? `0${v}` : `${v}`);

/** tcpdump's `goto trunc` in a service's printer (an ND_TCHECK failed): its ` [|svc]`, and the line goes on. */
const TRUNC: { readonly rxTrunc: true } = Object.freeze({ rxTrunc: true });

/**
 * The AFS call's data after the header, read in order (tcpdump's `bp` and its FIDOUT, STROUT…
 * macros): a checked read past the capture unwinds to the packet's ` [|rx]`, a failed ND_TCHECK
 * throws TRUNC for the service's own mark.
 */
class Xdr {
  c!: PrintContext;
  d!: RxData;
  /** Byte offset from the packet's first byte. */
  p = 0;
  /** ND_TCHECK_LEN(bp, n). */
  check(n: number): void { if (!this.d.has(this.p + n)) throw TRUNC; }
  u32(): number { const v = this.d.u32(this.p); this.p += 4; return v; }
  s32(): number { const v = this.d.s32(this.p); this.p += 4; return v; }
  /** FIDOUT */
  fid(): void {
    this.check(12);
    const volume = this.u32(), vnode = this.u32();
    this.c.write(` fid ${volume}/${vnode}/${this.u32()}`);
  }
  /** INTOUT */
  int(): void { this.c.write(` ${this.s32()}`); }
  /** UINTOUT */
  uint(): void { this.c.write(` ${this.u32()}`); }
  /** UINT64OUT */
  uint64(): void { this.c.write(` ${this.d.u64(this.p)}`); this.p += 8; }
  /** DATEOUT: local time, as strftime's `%Y/%m/%d %H:%M:%S` of localtime(). */
  date(): void {
    const t = new Date(this.s32() * 1000);
    this.c.write(` ${t.getFullYear()}/${p2(t.getMonth() + 1)}/${p2(t.getDate())} ${p2(t.getHours())}:${p2(t.getMinutes())}:${p2(t.getSeconds())}`);
  }
  /** STROUT: a counted string, as far as it was captured (then the service's mark). */
  str(max: number): void {
    const n = this.u32();
    if (n > max) throw TRUNC;
    const c = this.c, d = this.d, p = this.p;
    c.write(' "');
    let k = 0;
    for (; k < n && d.has(p + k + 1); k++) c.write(safeChar(d.byte(p + k)));
    if (k < n) throw TRUNC;
    c.write('"');
    this.p += ((n + 3) >>> 2) * 4;
  }
  /** STOREATTROUT */
  storeAttr(): void {
    this.check(24);
    const c = this.c, mask = this.u32();
    if (mask) c.write(' StoreStatus');
    if (mask & 1) { c.write(' date'); this.date(); } else this.p += 4;
    let v = this.u32();
    if (mask & 2) c.write(` owner ${v}`);
    v = this.u32();
    if (mask & 4) c.write(` group ${v}`);
    v = this.u32();
    if (mask & 8) c.write(` mode ${(v & 0o7777).toString(8)}`);
    v = this.u32();
    if (mask & 16) c.write(` segsize ${v}`);
    if (mask & 1024) c.write(' fsync');
  }
  /** UBIK_VERSIONOUT */
  ubikVersion(): void {
    this.check(8);
    const epoch = this.u32();
    this.c.write(` ${epoch}.${this.u32()}`);
  }
  /** AFSUUIDOUT */
  uuid(): void {
    this.check(44);
    let s = ` ${hex(this.u32(), 8)}${hex(this.u32(), 4)}${hex(this.u32(), 4)}`;
    for (let i = 0; i < 8; i++) s += hex(this.u32() & 0xff, 2);
    this.c.write(s);
  }
  /** VECOUT: `max` words, each a character (its low byte), to the first NUL. */
  vec(max: number): void {
    this.check(max * 4);
    let s = ' "', end = false;
    for (let k = 0; k < max; k++) {
      const ch = this.u32() & 0xff;
      if (ch === 0) end = true;
      if (!end) s += safeChar(ch);
    }
    this.c.write(`${s}"`);
  }
  /** DESTSERVEROUT */
  destServer(): void {
    this.check(12);
    const a = this.u32(), b = this.u32();
    this.c.write(` server ${a}:${b}:${this.u32()}`);
  }
  /** A count, then that many of `item`, comma-separated, or ` <none!>`. */
  list(item: () => void, comma: boolean): void {
    const j = this.u32();
    for (let i = 0; i < j; i++) {
      item();
      if (comma && i !== j - 1) this.c.write(',');
    }
    if (j === 0) this.c.write(' <none!>');
  }
  /**
   * A call's or reply's fixed arguments: text (steps beginning with a space) and fields: u UINTOUT,
   * i INTOUT, U UINT64OUT, d DATEOUT, f FIDOUT, a STOREATTROUT, b UBIK_VERSIONOUT, x AFSUUIDOUT,
   * S DESTSERVEROUT, sN STROUT(N), vN VECOUT(N).
   */
  run(steps: readonly string[] | undefined): void {
    if (steps === undefined) return;
    for (const s of steps) {
      switch (s.charCodeAt(0)) {
        case 32: this.c.write(s); break;
        case 117: this.uint(); break;             // u
        case 105: this.int(); break;              // i
        case 85: this.uint64(); break;            // U
        case 100: this.date(); break;             // d
        case 102: this.fid(); break;              // f
        case 97: this.storeAttr(); break;         // a
        case 98: this.ubikVersion(); break;       // b
        case 120: this.uuid(); break;             // x
        case 83: this.destServer(); break;        // S
        case 115: this.str(Number(s.slice(1))); break;   // sN
        case 118: this.vec(Number(s.slice(1))); break;   // vN
        default: throw new Error(`rx: step ${s}`);
      }
    }
  }
}

// One reader, reused for every packet (nothing allocated per packet; Rx printers do not nest).
const x = new Xdr();

/** Runs a service printer, writing its ` [|svc]` where an ND_TCHECK failed (tcpdump's `trunc:` label). */
function guarded(c: PrintContext, mark: string, f: () => void): void {
  try {
    f();
  } catch (e) {
    if (e !== TRUNC) throw e;
    c.write(mark);
  }
}

/** A table of the calls or replies whose arguments are fixed steps (Xdr.run), by opcode. */
const steps = (entries: [number[], string][]): Map<number, readonly string[]> => {
  const m = new Map<number, readonly string[]>();
  for (const [ops, s] of entries) {
    const list = s.match(/' [^']*'|\S+/g)!.map((t) => (t.startsWith("'") ? t.slice(1, -1) : t));
    for (const op of ops) m.set(op, list);
  }
  return m;
};

const FS_CALL = steps([
  [[130], "f ' offset' u ' length' u"],
  [[131, 132, 143, 144, 145, 156, 157, 158], 'f'],
  [[135], 'f a'],
  [[133], "f a ' offset' u ' length' u ' flen' u"],
  [[137, 141], `f s${AFSNAMEMAX} a`],
  [[136, 142], `f s${AFSNAMEMAX}`],
  [[138], `' old' f s${AFSNAMEMAX} ' new' f s${AFSNAMEMAX}`],
  [[139], `f s${AFSNAMEMAX} ' link to' s${AFSNAMEMAX}`],
  [[140], `f s${AFSNAMEMAX} ' link to' f`],
  [[148], `s${AFSNAMEMAX}`],
  [[149, 150], "' volid' u"],
  [[154], `' volname' s${AFSNAMEMAX}`],
  [[65537], "f ' offset' U ' length' U"],
  [[65538], "f a ' offset' U ' length' U ' flen' U"],
  [[65541], "' addr' u"],
]);
const FS_REPLY = steps([
  [[137, 141], "' new' f"],
  [[151], `' root volume' s${AFSNAMEMAX}`],
  [[153], 'd'],
]);
const PT_CALL = steps([
  [[500], `s${PRNAMEMAX} ' id' i ' oldid' i`],
  [[501, 506, 508, 512, 514, 517, 518, 519, 530], "' id' i"],
  [[502], "' pos' i"],
  [[503, 507, 515], "' uid' i ' gid' i"],
  [[509], `s${PRNAMEMAX} ' flag' i ' oid' i`],
  [[511], "' id' i ' gflag' i"],
  [[513], `' id' i s${PRNAMEMAX} ' oldid' i ' newid' i`],
  [[520], `' id' i s${PRNAMEMAX}`],
]);
const VLDB_CALL = steps([
  [[501, 517], `v${VLNAMEMAX}`],
  [[504, 519, 524, 527], `s${VLNAMEMAX}`],
  [[505], "' bump' i"],
  [[510, 521], "' index' i"],
]);
const KAUTH_CALL = steps([
  [[1, 21, 22, 2, 5, 6, 7, 8, 14, 15], `' principal' s${KANAMEMAX} s${KANAMEMAX}`],
  [[4], `' principal' s${KANAMEMAX} s${KANAMEMAX} ' kvno' i`],
  [[12], `' name' s${KANAMEMAX}`],
]);
const VOL_CALL = steps([
  [[100], `' partition' u ' name' s${AFSNAMEMAX} ' type' u ' parent' u`],
  [[101, 107, 104], "' trans' u"],
  [[102], "' totrans' u ' flags' u"],
  [[103], "' fromtrans' u ' fromdate' d S ' desttrans' i"],
  [[105], `' trans' u ' purgevol' u ' newtype' u ' newname' s${AFSNAMEMAX}`],
  [[106], "' trans' u ' flags' u"],
  [[108], "' vol' u ' partition' u ' flags' u"],
  // 655537 (sic): print-rx.c's case for get-size (65537), which therefore prints no arguments.
  [[109, 655537], "' fromtrans' u ' fromdate' d"],
  [[110], "' index' u"],
  [[111], "' tid' u ' newsite' u"],
  [[112, 113], "' tid'"],
  [[114], `' name' s${AFSNAMEMAX} ' type' u ' pid' u ' cloneid' u`],
  [[116], "' partition' u ' flags' u"],
  [[117], `' tid' u ' name' s${AFSNAMEMAX} ' type' u ' pid' u ' clone' u ' backup' u`],
  [[119], `' name' s${AFSNAMEMAX}`],
  [[120], "' tid' u"],
  [[121, 122, 124, 125, 65536], "' partid' u ' volid' u"],
  [[123], "' tid' u ' date' d"],
  [[126], "' tid' u"],
  [[65538], "' fromtrans' u ' fromdate' d ' flags' u"],
]);
const VOL_REPLY = steps([
  [[100], "' volid' u ' trans' u"],
  [[104, 107], 'u'],
  [[105], "' newvol' u"],
  [[108], "' trans' u"],
  [[110], "' volume' u ' partition' u"],
  [[112], `s${AFSNAMEMAX}`],
  [[113], "' volid' u ' nextuniq' u ' type' u ' parentid' u ' clone' u ' backup' u ' restore' u ' maxquota' u ' minquota' u" +
    " ' owner' u ' create' d ' access' d ' update' d ' expire' d ' backup' d ' copy' d"],
]);
const BOS_CALL = steps([
  [[80], `' type' s${BOSNAMEMAX} ' instance' s${BOSNAMEMAX}`],
  [[81, 83, 85, 87, 88, 93, 96, 97, 104, 106, 108, 112, 114], `s${BOSNAMEMAX}`],
  [[82, 98], `s${BOSNAMEMAX} ' status' i`],
  [[86], `s${BOSNAMEMAX} ' num' i`],
  [[84, 89, 90, 91, 92, 95], 'i'],
  [[105], `s${BOSNAMEMAX} ' size' i ' flags' i ' date' i`],
]);
const UBIK_CALL = steps([
  [[10003], "' site' u"],
  [[20000, 20001, 20007, 20008, 20010], "' tid' b"],
  [[20003], "' tid' b ' file' i ' pos' i"],
  [[20005], "' file' i"],
  [[20006], "' file' i ' length' i ' dbversion' b"],
  [[20009], "' tid' b ' file' i ' length' i"],
  [[20012], "' tid' b ' oldversion' b ' newversion' b"],
]);

/** tcpdump's cache of recent calls (rx_cache): what a reply needs to be printed by its call. */
const RX_CACHE_SIZE = 64;
class RxCache extends CallTable {
  readonly width = 6;
  readonly callNumber = new Uint32Array(RX_CACHE_SIZE);
  /** The words at bytes 12 and 16 of the call's IP header (IPv4: source and destination). */
  readonly client = new Uint32Array(RX_CACHE_SIZE);
  readonly server = new Uint32Array(RX_CACHE_SIZE);
  readonly dport = new Uint16Array(RX_CACHE_SIZE);
  readonly serviceId = new Uint16Array(RX_CACHE_SIZE);
  readonly opcode = new Uint32Array(RX_CACHE_SIZE);
  next = 0;
  hint = 0;
  /** The opcode of the last lookup that found its call. */
  found = 0;
  insert(callNumber: number, client: number, server: number, dport: number, serviceId: number, opcode: number): void {
    const i = this.next;
    if (++this.next >= RX_CACHE_SIZE) this.next = 0;
    this.callNumber[i] = callNumber; this.client[i] = client; this.server[i] = server;
    this.dport[i] = dport; this.serviceId[i] = serviceId; this.opcode[i] = opcode;
    if (this.log !== undefined) this.log.push(callNumber, client, server, dport, serviceId, opcode);
  }

  enterLogged(call: readonly (number | string)[]): void {
    const [callNumber, client, server, dport, serviceId, opcode] = call as readonly number[];
    this.insert(callNumber!, client!, server!, dport!, serviceId!, opcode!);
  }

  /** A reply's call (the reply's destination is the call's client): true and `found` set, else false. */
  find(callNumber: number, clip: number, sip: number, serviceId: number, sport: number): boolean {
    this.lookedUp = true;
    let i = this.hint;
    do {
      if (this.callNumber[i] === callNumber && this.client[i] === clip && this.server[i] === sip &&
        this.serviceId[i] === serviceId && this.dport[i] === sport) {
        this.hint = i;
        this.found = this.opcode[i]!;
        return true;
      }
      if (++i >= RX_CACHE_SIZE) i = 0;
    } while (i !== this.hint);
    return false;
  }
}
const caches = new WeakMap<PrintContext, RxCache>();
function rxCache(c: PrintContext): RxCache {
  let m = caches.get(c);
  if (m === undefined) { m = new RxCache(); caches.set(c, m); }
  return m;
}

// Parallel printing carries the cache across chunks (call-table.ts).
registerCallTable('rx', rxCache);

/** The words at bytes 12 and 16 of the IP header the packet came in (what rx_cache_* read from `bp2`). */
function ipWords(c: PrintContext, rx: Rx): RxIpHeader {
  const ip = c.ip, off = ip.version === 4 ? ip.v4!.off : ip.v6!.off;
  return rx.ipHeader.point(off, c.end);
}

/** An Rx packet (`length` bytes per UDP), between UDP ports c.srcPort and c.dstPort. */
export function printRx(c: PrintContext, rx: Rx, length: number): void {
  c.protocol = 'rx';
  // tcpdump reads to its snapshot end (the IP length's), which may be past the UDP length's.
  const d = rx.data.point(rx.off, c.end);
  if (!d.has(RX_HEADER_LENGTH)) { c.write(` [|rx] (${length})`); return; }
  const type = d.type;
  c.write(` rx ${tokName(RX_TYPES, `type ${type}`, type)}`);
  const flags = d.flags, v = c.o.verbose;
  if (v) {
    if (v > 1) c.write(` cid ${hex(d.cid, 8)} call# ${d.callNumber}`);
    c.write(` seq ${d.seq} ser ${d.serial}`);
    if (v > 2) c.write(` secindex ${d.securityIndex} serviceid ${d.serviceId}`);
    if (v > 1) {
      let first = true;
      for (const [flag, only, s] of RX_FLAGS) {
        if ((flags & flag) === 0 || (only !== 0 && type !== only)) continue;
        c.write(first ? ` <${s}>` : `,<${s}>`);
        first = false;
      }
    }
  }
  const sport = c.srcPort, dport = c.dstPort;
  x.c = c; x.d = d;
  if (type === RxType.Data && d.seq === 1 && (flags & RxFlag.ClientInitiated) !== 0) {
    // A call: kept for its reply, then printed by the service its destination port is.
    if (d.has(RX_HEADER_LENGTH + 4)) {
      const ipw = ipWords(c, rx);
      rxCache(c).insert(d.callNumber, ipw.srcWord, ipw.dstWord, dport, d.serviceId, d.opcode);
    }
    if (length <= RX_HEADER_LENGTH) { c.write(` (${length})`); return; }
    switch (dport) {
      case RxPort.Fs: fsCall(c, d); break;
      case RxPort.Cb: cbCall(c, d); break;
      case RxPort.Prot: serviceCall(c, d, ' pt', PT_REQ, ' [|pt]', ptCall); break;
      case RxPort.Vldb: serviceCall(c, d, ' vldb', VLDB_REQ, ' [|vldb]', vldbCall); break;
      case RxPort.Kauth: serviceCall(c, d, ' kauth', KAUTH_REQ, ' [|kauth]', kauthCall); break;
      case RxPort.Vol: serviceCall(c, d, ' vol', VOL_REQ, ' [|vol]', volCall); break;
      case RxPort.Bos: serviceCall(c, d, ' bos', BOS_REQ, ' [|bos]', (op) => x.run(BOS_CALL.get(op))); break;
      default: break;
    }
  } else if (((type === RxType.Data && d.seq === 1) || type === RxType.Abort) && (flags & RxFlag.ClientInitiated) === 0 &&
    findCall(c, rx, d, sport)) {
    const op = rxCache(c).found;
    switch (sport) {
      case RxPort.Fs: fsReply(c, d, length, op); break;
      case RxPort.Cb: reply(c, d, length, op, ' cb', CB_REQ, ' [|cb]', false, cbReplyData); break;
      case RxPort.Prot: reply(c, d, length, op, ' pt', PT_REQ, ' [|pt]', true, ptReplyData); break;
      case RxPort.Vldb: reply(c, d, length, op, ' vldb', VLDB_REQ, ' [|vldb]', true, vldbReplyData); break;
      case RxPort.Kauth: reply(c, d, length, op, ' kauth', KAUTH_REQ, '', false, undefined); break;
      case RxPort.Vol: reply(c, d, length, op, ' vol', VOL_REQ, ' [|vol]', false, volReplyData); break;
      case RxPort.Bos: reply(c, d, length, op, ' bos', BOS_REQ, '', false, undefined); break;
      default: break;
    }
  } else if (type === RxType.Ack) {
    ackPrint(c, d, length);
  }
  c.write(` (${length})`);
}

/** rx_cache_find: the reply's call, by call number, addresses (reversed), service id and port. */
function findCall(c: PrintContext, rx: Rx, d: RxData, sport: number): boolean {
  const ipw = ipWords(c, rx);
  return rxCache(c).find(d.callNumber, ipw.dstWord, ipw.srcWord, d.serviceId, sport);
}

/** pt, vldb, kauth, vol, bos calls: the service's name (and ubik's calls inside the first three), the call, its arguments. */
function serviceCall(c: PrintContext, d: RxData, svc: string, req: Tok, mark: string, args: (op: number) => void): void {
  const op = d.opcode;
  const ubik = svc === ' pt' || svc === ' vldb' || svc === ' kauth';
  if (ubik) {
    c.write(svc);
    if (isUbik(op)) { ubikCall(c, d, op); return; }
    c.write(` call ${name(req, op)}`);
  } else {
    c.write(`${svc} call ${name(req, op)}`);
  }
  x.p = RX_HEADER_LENGTH + 4;
  guarded(c, mark, () => args(op));
}

function fsCall(c: PrintContext, d: RxData): void {
  const op = d.opcode;
  c.write(` fs call ${name(FS_REQ, op)}`);
  x.p = RX_HEADER_LENGTH + 4;
  guarded(c, ' [|fs]', () => {
    switch (op) {
      case 134: x.fid(); acl(c); return;                      // store-acl
      case 155: case 65536: x.list(() => x.fid(), true); return;   // bulk-stat, inline-bulk-status
      default: x.run(FS_CALL.get(op));
    }
  });
}

function fsReply(c: PrintContext, d: RxData, length: number, op: number): void {
  if (length <= RX_HEADER_LENGTH) return;
  c.write(` fs reply ${name(FS_REQ, op)}`);
  const type = d.type;
  x.p = RX_HEADER_LENGTH;
  guarded(c, ' [|fs]', () => {
    if (type === RxType.Data) {
      if (op === 131) acl(c);
      else x.run(FS_REPLY.get(op));
    } else if (type === RxType.Abort) {
      const e = x.s32();
      c.write(` error ${tokName(AFS_FS_ERRORS, `#${e}`, e >>> 0)}`);
    } else {
      c.write(` strange fs reply of type ${type}`);
    }
  });
}

function cbCall(c: PrintContext, d: RxData): void {
  const op = d.opcode;
  c.write(` cb call ${name(CB_REQ, op)}`);
  x.p = RX_HEADER_LENGTH + 4;
  guarded(c, ' [|cb]', () => {
    if (op === 204) {                                         // callback: fids, then callbacks
      x.list(() => x.fid(), true);
      const j = x.u32();
      if (j !== 0) c.write(';');
      for (let i = 0; i < j; i++) {
        c.write(' ver'); x.int();
        c.write(' expires'); x.date();
        x.u32();                                              // its type: read, not printed
      }
    } else if (op === 214) {
      c.write(' afsuuid'); x.uuid();
    }
  });
}

function cbReplyData(op: number): void { if (op === 213) x.uuid(); }

function ptCall(op: number): void {
  const c = x.c;
  switch (op) {
    case 504: x.list(() => x.vec(PRNAMEMAX), false); return;   // name-to-id
    case 505: c.write(' ids:'); x.list(() => x.int(), false); return;   // id-to-name
    default: x.run(PT_CALL.get(op));
  }
}

function ptReplyData(op: number): void {
  const c = x.c;
  switch (op) {
    case 504: c.write(' ids:'); x.list(() => x.int(), false); return;
    case 505: x.list(() => x.vec(PRNAMEMAX), false); return;
    case 508: case 514: case 517: case 518: case 519: x.list(() => x.int(), false); return;
    case 510: x.run([' maxuid', 'i', ' maxgid', 'i']); return;
    default:
  }
}

function vldbCall(op: number): void {
  const c = x.c;
  switch (op) {
    case 502: case 503: case 507: case 508: case 509: case 518: case 506: case 520: {
      c.write(' volid'); x.int();
      const i = x.u32();
      if (i <= 2) c.write(` type ${VOLTYPE[i]}`);
      if (op === 506 || op === 520) x.vec(VLNAMEMAX);
      return;
    }
    default: x.run(VLDB_CALL.get(op));
  }
}

/** A VLDB entry in a reply: name, servers (`n` of them: addresses, or with -u UUIDs), partitions, volume ids. */
function vldbEntry(n: number, skipWord: boolean, uuids: boolean): void {
  const c = x.c, d = x.d;
  x.vec(VLNAMEMAX);
  if (skipWord) { x.check(4); x.p += 4; }
  c.write(' numservers');
  const nservers = x.u32();
  c.write(` ${nservers}`);
  c.write(' servers');
  for (let i = 0; i < n; i++) {
    if (uuids) {
      if (i < nservers) { c.write(' afsuuid'); x.uuid(); } else { x.check(44); x.p += 44; }
    } else {
      x.check(4);
      if (i < nservers) { const a = d.u32(x.p); c.write(` ${a >>> 24}.${(a >>> 16) & 255}.${(a >>> 8) & 255}.${a & 255}`); }
      x.p += 4;
    }
  }
  if (uuids) { x.check(4 * n); x.p += 4 * n; }
  c.write(' partitions');
  for (let i = 0; i < n; i++) {
    const j = x.u32();
    if (i < nservers && j <= 26) c.write(` ${String.fromCharCode(97 + j)}`);
    else if (i < nservers) c.write(` ${j}`);
  }
  x.check(4 * n); x.p += 4 * n;
  x.run([' rwvol', 'u', ' rovol', 'u', ' backup', 'u']);
}

function vldbReplyData(op: number): void {
  switch (op) {
    case 510: x.run([' count', 'i', ' nextindex', 'i']); vldbEntry(8, true, false); return;
    case 503: case 504: vldbEntry(8, true, false); return;
    case 505: x.run([' newvol', 'u']); return;
    case 521: case 529: x.run([' count', 'i', ' nextindex', 'i']); vldbEntry(13, false, false); return;
    case 518: case 519: vldbEntry(13, false, false); return;
    case 526: case 527: vldbEntry(13, false, true); return;
    default:
  }
}

function kauthCall(op: number): void {
  const c = x.c;
  if (op === 3 || op === 23) {                                // get-ticket: kvno, domain, the ticket (skipped), principal
    c.write(' kvno'); x.int();
    c.write(' domain'); x.str(KANAMEMAX);
    const n = x.u32();
    x.check(n); x.p += n;
    c.write(' principal'); x.str(KANAMEMAX); x.str(KANAMEMAX);
    return;
  }
  x.run(KAUTH_CALL.get(op));
}

function volCall(op: number): void {
  x.run(VOL_CALL.get(op));
  // forward-multiple: then the destination servers.
  if (op === 128) { x.run([' fromtrans', 'u', ' fromdate', 'd']); x.list(() => x.destServer(), true); }
}

/** vol's replies: list-volumes and list-one-volume list the volumes, the others are fixed steps. */
function volReplyData(op: number): void {
  if (op !== 116 && op !== 121) { x.run(VOL_REPLY.get(op)); return; }
  const c = x.c;
  x.list(() => {
    c.write(' name'); x.vec(32);
    c.write(' volid'); x.uint();
    c.write(' type');
    x.p += 4 * 21;
  }, true);
}

/**
 * A reply of cb, pt, vldb, kauth, vol or bos (fs has its own): the service and the call's name
 * (ubik's replies inside pt, vldb and kauth), then for data what `data` prints, else the error code.
 */
function reply(c: PrintContext, d: RxData, length: number, op: number, svc: string, req: Tok, mark: string, ubikLenient: boolean,
  data: ((op: number) => unknown) | undefined): void {
  // pt and vldb test `length < sizeof(struct rx_header)`, the others `<=`.
  if (ubikLenient ? length < RX_HEADER_LENGTH : length <= RX_HEADER_LENGTH) return;
  const ubik = svc === ' pt' || svc === ' vldb' || svc === ' kauth';
  if (ubik) {
    c.write(svc);
    if (isUbik(op)) { ubikReply(c, d, length, op); return; }
    c.write(` reply ${name(req, op)}`);
  } else {
    c.write(`${svc} reply ${name(req, op)}`);
  }
  const type = d.type;
  x.p = RX_HEADER_LENGTH;
  const body = (): void => {
    if (type === RxType.Data) { if (data !== undefined) data(op); } else { c.write(' errcode'); x.int(); }
  };
  // kauth and bos have no `trunc:` label (nothing there can fail an ND_TCHECK).
  if (mark === '') body(); else guarded(c, mark, body);
}

function ubikCall(c: PrintContext, d: RxData, op: number): void {
  c.write(` ubik call ${name(UBIK_REQ, op)}`);
  x.p = RX_HEADER_LENGTH + 4;
  guarded(c, ' [|ubik]', () => {
    switch (op) {
      case 10000:                                            // beacon
        c.write(` syncsite ${x.u32() ? 'yes' : 'no'}`);
        x.run([' votestart', 'd', ' dbversion', 'b', ' tid', 'b']);
        return;
      case 20002:                                            // lock: the lock type is read, not printed
        x.run([' tid', 'b', ' file', 'i', ' pos', 'i', ' length', 'i']);
        x.u32();
        return;
      default: x.run(UBIK_CALL.get(op));
    }
  });
}

function ubikReply(c: PrintContext, d: RxData, length: number, op: number): void {
  if (length < RX_HEADER_LENGTH) return;
  c.write(` ubik reply ${name(UBIK_REQ, op)}`);
  const type = d.type;
  x.p = RX_HEADER_LENGTH;
  guarded(c, ' [|ubik]', () => {
    if (type === RxType.Data) {
      if (op === 10000) c.write(' vote no');
      else if (op === 20004) x.run([' dbversion', 'b']);
    } else if (op === 10000) {
      x.run([' vote yes until', 'd']);
    } else {
      x.run([' errcode', 'i']);
    }
  });
}

/**
 * acl_print: an AFS ACL, a text of `<positive> <negative>\n` then `<user> <rights>\n` lines, read as
 * tcpdump's sscanf() calls read it (from the counted string at x.p, to its first NUL, at most
 * AFSOPAQUEMAX bytes).
 */
function acl(c: PrintContext): void {
  const n = x.u32();
  x.check(n);
  const len = Math.min(AFSOPAQUEMAX, n);
  let s = '';
  for (let k = 0; k < len; k++) {
    const b = x.d.byte(x.p + k);
    if (b === 0) break;
    s += String.fromCharCode(b);
  }
  const sc = new Scan(s);
  const pos = sc.int(), neg = pos === undefined ? undefined : (sc.space(), sc.int());
  if (pos === undefined || neg === undefined) return;
  sc.space();
  for (const [count, sign] of [[pos, '+'], [neg, '-']] as const) {
    for (let i = 0; i < count; i++) {
      const user = sc.word(USERNAMEMAX);
      if (user === undefined) return;
      sc.space();
      const rights = sc.int();
      if (rights === undefined) return;
      sc.space();
      let u = '';
      for (let k = 0; k < user.length; k++) u += safeChar(user.charCodeAt(k));
      c.write(` ${sign}{${u} ${aclRights(rights)}}`);
    }
  }
}

/** The rights in the order the `fs` command prints them. */
function aclRights(a: number): string {
  return (a & 1 ? 'r' : '') + (a & 8 ? 'l' : '') + (a & 4 ? 'i' : '') + (a & 16 ? 'd' : '') + (a & 2 ? 'w' : '') +
    (a & 32 ? 'k' : '') + (a & 64 ? 'a' : '');
}

/** glibc sscanf's %d, %Ns and whitespace directives over a string (the C locale). */
class Scan {
  i = 0;
  constructor(readonly s: string) {}
  #isSpace(ch: number): boolean { return ch === 32 || (ch >= 9 && ch <= 13); }
  /** A whitespace directive: any amount of white space, none included. */
  space(): void { while (this.i < this.s.length && this.#isSpace(this.s.charCodeAt(this.i))) this.i++; }
  /** %d: an int (strtol's value, clamped to 64 bits, kept to its low 32), or undefined where there is none. */
  int(): number | undefined {
    this.space();
    const s = this.s;
    let j = this.i;
    if (s[j] === '+' || s[j] === '-') j++;
    const digits = j;
    while (j < s.length && s.charCodeAt(j) >= 48 && s.charCodeAt(j) <= 57) j++;
    if (j === digits) return undefined;
    let v = BigInt(s.slice(digits, j));
    if (s[this.i] === '-') v = -v;
    const max = (1n << 63n) - 1n, min = -(1n << 63n);
    if (v > max) v = max; else if (v < min) v = min;
    this.i = j;
    return Number(BigInt.asIntN(32, v));
  }
  /** %Ns: up to `max` characters that are not white space, or undefined at the end of the text. */
  word(max: number): string | undefined {
    this.space();
    const s = this.s, from = this.i;
    let j = from;
    while (j < s.length && j - from < max && !this.#isSpace(s.charCodeAt(j))) j++;
    if (j === from) return undefined;
    this.i = j;
    return s.slice(from, j);
  }
}

/** rx_ack_print: the ack packet's fields, the packets acknowledged and not (as ranges), and with -vv the optional fields. */
function ackPrint(c: PrintContext, d: RxData, length: number): void {
  if (length < RX_HEADER_LENGTH) return;
  let p = RX_HEADER_LENGTH;
  if (!d.has(p + RX_ACK_LENGTH)) { c.write(' [|ack]'); return; }
  const v = c.o.verbose;
  if (v > 2) c.write(` bufspace ${d.ackBufferSpace} maxskew ${d.ackMaxSkew}`);
  const first = d.ackFirstPacket;
  const reason = d.ackReason;
  c.write(` first ${first} serial ${d.ackSerial} reason ${tokName(RX_ACK_REASONS, `#${reason}`, reason)}`);
  const n = d.ackCount;
  p += RX_ACK_LENGTH;
  if (n !== 0) {
    if (!d.has(p + n)) { c.write(' [|ack]'); return; }
    ackRanges(c, d, n, first, 1, ' acked');
    ackRanges(c, d, n, first, 0, ' nacked');
    p += n;
  }
  p += 3;                                                     // padding
  if (v > 1) {
    for (const field of [' ifmtu', ' maxmtu', ' rwind', ' maxpackets']) {
      // TRUNCRET(4): stop quietly where fewer than 4 bytes are left.
      if (c.end - (d.off + p) + 1 <= 4) return;
      c.write(`${field} ${d.u32(p)}`);
      p += 4;
    }
  }
}

/** The packets whose ack byte is `want`, runs of them collapsed to `a-b`. */
function ackRanges(c: PrintContext, d: RxData, n: number, first: number, want: number, label: string): void {
  let i = 0, start = -2, last = -2;
  for (; i < n; i++) {
    if (d.ack(i) === want) {
      if (last === -2) { c.write(`${label} ${(first + i) >>> 0}`); start = i; }
      else if (last !== i - 1) { c.write(`,${(first + i) >>> 0}`); start = i; }
      last = i;
    } else if (last === i - 1 && start !== last) {
      c.write(`-${(first + i - 1) >>> 0}`);
    }
  }
  if (last === i - 1 && start !== last) c.write(`-${(first + i - 1) >>> 0}`);
}
