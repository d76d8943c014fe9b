// What the fuzz runner (main thread) and its worker share: the job, the messages, and the layout
// of the shared memory the runner watches for hangs.

export interface WorkerJob {
  target: string;
  /** 'fuzz': mutate until time or inputs run out; 'replay': run `inputs` once each. */
  mode: 'fuzz' | 'replay';
  seconds: number;
  maxInputs: number;
  seed: number;
  coverage: boolean;
  inputs: Uint8Array[];
  /** Int32 slots (see `Slot`), then the bytes of the input being run. */
  shared: SharedArrayBuffer;
}

export type WorkerMessage =
  | { type: 'failure'; input: Uint8Array; original: Uint8Array; message: string }
  | { type: 'done'; inputs: number; corpus: number; coverage: number; kinds: number };

export const SHARED_HEADER = 16;
/** Int32 slots: State 0 idle / 1 running an input; Length of the input; Count of inputs started; Limit in ms for this input (0: the default). */
export const Slot = { State: 0, Length: 1, Count: 2, Limit: 3 } as const;
