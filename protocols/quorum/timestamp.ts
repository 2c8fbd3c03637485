// ABD's timestamps: (counter, node id), ordered lexicographically, so two writers never pick the
// same one.

// A plain (not readonly) tuple so that immer drafts accept it; states and messages are frozen anyway.
export type Timestamp = [counter: number, node: number];

export function compareTimestamps(a: Timestamp, b: Timestamp): number {
  return a[0] - b[0] || a[1] - b[1];
}

export function formatTimestamp(t: Timestamp): string {
  return `${t[0]}.${t[1]}`;
}
