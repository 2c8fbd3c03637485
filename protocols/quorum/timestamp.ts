// ABD's timestamps: (counter, node id), ordered lexicographically, so two writers never pick the
// same one.

export type Timestamp = readonly [counter: number, node: number];

export function compareTimestamps(a: Timestamp, b: Timestamp): number {
  return a[0] - b[0] || a[1] - b[1];
}

export function formatTimestamp(t: Timestamp): string {
  return `${t[0]}.${t[1]}`;
}
