// An ordered network's transport: a TCP connection between each node and the controller, carrying
// the same packets as JSON lines. The controller forwards each message in the order it arrived, so
// every channel (from, to) is FIFO end to end, as `ordered: true` declares.

import type { Socket } from 'node:net';
import { decodePacket, encodePacket, type Packet } from './wire.ts';

/** Calls `onPacket` for each packet line that arrives on `socket`. */
export function readPackets(socket: Socket, onPacket: (p: Packet) => void): void {
  let buffered = '';
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => {
    buffered += chunk;
    let nl: number;
    while ((nl = buffered.indexOf('\n')) >= 0) {
      const line = buffered.slice(0, nl);
      buffered = buffered.slice(nl + 1);
      const p = decodePacket(Buffer.from(line));
      if (p !== undefined) onPacket(p);
    }
  });
}

export function writePacket(socket: Socket, p: Packet): void {
  socket.write(encodePacket(p).toString('utf8') + '\n');
}
