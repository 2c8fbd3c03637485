// The clients' history of a real run, as it happened: each operation's invocation and completion
// at a monotonic time (microseconds since the run started). An operation that never completed is
// pending (Jepsen's :info): it may have taken effect, or not.

import type { History } from '../consistency/history.ts';

export interface RunOperation {
  /** The client's index in the history (a retired client's index is never reused). */
  readonly client: number;
  readonly input: unknown;
  output?: unknown;
  /** Microseconds since the run started. */
  readonly call: number;
  ret?: number;
}

export class RunHistory {
  readonly operations: RunOperation[] = [];
  private readonly open = new Map<number, RunOperation>();
  private origin = process.hrtime.bigint();

  /** Starts the clock again at zero (when the workload starts, before any operation). */
  restartClock(): void {
    this.origin = process.hrtime.bigint();
  }

  /** Microseconds since the run started, on the monotonic clock. */
  now(): number {
    return Number((process.hrtime.bigint() - this.origin) / 1000n);
  }

  invoke(client: number, input: unknown): void {
    const op: RunOperation = { client, input, call: this.now() };
    this.operations.push(op);
    this.open.set(client, op);
  }

  complete(client: number, output: unknown): void {
    const op = this.open.get(client);
    if (op === undefined) return;
    op.output = output;
    op.ret = Math.max(this.now(), op.call);
    this.open.delete(client);
  }

  /** When client `client`'s pending operation was invoked, if it has one. */
  pendingSince(client: number): number | undefined {
    return this.open.get(client)?.call;
  }

  /** Leaves client `client`'s pending operation pending for good (the client is retired). */
  abandon(client: number): void {
    this.open.delete(client);
  }

  /** The history in the checker's form. */
  history(): History {
    return this.operations.map((op) =>
      op.ret === undefined ? { client: op.client, input: op.input, call: op.call } : { client: op.client, input: op.input, output: op.output, call: op.call, ret: op.ret },
    );
  }
}
