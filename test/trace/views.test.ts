import { describe, it, expect } from 'vitest';
import { renderText } from '../../checker/trace/text.ts';
import { renderMermaid, mermaidText } from '../../checker/trace/mermaid.ts';
import { renderHtml } from '../../checker/trace/html.ts';
import { COLOURS, PLAIN, wantsColour } from '../../checker/trace/style.ts';
import { bareView } from '../../checker/trace/view.ts';
import { twoPhaseCommit } from '../../protocols/twopc/index.ts';
import { twoPhase } from '../../specs/tlaplus/TwoPhase.ts';
import { foundTrace, traceOf, twoPcModel, viewOfTrace } from './fixtures.ts';

const model = twoPcModel('decision-not-logged');
const view = viewOfTrace(model, foundTrace(model, {}, 'decision-not-logged'));

describe('the text view', () => {
  const text = renderText(view, { style: PLAIN });
  it('draws one lane per node and labels arrows with their message', () => {
    expect(text).toMatch(/coordinator\s+participant1\s+participant2/);
    expect(text).toMatch(/├─+ Prepare ─+▶/);
    expect(text).toContain('(sent at step 9)');
  });
  it('marks the crash and restart on the lane and says what the crash forgot', () => {
    expect(text).toMatch(/^\s+8\s+✗.*coordinator crashes/m);
    expect(text).toMatch(/^\s+9\s+↻.*coordinator restarts/m);
    expect(text).toContain('forgets coordinator.votes = {"1":true,"2":true}');
    expect(text).toContain('coordinator.decision: ∅ → "abort"');
  });
  it('shows who sent what to whom and the state changes of the acting node', () => {
    expect(text).toContain('coordinator sends Decide(commit) → participant1, participant2');
    expect(text).toContain('participant2.phase: "prepared" → "aborted"');
  });
  it('marks where the property fails and ends with the values that break it', () => {
    expect(text).toContain('✗ Atomicity fails here');
    expect(text).toMatch(/✗ Atomicity is violated after step 10 by:\n\s+participant1: .*"committed".*\n\s+participant2: .*"aborted"/);
  });
  it('prints whole states with full', () => {
    expect(renderText(view, { full: true, style: PLAIN })).toMatch(/coordinator: \{"votes":\{\},"decision":null\}/);
  });
  it('colours only when asked', () => {
    expect(text).not.toContain('\x1b[');
    expect(renderText(view, { style: COLOURS })).toContain('\x1b[31m');
    expect(wantsColour(true, {})).toBe(true);
    expect(wantsColour(false, {})).toBe(false);
    expect(wantsColour(true, { NO_COLOR: '1' })).toBe(false);
    expect(wantsColour(false, { FORCE_COLOR: '1' })).toBe(true);
    expect(wantsColour(true, { FORCE_COLOR: '0' })).toBe(false);
  });
});

describe('the Mermaid view', () => {
  const m = renderMermaid(view);
  it('is a well-formed sequenceDiagram', () => {
    const lines = m.split('\n');
    expect(lines[0]).toBe('sequenceDiagram');
    const statement = /^ {2}(participant n\d+ as [^;#\n]+|n\d+(->>|--x)n\d+: [^;#\n]+|Note (over n\d+(,n\d+)?|right of n\d+): [^;\n]+|rect .+|end)$/;
    for (const l of lines.slice(1)) expect(l).toMatch(statement);
    // Every `#` left is an entity code.
    for (const l of lines) expect(l.replace(/#(\d+|quot);/g, '')).not.toContain('#');
  });
  it('has participants, labelled arrows, notes for faults and the violated property last', () => {
    expect(m).toContain('participant n0 as coordinator');
    expect(m).toContain('n0->>n2: 10. Decide(abort)');
    expect(m).toContain('Note over n0: 8. ✗ coordinator crashes');
    expect(m.split('\n').at(-1)).toMatch(/^ {2}Note over n0,n2: ✗ Atomicity violated<br\/>participant1: .*phase=committed/);
  });
  it('escapes what Mermaid would parse', () => {
    expect(mermaidText('a;b #1 <x> "q"\nz')).toBe('a#59;b #35;1 #60;x#62; #quot;q#quot; z');
  });
  it('draws a lost message with a cross', () => {
    const lossy = twoPhaseCommit({ participants: 2, lose: 1 });
    const lose = traceOf(lossy, 'Atomicity', [{ kind: 'lose', from: 0, to: 1, msg: { type: 'Prepare' } }]);
    expect(renderMermaid(viewOfTrace(lossy, lose))).toContain('n0--xn1: 1. ⌁ lost Prepare');
  });
  it('draws a step it could not replay from its action, labelled as the trace labels it', () => {
    const lose = { ...view.trace, steps: [{ action: { kind: 'lose', from: 0, to: 1, msg: { type: 'Prepare' } }, label: '⌁ lost coordinator → participant1: Prepare' }] };
    expect(renderMermaid(bareView(lose))).toContain('n0--xn1: 1. ⌁ lost coordinator → participant1: Prepare');
  });
});

describe('the HTML view', () => {
  const html = renderHtml(view);
  it('is one self-contained page', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).not.toMatch(/<link\b|\bsrc=|@import|url\(http/i);
    expect(html.match(/https?:\/\/[^'"\s]+/g) ?? []).toEqual(['http://www.w3.org/2000/svg']);
  });
  it('embeds the trace so that no text can close the script', () => {
    const nasty = { ...view, trace: { ...view.trace, config: '</script><script>alert(1)</script>' } };
    const page = renderHtml(nasty);
    expect(page.match(/<\/script>/g)?.length).toBe(2);
    expect(page).toContain('&lt;/script&gt;');
  });
});

describe('a lasso (a run that loops for ever)', () => {
  // Hand-made: after its last step the run is back in the state after step 3 and repeats.
  const lasso = { ...view, trace: { ...view.trace, cycleStart: 3 } };
  const loop = '↺ back to step 3; repeats for ever';
  it('ends the text view with the loop back', () => {
    const lines = renderText(lasso, { style: PLAIN }).split('\n');
    const at = lines.findIndex((l) => l.includes(loop));
    expect(at).toBeGreaterThan(lines.findIndex((l) => /^\s+10\s/.test(l)));
    expect(renderText(view, { style: PLAIN })).not.toContain('↺ back');
  });
  it('ends the Mermaid diagram with the loop back, before the verdict', () => {
    const lines = renderMermaid(lasso).split('\n');
    expect(lines.at(-2)).toBe(`  Note over n0,n2: ${mermaidText(loop)}`);
  });
  it('says so in the HTML page', () => {
    expect(renderHtml(lasso)).toContain('"cycleStart":3');
    expect(renderHtml(view)).toContain('"cycleStart":null');
  });
  it('loops back to the initial state in a raw model', () => {
    const raw = { trace: { ...view.trace, nodes: undefined, cycleStart: 0 }, states: [], records: [], culprits: [] };
    expect(renderText(raw, { style: PLAIN })).toContain('↺ back to the initial state; repeats for ever');
  });
});

describe('a raw model (no actors)', () => {
  const tp = twoPhase(2, { bug: 'tm-commit-without-all-prepared' });
  const found = foundTrace(tp, {}, 'buggy');
  const rawView = viewOfTrace(tp, found);
  it('records each step as its label and what changed in the state', () => {
    expect(rawView.records.map((r) => r.kind)).toEqual(['init', ...found.steps.map(() => 'step')]);
    expect(rawView.records.slice(1).map((r) => r.label)).toEqual(found.steps.map((s) => s.label));
    expect(rawView.records[1]!.changes.length).toBeGreaterThan(0);
  });
  it('lists the actions with their changes', () => {
    const text = renderText(rawView, { style: PLAIN });
    for (const c of rawView.records[1]!.changes) expect(text).toContain(`${c.path || 'state'}: `);
    expect(text).toContain(`1  ${found.steps[0]!.label}`);
  });
});
