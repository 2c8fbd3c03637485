// What the line-per-event logs (Jepsen's etcd logs, 6.824 kv logs) share: one event a line, a
// process number and an event type (:invoke, :ok, :fail, :info) on each, line order as real-time
// order, and each process's completion matching its one open invocation.

import { InputError } from '../../errors.ts';
import type { Operation } from '../history.ts';

export type Fail = (message: string) => never;
export type EventType = ':invoke' | ':ok' | ':fail' | ':info';

const EVENT_TYPES: readonly string[] = [':invoke', ':ok', ':fail', ':info'];

/** Calls `visit` on each non-blank line, trimmed, with its number and a `fail` that names it. */
export function eachLine(text: string, file: string, visit: (line: string, lineNo: number, fail: Fail) => void): void {
  const lines = text.split('\n');
  for (let l = 0; l < lines.length; l++) {
    const line = lines[l]!.trim();
    if (line === '') continue;
    const lineNo = l + 1;
    visit(line, lineNo, (message) => {
      throw new InputError(`${file}:${lineNo}: ${message}`);
    });
  }
}

export function parseProcess(text: string, fail: Fail): number {
  if (!/^\d+$/.test(text)) fail(`expected a process number, got '${text}'`);
  return Number(text);
}

export function parseEventType(text: string, fail: Fail): EventType {
  if (!EVENT_TYPES.includes(text)) fail(`expected ':invoke', ':ok', ':fail' or ':info', got '${text}'`);
  return text as EventType;
}

/**
 * The operations of a log in invocation order, each process with at most one open. A completion
 * finds its process's open invocation, then settles it: returned, dropped (it did not happen) or
 * left pending.
 */
export class LoggedOperations<I, O> {
  private readonly ops: (Operation<I, O> | undefined)[] = [];
  private readonly where: string[] = [];
  private readonly open = new Map<number, number>(); // process -> index in ops

  constructor(private readonly file: string) {}

  invoke(process: number, input: I, lineNo: number, fail: Fail): void {
    if (this.open.has(process)) fail(`process ${process} invokes while its previous operation is still open`);
    this.open.set(process, this.ops.length);
    this.ops.push({ client: process, input, call: lineNo });
    this.where.push(`${this.file}:${lineNo}`);
  }

  /** The index of the operation `process` completes; it is no longer open. */
  complete(process: number, fail: Fail): number {
    const index = this.open.get(process);
    if (index === undefined) return fail(`process ${process} completes an operation it never invoked`);
    this.open.delete(process);
    return index;
  }

  invocation(index: number): Operation<I, O> {
    return this.ops[index]!;
  }

  returned(index: number, output: O, lineNo: number): void {
    this.ops[index] = { ...this.ops[index]!, output, ret: lineNo };
  }

  /** The operation did not happen. */
  drop(index: number): void {
    this.ops[index] = undefined;
  }

  /** The operations not dropped, and where each was invoked. */
  kept(): { history: Operation<I, O>[]; where: string[] } {
    const history: Operation<I, O>[] = [];
    const where: string[] = [];
    for (let i = 0; i < this.ops.length; i++) {
      const op = this.ops[i];
      if (op === undefined) continue;
      history.push(op);
      where.push(this.where[i]!);
    }
    return { history, where };
  }
}
