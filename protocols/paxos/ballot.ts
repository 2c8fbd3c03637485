// Ballots: (round, proposer id), ordered lexicographically. The proposer id makes them unique: two
// proposers never lead the same ballot (the `non-unique-ballots` bug drops it).

// A plain (not readonly) tuple so that immer drafts accept it; states and messages are frozen anyway.
export type Ballot = [round: number, proposer: number];

export function compareBallots(a: Ballot, b: Ballot): number {
  return a[0] - b[0] || a[1] - b[1];
}

export const sameBallot = (a: Ballot, b: Ballot): boolean => a[0] === b[0] && a[1] === b[1];

export function formatBallot(b: Ballot): string {
  return `${b[0]}.${b[1]}`;
}
