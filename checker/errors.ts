// Errors that are the user's to fix. The CLI prints their message as one line and exits 2; no
// stack trace, because a stack trace points at interleave, not at the spec or file at fault.

const INPUT_ERROR = Symbol.for('interleave.input-error');

export class InputError extends Error {
  override readonly name = 'InputError';
  readonly [INPUT_ERROR] = true;

  /**
   * A spec file loaded as CommonJS gets its own copy of interleave (the package is ES modules), so
   * an input error its copy throws is recognised by a mark, not by its class.
   */
  static override [Symbol.hasInstance](x: unknown): boolean {
    if (this !== InputError) return Function.prototype[Symbol.hasInstance].call(this, x);
    return typeof x === 'object' && x !== null && (x as Record<symbol, unknown>)[INPUT_ERROR] === true;
  }
}

/** A protocol handler (or a model's `next`) threw: names the action and, for actors, the node. */
export class HandlerError extends InputError {}
