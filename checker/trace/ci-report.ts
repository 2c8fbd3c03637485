// What `check` hands to CI besides its lines: JUnit XML and the markdown step summary, both with
// the counterexamples drawn (text in JUnit, Mermaid in the summary); and minimisation of the
// counterexamples that random and depth-first search find. Each rebuilds the configuration's
// model and replays the trace, so a trace is drawn exactly as `interleave show` draws it.

import type { RunReport } from '../check.ts';
import type { AnyModel } from '../model.ts';
import type { Spec } from '../spec.ts';
import { renderJunit } from './junit.ts';
import { renderMermaid } from './mermaid.ts';
import { minimize, type MinimizeOptions } from './minimize.ts';
import { replay } from './replay.ts';
import { renderSummary } from './summary.ts';
import { renderText } from './text.ts';
import { viewOf, type TraceView } from './view.ts';

/** A configuration `check` ran: its report, the spec it came from, where its trace went. */
export interface Finished {
  readonly report: RunReport;
  readonly spec: Spec;
  readonly tracePath?: string;
}

function modelOf(spec: Spec, config: string): AnyModel | undefined {
  try {
    return spec.configs[config]?.model();
  } catch {
    return undefined;
  }
}

/** The drawable view of a run's counterexample (undefined when there is none or it will not replay). */
export function viewOfRun({ report, spec }: Finished): TraceView | undefined {
  if (!report.trace) return undefined;
  const model = modelOf(spec, report.config);
  if (!model) return undefined;
  try {
    return viewOf(model, report.trace, replay(model, report.trace));
  } catch {
    return undefined;
  }
}

export function junitOf(runs: readonly Finished[]): string {
  return renderJunit(
    runs.map((f) => {
      const view = viewOfRun(f);
      return { report: f.report, ...(view ? { text: renderText(view) } : {}), ...(f.tracePath ? { tracePath: f.tracePath } : {}) };
    }),
  );
}

export function summaryOf(runs: readonly Finished[]): string {
  return renderSummary(
    runs.map((f) => {
      const view = viewOfRun(f);
      return { report: f.report, ...(view ? { mermaid: renderMermaid(view) } : {}), ...(f.tracePath ? { tracePath: f.tracePath } : {}) };
    }),
  );
}

/** The report with its counterexample minimised (the report itself when there is nothing to do). */
export function minimizeRun(report: RunReport, spec: Spec, options: MinimizeOptions = {}): RunReport {
  if (!report.trace) return report;
  const model = modelOf(spec, report.config);
  if (!model) return report;
  try {
    return { ...report, trace: minimize(model, report.trace, options).trace };
  } catch {
    return report;
  }
}
