// The promise behind a live source's run(), shared by the AF_PACKET, TUN/TAP and libpcap sources.
import type { Batch } from './batch.js';

/**
 * One run of a live source: the consumer while it runs, and finish(), which ends it once — the
 * consumer is forgotten, the source shut down, the promise settled (rejected when given an error).
 */
export class SourceRun {
  /** The consumer of the run in progress; undefined before run() and after finish(). */
  consume: ((batch: Batch) => void) | undefined;
  #settle: ((err?: unknown) => void) | undefined;

  constructor(private readonly shutdown: () => void) {}

  /** Begin a run; the promise settles at finish(). */
  start(consume: (batch: Batch) => void): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.consume = consume;
      this.#settle = (err?: unknown) => { if (err === undefined) resolve(); else reject(err); };
    });
  }

  /** Shut the source down and settle the run in progress, if any; an error without a run is dropped, as there is no one to tell. */
  finish(err?: unknown): void {
    const settle = this.#settle;
    this.#settle = undefined;
    this.consume = undefined;
    this.shutdown();
    settle?.(err);
  }
}
