// Batch columns that outgrow their arrays: a longer array of the same kind, the old values kept.

/** A copy of `a` with room for `size` values. */
export function grown<T extends Uint32Array | Float64Array>(a: T, size: number): T {
  const b = (a instanceof Float64Array ? new Float64Array(size) : new Uint32Array(size)) as T;
  b.set(a);
  return b;
}
