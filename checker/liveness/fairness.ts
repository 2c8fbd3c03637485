// Fairness: which steps a fair behaviour may not neglect for ever (TLA+'s WF and SF).
//
// A step belongs to at most one fairness class; a class is weakly or strongly fair.
// Weak (WF): a behaviour in which the class is enabled continuously from some point on takes it
// again and again. Strong (SF): a behaviour in which the class is enabled again and again takes it
// again and again. As in TLA+ (WF_vars(A) speaks of ENABLED <<A>>_vars), a step that leaves the
// state unchanged (a self-loop) neither enables a class nor takes it.

import { InputError } from '../errors.ts';

export type FairnessKind = 'weak' | 'strong';

export interface Fairness {
  /** The class the step belongs to: steps of one class share one fairness obligation. */
  readonly class: string;
  readonly kind: FairnessKind;
}

/** Class number 0: the step is not fair (a fault, a local choice, anything not declared). */
export const UNFAIR = 0;

/** Interns class names as small integers (1, 2, …), keeping each class's kind. */
export class FairnessClasses {
  private readonly ids = new Map<string, number>();
  readonly names: string[] = [''];
  readonly strong: boolean[] = [false];

  get count(): number {
    return this.names.length;
  }

  /** The class number of a step with this fairness (UNFAIR for none). */
  intern(f: Fairness | undefined): number {
    if (f === undefined) return UNFAIR;
    const known = this.ids.get(f.class);
    if (known !== undefined) {
      if (this.strong[known] !== (f.kind === 'strong')) {
        throw new InputError(`fairness class ${f.class} is declared both weak and strong`);
      }
      return known;
    }
    const id = this.names.length;
    this.ids.set(f.class, id);
    this.names.push(f.class);
    this.strong.push(f.kind === 'strong');
    return id;
  }
}
