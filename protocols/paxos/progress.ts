// Progress of single-decree Paxos where a finite model can show it honestly: with one proposer
// (one client proposing through one server, a stable leader), under fair delivery and timers,
// the client's value is eventually chosen and the client told. With two proposers and ballots
// bounded by `maxRound`, a proposer that loses its last round cannot retry, so its client may wait
// for ever: an artefact of the bound (dueling proposers need unbounded ballots, which no finite
// model has), not a bug of the protocol.
//
// The bug `chosen-not-reported`: the proposer learns the chosen value but never tells its client.
// Agreement and the other safety properties still hold; the client waits for ever.

import { actorSystem, eventually, type Actor, type Context } from '../../checker/index.ts';
import {
  agreement,
  client,
  formatMessage,
  learnersAgree,
  server,
  validity,
  type ClientState,
  type Message,
  type NodeState,
  type PaxosOptions,
  type PaxosState,
  type ProposeInput,
  type ProposeOutput,
} from './single-decree.ts';

export type ProgressBug = 'chosen-not-reported';

/** ClientAnswered: every client is eventually told the chosen value. */
export const clientAnswered = eventually<PaxosState>('ClientAnswered', (s, system) =>
  system.clients.every((id) => (s.actors[id] as ClientState).chosen !== null),
);

/** The server, except that it never sends Chosen to a client. */
function chosenNotReported<S>(a: Actor<S, Message>): Actor<S, Message> {
  const quiet = (ctx: Context<Message>): Context<Message> =>
    Object.create(ctx, { send: { value: (to: number, m: Message) => (m.type === 'Chosen' ? undefined : ctx.send(to, m)) } });
  return {
    ...a,
    init: (ctx) => a.init(quiet(ctx)),
    ...(a.onMessage ? { onMessage: (s, from, m, ctx) => a.onMessage!(s, from, m, quiet(ctx)) } : {}),
    ...(a.onTimer ? { onTimer: (s, t, ctx) => a.onTimer!(s, t, quiet(ctx)) } : {}),
  };
}

export function paxosProgress(options: PaxosOptions & { readonly progressBug?: ProgressBug }) {
  const s = server(options);
  return actorSystem<NodeState, Message, ProposeInput, ProposeOutput>({
    actors: [
      { actor: options.progressBug === 'chosen-not-reported' ? chosenNotReported(s) : s, count: options.servers },
      { actor: client(), count: options.clients, client: true },
    ],
    properties: [agreement, validity, learnersAgree, clientAnswered],
    formatMessage,
  });
}
