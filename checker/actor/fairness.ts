// Fairness for actor systems: which steps a fair run may not neglect for ever (for liveness
// properties; see checker/liveness/fairness.ts for what weak and strong mean).
//
// Defaults, per node group:
// - delivering a message in flight is weakly fair, one class per message (sender, receiver,
//   content; copies of one message share it): a message that stays deliverable is delivered;
// - an armed timer firing is weakly fair, one class per node and timer;
// - a crashed node restarting (where restarts are on) and a partition healing are weakly fair: a
//   node that never comes back is modelled by `faults.restart: false`, not by an unfair run;
// - a node's local choices are not fair (they model what the protocol leaves open, such as a
//   vote); `choices: 'weak'` makes each node's choices one weakly fair class (some choice is made),
//   `choices: (c) => …` gives each choice its own class (a process able to leave the critical
//   section does, while whether it asks again stays its own business);
// - faults (crash, loss, duplication, partition) are never fair.

import type { Fairness, FairnessKind } from '../liveness/fairness.ts';
import type { Id } from './actor.ts';
import type { ActorAction } from './actions.ts';

export type FairnessSetting = FairnessKind | 'none';

/** How fair a group's steps are; each field defaults as above. */
export interface GroupFairness {
  /** Delivery of a message to a node of the group. Default weak. */
  readonly deliver?: FairnessSetting;
  /** A timer of a node of the group firing. Default weak. */
  readonly timers?: FairnessSetting;
  /**
   * A node of the group making one of its choices. Default none. One setting: the node's choices
   * are one class (some choice is made); a function: each choice is a class of its own.
   */
  readonly choices?: FairnessSetting | ((choice: unknown) => FairnessSetting);
  /** A crashed node of the group restarting. Default weak. */
  readonly restart?: FairnessSetting;
}

const DEFAULTS: Required<GroupFairness> = { deliver: 'weak', timers: 'weak', choices: 'none', restart: 'weak' };

const as = (setting: FairnessSetting, cls: string): Fairness | undefined => (setting === 'none' ? undefined : { class: cls, kind: setting });

/** The fairness of each step of an actor system whose node `id` belongs to a group with `groupOf(id)`. */
export function actorFairness<M, C>(groupOf: (id: Id) => GroupFairness | undefined): (a: ActorAction<M, C>) => Fairness | undefined {
  const of = (id: Id): Required<GroupFairness> => ({ ...DEFAULTS, ...groupOf(id) });
  return (a) => {
    switch (a.kind) {
      case 'deliver':
        return as(of(a.to).deliver, `deliver ${a.from}→${a.to} ${JSON.stringify(a.msg)}`);
      case 'timeout':
        return as(of(a.node).timers, `timer ${a.node} ${a.timer}`);
      case 'choose': {
        const choices = of(a.node).choices;
        if (typeof choices === 'function') return as(choices(a.choice), `choice ${a.node} ${JSON.stringify(a.choice)}`);
        return as(choices, `choices of ${a.node}`);
      }
      case 'restart':
        return as(of(a.node).restart, `restart ${a.node}`);
      case 'heal':
        return { class: 'heal', kind: 'weak' };
      default:
        return undefined;
    }
  };
}

/** Per node id, the fairness of its group (groups numbered in order, `count` nodes each). */
export function fairnessByNode(groups: readonly { readonly count?: number; readonly fairness?: GroupFairness }[]): (id: Id) => GroupFairness | undefined {
  const byNode: (GroupFairness | undefined)[] = [];
  for (const g of groups) for (let i = 0; i < (g.count ?? 1); i++) byNode.push(g.fairness);
  return (id) => byNode[id];
}
