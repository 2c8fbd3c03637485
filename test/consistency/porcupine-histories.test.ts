// Our verdicts on Porcupine's reference histories equal Porcupine's own (EXPECTED.tsv). The
// histories are part of this repository (histories/porcupine), so these tests always run.

import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkLinearizability } from '../../checker/consistency/linearizability.ts';
import { parseHistory } from '../../checker/consistency/parse/detect.ts';
import { builtinSpecs } from '../../checker/consistency/specs/index.ts';

const dir = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../histories/porcupine');
const expectedFile = join(dir, 'EXPECTED.tsv');

/** Generous next to the few hundred milliseconds the slowest file takes; exceeding it fails as `unknown`. */
const PER_FILE_BUDGET_MS = 20_000;

function rows(): { file: string; model: string; linearizable: boolean }[] {
  return readFileSync(expectedFile, 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => {
      const [file, model, expected] = line.split('\t') as [string, string, string];
      return { file, model, linearizable: expected === 'true' };
    });
}

describe('Porcupine reference histories', () => {
  const all = rows();

  it('covers every history file listed in EXPECTED.tsv (102 etcd, 6 kv)', () => {
    expect(all.filter((r) => r.model === 'etcd')).toHaveLength(102);
    expect(all.filter((r) => r.model === 'kv')).toHaveLength(6);
  });

  it.each(all)('$file is linearizable: $linearizable', ({ file, model, linearizable }) => {
    const parsed = parseHistory(readFileSync(join(dir, file), 'utf8'), file);
    expect(parsed.model).toBe(model === 'etcd' ? 'cas-register' : 'kv');
    const spec = builtinSpecs[model === 'etcd' ? 'cas-register' : 'kv'];
    const result = checkLinearizability(parsed.history, spec, { timeoutMs: PER_FILE_BUDGET_MS });
    expect(result.result).toBe(linearizable ? 'linearizable' : 'not-linearizable');
    if (!linearizable) expect(result.failure).toBeDefined();
  }, PER_FILE_BUDGET_MS + 10_000);
});
