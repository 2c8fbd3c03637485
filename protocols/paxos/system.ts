// Single-decree Paxos as an actor system: servers (proposer + acceptor + learner) and clients.

import { actorSystem } from '../../checker/index.ts';
import { client } from './client.ts';
import { formatMessage, type Message } from './messages.ts';
import type { PaxosOptions } from './options.ts';
import { agreement, allLearned, learnersAgree, linearizable, validity, valueChosen, type NodeState } from './properties.ts';
import { server } from './server.ts';
import { paxosSymmetry } from './symmetry.ts';

export interface PaxosSystemOptions extends PaxosOptions {
  readonly crashes?: number;
  readonly lose?: number;
  readonly duplicate?: number;
}

export function singleDecreePaxos(options: PaxosSystemOptions) {
  const symmetry = paxosSymmetry(options);
  return actorSystem<NodeState, Message>({
    actors: [
      { actor: server(options), count: options.servers },
      { actor: client(), count: options.clients, client: true },
    ],
    network: { lose: options.lose ?? 0, duplicate: options.duplicate ?? 0 },
    faults: { crashes: options.crashes ?? 0 },
    properties: [agreement, validity, learnersAgree, linearizable, valueChosen, allLearned],
    formatMessage,
    ...(symmetry ? { symmetry } : {}),
  });
}
