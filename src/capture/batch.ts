import type { CaptureInterface } from './capture-interface.js';

/**
 * A run of frames from one source, as DESIGN.md describes: one byte region plus per-frame
 * columns. Columns are at least `count` long and are reused by the source; frame bytes and
 * columns are valid only until the consumer returns (a ring block goes back to the kernel,
 * a file buffer is refilled). A consumer that keeps a frame copies it.
 */
export interface Batch {
  /** LINKTYPE_* of every frame in this batch (a source starts a new batch when it changes). */
  readonly linkType: number;
  /** Number of frames. */
  readonly count: number;
  /** The region holding the frames. */
  readonly bytes: Uint8Array;
  /** Frame i is `bytes[offset[i] .. offset[i] + capLen[i])`. */
  readonly offset: Uint32Array;
  /** Bytes captured. */
  readonly capLen: Uint32Array;
  /** Length on the wire. */
  readonly origLen: Uint32Array;
  /** Timestamp, whole seconds since the epoch (UTC); negative from a pcap file, whose field is signed. */
  readonly sec: Float64Array;
  /**
   * Timestamp, nanoseconds within the second (0..999999999). A damaged pcap record's fraction
   * field out of that range is kept as libpcap hands it to tcpdump (µs × 1000, either sign), so
   * it prints as tcpdump prints it; only capture files have such values (a Float64Array column).
   */
  readonly nsec: Uint32Array | Float64Array;
  /**
   * The interface every frame of the batch came from (a source starts a new batch when it
   * changes); undefined when the source has no more to say than the link type (a pcap file).
   */
  readonly iface?: CaptureInterface;
  /** Per frame: pcapng epb_flags (direction and reception type, capture-interface.ts); absent or 0 = unknown. */
  readonly flags?: Uint32Array;
  /** Packets lost just before the first frame of the batch (pcapng epb_dropcount); absent or 0 = none known. */
  readonly drops?: number;
  /**
   * Bytes in front of every frame that the consumer may overwrite until it returns (a live ring's
   * frame headers, already read): a writer puts each record's header there and has the kernel
   * write header and frame in one piece (writeSpans). Absent or 0: none.
   */
  readonly headroom?: number;
}

/** Counters a live source reports at exit (tcpdump's three lines). */
export interface CaptureStats {
  /** Frames the source delivered to vcap (after the kernel filter). */
  received: number;
  /** Frames the kernel dropped because the ring was full. */
  dropped: number;
  /** Set when the source cannot read the kernel's counters (the libpcap backend): why; the two counts are then vcap's own. */
  unavailable?: string;
  /** Frames handed to vcap's consumer (after -Q and any user-space filter). */
  delivered?: number;
  /** What the device itself counted while the capture ran: packets in the captured directions, and its rx drops. */
  ifRecv?: number;
  ifDrop?: number;
  /** When the capture started and when these counters were taken (ms since the epoch). */
  startMs?: number;
  endMs?: number;
}

/**
 * Anything that yields batches: a capture file or stream, an AF_PACKET ring, a TUN/TAP fd.
 * `run` calls `consume` once per batch, synchronously; it resolves at the end of the input
 * or after `stop()`, and rejects with a VcapError on damage or a failed syscall, after every
 * good frame before the damage has been delivered.
 */
export interface BatchSource {
  readonly linkType: number;
  readonly snaplen: number;
  run(consume: (batch: Batch) => void): Promise<void>;
  stop(): void;
  stats?(): CaptureStats;
}
