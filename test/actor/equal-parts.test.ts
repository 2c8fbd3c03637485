import { describe, expect, it } from 'vitest';
import { EqualParts } from '../../checker/actor/equal-parts.ts';
import type { ActorAction } from '../../checker/actor/actions.ts';
import { actorSystem, type Actor, type RegisterInput, type RegisterOutput } from '../../checker/index.ts';

describe('equal parts made one object', () => {
  it('gives back an equal state met before, whatever its key order, and a new one as it is', () => {
    const states = new EqualParts();
    const a = Object.freeze({ ballot: Object.freeze([1, 0]), decided: false });
    const sameContent = Object.freeze({ decided: false, ballot: Object.freeze([1, 0]) });
    const other = Object.freeze({ ballot: Object.freeze([2, 0]), decided: false });
    expect(states.intern(a)).toBe(a);
    expect(states.intern(sameContent)).toBe(a);
    expect(states.intern(other)).toBe(other);
    expect(states.intern(Object.freeze({ ballot: Object.freeze([2, 0]), decided: false }))).toBe(other);
  });
});

type Message = { readonly type: 'Write'; readonly value: number } | { readonly type: 'Written' };

const register: Actor<{ readonly value: number | null }, Message> = {
  name: 'register',
  init: () => ({ value: null }),
  onMessage(s, from, m, ctx) {
    if (m.type !== 'Write') return;
    s.value = m.value;
    ctx.send(from, { type: 'Written' });
  },
};

const writer: Actor<{ readonly wrote: boolean }, Message, 'write', RegisterInput, RegisterOutput> = {
  name: 'writer',
  init: () => ({ wrote: false }),
  choices: (s) => (s.wrote ? [] : ['write']),
  onChoice(s, _choice, ctx) {
    ctx.invoke({ f: 'write', value: 1 });
    ctx.send(ctx.servers[0]!, { type: 'Write', value: 1 });
    s.wrote = true;
  },
  onMessage(_s, _from, m, ctx) {
    if (m.type === 'Written') ctx.complete({});
  },
};

describe('client histories made one object', () => {
  it('two clients whose writes return in either order leave one history object, not two equal ones', () => {
    const model = actorSystem({ actors: [{ actor: register }, { actor: writer, count: 2, client: true }], properties: [] });
    type State = ReturnType<typeof model.init>[number];
    const step = (s: State, wanted: (a: ActorAction<Message>) => boolean): State => {
      const a = model.actions(s).find(wanted);
      if (a === undefined) throw new Error('no such action');
      return model.next(s, a)!;
    };
    const written = (to: number) => (a: ActorAction<Message>) => a.kind === 'deliver' && a.to === to && a.msg.type === 'Written';
    let s = model.init()[0]!;
    s = step(s, (a) => a.kind === 'choose' && a.node === 1);
    s = step(s, (a) => a.kind === 'choose' && a.node === 2);
    s = step(s, (a) => a.kind === 'deliver' && a.from === 1);
    s = step(s, (a) => a.kind === 'deliver' && a.from === 2);
    const firstThenSecond = step(step(s, written(1)), written(2));
    const secondThenFirst = step(step(s, written(2)), written(1));
    expect(firstThenSecond.history).toEqual(secondThenFirst.history);
    expect(firstThenSecond.history).toBe(secondThenFirst.history);
  });
});
