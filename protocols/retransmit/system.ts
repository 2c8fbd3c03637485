// A request over a lossy link, with its liveness property.

import { actorSystem, eventually, type SystemState } from '../../checker/index.ts';
import { formatMessage, type Message } from './messages.ts';
import type { RetransmitOptions } from './options.ts';
import { sender, type SenderState } from './sender.ts';
import { server, type ServerState } from './server.ts';

export type NodeState = ServerState | SenderState;
export type RetransmitState = SystemState<NodeState, Message>;

/** Every request is eventually answered. */
export const answered = eventually<RetransmitState>('EveryRequestAnswered', (s, system) =>
  system.playing('sender').every((id) => (s.actors[id] as SenderState).answered),
);

/** The server and one sender over a link that may lose `lose` messages; delivery and timers are fair. */
export function lossyLink(options: RetransmitOptions) {
  return actorSystem<NodeState, Message>({
    actors: [{ actor: server }, { actor: sender(options) }],
    network: { lose: options.lose },
    properties: [answered],
    formatMessage,
  });
}
