import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replay } from '../../checker/trace/replay.ts';
import type { Trace } from '../../checker/trace/trace.ts';
import { counterexample, startOn, type Explorer } from './explorer-client.ts';

/** The explorer on one configuration, with the counterexample `check` finds for it. */
function onBug(file: string, config: string, property: string, searchFrom: 'start' | number): () => { x: Explorer; trace: Trace } {
  let x: Explorer;
  let trace: Trace;
  beforeAll(async () => {
    trace = await counterexample(file, config);
    x = await startOn(file, config);
  });
  afterAll(async () => x.close());

  it(`takes the steps of check's counterexample and lands on the ${property} violation`, async () => {
    const { init, steps } = await x.post<{ init: number; steps: number[] }>('/api/open', { trace });
    expect(steps).toHaveLength(trace.steps.length);
    // Each step is offered, enabled and labelled as the trace labels it, in the state it is taken in.
    for (let k = 0; k < steps.length; k++) {
      const v = await x.state(steps.slice(0, k), init);
      const offered = v.steps.find((s) => s.index === steps[k]);
      expect(offered).toMatchObject({ enabled: true, label: trace.steps[k]!.label });
    }
    const end = await x.state(steps, init);
    expect(end.violated?.property).toBe(property);
    expect(end.properties.find((p) => p.name === property)?.status).toBe('violated');
    // The diagram of the path is the trace views' drawing, ruled where the property fails.
    expect(end.page.steps.map((s) => s.label)).toEqual(trace.steps.map((s) => s.label));
    expect(end.page.violationAt).toBe(end.violated!.at);
  });

  it('reopens the same state from the path alone (as a URL carries it)', async () => {
    const { steps } = await x.post<{ steps: number[] }>('/api/open', { trace });
    const a = await x.state(steps);
    const b = await x.state(steps);
    expect(b.state).toEqual(a.state);
    expect(b.state).toEqual(trace.finalState);
  });

  it('saves the path as a trace that replay reproduces', async () => {
    const { steps } = await x.post<{ steps: number[] }>('/api/open', { trace });
    const saved = await x.post<Trace>('/api/trace', { init: 0, path: steps });
    expect(saved).toMatchObject({ format: 'interleave-trace', spec: trace.spec, config: trace.config, file: trace.file, property });
    expect(replay(x.open.model, saved).status).toBe('reproduced');
  });

  it('searches from here to a violation', async () => {
    const { steps } = await x.post<{ steps: number[] }>('/api/open', { trace });
    const from = searchFrom === 'start' ? [] : steps.slice(0, steps.length - searchFrom);
    const r = await x.search(from);
    expect(r.status).toBe('found');
    expect(r.path!.slice(0, from.length)).toEqual(from);
    const end = await x.state(r.path!);
    expect(end.violated).not.toBeNull();
    // Breadth-first: no longer than check's own (breadth-first) counterexample.
    if (searchFrom === 'start') expect(r.path!.length).toBeLessThanOrEqual(trace.steps.length);
  });
  return () => ({ x, trace });
}

describe('the explorer API on a raw model (TwoPhaseBuggy, TLA+ style)', () => {
  onBug('specs/tlaplus/TwoPhaseBuggy.ts', 'tm-commit-without-all-prepared', 'TCConsistent', 'start');
});

describe('the explorer API on an actor system (2PC, decision not logged)', () => {
  const opened = onBug('specs/twopc/two-phase-commit.ts', 'decision-not-logged', 'Atomicity', 'start');

  it('searches from here to a sometimes goal, which the page then shows as reached', async () => {
    const { x } = opened();
    const r = await x.search([], 'sometimes:Committed');
    expect(r).toMatchObject({ status: 'found', property: 'Committed' });
    const end = await x.state(r.path!);
    expect(end.properties.find((p) => p.name === 'Committed')).toMatchObject({ status: 'reached', at: r.path!.length });
    expect(end.nodes!.map((n) => n.role)).toEqual(['coordinator', 'participant', 'participant']);
  });
});

describe('the explorer API on Raft (votedFor not durable)', () => {
  onBug('specs/raft/raft.ts', 'votedfor-not-durable', 'Election Safety', 'start');
});

describe('the explorer API on ABD with clients (read without write-back)', () => {
  const opened = onBug('specs/quorum/abd.ts', 'read-without-write-back', 'Linearizable', 4);

  it('shows the clients’ history verdict, with the checker’s explanation naming clients by node', async () => {
    const { x, trace } = opened();
    {
      const { steps } = await x.post<{ steps: number[] }>('/api/open', { trace });
      const start = await x.state([]);
      expect(start.history).toMatchObject({ property: 'Linearizable', linearizable: true });
      const end = await x.state(steps);
      expect(end.history?.linearizable).toBe(false);
      expect(end.history?.clients.length).toBeGreaterThan(0);
      for (const c of end.history!.clients) expect(c).toMatch(/^client\d+$/);
      expect(end.history?.explanation).toContain('longest linearizable prefix');
      expect(end.history?.explanation).toMatch(/cannot place: client\d+ read\(\)/);
      // Operations read through the register's spec.
      expect(end.page.operations.map((o) => o.text)).toContain('write("1") …'); // still pending
      expect(end.page.operations.some((o) => /^read\(\) → /.test(o.text))).toBe(true);
    }
  });
});

describe('the explorer API on TwoPhase (raw model, holds)', () => {
  let x: Explorer;
  beforeAll(async () => {
    x = await startOn('specs/tlaplus/TwoPhase.ts', 'rm2');
  });
  afterAll(async () => x.close());

  it('walks, labels steps as the model formats them, and greys the disabled ones', async () => {
    const v0 = await x.state([]);
    expect(v0.nodes).toBeNull();
    expect(v0.steps.some((s) => s.enabled)).toBe(true);
    expect(v0.steps.some((s) => !s.enabled)).toBe(true);
    const first = v0.steps.find((s) => s.enabled)!;
    const v1 = await x.state([first.index]);
    expect(v1.last?.label).toBe(first.label);
    expect(v1.last?.changes.length).toBeGreaterThan(0);
    expect(v1.properties.every((p) => p.status === 'holds')).toBe(true);
    // The path as a trace: replay applies every step, and the invariant still holds.
    const saved = await x.post<Trace>('/api/trace', { init: 0, path: [first.index] });
    expect(replay(x.open.model, saved).status).toBe('fixed');
  });

  it('finds nothing to violate within the whole space, and refuses a path that does not apply', async () => {
    const r = await x.search([]);
    expect(r.status).toBe('not found');
    expect(r.states).toBe(56); // TLC's count for TwoPhase with 2 resource managers
    const v0 = await x.state([]);
    const disabled = v0.steps.find((s) => !s.enabled)!;
    expect(await x.fails('GET', `/api/state?path=${disabled.index}`)).toEqual({ status: 400, error: `step 1: ${disabled.label} is not enabled` });
    expect((await x.fails('GET', '/api/state?path=999')).status).toBe(400);
    expect((await x.fails('POST', '/api/search', { path: [], goal: 'sometimes:Nope' })).error).toContain('no sometimes property named Nope');
  });

  it('cancels a search when asked, and a new search cancels the old one', async () => {
    const big = await startOn('specs/tlaplus/TwoPhase.ts', 'rm7');
    try {
      const running = big.search([], 'violation', 10_000_000);
      await new Promise((r) => setTimeout(r, 150));
      const progress = await big.get<{ status: string; states: number }>('/api/search');
      expect(progress.status).toBe('running');
      await big.fails('DELETE', '/api/search');
      expect((await running).status).toBe('cancelled');
      const first = big.search([], 'violation', 10_000_000);
      await new Promise((r) => setTimeout(r, 100));
      const second = big.search([], 'violation', 50);
      expect((await first).status).toBe('cancelled');
      expect((await second).status).toBe('bound reached');
    } finally {
      await big.close();
    }
  });
});
