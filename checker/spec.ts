// A spec: a model, its configurations, and the verdict each configuration is expected to reach.
//
// A spec file exports one or more specs (default or named exports). `interleave check` runs every
// configuration that is not `heavy`; `--config NAME` or `--all` selects the others.

import type { ExploreOptions } from './explore/options.ts';
import type { TimerDuration } from './actor/actor.ts';
import type { SequentialSpec } from './consistency/sequential-spec.ts';
import type { AnyModel } from './model.ts';

/** `holds`, or the name of the property the configuration must violate (a named bug variant). */
export type Expectation = 'holds' | { readonly violates: string };

export interface SpecConfig {
  readonly model: () => AnyModel;
  readonly expect: Expectation;
  /** One line on what this configuration checks. */
  readonly description?: string;
  /** Bounds and strategy for this configuration; CLI flags override them. */
  readonly explore?: Omit<ExploreOptions, 'onProgress' | 'edges'>;
  /** Too large for every `check specs/` run (a benchmark-size configuration). */
  readonly heavy?: boolean;
  /** How `interleave run` runs this configuration as a real cluster (checker/runtime/). */
  readonly runtime?: RuntimeOptions;
}

/** What a real run of a configuration needs beyond its model. */
export interface RuntimeOptions {
  /** The sequential specification the clients' history must be linearizable against. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly spec: SequentialSpec<any, any, any>;
  /**
   * The model for a real run, given how many client nodes the run needs and its seed: a run
   * retires a client whose operation timed out (Jepsen's :info) and carries on with a fresh one,
   * so it needs more clients, and longer scripts, than a configuration for the explorer.
   * Defaults to the configuration's model.
   */
  readonly model?: (workload: RuntimeWorkload) => AnyModel;
  /** Durations, in milliseconds, of timers whose handlers give none, by timer name or name prefix. */
  readonly timers?: Readonly<Record<string, TimerDuration>>;
}

export interface RuntimeWorkload {
  /** Client nodes the model must have. */
  readonly clients: number;
  /** Operations each client's script should hold (a client whose script is done is replaced). */
  readonly operations: number;
  readonly seed: number;
}

export interface Spec {
  readonly name: string;
  readonly description?: string;
  readonly configs: Readonly<Record<string, SpecConfig>>;
}

const SPEC = Symbol.for('interleave.spec');

export function defineSpec<T extends Spec>(spec: T): T {
  if (Object.keys(spec.configs).length === 0) throw new Error(`spec ${spec.name} has no configurations`);
  Object.defineProperty(spec, SPEC, { value: true, enumerable: false });
  return spec;
}

export function isSpec(x: unknown): x is Spec {
  return typeof x === 'object' && x !== null && (x as Record<symbol, unknown>)[SPEC] === true;
}

/**
 * The model of `spec`'s configuration `config`, the spec found among a module's exports by name: a
 * worker thread's way to the model the main thread explores (models are code, not transferable).
 */
export function configModel(exports: Record<string, unknown>, file: string, spec: string, config: string): AnyModel {
  const found = Object.values(exports).find((x) => isSpec(x) && x.name === spec);
  if (!isSpec(found)) throw new Error(`${file}: exports no spec named ${spec}`);
  const cfg = found.configs[config];
  if (!cfg) throw new Error(`${file}: spec ${spec} has no configuration ${config}`);
  return cfg.model();
}

export function describeExpectation(e: Expectation): string {
  return e === 'holds' ? 'holds' : `violates ${e.violates}`;
}
