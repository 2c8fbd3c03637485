// The correct protocol and its named bug variants.

export type Bug =
  /** The coordinator decides commit when a vote times out, instead of abort. */
  | 'presume-commit-on-timeout'
  /** A participant does not make its yes vote durable: after a crash it aborts on its own. */
  | 'vote-not-durable'
  /** The coordinator sends its decision without logging it; after a restart it decides again. */
  | 'decision-not-logged';

export interface TwoPhaseOptions {
  readonly participants: number;
  readonly bug?: Bug;
}
