// ABD's multi-writer atomic register: linearizable with majority quorums and read write-back;
// without the write-back, two reads can invert (new, then old).

import { defineSpec, registerSpec, type RuntimeWorkload } from '../../checker/index.ts';
import { abdRegister, read, write, type Op } from '../../protocols/quorum/index.ts';

/** For a real run: each client a script of random reads and writes, every written value unique. */
const randomScripts = ({ clients, operations, seed }: RuntimeWorkload): Op[][] => {
  let x = seed >>> 0 || 1;
  const coin = (): boolean => ((x = (Math.imul(x, 1103515245) + 12345) >>> 0) & 0x10000) !== 0;
  return Array.from({ length: clients }, (_, c) => Array.from({ length: operations }, (_, k) => (coin() ? read : write(`${c}.${k}`))));
};
const runtime = (bug?: 'read-without-write-back') => ({
  spec: registerSpec,
  model: (w: RuntimeWorkload) => abdRegister({ replicas: 3, workload: randomScripts(w), ...(bug ? { bug } : {}) }),
});

export default defineSpec({
  name: 'AbdRegister',
  description: 'replicas and scripted clients; the history must be linearizable as a register',
  configs: {
    'r2-write-2reads': {
      model: () => abdRegister({ replicas: 2, workload: [[write('1')], [read, read]] }),
      expect: 'holds',
      description: '2 replicas; one client writes while another reads twice',
    },
    'r3-write-read': {
      model: () => abdRegister({ replicas: 3, workload: [[write('1')], [read]] }),
      expect: 'holds',
      description: '3 replicas; one write, one read',
      heavy: true,
      runtime: runtime(),
    },
    'r2-2writers': {
      model: () => abdRegister({ replicas: 2, workload: [[write('1')], [write('2')], [read]] }),
      expect: 'holds',
      description: '2 replicas; two concurrent writers and a reader (multi-writer timestamps)',
    },
    'read-without-write-back': {
      model: () => abdRegister({ replicas: 3, workload: [[write('1')], [read, read]], bug: 'read-without-write-back' }),
      expect: { violates: 'Linearizable' },
      description: 'bug: a read returns without writing back; a later read returns an older value',
      runtime: runtime('read-without-write-back'),
    },
  },
});
