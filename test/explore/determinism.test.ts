import { describe, expect, it } from 'vitest';
import { checkConfig } from '../../checker/check.ts';
import { verifyPath } from '../../checker/explore/determinism.ts';
import { explore } from '../../checker/explore/search.ts';
import { InputError } from '../../checker/errors.ts';
import type { Model } from '../../checker/model.ts';
import { actorSystem } from '../../checker/index.ts';
import spec, { moduleCounter, randomStep } from '../cli/fixtures/nondeterministic.ts';

const FILE = 'test/cli/fixtures/nondeterministic.ts';

describe('a model that is not a function of its state', () => {
  it('is refused by every exhaustive strategy when next draws at random (on every run: each early expansion is re-executed)', () => {
    for (let run = 0; run < 20; run++) {
      for (const strategy of ['bfs', 'dfs'] as const) {
        expect(() => explore(randomStep(60), { strategy })).toThrow(/^nondeterministic: action Add from the state after steps \[(Add(, )?)*\] /);
      }
    }
  });

  it('is refused when next reads a counter outside the state, naming the action and the path', () => {
    expect(() => explore(moduleCounter(60))).toThrow(new InputError('nondeterministic: action Add from the state after steps [] gave two different states'));
  });

  it("is refused when an actor's handler reads a counter outside its state, although deliveries are remembered", () => {
    let calls = 0;
    const model = actorSystem<{ seen: number }, 'ping'>({
      actors: [
        { actor: { name: 'server', init: () => ({ seen: 0 }), onMessage: (s) => void (s.seen = (calls++ % 2) + 1) }, count: 1 },
        { actor: { name: 'sender', init: (ctx) => (ctx.send(0, 'ping'), { seen: 0 }) }, count: 1 },
      ],
      properties: [],
    });
    expect(() => explore(model)).toThrow(/^nondeterministic: action .*ping.* gave two different states/);
  });

  it('is reported as bad input naming the file, the spec and the configuration', () => {
    for (const config of ['random', 'counter']) {
      const r = checkConfig(spec, config, FILE);
      expect(r.status).toBe('error');
      expect(r.error).toMatch(new RegExp(`^${FILE}: Nondeterministic/${config}: nondeterministic: action Add from the state after steps \\[`));
    }
  });

  it('a counterexample the model does not reproduce is refused before it is written', () => {
    const model: Model<{ x: number }, 'add'> = {
      init: () => [{ x: 0 }],
      actions: () => ['add'],
      next: (s) => ({ x: s.x + 1 }),
      properties: [],
      formatAction: () => 'Add',
    };
    expect(() => verifyPath(model, { init: 0, actions: ['add', 'add'], states: [{ x: 0 }, { x: 1 }, { x: 2 }] })).not.toThrow();
    expect(() => verifyPath(model, { init: 0, actions: ['add', 'add'], states: [{ x: 0 }, { x: 1 }, { x: 3 }] })).toThrow(
      'nondeterministic: action Add from the state after steps [Add] gave two different states',
    );
  });
});
