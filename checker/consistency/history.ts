// The in-memory form of a concurrent history, shared by the actor system (which records it from
// its client actors), the history parsers and the consistency checkers.
//
// A history is a list of operations. Each operation has an invocation position `call` and, when it
// completed, a return position `ret` and an `output`. Positions are numbers on one real-time axis
// (event indexes or timestamps): operation a precedes operation b in real time iff a.ret < b.call.
// An operation without `ret` is pending, like Jepsen's `:info`: its outcome is unknown, so it may
// take effect at any instant after its call, or never. The list order carries no meaning.
//
// There is no "failed" operation: an operation known not to have happened is not in the history.
// The file formats say failure their own ways, and their parsers (./parse/) map them onto this:
// - Jepsen EDN (Knossos's meaning): `:fail` did not happen, left out, a cas included; `:info` is
//   pending; a read of nil has an unknown value (the parser marks it, ./parse/unknown-output.ts,
//   and it is left out, since it constrains nothing).
// - Jepsen etcd logs (Porcupine's meaning): `:fail` on a read or write did not happen; on a cas it
//   is a definite compare mismatch, output `{ ok: false }`; `:info` is pending.
// - kv logs: `:fail` did not happen; `:info` is pending.
// - JSON: this form itself; `"outputUnknown": true` marks a returned operation whose output was
//   not observed.

export interface Operation<I = unknown, O = unknown> {
  /** The process/client id; at most one pending operation per client at a time. */
  client: number;
  input: I;
  /** Absent when the operation is pending. */
  output?: O;
  /** Invocation position: an event index or a time. Real-time order is numeric order. */
  call: number;
  /** Return position; absent means pending: may take effect at any point after `call`, or never. */
  ret?: number;
}

export type History<I = unknown, O = unknown> = readonly Operation<I, O>[];

export function isPending(op: Operation<unknown, unknown>): boolean {
  return op.ret === undefined;
}

/**
 * Why `history` is not well formed, or undefined when it is: positions must be finite numbers and
 * an operation cannot return before it is called.
 */
export function historyFault(history: History<unknown, unknown>): string | undefined {
  for (let i = 0; i < history.length; i++) {
    const op = history[i]!;
    if (!Number.isFinite(op.call)) return `operation ${i}: call must be a finite number`;
    if (op.ret !== undefined) {
      if (!Number.isFinite(op.ret)) return `operation ${i}: ret must be a finite number`;
      if (op.ret < op.call) return `operation ${i}: returns (${op.ret}) before its call (${op.call})`;
    }
  }
  return undefined;
}
