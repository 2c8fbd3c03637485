// `interleave/vitest`: run a spec from a vitest test and assert on its verdict.
//
//   import { check } from 'interleave/vitest';   // installs the matchers
//   expect(await check(spec, 'p2')).toHold();
//   expect(await check(spec, 'vote-not-durable')).toViolate('Atomicity');
//   expect(await check(spec)).toMeetExpectation(); // every non-heavy configuration
//
// A failing assertion prints the counterexample as the text sequence diagram, with the states
// along it, so the test log alone says what went wrong.

import { expect } from 'vitest';
import { runConfig, type RunOptions, type RunReport } from './check.ts';
import { InputError } from './errors.ts';
import type { Spec } from './spec.ts';
import { replay } from './trace/replay.ts';
import { renderText } from './trace/text.ts';
import { bareView, viewOf } from './trace/view.ts';

export interface VitestCheckOptions extends RunOptions {
  /**
   * The spec file, recorded in traces so that `interleave replay` finds it (and loaded by worker
   * threads, with `workers` > 1). Default: the spec's name.
   */
  readonly file?: string;
  /** With no configuration named: also run heavy configurations. */
  readonly heavy?: boolean;
}

/** The spec each report came from, to replay its trace for a failure message. */
const specOf = new WeakMap<RunReport, Spec>();

/** Runs one configuration of `spec`. */
export async function check(spec: Spec, config: string, options?: VitestCheckOptions): Promise<RunReport>;
/** Runs every configuration of `spec` (heavy ones only with `heavy: true`). */
export async function check(spec: Spec, config?: undefined, options?: VitestCheckOptions): Promise<RunReport[]>;
export async function check(spec: Spec, config?: string, options: VitestCheckOptions = {}): Promise<RunReport | RunReport[]> {
  const { file = spec.name, heavy = false, ...run } = options;
  const one = async (name: string): Promise<RunReport> => {
    const report = await runConfig(spec, name, file, run);
    specOf.set(report, spec);
    return report;
  };
  if (config !== undefined) return one(config);
  const reports: RunReport[] = [];
  for (const [name, cfg] of Object.entries(spec.configs)) if (heavy || !cfg.heavy) reports.push(await one(name));
  return reports;
}

interface MatcherResult {
  pass: boolean;
  message: () => string;
}

function reportsOf(received: unknown): RunReport[] {
  const all = Array.isArray(received) ? received : [received];
  for (const r of all) {
    if (typeof r !== 'object' || r === null || !('status' in r) || !('config' in r)) {
      throw new InputError('expected the result of check(spec, config) from interleave/vitest');
    }
  }
  return all as RunReport[];
}

/** A random run that found nothing and reached every `sometimes` state holds as far as it can tell. */
function holds(r: RunReport): boolean {
  return r.status === 'holds' || (r.random !== undefined && r.status === 'incomplete' && r.unreached.length === 0);
}

/** One report, for a person: the verdict, then the counterexample drawn as text. */
export function describeReport(r: RunReport): string {
  const name = `${r.spec}/${r.config}`;
  const stats = `${r.distinctStates.toLocaleString('en-US')} states, depth ${r.maxDepth}${r.random ? `, ${r.random.walks} random walks (seed ${r.random.seed})` : ''}`;
  let head: string;
  if (r.status === 'error') head = `${name}: error: ${r.error}`;
  else if (r.status === 'violated') head = `${name}: ${r.property} is violated (${stats})`;
  else if (r.status === 'incomplete' && r.random) head = `${name}: no violation found${r.unreached.length > 0 ? `, but no walk reached ${r.unreached.join(', ')}` : ''} (${stats})`;
  else if (r.status === 'incomplete') head = `${name}: incomplete, stopped at ${r.boundsHit.join(', ')} (${stats})`;
  else if (r.status === 'vacuous') head = `${name}: vacuous, never reached ${r.unreached.join(', ')} (${stats})`;
  else head = `${name}: holds (${stats})`;
  return r.trace ? `${head}\n\n${traceText(r)}` : head;
}

function traceText(r: RunReport): string {
  const trace = r.trace!;
  const cfg = specOf.get(r)?.configs[r.config];
  if (!cfg) return renderText(bareView(trace));
  try {
    const model = cfg.model();
    return renderText(viewOf(model, trace, replay(model, trace)));
  } catch {
    return renderText(bareView(trace));
  }
}

function failures(reports: readonly RunReport[], ok: (r: RunReport) => boolean): string {
  return reports
    .filter((r) => !ok(r))
    .map(describeReport)
    .join('\n\n');
}

export const matchers = {
  /** Every property holds (exhaustively; or, for a random run, no walk found a violation). */
  toHold(received: unknown): MatcherResult {
    const reports = reportsOf(received);
    const pass = reports.every(holds);
    return {
      pass,
      message: () =>
        pass
          ? `expected a violation, but it holds:\n${reports.map(describeReport).join('\n')}`
          : `expected to hold:\n${failures(reports, holds)}`,
    };
  },

  /** The run found a violation of `property`. */
  toViolate(received: unknown, property: string): MatcherResult {
    const reports = reportsOf(received);
    const ok = (r: RunReport): boolean => r.status === 'violated' && r.property === property;
    const pass = reports.every(ok);
    return {
      pass,
      message: () =>
        pass
          ? `expected not to violate ${property}, but:\n${reports.map(describeReport).join('\n\n')}`
          : `expected to violate ${property}:\n${failures(reports, ok)}`,
    };
  },

  /** Each configuration met the verdict its spec expects (what `interleave check` exits 0 on). */
  toMeetExpectation(received: unknown): MatcherResult {
    const reports = reportsOf(received);
    const pass = reports.every((r) => r.met);
    return {
      pass,
      message: () =>
        pass
          ? `expected some configuration to miss its expectation, but all met it`
          : `expected every configuration to meet its expectation:\n${reports
              .filter((r) => !r.met)
              .map((r) => `${r.reason ?? ''}\n${describeReport(r)}`)
              .join('\n\n')}`,
    };
  },
};

expect.extend(matchers);

interface InterleaveMatchers<R = unknown> {
  /** Every property holds (for a random run: no walk found a violation). */
  toHold(): R;
  /** The run found a violation of `property`. */
  toViolate(property: string): R;
  /** Each configuration met the verdict its spec expects. */
  toMeetExpectation(): R;
}

declare module 'vitest' {
  // Vitest declares `Matchers<T = any>`; a merged declaration must repeat it exactly.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any, @typescript-eslint/no-empty-object-type
  interface Matchers<T = any> extends InterleaveMatchers<T> {}
}
