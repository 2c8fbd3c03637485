// The markdown summary of a `check` run for a CI page (GitHub's GITHUB_STEP_SUMMARY): a table of
// configurations and verdicts, then each counterexample as a Mermaid diagram, the unexpected ones
// first and open, the expected bug variants folded in <details>.

import type { RunReport } from '../check.ts';
import { describeExpectation } from '../spec.ts';

export interface SummaryCase {
  readonly report: RunReport;
  /** The counterexample's Mermaid diagram, when there is one. */
  readonly mermaid?: string;
  readonly tracePath?: string;
}

/** Escapes text for a markdown table cell. */
function cell(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function verdict(r: RunReport): string {
  if (r.status === 'error') return `error: ${r.error ?? ''}`;
  if (r.status === 'violated') return `violates ${r.property}${r.trace ? ` (${r.trace.steps.length} steps)` : ''}`;
  return r.status;
}

export function renderSummary(cases: readonly SummaryCase[], title = 'interleave check'): string {
  const met = cases.filter((c) => c.report.met).length;
  const out: string[] = [];
  out.push(`## ${title}: ${met === cases.length ? '✅' : '❌'} ${met} of ${cases.length} configuration${cases.length === 1 ? '' : 's'} met expectation`, '');
  out.push('| | spec | configuration | expected | result | states | depth | time |', '|---|---|---|---|---|--:|--:|--:|');
  const ordered = [...cases.filter((c) => !c.report.met), ...cases.filter((c) => c.report.met)];
  for (const { report: r } of ordered) {
    out.push(
      `| ${r.met ? '✅' : '❌'} | ${cell(r.spec)} | ${cell(r.config)} | ${cell(describeExpectation(r.expected))} | ${cell(verdict(r))}${r.met ? '' : `<br>${cell(r.reason ?? '')}`} | ${r.distinctStates.toLocaleString('en-US')} | ${r.maxDepth} | ${r.ms} ms |`,
    );
  }
  const diagrams = ordered.filter((c) => c.mermaid !== undefined);
  for (const c of diagrams) {
    const r = c.report;
    const heading = `${r.spec} / ${r.config}: ${r.property} violated${r.met ? ' (expected)' : ''}`;
    const body = ['```mermaid', c.mermaid!, '```', ...(c.tracePath ? ['', `Trace: \`${c.tracePath}\` — \`interleave show ${c.tracePath}\``] : [])];
    if (r.met) out.push('', '<details>', `<summary>${cell(heading)}</summary>`, '', ...body, '', '</details>');
    else out.push('', `### ❌ ${cell(heading)}`, '', ...body);
  }
  return out.join('\n') + '\n';
}
