// A breadth-first level is written in chunks and read once, in order. Dropping the chunks already
// read lets the level being expanded shrink while the next one grows, so the two together peak at
// about one level's size rather than two.

/** Drops `chunks[0 .. upTo)`: walks back from `upTo` and stops at the first chunk dropped before. */
export function dropChunksBefore(chunks: unknown[], upTo: number): void {
  for (let k = upTo - 1; k >= 0 && chunks[k] !== undefined; k--) chunks[k] = undefined;
}

/** Bytes held by the chunks not dropped. */
export function chunkBytes(chunks: readonly ({ readonly byteLength: number } | undefined)[]): number {
  let n = 0;
  for (const c of chunks) n += c?.byteLength ?? 0;
  return n;
}
