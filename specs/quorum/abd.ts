// ABD's multi-writer atomic register: linearizable with majority quorums and read write-back;
// without the write-back, two reads can invert (new, then old).

import { defineSpec } from '../../checker/index.ts';
import { abdRegister, read, write } from '../../protocols/quorum/index.ts';

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
    },
  },
});
