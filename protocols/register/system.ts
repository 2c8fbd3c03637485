// A register test system as Stateright builds one (`RegisterActor`): S servers of some protocol,
// then C clients, an unordered non-duplicating network, the history recorded from client requests
// and replies, and two properties: the history is linearizable, and sometimes a Get returns a
// written value.

import {
  actorSystem,
  linearizability,
  registerSpec,
  sometimes,
  type Actor,
  type ActorModel,
  type RegisterInput,
  type RegisterOutput,
  type SystemState,
} from '../../checker/index.ts';
import { registerClient, type ClientState } from './client.ts';
import { formatRegisterMsg, isRegisterMsg, type RegisterMsg } from './messages.ts';
import { singleCopyServer, type SingleCopyState } from './single-copy.ts';

export interface RegisterSystemOptions<S, M extends { readonly type: string }> {
  readonly server: Actor<S, RegisterMsg | M>;
  readonly servers: number;
  readonly clients: number;
  readonly formatInternal?: (m: M) => string;
}

export type RegisterSystemState<S, M> = SystemState<S | ClientState, RegisterMsg | M, RegisterInput, RegisterOutput>;

/** Linearizable: the clients' history is linearizable as a read/write register. */
export const linearizable = linearizability(registerSpec);

/** Value chosen: some Get reply in flight carries a written value. */
export const valueChosen = sometimes<SystemState<unknown, { readonly type: string }>>('ValueChosen', (s) =>
  s.network.some((e) => e.msg.type === 'GetOk' && (e.msg as RegisterMsg & { type: 'GetOk' }).value !== null),
);

export function registerSystem<S, M extends { readonly type: string }>(
  options: RegisterSystemOptions<S, M>,
): ActorModel<S | ClientState, RegisterMsg | M, RegisterInput, RegisterOutput> {
  const internal = options.formatInternal ?? ((m: M) => JSON.stringify(m));
  return actorSystem<S | ClientState, RegisterMsg | M, RegisterInput, RegisterOutput>({
    actors: [
      { actor: options.server, count: options.servers },
      { actor: registerClient<M>(), count: options.clients, client: true },
    ],
    properties: [linearizable, valueChosen],
    formatMessage: (m) => (isRegisterMsg(m) ? formatRegisterMsg(m) : internal(m as M)),
  });
}

/** Stateright's single-copy register example: 1 server and 2 clients give 93 distinct states. */
export function singleCopyRegister(options: { readonly servers: number; readonly clients: number }) {
  return registerSystem<SingleCopyState, never>({ server: singleCopyServer(), ...options });
}
