// The document an HTML trace page embeds (html.ts writes it, the viewer's script draws it).

import type { Json } from '../plain.ts';
import type { TimelineStep } from '../timeline.ts';

export interface PageData {
  readonly title: string;
  readonly property: string;
  readonly expected: boolean;
  readonly file: string;
  readonly strategy: string;
  /** Node names (actor systems); null for a raw model, drawn as one lane, the state. */
  readonly nodes: readonly string[] | null;
  readonly steps: readonly PageStep[];
  /** The presented states, `states[0]` initial; shorter when the replay diverged. */
  readonly states: readonly Json[];
  readonly violationAt: number | null;
  readonly culprits: readonly { readonly name: string; readonly value: Json }[];
  readonly operations: readonly PageOp[];
  readonly inFlight: readonly PageFlight[];
  /** A lasso: the step the run goes back to after the last, for ever. */
  readonly cycleStart: number | null;
  /** A linearizability violation: the checker's explanation (as `lincheck` prints it). */
  readonly explanation: string | null;
  /** The clients' node names in the order of the clients' history (its lists are shown by name). */
  readonly clients: readonly string[];
}

/** A step as the timeline has it (timeline.ts), only what the page draws. */
export interface PageStep
  extends Pick<TimelineStep, 'index' | 'label' | 'kind' | 'node' | 'from' | 'to' | 'message' | 'sentAt' | 'timer' | 'choice' | 'isolated'> {
  /** A crash or restart with a failure detector: the nodes told (`learns replica1 is down`). */
  readonly told?: readonly { readonly node: number; readonly text: string }[];
}

export interface PageOp {
  /** The client's name. */
  readonly client: string;
  /** The operation as people read it (through the sequential spec): `write(31)`, `read() → nil`. */
  readonly text: string;
  readonly input: Json;
  readonly output?: Json;
  readonly invokedAt: number;
  readonly returnedAt?: number;
}

export interface PageFlight {
  readonly from: number;
  readonly to: number;
  readonly message: string;
  readonly sentAt: number;
}
