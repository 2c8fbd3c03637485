// Re-execution that checks a model is a function of its state (determinism.ts) must run the
// model's code, not read back what a model remembered of an earlier run of the same step (as an
// actor system's delivery memo does). While `executingAfresh` runs, such memos do not answer.

let on = false;

/** Whether a re-execution is running: step memos must neither answer nor remember. */
export function afresh(): boolean {
  return on;
}

export function executingAfresh<T>(f: () => T): T {
  const was = on;
  on = true;
  try {
    return f();
  } finally {
    on = was;
  }
}
