import { describe, it, expect } from 'vitest';
import type { RunReport } from '../../checker/check.ts';
import { renderJunit, xmlEscape } from '../../checker/trace/junit.ts';
import { renderSummary } from '../../checker/trace/summary.ts';

const base = { file: 'specs/x.ts', distinctStates: 10, generatedStates: 20, maxDepth: 3, ms: 12, unreached: [], boundsHit: [] } as const;
const reports: RunReport[] = [
  { ...base, spec: 'Two<Phase>&"Commit"', config: 'p2', status: 'holds', expected: 'holds', met: true },
  { ...base, spec: 'Two<Phase>&"Commit"', config: 'bug', status: 'violated', property: 'Atomicity', expected: 'holds', met: false, reason: 'expected to hold, but Atomicity is violated' },
  { ...base, spec: 'Other', config: 'broken', status: 'error', expected: 'holds', met: false, error: 'specs/x.ts: building threw: <oops> & "bad"', reason: 'x' },
];

/** A rough XML reader: checks tags balance and attributes are quoted; returns the elements. */
function parseXml(xml: string): { name: string; attrs: Record<string, string>; text: string }[] {
  const out: { name: string; attrs: Record<string, string>; text: string }[] = [];
  const stack: string[] = [];
  const body = xml.replace(/^<\?xml[^?]*\?>\s*/, '');
  const re = /<(\/?)([A-Za-z-]+)((?:\s+[A-Za-z-]+="[^"<]*")*)\s*(\/?)>|([^<]+)/g;
  let m: RegExpExecArray | null;
  let consumed = 0;
  while ((m = re.exec(body))) {
    if (m.index !== consumed) throw new Error(`unparsable at ${consumed}: ${body.slice(consumed, consumed + 40)}`);
    consumed = re.lastIndex;
    if (m[5] !== undefined) {
      if (/&(?!amp;|lt;|gt;|quot;|apos;)/.test(m[5])) throw new Error(`bare & in ${m[5]}`);
      if (out.length) out[out.length - 1]!.text += m[5];
      continue;
    }
    if (m[1]) {
      if (stack.pop() !== m[2]) throw new Error(`unbalanced </${m[2]}>`);
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const a of m[3]!.matchAll(/([A-Za-z-]+)="([^"]*)"/g)) attrs[a[1]!] = a[2]!;
    out.push({ name: m[2]!, attrs, text: '' });
    if (!m[4]) stack.push(m[2]!);
  }
  if (consumed !== body.length || stack.length) throw new Error('truncated XML');
  return out;
}

describe('JUnit XML', () => {
  const xml = renderJunit([{ report: reports[0]! }, { report: reports[1]!, text: 'step 1 <a> & "b"\x1b[31m red\x1b[39m \u0001', tracePath: 'traces/t.json' }, { report: reports[2]! }]);
  const els = parseXml(xml);
  it('is well formed, one testcase per spec × configuration', () => {
    const cases = els.filter((e) => e.name === 'testcase');
    expect(cases.map((c) => [c.attrs.classname, c.attrs.name])).toEqual([
      ['Two&lt;Phase&gt;&amp;&quot;Commit&quot;', 'p2'],
      ['Two&lt;Phase&gt;&amp;&quot;Commit&quot;', 'bug'],
      ['Other', 'broken'],
    ]);
    expect(els.filter((e) => e.name === 'testsuite').map((s) => [s.attrs.tests, s.attrs.failures, s.attrs.errors])).toEqual([
      ['2', '1', '0'],
      ['1', '0', '1'],
    ]);
  });
  it('puts the counterexample in the failure and bad input in an error', () => {
    const failure = els.find((e) => e.name === 'failure')!;
    expect(failure.attrs.message).toBe('expected to hold, but Atomicity is violated');
    expect(failure.text).toContain('step 1 &lt;a&gt; &amp; &quot;b&quot; red');
    expect(failure.text).not.toContain('\x1b');
    expect(els.find((e) => e.name === 'error')!.attrs.message).toContain('&lt;oops&gt; &amp; &quot;bad&quot;');
  });
  it('escapes the five XML characters and drops the forbidden ones', () => {
    expect(xmlEscape(`<a href='x'>&"\u0000`)).toBe('&lt;a href=&apos;x&apos;&gt;&amp;&quot;');
  });
});

describe('the CI step summary', () => {
  const md = renderSummary([
    { report: reports[0]! },
    { report: { ...reports[1]!, met: true, expected: { violates: 'Atomicity' } }, mermaid: 'sequenceDiagram\n  participant n0 as a', tracePath: 't1.json' },
    { report: reports[1]!, mermaid: 'sequenceDiagram\n  participant n0 as b' },
  ]);
  it('has a table of configurations with unmet ones first', () => {
    const rows = md.split('\n').filter((l) => l.startsWith('| ❌') || l.startsWith('| ✅'));
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatch(/^\| ❌ \| Two&lt;Phase&gt;&"Commit" \| bug \|/);
  });
  it('shows unexpected violations open and expected ones folded, each as a Mermaid block', () => {
    const open = md.indexOf('### ❌');
    const folded = md.indexOf('<details>');
    expect(open).toBeGreaterThan(0);
    expect(folded).toBeGreaterThan(open);
    expect(md.match(/```mermaid\nsequenceDiagram/g)).toHaveLength(2);
  });
});
