// The trace file: a versioned JSON document that names the spec and configuration, the steps
// from an initial state, and the property they break. Diagrams, replay and minimisation are all
// computed from it by re-running the steps against the spec.

import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { InputError } from '../errors.ts';
import type { Expectation } from '../spec.ts';
import type { Json } from './plain.ts';

export const TRACE_FORMAT = 'interleave-trace';
export const TRACE_VERSION = 1;

export interface TraceStep {
  /** The action as the model takes it (plain JSON); replay feeds it back to `next`. */
  readonly action: Json;
  /** The action as a person reads it. */
  readonly label: string;
}

export interface Trace {
  readonly format: typeof TRACE_FORMAT;
  readonly version: typeof TRACE_VERSION;
  readonly spec: string;
  readonly config: string;
  /** The spec file, relative to the directory `interleave` ran in. */
  readonly file: string;
  readonly property: string;
  readonly expected: Expectation;
  readonly strategy: string;
  readonly seed?: number;
  /** Node names, for actor systems: lanes of the diagrams. */
  readonly nodes?: readonly string[];
  /** Index into the model's initial states. */
  readonly init: number;
  readonly steps: readonly TraceStep[];
  /**
   * A lasso (a liveness counterexample): after the last step the run returns to the state after
   * step `cycleStart` (0: the initial state) and repeats for ever; equal to the number of steps,
   * it stays in the last state for ever (stuttering).
   */
  readonly cycleStart?: number;
  /** A lasso: fair steps enabled on its cycle but never taken on it (each is disabled somewhere on it). */
  readonly fairNotTaken?: readonly string[];
  /** The violating state, as presented to people. */
  readonly finalState: Json;
}

export function writeTrace(path: string, trace: Trace): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, JSON.stringify(trace, null, 2) + '\n');
}

/** Reads and validates a trace file; any fault is an InputError naming the file. */
export function readTrace(path: string): Trace {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new InputError(`${path}: cannot read the trace file`);
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new InputError(`${path}: not JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  const fault = traceFault(doc);
  if (fault) throw new InputError(`${path}: not an interleave trace: ${fault}`);
  return doc as Trace;
}

function traceFault(doc: unknown): string | undefined {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return 'expected a JSON object';
  const d = doc as Record<string, unknown>;
  if (d.format !== TRACE_FORMAT) return `"format" must be "${TRACE_FORMAT}"`;
  if (d.version !== TRACE_VERSION) return `unsupported version ${JSON.stringify(d.version)} (this interleave reads version ${TRACE_VERSION})`;
  for (const k of ['spec', 'config', 'file', 'property'] as const) {
    if (typeof d[k] !== 'string') return `"${k}" must be a string`;
  }
  if (!Number.isInteger(d.init) || (d.init as number) < 0) return '"init" must be a non-negative integer';
  if (!Array.isArray(d.steps)) return '"steps" must be an array';
  for (let i = 0; i < d.steps.length; i++) {
    const s = d.steps[i] as Record<string, unknown> | null;
    if (typeof s !== 'object' || s === null || !('action' in s)) return `step ${i + 1} has no "action"`;
    if (typeof s.label !== 'string') return `step ${i + 1} has no "label"`;
  }
  if (d.cycleStart !== undefined && (!Number.isInteger(d.cycleStart) || (d.cycleStart as number) < 0 || (d.cycleStart as number) > d.steps.length)) {
    return '"cycleStart" must be a step number from 0 (the initial state) to the number of steps';
  }
  if (d.nodes !== undefined && (!Array.isArray(d.nodes) || !d.nodes.every((n) => typeof n === 'string'))) return '"nodes" must be a list of names';
  return undefined;
}

/** A file name for the trace of a spec configuration. */
export function traceFileName(spec: string, config: string): string {
  const safe = (x: string): string => x.replace(/[^A-Za-z0-9._-]+/g, '_');
  return `${safe(spec)}.${safe(config)}.trace.json`;
}
