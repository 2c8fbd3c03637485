// What travels on a real run's sockets and on its nodes' control channel.
//
// Every message goes through the controller, as one JSON datagram on loopback UDP:
// `{ from, to, msg, tag }`. `tag` is the history process of the client whose request the step that
// sent it was handling (null when no client's), for the routing log.

import type { Id } from '../actor/actor.ts';

export interface Packet {
  readonly from: Id;
  readonly to: Id;
  readonly msg: unknown;
  readonly tag: number | null;
}

/** From a node process to the controller, on the IPC channel of `fork`. */
export type NodeReport =
  | { readonly type: 'ready'; readonly port: number; readonly recovered: Record<string, unknown> | null }
  | { readonly type: 'error'; readonly message: string };

export function encodePacket(p: Packet): Buffer {
  return Buffer.from(JSON.stringify(p));
}

export function decodePacket(data: Buffer): Packet | undefined {
  try {
    const p = JSON.parse(data.toString('utf8')) as Partial<Packet>;
    if (typeof p.from !== 'number' || typeof p.to !== 'number' || !('msg' in p)) return undefined;
    return { from: p.from, to: p.to, msg: p.msg, tag: typeof p.tag === 'number' ? p.tag : null };
  } catch {
    return undefined;
  }
}
