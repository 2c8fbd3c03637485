import { explore, causalTrace } from './checker/index.ts';
import { lamportClocks, vectorClocks } from './protocols/clocks/clock-system.ts';
import { explainClockCondition, explainStrongClockCondition } from './protocols/clocks/clock-condition.ts';
for (const [name, mk, ex] of [['lamport', lamportClocks, explainClockCondition], ['vector', vectorClocks, explainStrongClockCondition]] as const) {
  for (const bug of [undefined, name === 'lamport' ? 'lamport-no-max-on-receive' : 'vc-no-increment-on-send'] as const) {
    for (const [n, b] of [[2, 2], [2, 3], [3, 2]]) {
      const m = (mk as typeof lamportClocks)({ processes: n, budget: b, bug });
      const o = explore(m);
      console.log(name, bug ?? 'correct', n, b, o.status, o.property ?? '', o.distinctStates, o.maxDepth, o.ms + 'ms');
      if (o.path) { console.log(causalTrace(m, o.path)); console.log((ex as typeof explainClockCondition)(o.path.states.at(-1)!, m.nodeNames)); }
    }
  }
}
