// Exit codes shared by every command.

export const EXIT_OK = 0;
/** A property is violated / a spec did not meet its expectation / a history is not linearizable. */
export const EXIT_VIOLATED = 1;
/** Bad input: a missing file, a spec that throws, a malformed trace or history. */
export const EXIT_BAD_INPUT = 2;
/** No verdict within the time budget (lincheck). */
export const EXIT_UNKNOWN = 3;
