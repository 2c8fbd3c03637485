// One-line labels of actor actions, for traces and diagrams.

import type { ActorAction } from './actions.ts';

export function formatActorAction<M>(a: ActorAction<M>, names: readonly string[], msg: (m: M) => string): string {
  const n = (id: number): string => names[id] ?? `node${id}`;
  switch (a.kind) {
    case 'deliver':
      return `${n(a.from)} → ${n(a.to)}: ${msg(a.msg)}`;
    case 'timeout':
      return `${n(a.node)}: timer ${a.timer} fires`;
    case 'choose':
      return `${n(a.node)}: ${choiceText(a.choice)}`;
    case 'lose':
      return `⌁ lost ${n(a.from)} → ${n(a.to)}: ${msg(a.msg)}`;
    case 'duplicate':
      return `⧉ duplicated ${n(a.from)} → ${n(a.to)}: ${msg(a.msg)}`;
    case 'crash':
      return `✗ ${n(a.node)} crashes`;
    case 'restart':
      return `↻ ${n(a.node)} restarts`;
    case 'partition':
      return `partition: {${a.isolated.map(n).join(', ')}} isolated`;
    case 'heal':
      return 'partition healed';
  }
}

/** A local choice as people read it. */
export function choiceText(choice: unknown): string {
  return typeof choice === 'string' ? choice : JSON.stringify(choice);
}
