// JUnit XML for CI: one <testsuite> per spec, one <testcase> per configuration (classname = the
// spec, name = the configuration). A configuration that did not meet its expectation is a
// <failure> whose body is the counterexample's text view; one that could not run (bad input, a
// spec that throws) is an <error>. CI systems (GitHub, GitLab, Jenkins) show these natively.

import type { RunReport } from '../check.ts';
import { describeExpectation } from '../spec.ts';

export interface JunitCase {
  readonly report: RunReport;
  /** The counterexample as text (no colours), when there is one. */
  readonly text?: string;
  /** Where the trace file was written. */
  readonly tracePath?: string;
}

/** Escapes text for XML content and attribute values; drops characters XML 1.0 forbids. */
export function xmlEscape(s: string): string {
  return (
    s
      // eslint-disable-next-line no-control-regex
      .replace(/\x1b\[[0-9;]*m/g, '')
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
  );
}

const seconds = (ms: number): string => (ms / 1000).toFixed(3);

export function renderJunit(cases: readonly JunitCase[], name = 'interleave'): string {
  const bySpec = new Map<string, JunitCase[]>();
  for (const c of cases) {
    const list = bySpec.get(c.report.spec);
    if (list) list.push(c);
    else bySpec.set(c.report.spec, [c]);
  }
  const count = (list: readonly JunitCase[]) => ({
    tests: list.length,
    failures: list.filter((c) => c.report.status !== 'error' && !c.report.met).length,
    errors: list.filter((c) => c.report.status === 'error').length,
    time: list.reduce((t, c) => t + c.report.ms, 0),
  });
  const total = count(cases);
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  out.push(`<testsuites name="${xmlEscape(name)}" tests="${total.tests}" failures="${total.failures}" errors="${total.errors}" time="${seconds(total.time)}">`);
  for (const [spec, list] of bySpec) {
    const t = count(list);
    const file = list[0]!.report.file;
    out.push(`  <testsuite name="${xmlEscape(spec)}" tests="${t.tests}" failures="${t.failures}" errors="${t.errors}" skipped="0" time="${seconds(t.time)}" file="${xmlEscape(file)}">`);
    for (const c of list) out.push(...testcase(c));
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return out.join('\n') + '\n';
}

function testcase({ report: r, text, tracePath }: JunitCase): string[] {
  const open = `    <testcase classname="${xmlEscape(r.spec)}" name="${xmlEscape(r.config)}" file="${xmlEscape(r.file)}" time="${seconds(r.ms)}"`;
  const stats = `${r.distinctStates} distinct states, depth ${r.maxDepth}, ${r.ms} ms; expected: ${describeExpectation(r.expected)}`;
  const out: string[] = [];
  if (r.status === 'error') {
    out.push(`${open}>`, `      <error message="${xmlEscape(r.error ?? 'error')}" type="InputError">${xmlEscape(r.error ?? '')}</error>`);
  } else if (!r.met) {
    const type = r.status === 'violated' ? 'PropertyViolated' : r.status === 'incomplete' ? 'Incomplete' : r.status === 'vacuous' ? 'Vacuous' : 'ExpectedViolationNotFound';
    const body = [r.reason ?? '', stats, ...(tracePath ? [`trace: ${tracePath} (interleave show ${tracePath})`] : []), ...(text ? ['', text] : [])].join('\n');
    out.push(`${open}>`, `      <failure message="${xmlEscape(r.reason ?? 'did not meet its expectation')}" type="${type}">${xmlEscape(body)}</failure>`);
  } else {
    // Met: a bug variant's counterexample is still worth a look, as output, not as a failure.
    out.push(`${open}>`);
    const body = [stats, ...(tracePath ? [`trace: ${tracePath}`] : []), ...(text ? ['', text] : [])].join('\n');
    out.push(`      <system-out>${xmlEscape(body)}</system-out>`);
  }
  out.push('    </testcase>');
  return out;
}
