// Columns of numbers that grow as they fill, shared by every stage that keeps them.

type Column = Uint8Array | Uint32Array | Int32Array | Float64Array;

/** A copy of `column` with room for `size` values, the new ones zero. */
export function grown<T extends Column>(column: T, size: number): T {
  const to = new (column.constructor as new (length: number) => T)(size);
  to.set(column);
  return to;
}
