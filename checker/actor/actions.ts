// The actions of an actor system. Every fault is an action of its own, so a trace says exactly
// which message was lost and which node crashed when.

import type { Id } from './actor.ts';

export type ActorAction<M = unknown, C = unknown> =
  | { readonly kind: 'deliver'; readonly from: Id; readonly to: Id; readonly msg: M }
  | { readonly kind: 'timeout'; readonly node: Id; readonly timer: string }
  | { readonly kind: 'choose'; readonly node: Id; readonly choice: C }
  | { readonly kind: 'lose'; readonly from: Id; readonly to: Id; readonly msg: M }
  | { readonly kind: 'duplicate'; readonly from: Id; readonly to: Id; readonly msg: M }
  | { readonly kind: 'crash'; readonly node: Id }
  | { readonly kind: 'restart'; readonly node: Id }
  | { readonly kind: 'partition'; readonly isolated: readonly Id[] }
  | { readonly kind: 'heal' };

export type ActionKind = ActorAction['kind'];
