// The clients' history as the actor system records it, in a canonical form.
//
// Each client keeps its own list of operations. An operation remembers, for every client, how many
// of that client's operations had returned when it was invoked (`after`). That is exactly the
// real-time order the linearizability checker needs (a precedes b iff a returned before b was
// invoked) and nothing more, so two runs that differ only in the interleaving of unrelated events
// record the same history and are the same state. `historyOf` turns it into the checker's form.

import type { History, Operation } from '../consistency/history.ts';
import { HandlerError } from '../errors.ts';

export interface RecordedOp<I = unknown, O = unknown> {
  readonly input: I;
  /** Present once the operation has returned. */
  readonly output?: O;
  readonly done: boolean;
  /** after[c] = how many operations of client c had returned when this one was invoked. */
  readonly after: readonly number[];
}

/** Per client (in the order clients appear in the system), its operations in order. */
export type ClientHistory<I = unknown, O = unknown> = readonly (readonly RecordedOp<I, O>[])[];

export function emptyHistory(clients: number): ClientHistory {
  return Object.freeze(Array.from({ length: clients }, () => Object.freeze([])));
}

function completed(h: ClientHistory): number[] {
  return h.map((ops) => {
    const last = ops[ops.length - 1];
    return last === undefined || last.done ? ops.length : ops.length - 1;
  });
}

export function pending(h: ClientHistory, client: number): boolean {
  const ops = h[client]!;
  const last = ops[ops.length - 1];
  return last !== undefined && !last.done;
}

export function recordInvoke<I, O>(h: ClientHistory<I, O>, client: number, input: I): ClientHistory<I, O> {
  const op: RecordedOp<I, O> = Object.freeze({ input, done: false, after: Object.freeze(completed(h)) });
  const ops = [...h[client]!, op];
  const out = h.slice();
  out[client] = Object.freeze(ops);
  return Object.freeze(out);
}

export function recordReturn<I, O>(h: ClientHistory<I, O>, client: number, output: O): ClientHistory<I, O> {
  const ops = h[client]!.slice();
  const last = ops[ops.length - 1]!;
  ops[ops.length - 1] = Object.freeze({ input: last.input, done: true, after: last.after, output });
  const out = h.slice();
  out[client] = Object.freeze(ops);
  return Object.freeze(out);
}

/** The history after a step of client `c` (node `name`): the operations it completed, then invoked. */
export function recordOperations(
  h: ClientHistory,
  c: number,
  name: string,
  completed: readonly { readonly output: unknown }[],
  invoked: readonly { readonly input: unknown }[],
): ClientHistory {
  let history = h;
  for (const { output } of completed) {
    if (!pending(history, c)) throw new HandlerError(`${name} completed an operation it had not invoked`);
    history = recordReturn(history, c, output);
  }
  for (const { input } of invoked) {
    if (pending(history, c)) throw new HandlerError(`${name} invoked an operation while one is pending`);
    history = recordInvoke(history, c, input);
  }
  return history;
}

/**
 * The history as operations with call/return positions: a linear order of invocations and
 * returns consistent with every `after` vector (any such order has the same real-time relation).
 * Invocations are placed as early as they can be, which never blocks a return. `clientIds` maps a
 * client's index to the id reported in the history (its actor id).
 */
export function historyOf<I, O>(h: ClientHistory<I, O>, clientIds?: readonly number[]): History<I, O> {
  const n = h.length;
  const invoked = new Array<number>(n).fill(0);
  const returned = new Array<number>(n).fill(0);
  const ops: Operation<I, O>[][] = h.map(() => []);
  let clock = 0;
  let remaining = h.reduce((k, ops) => k + ops.length + ops.filter((o) => o.done).length, 0);
  while (remaining > 0) {
    let progressed = false;
    for (let c = 0; c < n; c++) {
      const i = invoked[c]!;
      const op = h[c]![i];
      if (op === undefined || returned[c] !== i) continue;
      if (!op.after.every((k, d) => k === returned[d])) continue;
      ops[c]!.push({ client: clientIds?.[c] ?? c, input: op.input, call: clock++ });
      invoked[c] = i + 1;
      remaining--;
      progressed = true;
    }
    if (progressed) continue;
    for (let c = 0; c < n; c++) {
      const j = returned[c]!;
      const op = h[c]![j];
      if (op === undefined || !op.done || invoked[c] !== j + 1) continue;
      // Every operation that did not see this return must be invoked before it.
      const blocked = h.some((other, d) => other.slice(invoked[d]).some((o) => o.after[c]! <= j));
      if (blocked) continue;
      const rec = ops[c]![j]!;
      ops[c]![j] = { ...rec, output: op.output as O, ret: clock++ };
      returned[c] = j + 1;
      remaining--;
      progressed = true;
      break;
    }
    if (!progressed) throw new Error('internal: inconsistent client history');
  }
  return ops.flat().sort((a, b) => a.call - b.call);
}
