// The named bug variants of the clock protocols, each found by a spec configuration.

export type Bug =
  /** Lamport clocks: the receiver increments its own clock and ignores the received timestamp. */
  | 'lamport-no-max-on-receive'
  /** Vector clocks: a node sends without incrementing its own entry. */
  | 'vc-no-increment-on-send'
  /** Causal broadcast: a message is delivered as soon as it arrives, never held back. */
  | 'causal-deliver-on-arrival'
  /** Version-vector store: concurrent writes are resolved by a per-node wall clock, keeping one. */
  | 'last-writer-wins-wall-clock'
  /** Lamport's mutual exclusion: a node enters when its request heads its queue, without waiting
   *  for a later message from every other node. */
  | 'mutex-ignore-ack';
