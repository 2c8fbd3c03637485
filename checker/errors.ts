// Errors that are the user's to fix. The CLI prints their message as one line and exits 2; no
// stack trace, because a stack trace points at interleave, not at the spec or file at fault.

export class InputError extends Error {
  override readonly name = 'InputError';
}

/** A protocol handler (or a model's `next`) threw: names the action and, for actors, the node. */
export class HandlerError extends InputError {}
