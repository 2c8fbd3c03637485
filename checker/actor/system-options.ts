// How an actor system is declared: its roles and how many nodes play each, the network, the
// faults a run may have, the properties, and the reductions it allows.

import type { Property } from '../properties.ts';
import type { GroupFairness } from './fairness.ts';
import type { SystemView } from './system-view.ts';
import type { Actor, Id } from './actor.ts';
import type { SymmetryOptions } from './symmetry.ts';
import type { SystemState } from './system-state.ts';

export interface NetworkOptions {
  /** FIFO per channel; a multiset when false (the default). */
  readonly ordered?: boolean;
  /** How many messages the network may lose in a run. */
  readonly lose?: number;
  /** How many messages the network may duplicate in a run. */
  readonly duplicate?: number;
}

/**
 * A server named in a fault option: a role (its actor's `name`, every node playing it), a node's
 * display name (`server2`), or a node id.
 */
export type NodeSelector = string | Id;

export interface FaultOptions {
  /** How many crashes a run may have (clients never crash). */
  readonly crashes?: number;
  /** Which servers may crash (the budget is shared among them). Default: every server. */
  readonly crashable?: readonly NodeSelector[];
  /** Whether a crashed node restarts (from its durable state). Default true. */
  readonly restart?: boolean;
  /** Whether a crash also loses the messages in flight to the node. Default true. */
  readonly crashLosesMessages?: boolean;
  /** How many partitions a run may have. A partition splits the servers in two until `heal`;
   *  messages between the sides wait in the network. Clients reach every server. */
  readonly partitions?: number;
  /**
   * Which servers a partition may isolate: a partition's cut leaves one side made only of these
   * (the other side holds the rest of the servers). Default: every server, so every split.
   */
  readonly partitionable?: readonly NodeSelector[];
  /**
   * A perfect failure detector: when a server crashes, every other live node whose actor has
   * `onPeerDown` is told in the same step; when it restarts, every other live node's `onPeerUp`
   * runs, and the restarted node's `onPeerDown` for each server still down. See failure-detector.ts.
   */
  readonly failureDetector?: boolean;
}

/** One role of the system and how many nodes play it. Client groups fix the types of the
 *  operations in the clients' history (`I`, `O`). */
// eslint-disable-next-line @typescript-eslint/no-unused-vars
export type ActorGroup<S, M, I = unknown, O = unknown> = ServerGroup<M> | ClientGroup<M, I, O>;

interface ServerGroup<M> {
  // Erased: actors of different roles (different states, choices, client operations) share one
  // system, whose state type S is the union of their states.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly actor: Actor<any, M, any, any, any>;
  readonly count?: number;
  readonly client?: false;
  /** Which of the group's steps are fair, for liveness properties (defaults in fairness.ts). */
  readonly fairness?: GroupFairness;
}

interface ClientGroup<M, I, O> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly actor: Actor<any, M, any, I, O>;
  readonly count?: number;
  /** Client actors record the history and are outside faults and partitions. */
  readonly client: true;
  /** Which of the group's steps are fair, for liveness properties (defaults in fairness.ts). */
  readonly fairness?: GroupFairness;
}

/** A property of a system: it sees the state and, if it asks, the system's view. */
export type SystemProperty<S, M, I = unknown, O = unknown> = Property<SystemState<S, M, I, O>, SystemView>;

export interface ActorSystemOptions<S, M, I = unknown, O = unknown> {
  readonly actors: readonly ActorGroup<S, M, I, O>[];
  readonly network?: NetworkOptions;
  readonly faults?: FaultOptions;
  readonly properties: readonly SystemProperty<S, M, I, O>[];
  readonly within?: (s: SystemState<S, M, I, O>) => boolean;
  /**
   * A delivery that changes nothing (same state, nothing sent) is not a transition by default: the
   * message stays in flight (Stateright's semantics). Keep them to model consuming such messages.
   */
  readonly keepNoopDeliveries?: boolean;
  readonly formatMessage?: (m: M) => string;
  /**
   * Keep the true happens-before relation in the state (`SystemState.causality`): every event's
   * true vector clock and the protocol's `ctx.stamp`. See causality.ts.
   */
  readonly causality?: boolean;
  /**
   * Interchangeable nodes: groups of server ids (`[[1, 2, 3]]`), or the groups with hooks that
   * rename node ids inside states and messages. Used when the search asks for symmetry
   * (`--symmetry`); see symmetry.ts.
   */
  readonly symmetry?: readonly (readonly Id[])[] | SymmetryOptions<S, M>;
}
