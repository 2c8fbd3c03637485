// The closing verdict of the text and HTML views: which parts of the state the failure involves,
// and a linearizability violation explained as `lincheck` explains it, clients named by node.

import { describe, expect, it } from 'vitest';
import { always, type Model } from '../../checker/index.ts';
import { renderHtml } from '../../checker/trace/html.ts';
import { renderText } from '../../checker/trace/text.ts';
import { abdRegister, read, write } from '../../protocols/quorum/index.ts';
import { foundTrace, traceOf, twoPcModel, viewOfTrace } from './fixtures.ts';

/** The lines after "✗ … is violated …". */
function verdictOf(text: string): string[] {
  const lines = text.split('\n');
  return lines.slice(lines.findIndex((l) => l.startsWith('✗ ')));
}

describe('the culprit list', () => {
  it('2PC decision-not-logged: names the two participants that disagree, not the coordinator that also changed', () => {
    const model = twoPcModel('decision-not-logged');
    const text = renderText(viewOfTrace(model, foundTrace(model, {}, 'decision-not-logged')));
    const verdict = verdictOf(text);
    expect(verdict[0]).toBe('✗ Atomicity is violated after step 10 by:');
    expect(verdict.slice(1, 3).map((l) => l.trim().split(':')[0])).toEqual(['participant1', 'participant2']);
    expect(verdict.join('\n')).not.toMatch(/^\s+coordinator:/m);
  });

  it('when no single part restores the property, names the changed parts the property read, not every changed part', () => {
    type S = { a: number; b: number; c: number };
    // Both a and b must go back to 0 for the invariant to hold again; c changes but is never read.
    const model: Model<S, 'up'> = {
      init: () => [{ a: 0, b: 0, c: 0 }],
      actions: () => ['up'],
      next: (s) => (s.a === 0 ? { a: 1, b: 1, c: 1 } : undefined),
      properties: [always('AtMostOneUp', (s: S) => s.a + s.b < 1)],
    };
    const text = renderText(viewOfTrace(model, traceOf(model, 'AtMostOneUp', ['up'])));
    expect(verdictOf(text)).toEqual(['✗ AtMostOneUp is violated after step 1 by:', '    a: 1', '    b: 1']);
  });
});

describe('a linearizability violation found by the explorer (ABD, read without write-back)', () => {
  const model = abdRegister({ replicas: 3, workload: [[write('1')], [read, read]], bug: 'read-without-write-back' });
  const view = viewOfTrace(model, foundTrace(model, {}, 'read-without-write-back'));

  it('the text view blames the client whose read cannot be ordered, the servers that answered it, and carries the checker’s explanation', () => {
    const verdict = verdictOf(renderText(view)).join('\n');
    // client2's second read took its replies (nil) from replica3 and replica2, which never saw the write.
    expect(verdict).toContain('✗ Linearizable is violated after step 16 by:\n    client2\n    replica2: {"ts":[0,0],"value":null}\n    replica3: {"ts":[0,0],"value":null}\n');
    expect(verdict).toContain('the longest linearizable prefix found has 2 operations and leaves the state "1"');
    expect(verdict).toContain('cannot place: client2 read() -> nil [3, 4]');
    expect(verdict).toContain('client1: #1 write("1") -> ? [0, ∞]');
    // One name for a client: its node's, never a history index or a node id.
    expect(verdict).not.toMatch(/client \d/);
  });

  it('the text view writes the clients’ operations through the register’s spec', () => {
    const text = renderText(view);
    expect(text).toContain('client2 returns read() → nil');
    expect(text).toContain('client1 invokes write("1") …');
  });

  it('the HTML view embeds the explanation and labels operations through the spec', () => {
    const html = renderHtml(view);
    const data = JSON.parse(/<script type="application\/json" id="trace-data">(.*?)<\/script>/s.exec(html)![1]!) as {
      culprits: { name: string }[];
      explanation: string;
      operations: { client: string; text: string }[];
      clients: string[];
    };
    // The history's lists are shown under the clients' names.
    expect(data.clients).toEqual(['client1', 'client2']);
    expect(data.culprits.map((c) => c.name)).toEqual(['client2', 'replica2', 'replica3']);
    expect(data.explanation).toContain('cannot place: client2 read() -> nil');
    expect(data.operations.map((o) => `${o.client}: ${o.text}`)).toEqual(['client1: write("1") …', 'client2: read() → "1"', 'client2: read() → nil']);
  });
});
