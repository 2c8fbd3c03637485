// Single-decree Paxos: the correct protocol and its named bug variants.

export type Bug =
  /** An acceptor does not make its promise durable: after a crash it accepts a lower ballot. */
  | 'promise-not-durable'
  /** In phase 2 a proposer proposes its own value instead of the value of the highest accepted
   *  ballot among the promises. */
  | 'ignore-accepted-value'
  /** Ballots are round numbers only: two proposers may lead the same ballot. */
  | 'non-unique-ballots';

export interface PaxosOptions {
  /** Servers: each is proposer, acceptor and learner. */
  readonly servers: number;
  /** Clients: client k proposes its own value to server k mod servers. */
  readonly clients: number;
  /** The highest round a proposer may start (a retry timer starts the next one); bounds the run. */
  readonly maxRound?: number;
  readonly bug?: Bug;
}
