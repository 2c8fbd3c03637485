// The correct sender and its named bug.

export type Bug =
  /** The sender sends its request once and waits: a lost request or reply is never made good. */
  'no-retransmission';

export interface RetransmitOptions {
  /** How many messages the link may lose in a run. */
  readonly lose: number;
  /** How many times the sender resends before giving up; more than `lose` makes the answer certain. */
  readonly retries: number;
  readonly bug?: Bug;
}
